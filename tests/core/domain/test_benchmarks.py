"""Peer benchmarks: percentiles that reward a higher score, quartiles, size bands and fair
rankings that leave firms with too few answers apart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.content.catalog import Catalog
from readiness.domain.benchmarks import (
    check_min_completeness,
    distribution,
    percentile,
    percentiles,
    size_band,
)
from readiness.domain.portfolio import Portfolio
from readiness.services.portfolio import build_portfolio
from readiness.storage.store import Store
from tests.member_firms import TODAY, add_member_firms

scores = st.floats(min_value=0, max_value=100, allow_nan=False)


@given(score=scores, rise=st.floats(min_value=0, max_value=100), peers=st.lists(scores))
def test_a_firms_percentile_never_falls_when_its_score_rises(
    score: float, rise: float, peers: list[float]
) -> None:
    before = percentile(score, peers)
    after = percentile(min(100.0, score + rise), peers)
    assert (before is None) == (after is None) == (not peers)
    if before is not None and after is not None:
        assert after >= before


@given(st.lists(scores, min_size=1, max_size=40))
def test_the_fast_percentiles_equal_one_firm_against_all_others(values: list[float]) -> None:
    fast = percentiles(values)
    for index, value in enumerate(values):
        assert fast[index] == percentile(value, values[:index] + values[index + 1 :])


def test_percentiles_run_from_the_last_firm_to_the_first_and_ties_stand_together() -> None:
    assert percentiles([10.0, 20.0, 30.0]) == [0.0, 50.0, 100.0]
    assert percentiles([50.0, 50.0]) == [50.0, 50.0]
    assert percentiles([42.0]) == [None]


def test_quartiles_of_a_portfolio() -> None:
    spread = distribution([10.0, 20.0, 30.0, 40.0, 50.0])
    assert spread is not None
    assert (spread.low, spread.lower_quartile, spread.median) == (10.0, 20.0, 30.0)
    assert (spread.upper_quartile, spread.high, spread.firms) == (40.0, 50.0, 5)
    single = distribution([64.0])
    assert single is not None and single.median == single.lower_quartile == 64.0
    assert distribution([]) is None


@pytest.mark.parametrize(
    ("employees", "band"),
    [
        (None, ""),
        (0, "micro"),
        (19, "micro"),
        (20, "small"),
        (299, "small"),
        (300, "medium"),
        (999, "medium"),
        (1000, "large"),
    ],
)
def test_company_size_bands(employees: int | None, band: str) -> None:
    assert size_band(employees) == band


def test_a_minimum_completeness_outside_0_to_100_percent_is_refused() -> None:
    with pytest.raises(ValueError, match="between 0% and 100%, not 150%"):
        check_min_completeness(1.5)


@pytest.fixture
def italy(store: Store, bundled_catalog: Catalog) -> Portfolio:
    add_member_firms(store, bundled_catalog)
    return build_portfolio(store, bundled_catalog, "IT", today=TODAY)


def test_firms_below_the_minimum_completeness_are_listed_apart_unranked(
    store: Store, bundled_catalog: Catalog, italy: Portfolio
) -> None:
    answered = sorted(row.completeness for row in italy.rows)
    # A bar between the firms' completeness splits them into ranked and unranked.
    bar = (answered[0] + answered[-1]) / 2
    assert answered[0] < bar < answered[-1]
    fair = build_portfolio(store, bundled_catalog, "IT", today=TODAY, min_completeness=bar)
    assert fair.min_completeness == bar
    assert all(row.completeness >= bar and row.rank is not None for row in fair.ranked)
    assert all(row.completeness < bar and row.rank is None for row in fair.unranked)
    assert all(row.percentile is None for row in fair.unranked)
    assert fair.rows == fair.ranked + fair.unranked and fair.unranked
    assert [row.rank for row in fair.ranked] == list(range(1, len(fair.ranked) + 1))
    # At 60% (the default) all four firms answered enough to be ranked.
    assert italy.min_completeness == 0.6 and not italy.unranked


def test_percentiles_are_among_the_ranked_firms(italy: Portfolio) -> None:
    best = max(italy.ranked, key=lambda row: row.overall)
    worst = min(italy.ranked, key=lambda row: row.overall)
    assert best.percentile == 100.0 and worst.percentile == 0.0
