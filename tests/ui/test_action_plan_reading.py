"""The action plan can be read whole: each recommended action in full (the detail pane
shows the selected one from the start, the cell's tooltip too) and every column header
uncut, at the window's default size in both languages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle
from pytestqt.qtbot import QtBot

from readiness.content.catalog import Catalog
from readiness.storage.store import Store
from ui.app import Localizer
from ui.main_window import MainWindow
from ui.models.plan import PlanModel
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
    opened.show()  # at the default size
    opened.open_sample()
    opened.tabs.setCurrentWidget(opened.plan)
    for _ in range(5):
        QCoreApplication.processEvents()
    yield opened
    opened.workspace.poll_timer.stop()
    opened.workspace.finish_saves()
    localizer.apply("en")  # the next test starts in English


def test_the_first_action_is_shown_in_full_from_the_start(window: MainWindow) -> None:
    page = window.plan
    first = page.proxy.actions()[0]
    words = window.workspace.name(first.item.action)
    assert page.detail.action is not None and page.detail.action.key == first.key
    assert " ".join(words.split()) in " ".join(page.detail.browser.toPlainText().split())
    cell = page.proxy.index(0, PlanModel.ACTION)
    assert words in str(page.proxy.data(cell, Qt.ItemDataRole.ToolTipRole))


def test_clicking_another_action_shows_its_recommendation_in_full(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = window.plan
    row = 3
    cell = page.table.visualRect(page.proxy.index(row, PlanModel.ACTION))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    chosen = page.proxy.actions()[row]
    assert page.detail.action is not None and page.detail.action.key == chosen.key
    words = " ".join(window.workspace.name(chosen.item.action).split())
    assert words in " ".join(page.detail.browser.toPlainText().split())


def test_no_column_header_is_cut(window: MainWindow) -> None:
    header = window.plan.table.horizontalHeader()
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for column in range(header.count()):
        title = str(window.plan.proxy.headerData(column, Qt.Orientation.Horizontal))
        room = header.sectionSize(column) - 2 * margin
        needed = metrics.boundingRect(
            QRect(0, 0, room, 10_000),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            title,
        )
        if needed.width() > room or needed.height() + 2 * margin > header.height():
            cut.append(title)
    assert cut == []


def test_a_narrowed_column_keeps_its_header_whole(window: MainWindow) -> None:
    header = window.plan.table.horizontalHeader()
    header.resizeSection(PlanModel.EFFORT, 52)  # the user dragged the border
    header.resizeSection(PlanModel.LEAD, 40)
    for _ in range(5):
        QCoreApplication.processEvents()
    test_no_column_header_is_cut(window)
