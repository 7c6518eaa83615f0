"""The portfolio: many companies' readiness for one market, side by side.

A service platform keeps dozens of member firms in one database. The portfolio
puts their readiness for one market in one ranked table, and counts how many
firms stand at each level in every market, for management.

Every number comes from :func:`readiness.domain.results.compute_result`, the same
computation the app, the command line and the single-company report use: the
portfolio only chooses which assessments to show and orders them. Nothing here
reads the store: :mod:`readiness.services.portfolio` reads the assessments'
summaries and results, and these functions choose and rank; views and the
portfolio report read the computed object.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from readiness.content.catalog import Catalog
from readiness.content.model import LocalizedText
from readiness.domain.benchmarks import DEFAULT_MIN_COMPLETENESS, percentiles
from readiness.domain.portfolio_scoring import Scored
from readiness.domain.records import AssessmentSummary
from readiness.domain.scoring import Gap, MarketInput, MarketReadiness, ReadinessLevel

TOP_GAPS = 3
# Best first, blocked last: the order of the level spread in tables and the report.
LEVEL_ORDER: tuple[ReadinessLevel, ...] = (
    ReadinessLevel.ADVANCED,
    ReadinessLevel.READY,
    ReadinessLevel.DEVELOPING,
    ReadinessLevel.EMERGING,
    ReadinessLevel.NOT_READY,
    ReadinessLevel.BLOCKED,
)


@dataclass(frozen=True)
class PortfolioRow:
    """One company's readiness for the portfolio's market, from its chosen assessment."""

    rank: int | None  # 1 = readiest; None: not ranked, too few answers (see ``ranked``)
    company_id: int
    company: str
    assessment_id: int
    title: str
    status: str
    updated_at: dt.datetime
    readiness: MarketReadiness  # the engine's result for this market, unchanged
    # The company's profile, for benchmarks by segment, province and size.
    segment: str = ""
    province: str = ""
    employees: int | None = None
    # Where the firm stands among the other ranked firms, 0-100; None while it
    # is not ranked itself or has no ranked peer.
    percentile: float | None = None

    @property
    def ranked(self) -> bool:
        """True when enough questions are answered to rank the firm among the others."""
        return self.rank is not None

    @property
    def overall(self) -> float:
        """Readiness for the market, 0-100."""
        return self.readiness.overall

    @property
    def level(self) -> ReadinessLevel:
        """The readiness level (Blocked when a critical question is below 2)."""
        return self.readiness.level

    @property
    def dimensions(self) -> dict[str, float | None]:
        """Each dimension's score (None while none of its questions is answered)."""
        return {d: score.score for d, score in self.readiness.dimensions.items()}

    @property
    def blockers(self) -> tuple[str, ...]:
        """Ids of the critical questions that block the market."""
        return self.readiness.blockers

    @property
    def completeness(self) -> float:
        """Share of the market's applicable questions answered (0-1)."""
        return self.readiness.completeness

    @property
    def provisional(self) -> bool:
        """True while fewer than 80% of the applicable questions are answered."""
        return self.readiness.provisional

    @property
    def top_gaps(self) -> tuple[Gap, ...]:
        """The highest-priority gaps, critical first."""
        return self.readiness.gaps[:TOP_GAPS]


