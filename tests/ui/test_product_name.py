"""The product has a Chinese name, used wherever the app speaks Chinese: the window's
title, the About box and its menu entry, the welcome screen, message boxes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from readiness import APP_NAME, APP_NAME_ZH, product_name
from readiness.content.catalog import Catalog
from readiness.storage.store import Store
from ui.app import Localizer
from ui.main_window import MainWindow
from ui.workspace import Workspace


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[Localizer]:
    localizer = Localizer(qapp)
    localizer.apply("zh")
    yield localizer
    localizer.apply("en")


def _window(store: Store, catalog: Catalog, language: str, qtbot: QtBot) -> MainWindow:
    window = MainWindow(Workspace(store, catalog, language))
    qtbot.addWidget(window)
    return window


def test_the_chinese_app_says_its_chinese_name_everywhere(
    chinese: Localizer, store: Store, catalog: Catalog, qtbot: QtBot, qapp: QApplication
) -> None:
    window = _window(store, catalog, "zh", qtbot)
    assert window.windowTitle() == APP_NAME_ZH
    assert qapp.applicationDisplayName() == APP_NAME_ZH
    welcome = [label.text() for label in window.welcome.findChildren(QLabel)]
    assert any(APP_NAME_ZH in text for text in welcome)
    assert APP_NAME_ZH in window.about_action.text()
    assert APP_NAME_ZH in window.about_text() and APP_NAME not in window.about_text()
    window.open_sample()
    assert window.windowTitle().endswith(f" — {APP_NAME_ZH}")
    everything = [window.windowTitle(), window.about_action.text(), window.about_text(), *welcome]
    assert not any(APP_NAME in text for text in everything)


def test_the_english_app_keeps_its_english_name(
    store: Store, catalog: Catalog, qtbot: QtBot, qapp: QApplication
) -> None:
    Localizer(qapp).apply("en")
    window = _window(store, catalog, "en", qtbot)
    assert window.windowTitle() == APP_NAME == product_name("en")
    assert qapp.applicationDisplayName() == APP_NAME
    assert APP_NAME in window.about_text()
