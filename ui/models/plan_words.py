"""How the app words the plan: phases, statuses, markets, effort, cost and its source.

The plan table, the detail pane, the Gantt view and the dashboard all say these
things the same way, in the UI's language; the figures come from the plan.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from readiness.content.model import CostBasis, Phase
from readiness.domain.budget import ActionCost, Budget, Range, range_text
from readiness.domain.plan import PlannedAction
from ui.theme import is_dark
from ui.workspace import Workspace

OVERRIDABLE = ("start", "due", "effort", "cost", "owner", "status")


def overdue_colour() -> QColor:
    """The background of an overdue action's row, legible in light and dark themes."""
    return QColor("#5c2320") if is_dark() else QColor("#fbe3e1")


def due_soon_colour() -> QColor:
    """The background of an action due within 14 days."""
    return QColor("#4d3f12") if is_dark() else QColor("#fff1c9")


class PlanWords(QObject):
    """The plan's words in the UI's language."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace

    def phase(self, phase: Phase) -> str:
        """When an action is done relative to the market opening."""
        return {
            Phase.NOW: self.tr("Do now"),
            Phase.BEFORE_ENTRY: self.tr("Before entry"),
            Phase.AFTER_ENTRY: self.tr("After entry"),
        }[phase]

    def status(self, status: str) -> str:
        """An action's status."""
        return {
            "open": self.tr("Open"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
            "dropped": self.tr("Dropped"),
        }[status]

    def markets(self, action: PlannedAction) -> str:
        """The markets an action serves, by name."""
        separator = "、" if self._workspace.language == "zh" else ", "
        names = separator.join(self._workspace.market_name(code) for code in action.markets)
        if action.key[1] is None:
            return (
                self.tr("Company-wide")
                if not names
                else self.tr("Company-wide: %1").replace("%1", names)
            )
        return names

    def effort(self, effort: Range) -> str:
        """Effort in person-weeks, or a dash when the content gives none."""
        if effort.high <= 0:
            return "—"
        return self.tr("%1 person-weeks").replace("%1", range_text(effort))

    def effort_range(self, effort: Range) -> str:
        """Effort as a bare range (the column says the unit), or a dash."""
        return range_text(effort) if effort.high > 0 else "—"

    def basis(self, basis: CostBasis) -> str:
        """Whether a cost is paid once or every year."""
        return self.tr("one-off") if basis is CostBasis.ONE_OFF else self.tr("yearly")

    def cost(self, cost: ActionCost | None) -> str:
        """``EUR 20,000-50,000 one-off``, or a dash when no figure is given."""
        if cost is None:
            return "—"
        return f"{cost.currency} {range_text(cost.amount)} {self.basis(cost.basis)}"

    def cost_cell(self, cost: ActionCost | None) -> str:
        """The cost as the table shows it: the figure, then whether it is an estimate,
        the user's own or taken from a source (named in the cell's tooltip)."""
        if cost is None:
            return "—"
        if cost.source == "estimate":
            kind = self.tr("(estimate)")
        elif cost.source == "user":
            kind = ""  # shown in italics, with "your figure" in the tooltip
        elif isinstance(cost.source, str):
            kind = ""
        else:
            kind = self.tr("(sourced)")
        return f"{self.cost(cost)} {kind}".strip()

    def source(self, cost: ActionCost | None) -> str:
        """Where a cost figure comes from."""
        if cost is None:
            return self.tr("no figure given")
        if cost.source == "estimate":
            return self.tr("estimate")
        if cost.source == "user":
            return self.tr("your figure")
        if isinstance(cost.source, str):
            return cost.source
        return self._workspace.catalog.citation_text(cost.source, self._workspace.language)

    def budget(self, budget: Budget) -> str:
        """A budget on one line: one-off, yearly and effort."""
        return (
            self.tr("One-off %1 %2 · yearly %1 %3 · effort %4 person-weeks")
            .replace("%1", budget.currency)
            .replace("%2", range_text(budget.one_off))
            .replace("%3", range_text(budget.yearly))
            .replace("%4", range_text(budget.effort))
        )

    def slack(self, action: PlannedAction) -> str:
        """Days the action can slip without moving the entry; "critical" when none."""
        if action.critical:
            return self.tr("Critical")
        if action.slack_days is None:
            return "—"
        return str(action.slack_days)

    def your_figure(self) -> str:
        """The tooltip of a figure the user set."""
        return self.tr("Your figure (the plan's own is replaced)")
