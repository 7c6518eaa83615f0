"""The action plan: ranked gaps with owner, due date and status, editable in place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.delegates import DateDelegate, StatusDelegate
from ui.models.plan import PlanFilter, PlanModel
from ui.workspace import Workspace


class PlanTable(QTableView):
    """The plan's table; says when a cell editor opens and closes."""

    editing_changed = Signal(bool)

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger | None = None,
        event: QEvent | None = None,
    ) -> bool:
        if trigger is None:
            # The public slot edit(index): Qt calls back here with a trigger.
            super().edit(index)
            return self.state() == QAbstractItemView.State.EditingState
        # Qt calls back with no event for triggers such as a key or a program call.
        opened = super().edit(index, trigger, event)  # type: ignore[arg-type]
        # Held only once an editor really exists: a click on a selected cell
        # returns True before one opens (and may never open one).
        if opened and self.state() == QAbstractItemView.State.EditingState:
            self.editing_changed.emit(True)
        return opened

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self.editing_changed.emit(False)


class ActionPlanPage(QWidget):
    """Filterable, sortable, editable action plan; exports to Excel."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionPlan")
        self._workspace = workspace
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.market = QComboBox()
        self.market.setAccessibleName(self.tr("Market filter"))
        self.dimension = QComboBox()
        self.dimension.setAccessibleName(self.tr("Dimension filter"))
        self.market.currentIndexChanged.connect(self._filter)
        self.dimension.currentIndexChanged.connect(self._filter)
        bar.addWidget(QLabel(self.tr("Market:")))
        bar.addWidget(self.market)
        bar.addWidget(QLabel(self.tr("Dimension:")))
        bar.addWidget(self.dimension)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        self.export = QPushButton(self.tr("Export to Excel…"))
        self.export.clicked.connect(self._export)
        bar.addWidget(self.export)
        layout.addLayout(bar)
        hint = QLabel(
            self.tr(
                "Long-lead items start first. Double-click an owner, due date or status to edit "
                "it; changes are saved at once."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = PlanModel(workspace, self)
        self.proxy = PlanFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = PlanTable()
        self.table.editing_changed.connect(self.model.hold)
        self.table.setObjectName("planTable")
        self.table.setAccessibleName(self.tr("Action plan"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PlanModel.START, Qt.SortOrder.AscendingOrder)
        self.table.setItemDelegateForColumn(PlanModel.DUE, DateDelegate(self.table))
        self.table.setItemDelegateForColumn(
            PlanModel.STATUS, StatusDelegate(self.model.status_label, self.table)
        )
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.table.horizontalHeader()
        # Fixed starting widths: sizing every column to its contents reads every
        # cell of the plan, which slows the app's start for nothing.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PlanModel.ACTION, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (PlanModel.RANK, 48),
            (PlanModel.QUESTION, 80),
            (PlanModel.MARKETS, 110),
            (PlanModel.DIMENSION, 150),
            (PlanModel.LEVEL, 48),
            (PlanModel.LEAD, 70),
            (PlanModel.START, 90),
            (PlanModel.DUE, 90),
            (PlanModel.OWNER, 120),
            (PlanModel.STATUS, 80),
        ):
            header.resizeSection(column, width)
        layout.addWidget(self.table, 1)
        workspace.result_changed.connect(self._fill_filters)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._fill_filters()

    def _fill_filters(self) -> None:
        result = self._workspace.result
        selected = (self.market.currentData(), self.dimension.currentData())
        for combo in (self.market, self.dimension):
            combo.blockSignals(True)
            combo.clear()
        self.market.addItem(self.tr("All markets"), None)
        self.dimension.addItem(self.tr("All dimensions"), None)
        if result is not None:
            for market in result.markets:
                self.market.addItem(self._workspace.market_name(market.code), market.code)
        for dimension_id, dimension in self._workspace.catalog.dimensions.items():
            self.dimension.addItem(self._workspace.name(dimension.name), dimension_id)
        self.market.setCurrentIndex(max(self.market.findData(selected[0]), 0))
        self.dimension.setCurrentIndex(max(self.dimension.findData(selected[1]), 0))
        for combo in (self.market, self.dimension):
            combo.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_filters(self.market.currentData(), self.dimension.currentData())
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%1 actions").replace("%1", str(self.proxy.rowCount())))

    def _export(self) -> None:
        result = self._workspace.result
        if result is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to Excel"),
            str(Path.home() / "action-plan.xlsx"),
            "Excel (*.xlsx)",
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the workbook (answers, scores, comparison and this plan)."""
        from readiness.exchange.spreadsheet import write_workbook

        result = self._workspace.result
        if result is None:
            return
        try:
            write_workbook(result, self._workspace.catalog, path, language=self._workspace.language)
        except OSError as error:
            self._workspace.failed.emit(
                self.tr("Could not write %1: %2").replace("%1", str(path)).replace("%2", str(error))
            )
            return
        self._workspace.saved.emit(self.tr("Exported %1").replace("%1", str(path)))
