"""The portfolio window for a platform: a minimum share answered to be ranked, progress and
common gaps, the export to Excel, the report's cover and an anonymised report; for many
firms, a histogram instead of one bar per firm."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QBarSeries, QHorizontalStackedBarSeries
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readiness.content.catalog import Catalog
from readiness.exchange.portfolio_sheet import FIRM_COLUMNS
from tests.member_firms import add_many_firms, add_member_firms
from ui.dialogs.portfolio import MINIMUM_SETTING, PortfolioWindow
from ui.dialogs.portfolio_cover import PortfolioCover
from ui.models.portfolio import PortfolioModel
from ui.workspace import Workspace


@pytest.fixture
def platform(sample: Workspace, catalog: Catalog) -> Workspace:
    """The sample company and four member firms, all targeting Italy."""
    add_member_firms(sample.store, catalog)
    return sample


def _settled(window: PortfolioWindow) -> None:
    deadline = time.monotonic() + 20
    while window.loading and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert not window.loading


@pytest.fixture
def window(platform: Workspace, qtbot: QtBot) -> PortfolioWindow:
    widget = PortfolioWindow(platform)
    qtbot.addWidget(widget)
    _settled(widget)
    widget.market.setCurrentIndex(widget.market.findData("IT"))
    _settled(widget)
    return widget


def _column(window: PortfolioWindow, column: int) -> list[str]:
    proxy = window.proxy
    return [str(proxy.data(proxy.index(row, column))) for row in range(proxy.rowCount())]


def test_raising_the_minimum_lists_firms_apart_and_is_remembered(
    window: PortfolioWindow,
) -> None:
    assert window.minimum.value() == 60
    assert "5 ranked (at least 60% answered), 0 with not enough answers" in window.summary.text()
    window.minimum.setValue(100)
    _settled(window)
    assert window.portfolio is not None and window.portfolio.min_completeness == 1.0
    assert _column(window, PortfolioModel.RANK) == ["not ranked"] * 5
    assert set(_column(window, PortfolioModel.PERCENTILE)) == {"-"}
    assert "0 ranked (at least 100% answered), 5 with not enough answers" in (window.summary.text())
    assert int(str(QSettings().value(MINIMUM_SETTING))) == 100


def test_percentiles_are_shown_beside_the_ranks(window: PortfolioWindow) -> None:
    assert window.portfolio is not None
    shown = _column(window, PortfolioModel.PERCENTILE)
    assert shown[0] == "100" and shown[-1] == "0"


def test_progress_shows_common_gaps_with_counts(window: PortfolioWindow) -> None:
    dialog = window.show_progress()
    assert dialog is not None
    assert "0 firms have not started" in dialog.summary.text()
    counts = [
        int(dialog.gaps.data(dialog.gaps.index(row, 2))) for row in range(dialog.gaps.rowCount())
    ]
    assert counts and counts == sorted(counts, reverse=True) and max(counts) <= 5
    assert dialog.dimensions.rowCount() == len(window._workspace.catalog.dimensions)
    dialog.close()


def test_export_writes_the_workbook_off_the_ui_thread(
    window: PortfolioWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "portfolio.xlsx"
    with qtbot.waitSignal(window.exported, timeout=30_000) as blocker:
        window.export(out)
    assert blocker.args == [str(out)]
    header = [cell.value for cell in load_workbook(out).worksheets[0][1]]
    assert header in (list(FIRM_COLUMNS["en"]), list(FIRM_COLUMNS["zh"]))
    assert str(out) in window.status.text()


def test_the_cover_and_anonymising_are_passed_to_the_report_and_remembered(
    window: PortfolioWindow, tmp_path: Path
) -> None:
    cover = window.cover
    cover.platform.setText("Zhejiang Export Platform")
    cover.prepared_for.setText("Provincial SME Centre")
    cover.anonymous.setChecked(True)
    cover.accept()
    arguments = window.arguments(tmp_path / "p.pdf")
    assert arguments[arguments.index("--platform") + 1] == "Zhejiang Export Platform"
    assert arguments[arguments.index("--prepared-for") + 1] == "Provincial SME Centre"
    assert arguments[arguments.index("--min-completeness") + 1] == "60"
    assert "--anonymous" in arguments and "--date" in arguments
    again = PortfolioCover()
    assert again.platform.text() == "Zhejiang Export Platform" and again.anonymous.isChecked()


def test_a_logo_that_is_not_an_image_keeps_the_cover_open(window: PortfolioWindow) -> None:
    window.cover.logo.setText("/nowhere/logo.txt")
    assert window.cover.problem() == "The logo must be a PNG, JPEG or SVG file."


def test_many_firms_are_drawn_as_a_histogram(
    workspace: Workspace, catalog: Catalog, qtbot: QtBot
) -> None:
    add_many_firms(workspace.store, catalog, 60)
    widget = PortfolioWindow(workspace)
    qtbot.addWidget(widget)
    _settled(widget)
    widget.market.setCurrentIndex(widget.market.findData("IT"))
    _settled(widget)
    series = widget.chart_view.chart().series()
    assert [type(s) for s in series] == [QBarSeries]
    assert not any(isinstance(s, QHorizontalStackedBarSeries) for s in series)
    assert widget.portfolio is not None
    assert sum(series[0].barSets()[0].at(i) for i in range(10)) == len(widget.portfolio.ranked)


@pytest.mark.parametrize(
    ("largest", "top", "step"), [(0, 1, 1), (3, 3, 1), (9, 10, 2), (84, 100, 20), (375, 400, 100)]
)
def test_the_histogram_counts_on_round_steps(largest: int, top: int, step: int) -> None:
    from ui.dialogs.portfolio_chart import count_axis

    assert count_axis(largest) == (top, step)
    assert top >= largest and top % step == 0 and top // step <= 5
