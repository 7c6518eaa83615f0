"""Settings > Database: choosing a file or a team server, testing it, switching the app to it."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from readiness.content.catalog import Catalog
from readiness.storage.credentials import KEYRING_SERVICE, connect_url, server_key
from readiness.storage.location import default_database_path
from readiness.storage.store import Store
from tests.keyrings import MemoryKeyring, memory_keyring, missing_keyring
from ui.app import build_window
from ui.dialogs.database import (
    DatabaseDialog,
    login_name,
    remember_database,
    saved_location,
    saved_user_name,
)
from ui.main_window import MainWindow
from ui.workspace import Workspace

__all__ = ["memory_keyring", "missing_keyring"]  # fixtures, used by name

SECRET = "dialog-Secret-7"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def dialog(qtbot: QtBot, store: Store) -> DatabaseDialog:
    widget = DatabaseDialog(store.location)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def forget_app_window(app: QApplication) -> None:
    """Close the store of the window a switch built, and let no later test find it."""
    current = app.property("mainWindow")
    assert isinstance(current, MainWindow)
    current.workspace.store.close()
    app.setProperty("mainWindow", None)


def fill_server(dialog: DatabaseDialog, url: str, password: str = "") -> None:
    parsed = make_url(url)
    dialog.server_choice.click()
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(password)


def ok_button(dialog: DatabaseDialog) -> QWidget:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_it_opens_on_the_current_file(dialog: DatabaseDialog, store: Store) -> None:
    assert dialog.local_choice.isChecked()
    assert dialog.path_edit.text() == store.location
    assert not dialog.server_box.isEnabled()
    assert not dialog.test_button.isEnabled()
    assert dialog.port.value() == 5432
    assert dialog.your_name.text() == login_name()
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password


def test_a_server_location_is_read_back_and_built_without_password(qtbot: QtBot) -> None:
    dialog = DatabaseDialog("postgresql+psycopg://alice@db.example.com:6543/readiness")
    qtbot.addWidget(dialog)
    assert dialog.server_choice.isChecked()
    assert (dialog.host.text(), dialog.port.value()) == ("db.example.com", 6543)
    assert (dialog.database.text(), dialog.user.text()) == ("readiness", "alice")
    assert dialog.path_edit.text() == str(default_database_path())
    dialog.password.setText(SECRET)
    assert dialog.location() == "postgresql+psycopg://alice@db.example.com:6543/readiness"


def test_missing_fields_are_named(dialog: DatabaseDialog) -> None:
    dialog.server_choice.click()
    dialog.host.setText("db.example.com")
    dialog.test_button.click()
    assert "database" in dialog.status.text()
    assert not dialog.checking()
    dialog.local_choice.click()
    dialog.path_edit.setText(str(Path.home()))
    ok_button(dialog).click()
    assert "is a folder" in dialog.status.text()
    assert dialog.isVisible()


@pytest.mark.usefixtures("memory_keyring")
def test_an_unreachable_server_is_tested_without_freezing(
    dialog: DatabaseDialog, qtbot: QtBot
) -> None:
    port = closed_port()
    fill_server(dialog, f"postgresql+psycopg://alice@127.0.0.1:{port}/readiness", SECRET)
    with qtbot.waitSignal(dialog.check_finished, timeout=15000) as finished:
        dialog.test_button.click()
        # The click returned at once: the attempt runs on a worker thread.
        assert dialog.checking()
        assert dialog.busy.isVisible()
        assert not ok_button(dialog).isEnabled()
    assert finished.args == [False]
    assert not dialog.busy.isVisible()
    assert ok_button(dialog).isEnabled()
    text = dialog.status.text()
    assert "Nothing answers" in text and f"127.0.0.1:{port}" in text
    assert SECRET not in text


@pytest.mark.usefixtures("memory_keyring")
def test_a_real_server_connects(
    dialog: DatabaseDialog, qtbot: QtBot, postgres_admin: Engine
) -> None:
    fill_server(dialog, postgres_admin.url.render_as_string(hide_password=False))
    with qtbot.waitSignal(dialog.check_finished, timeout=15000) as finished:
        dialog.test_button.click()
    assert finished.args == [True]
    assert dialog.status.text().startswith("Connected to ")


def test_ok_keeps_the_password_in_the_keyring_only(
    dialog: DatabaseDialog,
    qtbot: QtBot,
    postgres_admin: Engine,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    location = postgres_admin.url.render_as_string(hide_password=False)
    fill_server(dialog, location, SECRET)
    dialog.your_name.setText("Wang Fang")
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        ok_button(dialog).click()
    assert dialog.location() == location
    assert dialog.user_name() == "Wang Fang"
    assert memory_keyring.passwords == {(KEYRING_SERVICE, server_key(location)): SECRET}
    remember_database(dialog.location(), dialog.user_name())
    assert saved_location() == location
    assert saved_user_name() == "Wang Fang"
    QSettings().sync()
    written = "".join(p.read_text() for p in (tmp_path / "ini").rglob("*.ini"))
    assert "Wang Fang" in written
    assert SECRET not in written


@pytest.mark.usefixtures("missing_keyring")
def test_without_a_keyring_ok_explains_and_can_keep_it_for_the_session(
    dialog: DatabaseDialog, qtbot: QtBot, postgres_admin: Engine
) -> None:
    location = postgres_admin.url.render_as_string(hide_password=False)
    fill_server(dialog, location, SECRET)
    with qtbot.waitSignal(dialog.check_finished, timeout=15000):
        ok_button(dialog).click()
    assert dialog.isVisible()  # not accepted: the password could not be stored
    text = dialog.status.text()
    assert "No system keyring" in text and "PGPASSWORD" in text and SECRET not in text
    dialog.remember.setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        ok_button(dialog).click()
    assert connect_url(location).password == SECRET  # for this run only


def test_a_password_in_a_location_is_never_saved() -> None:
    remember_database(f"postgresql+psycopg://alice:{SECRET}@db/readiness", "Li Lei")
    assert saved_location() == "postgresql+psycopg://alice@db/readiness"


def test_the_settings_menu_offers_it(workspace: Workspace, qtbot: QtBot) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    settings_menu = window.menuBar().actions()[2].menu()
    assert window.database_action in settings_menu.actions()  # type: ignore[union-attr]


def test_switching_to_another_file_rebuilds_the_window(
    qtbot: QtBot, store: Store, catalog: Catalog, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(app, store, catalog, "en")
    qtbot.addWidget(window)
    window.show()
    other = str(tmp_path / "other.sqlite3")
    window.database_change_requested.emit(other, "Wang Fang")
    current = app.property("mainWindow")
    assert isinstance(current, MainWindow)
    qtbot.addWidget(current)
    assert current is not window
    assert current.workspace.store.location == other
    assert current.workspace.store.user == "Wang Fang"
    assert (saved_location(), saved_user_name()) == (other, "Wang Fang")
    assert store._lock is None  # the old file was closed
    forget_app_window(app)


def test_a_server_that_cannot_be_opened_keeps_the_current_database(
    qtbot: QtBot, store: Store, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    remember_database(store.location, "Li Lei")
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text)
    )
    window = build_window(app, store, catalog, "en")
    qtbot.addWidget(window)
    port = closed_port()
    window.database_change_requested.emit(
        f"postgresql+psycopg://alice@127.0.0.1:{port}/readiness", "Wang Fang"
    )
    assert app.property("mainWindow") is window
    assert len(warnings) == 1
    assert "still working on the current database" in warnings[0]
    assert "Nothing answers" in warnings[0]
    assert (saved_location(), saved_user_name()) == (store.location, "Li Lei")
    assert store.list_assessments() == []  # the old store still works


def test_switching_to_a_team_server(
    qtbot: QtBot, store: Store, catalog: Catalog, postgres_url: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(app, store, catalog, "en")
    qtbot.addWidget(window)
    window.database_change_requested.emit(postgres_url, "Wang Fang")
    current = app.property("mainWindow")
    assert isinstance(current, MainWindow)
    qtbot.addWidget(current)
    assert current is not window
    assert current.workspace.store.path is None
    current.workspace.store.create_company("Wuhan Axle Works")  # the schema is on the server
    assert saved_location() == postgres_url
    forget_app_window(app)


def test_a_new_name_on_the_same_file_shows_at_once(
    qtbot: QtBot, store: Store, catalog: Catalog
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(app, store, catalog, "en")
    qtbot.addWidget(window)
    window.database_change_requested.emit(store.location, "Wang Fang")
    current = app.property("mainWindow")
    assert isinstance(current, MainWindow)
    qtbot.addWidget(current)
    assert current.workspace.store is store and store.user == "Wang Fang"
    assert "Wang Fang" in current.questionnaire.mine.toolTip()
    assert saved_user_name() == "Wang Fang"
    forget_app_window(app)


def test_the_same_server_is_reopened_so_a_new_password_is_used(
    qtbot: QtBot, store: Store, catalog: Catalog, postgres_url: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = build_window(app, store, catalog, "en")
    qtbot.addWidget(window)
    window.database_change_requested.emit(postgres_url, "Wang Fang")
    first = app.property("mainWindow")
    assert isinstance(first, MainWindow)
    qtbot.addWidget(first)
    first_store = first.workspace.store
    first.workspace.create_sample()
    opened = first.workspace.assessment_id
    first.database_change_requested.emit(postgres_url, "Wang Fang")
    second = app.property("mainWindow")
    assert isinstance(second, MainWindow)
    qtbot.addWidget(second)
    assert second.workspace.store is not first_store and first_store.closed
    assert "you are Wang Fang" in second.database_label.text()
    assert second.workspace.assessment_id == opened  # the assessment stays open
    forget_app_window(app)
