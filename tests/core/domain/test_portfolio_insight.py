"""What a platform learns from its portfolio: benchmarks by group, who has not started or is
stuck, the gaps most firms share, and an anonymised portfolio that names no firm."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.portfolio import Portfolio
from readiness.domain.portfolio_insight import (
    OVERALL,
    STUCK_DAYS,
    anonymised,
    benchmarks,
    common_gaps,
    progress,
)
from readiness.domain.records import MarketChoice
from readiness.services.portfolio import build_portfolio
from readiness.storage.store import Store
from tests.member_firms import FIRMS, TODAY, add_member_firm, add_member_firms


@pytest.fixture
def italy(store: Store, bundled_catalog: Catalog) -> Portfolio:
    """The four member firms, one firm untouched for a month, and one that has not started."""
    add_member_firms(store, bundled_catalog)
    old = dt.datetime.combine(TODAY - dt.timedelta(days=STUCK_DAYS), dt.time(9), tzinfo=dt.UTC)
    add_member_firm(store, bundled_catalog, "Idle Pistons Ltd", 0, updated_at=old)
    company = store.create_company("Blank Gaskets")
    assert company.id is not None
    store.create_assessment(company.id, "Review", "test", [MarketChoice("IT")])
    return build_portfolio(store, bundled_catalog, "IT", today=TODAY)


def test_who_has_not_started_and_who_is_stuck(italy: Portfolio) -> None:
    seen = progress(italy)
    assert [row.company for row in seen.not_started] == ["Blank Gaskets"]
    assert [row.company for row in seen.stuck] == ["Idle Pistons Ltd"]
    # A firm that has not started is listed apart, not ranked.
    assert [row.company for row in italy.unranked] == ["Blank Gaskets"]


def test_completeness_per_dimension_counts_every_firms_questions(italy: Portfolio) -> None:
    seen = progress(italy)
    for d, share in seen.dimension_completeness.items():
        answered = sum(row.readiness.dimensions[d].answered for row in italy.rows)
        applicable = sum(row.readiness.dimensions[d].applicable for row in italy.rows)
        assert share == answered / applicable
        assert 0 < share < 1  # the blank firm pulls every dimension below 100%


def test_common_gaps_count_each_firm_once_most_firms_first(italy: Portfolio) -> None:
    gaps = common_gaps(italy)
    assert [g.firms for g in gaps] == sorted((g.firms for g in gaps), reverse=True)
    top = gaps[0]
    holders = [row for row in italy.rows if top.item_id in {g.item_id for g in row.readiness.gaps}]
    assert top.firms == len(holders) > 1


def test_benchmarks_overall_and_by_segment_province_and_size(italy: Portfolio) -> None:
    figures = benchmarks(italy)
    overall = figures["all"][0]
    assert overall.firms == len(italy.ranked)
    spread = overall.scores[OVERALL]
    assert spread is not None
    assert spread.low == min(row.overall for row in italy.ranked)
    assert spread.high == max(row.overall for row in italy.ranked)
    for grouping in ("segment", "province", "size"):
        assert sum(b.firms for b in figures[grouping]) == overall.firms
    # Every firm is the sample company under another name: one segment, one province.
    assert [b.group for b in figures["province"]] == [italy.ranked[0].province]


def test_an_anonymised_portfolio_names_no_firm(italy: Portfolio) -> None:
    hidden = anonymised(italy, "Firm {number}")
    names = {row.company for row in hidden.rows}
    assert names == {f"Firm {n:03d}" for n in range(1, italy.firms + 1)}
    assert not {name for name, _ in FIRMS} & names
    assert all(row.title == "" for row in hidden.rows)
    # Numbers follow the firms' order in the database, not the ranking.
    first = min(italy.rows, key=lambda row: row.company_id)
    assert next(r for r in hidden.rows if r.company_id == first.company_id).company == "Firm 001"
    assert hidden.shared_blockers()
    assert all(set(b.companies) <= names for b in hidden.shared_blockers())
