"""The portfolio report's template context: every member firm's readiness for one market.

:func:`build_portfolio_context` turns a computed
:class:`~readiness.domain.portfolio.Portfolio` into the values the portfolio
template shows, already worded in the report's language.
"""

from __future__ import annotations

from typing import Any

from readiness.content.catalog import Catalog
from readiness.domain.portfolio import LEVEL_ORDER, Portfolio
from readiness.domain.rounding import points
from readiness.domain.scoring import LEVEL_THRESHOLDS, ReadinessLevel
from readiness.report.charts import horizontal_bars, score_colour
from readiness.report.decision import confidence, score_text
from readiness.report.fitting import fitted_portfolio
from readiness.report.frame import document_frame
from readiness.report.labels import (
    Labels,
    display_clip,
    labels,
    percent,
    report_language,
    shorten,
)

CHART_LABEL_WIDTH = 26  # display columns a company name may take beside its bar
CHART_ROWS = 40
GAP_TEXT_COLUMNS = 48


def build_portfolio_context(
    portfolio: Portfolio, catalog: Catalog, language: str, *, font: str
) -> dict[str, Any]:
    """Everything the portfolio template shows, already worded in ``language``."""
    portfolio = fitted_portfolio(portfolio)
    lang = report_language(language)
    words = labels(lang)
    chapter = Labels(words["portfolio"])
    market = str(portfolio.name.get(lang))

    def item_text(item_id: str) -> str:
        item = catalog.all_items.get(item_id)
        return str(item.text.get(lang)) if item else item_id

    def level_cell(level: ReadinessLevel) -> dict[str, str]:
        return {"key": level.value, "text": level.label.get(lang)}

    rows = []
    for row in portfolio.rows:
        rows.append(
            {
                "rank": row.rank,
                "company": row.company,
                "title": row.title,
                # Tables use compact ISO dates, as in the assessment report.
                "updated": row.updated_at.date().isoformat(),
                "overall": row.overall,
                "overall_text": score_text(row.readiness),
                "confidence": confidence(row.readiness, lang),
                "colour": score_colour(row.overall),
                "level": level_cell(row.level),
                "completeness_text": percent(row.completeness),
                "provisional": row.provisional,
                "blockers": list(row.blockers),
                "gaps": [
                    {
                        "item_id": gap.item_id,
                        "critical": gap.critical,
                        "text": shorten(item_text(gap.item_id), GAP_TEXT_COLUMNS),
                    }
                    for gap in row.top_gaps
                ],
                "cells": [
                    {
                        "text": "-" if (score := row.dimensions.get(d)) is None else points(score),
                        "colour": score_colour(score),
                    }
                    for d in portfolio.dimensions
                ],
            }
        )
    averages = portfolio.dimension_averages()
    levels = portfolio.levels
    ready = levels[ReadinessLevel.READY] + levels[ReadinessLevel.ADVANCED]
    shared = portfolio.shared_blockers()
    all_blockers = {item for row in portfolio.rows for item in row.blockers}
    single = len(all_blockers) - len(shared)
    return {
        **document_frame(
            lang, font=font, title=f"{chapter.title}: {market}", today=portfolio.today
        ),
        "P": chapter,
        "market": market,
        "market_code": portfolio.market,
        "subtitle": str(chapter.subtitle).format(market=market),
        "firms": portfolio.firms,
        "verdict": str(chapter.verdict).format(
            firms=portfolio.firms,
            market=market,
            ready=ready,
            blocked=portfolio.blocked,
            average=points(portfolio.average),
        ),
        "superseded": str(chapter.superseded).format(n=len(portfolio.superseded))
        if portfolio.superseded
        else "",
        "any_provisional": portfolio.provisional > 0,
        "level_spread": [
            {
                **level_cell(level),
                "count": count,
                "share": percent(count / portfolio.firms) if portfolio.firms else "-",
            }
            for level, count in levels.items()
        ],
        "level_columns": [level_cell(level) for level in LEVEL_ORDER],
        "overview": [
            {
                "name": str(spread.name.get(lang)),
                "current": spread.code == portfolio.market,
                "firms": spread.firms,
                "counts": [spread.levels.get(level, 0) for level in LEVEL_ORDER],
                "average": points(spread.average),
            }
            for spread in portfolio.overview
        ],
        "rows": rows,
        "dimensions": [
            {"id": d, "name": str(catalog.dimensions[d].name.get(lang))}
            for d in portfolio.dimensions
        ],
        "averages": [
            {
                "text": "-" if (score := averages[d]) is None else points(score),
                "colour": score_colour(score),
            }
            for d in portfolio.dimensions
        ],
        "average_text": points(portfolio.average),
        "average_colour": score_colour(portfolio.average if portfolio.rows else None),
        # A page holds about forty bars; a longer portfolio gets one chart per forty firms.
        "charts": [
            horizontal_bars(
                [display_clip(row.company, CHART_LABEL_WIDTH) for row in chunk],
                [row.overall for row in chunk],
                font=font,
                title=str(chapter.chart),
                value_texts=[
                    " ".join(filter(None, (shown["score"], shown["marker"])))
                    for shown in (confidence(row.readiness, lang) for row in chunk)
                ],
                target=LEVEL_THRESHOLDS[1][0],
                width=600,
            )
            for chunk in (
                portfolio.rows[start : start + CHART_ROWS]
                for start in range(0, len(portfolio.rows), CHART_ROWS)
            )
        ],
        "chart_caption": str(chapter.chart_caption).format(market=market),
        "shared_blockers": [
            {
                "item_id": blocker.item_id,
                "text": item_text(blocker.item_id),
                "count": blocker.count,
                "share": percent(blocker.count / portfolio.firms),
                "companies": ("、" if lang == "zh" else ", ").join(blocker.companies),
            }
            for blocker in shared
        ],
        "single_blockers": str(chapter.single_blockers).format(n=single) if single else "",
    }
