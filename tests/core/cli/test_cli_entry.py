"""Every argument is checked where it enters: one line that names it, never a traceback.

The limits are the exchange format's, so nothing a command stores is refused
by an export or a copy later (issue 14, items 8 and 9).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.storage.opening import open_store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run a command as the shell would: argparse's refusals exit with code 2."""
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def error_line(err: str) -> str:
    """The one line that explains the failure (argparse puts its usage above it)."""
    lines = err.strip().splitlines()
    assert lines and "Traceback" not in err
    assert lines[-1].startswith("readiness"), err
    return lines[-1]


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    location = str(tmp_path / "entry.sqlite3")
    assert run(capsys, "new", "--db", location, "--company", "Acme", "--markets", "IT")[0] == 0
    return location


def _stored(db: str) -> tuple[object, ...]:
    with open_store(db, read_only=True) as store:
        return tuple(store.snapshot(s.id) for s in store.list_assessments())


LONGER_THAN_EXCHANGE = {
    "note": ("answer", "--item", "CERT-001", "--value", "3", "--note", "a" * 100_001),
    "company": ("new", "--company", "a" * 501),
    "title": ("new", "--company", "Acme", "--title", "a" * 501),
    "assignee": ("assign", "--item", "CERT-001", "--to", "a" * 201),
}


@pytest.mark.parametrize("command", LONGER_THAN_EXCHANGE.values(), ids=LONGER_THAN_EXCHANGE.keys())
def test_text_longer_than_an_exchange_file_allows_is_refused_at_entry(
    capsys: pytest.CaptureFixture[str], db: str, command: tuple[str, ...]
) -> None:
    """Issue 14, item 8: the CLI stored these, then export refused and copy crashed."""
    before = _stored(db)
    extra = ("--assessment", "1") if command[0] in ("answer", "assign") else ()
    code, _, err = run(capsys, command[0], "--db", db, *extra, *command[1:])
    assert code == 2
    assert "characters long; at most" in error_line(err)
    assert _stored(db) == before


def test_text_at_the_limits_is_stored_and_copied(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    assert run(capsys, "new", "--db", db, "--company", "a" * 500, "--markets", "IT")[0] == 0
    note = ["answer", "--db", db, "--assessment", "2", "--item", "CERT-001", "--market", "IT"]
    note += ["--value", "3"]
    assert run(capsys, *note, "--note", "n" * 100_000)[1] == "saved\n"
    assignee = ("assign", "--db", db, "--assessment", "2", "--item", "CERT-001")
    assert run(capsys, *assignee, "--to", "p" * 200)[0] == 0
    target = str(tmp_path / "copy.sqlite3")
    code, _, err = run(capsys, "copy", "--from", db, "--to", target, "--assessment", "2")
    assert code == 0, err


@pytest.mark.parametrize("text", ["a\x00b", "a\x1bb", "a\x7fb"])
def test_control_characters_in_a_text_argument_are_refused(
    capsys: pytest.CaptureFixture[str], db: str, text: str
) -> None:
    """Issue 14, item 7: what the spreadsheet cannot hold never gets in."""
    code, _, err = run(capsys, "new", "--db", db, "--company", text)
    assert code == 2 and "control or invalid character" in error_line(err)


@pytest.mark.parametrize("value", ["9" * 20, "9223372036854775808", "-1", "0", "1e3", "٣"])
def test_an_assessment_id_outside_sqlites_range_is_one_line(
    capsys: pytest.CaptureFixture[str], db: str, value: str
) -> None:
    """Issue 14, item 9: 20 digits gave OverflowError from SQLite."""
    code, _, err = run(capsys, "score", "--db", db, "--assessment", value)
    assert code == 2 and "is not an assessment id" in error_line(err)


def test_an_argument_that_is_not_utf8_is_one_line(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """Issue 14, item 9: undecodable bytes arrive as surrogates and broke the database write."""
    company = os.fsdecode(b"Acme \xff")
    code, _, err = run(capsys, "new", "--db", db, "--company", company)
    assert code == 2 and "is not valid UTF-8 text" in error_line(err)
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "address", ["mysql://u@h/d", "postgresql+psycopg2://u@h/d", "foo://x", "oracle+cx://h"]
)
@pytest.mark.parametrize("command", ["list", "login"])
def test_a_database_address_the_app_cannot_use_is_one_line(
    capsys: pytest.CaptureFixture[str], address: str, command: str
) -> None:
    """Issue 14, item 9: each gave a missing-module traceback."""
    extra = ("--password-stdin",) if command == "login" else ()
    code, _, err = run(capsys, command, "--db", address, *extra)
    assert code == 1
    assert "is not a database this app can use" in error_line(err)
    assert len(err.strip().splitlines()) == 1


def test_a_plain_postgresql_address_means_the_driver_the_app_has() -> None:
    from readiness.storage.credentials import connect_url

    assert connect_url("postgresql://u@h/d").drivername == "postgresql+psycopg"


LONG = "a" * 300


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--assessment", "1", "--out", f"{LONG}.json"),
        ("export", "--assessment", "1", "--out", f"{LONG}.xlsx"),
        ("import", f"{LONG}.json"),
        ("report", "--assessment", "1", "--out", f"{LONG}.pdf"),
    ],
    ids=["json", "xlsx", "import", "report"],
)
def test_a_file_name_too_long_for_the_file_system_is_one_line(
    capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...]
) -> None:
    """Issue 14, item 9: ENAMETOOLONG came out as a traceback."""
    code, _, err = run(capsys, args[0], "--db", db, *args[1:])
    assert code == 2 and "longer than the 255 bytes" in error_line(err)


