"""What changed between two points of the history, in words: readiness per market, the
answers that moved, and the actions the plan no longer needs or needs now."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from readiness.content.model import ScaleKind
from readiness.domain.answers import AnswerValue
from readiness.domain.milestone_changes import MilestoneChanges
from readiness.domain.plan import PlanKey
from ui.workspace import Workspace

# Enough to read what moved; the rest is counted, not listed.
MAX_LISTED = 60


class MilestoneChangesView(QTextBrowser):
    """A read-only page of one comparison."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("milestoneChanges")
        self.setAccessibleName(self.tr("What changed"))
        self.setOpenLinks(False)
        self._workspace = workspace

    def show_changes(self, changes: MilestoneChanges) -> None:
        """Show one comparison."""
        escape = html.escape
        if changes.before is None:
            title = self.tr("What “%1” holds (nothing was saved before it)").replace(
                "%1", escape(changes.after)
            )
        else:
            title = (
                self.tr("What changed from “%1” to “%2”")
                .replace("%1", escape(changes.before))
                .replace("%2", escape(changes.after))
            )
        readiness = self.tr("Readiness")
        parts = [f"<h3>{title}</h3>", f"<p><b>{readiness}</b></p>", "<table>"]
        for score in changes.scores:
            arrow = "▲" if score.change > 0.05 else "▼" if score.change < -0.05 else "="
            parts.append(
                f"<tr><td>{escape(self._workspace.market_name(score.market))}</td>"
                f"<td align='right'>&nbsp;{score.before:.0f}</td><td>&nbsp;→&nbsp;</td>"
                f"<td align='right'>{score.after:.0f}</td>"
                f"<td>&nbsp;{arrow} {score.change:+.0f}</td></tr>"
            )
        parts.append("</table>")
        parts.append(
            "<p><b>"
            + self.tr("Answers changed: %1").replace("%1", str(len(changes.answers)))
            + "</b></p>"
        )
        if changes.answers:
            parts.append("<table>")
            for change in changes.answers[:MAX_LISTED]:
                item_id, market = change.key
                where = self._workspace.market_name(market) if market else self.tr("company")
                parts.append(
                    f"<tr><td><small>{escape(item_id)}</small>&nbsp;</td>"
                    f"<td>{escape(self._question(item_id))} <small>({escape(where)})</small></td>"
                    f"<td>&nbsp;{escape(self._value(item_id, change.before))}&nbsp;→&nbsp;"
                    f"{escape(self._value(item_id, change.after))}</td></tr>"
                )
            parts.append("</table>")
            if len(changes.answers) > MAX_LISTED:
                more = len(changes.answers) - MAX_LISTED
                parts.append("<p>" + self.tr("… and %1 more").replace("%1", str(more)) + "</p>")
        for heading, keys in (
            (self.tr("Actions no longer needed: %1"), changes.closed),
            (self.tr("New actions in the plan: %1"), changes.opened),
        ):
            parts.append(f"<p><b>{heading.replace('%1', str(len(keys)))}</b></p>")
            if keys:
                listed = "".join(f"<li>{escape(self._action(k))}</li>" for k in keys[:MAX_LISTED])
                parts.append(f"<ul>{listed}</ul>")
        self.setHtml("".join(parts))

    def _question(self, item_id: str) -> str:
        item = self._workspace.catalog.all_items.get(item_id)
        return self._workspace.name(item.text) if item is not None else item_id

    def _action(self, key: PlanKey) -> str:
        item_id, market = key
        result = self._workspace.result
        codes = {m.code for m in result.markets} if result is not None else set()
        where = ""
        if market:  # a market, or a region's tag for an action done once for it
            shown = self._workspace.market_name(market) if market in codes else market.upper()
            where = f" ({shown})"
        return f"{item_id} {self._question(item_id)}{where}"

    def _value(self, item_id: str, value: AnswerValue | None) -> str:
        if value is None:
            return self.tr("not answered")
        if value is AnswerValue.NOT_APPLICABLE:
            return self.tr("n/a")
        if value is AnswerValue.UNKNOWN:
            return self.tr("don't know")
        item = self._workspace.catalog.all_items.get(item_id)
        if item is not None and item.scale is ScaleKind.YES_NO:
            return self.tr("yes") if value.level == 4 else self.tr("no")
        return f"{value.level}/4"
