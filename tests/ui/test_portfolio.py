"""The portfolio window, driven through its widgets: markets, ranking, chart, opening, printing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QHorizontalStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readiness.content.catalog import Catalog
from readiness.services.portfolio import build_portfolio
from tests.member_firms import FIRMS, add_member_firm, add_member_firms
from ui.dialogs.portfolio import PortfolioWindow
from ui.main_window import MainWindow
from ui.models.portfolio import PortfolioModel
from ui.workspace import Workspace


@pytest.fixture
def platform(sample: Workspace, catalog: Catalog) -> Workspace:
    """The sample company, four member firms and one firm that looks at Morocco only."""
    add_member_firms(sample.store, catalog)
    add_member_firm(sample.store, catalog, "Xiangyang Bearings", 1, markets=("MA",))
    return sample


def _opened(workspace: Workspace, qtbot: QtBot) -> PortfolioWindow:
    """A portfolio window once its first computation (on a worker thread) is shown."""
    widget = PortfolioWindow(workspace)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading)
    return widget


@pytest.fixture
def window(platform: Workspace, qtbot: QtBot) -> PortfolioWindow:
    return _opened(platform, qtbot)


def _choose(window: PortfolioWindow, code: str) -> None:
    window.market.setCurrentIndex(window.market.findData(code))
    deadline = time.monotonic() + 10
    while window.loading and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert not window.loading


def _shown_column(window: PortfolioWindow, column: int) -> list[str]:
    proxy = window.proxy
    return [str(proxy.data(proxy.index(row, column))) for row in range(proxy.rowCount())]


def test_the_picker_offers_the_targeted_markets_by_name(window: PortfolioWindow) -> None:
    items = [window.market.itemText(i) for i in range(window.market.count())]
    assert items == ["Italy (IT)", "Laos (LA)", "Morocco (MA)"]


def test_the_table_shows_the_cores_ranking_and_numbers(
    window: PortfolioWindow, platform: Workspace
) -> None:
    _choose(window, "MA")
    expected = build_portfolio(platform.store, platform.catalog, "MA")
    assert window.proxy.rowCount() == expected.firms == 6
    assert _shown_column(window, PortfolioModel.COMPANY) == [r.company for r in expected.rows]
    assert _shown_column(window, PortfolioModel.SCORE) == [
        f"{r.overall:.0f}" for r in expected.rows
    ]
    assert _shown_column(window, PortfolioModel.LEVEL) == [r.level.label.en for r in expected.rows]
    first = expected.rows[0]
    for column in range(
        PortfolioModel.FIXED, PortfolioModel.FIXED + len(platform.catalog.dimensions)
    ):
        dimension = window.model.dimension_at(column)
        assert dimension is not None
        score = first.dimensions[dimension]
        shown = window.proxy.data(window.proxy.index(0, column))
        assert shown == ("-" if score is None else f"{score:.0f}")
    assert window.summary.text().startswith("6 companies")
    assert window.print_button.isEnabled()


def test_switching_markets_changes_the_firms(window: PortfolioWindow) -> None:
    _choose(window, "MA")
    assert "Xiangyang Bearings" in _shown_column(window, PortfolioModel.COMPANY)
    _choose(window, "IT")
    companies = _shown_column(window, PortfolioModel.COMPANY)
    assert "Xiangyang Bearings" not in companies and len(companies) == 5


def test_sorting_by_a_header_and_back_to_the_ranking(window: PortfolioWindow) -> None:
    _choose(window, "IT")
    ranked = _shown_column(window, PortfolioModel.COMPANY)
    window.table.sortByColumn(PortfolioModel.SCORE, Qt.SortOrder.AscendingOrder)
    scores = [float(s) for s in _shown_column(window, PortfolioModel.SCORE)]
    assert scores == sorted(scores)
    assert _shown_column(window, PortfolioModel.COMPANY) != ranked
    window.table.sortByColumn(PortfolioModel.RANK, Qt.SortOrder.AscendingOrder)
    assert _shown_column(window, PortfolioModel.COMPANY) == ranked


def test_the_chart_has_a_bar_per_company_with_names_as_text(window: PortfolioWindow) -> None:
    _choose(window, "IT")
    series = window.chart_view.chart().series()
    assert len(series) == 1 and isinstance(series[0], QHorizontalStackedBarSeries)
    clear, blocked = series[0].barSets()
    rows = window.portfolio.rows if window.portfolio else ()
    # Readiest at the top, which is the last category of a horizontal chart.
    values = [clear.at(i) + blocked.at(i) for i in range(clear.count())]
    assert values == [pytest.approx(r.overall) for r in reversed(rows)]
    assert [blocked.at(i) > 0 for i in range(blocked.count())] == [
        bool(r.blockers) for r in reversed(rows)
    ]
    axis = next(a for a in window.chart_view.chart().axes() if isinstance(a, QBarCategoryAxis))
    labels = axis.categories()
    assert labels[-1].startswith(f"1. {FIRMS[0][0][:10]}")
    assert any("&lt;b&gt;Changchun" in label for label in labels)  # drawn as typed


# The headless test platform cannot raise windows; the app asks it to.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_double_click_opens_the_assessment_in_the_main_window(
    platform: Workspace, qtbot: QtBot
) -> None:
    main = MainWindow(platform)
    qtbot.addWidget(main)
    main.show()
    main.portfolio_action.trigger()
    window = main.findChild(PortfolioWindow)
    assert window is not None and window.isVisible()
    _choose(window, "IT")
    index = window.proxy.index(1, PortfolioModel.COMPANY)
    wanted = window.model.row_at(window.proxy.mapToSource(index).row()).assessment_id
    assert wanted != platform.assessment_id
    window.table.doubleClicked.emit(index)
    assert platform.assessment_id == wanted
    assert main.tabs.currentWidget() is main.dashboard
    main.portfolio_action.trigger()  # the same window comes back
    assert main.findChildren(PortfolioWindow) == [window]


def test_the_window_is_in_chinese_when_the_workspace_is(platform: Workspace, qtbot: QtBot) -> None:
    platform.language = "zh"
    window = _opened(platform, qtbot)
    assert window.market.itemText(0) == "意大利 (IT)"
    assert "受阻" in _shown_column(window, PortfolioModel.LEVEL)
    assert window.language.currentData() == "zh"


def test_an_empty_database_has_nothing_to_print(workspace: Workspace, qtbot: QtBot) -> None:
    window = _opened(workspace, qtbot)
    assert window.market.count() == 0
    assert window.proxy.rowCount() == 0
    assert not window.print_button.isEnabled()
    assert "No assessment" in window.summary.text()


@pytest.mark.slow
def test_printing_renders_off_the_ui_thread(
    window: PortfolioWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window, "_offer", lambda path: None)
    _choose(window, "IT")
    window.language.setCurrentIndex(window.language.findData("zh"))
    out = tmp_path / "portfolio.pdf"
    with qtbot.waitSignal(window.report_written, timeout=180_000) as blocker:
        window.print_report(out)
        assert window.is_running()
        assert window.progress.isVisible() or not window.isVisible()
        assert not window.print_button.isEnabled()
    assert blocker.args == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    assert window.print_button.isEnabled()


def test_cancelling_a_report_writes_nothing(window: PortfolioWindow, tmp_path: Path) -> None:
    _choose(window, "IT")
    out = tmp_path / "cancelled.pdf"
    window.print_report(out)
    assert window.is_running()
    window.cancel()
    assert not window.is_running()
    assert "Cancelled" in window.status.text()
    assert not out.exists()
    assert not list(tmp_path.glob(".cancelled.pdf.*"))
