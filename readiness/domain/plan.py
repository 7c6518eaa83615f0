"""The action plan: every gap as an action, scheduled after what it requires, with the
critical path, the earliest realistic entry per market, and the budget.

Pure functions over the scores, the content and the user's own figures; no
database, no Qt. One function (:func:`build_action_plan`) builds the plan every
view shows. The rules are written down for managers in ``docs/methodology.md``
("The plan"), with a worked example the tests pin.

Scheduling is the critical-path method on calendar days:

* an action starts as soon as everything it requires is finished (today at the
  earliest, or the start the user set), and is due its lead time later;
* a market can open when every action that must be finished before entry is;
* walking back from that date gives each action its latest finish; the actions
  with none to spare are the market's critical path, and the rest show their
  slack against the planned entry (or the earliest one, when that is later).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from graphlib import TopologicalSorter

from readiness.content.catalog import Catalog
from readiness.content.model import (
    CURRENCIES,
    CostBasis,
    Currency,
    Item,
    LocalizedText,
    Phase,
    ScaleKind,
    Scope,
)
from readiness.domain.answers import AnswerValue
from readiness.domain.budget import ActionCost, Budget, Range, budget_of, by_quarter
from readiness.domain.comparison import AssessmentScore, score_assessment
from readiness.domain.dates import weeks_after
from readiness.domain.lead_times import remaining_weeks, weeks_to_entry
from readiness.domain.profile import CompanyProfile
from readiness.domain.records import SavedAction, SavedRate
from readiness.domain.scoring import (
    DEFAULT_TARGET_LEVEL,
    MAX_LEVEL,
    AnswerKey,
    Gap,
    MarketInput,
)
from readiness.domain.statuses import ActionStatus

# Where an action is kept: (item id, market code | region tag | None for the company).
PlanKey = tuple[str, str | None]

_PHASE_ORDER = {Phase.NOW: 0, Phase.BEFORE_ENTRY: 1, Phase.AFTER_ENTRY: 2}
_CLOSED = (ActionStatus.DONE, ActionStatus.DROPPED)


@dataclass(frozen=True, slots=True)
class PlannedAction:
    """One action of the plan: what, for which markets, when, and what it takes."""

    key: PlanKey
    item: Item
    gap: Gap  # the largest shortfall among the markets it covers
    answer_keys: tuple[AnswerKey, ...]  # the answers it raises (one per market it covers)
    markets: tuple[str, ...]  # the target markets it serves
    covers: str | None  # the region tag when one action serves several markets
    phase: Phase
    rank: int  # priority: critical first, then weighted shortfall; ranked-down last
    start: dt.date
    due: dt.date
    entry: dt.date | None  # the earliest planned entry among its markets
    ready_for_entry: (
        dt.date | None
    )  # when entry can go ahead as far as it goes; None: never holds entry
    requires: tuple[PlanKey, ...]  # open actions that must be finished first
    unblocks: tuple[PlanKey, ...]  # actions waiting for this one
    critical: bool  # on a market's critical path
    slack_days: int | None  # days it can slip without moving entry; None after entry
    effort: Range  # person-weeks
    cost: ActionCost | None
    owner: str
    status: ActionStatus
    overridden: frozenset[str]  # what the user set: start, due, effort, cost, owner, status
    ranked_down: LocalizedText | None  # why the profile puts it later

    @property
    def item_id(self) -> str:
        """The question the action answers."""
        return self.item.id

    @property
    def lead_time_weeks(self) -> int:
        """The content's typical lead time, from not started to in place."""
        return self.item.lead_time_weeks

    @property
    def remaining_weeks(self) -> int:
        """What is left of the lead time from where the answers stand."""
        return remaining_weeks(self.item, [self.gap])

    @property
    def at_risk(self) -> bool:
        """Whether it cannot be ready before the planned entry it must be ready for."""
        return (
            self.entry is not None
            and self.ready_for_entry is not None
            and self.ready_for_entry > self.entry
        )

    def overdue(self, today: dt.date) -> bool:
        """Whether it is still open past its due date."""
        return self.status not in _CLOSED and self.due < today

    def due_soon(self, today: dt.date, days: int = 14) -> bool:
        """Whether it is still open and due within ``days`` from today."""
        return self.status not in _CLOSED and today <= self.due <= today + dt.timedelta(days)


