"""The portfolio window's chart: each firm's readiness, blocked firms in the alert colour;
for many firms, how the ranked firms' scores are spread (a histogram)."""

from __future__ import annotations

import html

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter

from readiness.domain.portfolio import Portfolio
from readiness.report.charts import PALETTE
from readiness.report.distribution_charts import BIN_WIDTH, score_bins
from ui.charts import add_axes, plot, score_axis, still_chart
from ui.theme import alert_colour
from ui.workspace import Workspace

CHART_LABEL_PIXELS = 220
BARS_PER_FIRM = 40  # above this many firms, one bar per firm turns into hairlines


def count_axis(largest: int) -> tuple[int, int]:
    """An axis for counts of firms up to ``largest``: its top and a whole, round step
    (1, 2 or 5 times a power of ten), so the ticks read 0, 20, 40 … and never 21, 42."""
    step = 1
    while -(-largest // step) > 5:
        step = _next_round_step(step)
    return max(step, -(-largest // step) * step), step


def _next_round_step(step: int) -> int:
    """The round step after ``step``: 1, 2, 5, 10, 20, 50 …"""
    digits = str(step)
    if digits[0] == "1":
        return step * 2
    if digits[0] == "2":
        return step * 5 // 2
    return step * 2


class PortfolioChart(QChartView):
    """A horizontal bar per firm, the readiest at the top; :meth:`draw` shows a portfolio."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(still_chart())
        self._workspace = workspace
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def draw(self, portfolio: Portfolio | None) -> None:
        """Draw this portfolio's firms (an empty chart for None)."""
        # A fresh chart each time: a removed category axis leaves its labels on screen.
        old = self.chart()
        chart = still_chart()
        self.setChart(chart)
        old.deleteLater()
        chart.setTitle(
            self.tr("Readiness for %1 by company").replace(
                "%1", self._workspace.name(portfolio.name)
            )
            if portfolio is not None
            else ""
        )
        if portfolio is None or not portfolio.rows:
            return
        if len(portfolio.rows) > BARS_PER_FIRM:
            self._histogram(chart, portfolio)
            return
        # Readiest at the top: a horizontal bar chart draws its first category at the bottom.
        rows = list(reversed(portfolio.rows))
        metrics = QFontMetrics(chart.font())
        # Axis labels are drawn as rich text: a company name is escaped to show as typed.
        # The rank makes every label unique, as the axis needs, even for equal names.
        categories = [
            html.escape(
                metrics.elidedText(
                    f"{row.rank}. {row.company}", Qt.TextElideMode.ElideRight, CHART_LABEL_PIXELS
                )
            )
            for row in rows
        ]
        clear = QBarSet(self.tr("No blockers"))
        clear.setColor(QColor(PALETTE[0]))
        blocked = QBarSet(self.tr("Blocked"))
        blocked.setColor(alert_colour())
        for row in rows:
            clear.append(0.0 if row.blockers else row.overall)
            blocked.append(row.overall if row.blockers else 0.0)
        series = QHorizontalStackedBarSeries()
        series.append(clear)
        series.append(blocked)
        series.setLabelsVisible(False)
        axis = QBarCategoryAxis()
        axis.append(categories)
        values = score_axis(tick_count=5, label_format="%d")
        add_axes(chart, values, axis)
        plot(chart, series, axis, values)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def _histogram(self, chart: QChart, portfolio: Portfolio) -> None:
        """Many firms: how many ranked firms score in each band of ten points."""
        chart.setTitle(
            self.tr("Ranked firms by readiness for %1 (%2 firms)")
            .replace("%1", self._workspace.name(portfolio.name))
            .replace("%2", str(len(portfolio.ranked)))
        )
        counts = QBarSet(self.tr("Firms"))
        counts.setColor(QColor(PALETTE[0]))
        bins = score_bins([row.overall for row in portfolio.ranked])
        for count in bins:
            counts.append(float(count))
        series = QBarSeries()
        series.append(counts)
        series.setLabelsVisible(True)
        axis = QBarCategoryAxis()
        axis.append(
            [
                f"{start}-{start + BIN_WIDTH - 1 if start + BIN_WIDTH < 100 else 100}"
                for start in range(0, 100, BIN_WIDTH)
            ]
        )
        values = QValueAxis()
        top, step = count_axis(max(bins, default=0))
        values.setRange(0, top)
        values.setTickCount(top // step + 1)
        values.setLabelFormat("%d")
        add_axes(chart, axis, values)
        plot(chart, series, axis, values)
        chart.legend().hide()
