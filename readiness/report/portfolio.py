"""The portfolio report's template context: every member firm's readiness for one market.

:func:`build_portfolio_context` turns a computed
:class:`~readiness.domain.portfolio.Portfolio` into the values the portfolio
template shows, already worded in the report's language. The body stays short
whatever the number of firms (the top and bottom ten, distributions, the common
gaps and shared blockers with counts); every firm is listed once, in the
appendix tables, and nowhere else by name.
"""

from __future__ import annotations

from typing import Any

from readiness.content.catalog import Catalog
from readiness.domain.portfolio import LEVEL_ORDER, Portfolio, PortfolioRow
from readiness.domain.portfolio_insight import anonymised, is_stuck
from readiness.domain.rounding import points
from readiness.domain.scoring import LEVEL_THRESHOLDS, ReadinessLevel
from readiness.report.assessment import logo_data_uri
from readiness.report.charts import score_colour
from readiness.report.context import PortfolioReportOptions
from readiness.report.decision import confidence, score_text
from readiness.report.fitting import COMPANY_COLUMNS, TITLE_COLUMNS, fitted_portfolio
from readiness.report.frame import document_frame
from readiness.report.labels import (
    Labels,
    display_clip,
    format_date,
    labels,
    percent,
    report_language,
    shorten,
)
from readiness.report.portfolio_sections import (
    appendix_blockers,
    benchmark_sections,
    progress_section,
)

EDGE = 10  # firms in the top and in the bottom table
REASON_COLUMNS = 100  # display columns of a blocker's or gap's question in the tables


def _cover(
    options: PortfolioReportOptions, chapter: Labels, portfolio: Portfolio
) -> dict[str, Any]:
    lang = report_language(options.language)
    return {
        "logo": logo_data_uri(options.logo) if options.logo else None,
        "platform": display_clip(options.platform.strip(), COMPANY_COLUMNS),
        "prepared_for": display_clip(options.prepared_for.strip(), COMPANY_COLUMNS)
        or str(chapter.management),
        "prepared_by": display_clip(options.prepared_by.strip(), COMPANY_COLUMNS),
        "cover_date": format_date(options.date or portfolio.today, lang),
        "confidentiality": display_clip(options.confidentiality.strip(), TITLE_COLUMNS),
        "anonymous": options.anonymous,
    }


def build_portfolio_context(
    portfolio: Portfolio,
    catalog: Catalog,
    options: PortfolioReportOptions,
    *,
    font: str,
) -> dict[str, Any]:
    """Everything the portfolio template shows, already worded in the options' language."""
    lang = report_language(options.language)
    words = labels(lang)
    chapter = Labels(words["portfolio"])
    if options.anonymous:
        portfolio = anonymised(portfolio, str(chapter.anonymous_firm))
    portfolio = fitted_portfolio(portfolio)
    market = str(portfolio.name.get(lang))

    def item_text(item_id: str) -> str:
        item = catalog.all_items.get(item_id)
        return shorten(str(item.text.get(lang)), REASON_COLUMNS) if item else item_id

    def level_cell(level: ReadinessLevel) -> dict[str, str]:
        return {"key": level.value, "text": level.label.get(lang)}

    def row_cells(row: PortfolioRow) -> dict[str, Any]:
        # What holds the firm back, in words: its first blocker (the others counted),
        # or else its main gap; one question a row keeps the ten rows to a page.
        reasons = [{"id": b, "text": item_text(b), "critical": True} for b in row.blockers[:1]]
        if not reasons and row.top_gaps:
            gap = row.top_gaps[0]
            reasons = [{"id": gap.item_id, "text": item_text(gap.item_id), "critical": False}]
        return {
            "rank": row.rank if row.rank is not None else "",
            "company": row.company,
            "updated": row.updated_at.date().isoformat(),
            "overall_text": score_text(row.readiness),
            "confidence": confidence(row.readiness, lang),
            "colour": score_colour(row.overall),
            "level": level_cell(row.level),
            "completeness_text": percent(row.completeness),
            "provisional": row.provisional,
            "stuck": is_stuck(row, portfolio.today),
            "percentile": "-" if row.percentile is None else points(row.percentile),
            "blockers": list(row.blockers),
            "more_blockers": max(0, len(row.blockers) - 1),
            "reasons": reasons,
            "cells": [
                {
                    "text": "-" if (score := row.dimensions.get(d)) is None else points(score),
                    "colour": score_colour(score),
                }
                for d in portfolio.dimensions
            ],
        }

    ranked = portfolio.ranked
    levels = portfolio.levels
    ready = levels[ReadinessLevel.READY] + levels[ReadinessLevel.ADVANCED]
    shared = portfolio.shared_blockers()
    all_blockers = {item for row in portfolio.rows for item in row.blockers}
    single = len(all_blockers) - len(shared)
    minimum = percent(portfolio.min_completeness)
    split = len(ranked) > 2 * EDGE
    return {
        **document_frame(
            lang, font=font, title=f"{chapter.title}: {market}", today=portfolio.today
        ),
        **_cover(options, chapter, portfolio),
        "P": chapter,
        "market": market,
        "market_code": portfolio.market,
        "subtitle": str(chapter.subtitle).format(market=market),
        "firms": portfolio.firms,
        "ranked_count": len(ranked),
        "unranked_count": len(portfolio.unranked),
        "ranking_rule": str(chapter.ranking_rule).format(
            ranked=len(ranked), firms=portfolio.firms, minimum=minimum
        ),
        "unranked_note": str(chapter.unranked_note).format(
            n=len(portfolio.unranked), minimum=minimum
        ),
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
        # Up to twenty ranked firms are shown whole; more as the top and the bottom ten.
        "split": split,
        "top": [row_cells(row) for row in (ranked[:EDGE] if split else ranked)],
        "bottom": [row_cells(row) for row in ranked[-EDGE:]] if split else [],
        "top_title": str(chapter.top_ten if split else chapter.ranking).format(n=EDGE),
        "bottom_title": str(chapter.bottom_ten).format(n=EDGE),
        "all_ranked": [row_cells(row) for row in ranked],
        "all_unranked": [row_cells(row) for row in portfolio.unranked],
        "dimensions": [
            {"id": d, "number": n, "name": str(catalog.dimensions[d].name.get(lang))}
            for n, d in enumerate(portfolio.dimensions, start=1)
        ],
        "shared_blockers": [
            {
                "item_id": blocker.item_id,
                "text": item_text(blocker.item_id),
                "count": blocker.count,
                "share": percent(blocker.count / portfolio.firms),
            }
            for blocker in shared
        ],
        "single_blockers": str(chapter.single_blockers).format(n=single) if single else "",
        "target": LEVEL_THRESHOLDS[1][0],
        **benchmark_sections(portfolio, catalog, chapter, lang, font=font),
        **progress_section(portfolio, catalog, chapter, lang, item_text),
        **appendix_blockers(portfolio, shared),
    }
