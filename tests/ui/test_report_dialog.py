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


def test_both_languages_are_written_in_one_go_each_named_by_its_language(
    sample: Workspace, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ReportDialog(sample)
    qtbot.addWidget(dialog)
    offered: list[list[Path]] = []
    monkeypatch.setattr(dialog, "_offer", offered.append)
    dialog.path.setText(str(tmp_path / "Board pack.pdf"))
    dialog.cover.summary_only.setChecked(True)  # the short report: the test stays quick
    dialog.language.setCurrentIndex(dialog.language.findData("both"))
    english = tmp_path / "Board pack (English).pdf"
    chinese = tmp_path / "Board pack (中文).pdf"
    assert dialog.files_note.text() == f"Writes {english.name} and {chinese.name}"
    with qtbot.waitSignal(dialog._render.all_written, timeout=180_000) as blocker:
        dialog.start()
        assert dialog.is_running()  # rendered beside the app, not on its thread
        assert dialog.progress.maximum() == 2  # the bar counts the files
    assert blocker.args == [[str(english), str(chinese)]]
    assert dialog.progress.value() == 2
    assert english.read_bytes().startswith(b"%PDF") and chinese.read_bytes().startswith(b"%PDF")
    assert offered == [[english, chinese]]


def test_the_folder_and_language_are_remembered_for_the_next_report(
    sample: Workspace, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = ReportDialog(sample)
    qtbot.addWidget(first)
    assert Path(first.path.text()).parent == Path.home()  # nothing remembered yet
    first.path.setText(str(tmp_path / "reports" / "March.pdf"))
    (tmp_path / "reports").mkdir()
    first.language.setCurrentIndex(first.language.findData("both"))
    assert _started(first, monkeypatch)

    again = ReportDialog(sample)
    qtbot.addWidget(again)
    assert Path(again.path.text()).parent == tmp_path / "reports"
    assert again.language.currentData() == "both"
    assert again.files_note.isVisibleTo(again)


def test_a_remembered_folder_that_is_gone_gives_way_to_the_home_folder(
    sample: Workspace, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = ReportDialog(sample)
    qtbot.addWidget(first)
    gone = tmp_path / "unplugged"
    gone.mkdir()
    first.path.setText(str(gone / "report.pdf"))
    assert _started(first, monkeypatch)
    gone.rmdir()
    again = ReportDialog(sample)
    qtbot.addWidget(again)
    assert Path(again.path.text()).parent == Path.home()


def test_one_language_writes_the_one_file_named_as_typed(sample: Workspace, qtbot: QtBot) -> None:
    dialog = ReportDialog(sample)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.outputs() == [Path(dialog.path.text())]
    assert not dialog.files_note.isVisibleTo(dialog)
    assert dialog.arguments()[dialog.arguments().index("--lang") + 1] == "en"
