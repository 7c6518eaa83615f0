"""The workbook's plan sheet: the same columns as the app's plan table, in either language.

Figures stay figures (effort and cost as low and high numbers, dates as
dates) so a manager can total and filter them; what the user set themselves is
named in its own column.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from readiness.content.catalog import Catalog
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
