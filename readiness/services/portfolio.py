"""The portfolio read from the store: every firm's assessment summary and result, then ranked.

Choosing and ranking are the domain's (:mod:`readiness.domain.portfolio`);
this module only reads what they need, each assessment's result once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from readiness.content.catalog import Catalog
from readiness.domain.benchmarks import (
    DEFAULT_MIN_COMPLETENESS,
    PeerPosition,
    check_min_completeness,
)
from readiness.domain.portfolio import (
    MarketOption,
    Portfolio,
    active_assessments,
    assessments_to_score,
    market_options,
    rank_portfolio,
)
from readiness.domain.portfolio_scoring import Scored, score_for_portfolio
from readiness.domain.results import market_inputs
from readiness.storage.portfolio_read import read_scoring_inputs
from readiness.storage.store import Store


def scored(
    store: Store,
    catalog: Catalog,
    assessment_ids: list[int],
    markets: Collection[str] | None = None,
) -> dict[int, Scored]:
    """These assessments' scores, read in a few queries and scored as a full result scores.

    The plan, trend and market facts of a full result are not computed: a
    portfolio of thousands of firms needs only the scores; with ``markets``,
    only those markets' (a market's readiness depends on its own and the
    company-wide answers alone).
    """
    inputs = read_scoring_inputs(store, assessment_ids, markets)
    return {
        key: score_for_portfolio(
            catalog,
            given.company,
            given.assessment,
            [m for m in given.markets if markets is None or m.market_code in markets],
            given.answers,
        )
        for key, given in inputs.items()
    }


def build_portfolio(
    store: Store,
    catalog: Catalog,
    market: str,
    *,
    today: dt.date | None = None,
    overview: bool = True,
    min_completeness: float = DEFAULT_MIN_COMPLETENESS,
) -> Portfolio:
    """Every firm's readiness for ``market``, read from the store and scored by the engine.

    Archived assessments are left out; of a company's assessments that target
    the market, only the most recently updated one counts (see
    :class:`~readiness.domain.portfolio.Portfolio`). With ``overview``, every
    other targeted market's level spread is computed too. Firms that answered
    less than ``min_completeness`` of the questions are listed apart, unranked.
    """
    day = today or dt.date.today()
    summaries = active_assessments(store.list_assessments())
    results = scored(
        store,
        catalog,
        assessments_to_score(summaries, catalog, market, overview=overview),
        None if overview else {market.strip().upper()},
    )
    return rank_portfolio(
        catalog,
        market,
        summaries,
        results,
        today=day,
        overview=overview,
        min_completeness=check_min_completeness(min_completeness),
    )


def peer_positions(
    store: Store,
    catalog: Catalog,
    assessment_id: int,
    *,
    today: dt.date | None = None,
    min_completeness: float = DEFAULT_MIN_COMPLETENESS,
) -> dict[str, PeerPosition]:
    """Where the assessment's firm stands among the other firms, per target market.

    A market only other firms' assessments share is given; one no other firm
    targets is left out, since a position among one firm says nothing. Each
    assessment's result is computed once, whatever the number of markets.
    """
    day = today or dt.date.today()
    summaries = active_assessments(store.list_assessments())
    own = next((s for s in summaries if s.id == assessment_id), None)
    if own is None:
        return {}
    needed: dict[int, None] = {}
    for code in own.markets:
        needed.update(dict.fromkeys(assessments_to_score(summaries, catalog, code, overview=False)))
    results = scored(store, catalog, list(needed), set(own.markets))
    positions = {}
    for code in own.markets:
        portfolio = rank_portfolio(
            catalog,
            code,
            summaries,
            results,
            today=day,
            overview=False,
            min_completeness=min_completeness,
        )
        row = next((r for r in portfolio.rows if r.assessment_id == assessment_id), None)
        if row is None or portfolio.firms < 2:
            continue
        positions[code] = PeerPosition(
            firms=len(portfolio.ranked),
            rank=row.rank,
            percentile=row.percentile,
            completeness=row.completeness,
            min_completeness=min_completeness,
        )
    return positions


def targeted_markets(store: Store, catalog: Catalog) -> tuple[MarketOption, ...]:
    """The markets targeted by at least one assessment that is not archived.

    Catalog markets come first in catalog order, then custom markets by code.
    A custom market is named as the most recently updated assessment names it.
    """
    summaries = active_assessments(store.list_assessments())
    markets = {
        summary.id: market_inputs(store.markets(summary.id))
        for summary in summaries
        if set(summary.markets) - set(catalog.markets)
    }
    return market_options(catalog, summaries, markets)
