"""The store's command line, as a script or a test would drive it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.storage.backup import list_backups


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(store_location: str) -> str:
    return store_location


@pytest.mark.both_backends
def test_new_prints_the_id_last(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(
        capsys, "new", "--db", db, "--company", "Acme Brakes", "--markets", "IT,MA,LA"
    )
    assert code == 0
    assert out.strip().splitlines()[-1] == "1"


@pytest.mark.both_backends
def test_unknown_market_is_explained(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "XX")
    assert code == 1
    assert "unknown market 'XX'" in err and "--custom-market" in err


@pytest.mark.both_backends
def test_custom_market_from_a_region(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "new", "--db", db, "--company", "Acme", "--custom-market", "PH:Philippines:asean")
    code, out, _ = run(capsys, "list", "--db", db)
    assert code == 0 and "PH" in out


def test_answer_prints_saved_after_the_commit(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "IT")
    code, out, _ = run(
        capsys,
        "answer",
        "--db",
        db,
        "--assessment",
        "1",
        "--item",
        "cert-001",
        "--market",
        "it",
        "--value",
        "3",
        "--note",
        "E-mark pending",
    )
    assert (code, out.strip()) == (0, "saved")
    with sqlite3.connect(db) as connection:
        row = connection.execute("SELECT item_id, market_code, value, note FROM answer").fetchone()
    assert row == ("CERT-001", "IT", "3", "E-mark pending")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--item", "NOPE-001", "--value", "3"], "unknown question 'NOPE-001'"),
        (["--item", "CERT-001", "--value", "3"], "answered per market; give one of: IT"),
        (["--item", "CERT-001", "--market", "MA", "--value", "3"], "not a target market"),
        (["--item", "CERT-001", "--market", "IT", "--value", "9"], "'9' is not an answer"),
    ],
)
@pytest.mark.both_backends
def test_bad_answers_are_refused_clearly(
    capsys: pytest.CaptureFixture[str], db: str, args: list[str], message: str
) -> None:
    run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "IT")
    code, out, err = run(capsys, "answer", "--db", db, "--assessment", "1", *args)
    assert code == 1
    assert message in err
    assert "saved" not in out


@pytest.mark.both_backends
def test_demo_then_check_and_list(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "demo", "--db", db)
    assert code == 0 and out.strip().splitlines()[-1] == "1"
    code, out, _ = run(capsys, "check", "--db", db)
    assert code == 0 and out.startswith("ok")
    code, out, _ = run(capsys, "list", "--db", db)
    assert "IT,MA,LA" in out and "Hubei Chutian" in out


@pytest.mark.both_backends
def test_demo_again_keeps_the_existing_sample(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "IT")
    code, out, _ = run(capsys, "demo", "--db", db)
    assert code == 0 and out.startswith("created") and out.strip().splitlines()[-1] == "2"
    code, out, _ = run(capsys, "demo", "--db", db)
    assert code == 0 and out.startswith("kept the existing sample assessment")
    assert out.strip().splitlines()[-1] == "2"
    _, out, _ = run(capsys, "list", "--db", db)
    assert out.count("Hubei Chutian") == 1


@pytest.mark.both_backends
def test_export_and_import_through_the_command_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", db)
    out_file = tmp_path / "demo.json"
    code, out, _ = run(capsys, "export", "--db", db, "--assessment", "1", "--out", str(out_file))
    assert code == 0 and out.strip() == str(out_file)
    other = str(tmp_path / "other.sqlite3")
    code, out, _ = run(capsys, "import", "--db", other, str(out_file))
    assert code == 0 and out.strip().splitlines()[-1] == "1"
    again = tmp_path / "again.json"
    run(capsys, "export", "--db", other, "--assessment", "1", "--out", str(again))
    assert json.loads(again.read_text()) == json.loads(out_file.read_text())


@pytest.mark.both_backends
def test_import_of_a_broken_file_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "market-entry-readiness/assessment", "format_version": 1}')
    code, _, err = run(capsys, "import", "--db", db, str(broken))
    assert code == 1
    assert "nothing was imported" in err
    _, out, _ = run(capsys, "list", "--db", db)
    assert "no assessments yet" in out


def test_backup_and_restore(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "IT")
    run(
        capsys,
        "answer",
        "--db",
        db,
        "--assessment",
        "1",
        "--item",
        "CERT-001",
        "--market",
        "IT",
        "--value",
        "4",
    )
    code, out, _ = run(capsys, "backup", "--db", db)
    backup = Path(out.strip())
    assert code == 0 and backup.exists()
    run(
        capsys,
        "answer",
        "--db",
        db,
        "--assessment",
        "1",
        "--item",
        "CERT-001",
        "--market",
        "IT",
        "--value",
        "0",
    )
    code, out, _ = run(capsys, "restore", "--db", db, str(backup))
    assert code == 0 and "restored" in out
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT value FROM answer").fetchone() == ("4",)
    assert "before-restore" in {b.reason for b in list_backups(Path(db))}


def test_a_file_that_is_not_ours_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 200)
    result = subprocess.run(
        [sys.executable, "-m", "readiness", "list", "--db", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "is not a Market Entry Readiness database" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes().startswith(b"\xff\xd8")


def test_readiness_db_environment_variable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("READINESS_DB", str(target))
    run(capsys, "new", "--company", "Acme", "--markets", "IT")
    assert target.exists()


def test_reading_commands_work_beside_an_open_app(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    from readiness.storage.opening import open_store

    run(capsys, "demo", "--db", db)
    with open_store(db):  # as the desktop app holds it
        code, out, _ = run(capsys, "score", "--db", db, "--assessment", "1", "--json")
        assert code == 0 and json.loads(out)["markets"]
        code, _, err = run(
            capsys, "answer", "--db", db, "--assessment", "1", "--item", "TALE-001", "--value", "2"
        )
        assert code == 1 and "already open" in err


def test_restore_never_overwrites_someone_elses_database(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "IT")
    code, out, _ = run(capsys, "backup", "--db", db)
    precious = tmp_path / "precious.db"
    with sqlite3.connect(precious) as other:
        other.execute("CREATE TABLE invoices (id INTEGER)")
        other.execute("INSERT INTO invoices VALUES (1)")
    code, _, err = run(capsys, "restore", "--db", str(precious), out.strip())
    assert code == 1 and "Nothing was restored" in err
    with sqlite3.connect(precious) as other:
        assert other.execute("SELECT count(*) FROM invoices").fetchone() == (1,)


def test_a_database_from_a_newer_version_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "IT")
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999'")
    code, _, err = run(capsys, "list", "--db", db)
    assert code == 1 and "newer version" in err


def test_copy_to_a_team_server_and_back_loses_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, postgres_url: str
) -> None:
    from readiness.domain.statuses import AssignmentScope
    from readiness.exchange.document import document_json, export_document
    from readiness.storage.opening import open_store

    local = str(tmp_path / "laptop.sqlite3")
    run(capsys, "demo", "--db", local)
    with open_store(local, user="Li Wei") as store:
        store.assign(1, AssignmentScope.DIMENSION, "compliance", "Zhang Min")
        store.set_action(1, "CERT-001", "IT", owner="Wang")
        before = json.loads(document_json(export_document(store, 1)))
    code, out, _ = run(capsys, "copy", "--from", local, "--to", postgres_url, "--assessment", "1")
    assert code == 0 and out.strip().splitlines()[-1] == "1"
    assert "to postgresql+psycopg://" in out
    back = str(tmp_path / "back.sqlite3")
    code, out, _ = run(capsys, "copy", "--from", postgres_url, "--to", back, "--assessment", "1")
    assert code == 0
    with open_store(back) as store:
        after = json.loads(document_json(export_document(store, 1)))
    assert after == before
    assert after["assignments"][0]["assignee"] == "Zhang Min"
    assert any(a["updated_by"] == "Li Wei" for a in after["actions"])


def test_copy_refuses_an_unknown_assessment_and_the_same_database(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "demo", "--db", db)
    code, _, err = run(capsys, "copy", "--from", db, "--to", db, "--assessment", "7")
    assert code == 1 and "no assessment with id 7" in err
    code, _, err = run(capsys, "copy", "--from", db, "--to", db, "--assessment", "1")
    assert code == 1 and "same database" in err


@pytest.mark.both_backends
def test_assigning_from_the_command_line_records_who(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "demo", "--db", db)
    code, out, _ = run(
        capsys, "assign", "--db", db, "--as", "Li Wei", "--assessment", "1",
        "--dimension", "Compliance", "--to", "Zhang Min",
    )  # fmt: skip
    assert code == 0 and out.strip() == "compliance assigned to Zhang Min"
    run(capsys, "assign", "--db", db, "--assessment", "1", "--item", "cert-001", "--to", "Chen")
    code, out, _ = run(capsys, "assign", "--db", db, "--assessment", "1")
    lines = out.strip().splitlines()
    assert "compliance" in lines[0] and "Zhang Min" in lines[0] and "(by Li Wei)" in lines[0]
    assert "CERT-001" in lines[1] and "Chen" in lines[1]
    code, out, _ = run(capsys, "assign", "--db", db, "--assessment", "1", "--item", "CERT-001")
    assert out.strip() == "CERT-001 taken back"
    code, _, err = run(capsys, "assign", "--db", db, "--assessment", "1", "--dimension", "x")
    assert code == 1 and "unknown dimension 'x'" in err


@pytest.mark.both_backends
def test_answers_from_the_command_line_carry_the_given_name(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    from readiness.storage.opening import open_store

    run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "IT")
    code, _, _ = run(
        capsys, "answer", "--db", db, "--as", "Wang Fang", "--assessment", "1",
        "--item", "CERT-001", "--market", "IT", "--value", "2",
    )  # fmt: skip
    assert code == 0
    with open_store(db) as store:
        saved = store.answer(1, "CERT-001", "IT")
    assert saved is not None and saved.updated_by == "Wang Fang"


def test_restore_of_a_backup_from_a_newer_version_changes_nothing_and_says_so(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "IT")
    _, out, _ = run(capsys, "backup", "--db", db)
    backup = Path(out.strip())
    with sqlite3.connect(backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999'")
    live = Path(db).read_bytes()
    code, out, err = run(capsys, "restore", "--db", db, str(backup))
    assert code == 1 and out == ""
    assert "newer version" in err and "Nothing was changed" in err
    assert Path(db).read_bytes() == live
    assert "before-restore" not in {b.reason for b in list_backups(Path(db))}


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    """The files in ``folder`` and their bytes, but for SQLite's shared-memory index, which a
    reader of a WAL file may leave (with an empty -wal file) and which holds no data."""
    files = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    return {
        str(path.relative_to(folder)): data
        for path, data in files.items()
        if not path.name.endswith("-shm") and not (path.name.endswith("-wal") and not data)
    }


@pytest.fixture
def demo_db(capsys: pytest.CaptureFixture[str], db_path: Path) -> str:
    """A database with the sample assessment (id 1), as a user's file after some work."""
    db = str(db_path)
    run(capsys, "demo", "--db", db)
    return db


