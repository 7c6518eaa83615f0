"""The ``plan`` subcommand: the scheduled, costed action plan of an assessment."""

from __future__ import annotations

import argparse
import json
from typing import Any

from readiness.cli.common import CommandError, bundled_catalog, command_store, pad
from readiness.content.catalog import Catalog
from readiness.content.model import Phase
from readiness.domain.budget import ActionCost, Budget, Range, range_text
from readiness.domain.plan import ActionPlan, PlanKey, PlannedAction
from readiness.domain.results import AssessmentResult
from readiness.domain.rounding import points, round_half_up
from readiness.services.results import load_result

_PHASES = {
    "en": {Phase.NOW: "now", Phase.BEFORE_ENTRY: "before", Phase.AFTER_ENTRY: "after"},
    "zh": {Phase.NOW: "立即", Phase.BEFORE_ENTRY: "进入前", Phase.AFTER_ENTRY: "进入后"},
}


def run_plan(args: argparse.Namespace) -> int:
    """Print the plan, as JSON or a table with each market's entry dates and the budget."""
    catalog = bundled_catalog()
    with command_store(args, reading=True) as store:
        result = load_result(store, catalog, args.assessment, currency=args.currency)
    plan = result.plan
    codes = [m.code for m in result.markets]
    if args.market is not None and args.market not in codes:
        raise CommandError(
            f"assessment {args.assessment} has no target market '{args.market}' "
            f"(its markets: {', '.join(codes) or 'none'})"
        )
    actions = plan.for_market(args.market) if args.market else list(plan.actions)
    if args.json:
        print(json.dumps(plan_json(plan, actions, result), ensure_ascii=False, indent=2))
        return 0
    _print_table(plan, actions, result, catalog, args.lang, args.market)
    return 0


def _key_text(key: PlanKey) -> str:
    return f"{key[0]}@{key[1]}" if key[1] else key[0]


def _range(value: Range) -> dict[str, float]:
    return {"min": round_half_up(value.low, 2), "max": round_half_up(value.high, 2)}


def _cost(cost: ActionCost | None) -> dict[str, Any] | None:
    if cost is None:
        return None
    source = cost.source if isinstance(cost.source, str) else cost.source.model_dump()
    return {
        **_range(cost.amount),
        "currency": cost.currency,
        "basis": cost.basis.value,
        "source": source,
    }


def _budget(budget: Budget) -> dict[str, Any]:
    return {
        "currency": budget.currency,
        "effort_person_weeks": _range(budget.effort),
        "one_off": _range(budget.one_off),
        "yearly": _range(budget.yearly),
        "left_out_for_want_of_a_rate": list(budget.unconverted),
        "missing_rates": list(budget.missing_rates),
    }


def action_json(action: PlannedAction) -> dict[str, Any]:
    """One action as the ``plan --json`` document gives it."""
    return {
        "key": _key_text(action.key),
        "item": action.item.id,
        "markets": list(action.markets),
        "covers": action.covers,
        "phase": action.phase.value,
        "rank": action.rank,
        "start": action.start.isoformat(),
        "due": action.due.isoformat(),
        "lead_time_weeks": action.lead_time_weeks,
        "ready_for_entry": action.ready_for_entry.isoformat() if action.ready_for_entry else None,
        "prerequisites": [_key_text(k) for k in action.requires],
        "unblocks": [_key_text(k) for k in action.unblocks],
        "critical": action.critical,
        "slack_days": action.slack_days,
        "effort": _range(action.effort),
        "cost": _cost(action.cost),
        "owner": action.owner,
        "status": action.status.value,
        "overridden": sorted(action.overridden),
        "ranked_down": action.ranked_down.en if action.ranked_down else None,
    }


