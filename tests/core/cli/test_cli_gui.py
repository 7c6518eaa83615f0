"""``readiness gui`` opens the app through its installed entry point, never by module name."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from importlib.metadata import EntryPoint, EntryPoints

import pytest

from readiness.cli import gui, main

opened: list[list[str]] = []


def fake_app(argv: Sequence[str]) -> int:
    """Stands in for the desktop app's main."""
    opened.append(list(argv))
    return 7


def _installed(monkeypatch: pytest.MonkeyPatch, *found: EntryPoint) -> list[dict[str, str]]:
    asked: list[dict[str, str]] = []

    def entry_points(**query: str) -> EntryPoints:
        asked.append(query)
        return EntryPoints(found)

    monkeypatch.setattr(gui, "entry_points", entry_points)
    return asked


def test_gui_runs_the_installed_app_with_the_remaining_arguments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = EntryPoint(name="readiness-app", value=f"{__name__}:fake_app", group="gui_scripts")
    asked = _installed(monkeypatch, entry)
    opened.clear()
    assert main(["gui", "--", "--db", "team.sqlite3"]) == 7
    assert opened == [["--", "--db", "team.sqlite3"]]
    assert asked == [{"group": "gui_scripts", "name": "readiness-app"}]


def test_without_the_app_installed_it_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _installed(monkeypatch)
    assert main(["gui"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("readiness: error: the desktop app is not installed")
    assert len(err.strip().splitlines()) == 1


def test_an_app_that_cannot_be_loaded_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = EntryPoint(name="readiness-app", value="no_such_app:main", group="gui_scripts")
    _installed(monkeypatch, missing)
    assert main(["gui"]) == 1
    err = capsys.readouterr().err
    assert "the desktop app cannot be loaded" in err and "Traceback" not in err


def test_the_command_line_loads_no_qt_until_gui_is_run() -> None:
    script = (
        "import sys\n"
        "from readiness.cli import build_parser\n"
        "build_parser().parse_args(['gui'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'ui'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
