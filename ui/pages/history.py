"""Milestones: save a snapshot of the answers, and see each market's readiness over time."""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from readiness.report.charts import PALETTE
from ui.charts import add_axes, chart_view, clear_chart, plot, score_axis, still_chart
from ui.workspace import Workspace


class HistoryPage(QWidget):
    """Saved milestones and the readiness trend per market."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self._workspace = workspace
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.save = QPushButton(self.tr("Save milestone…"))
        self.save.clicked.connect(self._save)
        bar.addWidget(self.save)
        bar.addWidget(
            QLabel(self.tr("A milestone keeps today's answers so later reviews can show progress."))
        )
        bar.addStretch(1)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Saved milestones"))
        splitter.addWidget(self.list)
        self.chart = still_chart()
        splitter.addWidget(chart_view(self.chart))
        splitter.setSizes([240, 700])
        layout.addWidget(splitter, 1)
        workspace.result_changed.connect(self.reload)
        self.reload()

    def _save(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save milestone"), self.tr("Name, for example “Q1 review”:")
        )
        if ok and name.strip():
            self.save_milestone(name.strip())

    def save_milestone(self, name: str) -> None:
        """Save a milestone under ``name``."""
        self._workspace.save_milestone(name)

    def reload(self) -> None:
        """Redraw the list and the trend."""
        result = self._workspace.result
        self.list.clear()
        clear_chart(self.chart)
        if result is None:
            return
        for point in result.trend:
            self.list.addItem(f"{point.name} — {point.saved_at:%Y-%m-%d}")
        labels = [point.name for point in result.trend] + [self.tr("Now")]
        axis_x = QCategoryAxis()
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for position, label in enumerate(labels):
            axis_x.append(label, position)
        axis_x.setRange(0, max(len(labels) - 1, 1))
        axis_y = score_axis()
        add_axes(self.chart, axis_x, axis_y)
        for number, market in enumerate(result.markets):
            series = QLineSeries()
            series.setName(self._workspace.market_name(market.code))
            series.setColor(QColor(PALETTE[number % len(PALETTE)]))
            values = [p.overall.get(market.code, 0.0) for p in result.trend]
            values.append(result.score.markets[market.code].overall)
            for position, value in enumerate(values):
                series.append(position, value)
            series.setPointsVisible(True)
            plot(self.chart, series, axis_x, axis_y)
        self.chart.setTitle(self.tr("Readiness over time"))
