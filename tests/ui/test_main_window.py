"""The main window: welcome, menus, remembered state, language switch, error dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from readiness import APP_NAME, __version__
from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.storage.backup import make_backup
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from tests.ui.test_managing import answer_next_dialog, click
from ui.app import build_window, open_store_interactively
from ui.main_window import MainWindow
from ui.workspace import Workspace


@pytest.fixture
def window(workspace: Workspace, qtbot: QtBot) -> MainWindow:
    widget = MainWindow(workspace)
    qtbot.addWidget(widget)
    return widget


def test_it_opens_on_the_welcome_screen(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert window.windowTitle() == APP_NAME
    assert not window.report_action.isEnabled()


def test_menus(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Settings", "&Help"]


def test_about_shows_the_version(window: MainWindow) -> None:
    assert __version__ in window.about_text()


def test_the_sample_opens_on_the_dashboard(window: MainWindow) -> None:
    window.welcome.sample_button.click()
    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.dashboard
    assert "Hubei Chutian" in window.windowTitle()
    assert window.report_action.isEnabled()


def test_geometry_and_last_assessment_are_remembered(workspace: Workspace, qtbot: QtBot) -> None:
    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.show()
    first.open_sample()
    first.resize(700, 520)
    size = (first.width(), first.height())
    first.close()
    second = MainWindow(workspace)
    qtbot.addWidget(second)
    second.restore_last()
    assert (second.width(), second.height()) == size
    assert second.stack.currentWidget() is second.tabs


def test_an_archived_assessment_is_not_reopened_at_start(
    workspace: Workspace, qtbot: QtBot
) -> None:
    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.show()
    first.open_sample()
    opened = workspace.assessment_id
    assert opened is not None
    first.close()
    workspace.store.set_archived(opened, True)
    second = MainWindow(workspace)
    qtbot.addWidget(second)
    second.restore_last()
    # archived: out of the way, one filter away; the welcome screen shows instead
    assert second.stack.currentWidget() is not second.tabs


def test_undo_redo_actions_follow_the_stack(window: MainWindow, workspace: Workspace) -> None:
    window.open_sample()
    item = workspace.catalog.all_items["CERT-002"]
    workspace.answer(item, "LA", AnswerValue("4"))
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert window.redo_action.isEnabled()


def test_switching_to_chinese_rebuilds_the_window(
    store: Store, catalog: Catalog, qtbot: QtBot
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(app, store, catalog, "en")
    qtbot.addWidget(window)
    window.show()
    window.open_sample()
    window.language_change_requested.emit("zh")
    chinese = app.property("mainWindow")
    assert isinstance(chinese, MainWindow) and chinese is not window
    qtbot.addWidget(chinese)
    assert chinese.menuBar().actions()[0].text() == "文件(&F)"
    assert chinese.stack.currentWidget() is chinese.tabs
    assert QSettings().value("language") == "zh"
    assert "老挝" in chinese.dashboard.best.text()
    chinese.language_change_requested.emit("en")
    back = app.property("mainWindow")
    qtbot.addWidget(back)
    assert back.menuBar().actions()[0].text() == "&File"


def test_a_refused_write_is_shown_and_loses_nothing(
    window: MainWindow, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    item = workspace.catalog.all_items["COMP-001"]
    workspace.answer(item, "IT", AnswerValue("3"))  # company-wide question: no market allowed
    assert shown and "company" in shown[0]


class TestOpeningTheStore:
    def test_a_damaged_file_offers_the_newest_backup(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "damaged.sqlite3"
        with open_store(str(path)) as store:
            company = store.create_company("Kept Motors")
            assert company.id is not None
            store.create_assessment(company.id, "kept", "v", [MarketChoice("IT")])
        make_backup(path, reason="manual")
        with path.open("r+b") as handle:
            handle.truncate(600)
        monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
        store = open_store_interactively(str(path))
        assert store is not None
        assert [s.company for s in store.list_assessments()] == ["Kept Motors"]
        store.close()
        assert path.with_name(path.name + ".damaged").exists()

    def test_a_file_open_elsewhere_can_be_opened_read_only(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "busy.sqlite3"
        holder = open_store(str(path))
        monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
        store = open_store_interactively(str(path))
        assert store is not None and store.read_only
        store.close()
        holder.close()

    def test_a_backup_that_cannot_be_taken_is_told_once_and_the_file_opens(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import errno

        from readiness.storage import backup as backup_module

        path = tmp_path / "full-disk.sqlite3"
        with open_store(str(path)) as store:
            store.create_company("Kept Motors")

        def disk_full(_source: Path, _target: Path) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(backup_module, "copy_database", disk_full)
        shown: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
        store = open_store_interactively(str(path))
        assert store is not None and not store.read_only
        store.close()
        assert len(shown) == 1 and "the disk is full" in shown[0]

    def test_a_folder_that_cannot_be_written_can_be_opened_read_only(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "shared.sqlite3"
        open_store(str(path)).close()

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("filelock.FileLock.acquire", refuse)
        asked: list[str] = []

        def yes(*args: object) -> QMessageBox.StandardButton:
            asked.append(str(args[2]))
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", yes)
        store = open_store_interactively(str(path))
        assert store is not None and store.read_only
        store.close()
        assert "Permission denied" in asked[0]

    def test_a_file_that_is_not_ours_is_refused_clearly(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "notes.sqlite3"
        path.write_text("not a database", encoding="utf-8")
        messages: list[str] = []
        monkeypatch.setattr(QMessageBox, "critical", lambda *args: messages.append(args[2]))
        assert open_store_interactively(str(path)) is None
        assert "not a Market Entry Readiness database" in messages[0]


def test_the_status_bar_always_says_where_answers_go(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    from sqlalchemy import create_engine
    from sqlmodel import SQLModel

    local = MainWindow(Workspace(open_store(str(tmp_path / "mine.sqlite3")), catalog, "en"))
    qtbot.addWidget(local)
    assert local.database_label.text() == "This computer: mine.sqlite3"
    engine = create_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    server = Store(
        engine, location="postgresql+psycopg://li@db.example.com/readiness", user="Li Wei"
    )
    team = MainWindow(Workspace(server, catalog, "en"))
    qtbot.addWidget(team)
    text = team.database_label.text()
    assert text == "Team server: li@db.example.com:5432/readiness · you are Li Wei"
    local.workspace.store.close()
    engine.dispose()


def test_export_offers_the_archive_with_evidence_first_and_import_reads_it_back(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window.welcome.sample_button.click()
    workspace = window.workspace
    item = workspace.catalog.all_items["CERT-002"]
    proof = tmp_path / "approval.pdf"
    proof.write_bytes(b"%PDF approval")
    workspace.attach_evidence(item, "IT", proof)
    workspace.finish_saves()
    asked: dict[str, str] = {}

    def save_dialog(
        _parent: object, _title: str, default: str, filters: str, chosen: str
    ) -> tuple[str, str]:
        asked.update(default=default, filters=filters, chosen=chosen)
        return str(tmp_path / "handover"), chosen  # the user typed no suffix

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.json_action.trigger()
    assert asked["default"].endswith(".zip")
    assert asked["filters"].split(";;")[0] == asked["chosen"]
    assert "*.zip" in asked["chosen"] and "*.json" in asked["filters"]
    archive = tmp_path / "handover.zip"
    assert archive.is_file()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(archive), ""))
    # It is already here (exported from this database): keep both.
    answer_next_dialog(click("keepBoth"))
    window.import_action.trigger()
    imported = workspace.assessment_id
    assert imported is not None and imported != 1
    saved = workspace.saved_answer(("CERT-002", "IT"))
    assert saved is not None and len(saved.evidence) == 1
    stored = workspace.evidence_path(saved.evidence[0])
    assert stored is not None and stored.read_bytes() == b"%PDF approval"


def test_edit_in_the_plans_detail_opens_that_actions_figures(
    sample: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.plan_figures import PlanFiguresDialog

    window = MainWindow(sample)
    qtbot.addWidget(window)
    opened: list[object] = []
    monkeypatch.setattr(PlanFiguresDialog, "exec", lambda dialog: opened.append(dialog.key) or 0)
    assert sample.result is not None
    action = sample.result.plan.actions[0]
    window.plan.detail.show_action(action)
    window.plan.detail.edit.click()
    assert opened == [action.key]
