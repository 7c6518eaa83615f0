"""The action plan table: one row per action, owner, due date and status editable in place,
and its filter by market, owner, status and overdue.

The model reads the workspace's current :class:`AssessmentResult` and resets
when it changes. Edits go back through the workspace, never to the store.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from readiness.domain.budget import convert
from readiness.domain.plan import PlanKey, PlannedAction
from readiness.domain.records import SavedAction
from readiness.domain.statuses import ActionStatus
from ui.models.cells import KEY_ROLE, SORT_ROLE, Index, qdate
from ui.models.plan_words import PlanWords, due_soon_colour, overdue_colour
from ui.theme import alert_colour
from ui.workspace import Workspace

STATUS_ORDER = [s.value for s in ActionStatus]
# The role that gives a row's action (for the detail pane and the Gantt view).
ACTION_ROLE = Qt.ItemDataRole.UserRole + 3


class PlanModel(QAbstractTableModel):
    """The action plan: one row per action, owner, due date and status editable in place."""

    (
        RANK,
        ITEM,
        ACTION,
        MARKETS,
        PHASE,
        START,
        DUE,
        LEAD,
        SLACK,
        EFFORT,
        COST,
        OWNER,
        STATUS,
    ) = range(13)
    # Which column shows each figure the user can set.
    _FIGURE_COLUMNS: ClassVar[dict[str, int]] = {
        "start": START,
        "due": DUE,
        "effort": EFFORT,
        "cost": COST,
        "owner": OWNER,
        "status": STATUS,
    }

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.words = PlanWords(workspace, self)
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

    @property
    def today(self) -> dt.date:
        """The day the plan was computed for."""
        result = self._workspace.result
        return result.today if result else dt.date.today()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 13

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == self.SLACK:
            return self.tr(
                "Days an action can slip without moving the market entry; "
                "critical-path actions have none"
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Rank"),
            self.tr("Question"),
            self.tr("Recommended action"),
            self.tr("Markets"),
            self.tr("Phase"),
            self.tr("Start"),
            self.tr("Due"),
            self.tr("Weeks left"),
            self.tr("Slack (days)"),
            self.tr("Effort (person-weeks)"),
            self.tr("Cost"),
            self.tr("Owner"),
            self.tr("Status"),
        ][section]

    def action_at(self, row: int) -> PlannedAction:
        """The planned action in a row."""
        return self._rows[row]

    def row_of(self, key: PlanKey) -> int | None:
        """The row of the action kept under ``key``, if the plan has it."""
        return next((row for row, a in enumerate(self._rows) if a.key == key), None)

    def status_label(self, status: str) -> str:
        """A status in the UI's language."""
        return self.words.status(status)

    def stored_key(self, action: PlannedAction) -> tuple[str, str | None]:
        """Where the action's follow-up is saved: its own key, or for an action the
        content now does once for a region, the market it was saved under before."""
        result = self._workspace.result
        if result is None or action.key in result.actions:
            return action.key
        if action.key[1] is not None and action.key[1] not in action.markets:
            for code in action.markets:
                if (action.item_id, code) in result.actions:
                    return (action.item_id, code)
        return action.key

    def _stored(self, action: PlannedAction) -> SavedAction | None:
        result = self._workspace.result
        return result.actions.get(self.stored_key(action)) if result else None

    def _cost_sort(self, action: PlannedAction) -> float:
        result = self._workspace.result
        if action.cost is None or result is None:
            return -1.0
        rates = {r.currency: r for r in result.plan.rates}
        amount = convert(
            action.cost.amount, action.cost.currency, result.plan.budget.currency, rates
        )
        return amount.low if amount is not None else -1.0

    def _value(self, action: PlannedAction, column: int) -> Any:
        words = self.words
        return [
            action.rank,
            action.item_id,
            self._workspace.name(action.item.action),
            words.markets(action),
            words.phase(action.phase),
            action.start,
            action.due,
            action.remaining_weeks,
            words.slack(action),
            words.effort_range(action.effort),
            words.cost_cell(action.cost),
            action.owner,
            action.status.value,
        ][column]

    def _sort_value(self, action: PlannedAction, column: int) -> Any:
        if column == self.PHASE:
            return [p.value for p in type(action.phase)].index(action.phase.value)
        if column == self.SLACK:
            if action.critical:
                return -1
            return action.slack_days if action.slack_days is not None else 1_000_000
        if column == self.EFFORT:
            return action.effort.low
        if column == self.COST:
            return self._cost_sort(action)
        if column == self.STATUS:
            return STATUS_ORDER.index(action.status.value)
        value = self._value(action, column)
        return value.toordinal() if isinstance(value, dt.date) else value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        action = self._rows[index.row()]
        column = index.column()
        if role == SORT_ROLE:
            return self._sort_value(action, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self._value(action, column)
            if isinstance(value, dt.date):
                return qdate(value) if role == Qt.ItemDataRole.EditRole else value.isoformat()
            if column == self.STATUS and role == Qt.ItemDataRole.DisplayRole:
                return self.status_label(value)
            return value
        if role == Qt.ItemDataRole.BackgroundRole:
            if action.overdue(self.today):
                return QBrush(overdue_colour())
            if action.due_soon(self.today):
                return QBrush(due_soon_colour())
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            at_risk = column == self.DUE and action.at_risk
            if at_risk or (column == self.SLACK and action.critical):
                return QBrush(alert_colour())
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._font(action, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(action, column)
        if role == KEY_ROLE:
            return self.stored_key(action)
        if role == ACTION_ROLE:
            return action
        return None

    def _font(self, action: PlannedAction, column: int) -> QFont | None:
        figure = next((f for f, c in self._FIGURE_COLUMNS.items() if c == column), None)
        italic = figure is not None and figure in action.overridden
        bold = column == self.SLACK and action.critical
        if not (italic or bold):
            return None
        font = QFont()
        font.setItalic(italic)
        font.setBold(bold)
        return font

    def _tooltip(self, action: PlannedAction, column: int) -> str | None:
        lines: list[str] = []
        if action.overdue(self.today):
            lines.append(self.tr("Overdue: was due %1").replace("%1", action.due.isoformat()))
        elif action.due_soon(self.today):
            lines.append(self.tr("Due within 14 days"))
        if column == self.ACTION:
            # The cell shows the first lines; the whole recommendation is here and in
            # the detail pane below the table.
            lines.append(self._workspace.name(action.item.action))
        if column in (self.RANK, self.ACTION) and action.ranked_down is not None:
            lines.append(
                self.tr("Ranked down: %1").replace("%1", self._workspace.name(action.ranked_down))
            )
        if column == self.ITEM:
            lines.append(self._workspace.name(action.item.text))
        if column == self.DUE and action.at_risk:
            lines.append(self.tr("Cannot be finished before the planned entry"))
        if column == self.LEAD:
            lines.append(
                self.tr("%1 weeks from not started; %2 left from where the answers stand")
                .replace("%1", str(action.lead_time_weeks))
                .replace("%2", str(action.remaining_weeks))
            )
        if column == self.DUE and action.ready_for_entry not in (None, action.due):
            assert action.ready_for_entry is not None
            lines.append(
                self.tr("Entry can go ahead from %1; the rest runs on after entry").replace(
                    "%1", action.ready_for_entry.isoformat()
                )
            )
        if column == self.COST and action.cost is not None:
            lines.append(self.tr("Source: %1").replace("%1", self.words.source(action.cost)))
        figure = next((f for f, c in self._FIGURE_COLUMNS.items() if c == column), None)
        if figure is not None and figure in action.overridden:
            lines.append(self.words.your_figure())
        stored = self._stored(action)
        if column in (self.DUE, self.OWNER, self.STATUS) and stored is not None:
            when = stored.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            who = stored.updated_by or self.tr("unknown")
            lines.append(self.tr("Changed by %1 · %2").replace("%1", who).replace("%2", when))
        return "\n".join(lines) or None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (self.DUE, self.OWNER, self.STATUS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item_id, market = self.stored_key(self._rows[index.row()])
        column = index.column()
        # The version shown when the editor opened: a colleague's change that
        # arrived while the user was typing is then a conflict, not overwritten.
        seen = self._seen_versions.get((item_id, market)) if self._held else None
        if seen is None and self._held:
            seen = 0  # no action existed when editing began
        if column == self.OWNER:
            self._workspace.set_action(item_id, market, owner=str(value).strip(), seen_version=seen)
        elif column == self.DUE:
            day = value.toPython() if isinstance(value, QDate) else value
            if not isinstance(day, dt.date):
                return False
            self._workspace.set_action(item_id, market, due=day, seen_version=seen)
        elif column == self.STATUS:
            try:
                status = ActionStatus(value)
            except ValueError:
                return False
            self._workspace.set_action(item_id, market, status=status, seen_version=seen)
        else:
            return False
        return True


class PlanFilter(QSortFilterProxyModel):
    """Shows the plan for one market, owner or status, or only what is overdue."""

    NO_OWNER = ""  # the owner filter's value for actions nobody owns yet

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.market: str | None = None
        self.owner: str | None = None
        self.status: str | None = None
        self.overdue_only = False
        self.setSortRole(SORT_ROLE)

    def set_filters(
        self,
        market: str | None = None,
        owner: str | None = None,
        status: str | None = None,
        *,
        overdue: bool = False,
    ) -> None:
        """Filter by market code, owner (``NO_OWNER`` for none), status; None: all."""
        self.beginFilterChange()
        self.market = market
        self.owner = owner
        self.status = status
        self.overdue_only = overdue
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PlanModel):
            return True
        action = model.action_at(source_row)
        if self.market is not None and self.market not in action.markets:
            return False
        if self.owner is not None and action.owner.strip() != self.owner:
            return False
        if self.status is not None and action.status.value != self.status:
            return False
        return not self.overdue_only or action.overdue(model.today)

    def actions(self) -> list[PlannedAction]:
        """The actions shown, in the order shown."""
        model = self.sourceModel()
        assert isinstance(model, PlanModel)
        return [
            model.action_at(self.mapToSource(self.index(row, 0)).row())
            for row in range(self.rowCount())
        ]