@dataclass(frozen=True, slots=True)
class MarketSchedule:
    """When one market can open, and what getting there costs."""

    code: str
    planned_entry: dt.date | None
    earliest_entry: dt.date  # when every action needed before entry can be finished
    budget: Budget

    @property
    def late_days(self) -> int:
        """How many days the earliest realistic entry falls after the planned one (0 if not)."""
        if self.planned_entry is None:
            return 0
        return max(0, (self.earliest_entry - self.planned_entry).days)


@dataclass(frozen=True)
class ActionPlan:
    """All actions of an assessment, scheduled, with each market's entry and the budget."""

    actions: tuple[PlannedAction, ...] = ()  # in the order to do them
    markets: Mapping[str, MarketSchedule] = field(default_factory=dict)
    budget: Budget = field(default_factory=lambda: Budget("CNY"))
    by_quarter: Mapping[str, Range] = field(default_factory=dict)  # "2027-Q1": one-off cost
    entry_sequence: tuple[str, ...] = ()  # the markets in the suggested order of entry
    rates: tuple[SavedRate, ...] = ()

    def ranked(self) -> list[PlannedAction]:
        """Actions by priority (critical first, then weighted shortfall, ranked-down last)."""
        return sorted(self.actions, key=lambda a: a.rank)

    def action(self, key: PlanKey) -> PlannedAction | None:
        """The action kept under ``key``, if the plan has it."""
        return self._by_key.get(key)

    @cached_property
    def _by_key(self) -> dict[PlanKey, PlannedAction]:
        return {a.key: a for a in self.actions}

    def for_market(self, code: str) -> list[PlannedAction]:
        """The actions that serve one market, in plan order."""
        return [a for a in self.actions if code in a.markets]


# --- building the plan -----------------------------------------------------------------


@dataclass
class _Draft:
    """An action while the plan is being built."""

    key: PlanKey
    item: Item
    gaps: list[Gap]
    markets: list[str]
    covers: str | None
    saved: SavedAction | None = None
    requires: list[PlanKey] = field(default_factory=list)
    start: dt.date = dt.date.min
    due: dt.date = dt.date.min
    # When the market can open as far as this action goes (None: it does not hold entry).
    ready: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN
    open: bool = True


def _plan_key(item: Item, gap: Gap, tags: frozenset[str]) -> tuple[PlanKey, str | None]:
    if item.scope is Scope.COMPANY:
        return (item.id, None), None
    if item.covers is not None and item.covers in tags:
        return (item.id, item.covers), item.covers
    return (item.id, gap.market), None


def _saved_for(
    key: PlanKey, markets: Sequence[str], saved: Mapping[PlanKey, SavedAction]
) -> SavedAction | None:
    found = saved.get(key)
    if found is None and key[1] is not None and key[1] not in markets:
        # A regional action: follow-up saved before the content merged it stays with it.
        found = next((saved[(key[0], m)] for m in markets if (key[0], m) in saved), None)
    return found


def _effort(draft: _Draft) -> tuple[Range, bool]:
    saved = draft.saved
    if saved is not None and saved.effort_min is not None:
        high = saved.effort_max if saved.effort_max is not None else saved.effort_min
        return Range(saved.effort_min, max(high, saved.effort_min)), True
    effort = draft.item.effort
    return (Range(effort.min, effort.max) if effort else Range()), False


def _cost(draft: _Draft) -> tuple[ActionCost | None, bool]:
    saved = draft.saved
    if saved is not None and saved.cost_min is not None and saved.cost_currency:
        high = saved.cost_max if saved.cost_max is not None else saved.cost_min
        currency: Currency = next((c for c in CURRENCIES if c == saved.cost_currency), "CNY")
        return (
            ActionCost(
                amount=Range(saved.cost_min, max(high, saved.cost_min)),
                currency=currency,
                basis=CostBasis(saved.cost_basis or CostBasis.ONE_OFF.value),
                source="user",
            ),
            True,
        )
    cost = draft.item.cost
    if cost is None:
        return None, False
    return ActionCost(Range(cost.min, cost.max), cost.currency, cost.basis, cost.source), False


