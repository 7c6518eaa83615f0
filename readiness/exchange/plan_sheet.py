"""The workbook's plan sheet: the same columns as the app's plan table, in either language.

Figures stay figures (effort and cost as low and high numbers, dates as
dates) so a manager can total and filter them; what the user set themselves is
named in its own column.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from readiness.content.catalog import Catalog
from readiness.domain.budget import Budget
from readiness.domain.results import AssessmentResult
from readiness.exchange.plan_text import cost_source_text, markets_text, words
from readiness.exchange.sheet_style import style_header

PLAN_LABELS: dict[str, dict[str, object]] = {
    "en": {
        "plan": "Action plan",
        "columns": (
            "Rank",
            "Question ID",
            "Recommended action",
            "Markets",
            "Phase",
            "Start",
            "Due",
            "Lead time (weeks)",
            "Slack (days)",
            "Critical path",
            "Effort min (person-weeks)",
            "Effort max (person-weeks)",
            "Cost min",
            "Cost max",
            "Currency",
            "Paid",
            "Cost source",
            "Owner",
            "Status",
            "Your figures",
            "Ranked down because",
            "Overdue",
        ),
        "overridden": {
            "start": "start",
            "due": "due",
            "effort": "effort",
            "cost": "cost",
            "owner": "owner",
            "status": "status",
        },
        "yes": "yes",
        "no": "no",
    },
    "zh": {
        "plan": "行动计划",
        "columns": (
            "排序",
            "题号",
            "建议行动",
            "市场",
            "阶段",
            "开始",
            "截止",
            "周期（周）",
            "富余（天）",
            "关键路径",
            "工作量下限（人周）",
            "工作量上限（人周）",
            "费用下限",
            "费用上限",
            "币种",
            "支付方式",
            "费用来源",
            "负责人",
            "状态",
            "您填写的数字",
            "靠后安排的原因",
            "已逾期",
        ),
        "overridden": {
            "start": "开始",
            "due": "截止",
            "effort": "工作量",
            "cost": "费用",
            "owner": "负责人",
            "status": "状态",
        },
        "yes": "是",
        "no": "否",
    },
}

_WIDTHS = [7, 11, 60, 24, 12, 12, 12, 9, 9, 9, 10, 10, 12, 12, 8, 10, 30, 16, 12, 16, 40, 8]
_DATE_COLUMNS = (5, 6)


def plan_sheet(
    book: Workbook, result: AssessmentResult, catalog: Catalog, names: dict[str, str], language: str
) -> None:
    """Add the plan sheet to ``book``: one row per action, in the plan's order."""
    labels = PLAN_LABELS["zh" if language == "zh" else "en"]
    said = words(language)
    yes, no = str(labels["yes"]), str(labels["no"])
    overridden_words = labels["overridden"]
    assert isinstance(overridden_words, dict)
    sheet = book.create_sheet(str(labels["plan"]))
    columns = labels["columns"]
    assert isinstance(columns, tuple)
    sheet.append(list(columns))
    for action in result.plan.actions:
        cost = action.cost
        sheet.append(
            [
                action.rank,
                action.item_id,
                action.item.action.get(language),
                markets_text(action, names, language),
                said[action.phase.value],
                action.start,
                action.due,
                action.lead_time_weeks,
                action.slack_days,
                yes if action.critical else no,
                action.effort.low,
                action.effort.high,
                cost.amount.low if cost else None,
                cost.amount.high if cost else None,
                cost.currency if cost else None,
                said[cost.basis.value] if cost else None,
                cost_source_text(cost, catalog, language),
                action.owner,
                said[action.status.value],
                ", ".join(
                    str(overridden_words[name])
                    for name in ("start", "due", "effort", "cost", "owner", "status")
                    if name in action.overridden
                ),
                action.ranked_down.get(language) if action.ranked_down else "",
                yes if action.overdue(result.today) else no,
            ]
        )
    style_header(sheet, _WIDTHS)
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for column in _DATE_COLUMNS:
            row_cells[column].number_format = "yyyy-mm-dd"
        if row_cells[9].value == yes:
            row_cells[9].font = Font(bold=True)


ENTRY_LABELS: dict[str, dict[str, object]] = {
    "en": {
        "sheet": "Entry and budget",
        "columns": (
            "Market",
            "Planned entry",
            "Earliest realistic entry",
            "Days late",
            "Effort min (person-weeks)",
            "Effort max (person-weeks)",
            "One-off min",
            "One-off max",
            "Yearly min",
            "Yearly max",
            "Currency",
            "Costs left out (no exchange rate)",
        ),
        "total": "Whole plan",
        "sequence": "Suggested order of entry",
        "quarter": "One-off cost by quarter",
    },
    "zh": {
        "sheet": "进入日期与预算",
        "columns": (
            "市场",
            "计划进入日期",
            "最早可行进入日期",
            "推迟天数",
            "工作量下限（人周）",
            "工作量上限（人周）",
            "一次性费用下限",
            "一次性费用上限",
            "每年费用下限",
            "每年费用上限",
            "币种",
            "未计入的费用（缺少汇率）",
        ),
        "total": "整个计划",
        "sequence": "建议的进入顺序",
        "quarter": "按季度的一次性费用",
    },
}


def entry_sheet(
    book: Workbook, result: AssessmentResult, names: dict[str, str], language: str
) -> None:
    """Add the sheet of each market's entry dates and budget, the whole plan's budget,
    the suggested order of entry and the one-off cost by quarter."""
    labels = ENTRY_LABELS["zh" if language == "zh" else "en"]
    plan = result.plan
    sheet = book.create_sheet(str(labels["sheet"]))
    columns = labels["columns"]
    assert isinstance(columns, tuple)
    sheet.append(list(columns))

    def budget_cells(budget: Budget) -> list[object]:
        return [
            budget.effort.low,
            budget.effort.high,
            budget.one_off.low,
            budget.one_off.high,
            budget.yearly.low,
            budget.yearly.high,
            budget.currency,
            ", ".join(budget.unconverted),
        ]

    for market in result.markets:
        schedule = plan.markets.get(market.code)
        if schedule is None:
            continue
        sheet.append(
            [
                names.get(market.code, market.code),
                schedule.planned_entry,
                schedule.earliest_entry,
                schedule.late_days,
                *budget_cells(schedule.budget),
            ]
        )
    sheet.append([str(labels["total"]), None, None, None, *budget_cells(plan.budget)])
    sheet.append([])
    separator = "、" if language == "zh" else ", "
    sheet.append(
        [str(labels["sequence"]), separator.join(names.get(c, c) for c in plan.entry_sequence)]
    )
    sheet.append([])
    sheet.append([str(labels["quarter"]), plan.budget.currency])
    for quarter, amount in plan.by_quarter.items():
        sheet.append([quarter, amount.low, amount.high])
    style_header(sheet, [24, 14, 14, 10, 12, 12, 12, 12, 12, 12, 8, 30])
    for row_cells in sheet.iter_rows(min_row=2, max_row=len(result.markets) + 1):
        for column in (1, 2):
            row_cells[column].number_format = "yyyy-mm-dd"
