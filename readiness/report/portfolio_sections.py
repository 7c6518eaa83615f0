"""The portfolio report's chapters on many firms at once: benchmarks, progress, shared blockers.

Each function returns template values for one part of the report; every figure
is the domain's (:mod:`readiness.domain.portfolio_insight`), only worded here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from readiness.content.catalog import Catalog
from readiness.domain.benchmarks import Distribution
from readiness.domain.portfolio import Portfolio, SharedBlocker
from readiness.domain.portfolio_insight import (
    GROUPINGS,
    OVERALL,
    STUCK_DAYS,
    benchmarks,
    progress,
)
from readiness.domain.rounding import points
from readiness.domain.scoring import LEVEL_THRESHOLDS
from readiness.report.distribution_charts import box_plots, histogram
from readiness.report.labels import Labels, display_clip, percent

GROUPS_SHOWN = 10  # largest groups of each kind in the benchmark tables; the rest summed up
GAPS_SHOWN = 15  # most common gaps in the body
NAMES_SHOWN = 20  # firms named in the progress chapter; the rest are in the appendix
BLOCKER_COLUMNS = 6  # shared blockers with a column in the appendix table
GROUP_COLUMNS = 40  # display columns of a segment's or province's name


def _figures(spread: Distribution | None) -> list[str]:
    if spread is None:
        return ["-"] * 5
    return [
        points(value)
        for value in (
            spread.low,
            spread.lower_quartile,
            spread.median,
            spread.upper_quartile,
            spread.high,
        )
    ]


def benchmark_sections(
    portfolio: Portfolio, catalog: Catalog, chapter: Labels, lang: str, *, font: str
) -> dict[str, Any]:
    """The distribution chapter: a histogram, box plots and quartile tables by group."""
    figures = benchmarks(portfolio)
    overall = figures["all"][0]
    names = {d: str(catalog.dimensions[d].name.get(lang)) for d in portfolio.dimensions}
    by_dimension = [(str(chapter.overall_score), overall.scores[OVERALL])] + [
        (names[d], overall.scores[d]) for d in portfolio.dimensions
    ]
    group_tables = []
    for grouping in GROUPINGS:
        groups = figures[grouping]
        shown = groups[:GROUPS_SHOWN]
        rest = groups[GROUPS_SHOWN:]
        rows = [
            {
                "name": display_clip(b.group, GROUP_COLUMNS)
                if grouping != "size"
                else str(chapter.sizes[b.group or "unknown"]),
                "unknown": not b.group,
                "firms": b.firms,
                "figures": _figures(b.scores[OVERALL])[1:4],
            }
            for b in shown
        ]
        group_tables.append(
            {
                "title": str(chapter[f"by_{grouping}"]),
                "rows": rows,
                "rest": str(chapter.other_groups).format(
                    groups=len(rest), firms=sum(b.firms for b in rest)
                )
                if rest
                else "",
            }
        )
    return {
        "histogram": histogram(
            [row.overall for row in portfolio.ranked],
            font=font,
            title=str(chapter.histogram),
            firms_label=str(chapter.firms_column),
            target=LEVEL_THRESHOLDS[1][0],
        ),
        "box_plots": box_plots(by_dimension, font=font, title=str(chapter.box_plots)),
        "dimension_benchmarks": [
            {"name": name, "firms": spread.firms if spread else 0, "figures": _figures(spread)}
            for name, spread in by_dimension
        ],
        "group_tables": group_tables,
    }


def progress_section(
    portfolio: Portfolio,
    catalog: Catalog,
    chapter: Labels,
    lang: str,
    item_text: Callable[[str], str],
) -> dict[str, Any]:
    """Who has not started, who is stuck, completeness per dimension and the common gaps."""
    seen = progress(portfolio)

    def named(rows: Sequence[Any], more: str) -> dict[str, Any]:
        return {
            "names": [
                {"company": r.company, "updated": r.updated_at.date().isoformat()}
                for r in rows[:NAMES_SHOWN]
            ],
            "more": str(chapter[more]).format(n=len(rows) - NAMES_SHOWN)
            if len(rows) > NAMES_SHOWN
            else "",
        }

    firms = portfolio.firms or 1
    return {
        "progress_counts": str(chapter.progress_counts).format(
            not_started=len(seen.not_started), stuck=len(seen.stuck), days=STUCK_DAYS
        ),
        "not_started": named(seen.not_started, "more_not_started"),
        "stuck": named(seen.stuck, "more_stuck"),
        "stuck_ids": {r.assessment_id for r in seen.stuck},
        "dimension_completeness": [
            {"name": str(catalog.dimensions[d].name.get(lang)), "share": percent(share)}
            for d, share in seen.dimension_completeness.items()
        ],
        "common_gaps": [
            {
                "item_id": gap.item_id,
                "text": item_text(gap.item_id),
                "critical": gap.critical,
                "dimension": str(catalog.dimensions[gap.dimension].name.get(lang))
                if gap.dimension in catalog.dimensions
                else gap.dimension,
                "firms": gap.firms,
                "share": percent(gap.firms / firms),
            }
            for gap in seen.common_gaps[:GAPS_SHOWN]
        ],
    }


def appendix_blockers(portfolio: Portfolio, shared: Sequence[SharedBlocker]) -> dict[str, Any]:
    """Which firm holds which of the most shared blockers: one line per blocked firm."""
    columns = [b.item_id for b in shared[:BLOCKER_COLUMNS]]
    rows = [
        {
            "company": row.company,
            "marks": [item in row.blockers for item in columns],
            "others": len(set(row.blockers) - set(columns)),
        }
        for row in portfolio.rows
        if set(row.blockers) & set(columns)
    ]
    return {"blocker_columns": columns, "blocker_rows": rows}
