"""Managing assessments in the app: the assessments list's menu and the Edit menu rename,
re-assess, archive and delete; importing a file that is already there asks what to do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from readiness.exchange.document import document_json, export_document
from readiness.files import write_text_atomically
from readiness.storage.backup import list_backups
from ui.main_window import MainWindow
from ui.workspace import Workspace


@pytest.fixture
def window(workspace: Workspace, qtbot: QtBot) -> MainWindow:
    widget = MainWindow(workspace)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def answer_next_dialog(act: Callable[[QWidget], None]) -> list[str]:
    """Let ``act`` answer the next modal dialog; returns what it said (its texts)."""
    said: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        if isinstance(dialog, QMessageBox):
            said.extend([dialog.text(), dialog.informativeText()])
        act(dialog)

    QTimer.singleShot(0, answer)
    return said


def type_into(text: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(text)
        dialog.accept()

    return act


def click(name: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        (button,) = [b for b in dialog.buttons() if b.objectName() == name or b.text() == name]
        button.click()

    return act


def _titles(window: MainWindow) -> list[str]:
    return [window.welcome.recent.item(row).text() for row in range(window.welcome.recent.count())]


def _choose_sample(window: MainWindow) -> int:
    sample = window.workspace.create_sample()
    window.show_welcome()
    assert window.welcome.choose(sample)
    return sample


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_list_menu_and_the_edit_menu_carry_the_four_actions_and_the_register(
    window: MainWindow,
) -> None:
    _choose_sample(window)
    item = window.welcome.recent.item(0)
    where = window.welcome.recent.visualItemRect(item).center()
    window.welcome.recent.customContextMenuRequested.emit(where)
    menu = window.assessment_actions.list_menu
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "&Rename…",
        "D&uplicate as re-assessment…",
        "&Archive",
        "&Delete…",
        "&Companies…",
    ]
    menu.close()
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.assessment_actions.delete_action in edit.actions()  # type: ignore[union-attr]


def test_rename_from_the_menu_and_undo_it(window: MainWindow) -> None:
    sample = _choose_sample(window)
    answer_next_dialog(type_into("Brakes 2027, final"))
    window.assessment_actions.rename_action.trigger()
    assert window.workspace.store.assessment(sample).title == "Brakes 2027, final"
    assert any("Brakes 2027, final" in title for title in _titles(window))
    window.undo_action.trigger()
    assert window.workspace.store.assessment(sample).title != "Brakes 2027, final"
    window.redo_action.trigger()
    assert window.workspace.store.assessment(sample).title == "Brakes 2027, final"


def test_the_open_assessment_is_renamed_in_the_window_title(window: MainWindow) -> None:
    window.open_sample()
    window.assessment_actions.rename(window.workspace.assessment_id or 0, "Export plan 2028")
    assert "Export plan 2028" in window.windowTitle()


def test_archive_leaves_the_list_and_show_archived_brings_it_into_view(
    window: MainWindow,
) -> None:
    sample = _choose_sample(window)
    window.assessment_actions.archive_action.trigger()
    assert window.workspace.store.assessment(sample).status == "archived"
    assert _titles(window) == ["No assessments in the list: 1 archived."]
    window.welcome.show_archived.setChecked(True)
    assert window.welcome.show_archived.text() == "Show archived (1)"
    assert "(archived)" in _titles(window)[0]
    assert window.welcome.choose(sample)
    window.assessment_actions.update()
    assert window.assessment_actions.archive_action.text() == "Un&archive"
    window.assessment_actions.archive_action.trigger()
    assert window.workspace.store.assessment(sample).status == "in_progress"
    window.undo_action.trigger()
    assert window.workspace.store.assessment(sample).status == "archived"


def test_duplicate_opens_a_re_assessment_whose_history_starts_from_the_old_one(
    window: MainWindow,
) -> None:
    sample = _choose_sample(window)
    answer_next_dialog(type_into("2028 re-assessment"))
    window.assessment_actions.duplicate_action.trigger()
    workspace = window.workspace
    assert workspace.assessment_id not in (None, sample)
    assert workspace.result is not None
    assert workspace.result.assessment.title == "2028 re-assessment"
    assert workspace.result.assessment.previous_id == sample
    assert window.stack.currentWidget() is window.tabs
    old_title = workspace.store.assessment(sample).title
    points = [window.history.list.item(r).text() for r in range(window.history.list.count())]
    assert points[-2].startswith(old_title) and points[-1] == "Now"
    assert len(window.history.axis_labels()) == len(points)


def test_delete_asks_naming_what_is_lost_and_where_the_backup_goes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    sample = _choose_sample(window)
    answers = len(window.workspace.store.snapshot(sample).answers)
    said = answer_next_dialog(click("Cancel"))
    window.assessment_actions.delete_action.trigger()
    assert f"Its {answers} answers" in said[1]
    assert str(window.assessment_actions.backup_folder()) in said[1]
    assert window.workspace.store.list_assessments() != []  # cancelled: nothing went

    informed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: informed.append(args[2]))
    answer_next_dialog(click("confirmDelete"))
    window.assessment_actions.delete_action.trigger()
    assert window.workspace.store.list_assessments() == []
    store_path = window.workspace.store.path
    assert store_path is not None
    (backup,) = [b for b in list_backups(store_path) if b.reason == "before-delete"]
    assert str(backup.path) in informed[0]
    assert _titles(window) == ["No assessments yet."]


def test_deleting_the_open_assessment_goes_back_to_the_list(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample()
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    answer_next_dialog(click("confirmDelete"))
    window.assessment_actions.delete_action.trigger()
    assert window.workspace.assessment_id is None
    assert window.stack.currentWidget() is window.welcome


@pytest.mark.parametrize(
    ("button", "count", "title_has"),
    [("keepBoth", 2, "(imported 20"), ("replace", 1, ""), ("Cancel", 1, "")],
)
def test_importing_a_file_already_there_asks_replace_keep_both_or_cancel(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    button: str,
    count: int,
    title_has: str,
) -> None:
    store = window.workspace.store
    sample = window.workspace.create_sample()
    exported = tmp_path / "sample.json"
    write_text_atomically(exported, document_json(export_document(store, sample)))
    store.rename_assessment(sample, "Changed here")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(exported), ""))
    said = answer_next_dialog(click(button))
    window.import_action.trigger()
    assert "“Changed here” is already in this database" in said[0]
    summaries = store.list_assessments()
    assert len(summaries) == count
    if button == "replace":
        assert summaries[0].id == sample and summaries[0].title != "Changed here"
        assert store.path is not None
        assert [b for b in list_backups(store.path) if b.reason == "before-replace"]
    if title_has:
        assert any(title_has in s.title for s in summaries)


def test_importing_another_assessment_of_a_firm_already_there_joins_it(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.workspace.store
    sample = window.workspace.create_sample()
    document = export_document(store, sample)
    other = document.assessment.model_copy(update={"exchange_id": "c" * 32})
    exported = tmp_path / "another.json"
    write_text_atomically(
        exported, document_json(document.model_copy(update={"assessment": other}))
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(exported), ""))
    said = answer_next_dialog(click("keepBoth"))
    window.import_action.trigger()
    assert f"“{document.company.name}” is already in this database" in said[0]
    assert [entry.assessments for entry in store.companies()] == [2]


def test_no_menu_on_the_placeholder(window: MainWindow) -> None:
    window.welcome.recent.customContextMenuRequested.emit(QPoint(5, 5))
    assert window.assessment_actions.list_menu is None
    window.assessment_actions.update()
    assert not window.assessment_actions.rename_action.isEnabled()