def test_a_database_name_too_long_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "list", "--db", str(tmp_path / f"{LONG}.sqlite3"))
    assert code == 2 and "longer than the 255 bytes" in error_line(err)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("command", [("import",), ("validate",)])
def test_reading_an_endless_device_is_refused(
    capsys: pytest.CaptureFixture[str], db: str, command: tuple[str, ...]
) -> None:
    """Issue 14, item 10: both grew to 24 GB before the kernel stopped them."""
    extra = ("--db", db) if command[0] == "import" else ()
    code, _, err = run(capsys, *command, *extra, "/dev/zero")
    assert code == 1
    assert "device, pipe or folder" in err and "Traceback" not in err


_FULL_DISK = """
import resource, signal, sys
import readiness.exchange.spreadsheet as sheet
write = sheet.write_atomically
def on_a_full_disk(*args, **kwargs):
    # Files may grow to 3 kB from here on: the workbook's write fails half-way.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (3000, resource.RLIM_INFINITY))
    return write(*args, **kwargs)
sheet.write_atomically = on_a_full_disk
from readiness.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are POSIX")
def test_a_workbook_that_does_not_fit_on_the_disk_is_one_line_and_no_file(
    db: str, tmp_path: Path
) -> None:
    """Issue 14, item 9: the half-written archive complained with a traceback."""
    out = tmp_path / "out" / "export.xlsx"
    out.parent.mkdir()
    command = ["export", "--db", db, "--assessment", "1", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, *command],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])},
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"readiness: error: cannot write {out}: File too large"
    ]
    assert list(out.parent.iterdir()) == []


def test_a_refused_custom_market_leaves_no_company_behind(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    """The company and its assessment are two writes: the second's markets are checked first."""
    before = _stored(db)
    spec = "PH:Phil\x01ippines:asean"
    code, _, err = run(capsys, "new", "--db", db, "--company", "Orphan", "--custom-market", spec)
    assert code == 1 and "control or invalid character" in error_line(err)
    assert _stored(db) == before
    with open_store(db, read_only=True) as store:
        assert [s.company for s in store.list_assessments()] == ["Acme"]


def test_a_refused_value_is_repeated_without_terminal_control_codes(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, _, err = run(capsys, "score", "--db", db, "--assessment", "1", "--lang", "\x1b[2J")
    assert code == 2 and "\x1b" not in err and "\\x1b[2J" in error_line(err)
    code, _, err = run(
        capsys, "answer", "--db", db, "--assessment", "1", "--item", "a\nb\x1b", "--value", "3"
    )
    assert code == 1 and err.count("\n") == 1 and "\x1b" not in err


@pytest.mark.parametrize("value", ["a\x00b", ""])
def test_a_file_name_with_a_nul_or_nothing_is_refused(
    capsys: pytest.CaptureFixture[str], db: str, value: str
) -> None:
    code, _, err = run(capsys, "export", "--db", db, "--assessment", "1", "--out", value)
    assert code == 2 and ("NUL" in err or "empty" in err)


def test_an_empty_database_option_means_the_default(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READINESS_DB", db)
    assert run(capsys, "list", "--db", "")[0] == 0


def test_a_home_folder_of_nobody_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Found by the fuzz suite: ``~0`` raised RuntimeError from the path expansion."""
    code, _, err = run(capsys, "list", "--db", "~no-such-user-here/x.sqlite3")
    assert code == 1 and "no home folder is known" in error_line(err)
