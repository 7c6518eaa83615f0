"""Managing assessments from the command line: rename, re-assess, archive, delete with a
backup, import of one already there, and copy that updates in place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.services import managing
from readiness.storage.opening import open_store

pytestmark = pytest.mark.both_backends


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What the argument parser says when it refuses the command line."""
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    assert stopped.value.code == 2
    return capsys.readouterr().err


@pytest.fixture
def db(store_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    # A server's assessment is kept in the user's data folder before a delete: here, a tmp one.
    monkeypatch.setattr(managing, "server_copies_folder", lambda: tmp_path / "kept")
    return store_location


def _ids(capsys: pytest.CaptureFixture[str], db: str, *flags: str) -> list[str]:
    _, out, _ = run(capsys, "list", "--db", db, *flags)
    return [line.split()[0] for line in out.splitlines()[1:] if line.split()[0].isdigit()]


def test_rename_says_old_and_new_and_refuses_a_bad_title(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "demo", "--db", db)
    code, out, _ = run(capsys, "rename", "--db", db, "--assessment", "1", "--title", "2027 final")
    assert code == 0 and out.strip().endswith("-> 2027 final")
    err = refused(capsys, "rename", "--db", db, "--assessment", "1", "--title", "")
    assert "--title" in err and "is empty" in err
    code, _, err = run(capsys, "rename", "--db", db, "--assessment", "9", "--title", "x")
    assert code == 1 and "no assessment with id 9" in err


def test_duplicate_starts_a_linked_re_assessment(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "demo", "--db", db)
    code, out, _ = run(capsys, "duplicate", "--db", db, "--assessment", "1", "--title", "2028")
    assert code == 0 and out.strip().splitlines()[-1] == "2"
    with open_store(db) as store:
        old, new = store.snapshot(1), store.snapshot(2)
    assert new.assessment.previous_id == 1 and new.assessment.title == "2028"
    assert len(new.answers) == len(old.answers) > 100
    code, out, _ = run(capsys, "duplicate", "--db", db, "--assessment", "2")
    assert code == 0 and "(20" in out  # the old title with today's date


def test_archive_hides_from_the_list_and_undo_brings_it_back(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "demo", "--db", db)
    run(capsys, "new", "--db", db, "--company", "Acme", "--markets", "IT")
    code, out, _ = run(capsys, "archive", "--db", db, "--assessment", "1")
    assert code == 0 and "list --archived" in out
    assert _ids(capsys, db) == ["2"]
    _, out, _ = run(capsys, "list", "--db", db)
    assert "1 archived not shown" in out
    assert _ids(capsys, db, "--archived") == ["1"]
    assert sorted(_ids(capsys, db, "--all")) == ["1", "2"]
    code, out, _ = run(capsys, "archive", "--db", db, "--assessment", "1", "--undo")
    assert code == 0 and "in the list again" in out
    assert sorted(_ids(capsys, db)) == ["1", "2"]
    assert "not allowed with" in refused(capsys, "list", "--db", db, "--archived", "--all")


def test_delete_needs_yes_then_backs_up_and_names_the_backup(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", db)
    code, _, err = run(capsys, "delete", "--db", db, "--assessment", "1")
    assert code == 1 and "add --yes" in err and "Nothing was deleted" in err
    assert _ids(capsys, db) == ["1"]
    code, out, _ = run(capsys, "delete", "--db", db, "--assessment", "1", "--yes")
    assert code == 0
    backup = Path(out.split("a backup taken just before is ")[1].split(" ")[0])
    assert backup.is_file()
    if backup.suffix == ".json":  # a server's assessment, kept on this computer
        assert backup.parent == tmp_path / "kept"
    else:  # a database file, backed up whole
        assert backup.name.endswith("-before-delete.sqlite3")
    assert _ids(capsys, db) == []
    # The backup brings the answers back.
    if backup.suffix == ".json":
        code, out, _ = run(capsys, "import", "--db", db, str(backup))
    else:
        code, out, _ = run(capsys, "restore", "--db", db, str(backup))
    assert code == 0
    with open_store(db) as store:
        (summary,) = store.list_assessments()
        assert summary.answers > 100


def test_importing_the_same_file_again_asks_what_to_do(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", db)
    exported = tmp_path / "demo.json"
    run(capsys, "export", "--db", db, "--assessment", "1", "--out", str(exported))
    code, _, err = run(capsys, "import", "--db", db, str(exported))
    assert code == 1 and "already in the database as 1" in err
    assert "--on-existing replace" in err and "Nothing was imported" in err
    code, _, err = run(capsys, "import", "--db", db, str(exported), "--on-existing", "cancel")
    assert code == 1 and "already in the database" in err
    code, out, _ = run(capsys, "import", "--db", db, str(exported), "--on-existing", "keep-both")
    assert code == 0 and "(imported 20" in out and out.strip().splitlines()[-1] == "2"
    run(capsys, "answer", "--db", db, "--assessment", "1", "--item", "CERT-004",
        "--market", "IT", "--value", "0")  # fmt: skip
    code, out, _ = run(capsys, "import", "--db", db, str(exported), "--on-existing", "replace")
    assert code == 0 and "replaced assessment 1" in out and "backed up to" in out
    assert sorted(_ids(capsys, db)) == ["1", "2"]
    again = tmp_path / "again.json"
    run(capsys, "export", "--db", db, "--assessment", "1", "--out", str(again))
    assert json.loads(again.read_text()) == json.loads(exported.read_text())
    err = refused(capsys, "import", "--db", db, str(exported), "--on-existing", "both")
    assert "invalid choice" in err and "keep-both" in err


def test_copy_replace_updates_the_earlier_copy_and_records_who(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    laptop = str(tmp_path / "laptop.sqlite3")
    run(capsys, "demo", "--db", laptop)
    code, out, _ = run(capsys, "copy", "--from", laptop, "--to", db, "--assessment", "1",
                       "--as", "Li Wei")  # fmt: skip
    assert code == 0 and out.strip().splitlines()[-1] == "1"
    run(capsys, "rename", "--db", laptop, "--assessment", "1", "--title", "After the audit")
    code, out, _ = run(capsys, "copy", "--from", laptop, "--to", db, "--assessment", "1",
                       "--replace")  # fmt: skip
    assert code == 0 and "updated copy 1" in out and "backed up to" in out
    with open_store(db) as store:
        (summary,) = store.list_assessments()
    assert summary.title == "After the audit"
    code, out, _ = run(capsys, "copy", "--from", laptop, "--to", db, "--assessment", "1")
    assert code == 0 and "--replace updates it" in out
    assert sorted(_ids(capsys, db)) == ["1", "2"]


def test_an_archive_imported_again_is_refused_unless_told(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", db)
    archive = tmp_path / "demo.zip"
    run(capsys, "export", "--db", db, "--assessment", "1", "--out", str(archive))
    code, _, err = run(capsys, "import", "--db", db, str(archive))
    assert code == 1 and "already in the database as 1" in err and "--on-existing" in err
    code, out, _ = run(capsys, "import", "--db", db, str(archive), "--on-existing", "keep-both")
    assert code == 0 and "beside the one already there" in out
    assert sorted(_ids(capsys, db)) == ["1", "2"]


def test_an_archived_assessment_leaves_the_portfolio(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "demo", "--db", db)
    run(capsys, "new", "--db", db, "--company", "Ningbo Valves", "--markets", "IT")
    _, out, _ = run(capsys, "portfolio", "--db", db, "--market", "IT")
    assert "Hubei Chutian" in out and "Ningbo Valves" in out
    run(capsys, "archive", "--db", db, "--assessment", "1")
    code, out, _ = run(capsys, "portfolio", "--db", db, "--market", "IT")
    assert code == 0 and "Hubei Chutian" not in out and "Ningbo Valves" in out