def test_reading_and_exporting_work_when_no_backup_can_be_taken(
    capsys: pytest.CaptureFixture[str],
    demo_db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    from readiness.storage import backup as backup_module

    def disk_full(_source: Path, _target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module, "copy_database", disk_full)
    commands = {
        "list": ["list"],
        "score": ["score", "--assessment", "1", "--json"],
        "export": ["export", "--assessment", "1", "--out", str(tmp_path / "out.json")],
        "report": ["report", "--assessment", "1", "--html", str(tmp_path / "report.html")],
    }
    for name, arguments in commands.items():
        code, _, err = run(capsys, *arguments, "--db", demo_db)
        assert code == 0, f"{name}: {err}"
        [line] = err.splitlines()  # said once, on one line
        assert line.startswith("readiness: warning: Could not back up")
        assert "the disk is full" in line
    assert (tmp_path / "out.json").exists() and (tmp_path / "report.html").exists()


def test_read_only_reads_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], demo_db: str
) -> None:
    folder = Path(demo_db).parent
    answer = ["--assessment", "1", "--item", "TALE-001", "--value", "2"]
    run(capsys, "answer", "--db", demo_db, *answer)
    before = _folder_bytes(folder)
    code, out, err = run(capsys, "list", "--db", demo_db, "--read-only")
    assert code == 0 and len(out.splitlines()) == 2, err  # the heading and the sample
    code, out, _ = run(capsys, "score", "--db", demo_db, "--assessment", "1", "--read-only")
    assert code == 0
    assert _folder_bytes(folder) == before  # no backup, no lock file, no journal


