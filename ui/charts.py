"""How the app's charts are set up: a still chart in an antialiased view, scores on 0-100.

The dashboard, the history page and the portfolio window draw their charts the
same way; the readiness colours come from :mod:`readiness.report.charts`, so the
screen and the printed report agree.
"""

from __future__ import annotations

from PySide6.QtCharts import QAbstractAxis, QAbstractSeries, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter


def still_chart() -> QChart:
    """An empty chart without animations (they would lag behind every redraw)."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def chart_view(chart: QChart, minimum_height: int | None = None) -> QChartView:
    """An antialiased view of ``chart``, at least ``minimum_height`` pixels high if given."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    if minimum_height is not None:
        view.setMinimumHeight(minimum_height)
    return view


def clear_chart(chart: QChart) -> None:
    """Remove every series and axis, to draw the chart again."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


def score_axis(tick_count: int | None = None, label_format: str | None = None) -> QValueAxis:
    """The axis of readiness scores, 0 to 100."""
    axis = QValueAxis()
    axis.setRange(0, 100)
    if tick_count is not None:
        axis.setTickCount(tick_count)
    if label_format is not None:
        axis.setLabelFormat(label_format)
    return axis


def add_axes(chart: QChart, bottom: QAbstractAxis, left: QAbstractAxis) -> None:
    """Put ``bottom`` under the plot and ``left`` beside it."""
    chart.addAxis(bottom, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)


def plot(chart: QChart, series: QAbstractSeries, *axes: QAbstractAxis) -> None:
    """Draw ``series`` on ``chart`` against ``axes`` (already added with :func:`add_axes`)."""
    chart.addSeries(series)
    for axis in axes:
        series.attachAxis(axis)
