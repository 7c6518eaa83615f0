"""Milestones: save a snapshot of the answers, see each market's readiness over time, and
what changed from one point to the next.

The list holds every point of the trend (a re-assessment's starts with the
assessment it follows) and "Now"; choosing one shows what changed since the
point before it: readiness per market, the answers that moved, and the actions
the plan no longer needs or needs now. Saved milestones can be renamed and
deleted (the list's context menu, or the buttons).
"""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis, QLineSeries
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from readiness.domain.milestone_changes import changes_at
from readiness.report.charts import PALETTE
from ui.charts import add_axes, chart_view, clear_chart, plot, score_axis, still_chart
from ui.widgets.milestone_changes import MilestoneChangesView
from ui.workspace import Workspace

# A label longer than this is cut on the chart's axis (the list shows it whole).
AXIS_LABEL_CHARACTERS = 18


class HistoryPage(QWidget):
    """Saved milestones, the readiness trend per market, and what changed at each point."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self._workspace = workspace
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.save = QPushButton(self.tr("Save milestone…"))
        self.save.clicked.connect(self._save)
        bar.addWidget(self.save)
        self.rename = QPushButton(self.tr("Rename…"))
        self.rename.clicked.connect(self._rename)
        bar.addWidget(self.rename)
        self.delete = QPushButton(self.tr("Delete…"))
        self.delete.clicked.connect(self._delete)
        bar.addWidget(self.delete)
        hint = QLabel(
            self.tr(
                "A milestone keeps today's answers so later reviews can show progress. "
                "Choose one to see what changed since the one before."
            )
        )
        hint.setWordWrap(True)
        bar.addWidget(hint, 1)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Saved milestones"))
        self.list.currentRowChanged.connect(self._show_changes)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        splitter.addWidget(self.list)
        right = QSplitter(Qt.Orientation.Vertical)
        self.chart = still_chart()
        right.addWidget(chart_view(self.chart))
        self.changes = MilestoneChangesView(workspace)
        right.addWidget(self.changes)
        right.setSizes([420, 300])
        splitter.addWidget(right)
        splitter.setSizes([260, 700])
        layout.addWidget(splitter, 1)
        self.menu: QMenu | None = None
        workspace.result_changed.connect(self.reload)
        self.reload()

    # --- milestones ------------------------------------------------------------------

    def _save(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save milestone"), self.tr("Name, for example “Q1 review”:")
        )
        if ok and name.strip():
            self.save_milestone(name.strip())

    def save_milestone(self, name: str) -> None:
        """Save a milestone under ``name``."""
        self._workspace.save_milestone(name)

    def chosen_milestone(self) -> tuple[int, str] | None:
        """The saved milestone chosen in the list (its id and name), if one is."""
        entry = self.list.currentItem()
        if entry is None:
            return None
        key = entry.data(Qt.ItemDataRole.UserRole)
        name = entry.data(Qt.ItemDataRole.UserRole + 1)
        return (int(key), str(name)) if key else None  # 0: not a saved milestone

    def _rename(self) -> None:
        chosen = self.chosen_milestone()
        if chosen is None:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename milestone"),
            self.tr("New name:"),
            QLineEdit.EchoMode.Normal,
            chosen[1],
        )
        if ok and name.strip() and name.strip() != chosen[1]:
            self._workspace.rename_milestone(chosen[0], name.strip())

    def delete_question(self) -> QMessageBox | None:
        """The confirmation a milestone's delete asks, or None when none is chosen."""
        chosen = self.chosen_milestone()
        if chosen is None:
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete milestone"))
        box.setText(self.tr("Delete the milestone “%1”?").replace("%1", chosen[1]))
        box.setInformativeText(
            self.tr(
                "The answers it kept leave the history; the answers of the assessment "
                "are not touched."
            )
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDelete")
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        return box

    def _delete(self) -> None:
        box = self.delete_question()
        chosen = self.chosen_milestone()
        if box is None or chosen is None:
            return
        box.exec()
        clicked = box.clickedButton()
        if clicked is not None and clicked.objectName() == "confirmDelete":
            self._workspace.delete_milestone(chosen[0])

    def _menu(self, where: QPoint) -> None:
        entry = self.list.itemAt(where)
        if entry is None:
            return
        self.list.setCurrentItem(entry)
        if self.chosen_milestone() is None:
            return
        self.menu = QMenu(self)
        self.menu.addAction(self.tr("Rename…"), self._rename)
        self.menu.addAction(self.tr("Delete…"), self._delete)
        self.menu.popup(self.list.viewport().mapToGlobal(where))

    # --- showing --------------------------------------------------------------------

    def _show_changes(self, row: int) -> None:
        result = self._workspace.result
        chosen = self.chosen_milestone()
        self.rename.setEnabled(chosen is not None)
        self.delete.setEnabled(chosen is not None)
        if result is None or row < 0:
            self.changes.clear()
            return
        self.changes.show_changes(
            changes_at(self._workspace.catalog, result, row, now=self.tr("Now"))
        )

    def reload(self) -> None:
        """Redraw the list and the trend, keeping the point chosen."""
        result = self._workspace.result
        row = self.list.currentRow()
        on_now = row == self.list.count() - 1  # "Now" stays chosen as points are added
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        clear_chart(self.chart)
        if result is None:
            self.changes.clear()
            return
        for point in result.trend:
            entry = QListWidgetItem(f"{point.name} — {point.saved_at:%Y-%m-%d}")
            if not point.milestone_id:
                entry.setToolTip(self.tr("Where this re-assessment started from"))
                font = entry.font()
                font.setItalic(True)
                entry.setFont(font)
            entry.setData(Qt.ItemDataRole.UserRole, point.milestone_id)
            entry.setData(Qt.ItemDataRole.UserRole + 1, point.name)
            self.list.addItem(entry)
        now = QListWidgetItem(self.tr("Now"))
        now.setData(Qt.ItemDataRole.UserRole, 0)
        self.list.addItem(now)
        labels = [point.name for point in result.trend] + [self.tr("Now")]
        self._draw(labels)
        last = self.list.count() - 1
        self.list.setCurrentRow(last if on_now or row < 0 else min(row, last))

    def _draw(self, labels: list[str]) -> None:
        result = self._workspace.result
        assert result is not None
        axis_x = QCategoryAxis()
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        # Category labels must differ, or Qt keeps only one: number them when names repeat.
        seen: set[str] = set()
        for position, label in enumerate(labels):
            shown = _short(label)
            if shown in seen:
                shown = f"{position + 1}. {shown}"
            seen.add(shown)
            axis_x.append(shown, position)
        axis_x.setRange(0, max(len(labels) - 1, 1))
        if len(labels) > 4:  # slanted, every label keeps its own room
            axis_x.setLabelsAngle(-35)
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

    def axis_labels(self) -> list[str]:
        """The labels the chart's time axis shows, in order."""
        axes = self.chart.axes(Qt.Orientation.Horizontal)
        return list(axes[0].categoriesLabels()) if axes else []  # type: ignore[attr-defined]


def _short(label: str) -> str:
    if len(label) <= AXIS_LABEL_CHARACTERS:
        return label
    return label[: AXIS_LABEL_CHARACTERS - 1] + "…"