@dataclass(frozen=True)
class SharedBlocker:
    """A critical question that blocks the market for several firms."""

    item_id: str
    companies: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many firms it blocks."""
        return len(self.companies)


@dataclass(frozen=True)
class MarketSpread:
    """How many firms stand at each level in one market."""

    code: str
    name: LocalizedText
    levels: Mapping[ReadinessLevel, int]
    average: float  # mean readiness of the firms, 0-100

    @property
    def firms(self) -> int:
        """How many firms are assessed for this market."""
        return sum(self.levels.values())


@dataclass(frozen=True)
class Portfolio:
    """Every firm's readiness for one market, readiest first.

    ``rows`` holds one row per company: the company's most recently updated,
    not archived assessment that targets the market. Its older assessments of
    that market are listed in ``superseded`` and not counted, so a firm that
    was assessed twice counts once, as it stands now. Rows are ranked as the
    methodology ranks markets: firms without blockers first, then by score,
    then by completeness, then by company name.
    """

    market: str
    name: LocalizedText
    dimensions: tuple[str, ...]
    rows: tuple[PortfolioRow, ...]  # the ranked firms in rank order, then the others
    superseded: tuple[int, ...]  # ids of older assessments left out
    overview: tuple[MarketSpread, ...]  # every targeted market, this one included
    today: dt.date
    min_completeness: float = DEFAULT_MIN_COMPLETENESS  # a ranked firm has answered this share

    @property
    def ranked(self) -> tuple[PortfolioRow, ...]:
        """The firms that answered enough to be ranked, in rank order."""
        return tuple(row for row in self.rows if row.ranked)

    @property
    def unranked(self) -> tuple[PortfolioRow, ...]:
        """The firms listed apart: not enough answers yet to compare them fairly."""
        return tuple(row for row in self.rows if not row.ranked)

    @property
    def firms(self) -> int:
        """How many firms are in the portfolio."""
        return len(self.rows)

    @property
    def levels(self) -> dict[ReadinessLevel, int]:
        """How many firms stand at each level, best level first."""
        return _level_counts(row.level for row in self.rows)

    @property
    def average(self) -> float:
        """Mean readiness of the firms (0 when there are none)."""
        return _mean([row.overall for row in self.rows]) or 0.0

    @property
    def blocked(self) -> int:
        """How many firms are blocked."""
        return sum(1 for row in self.rows if row.blockers)

    @property
    def provisional(self) -> int:
        """How many firms' results are provisional."""
        return sum(1 for row in self.rows if row.provisional)

    def dimension_averages(self) -> dict[str, float | None]:
        """Each dimension's mean score over the firms that have one."""
        return {
            d: _mean([s for row in self.rows if (s := row.dimensions.get(d)) is not None])
            for d in self.dimensions
        }

    def shared_blockers(self, *, at_least: int = 2) -> tuple[SharedBlocker, ...]:
        """Blockers held by ``at_least`` firms or more, the most widely shared first."""
        holders: dict[str, list[str]] = {}
        for row in self.rows:
            for item_id in row.blockers:
                holders.setdefault(item_id, []).append(row.company)
        shared = [
            SharedBlocker(item_id, tuple(companies))
            for item_id, companies in holders.items()
            if len(companies) >= at_least
        ]
        return tuple(sorted(shared, key=lambda b: (-b.count, b.item_id)))

    def row_for(self, assessment_id: int) -> PortfolioRow:
        """The row showing this assessment."""
        return next(row for row in self.rows if row.assessment_id == assessment_id)


@dataclass(frozen=True)
class MarketOption:
    """A market some assessment in the database targets, for choosing a portfolio."""

    code: str
    name: LocalizedText
    assessments: int


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _level_counts(levels: Iterable[ReadinessLevel]) -> dict[ReadinessLevel, int]:
    counted = Counter(levels)
    return {level: counted.get(level, 0) for level in LEVEL_ORDER}


def active_assessments(summaries: Iterable[AssessmentSummary]) -> list[AssessmentSummary]:
    """The assessments a portfolio may show: all but the archived ones and those of archived
    firms, in the given order."""
    return [s for s in summaries if not s.archived]


def _code(market: str) -> str:
    return market.strip().upper()


def _market_name(catalog: Catalog, code: str, result: Scored | None) -> LocalizedText:
    profile = catalog.markets.get(code)
    if profile is not None:
        return profile.name
    if result is not None:
        return result.market_name(catalog, code)
    return LocalizedText.model_construct(en=code, zh=code)


def _chosen(summaries: Sequence[AssessmentSummary], market: str) -> tuple[list[int], list[int]]:
    """The newest assessment per company that targets ``market``, and the ones left out."""
    candidates = sorted(
        (s for s in summaries if market in s.markets),
        key=lambda s: (s.updated_at, s.id),
        reverse=True,
    )
    seen: set[int] = set()
    chosen: list[int] = []
    superseded: list[int] = []
    for summary in candidates:
        if summary.company_id in seen:
            superseded.append(summary.id)
            continue
        seen.add(summary.company_id)
        chosen.append(summary.id)
    return chosen, sorted(superseded)


def _codes(summaries: Sequence[AssessmentSummary], catalog: Catalog) -> list[str]:
    """Every targeted market: catalog markets in catalog order, then custom ones by code."""
    counts = {code for s in summaries for code in s.markets}
    known = [code for code in catalog.markets if code in counts]
    return [*known, *sorted(code for code in counts if code not in catalog.markets)]


def assessments_to_score(
    summaries: Sequence[AssessmentSummary], catalog: Catalog, market: str, *, overview: bool
) -> list[int]:
    """Which assessments' results :func:`rank_portfolio` needs, each once.

    ``summaries`` are the active ones, newest change first (as the store lists them).
    """
    codes = _codes(summaries, catalog) if overview else [_code(market)]
    needed = dict.fromkeys(_chosen(summaries, _code(market))[0])
    for code in codes:
        needed.update(dict.fromkeys(_chosen(summaries, code)[0]))
    return list(needed)


def _standing(readiness: MarketReadiness) -> tuple[bool, float, float]:
    # The score as the reader sees it (one decimal): two firms shown with the same
    # score are not told apart by a difference nobody can see.
    return (bool(readiness.blockers), -round(readiness.overall, 1), -readiness.completeness)


