"""``readiness-app --self-test`` checks an installation end to end."""

from __future__ import annotations

import pytest

from ui.app import main


def test_the_self_test_passes_and_says_what_it_did(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    for step in (
        "ok   load content",
        "ok   create the sample assessment",
        "ok   score it",
        "ok   render the Chinese report",
        "ok   render the English report",
        "ok   read the PDFs back",
        "self-test passed",
    ):
        assert step in out


def test_the_command_line_is_reachable_through_the_app(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--cli", "--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("readiness ")
