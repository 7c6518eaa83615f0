"""A plan with every kind of figure, for the tests of what shows and exports it.

The bundled content does not yet give every action an effort, a cost, a region
it covers or a reason to rank it down; these results give some actions each,
as a plan built from such content would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from readiness.content.model import CostBasis, LocalizedText, ReferenceCitation
from readiness.domain.budget import ActionCost, Range
from readiness.domain.plan import ActionPlan
from readiness.domain.results import AssessmentResult
from readiness.domain.statuses import ActionStatus


def with_figures(result: AssessmentResult) -> AssessmentResult:
    """``result`` with its first actions given costs, an EU-wide merge, a ranked-down
    reason, your own figures, one done action and one overdue."""
    actions = list(result.plan.actions)
    today = result.today
    first = actions[0]
    actions[0] = dataclasses.replace(
        first,
        effort=Range(2, 4),
        cost=ActionCost(Range(20000, 50000), "EUR", CostBasis.ONE_OFF, "estimate"),
        critical=True,
        slack_days=0,
        due=max(first.due, today + dt.timedelta(days=90)),  # neither overdue nor due soon
    )
    actions[1] = dataclasses.replace(
        actions[1],
        key=(actions[1].item_id, "eu"),
        covers="eu",
        markets=tuple(m.code for m in result.markets),
        effort=Range(1, 1),
        cost=ActionCost(
            Range(3000, 3000),
            "CNY",
            CostBasis.YEARLY,
            ReferenceCitation(reference="REF-EU-STOP-CLOCK"),
        ),
        owner="Ms Zhou",
        overridden=frozenset({"owner", "cost"}),
    )
    actions[2] = dataclasses.replace(
        actions[2],
        ranked_down=LocalizedText.model_construct(
            en="Not a first step for a company of this size",
            zh="对这种规模的企业不是第一步",
        ),
    )
    actions[3] = dataclasses.replace(actions[3], status=ActionStatus.DONE)
    actions[4] = dataclasses.replace(
        actions[4], start=today - dt.timedelta(days=60), due=today - dt.timedelta(days=3)
    )
    actions[5] = dataclasses.replace(actions[5], due=today + dt.timedelta(days=5))
    plan = ActionPlan(
        actions=tuple(actions),
        markets=result.plan.markets,
        budget=result.plan.budget,
        by_quarter=result.plan.by_quarter,
        entry_sequence=result.plan.entry_sequence,
    )
    return dataclasses.replace(result, plan=plan)