def _rows(results: list[Scored], market: str, min_completeness: float) -> tuple[PortfolioRow, ...]:
    def name_key(result: Scored) -> tuple[str, int]:
        return result.company.name.casefold(), result.assessment.id or 0

    enough = [r for r in results if r.score.markets[market].completeness >= min_completeness]
    too_few = [r for r in results if r.score.markets[market].completeness < min_completeness]
    enough.sort(key=lambda r: (_standing(r.score.markets[market]), name_key(r)))
    too_few.sort(key=lambda r: (-r.score.markets[market].completeness, name_key(r)))
    # Placed by the score as shown, as they are ranked.
    placed = percentiles([round(r.score.markets[market].overall, 1) for r in enough])
    ranks: list[int | None] = []
    for position, result in enumerate(enough):
        tied = position and _standing(result.score.markets[market]) == _standing(
            enough[position - 1].score.markets[market]
        )
        ranks.append(ranks[-1] if tied else position + 1)
    rows = []
    for result, rank, place in zip(
        [*enough, *too_few],
        [*ranks, *([None] * len(too_few))],
        [*placed, *([None] * len(too_few))],
        strict=True,
    ):
        assert result.company.id is not None and result.assessment.id is not None
        rows.append(
            PortfolioRow(
                rank=rank,
                company_id=result.company.id,
                company=result.company.name,
                assessment_id=result.assessment.id,
                title=result.assessment.title,
                status=result.assessment.status,
                updated_at=result.assessment.updated_at,
                readiness=result.score.markets[market],
                segment=result.company.industry_segment.strip(),
                province=result.company.home_province.strip(),
                employees=result.company.employees,
                percentile=place,
            )
        )
    return tuple(rows)


def _spread(catalog: Catalog, code: str, results: list[Scored]) -> MarketSpread:
    scores = [r.score.markets[code] for r in results]
    return MarketSpread(
        code=code,
        name=_market_name(catalog, code, results[0] if results else None),
        levels=_level_counts(m.level for m in scores),
        average=_mean([m.overall for m in scores]) or 0.0,
    )


def market_options(
    catalog: Catalog,
    summaries: Sequence[AssessmentSummary],
    markets: Mapping[int, Sequence[MarketInput]],
) -> tuple[MarketOption, ...]:
    """The markets targeted by the given (active) assessments, to choose a portfolio from.

    Catalog markets come first in catalog order, then custom markets by code.
    A custom market is named as the most recently updated assessment names it:
    ``markets`` holds the target markets of (at least) that assessment of each.
    """
    counts: Counter[str] = Counter(code for s in summaries for code in s.markets)
    custom_names: dict[str, LocalizedText] = {}
    for summary in summaries:  # newest first, so the newest name wins
        if not set(summary.markets) - set(catalog.markets):
            continue
        for market in markets.get(summary.id, ()):
            code = market.code
            if code not in catalog.markets and code not in custom_names:
                name = market.custom_name or code
                custom_names[code] = LocalizedText.model_construct(en=name, zh=name)
    return tuple(
        MarketOption(
            code=code,
            name=catalog.markets[code].name if code in catalog.markets else custom_names[code],
            assessments=counts[code],
        )
        for code in _codes(summaries, catalog)
    )


def rank_portfolio(
    catalog: Catalog,
    market: str,
    summaries: Sequence[AssessmentSummary],
    results: Mapping[int, Scored],
    *,
    today: dt.date,
    overview: bool = True,
    min_completeness: float = DEFAULT_MIN_COMPLETENESS,
) -> Portfolio:
    """Every firm's readiness for ``market``, ranked, from results already computed.

    ``summaries`` are the active assessments, newest change first; ``results``
    holds at least those :func:`assessments_to_score` names. Of a company's
    assessments that target the market, only the most recently updated one
    counts (see :class:`Portfolio`). With ``overview``, every other targeted
    market's level spread is computed too, under the same rules (the report
    shows it; the app's table does not need it). Firms that answered less than
    ``min_completeness`` of the market's questions are listed apart, unranked.
    """
    code = _code(market)
    chosen_ids, superseded = _chosen(summaries, code)
    chosen = [results[i] for i in chosen_ids]
    spreads: list[MarketSpread] = []
    if overview:
        named = {i: result.markets for i, result in results.items()}
        for option in market_options(catalog, summaries, named):
            picked = (
                chosen
                if option.code == code
                else [results[i] for i in _chosen(summaries, option.code)[0]]
            )
            spreads.append(_spread(catalog, option.code, picked))
    return Portfolio(
        market=code,
        name=_market_name(catalog, code, chosen[0] if chosen else None),
        dimensions=tuple(catalog.dimensions),
        rows=_rows(chosen, code, min_completeness),
        superseded=tuple(superseded),
        overview=tuple(spreads),
        today=today,
        min_completeness=min_completeness,
    )


__all__ = [
    "LEVEL_ORDER",
    "MarketOption",
    "MarketSpread",
    "Portfolio",
    "PortfolioRow",
    "SharedBlocker",
    "active_assessments",
    "assessments_to_score",
    "market_options",
    "rank_portfolio",
]
