"""The plan chapter's summary: when each market can open, the entry sequence and the budget.

Words come from ``reports/labels.yaml``; amounts are shown as ranges with
their currency, and a figure the content only estimates says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from readiness.content.model import CostBasis, Phase
from readiness.domain.budget import Budget, Range, range_text
from readiness.domain.plan import MarketSchedule, PlannedAction
from readiness.domain.rounding import whole
from readiness.report.context import ReportContext
from readiness.report.labels import labels, shorten

PLAN_ACTION_COLUMNS = 130  # an action's text in a row of the full plan

_CURRENCY_ZH = {"CNY": "元人民币", "EUR": "欧元", "USD": "美元"}


def _compact(value: float, lang: str) -> str:
    """An amount in three significant figures: 1.83m / 183万, 24.5k / 2.45万."""
    units = (
        ((100_000_000, "亿"), (10_000, "万"))
        if lang == "zh"
        else ((1_000_000_000, "bn"), (1_000_000, "m"), (1_000, "k"))
    )
    for bound, suffix in units:
        if value >= bound:
            return f"{value / bound:.3g}{suffix}"
    return f"{whole(value):,}"


def money(lang: str, amount: Range, currency: str, *, compact: bool = False) -> str:
    """A money range as ``lang`` writes it, ends joined by an en dash: ``EUR 20,000 to
    40,000`` or ``20,000 to 40,000欧元``; compact for totals (``CNY 242k``, ``24.2万``)."""

    if compact:
        low, high = _compact(amount.low, lang), _compact(amount.high, lang)
        figures = low if low == high else f"{low}\u2013{high}"
    else:
        figures = range_text(amount)
    if lang == "zh":
        return f"{figures}{_CURRENCY_ZH.get(currency, currency)}"
    return f"{currency} {figures}"


def cost_text(lang: str, action: PlannedAction, *, compact: bool = False) -> str:
    """An action's external cost, yearly or one-off, with where the figure comes from.

    ``compact`` is for a table cell: rounded figures, and no mark on an estimate (the
    table's note says costs are estimates); a figure the user gave is always marked.
    """
    cost = action.cost
    if cost is None:
        return "-"
    words = labels(lang)
    text = money(lang, cost.amount, cost.currency, compact=compact)
    if cost.basis is CostBasis.YEARLY:
        text += f" / {words.yearly_short if compact else words.yearly}"
    opening, closing = ("（", "）") if lang == "zh" else (" (", ")")
    if cost.source == "estimate" and not compact:
        text += f"{opening}{words.estimate}{closing}"
    elif cost.source == "user":
        text += f"{opening}{words.your_figure}{closing}"
    return text


def _effort(lang: str, budget: Budget) -> str:
    words = labels(lang)
    return str(words.person_weeks).format(
        low=f"{whole(budget.effort.low):,}", high=f"{whole(budget.effort.high):,}"
    )


def plan_summary(
    context: ReportContext, schedules: Sequence[MarketSchedule], names: Mapping[str, str]
) -> dict[str, Any]:
    """The entry dates of the report's markets, the suggested sequence and the budget."""
    lang = context.lang
    words = labels(lang)
    plan = context.result.plan
    rows = []
    for schedule in schedules:
        budget = schedule.budget
        rows.append(
            {
                "name": names[schedule.code],
                "planned": schedule.planned_entry.isoformat()
                if schedule.planned_entry
                else str(words.not_set),
                "earliest": schedule.earliest_entry.isoformat(),
                "late": str(words.days).format(n=schedule.late_days) if schedule.late_days else "",
                "one_off": money(lang, budget.one_off, budget.currency, compact=True),
                "yearly": money(lang, budget.yearly, budget.currency, compact=True),
                "effort": _effort(lang, budget),
            }
        )
    chosen = {s.code for s in schedules}
    sequence = [names[code] for code in plan.entry_sequence if code in chosen]
    # The report's markets only: their shares add up to the plan's budget when all are shown.
    total = Budget(
        plan.budget.currency,
        effort=sum((s.budget.effort for s in schedules), Range()),
        one_off=sum((s.budget.one_off for s in schedules), Range()),
        yearly=sum((s.budget.yearly for s in schedules), Range()),
        unconverted=tuple(dict.fromkeys(i for s in schedules for i in s.budget.unconverted)),
        missing_rates=tuple(sorted({c for s in schedules for c in s.budget.missing_rates})),
    )
    budget_text = str(words.budget_text).format(
        one_off=money(lang, total.one_off, total.currency, compact=True),
        yearly=money(lang, total.yearly, total.currency, compact=True),
        currency=total.currency,
        effort=_effort(lang, total),
    )
    rates = "; ".join(
        f"1 {rate.currency} = {rate.cny_per_unit:g} CNY ({rate.as_of.isoformat()})"
        for rate in plan.rates
    )
    quarters = "; ".join(
        f"{quarter} {money(lang, amount, plan.budget.currency, compact=True)}"
        for quarter, amount in plan.by_quarter.items()
    )
    return {
        "quarters_text": str(words.by_quarter).format(quarters=quarters) if quarters else "",
        "entry_rows": rows,
        "entry_sequence": str(words.entry_sequence).format(sequence=" → ".join(sequence))
        if len(sequence) > 1
        else "",
        "budget_text": budget_text,
        "rates_text": str(words.rates_text).format(rates=rates) if rates else "",
        "no_rate_text": str(words.no_rate).format(
            n=len(total.unconverted),
            currencies=("、" if lang == "zh" else ", ").join(total.missing_rates),
        )
        if total.unconverted
        else "",
    }


def action_row(
    context: ReportContext, action: PlannedAction, names: dict[str, str]
) -> dict[str, Any]:
    """One row of a plan table: the action, where, when, slack, cost, owner and status."""
    words = labels(context.lang)
    item = action.item
    if action.slack_days is None:
        slack = str(words.after_entry) if action.phase is Phase.AFTER_ENTRY else "-"
    else:
        slack = str(words.days).format(n=action.slack_days)
    return {
        "rank": action.rank,
        "item_id": item.id,
        "action": context.text(item.action),
        # The full plan's rows: about three lines of the action, so that every
        # action fits the appendix; the top five show it whole.
        "short_action": shorten(context.text(item.action), PLAN_ACTION_COLUMNS),
        "markets": ("、" if context.lang == "zh" else ", ").join(
            names[code] for code in action.markets
        )
        if action.key[1] is not None
        else words.company_wide,
        "lead": str(words.weeks).format(n=item.lead_time_weeks),
        "level": action.gap.level,
        # Tables use compact ISO dates; prose uses the language's long form.
        "start": action.start.isoformat(),
        "due": action.due.isoformat(),
        "at_risk": action.at_risk,
        "critical": action.critical,
        "do_now": action.phase is Phase.NOW,
        "slack": slack,
        "cost": cost_text(context.lang, action),
        "cost_cell": cost_text(context.lang, action, compact=True),
        "owner": action.owner or words.owners.get(item.dimension, ""),
        "status": words[f"status_{action.status.value}"],
        "status_key": action.status.value,
    }
