"""The detail of one action of the plan: what, why, on what authority, what it waits for and
what waits for it, for which markets, what it takes, and when.

Signals:
    select_requested(object): the user clicked a prerequisite or an action it
        unblocks; the key (item id, market or region tag or None) of that action.
    edit_requested(object): the user asked to change the action's figures; its key.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from readiness.domain.plan import PlanKey, PlannedAction
from ui.models.plan_words import PlanWords
from ui.theme import alert_colour
from ui.workspace import Workspace

_LINK = "action:"


def _key_link(key: PlanKey) -> str:
    return f"{_LINK}{key[0]}/{key[1] or ''}"


def _link_key(url: str) -> PlanKey | None:
    if not url.startswith(_LINK) or "/" not in url:
        return None
    item, market = url[len(_LINK) :].split("/", 1)
    return (item, market or None)


class PlanDetail(QWidget):
    """Everything about the selected action, with links to the actions around it."""

    select_requested = Signal(object)
    edit_requested = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDetail")
        self._workspace = workspace
        self._words = PlanWords(workspace, self)
        self._action: PlannedAction | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = QTextBrowser()
        self.browser.setObjectName("planDetailText")
        self.browser.setAccessibleName(self.tr("Selected action"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        layout.addWidget(self.browser, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setObjectName("editPlanFigures")
        self.edit.setToolTip(self.tr("Set your own start, effort and cost for this action"))
        self.edit.clicked.connect(self._edit)
        buttons.addWidget(self.edit)
        layout.addLayout(buttons)
        self.show_action(None)

    @property
    def action(self) -> PlannedAction | None:
        """The action shown."""
        return self._action

    def _clicked(self, url: QUrl) -> None:
        key = _link_key(url.toString())
        if key is not None:
            self.select_requested.emit(key)

    def _edit(self) -> None:
        if self._action is not None:
            self.edit_requested.emit(self._action.key)

    def show_action(self, action: PlannedAction | None) -> None:
        """Show ``action``, or a hint to pick one."""
        self._action = action
        self.edit.setEnabled(action is not None and not self._workspace.store.read_only)
        if action is None:
            hint = self.tr(
                "Select an action to see why it is in the plan, what it needs first and what "
                "it takes."
            )
            self.browser.setHtml(f"<p>{html.escape(hint)}</p>")
            return
        self.browser.setHtml(self._html(action))

    def _action_link(self, key: PlanKey) -> str:
        result = self._workspace.result
        other = result.plan.action(key) if result else None
        text = self._workspace.name(other.item.action) if other else key[0]
        where = self._words.markets(other) if other else (key[1] or "")
        label = f"{key[0]} · {text}" + (f" ({where})" if where else "")
        return f'<li><a href="{html.escape(_key_link(key))}">{html.escape(label)}</a></li>'

    def _row(self, label: str, value: str, *, mine: bool = False) -> str:
        shown = html.escape(value)
        if mine:
            mark = self.tr("your figure")
            shown = f"<i>{shown}</i> <small>({html.escape(mark)})</small>"
        return f"<tr><td><b>{html.escape(label)}</b>&nbsp;</td><td>{shown}</td></tr>"

    def _html(self, action: PlannedAction) -> str:
        workspace, words = self._workspace, self._words
        name = workspace.name
        result = workspace.result
        today = result.today if result else None
        alert = alert_colour().name()
        parts = [
            f"<h3>{html.escape(action.item_id)} · {html.escape(name(action.item.action))}</h3>"
        ]
        flags = []
        if today is not None and action.overdue(today):
            flags.append(self.tr("Overdue: was due %1").replace("%1", action.due.isoformat()))
        elif today is not None and action.due_soon(today):
            flags.append(self.tr("Due within 14 days"))
        if action.at_risk:
            flags.append(self.tr("Cannot be finished before the planned entry"))
        if flags:
            parts.append(f'<p style="color:{alert}"><b>{html.escape(" · ".join(flags))}</b></p>')
        if action.ranked_down is not None:
            parts.append(
                "<p><b>{}</b> {}</p>".format(
                    html.escape(self.tr("Ranked down:")), html.escape(name(action.ranked_down))
                )
            )
        markets = words.markets(action)
        if action.covers:
            region = workspace.catalog.regions.get(action.covers)
            region_name = name(region.name) if region is not None else action.covers.upper()
            markets += " · " + self.tr("one action for the whole region (%1)").replace(
                "%1", region_name
            )
        if action.critical:
            slack = self.tr("none: on the critical path")
        elif action.slack_days is None:
            slack = self.tr("does not hold the entry back")
        else:
            slack = self.tr("%1 days").replace("%1", str(action.slack_days))
        mine = action.overridden
        rows = [
            self._row(self.tr("Markets"), markets),
            self._row(self.tr("Phase"), words.phase(action.phase)),
            self._row(self.tr("Status"), words.status(action.status.value), mine="status" in mine),
            self._row(
                self.tr("Owner"), action.owner or self.tr("not named yet"), mine="owner" in mine
            ),
            self._row(self.tr("Start"), action.start.isoformat(), mine="start" in mine),
            self._row(self.tr("Due"), action.due.isoformat(), mine="due" in mine),
            self._row(
                self.tr("Lead time"),
                self.tr("%1 of %2 weeks left")
                .replace("%1", str(action.remaining_weeks))
                .replace("%2", str(action.lead_time_weeks)),
            ),
            *(
                [self._row(self.tr("Entry can go ahead"), action.ready_for_entry.isoformat())]
                if action.ready_for_entry is not None and action.ready_for_entry != action.due
                else []
            ),
            self._row(self.tr("Slack"), slack),
            self._row(self.tr("Effort"), words.effort(action.effort), mine="effort" in mine),
            self._row(
                self.tr("Cost"),
                f"{words.cost(action.cost)} ({words.source(action.cost)})",
                mine="cost" in mine,
            ),
        ]
        parts.append(f"<table>{''.join(rows)}</table>")
        why = self.tr("Why")
        parts.append(f"<h4>{html.escape(why)}</h4>")
        parts.append(f"<p>{html.escape(name(action.item.text))}</p>")
        parts.append(f"<p>{html.escape(name(action.item.guidance))}</p>")
        catalog = workspace.catalog
        sources = [catalog.citation_text(c, workspace.language) for c in action.item.sources]
        sources_title = self.tr("Sources")
        parts.append(f"<h4>{html.escape(sources_title)}</h4>")
        parts.append("<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in sources) + "</ul>")
        for title, keys in (
            (self.tr("Needs first"), action.requires),
            (self.tr("Unblocks"), action.unblocks),
        ):
            parts.append(f"<h4>{html.escape(title)}</h4>")
            if keys:
                parts.append("<ul>" + "".join(self._action_link(k) for k in keys) + "</ul>")
            else:
                nothing = self.tr("Nothing open")
                parts.append(f"<p>{html.escape(nothing)}</p>")
        return "".join(parts)
