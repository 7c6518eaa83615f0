"""The executive summary of the assessment report: what a general manager reads first.

Per market the score with its confidence, the level, the blockers in words,
the earliest realistic entry and the budget; then the five actions to start
now with owner, start date and cost. The verdict and the matrix come from
:mod:`readiness.report.decision`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from readiness.domain.plan import PlannedAction
from readiness.domain.scoring import MarketInput
from readiness.domain.statuses import ActionStatus
from readiness.report.context import ReportContext
from readiness.report.decision import confidence
from readiness.report.labels import labels, percent
from readiness.report.plan import action_row, money

START_NOW = 5


def summary_markets(
    context: ReportContext, chosen: Sequence[MarketInput], names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """One row a market: score, level, confidence, blockers in words, entry and budget."""
    result = context.result
    words = labels(context.lang)
    rows = []
    for market in chosen:
        readiness = result.score.markets[market.code]
        schedule = result.plan.markets.get(market.code)
        budget = schedule.budget if schedule else None
        rows.append(
            {
                "name": names[market.code],
                "confidence": confidence(readiness, context.lang),
                "level": readiness.level.label.get(context.lang),
                "level_key": readiness.level.value,
                "completeness_text": percent(readiness.completeness),
                "provisional": readiness.provisional,
                # A blocker is named by its question, never by a bare id.
                "blockers": [{"id": b, "text": context.item_text(b)} for b in readiness.blockers],
                "earliest": schedule.earliest_entry.isoformat() if schedule else "-",
                "planned": schedule.planned_entry.isoformat()
                if schedule and schedule.planned_entry
                else str(words.not_set),
                "late": str(words.days).format(n=schedule.late_days)
                if schedule and schedule.late_days
                else "",
                "one_off": money(context.lang, budget.one_off, budget.currency, compact=True)
                if budget
                else "-",
                "yearly": money(context.lang, budget.yearly, budget.currency, compact=True)
                if budget
                else "-",
            }
        )
    return rows


def start_now(
    context: ReportContext, ranked: Sequence[PlannedAction], names: dict[str, str]
) -> list[dict[str, Any]]:
    """The five highest-ranked actions not yet done, as the summary lists them."""
    open_actions = [a for a in ranked if a.status is not ActionStatus.DONE]
    return [action_row(context, action, names) for action in open_actions[:START_NOW]]
