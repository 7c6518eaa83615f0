"""The verdict in words, in English or Chinese: what leads, why, and what would decide it.

Every view (the dashboard, ``readiness compare``, the report) says the verdict
with these sentences, so they never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from readiness.content.catalog import Catalog
from readiness.content.facts import FactKey
from readiness.domain.attractiveness import Factor, MarketAttractiveness
from readiness.domain.rounding import decimals, points, round_half_up
from readiness.domain.verdict import (
    MIN_MARGIN,
    NOTABLE_ATTRACTIVENESS_GAP,
    Undecided,
    Verdict,
)


@dataclass(frozen=True, slots=True)
class VerdictText:
    """The verdict as a manager reads it."""

    headline: str  # "Laos: no blockers, localisation 84 against 44, duty-free under ACFTA"
    decision: str  # decisive, or "too close to call" and why
    facts: str  # what the market facts say when readiness does not decide ("" otherwise)
    to_decide: tuple[str, ...]  # questions to answer or fix, as "ID (market): question"


def _number(value: float, zh: bool) -> str:
    if zh and value >= 10_000:
        return f"{round_half_up(value / 10_000):,.0f}万"
    return f"{round_half_up(value):,.0f}"


def _fact_phrase(
    factor: Factor,
    leader: MarketAttractiveness,
    runner: MarketAttractiveness,
    zh: bool,
) -> str:
    """The fact that puts the leader ahead on ``factor``, against the runner-up's."""
    if factor is Factor.ACCESS and leader.duties:
        mine = leader.duties[0]
        theirs = next((d for d in runner.duties if d.product is mine.product), None)
        other = f"{theirs.duty:g}%" if theirs else ("无数据" if zh else "no data")
        if mine.duty == 0 and mine.preference is not None:
            agreement = mine.preference.qualifier_in("zh" if zh else "en")
            return (
                f"依{agreement}零关税（对方{other}）"
                if zh
                else f"duty-free under {agreement} (against {other})"
            )
        return (
            f"进口关税{mine.duty:g}%，对方{other}"
            if zh
            else f"import duty {mine.duty:g}% against {other}"
        )
    keys = {
        Factor.SIZE: FactKey.NEW_VEHICLE_SALES,
        Factor.GROWTH: FactKey.NEW_VEHICLE_SALES_GROWTH,
        Factor.LOGISTICS: FactKey.LPI_SCORE,
        Factor.DISTANCE: FactKey.TRANSIT_DAYS,
        Factor.RISK: FactKey.COUNTRY_RISK,
    }
    key = keys.get(factor)
    mine_fact = leader.fact(key) if key else None
    theirs_fact = runner.fact(key) if key else None
    if mine_fact is None or theirs_fact is None:
        label = factor.label.get("zh" if zh else "en")
        score, other_score = leader.factors[factor].score, runner.factors[factor].score
        return (
            f"{label} {points(score or 0)} 对 {points(other_score or 0)}"
            if zh
            else (f"{label.lower()} {points(score or 0)} against {points(other_score or 0)}")
        )
    a, b = float(mine_fact.value), float(theirs_fact.value)
    phrases = {
        Factor.SIZE: (
            f"年销量{_number(a, True)}辆，对方{_number(b, True)}辆",
            f"{_number(a, False)} new vehicles a year against {_number(b, False)}",
        ),
        Factor.GROWTH: (
            f"销量增长{round_half_up(a, 1):+.1f}%，对方{round_half_up(b, 1):+.1f}%",
            f"sales growth {round_half_up(a, 1):+.1f}% against {round_half_up(b, 1):+.1f}%",
        ),
        Factor.LOGISTICS: (
            f"物流绩效指数{decimals(a, 2)}，对方{decimals(b, 2)}",
            f"logistics performance index {decimals(a, 2)} against {decimals(b, 2)}",
        ),
        Factor.DISTANCE: (  # origins differ (a port, a railhead): name them
            f"自{mine_fact.qualifier_in('zh')}运输{a:g}天，"
            f"对方自{theirs_fact.qualifier_in('zh')}运输{b:g}天",
            f"{a:g} days in transit from {mine_fact.qualifier} against {b:g} from "
            f"{theirs_fact.qualifier}",
        ),
        Factor.RISK: (
            f"经合组织国家风险等级{a:g}，对方{b:g}",
            f"OECD country risk class {a:g} against {b:g}",
        ),
    }
    chinese, english = phrases[factor]
    return chinese if zh else english