def plan_json(
    plan: ActionPlan, actions: list[PlannedAction], result: AssessmentResult
) -> dict[str, Any]:
    """The ``plan --json`` document: the actions, then each market's dates and budget."""
    return {
        "assessment": result.assessment.id,
        "today": result.today.isoformat(),
        "actions": [action_json(a) for a in actions],
        "markets": {
            code: {
                "planned_entry": m.planned_entry.isoformat() if m.planned_entry else None,
                "earliest_realistic_entry": m.earliest_entry.isoformat(),
                "late_days": m.late_days,
                "budget": _budget(m.budget),
            }
            for code, m in plan.markets.items()
        },
        "entry_sequence": list(plan.entry_sequence),
        "budget": _budget(plan.budget),
        "by_quarter": {q: _range(r) for q, r in plan.by_quarter.items()},
        "rates": [
            {"currency": r.currency, "cny_per_unit": r.cny_per_unit, "as_of": r.as_of.isoformat()}
            for r in plan.rates
        ],
    }


def _print_table(
    plan: ActionPlan,
    actions: list[PlannedAction],
    result: AssessmentResult,
    catalog: Catalog,
    lang: str,
    market: str | None,
) -> None:
    zh = lang == "zh"
    names = result.market_names(catalog, lang)
    print(f"{result.company.name}: {result.assessment.title}")
    for code in plan.entry_sequence:
        if market is not None and code != market:
            continue
        schedule = plan.markets[code]
        planned = schedule.planned_entry.isoformat() if schedule.planned_entry else "-"
        late = (
            (f"  晚 {schedule.late_days} 天" if zh else f"  {schedule.late_days} days late")
            if schedule.late_days
            else ""
        )
        label = "计划 / 最早可行进入" if zh else "planned / earliest realistic entry"
        print(f"{pad(names[code], 22)} {label}: {planned} / {schedule.earliest_entry}{late}")
    heads = (
        ("#", "事项", "市场", "阶段", "开始", "到期", "余量", "关键", "行动")
        if zh
        else ("#", "ITEM", "MARKETS", "PHASE", "START", "DUE", "SLACK", "CRIT", "ACTION")
    )
    widths = (4, 9, 12, 7, 10, 10, 6, 4)
    print(" ".join(pad(h, w) for h, w in zip(heads, widths, strict=False)) + " " + heads[-1])
    for action in actions:
        where = (action.covers or ",".join(action.markets)) if action.key[1] else "*"
        slack = "-" if action.slack_days is None else str(action.slack_days)
        text = catalog.all_items[action.item.id].action.get(lang).split("\n")[0]
        cells = (
            str(action.rank),
            action.item.id,
            where,
            _PHASES[lang][action.phase],
            action.start.isoformat(),
            action.due.isoformat(),
            slack,
            "*" if action.critical else "",
        )
        line = " ".join(pad(c, w) for c, w in zip(cells, widths, strict=True))
        print(f"{line} {pad(text, 60)}")
    budget = plan.budget if market is None else plan.markets[market].budget
    one_off, yearly = range_text(budget.one_off), range_text(budget.yearly)
    effort = f"{points(budget.effort.low)}-{points(budget.effort.high)}"
    if zh:
        print(f"预算（{budget.currency}）：一次性 {one_off}，每年 {yearly}；投入 {effort} 人周")
    else:
        print(
            f"Budget ({budget.currency}): one-off {one_off}, yearly {yearly}; "
            f"effort {effort} person-weeks"
        )
    if market is None and plan.by_quarter:
        quarters = "; ".join(f"{q} {range_text(r)}" for q, r in plan.by_quarter.items())
        print(f"按季度一次性费用：{quarters}" if zh else f"One-off by quarter: {quarters}")
    if budget.unconverted:
        count = len(budget.unconverted)
        print(
            f"未计入：{count} 项以 {'、'.join(budget.missing_rates)} 计价的费用"
            "（尚未填写汇率，可用 readiness rates 填写）"
            if zh
            else f"Left out: the costs of {count} actions in {', '.join(budget.missing_rates)} "
            "(no exchange rate entered; enter one with readiness rates)"
        )
