"""The action plan: every gap dated back from the planned entry, and what-if.

Pure functions over the comparison of markets; no database, no Qt. The dating
rule is written down for managers in ``docs/methodology.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from readiness.content.catalog import Catalog
from readiness.content.model import ScaleKind
from readiness.domain.answers import AnswerValue
from readiness.domain.comparison import AssessmentScore, score_assessment
from readiness.domain.dates import weeks_after, weeks_before
from readiness.domain.scoring import (
    DEFAULT_LEAD_DAYS_TO_ENTRY,
    DEFAULT_TARGET_LEVEL,
    MAX_LEVEL,
    AnswerKey,
    Gap,
    MarketInput,
)

# --- action plan and what-if --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedAction:
    """A gap turned into a dated action."""

    gap: Gap
    markets: tuple[str, ...]  # the markets it matters for
    start: dt.date
    due: dt.date
    entry: dt.date  # the entry date it must be ready for
    at_risk: bool  # it cannot be finished before the planned entry
    rank: int = 0


@dataclass(frozen=True, slots=True)
class ActionPlan:
    """The gaps of all markets as one dated plan, long-lead items first."""

    actions: tuple[PlannedAction, ...] = field(default=())

    def ranked(self) -> list[PlannedAction]:
        """Actions by priority (critical first, then weighted shortfall)."""
        return sorted(self.actions, key=lambda a: a.rank)


def build_action_plan(
    score: AssessmentScore, markets: Sequence[MarketInput], *, today: dt.date
) -> ActionPlan:
    """Date every gap back from the market's planned entry, so long-lead work starts first.

    A company-wide gap appears once, dated for the earliest entry among the markets
    it matters for. Without a planned entry, a market is assumed to open a year from
    today. An action that cannot finish before entry starts today and is at risk.
    """
    entries = {
        m.code: m.planned_entry or today + dt.timedelta(days=DEFAULT_LEAD_DAYS_TO_ENTRY)
        for m in markets
    }
    merged: dict[AnswerKey, tuple[Gap, list[str]]] = {}
    for result in score.markets.values():
        for gap in result.gaps:
            key = (gap.item_id, gap.market)
            if key in merged:
                merged[key][1].append(result.code)
            else:
                merged[key] = (gap, [result.code])
    by_priority = sorted(merged.values(), key=lambda pair: pair[0].sort_key())
    planned = []
    for rank, (gap, codes) in enumerate(by_priority, start=1):
        entry = min(entries[code] for code in codes)
        start = weeks_before(entry, gap.lead_time_weeks)
        at_risk = start < today
        if at_risk:
            start = today
        planned.append(
            PlannedAction(
                gap=gap,
                markets=tuple(codes),
                start=start,
                due=weeks_after(start, gap.lead_time_weeks) if at_risk else entry,
                entry=entry,
                at_risk=at_risk,
                rank=rank,
            )
        )
    planned.sort(key=lambda a: (a.start, -a.gap.lead_time_weeks, a.rank))
    return ActionPlan(tuple(planned))


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
    items = catalog.all_items
    for action in plan.ranked()[:done]:
        gap = action.gap
        item = items.get(gap.item_id)
        yes_no = item is not None and item.scale is ScaleKind.YES_NO
        improved[(gap.item_id, gap.market)] = AnswerValue.from_level(
            MAX_LEVEL if yes_no else target_level
        )
    return score_assessment(catalog, markets, improved, target_level=target_level)