def explain(
    verdict: Verdict,
    catalog: Catalog,
    names: Mapping[str, str],
    attractiveness: Mapping[str, MarketAttractiveness],
    language: str,
) -> VerdictText:
    """The verdict in ``language`` (``en`` or ``zh``), naming markets by ``names``."""
    zh = language == "zh"
    if verdict.recommended is None:
        empty = "还没有目标市场。" if zh else "No target markets yet."
        return VerdictText(empty, "", "", ())
    leader = names.get(verdict.recommended, verdict.recommended)
    runner = names.get(verdict.runner_up or "", verdict.runner_up or "")
    parts: list[str] = []
    if verdict.leader_blockers:
        ids = "、".join(verdict.leader_blockers) if zh else ", ".join(verdict.leader_blockers)
        parts.append(f"受阻于{ids}" if zh else f"blocked by {ids}")
    elif verdict.runner_blockers:
        ids = "、".join(verdict.runner_blockers) if zh else ", ".join(verdict.runner_blockers)
        parts.append(
            f"无阻碍项，而{runner}受阻于{ids}"
            if zh
            else f"no blockers, while {runner} is blocked by {ids}"
        )
    else:
        parts.append("无阻碍项" if zh else "no blockers")
    for gap in verdict.dimensions[:2]:
        label = catalog.dimensions[gap.dimension].name.get(language)
        parts.append(
            f"{label}{points(gap.leader)}分对{points(gap.other)}分"
            if zh
            else f"{label[0].lower()}{label[1:]} {points(gap.leader)} against {points(gap.other)}"
        )
    mine = attractiveness.get(verdict.recommended)
    theirs = attractiveness.get(verdict.runner_up or "")
    if verdict.fact_edge is not None and mine is not None and theirs is not None:
        parts.append(_fact_phrase(verdict.fact_edge, mine, theirs, zh))
    headline = f"{leader}：" + "，".join(parts) if zh else f"{leader}: " + ", ".join(parts)
    decision = _decision(verdict, leader, runner, zh)
    return VerdictText(
        headline=headline,
        decision=decision,
        facts=_facts_sentence(verdict, names, zh),
        to_decide=tuple(
            _question(q.item_id, q.market, catalog, names, language) for q in verdict.to_decide
        )
        if not verdict.decisive
        else (),
    )


def _decision(verdict: Verdict, leader: str, runner: str, zh: bool) -> str:
    margin = verdict.margin or 0.0
    if verdict.runner_up is None:
        if verdict.undecided is Undecided.ALL_BLOCKED:
            return (
                f"{leader}尚有阻碍项，暂不能进入。"
                if zh
                else f"{leader} has a blocker: not ready to enter yet."
            )
        return f"{leader}是唯一的目标市场。" if zh else f"{leader} is the only target market."
    if verdict.undecided is Undecided.ALL_BLOCKED:
        return (
            f"暂无可推荐的市场：每个市场都有阻碍项，{leader}相对最接近。"
            if zh
            else "No market can be recommended yet: every market has a blocker; "
            f"{leader} is closest."
        )
    if verdict.undecided is Undecided.OPEN_QUESTIONS:
        return (
            f"难分高下：{leader}领先{runner} {decimals(margin, 1)} 分，但尚未回答或答“不知道”的 "
            f"{verdict.open_count} 个问题最多可使差距变动 {points(verdict.swing)} 分。"
            if zh
            else f"Too close to call: {leader} leads {runner} by {decimals(margin, 1)} points, "
            f"but the {verdict.open_count} unanswered and don't-know questions could move that "
            f"by up to {points(verdict.swing)} points."
        )
    if verdict.undecided is Undecided.SMALL_MARGIN:
        return (
            f"难分高下：{leader}仅领先{runner} {decimals(margin, 1)} 分"
            f"（领先不足 {points(MIN_MARGIN)} 分不作判断）。"
            if zh
            else f"Too close to call: {leader} leads {runner} by only {decimals(margin, 1)} points "
            f"(a lead under {points(MIN_MARGIN)} points is not called)."
        )
    if verdict.runner_blockers and not verdict.leader_blockers:
        return (
            f"建议优先进入{leader}：{runner}有阻碍项。"
            if zh
            else f"Enter {leader} first: {runner} has a blocker."
        )
    return (
        f"建议优先进入{leader}：领先{runner} {points(margin)} 分，未答问题不足以改变这一结论。"
        if zh
        else f"Enter {leader} first: it leads {runner} by {points(margin)} points, and the open "
        "questions cannot reverse that."
    )


def _facts_sentence(verdict: Verdict, names: Mapping[str, str], zh: bool) -> str:
    mine, theirs = verdict.attractiveness
    if verdict.decisive or verdict.runner_up is None or mine is None or theirs is None:
        return ""
    if abs(mine - theirs) < NOTABLE_ATTRACTIVENESS_GAP:
        return (
            "从市场数据看，两个市场的吸引力也相近。"
            if zh
            else "On market facts the two are about equally attractive."
        )
    higher, lower = (
        (verdict.recommended, verdict.runner_up)
        if mine > theirs
        else (verdict.runner_up, verdict.recommended)
    )
    top, bottom = max(mine, theirs), min(mine, theirs)
    name = names.get(higher or "", higher or "")
    other = names.get(lower or "", lower or "")
    return (
        f"从市场数据看，{name}更有吸引力（{points(top)} 对 {points(bottom)}，高于{other}）。"
        if zh
        else f"On market facts, {name} is the more attractive ({points(top)} against "
        f"{points(bottom)} for {other})."
    )


def _question(
    item_id: str, market: str | None, catalog: Catalog, names: Mapping[str, str], language: str
) -> str:
    item = catalog.all_items[item_id]
    where = (
        names.get(market, market) if market else ("全公司" if language == "zh" else "company-wide")
    )
    return (
        f"{item_id}（{where}）：{item.text.get(language)}"
        if language == "zh"
        else (f"{item_id} ({where}): {item.text.get(language)}")
    )


__all__ = ["VerdictText", "explain"]
