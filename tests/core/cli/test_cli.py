"""The command line's basic contract: help, version, clear errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from readiness import __version__
from readiness.cli import main


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"readiness {__version__}"


def test_help_lists_the_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "gui" in capsys.readouterr().out


def test_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_module_entry_point_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "readiness", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_the_catalog_lists_questions_in_the_questionnaires_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    from readiness.content.catalog import load_catalog

    assert main(["catalog", "--json"]) == 0
    listed = [item["id"] for item in json.loads(capsys.readouterr().out)["items"]]
    assert listed == [item.id for item in load_catalog().questions_in_order]
