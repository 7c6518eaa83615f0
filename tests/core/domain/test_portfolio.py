"""The portfolio: which assessments count, how firms are ranked, and that the numbers are the
engine's own."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.portfolio import (
    LEVEL_ORDER,
    active_assessments,
    assessments_to_score,
    rank_portfolio,
)
from readiness.domain.records import MarketChoice
from readiness.domain.scoring import ReadinessLevel
from readiness.domain.statuses import AssessmentStatus
from readiness.services.portfolio import build_portfolio, targeted_markets
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.store import Store
from tests.member_firms import FIRMS, TODAY, add_member_firm, add_member_firms

pytestmark = pytest.mark.both_backends


@pytest.fixture
def firms(store: Store, bundled_catalog: Catalog) -> list[int]:
    """The sample company plus four member firms, all targeting IT, MA and LA."""
    return [
        create_demo(store, bundled_catalog, today=TODAY),
        *add_member_firms(store, bundled_catalog),
    ]


def test_every_number_is_the_engines(
    store: Store, bundled_catalog: Catalog, firms: list[int]
) -> None:
    for code in ("IT", "MA", "LA"):
        portfolio = build_portfolio(store, bundled_catalog, code, today=TODAY)
        assert {row.assessment_id for row in portfolio.rows} == set(firms)
        for row in portfolio.rows:
            engine = load_result(store, bundled_catalog, row.assessment_id, today=TODAY)
            market = engine.score.markets[code]
            assert row.overall == market.overall
            assert row.level is market.level
            assert row.blockers == market.blockers
            assert row.completeness == market.completeness
            assert row.provisional is market.provisional
            assert row.dimensions == {d: s.score for d, s in market.dimensions.items()}
            assert row.top_gaps == market.gaps[:3]
            assert row.company == engine.company.name
            assert row.title == engine.assessment.title


def test_firms_are_ranked_unblocked_first_then_by_score(
    store: Store, bundled_catalog: Catalog, firms: list[int]
) -> None:
    portfolio = build_portfolio(store, bundled_catalog, "IT", today=TODAY)
    rows = portfolio.rows
    # Ranks count the firms ahead, so firms that stand equal share one: the sample
    # company and the firm with its very answers (shift 0) are both third.
    assert [row.rank for row in rows] == [1, 2, 3, 3, 5]
    assert "Wuhan Axle Works" in {rows[2].company, rows[3].company}
    assert rows[2].company.casefold() < rows[3].company.casefold()
    keys = [(bool(row.blockers), -row.overall) for row in rows]
    assert keys == sorted(keys)
    # The firm shifted up by two has no blocker and is the readiest; the one shifted down
    # comes last among the sample-like firms.
    assert rows[0].company == FIRMS[0][0]
    assert rows[-1].company == FIRMS[3][0]
    assert rows[-1].level is ReadinessLevel.BLOCKED
    # Some firms are blocked in Italy, so the ranking is not just by score everywhere.
    assert any(row.blockers for row in rows) and any(not row.blockers for row in rows)


def test_a_blocked_firm_ranks_below_an_unblocked_one_with_a_lower_score(
    store: Store, bundled_catalog: Catalog
) -> None:
    ready = store.create_company("Low but clear")
    blocked = store.create_company("High but blocked")
    assert ready.id is not None and blocked.id is not None
    first = store.create_assessment(ready.id, "Review", "test", [MarketChoice("IT")])
    second = store.create_assessment(blocked.id, "Review", "test", [MarketChoice("IT")])
    assert first.id is not None and second.id is not None
    store.set_answer(first.id, "CERT-002", "IT", AnswerValue("2"))
    store.set_answer(first.id, "TALE-001", None, AnswerValue("0"))
    store.set_answer(second.id, "CERT-002", "IT", AnswerValue("1"))
    store.set_answer(second.id, "TALE-001", None, AnswerValue("4"))
    portfolio = build_portfolio(store, bundled_catalog, "IT", today=TODAY, min_completeness=0)
    by_company = {row.company: row for row in portfolio.rows}
    assert by_company["High but blocked"].overall > by_company["Low but clear"].overall
    assert [row.company for row in portfolio.rows] == ["Low but clear", "High but blocked"]


def test_only_assessments_of_that_market_count(
    store: Store, bundled_catalog: Catalog, firms: list[int]
) -> None:
    morocco_only = add_member_firm(store, bundled_catalog, "Xiangyang Bearings", 1, markets=("MA",))
    italy = build_portfolio(store, bundled_catalog, "IT", today=TODAY)
    morocco = build_portfolio(store, bundled_catalog, "MA", today=TODAY)
    assert morocco_only not in {row.assessment_id for row in italy.rows}
    assert morocco_only in {row.assessment_id for row in morocco.rows}
    assert morocco.firms == italy.firms + 1


def test_archived_assessments_are_left_out(
    store: Store, bundled_catalog: Catalog, firms: list[int]
) -> None:
    archived = add_member_firm(
        store, bundled_catalog, "Closed Co.", 2, status=AssessmentStatus.ARCHIVED
    )
    portfolio = build_portfolio(store, bundled_catalog, "IT", today=TODAY)
    assert archived not in {row.assessment_id for row in portfolio.rows}
    assert "Closed Co." not in {row.company for row in portfolio.rows}
    assert archived not in portfolio.superseded


def test_a_company_counts_once_with_its_latest_assessment(
    store: Store, bundled_catalog: Catalog
) -> None:
    company = store.create_company("Twice Assessed Ltd.")
    assert company.id is not None
    older = store.create_assessment(company.id, "2025 review", "test", [MarketChoice("IT")])
    newer = store.create_assessment(
        company.id, "2026 review", "test", [MarketChoice("IT"), MarketChoice("MA")]
    )
    assert older.id is not None and newer.id is not None
    store.set_answer(older.id, "CERT-002", "IT", AnswerValue("1"))
    store.set_answer(newer.id, "CERT-002", "IT", AnswerValue("4"))

    portfolio = build_portfolio(store, bundled_catalog, "IT", today=TODAY)
    assert [row.assessment_id for row in portfolio.rows] == [newer.id]
    assert portfolio.superseded == (older.id,)

    # Answering the older one makes it the latest again.
    store.set_answer(older.id, "TALE-001", None, AnswerValue("3"))
    portfolio = build_portfolio(store, bundled_catalog, "IT", today=TODAY)
    assert [row.assessment_id for row in portfolio.rows] == [older.id]
    assert portfolio.rows[0].title == "2025 review"

    # For Morocco only the newer assessment targets the market, so it counts there.
    morocco = build_portfolio(store, bundled_catalog, "MA", today=TODAY)
    assert [row.assessment_id for row in morocco.rows] == [newer.id]
    assert morocco.superseded == ()


def test_level_spread_average_and_shared_blockers(
    store: Store, bundled_catalog: Catalog, firms: list[int]
) -> None:
    portfolio = build_portfolio(store, bundled_catalog, "IT", today=TODAY)
    levels = portfolio.levels
    assert list(levels) == list(LEVEL_ORDER)
    assert sum(levels.values()) == portfolio.firms == len(firms)
    for level, count in levels.items():
        assert count == sum(1 for row in portfolio.rows if row.level is level)
    assert portfolio.average == pytest.approx(
        sum(row.overall for row in portfolio.rows) / portfolio.firms
    )
    assert portfolio.blocked == levels[ReadinessLevel.BLOCKED]
    shared = portfolio.shared_blockers()
    assert shared, "the sample's Italian certification blocker is shared"
    assert [b.count for b in shared] == sorted((b.count for b in shared), reverse=True)
    for blocker in shared:
        holders = [row.company for row in portfolio.rows if blocker.item_id in row.blockers]
        assert list(blocker.companies) == holders and blocker.count >= 2
    averages = portfolio.dimension_averages()
    assert set(averages) == set(bundled_catalog.dimensions)


def test_the_overview_counts_every_market_by_the_same_rules(
    store: Store, bundled_catalog: Catalog, firms: list[int]
) -> None:
    add_member_firm(store, bundled_catalog, "Xiangyang Bearings", 1, markets=("MA",))
    portfolio = build_portfolio(store, bundled_catalog, "IT", today=TODAY)
    assert [spread.code for spread in portfolio.overview] == ["IT", "LA", "MA"]
    for spread in portfolio.overview:
        alone = build_portfolio(store, bundled_catalog, spread.code, today=TODAY, overview=False)
        assert spread.firms == alone.firms
        assert dict(spread.levels) == alone.levels
        assert spread.average == pytest.approx(alone.average)
    assert build_portfolio(store, bundled_catalog, "IT", overview=False).overview == ()


def test_targeted_markets_name_custom_markets(store: Store, bundled_catalog: Catalog) -> None:
    company = store.create_company("Manila Hopes")
    assert company.id is not None
    assessment = store.create_assessment(
        company.id,
        "Look at Philippines",
        "test",
        [MarketChoice("MA"), MarketChoice("PH", custom_name="Philippines", custom_region="asean")],
    )
    assert assessment.id is not None
    options = targeted_markets(store, bundled_catalog)
    assert [o.code for o in options] == ["MA", "PH"]
    assert options[0].name.en == "Morocco" and options[1].name.zh == "Philippines"
    portfolio = build_portfolio(store, bundled_catalog, "ph", today=TODAY)
    assert portfolio.market == "PH"
    assert portfolio.name.en == "Philippines"
    assert [row.assessment_id for row in portfolio.rows] == [assessment.id]


def test_a_market_nobody_targets_is_an_empty_portfolio(
    store: Store, bundled_catalog: Catalog, firms: list[int]
) -> None:
    portfolio = build_portfolio(store, bundled_catalog, "ES-CT", today=TODAY)
    assert portfolio.rows == ()
    assert portfolio.firms == 0 and portfolio.average == 0.0
    assert portfolio.name.en == bundled_catalog.markets["ES-CT"].name.en


def test_today_is_passed_to_the_engine(
    store: Store, bundled_catalog: Catalog, firms: list[int]
) -> None:
    day = dt.date(2030, 1, 1)
    assert build_portfolio(store, bundled_catalog, "IT", today=day).today == day


def test_ranking_needs_only_the_results(
    store: Store, bundled_catalog: Catalog, firms: list[int]
) -> None:
    summaries = active_assessments(store.list_assessments())
    needed = assessments_to_score(summaries, bundled_catalog, "it", overview=False)
    assert sorted(needed) == sorted(firms)
    results = {i: load_result(store, bundled_catalog, i, today=TODAY) for i in needed}
    expected = build_portfolio(store, bundled_catalog, "IT", today=TODAY, overview=False)
    store.close()  # the ranking itself reads nothing
    ranked = rank_portfolio(bundled_catalog, "it", summaries, results, today=TODAY, overview=False)
    assert ranked == expected
    assert ranked.market == "IT" and ranked.firms == len(firms)
