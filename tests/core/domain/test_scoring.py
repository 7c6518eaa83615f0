"""Scoring, as the methodology document states it (docs/methodology.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.content.catalog import Catalog
from readiness.content.model import (
    Dimension,
    Item,
    LocalizedText,
    MarketProfile,
    ReferenceCitation,
    RegionProfile,
    RelevantIf,
    Scope,
    ShowStopper,
)
from readiness.domain.answers import AnswerValue
from readiness.domain.comparison import score_assessment
from readiness.domain.plan import build_action_plan, what_if
from readiness.domain.scoring import AnswerKey, MarketInput, ReadinessLevel, level_for, score_market

T = LocalizedText(en="text", zh="文字")
# A question text is one question, ending with its question mark (the content model checks it).
Q = LocalizedText(en="A question?", zh="一个问题?")
SOURCE = [ReferenceCitation(reference="REF-X")]


def item(
    item_id: str,
    dimension: str,
    weight: int,
    *,
    critical: bool = False,
    scope: Scope = Scope.MARKET,
    lead: int = 4,
    allow_na: bool = True,
    relevant_if: RelevantIf | None = None,
) -> Item:
    return Item(
        id=item_id,
        dimension=dimension,
        text=Q,
        guidance=T,
        scope=scope,
        allow_na=allow_na,
        weight=weight,
        critical=critical,
        blocks=ShowStopper.NO_APPROVAL if critical else None,
        lead_time_weeks=lead,
        action=T,
        relevant_if=relevant_if,
        sources=SOURCE,
    )


def example_catalog(*items: Item) -> Catalog:
    """The methodology's worked example: certification (1.2) and logistics (1.0)."""
    catalog_items = items or (
        item("CERT-001", "certification", 3, critical=True, lead=26),  # CERT-A
        item("CERT-002", "certification", 1),  # CERT-B
        item("CERT-003", "certification", 2),  # CERT-C
        item("LOGI-001", "logistics", 2),  # LOGI-A
        item("LOGI-002", "logistics", 2, lead=12),  # LOGI-B
        item("LOGI-003", "logistics", 1),  # LOGI-C
    )
    return Catalog(
        version="example",
        maturity_levels=(T,) * 5,
        dimensions={
            "certification": Dimension(id="certification", name=T, description=T, weight=1.2),
            "logistics": Dimension(id="logistics", name=T, description=T, weight=1.0),
        },
        items={i.id: i for i in catalog_items},
        markets={"XX": MarketProfile(kind="market", code="XX", name=T, summary=T, regions=["eu"])},
        regions={"eu": RegionProfile(kind="region", tag="eu", name=T, summary=T)},
        seeds={},
        references={},
    )


EXAMPLE_ANSWERS: dict[AnswerKey, AnswerValue] = {
    ("CERT-001", "XX"): AnswerValue("2"),
    ("CERT-002", "XX"): AnswerValue("4"),
    ("CERT-003", "XX"): AnswerValue.NOT_APPLICABLE,
    ("LOGI-001", "XX"): AnswerValue("3"),
    ("LOGI-002", "XX"): AnswerValue.UNKNOWN,
}
XX = MarketInput("XX")


class TestWorkedExample:
    def test_dimension_scores(self) -> None:
        result = score_market(example_catalog(), XX, EXAMPLE_ANSWERS)
        assert result.dimensions["certification"].score == pytest.approx(62.5)
        assert result.dimensions["logistics"].score == pytest.approx(37.5)

    def test_readiness_and_level(self) -> None:
        result = score_market(example_catalog(), XX, EXAMPLE_ANSWERS)
        assert result.overall == pytest.approx(112.5 / 2.2)
        assert round(result.overall, 1) == 51.1
        assert result.level is ReadinessLevel.EMERGING
        assert result.blockers == ()

    def test_completeness_and_confidence(self) -> None:
        result = score_market(example_catalog(), XX, EXAMPLE_ANSWERS)
        assert (result.answered, result.applicable, result.unknown) == (4, 5, 1)
        assert result.completeness == pytest.approx(0.8)
        assert not result.provisional
        assert result.confidence == pytest.approx(0.6)

    def test_gaps_are_ranked_critical_first(self) -> None:
        result = score_market(example_catalog(), XX, EXAMPLE_ANSWERS)
        assert [(g.item_id, g.priority) for g in result.gaps] == [
            ("CERT-001", 3),
            ("LOGI-002", 6),
        ]

    def test_a_critical_answer_below_2_blocks(self) -> None:
        answers = {**EXAMPLE_ANSWERS, ("CERT-001", "XX"): AnswerValue("1")}
        result = score_market(example_catalog(), XX, answers)
        assert result.level is ReadinessLevel.BLOCKED
        assert result.blockers == ("CERT-001",)
        assert round(result.overall, 1) == 40.9
        assert result.dimensions["certification"].score == pytest.approx(43.75)

    def test_what_if_the_top_action_is_done(self) -> None:
        catalog = example_catalog()
        score = score_assessment(catalog, [XX], EXAMPLE_ANSWERS)
        plan = build_action_plan(catalog, score, [XX], today=dt.date(2026, 1, 1))
        projected = what_if(catalog, [XX], EXAMPLE_ANSWERS, plan, 1).markets["XX"]
        assert projected.dimensions["certification"].score == pytest.approx(81.25)
        assert round(projected.overall, 1) == 61.4
        assert projected.level is ReadinessLevel.DEVELOPING


