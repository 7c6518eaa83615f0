"""How the exports word an action of the plan: phase, markets, effort, cost and its source.

The workbook's plan sheet and the calendar file say the same things the same
way, in English or Chinese; the app words them itself (with ``tr()``).
"""

from __future__ import annotations

from collections.abc import Mapping

from readiness.content.catalog import Catalog
from readiness.content.model import CostBasis, Phase
from readiness.domain.budget import ActionCost, range_text
from readiness.domain.plan import PlannedAction

PLAN_WORDS: dict[str, dict[str, str]] = {
    "en": {
        Phase.NOW.value: "Do now",
        Phase.BEFORE_ENTRY.value: "Before entry",
        Phase.AFTER_ENTRY.value: "After entry",
        CostBasis.ONE_OFF.value: "one-off",
        CostBasis.YEARLY.value: "yearly",
        "estimate": "estimate",
        "user": "your figure",
        "none": "no figure given",
        "company": "Company-wide",
        "open": "Open",
        "in_progress": "In progress",
        "done": "Done",
        "dropped": "Dropped",
        "critical": "critical path",
    },
    "zh": {
        Phase.NOW.value: "立即着手",
        Phase.BEFORE_ENTRY.value: "进入市场前",
        Phase.AFTER_ENTRY.value: "进入市场后",
        CostBasis.ONE_OFF.value: "一次性",
        CostBasis.YEARLY.value: "每年",
        "estimate": "估算",
        "user": "您填写的数字",
        "none": "未给出数字",
        "company": "全公司",
        "open": "未开始",
        "in_progress": "进行中",
        "done": "已完成",
        "dropped": "已取消",
        "critical": "关键路径",
    },
}


def words(language: str) -> dict[str, str]:
    """The plan's words in ``language`` (English unless Chinese)."""
    return PLAN_WORDS["zh" if language == "zh" else "en"]


def cost_source_text(cost: ActionCost | None, catalog: Catalog, language: str) -> str:
    """Where a cost figure comes from: a citation, the content's estimate, or the user."""
    said = words(language)
    if cost is None:
        return said["none"]
    if isinstance(cost.source, str):
        return said.get(cost.source, cost.source)
    return catalog.citation_text(cost.source, language)


def cost_text(cost: ActionCost | None, language: str) -> str:
    """``CNY 20,000-50,000 one-off``, or the words for no figure."""
    said = words(language)
    if cost is None:
        return said["none"]
    return f"{cost.currency} {range_text(cost.amount)} {said[cost.basis.value]}"


def markets_text(action: PlannedAction, names: Mapping[str, str], language: str) -> str:
    """The markets an action serves, by name; a company-wide action says so first."""
    separator = "、" if language == "zh" else ", "
    listed = separator.join(names.get(code, code) for code in action.markets)
    if action.key[1] is None:
        return f"{words(language)['company']}: {listed}" if listed else words(language)["company"]
    return listed