@pytest.mark.parametrize(
    "arguments",
    [
        ["answer", "--assessment", "1", "--item", "TALE-001", "--value", "2"],
        ["new", "--company", "Acme"],
        ["backup"],
        ["restore", "BACKUP"],
        ["import", "EXPORT"],
    ],
    ids=lambda arguments: arguments[0],
)
def test_writing_commands_with_read_only_say_they_cannot_write(
    capsys: pytest.CaptureFixture[str], demo_db: str, arguments: list[str], tmp_path: Path
) -> None:
    _, out, _ = run(capsys, "backup", "--db", demo_db)
    files = {"BACKUP": out.strip(), "EXPORT": str(tmp_path / "sample.json")}
    run(capsys, "export", "--db", demo_db, "--assessment", "1", "--out", files["EXPORT"])
    arguments = [files.get(argument, argument) for argument in arguments]
    before = _folder_bytes(Path(demo_db).parent)
    code, _, err = run(capsys, *arguments, "--db", demo_db, "--read-only")
    assert code == 1
    assert f"'{arguments[0]}' writes to the database, and --read-only was given" in err
    assert _folder_bytes(Path(demo_db).parent) == before


def test_a_folder_that_cannot_be_written_falls_back_to_read_only_for_reading(
    capsys: pytest.CaptureFixture[str], demo_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # As in a read-only folder: the lock file beside the database cannot be made.
    monkeypatch.setattr("filelock.FileLock.acquire", refuse)
    code, out, err = run(capsys, "list", "--db", demo_db)
    assert code == 0 and out
    assert err.splitlines() == [
        f"readiness: warning: {demo_db} cannot be written (Permission denied); opened it read-only"
    ]
    code, _, err = run(
        capsys, "answer", "--db", demo_db, "--assessment", "1", "--item", "TALE-001", "--value", "2"
    )
    assert code == 1 and "Cannot write next to" in err and "read-only" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_can_still_be_read(
    capsys: pytest.CaptureFixture[str], demo_db: str, tmp_path: Path
) -> None:
    folder = Path(demo_db).parent
    before = _folder_bytes(folder)
    folder.chmod(0o555)
    try:
        for read_only in ([], ["--read-only"]):
            code, out, err = run(capsys, "score", "--db", demo_db, "--assessment", "1", *read_only)
            assert code == 0 and out, err
            assert ("opened it read-only" in err) == (not read_only)
        code, _, err = run(
            capsys,
            "answer",
            "--db",
            demo_db,
            "--assessment",
            "1",
            "--item",
            "TALE-001",
            "--value",
            "2",
        )
        assert code == 1 and "read-only" in err
    finally:
        folder.chmod(0o755)
    assert _folder_bytes(folder) == before
