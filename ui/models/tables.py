"""Table models over the computed result: comparison, action plan, target markets.

Each model reads the workspace's current :class:`AssessmentResult` and resets
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
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from readiness.domain.scoring import PlannedAction, ReadinessLevel
from readiness.domain.statuses import ActionStatus
from readiness.report.charts import score_colour
from ui.theme import alert_colour
from ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class MarketRowsModel(QAbstractTableModel):
    """One row per target market of the open assessment, reset when the result changes."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._codes: list[str] = []
        workspace.result_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Re-read the markets from the workspace's result."""
        self.beginResetModel()
        result = self._workspace.result
        self._codes = [m.code for m in result.markets] if result else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codes)


class ComparisonModel(MarketRowsModel):
    """Markets (rows) by dimensions (columns), with overall, level and completeness."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        self._dimensions = list(workspace.catalog.dimensions)
        super().__init__(workspace, parent)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._dimensions) + 3

    def dimension_at(self, column: int) -> str | None:
        """The dimension id shown in a column (None for the summary columns)."""
        return self._dimensions[column] if 0 <= column < len(self._dimensions) else None

    def market_at(self, row: int) -> str:
        """The market code shown in a row."""
        return self._codes[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._workspace.market_name(self._codes[section])
        dimension = self.dimension_at(section)
        if dimension is not None:
            return self._workspace.name(self._workspace.catalog.dimensions[dimension].name)
        return [self.tr("Overall"), self.tr("Level"), self.tr("Answered")][
            section - len(self._dimensions)
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        result = self._workspace.result
        if not index.isValid() or result is None:
            return None
        market = result.score.markets[self._codes[index.row()]]
        column = index.column()
        dimension = self.dimension_at(column)
        extra = column - len(self._dimensions)
        if dimension is not None:
            score = market.dimensions[dimension].score
            value: Any = score
            text = "-" if score is None else f"{score:.0f}"
        elif extra == 0:
            score = value = market.overall
            text = f"{market.overall:.0f}"
        elif extra == 1:
            score = None
            value = list(ReadinessLevel).index(market.level)
            text = market.level.label.get(self._workspace.language)
        else:
            score = None
            value = market.completeness
            text = f"{market.completeness:.0%}"
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return -1.0 if value is None else float(value)
        if role == Qt.ItemDataRole.BackgroundRole and (dimension is not None or extra == 0):
            return QBrush(QColor(score_colour(score)))
        if role == Qt.ItemDataRole.ForegroundRole:
            if extra == 1 and market.level is ReadinessLevel.BLOCKED:
                return QBrush(alert_colour())
            if dimension is not None or extra == 0:
                return QBrush(QColor("#1a1a1a"))  # readable on the light heat colours
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and dimension is not None:
            detail = market.dimensions[dimension]
            return (
                self.tr("%1 of %2 questions answered")
                .replace("%1", str(detail.answered))
                .replace("%2", str(detail.applicable))
            )
        return None


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
                return _qdate(value)
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


class MarketsModel(MarketRowsModel):
    """The target markets with their region and planned entry date (editable)."""

    NAME, CODE, REGION, ENTRY = range(4)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Market"), self.tr("Code"), self.tr("Region"), self.tr("Planned entry")][
            section
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        result = self._workspace.result
        if not index.isValid() or result is None:
            return None
        code = self._codes[index.row()]
        market = next(m for m in result.markets if m.code == code)
        catalog = self._workspace.catalog
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return self._workspace.market_name(code)
            if column == self.CODE:
                return code
            if column == self.REGION:
                tags = sorted(catalog.region_tags(code, market.custom_region))
                return ", ".join(
                    self._workspace.name(catalog.regions[t].name)
                    for t in tags
                    if t in catalog.regions
                )
            if market.planned_entry is None:
                return QDate() if role == Qt.ItemDataRole.EditRole else self.tr("not set")
            if role == Qt.ItemDataRole.EditRole:
                return _qdate(market.planned_entry)
            return market.planned_entry.isoformat()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.ENTRY:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.ENTRY:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        if value is not None and not isinstance(value, QDate):
            return False
        day: dt.date | None = None
        if value is not None and value.isValid():
            # A valid QDate can still lie outside Python's years 1-9999.
            try:
                converted = value.toPython()
            except ValueError:
                return False
            if not isinstance(converted, dt.date):
                return False
            day = converted
        self._workspace.set_planned_entry(self._codes[index.row()], day)
        return True
