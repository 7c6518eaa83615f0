"""The result is computed from plain records alone: no store, no session, no table rows."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.comparison import score_assessment
from readiness.domain.records import (
    AssessmentSnapshot,
    SavedAction,
    SavedAnswer,
    SavedAssessment,
    SavedCompany,
    SavedMarket,
    SavedMilestone,
)
from readiness.domain.results import compute_result, market_inputs

MOMENT = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC)
TODAY = dt.date(2027, 3, 2)


def _snapshot(
    answers: tuple[SavedAnswer, ...] = (),
    actions: tuple[SavedAction, ...] = (),
    milestones: tuple[SavedMilestone, ...] = (),
) -> AssessmentSnapshot:
    return AssessmentSnapshot(
        company=SavedCompany(7, "Shiyan Brake Systems", "", "", "Hubei", "", MOMENT),
        assessment=SavedAssessment(3, 7, "2027 review", "test", "in_progress", MOMENT, MOMENT, 4),
        markets=(
            SavedMarket(1, 3, "IT", None, None, dt.date(2028, 1, 1), 0),
            SavedMarket(2, 3, "PH", "Philippines", "asia", None, 1),
        ),
        answers=answers,
        actions=actions,
        milestones=milestones,
    )


def _answer(item_id: str, market: str, value: AnswerValue) -> SavedAnswer:
    return SavedAnswer(0, 3, item_id, market, value.value, "", [], MOMENT, "li.wei", 1)


def test_markets_keep_their_order_and_custom_details() -> None:
    markets = market_inputs(_snapshot().markets)
    assert [(m.code, m.custom_name, m.custom_region) for m in markets] == [
        ("IT", None, None),
        ("PH", "Philippines", "asia"),
    ]
    assert markets[0].planned_entry == dt.date(2028, 1, 1)


def test_the_result_carries_the_records_it_was_given(bundled_catalog: Catalog) -> None:
    item = next(iter(bundled_catalog.all_items))
    action = SavedAction(5, 3, item, "", "Wang Fang", None, "open", "", MOMENT, "li.wei", 2)
    snapshot = _snapshot(answers=(_answer(item, "", AnswerValue.AWARE),), actions=(action,))
    result = compute_result(snapshot, bundled_catalog, today=TODAY)
    assert result.company is snapshot.company
    assert result.assessment.title == "2027 review"
    assert result.actions[(item, None)].owner == "Wang Fang"
    assert result.actions[(item, None)].version == 2
    assert result.answers[(item, None)].value == "1"
    assert result.today == TODAY


def test_milestones_become_the_trend(bundled_catalog: Catalog) -> None:
    item = next(iter(bundled_catalog.all_items))
    milestone = SavedMilestone(
        1, 3, "Q1 review", "test", MOMENT, [{"item_id": item, "market_code": "", "value": "4"}]
    )
    result = compute_result(_snapshot(milestones=(milestone,)), bundled_catalog, today=TODAY)
    [point] = result.trend
    assert point.name == "Q1 review" and point.saved_at == MOMENT
    assert set(point.overall) == {"IT", "PH"}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(list(AnswerValue)), min_size=1, max_size=12))
def test_the_score_is_scorings_own(bundled_catalog: Catalog, values: list[AnswerValue]) -> None:
    items = list(bundled_catalog.all_items)[: len(values)]
    answers = tuple(_answer(item, "", value) for item, value in zip(items, values, strict=False))
    snapshot = _snapshot(answers=answers)
    result = compute_result(snapshot, bundled_catalog, today=TODAY)
    expected = score_assessment(
        bundled_catalog,
        market_inputs(snapshot.markets),
        {(a.item_id, None): AnswerValue(a.value) for a in answers},
    )
    assert result.score == expected


def test_records_are_frozen() -> None:
    snapshot = _snapshot()
    assert dataclasses.is_dataclass(snapshot.company)
    try:
        snapshot.company.name = "other"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        return
    raise AssertionError("a record could be changed")