class TestLevels:
    @pytest.mark.parametrize(
        ("score", "level"),
        [
            (0, ReadinessLevel.NOT_READY),
            (34.4, ReadinessLevel.NOT_READY),
            (34.99, ReadinessLevel.EMERGING),  # shown as 35
            (35, ReadinessLevel.EMERGING),
            (55, ReadinessLevel.DEVELOPING),
            (69.6, ReadinessLevel.READY),  # shown as 70, so not Developing beside it
            (70, ReadinessLevel.READY),
            (84.4, ReadinessLevel.READY),
            (85, ReadinessLevel.ADVANCED),
            (100, ReadinessLevel.ADVANCED),
        ],
    )
    def test_thresholds(self, score: float, level: ReadinessLevel) -> None:
        assert level_for(score) is level

    @given(st.floats(min_value=0, max_value=100))
    def test_the_level_always_matches_the_score_as_shown(self, score: float) -> None:
        assert level_for(score) is level_for(float(f"{score:.0f}"))


class TestSkipLogic:
    def test_a_follow_up_counts_only_when_shown(self) -> None:
        catalog = example_catalog(
            item("CERT-001", "certification", 2),
            item(
                "CERT-002",
                "certification",
                2,
                relevant_if=RelevantIf(item="CERT-001", at_least=2),
            ),
        )
        hidden = {("CERT-001", "XX"): AnswerValue("1"), ("CERT-002", "XX"): AnswerValue("0")}
        shown = {**hidden, ("CERT-001", "XX"): AnswerValue("2")}
        assert score_market(catalog, XX, hidden).applicable == 1
        assert score_market(catalog, XX, shown).applicable == 2


class TestComparison:
    def test_the_best_market_is_unblocked_first(self) -> None:
        catalog = example_catalog()
        yy = MarketInput("YY", custom_region="eu", custom_name="Elsewhere")
        answers = {
            **EXAMPLE_ANSWERS,
            ("CERT-001", "YY"): AnswerValue("0"),
            ("CERT-002", "YY"): AnswerValue("4"),
            ("LOGI-001", "YY"): AnswerValue("4"),
        }
        comparison = score_assessment(catalog, [XX, yy], answers).comparison
        assert comparison.best == "XX"
        assert not comparison.all_blocked
        assert comparison.runner_up == "YY"


# --- properties ------------------------------------------------------------------------

PROPERTY_CATALOG = example_catalog()
PROPERTY_MARKETS = [XX, MarketInput("YY", custom_region="eu")]
KEYS = [(i, m.code) for i in PROPERTY_CATALOG.items for m in PROPERTY_MARKETS]
levels = st.sampled_from(["0", "1", "2", "3", "4"]).map(AnswerValue)
any_answer = st.sampled_from(list(AnswerValue))
answer_sets = st.dictionaries(st.sampled_from(KEYS), any_answer)


def _all(result_set: object) -> list[float]:
    score = score_assessment(PROPERTY_CATALOG, PROPERTY_MARKETS, result_set)  # type: ignore[arg-type]
    values = []
    for market in score.markets.values():
        values.append(market.overall)
        values.extend(d.score for d in market.dimensions.values() if d.score is not None)
    return values


@given(answer_sets)
def test_scores_stay_between_0_and_100(answers: dict[AnswerKey, AnswerValue]) -> None:
    assert all(0.0 <= value <= 100.0 for value in _all(answers))


