"""The portfolio window's chart: each firm's readiness, blocked firms in the alert colour."""

from __future__ import annotations

import html

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChartView, QHorizontalStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter

from readiness.domain.portfolio import Portfolio
from readiness.report.charts import PALETTE
from ui.charts import add_axes, plot, score_axis, still_chart
from ui.theme import alert_colour
from ui.workspace import Workspace

CHART_LABEL_PIXELS = 220


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
