"""The report dialog remembers its cover choices for the next report, of any assessment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.dialogs.report import ReportDialog
from ui.dialogs.report_cover import report_flags
from ui.workspace import Workspace


def _started(dialog: ReportDialog, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Press Create PDF without rendering; return what would have been rendered."""
    calls: list[Any] = []
    monkeypatch.setattr(dialog._render, "start", lambda *args: calls.append(args))
    dialog.start()
    return calls


def test_cover_choices_are_remembered_for_the_next_report(
    sample: Workspace, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    first = ReportDialog(sample)
    qtbot.addWidget(first)
    first.path.setText(str(tmp_path / "first.pdf"))
    first.cover.summary_only.setChecked(True)
    first.cover.prepared_for.setText("Board of directors")
    first.cover.prepared_by.setText("Strategy office")
    first.cover.confidentiality.setText("Confidential: management only")
    first.cover.logo.setText(str(logo))
    assert _started(first, monkeypatch)

    again = ReportDialog(sample)
    qtbot.addWidget(again)
    assert again.cover.summary_only.isChecked()
    assert again.cover.prepared_for.text() == "Board of directors"
    assert again.cover.prepared_by.text() == "Strategy office"
    assert again.cover.confidentiality.text() == "Confidential: management only"
    assert again.cover.logo.text() == str(logo)


def test_summary_only_sets_the_sections_aside(sample: Workspace, qtbot: QtBot) -> None:
    dialog = ReportDialog(sample)
    qtbot.addWidget(dialog)
    dialog.cover.summary_only.setChecked(True)
    sections = dialog.section_boxes["plan"].parentWidget()
    assert not sections.isEnabled()
    dialog.cover.summary_only.setChecked(False)
    assert sections.isEnabled()


def test_the_choices_reach_the_report_command(
    sample: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    dialog = ReportDialog(sample)
    qtbot.addWidget(dialog)
    dialog.cover.summary_only.setChecked(True)
    dialog.cover.prepared_by.setText("Strategy office")
    dialog.cover.logo.setText(str(logo))
    arguments = dialog.arguments()
    assert arguments[arguments.index("--logo") + 1] == str(logo)
    assert ("--summary" in arguments) == ("--summary" in report_flags())
    if "--prepared-by" in report_flags():
        assert arguments[arguments.index("--prepared-by") + 1] == "Strategy office"


def test_a_logo_that_is_not_an_image_file_is_refused_before_rendering(
    sample: Workspace, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ReportDialog(sample)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "refused.pdf"))
    dialog.cover.logo.setText(str(tmp_path / "missing.png"))
    assert _started(dialog, monkeypatch) == []
    assert "does not exist" in dialog.status.text()
    dialog.cover.logo.setText(str(tmp_path / "notes.txt"))
    assert _started(dialog, monkeypatch) == []
    assert "PNG, JPEG or SVG" in dialog.status.text()