@given(answer_sets, st.sampled_from(KEYS), levels)
def test_raising_an_answer_never_lowers_a_score(
    answers: dict[AnswerKey, AnswerValue], key: AnswerKey, new: AnswerValue
) -> None:
    old = answers.get(key)
    if old is None or old.level is None or old is AnswerValue.NOT_APPLICABLE:
        return
    if (new.level or 0) < (old.level or 0):
        return
    before = score_assessment(PROPERTY_CATALOG, PROPERTY_MARKETS, answers)
    after = score_assessment(PROPERTY_CATALOG, PROPERTY_MARKETS, {**answers, key: new})
    for code, market in before.markets.items():
        raised = after.markets[code]
        assert raised.overall >= market.overall - 1e-9
        for dimension, score in market.dimensions.items():
            if score.score is not None:
                assert raised.dimensions[dimension].score >= score.score - 1e-9  # type: ignore[operator]


@given(answer_sets, st.sampled_from(KEYS))
def test_not_applicable_only_renormalises(
    answers: dict[AnswerKey, AnswerValue], key: AnswerKey
) -> None:
    """Marking a question N/A equals removing it from the catalog for that market."""
    answers = {**answers, key: answers.get(key, AnswerValue("2"))}
    marked = {**answers, key: AnswerValue.NOT_APPLICABLE}
    item_id, code = key
    market = next(m for m in PROPERTY_MARKETS if m.code == code)
    without = example_catalog(*(i for i in PROPERTY_CATALOG.items.values() if i.id != item_id))
    assert score_market(PROPERTY_CATALOG, market, marked).overall == pytest.approx(
        score_market(without, market, answers).overall
    )


@given(st.permutations(KEYS))
def test_the_order_of_answers_does_not_matter(keys: list[AnswerKey]) -> None:
    answers = {key: AnswerValue(str(index % 5)) for index, key in enumerate(sorted(KEYS))}
    shuffled = {key: answers[key] for key in keys}
    assert _all(answers) == _all(shuffled)


def test_all_fours_give_100_and_advanced_everywhere() -> None:
    score = score_assessment(
        PROPERTY_CATALOG, PROPERTY_MARKETS, dict.fromkeys(KEYS, AnswerValue("4"))
    )
    for market in score.markets.values():
        assert market.overall == pytest.approx(100.0)
        assert market.level is ReadinessLevel.ADVANCED


def test_all_zeros_give_0_and_blocked_by_the_critical_question() -> None:
    score = score_assessment(
        PROPERTY_CATALOG, PROPERTY_MARKETS, dict.fromkeys(KEYS, AnswerValue("0"))
    )
    for market in score.markets.values():
        assert market.overall == 0.0
        assert market.level is ReadinessLevel.BLOCKED
        assert market.blockers == ("CERT-001",)


@settings(max_examples=60)
@given(answer_sets)
def test_a_critical_question_at_0_always_blocks(answers: dict[AnswerKey, AnswerValue]) -> None:
    answers = {**answers, ("CERT-001", "XX"): AnswerValue("0")}
    result = score_market(PROPERTY_CATALOG, XX, answers)
    assert result.level is ReadinessLevel.BLOCKED


def test_the_bundled_catalog_scores_the_demo(bundled_catalog: Catalog) -> None:
    from readiness.services.sample import demo_document

    document = demo_document(bundled_catalog, today=dt.date(2026, 11, 22))
    answers = {(a.item_id, a.market): a.value for a in document.answers}
    markets = [MarketInput(m.code, planned_entry=m.planned_entry) for m in document.markets]
    score = score_assessment(bundled_catalog, markets, answers)
    assert set(score.markets) == {"IT", "MA", "LA"}
    for market in score.markets.values():
        assert 0 < market.overall < 100
        assert market.applicable > 50


@given(answer_sets, st.permutations(sorted(PROPERTY_CATALOG.items)))
def test_the_order_of_questions_in_the_catalog_does_not_change_a_score(
    answers: dict[AnswerKey, AnswerValue], order: list[str]
) -> None:
    """A dimension's questions need not be listed together: the scores come out the same."""
    shuffled = example_catalog(*(PROPERTY_CATALOG.items[item_id] for item_id in order))
    for market in PROPERTY_MARKETS:
        listed = score_market(PROPERTY_CATALOG, market, answers)
        mixed = score_market(shuffled, market, answers)
        assert mixed.overall == pytest.approx(listed.overall)
        assert (mixed.answered, mixed.applicable, mixed.unknown, mixed.blockers) == (
            listed.answered,
            listed.applicable,
            listed.unknown,
            listed.blockers,
        )
        for dimension, score in listed.dimensions.items():
            assert mixed.dimensions[dimension].answered == score.answered
            assert mixed.dimensions[dimension].applicable == score.applicable
            assert mixed.dimensions[dimension].score == pytest.approx(score.score)
