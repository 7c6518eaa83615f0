"""What a platform learns from its portfolio: peer benchmarks, progress and common gaps.

Read from a computed :class:`~readiness.domain.portfolio.Portfolio`:

- **benchmarks**: the ranked firms' scores (overall and per dimension) as
  quartiles, for the whole portfolio and by industry segment, home province
  and company size, so a firm can be set against firms like it;
- **progress**: who has not started, who is stuck (no change for
  :data:`STUCK_DAYS` days while unfinished), and completeness per firm and per
  dimension;
- **common gaps**: the questions most firms fall short on, with counts: the
  platform's training and service needs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from readiness.domain.benchmarks import Distribution, distribution, size_band
from readiness.domain.portfolio import Portfolio, PortfolioRow
from readiness.domain.statuses import AssessmentStatus

STUCK_DAYS = 30
OVERALL = "overall"  # the key of the overall score beside the dimensions
GROUPINGS = ("segment", "province", "size")


@dataclass(frozen=True)
class Benchmark:
    """The quartiles of one group of ranked firms: overall and per dimension."""

    grouping: str  # "all", or one of GROUPINGS
    group: str  # the segment, province or size band ("" = not given in the profile)
    firms: int
    scores: dict[str, Distribution | None]  # OVERALL and each dimension


def _group_of(grouping: str) -> Callable[[PortfolioRow], str]:
    if grouping == "segment":
        return lambda row: row.segment
    if grouping == "province":
        return lambda row: row.province
    return lambda row: size_band(row.employees)


def _benchmark(
    grouping: str, group: str, rows: Sequence[PortfolioRow], dimensions: Sequence[str]
) -> Benchmark:
    scores: dict[str, Distribution | None] = {OVERALL: distribution([r.overall for r in rows])}
    for d in dimensions:
        scores[d] = distribution([s for r in rows if (s := r.dimensions.get(d)) is not None])
    return Benchmark(grouping, group, len(rows), scores)


def benchmarks(portfolio: Portfolio) -> dict[str, tuple[Benchmark, ...]]:
    """The ranked firms' quartiles: ``"all"`` once, then each grouping's groups, largest first.

    Only ranked firms count: a firm with a few answers would pull the figures
    of the firms that answered in full.
    """
    ranked = portfolio.ranked
    result: dict[str, tuple[Benchmark, ...]] = {
        "all": (_benchmark("all", "", ranked, portfolio.dimensions),)
    }
    for grouping in GROUPINGS:
        key = _group_of(grouping)
        groups: dict[str, list[PortfolioRow]] = {}
        for row in ranked:
            groups.setdefault(key(row), []).append(row)
        ordered = sorted(groups.items(), key=lambda g: (g[0] == "", -len(g[1]), g[0].casefold()))
        result[grouping] = tuple(
            _benchmark(grouping, group, rows, portfolio.dimensions) for group, rows in ordered
        )
    return result


@dataclass(frozen=True)
class CommonGap:
    """A question many firms fall short on (answered below the target level)."""

    item_id: str
    dimension: str
    critical: bool
    firms: int


@dataclass(frozen=True)
class Progress:
    """How far the firms have come with the assessment of one market."""

    not_started: tuple[PortfolioRow, ...]  # no question answered
    stuck: tuple[PortfolioRow, ...]  # started, unfinished, unchanged for STUCK_DAYS days
    dimension_completeness: dict[str, float]  # answered / applicable over every firm
    common_gaps: tuple[CommonGap, ...]  # most firms first


def anonymised(portfolio: Portfolio, label: str) -> Portfolio:
    """``portfolio`` with every firm named ``label`` and a number ("Firm 017"), titles left out.

    Numbers follow the order firms joined the database (company id), not the
    ranking, so a firm keeps its number from one market's report to another's;
    nothing the firm typed is kept, since a title may name the firm.
    """
    ids = sorted({row.company_id for row in portfolio.rows})
    width = max(3, len(str(len(ids))))
    number = {company: str(n).zfill(width) for n, company in enumerate(ids, start=1)}
    return replace(
        portfolio,
        rows=tuple(
            replace(row, company=label.format(number=number[row.company_id]), title="")
            for row in portfolio.rows
        ),
    )


def firm_dimension_completeness(row: PortfolioRow) -> dict[str, float | None]:
    """Share of each dimension's applicable questions this firm answered (None: none apply)."""
    return {
        d: (s.answered / s.applicable) if s.applicable else None
        for d, s in row.readiness.dimensions.items()
    }


def is_stuck(row: PortfolioRow, today: dt.date) -> bool:
    """True when the firm started, has not finished and changed nothing for STUCK_DAYS days."""
    finished = row.status == AssessmentStatus.COMPLETE.value or row.completeness >= 1.0
    idle = (today - row.updated_at.date()).days >= STUCK_DAYS
    return row.completeness > 0 and not finished and idle


def common_gaps(portfolio: Portfolio) -> tuple[CommonGap, ...]:
    """Every question some firm falls short on, with how many firms: most firms first.

    Ties go to critical questions first, then by question id, so the order is
    the same every time.
    """
    counts: Counter[str] = Counter()
    first: dict[str, CommonGap] = {}
    for row in portfolio.rows:
        for gap in {g.item_id: g for g in row.readiness.gaps}.values():
            counts[gap.item_id] += 1
            first.setdefault(gap.item_id, CommonGap(gap.item_id, gap.dimension, gap.critical, 0))
    gaps = [
        CommonGap(g.item_id, g.dimension, g.critical, counts[g.item_id]) for g in first.values()
    ]
    return tuple(sorted(gaps, key=lambda g: (-g.firms, not g.critical, g.item_id)))


def progress(portfolio: Portfolio) -> Progress:
    """Who has not started, who is stuck, completeness per dimension and the common gaps."""
    answered: Counter[str] = Counter()
    applicable: Counter[str] = Counter()
    for row in portfolio.rows:
        for d, s in row.readiness.dimensions.items():
            answered[d] += s.answered
            applicable[d] += s.applicable
    return Progress(
        not_started=tuple(row for row in portfolio.rows if row.completeness == 0),
        stuck=tuple(row for row in portfolio.rows if is_stuck(row, portfolio.today)),
        dimension_completeness={
            d: answered[d] / applicable[d] for d in portfolio.dimensions if applicable[d]
        },
        common_gaps=common_gaps(portfolio),
    )


__all__ = [
    "GROUPINGS",
    "OVERALL",
    "STUCK_DAYS",
    "Benchmark",
    "CommonGap",
    "Progress",
    "anonymised",
    "benchmarks",
    "common_gaps",
    "firm_dimension_completeness",
    "is_stuck",
    "progress",
]
