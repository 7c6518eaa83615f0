"""A market's chapter of the assessment report.

Its readiness by dimension, the largest gaps, what finishing the first plan
actions would change, and what the catalogue says about the market.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from readiness.domain.benchmarks import PeerPosition
from readiness.domain.plan import what_if
from readiness.domain.rounding import points
from readiness.domain.scoring import ConfidenceBand, MarketReadiness
from readiness.report.charts import horizontal_bars, score_colour
from readiness.report.context import ReportContext
from readiness.report.decision import confidence, score_text
from readiness.report.labels import format_date, labels, percent
from readiness.report.market_facts import market_facts

GAP_ROWS = 12


def market_chapter(
    context: ReportContext, code: str, name: str, readiness: MarketReadiness
) -> dict[str, Any]:
    """One market's chapter: scores by dimension, gaps, what-if, incentives and notes."""
    catalog = context.catalog
    words = labels(context.lang)
    profile = catalog.markets.get(code)
    region = None
    if profile is None:
        market = next(m for m in context.result.markets if m.code == code)
        region = catalog.regions.get(market.custom_region or "")
    dimension_ids = list(catalog.dimensions)
    cells = [
        {
            "text": "-" if (score := readiness.dimensions[d].score) is None else points(score),
            "colour": score_colour(readiness.dimensions[d].score),
        }
        for d in dimension_ids
    ]
    chart = horizontal_bars(
        [context.text(catalog.dimensions[d].name) for d in dimension_ids],
        [readiness.dimensions[d].score for d in dimension_ids],
        font=context.font,
        title=f"{name}: {words.dimension_chart}",
        target=75.0,
    )
    gaps = [
        {
            "item_id": gap.item_id,
            "text": context.item_text(gap.item_id),
            "level": gap.level,
            "critical": gap.critical,
            "action": context.text(catalog.all_items[gap.item_id].action),
            "lead": str(words.weeks).format(n=gap.lead_time_weeks),
        }
        for gap in readiness.gaps[:GAP_ROWS]
    ]
    plan = context.result.plan
    markets = [m for m in context.result.markets if m.code == code]
    answers = context.result.scored_values
    projections = []
    for done in (0, 3, 5, 10):
        if done == 0:
            projected = readiness
        else:
            projected = what_if(catalog, markets, answers, plan, done).markets[code]
        projections.append(
            {
                "done": done,
                "overall": score_text(projected),
                "low": projected.confidence_band is ConfidenceBand.LOW,
                "level": projected.level.label.get(context.lang),
            }
        )
    summary = (
        context.text(profile.summary)
        if profile
        else (context.text(region.summary) if region else "")
    )
    notes_source = profile.notes if profile else (region.notes if region else [])
    return {
        "code": code,
        "anchor": code.lower(),
        "name": name,
        "overall_text": points(readiness.overall),
        "confidence": confidence(readiness, context.lang),
        "overall": readiness.overall,
        "colour": score_colour(readiness.overall),
        "level": readiness.level.label.get(context.lang),
        "level_key": readiness.level.value,
        "completeness_text": percent(readiness.completeness),
        "provisional": readiness.provisional,
        "position": peer_position_text(context.options.positions.get(code), context.lang),
        "blockers": [{"id": b, "text": context.item_text(b)} for b in readiness.blockers],
        "strengths": [{"id": s, "text": context.item_text(s)} for s in readiness.strengths[:8]],
        "cells": cells,
        "chart": chart,
        "gaps": gaps,
        "summary": summary,
        "incentives": [
            {
                "programme": context.text(i.programme),
                "benefit": context.text(i.benefit),
                "threshold": context.text(i.threshold) if i.threshold else "",
                "sources": _dated(context.citations(i.sources), i.as_of, context.lang),
            }
            for i in (profile.incentives if profile else [])
        ],
        "notes": [
            {
                "text": context.text(n.text),
                "sources": _dated(context.citations(n.sources), n.as_of, context.lang),
            }
            for n in notes_source
        ],
        "what_if": projections,
        "what_if_text": str(words.what_if_text).format(name=name),
        **market_facts(context, code),
    }


def peer_position_text(position: PeerPosition | None, language: str) -> str:
    """The firm's place among the other firms on its server, in words ("" when alone)."""
    if position is None:
        return ""
    words = labels(language)
    if position.rank is None:
        return str(words.position_unranked).format(
            n=position.firms,
            answered=percent(position.completeness),
            minimum=percent(position.min_completeness),
        )
    return str(words.position).format(
        n=position.firms,
        rank=position.rank,
        percentile="-" if position.percentile is None else points(position.percentile),
    )


def _dated(sources: str, as_of: dt.date | None, language: str) -> str:
    """The citations of a market fact, with the day its figures hold for where known."""
    if as_of is None:
        return sources
    checked = str(labels(language).checked_on).format(date=format_date(as_of, language))
    return f"{sources}; {checked}"  # joined as the citations themselves are
