"""Long commands say what they are doing on a terminal, and nothing when not on one.

A report, a portfolio report or a batch of imports shows one progress line on
standard error when it is a terminal; in a script, a pipe or the app (which runs
the command beside it) standard error carries nothing but a failure.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.cli.progress import Progress


class FakeTerminal(io.StringIO):
    """Standard error as a terminal: a stream that says it is a tty."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    location = str(tmp_path / "progress.sqlite3")
    assert main(["demo", "--db", location]) == 0
    capsys.readouterr()
    return location


@pytest.fixture
def exported(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[Path]:
    """Three copies of the demo assessment as exchange files."""
    files = [tmp_path / f"firm-{n}.json" for n in (1, 2, 3)]
    for path in files:
        assert main(["export", "--db", db, "--assessment", "1", "--out", str(path)]) == 0
    capsys.readouterr()
    return files


def test_nothing_is_written_to_a_stream_that_is_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(stream)
    with progress.stage("Working") as step:
        step("Still working")
    progress.show("Done")
    assert stream.getvalue() == ""


def test_on_a_terminal_the_line_is_drawn_then_cleared() -> None:
    stream = FakeTerminal()
    with Progress(stream).stage("Working") as step:
        step("Still working")
    written = stream.getvalue()
    assert "Working" in written and "Still working" in written
    # The last thing written blanks the line and returns to its start.
    assert written.endswith("\r") and written.rsplit("\r", 2)[-2].strip() == ""


def test_importing_many_files_counts_them_on_a_terminal(
    db: str,
    exported: list[Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["import", "--db", db, "--on-existing", "keep-both", *map(str, exported)]) == 0
    shown = terminal.getvalue()
    assert "[1/3] Importing firm-1.json" in shown and "[3/3] Importing firm-3.json" in shown
    # Each file's new id is printed, on its own line, after the progress line is gone.
    assert capsys.readouterr().out.splitlines()[1::2] == ["2", "3", "4"]


def test_importing_many_files_is_quiet_off_a_terminal(
    db: str, exported: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--db", db, "--on-existing", "keep-both", *map(str, exported)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.splitlines()[1::2] == ["2", "3", "4"]


def test_a_bad_file_in_a_batch_says_what_was_and_was_not_imported(
    db: str, exported: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    files = [str(exported[0]), str(broken), str(exported[1])]
    assert main(["import", "--db", db, "--on-existing", "keep-both", *files]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1] == "2"  # the first file was imported
    error = captured.err.strip()
    assert "broken.json" in error and "file 2 of 3" in error
    assert f"imported before it: {exported[0]}" in error
    assert "it and the 1 after it were not imported" in error


def test_the_report_shows_its_stages_on_a_terminal_only(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    arguments = ["report", "--db", db, "--assessment", "1", "--summary"]
    assert main([*arguments, "--html", str(tmp_path / "quiet.html")]) == 0
    assert capsys.readouterr().err == ""
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main([*arguments, "--html", str(tmp_path / "shown.html")]) == 0
    assert "The English report: preparing" in terminal.getvalue()
    assert capsys.readouterr().out.strip() == str(tmp_path / "shown.html")


def test_the_portfolio_report_shows_its_stages_on_a_terminal_only(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    arguments = ["portfolio", "--db", db, "--market", "IT", "--out"]
    assert main([*arguments, str(tmp_path / "quiet.html")]) == 0
    assert capsys.readouterr().err == ""
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main([*arguments, str(tmp_path / "shown.html")]) == 0
    shown = terminal.getvalue()
    assert "Reading every assessment" in shown and "The portfolio report" in shown


def test_both_languages_are_written_in_one_go_named_by_language(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "Acme report.pdf"
    arguments = ["report", "--db", db, "--assessment", "1", "--summary", "--lang", "both"]
    assert main([*arguments, "--out", str(out), "--html", str(tmp_path / "Acme.html")]) == 0
    english, chinese = tmp_path / "Acme report (English).pdf", tmp_path / "Acme report (中文).pdf"
    assert capsys.readouterr().out.splitlines() == [
        str(tmp_path / "Acme (English).html"),
        str(english),
        str(tmp_path / "Acme (中文).html"),
        str(chinese),
    ]
    assert english.read_bytes().startswith(b"%PDF") and chinese.read_bytes().startswith(b"%PDF")
    assert 'lang="zh' in (tmp_path / "Acme (中文).html").read_text(encoding="utf-8")
    assert not out.exists()
