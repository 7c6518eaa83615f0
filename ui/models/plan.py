"""The action plan table: one row per gap, editable in place, and its market/dimension filter.

The model reads the workspace's current :class:`AssessmentResult` and resets
when it changes. Edits go back through the workspace, never to the store.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from readiness.domain.plan import PlannedAction
from readiness.domain.statuses import ActionStatus
from ui.models.cells import KEY_ROLE, SORT_ROLE, Index, qdate
from ui.theme import alert_colour
from ui.workspace import Workspace

STATUS_ORDER = [s.value for s in ActionStatus]


class PlanModel(QAbstractTableModel):
    """The action plan: one row per gap, owner, due date and status editable in place."""

    RANK, QUESTION, ACTION, MARKETS, DIMENSION, LEVEL, LEAD, START, DUE, OWNER, STATUS = range(11)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._rows: list[PlannedAction] = []
        self._held = False
        self._reload_due = False
        self._seen_versions: dict[tuple[str, str | None], int] = {}
        workspace.result_changed.connect(self.reload)
        self.reload()

    def hold(self, held: bool) -> None:
        """Keep the rows while a cell is being edited (a reset would close the editor
        and lose the typing, say when a colleague's change arrives); catch up after."""
        if held and not self._held:
            result = self._workspace.result
            self._seen_versions = (
                {key: action.version for key, action in result.actions.items()} if result else {}
            )
        self._held = held
        if not held and self._reload_due:
            self.reload()

    def reload(self) -> None:
        """Re-read the plan from the workspace's result."""
        if self._held:
            self._reload_due = True
            return
        self._reload_due = False
        self.beginResetModel()
        result = self._workspace.result
        self._rows = list(result.plan.actions) if result else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 11

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            self.tr("Rank"),
            self.tr("Question"),
            self.tr("Recommended action"),
            self.tr("Markets"),
            self.tr("Dimension"),
            self.tr("Now"),
            self.tr("Lead time (weeks)"),
            self.tr("Start"),
            self.tr("Due"),
            self.tr("Owner"),
            self.tr("Status"),
        ][section]

    def action_at(self, row: int) -> PlannedAction:
        """The planned action in a row."""
        return self._rows[row]

    def status_label(self, status: str) -> str:
        """A status in the UI's language."""
        return {
            "open": self.tr("Open"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
            "dropped": self.tr("Dropped"),
        }[status]

    def _stored(self, action: PlannedAction) -> Any:
        result = self._workspace.result
        return result.actions.get((action.gap.item_id, action.gap.market)) if result else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        action = self._rows[index.row()]
        gap = action.gap
        stored = self._stored(action)
        catalog = self._workspace.catalog
        item = catalog.all_items.get(gap.item_id)
        column = index.column()
        due = stored.due_date if stored and stored.due_date else action.due
        status = stored.status if stored else ActionStatus.OPEN.value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            values: list[Any] = [
                action.rank,
                gap.item_id,
                self._workspace.name(item.action) if item else "",
                ", ".join(self._workspace.market_name(c) for c in action.markets)
                if gap.market
                else self.tr("Company-wide"),
                self._workspace.name(catalog.dimensions[gap.dimension].name),
                gap.level,
                gap.lead_time_weeks,
                action.start,
                due,
                stored.owner if stored else "",
                status,
            ]
            value = values[column]
            if role == SORT_ROLE:
                if isinstance(value, dt.date):
                    return value.toordinal()
                if column == self.STATUS:
                    return STATUS_ORDER.index(value)
                return value
            if role == Qt.ItemDataRole.EditRole and isinstance(value, dt.date):
                return qdate(value)
            if isinstance(value, dt.date):
                return value.isoformat()
            if column == self.STATUS and role == Qt.ItemDataRole.DisplayRole:
                return self.status_label(value)
            return value
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DUE and action.at_risk:
            return QBrush(alert_colour())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DUE and action.at_risk:
                return self.tr("Cannot be finished before the planned entry")
            if column == self.QUESTION and item is not None:
                return self._workspace.name(item.text)
            if column in (self.DUE, self.OWNER, self.STATUS) and stored is not None:
                when = stored.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
                who = stored.updated_by or self.tr("unknown")
                return self.tr("Changed by %1 · %2").replace("%1", who).replace("%2", when)
        if role == KEY_ROLE:
            return (gap.item_id, gap.market)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (self.DUE, self.OWNER, self.STATUS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        gap = self._rows[index.row()].gap
        column = index.column()
        # The version shown when the editor opened: a colleague's change that
        # arrived while the user was typing is then a conflict, not overwritten.
        seen = self._seen_versions.get((gap.item_id, gap.market)) if self._held else None
        if seen is None and self._held:
            seen = 0  # no action existed when editing began
        if column == self.OWNER:
            self._workspace.set_action(
                gap.item_id, gap.market, owner=str(value).strip(), seen_version=seen
            )
        elif column == self.DUE:
            day = value.toPython() if isinstance(value, QDate) else value
            if not isinstance(day, dt.date):
                return False
            self._workspace.set_action(gap.item_id, gap.market, due=day, seen_version=seen)
        elif column == self.STATUS:
            try:
                status = ActionStatus(value)
            except ValueError:
                return False
            self._workspace.set_action(gap.item_id, gap.market, status=status, seen_version=seen)
        else:
            return False
        return True


class PlanFilter(QSortFilterProxyModel):
    """Shows the plan for one market and/or one dimension."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.market: str | None = None
        self.dimension: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_filters(self, market: str | None, dimension: str | None) -> None:
        """Filter by market code and dimension id (None: all)."""
        self.beginFilterChange()
        self.market = market
        self.dimension = dimension
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PlanModel):
            return True
        action = model.action_at(source_row)
        if self.market is not None and self.market not in action.markets:
            return False
        return self.dimension is None or action.gap.dimension == self.dimension