def build_action_plan(
    catalog: Catalog,
    score: AssessmentScore,
    markets: Sequence[MarketInput],
    *,
    today: dt.date,
    saved: Mapping[PlanKey, SavedAction] | None = None,
    profile: CompanyProfile | None = None,
    rates: Sequence[SavedRate] = (),
    currency: Currency = "CNY",
) -> ActionPlan:
    """Turn every gap of every market into a scheduled, costed action.

    ``saved`` holds the user's follow-up per action (owner, status, and any
    start, due, effort or cost they set), keyed like the plan's actions.
    """
    saved = saved or {}
    profile = profile or CompanyProfile()
    items = catalog.all_items
    tags = {m.code: catalog.region_tags(m.code, m.custom_region) for m in markets}

    drafts: dict[PlanKey, _Draft] = {}
    for market in markets:
        result = score.markets.get(market.code)
        if result is None:
            continue
        for gap in result.gaps:
            item = items[gap.item_id]
            key, covers = _plan_key(item, gap, tags[market.code])
            draft = drafts.get(key)
            if draft is None:
                drafts[key] = _Draft(key, item, [gap], [market.code], covers)
            else:
                if gap not in draft.gaps:
                    draft.gaps.append(gap)
                if market.code not in draft.markets:
                    draft.markets.append(market.code)
    for draft in drafts.values():
        draft.saved = _saved_for(draft.key, draft.markets, saved)
        if draft.saved is not None:
            draft.status = ActionStatus(draft.saved.status)
            draft.open = draft.status not in _CLOSED

    # Prerequisites: the open actions of the required items that serve a market in common.
    by_item: dict[str, list[_Draft]] = defaultdict(list)
    for draft in drafts.values():
        by_item[draft.item.id].append(draft)
    for draft in drafts.values():
        for required in draft.item.requires:
            for other in by_item.get(required, []):
                if set(other.markets) & set(draft.markets):
                    draft.requires.append(other.key)

    ranked_down = {key: profile.later_step(d.item) for key, d in drafts.items()}
    by_priority = sorted(
        drafts.values(),
        key=lambda d: (
            ranked_down[d.key] is not None,
            min(g.sort_key() for g in d.gaps),
        ),
    )
    rank = {d.key: position for position, d in enumerate(by_priority, start=1)}

    def phase_of(draft: _Draft) -> Phase:
        return Phase.AFTER_ENTRY if ranked_down[draft.key] is not None else draft.item.phase

    # Forward pass: earliest start and finish, after every open prerequisite.
    order = tuple(TopologicalSorter({key: d.requires for key, d in drafts.items()}).static_order())
    for key in order:
        draft = drafts[key]
        own = draft.saved
        # The user's start stands (an action under way may have begun before today).
        earliest = own.start_date if own is not None and own.start_date is not None else today
        if draft.open:
            for before in draft.requires:
                if drafts[before].open:
                    earliest = max(earliest, drafts[before].due)
        draft.start = earliest
        planned_due = weeks_after(earliest, remaining_weeks(draft.item, draft.gaps))
        if own is not None and own.due_date is not None:
            planned_due = own.due_date
        draft.due = max(planned_due, earliest)
        to_entry = weeks_to_entry(draft.item, draft.gaps)
        if draft.item.entry_level is None:
            draft.ready = draft.due
        elif to_entry is not None:
            draft.ready = min(weeks_after(earliest, to_entry), draft.due)

    entries = {m.code: m.planned_entry for m in markets}

    holds_entry = {
        key: d.open and phase_of(d) is not Phase.AFTER_ENTRY and d.ready is not None
        for key, d in drafts.items()
    }

    def gating(draft: _Draft) -> bool:
        return holds_entry[draft.key]

    def ready(draft: _Draft) -> dt.date:
        return draft.ready or draft.due

    # The actions holding each market's entry, in the order they can be done.
    holding: dict[str, list[PlanKey]] = {m.code: [] for m in markets}
    for key in order:
        if holds_entry[key]:
            for code in drafts[key].markets:
                holding[code].append(key)
    earliest_entry = {
        code: max([today, *(ready(drafts[k]) for k in keys)]) for code, keys in holding.items()
    }

    # Backward passes, one per market: latest finish against the earliest entry
    # (zero float: the critical path) and against the entry the plan works to.
    successors: dict[PlanKey, list[PlanKey]] = defaultdict(list)
    for draft in drafts.values():
        for before in draft.requires:
            successors[before].append(draft.key)
    critical: set[PlanKey] = set()
    slack: dict[PlanKey, int] = {}
    for market in markets:
        code = market.code
        planned = entries[code]
        horizon = max(earliest_entry[code], planned) if planned else earliest_entry[code]
        for deadline, record in ((earliest_entry[code], "critical"), (horizon, "slack")):
            latest_start: dict[PlanKey, dt.date] = {}
            for key in reversed(holding[code]):
                draft = drafts[key]
                # Entry waits for the action to be ready; a successor waits for it to be done.
                spare = min(
                    [
                        (deadline - ready(draft)).days,
                        *(
                            (latest_start[s] - draft.due).days
                            for s in successors[key]
                            if s in latest_start
                        ),
                    ]
                )
                latest_start[key] = draft.start + dt.timedelta(days=spare)
                if record == "critical":
                    if spare <= 0:
                        critical.add(key)
                else:
                    slack[key] = min(slack.get(key, spare), spare)

    actions = []
    for draft in drafts.values():
        effort, effort_set = _effort(draft)
        cost, cost_set = _cost(draft)
        own = draft.saved
        overridden = {
            name
            for name, is_set in (
                ("start", own is not None and own.start_date is not None),
                ("due", own is not None and own.due_date is not None),
                ("effort", effort_set),
                ("cost", cost_set),
                ("owner", own is not None and bool(own.owner)),
                ("status", own is not None and own.status != ActionStatus.OPEN.value),
            )
            if is_set
        }
        worst = min(draft.gaps, key=Gap.sort_key)
        planned_entries = [e for c in draft.markets if (e := entries.get(c)) is not None]
        phase = phase_of(draft)
        actions.append(
            PlannedAction(
                key=draft.key,
                item=draft.item,
                gap=worst,
                answer_keys=tuple(dict.fromkeys((g.item_id, g.market) for g in draft.gaps)),
                markets=tuple(m.code for m in markets if m.code in draft.markets),
                covers=draft.covers,
                phase=phase,
                rank=rank[draft.key],
                start=draft.start,
                due=draft.due,
                entry=min(planned_entries) if planned_entries else None,
                ready_for_entry=ready(draft) if gating(draft) else None,
                # A closed action waits for nothing and holds nothing back.
                requires=tuple(r for r in draft.requires if draft.open and drafts[r].open),
                unblocks=tuple(s for s in successors[draft.key] if draft.open and drafts[s].open),
                critical=draft.key in critical,
                slack_days=slack.get(draft.key) if gating(draft) else None,
                effort=effort,
                cost=cost,
                owner=own.owner if own is not None else "",
                status=draft.status,
                overridden=frozenset(overridden),
                ranked_down=ranked_down[draft.key],
            )
        )
    actions.sort(
        key=lambda a: (
            a.status in _CLOSED,
            _PHASE_ORDER[a.phase],
            # Decisions to take now go by priority; then the critical path in its order,
            # then the rest by start and slack.
            a.rank if a.phase is Phase.NOW else 0,
            not a.critical,
            a.start,
            a.slack_days if a.slack_days is not None else 0,
            -a.lead_time_weeks,
            a.rank,
        )
    )
    rate_map = {r.currency: r for r in rates}
    serving: dict[str, list[PlannedAction]] = {m.code: [] for m in markets}
    for planned_action in actions:
        for code in planned_action.markets:
            serving[code].append(planned_action)
    schedules = {
        m.code: MarketSchedule(
            code=m.code,
            planned_entry=m.planned_entry,
            earliest_entry=earliest_entry[m.code],
            budget=budget_of(serving[m.code], currency, rate_map, market=m.code),
        )
        for m in markets
    }
    sequence = tuple(
        sorted(
            schedules,
            key=lambda c: (
                schedules[c].earliest_entry,
                -(score.markets[c].overall if c in score.markets else 0.0),
                c,
            ),
        )
    )
    return ActionPlan(
        actions=tuple(actions),
        markets=schedules,
        budget=budget_of(actions, currency, rate_map),
        by_quarter=by_quarter(actions, currency, rate_map),
        entry_sequence=sequence,
        rates=tuple(rates),
    )


def what_if(
    catalog: Catalog,
    markets: Sequence[MarketInput],
    answers: Mapping[AnswerKey, AnswerValue],
    plan: ActionPlan,
    done: int,
    *,
    target_level: int = DEFAULT_TARGET_LEVEL,
) -> AssessmentScore:
    """The scores if the ``done`` highest-priority actions were brought to the target level."""
    improved = dict(answers)
    for action in plan.ranked()[:done]:
        yes_no = action.item.scale is ScaleKind.YES_NO
        for key in action.answer_keys:
            improved[key] = AnswerValue.from_level(MAX_LEVEL if yes_no else target_level)
    return score_assessment(catalog, markets, improved, target_level=target_level)
