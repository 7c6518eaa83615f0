"""The main window: title, menus, About box, remembered geometry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from readiness import APP_NAME, __version__
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path_factory.mktemp("settings")),
    )
    yield
    QSettings().clear()


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    widget = MainWindow()
    qtbot.addWidget(widget)
    return widget


def test_title_names_the_app(window: MainWindow) -> None:
    assert window.windowTitle() == APP_NAME


def test_menus_are_file_and_help(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Help"]


def test_about_shows_the_version(window: MainWindow) -> None:
    assert __version__ in window.about_text()


def test_status_bar_is_ready(window: MainWindow) -> None:
    assert window.statusBar().currentMessage() == "Ready"


def test_geometry_is_remembered(qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(640, 480)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (640, 480)
