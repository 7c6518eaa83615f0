"""Settings > Language rebuilds the window: the old one leaves nothing connected behind."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from readiness.content.catalog import Catalog
from readiness.exchange.document import document_json, export_document
from readiness.storage.store import Store
from tests.ui.test_managing import answer_next_dialog, click
from ui.app import build_window
from ui.main_window import MainWindow
from ui.pages.company import NewAssessmentDialog


def _switch(window: MainWindow, language: str, qtbot: QtBot) -> MainWindow:
    window.language_change_requested.emit(language)
    # The replaced window goes at the next deferred delete: make that happen now.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app = QApplication.instance()
    assert app is not None
    new = app.property("mainWindow")
    assert isinstance(new, MainWindow) and new is not window
    return new


def test_new_import_and_open_after_switching_language_raise_nothing(
    store: Store,
    catalog: Catalog,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    errors: list[str] = []

    def hook(kind: type[BaseException], error: BaseException, _tb: TracebackType | None) -> None:
        errors.append("".join(traceback.format_exception(kind, error, _tb))[-600:])

    monkeypatch.setattr(sys, "excepthook", hook)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(app, store, catalog, "en")
    window.show()
    window.open_sample()
    window = _switch(window, "zh", qtbot)
    window = _switch(window, "en", qtbot)
    qtbot.addWidget(window)

    def accept_new(dialog: NewAssessmentDialog) -> QDialog.DialogCode:
        dialog.company.setText("Ningbo Valves")
        dialog.title.setText("2028")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewAssessmentDialog, "exec", accept_new)
    window.new_action.trigger()
    assert window.workspace.result is not None
    assert window.workspace.result.company.name == "Ningbo Valves"

    assert window.workspace.assessment_id is not None
    exported = tmp_path / "a.json"
    exported.write_text(
        document_json(export_document(window.workspace.store, window.workspace.assessment_id)),
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(exported), ""))
    answer_next_dialog(click("keepBoth"))  # it is already here: keep both
    window.import_json()
    imported = window.workspace.assessment_id

    first = min(s.id for s in store.list_assessments())
    window.welcome.reload()
    window.open_assessment(first)
    assert window.workspace.assessment_id == first != imported
    assert window.stack.currentWidget() is window.tabs
    assert errors == [], "\n".join(errors)


def test_a_replaced_window_no_longer_answers_the_workspace(
    store: Store, catalog: Catalog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(app, store, catalog, "en")
    window.open_sample()
    old = window
    window.language_change_requested.emit("zh")  # the old window is not deleted yet
    new = app.property("mainWindow")
    assert isinstance(new, MainWindow)
    warnings: list[QWidget] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, *args: warnings.append(parent))
    new.workspace.failed.emit("The server did not answer.")
    assert warnings == [new]  # one dialog, from the window in sight
    assert new.workspace.resolve_conflict is not None
    old.deleteLater()
    new.language_change_requested.emit("en")  # leave the next tests in English
    back = app.property("mainWindow")
    assert isinstance(back, MainWindow)
    qtbot.addWidget(back)
