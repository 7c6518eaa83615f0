"""The question card fits its pane: no sideways scrolling, every answer button whole,
at the window's default size, in both languages, whichever question a heat-map cell
opens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from readiness.content.catalog import Catalog
from readiness.storage.store import Store
from ui.app import Localizer
from ui.main_window import MainWindow
from ui.workspace import Workspace


@pytest.fixture(params=["en", "zh"])
def window(
    request: pytest.FixtureRequest, qapp: QApplication, store: Store, catalog: Catalog, qtbot: QtBot
) -> Iterator[MainWindow]:
    language = str(request.param)
    localizer = Localizer(qapp)  # the app's and Qt's own words, and the Chinese font
    localizer.apply(language)
    opened = MainWindow(Workspace(store, catalog, language))
    qtbot.addWidget(opened)
    opened.show()  # at the default size: nothing remembered yet
    opened.open_sample()
    yield opened
    opened.workspace.poll_timer.stop()
    opened.workspace.finish_saves()
    localizer.apply("en")  # the next test starts in English


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def _whole_inside(window: MainWindow) -> list[str]:
    """The answer buttons not wholly visible in the card's pane."""
    page = window.questionnaire
    viewport = page.card_scroll.viewport()
    pane = QRect(QPoint(0, 0), viewport.size())
    cut = []
    for _, row in page.card.rows:
        for button in row.findChildren(QPushButton):
            if not button.isVisible():
                continue
            corner = button.mapTo(viewport, QPoint(0, 0))
            left, right = corner.x(), corner.x() + button.width()
            inside = pane.left() <= left and right <= pane.right() + 1
            if not inside or button.width() < button.minimumSizeHint().width():
                cut.append(button.text())
    return cut


def test_a_heat_map_cell_opens_a_card_that_fits_its_pane(window: MainWindow) -> None:
    assert (window.width(), window.height()) == (1200, 800)
    page = window.questionnaire
    for dimension in window.workspace.catalog.dimensions:
        window.dashboard.jump_requested.emit(dimension, "IT")
        _settle()
        assert window.tabs.currentWidget() is page
        item = page.current_item()
        assert item is not None and item.dimension == dimension
        assert page.card.width() <= page.card_scroll.viewport().width(), dimension
        assert _whole_inside(window) == [], dimension


def test_every_question_fits_the_pane_at_the_default_size(window: MainWindow) -> None:
    page = window.questionnaire
    window.tabs.setCurrentWidget(page)
    page.show_question(page.current_item().id)  # type: ignore[union-attr]
    _settle()
    room = page.card_scroll.viewport().width()
    too_wide = []
    for _ in range(int(page.position.text().split()[-1]) if "of" in page.position.text() else 0):
        if page.card.minimumSizeHint().width() > room:
            too_wide.append(page.current_item().id)  # type: ignore[union-attr]
        page.step_question(1)
    assert too_wide == []


def test_a_narrowed_card_pane_takes_room_from_the_dimension_list(window: MainWindow) -> None:
    page = window.questionnaire
    window.tabs.setCurrentWidget(page)
    page.splitter.setSizes([900, 100])  # the user dragged the divider far right
    window.dashboard.jump_requested.emit("certification", "IT")
    _settle()
    assert page.card.width() <= page.card_scroll.viewport().width()
    assert _whole_inside(window) == []
