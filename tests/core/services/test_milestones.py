"""A history a user can read: what changed between milestones, and a re-assessment's
trend that carries on from the assessment it follows."""

from __future__ import annotations

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.milestone_changes import changes_at, point_count
from readiness.services.managing import duplicate_assessment
from readiness.services.results import load_result
from readiness.storage.store import Store

pytestmark = pytest.mark.both_backends


def test_each_point_says_what_changed_since_the_one_before(
    store: Store, assessment_id: int, bundled_catalog: Catalog
) -> None:
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.NOT_STARTED)
    store.save_milestone(assessment_id, "Q1")
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.PROVEN)
    store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
    store.save_milestone(assessment_id, "Q2")
    store.set_answer(assessment_id, "TALE-001", None, AnswerValue.NOT_APPLICABLE)
    result = load_result(store, bundled_catalog, assessment_id)
    assert point_count(result) == 3

    first = changes_at(bundled_catalog, result, 0)
    assert (first.before, first.after) == (None, "Q1")
    assert [(d.key, d.before, d.after) for d in first.answers] == [
        (("CERT-004", "IT"), None, AnswerValue.NOT_STARTED)
    ]

    second = changes_at(bundled_catalog, result, 1)
    assert (second.before, second.after) == ("Q1", "Q2")
    assert [(d.key, d.before, d.after) for d in second.answers] == [
        (("CERT-004", "IT"), AnswerValue.NOT_STARTED, AnswerValue.PROVEN),
        (("TALE-001", None), None, AnswerValue.IN_PLACE),
    ]
    italy = next(s for s in second.scores if s.market == "IT")
    assert italy.change > 0
    assert any(k[0] == "CERT-004" for k in second.closed)
    assert not any(k[0] == "CERT-004" for k in second.opened)

    now = changes_at(bundled_catalog, result, 2, now="Today")
    assert (now.before, now.after) == ("Q2", "Today")
    assert [(d.key, d.after) for d in now.answers] == [
        (("TALE-001", None), AnswerValue.NOT_APPLICABLE)
    ]
    with pytest.raises(IndexError):
        changes_at(bundled_catalog, result, 3)


def test_nothing_changed_says_so(
    store: Store, assessment_id: int, bundled_catalog: Catalog
) -> None:
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.PROVEN)
    store.save_milestone(assessment_id, "Q1")
    result = load_result(store, bundled_catalog, assessment_id)
    now = changes_at(bundled_catalog, result, 1)
    assert now.answers == () and now.closed == () and now.opened == ()
    assert all(s.change == 0 for s in now.scores)


def test_a_re_assessment_trend_starts_with_the_one_it_follows(
    store: Store, assessment_id: int, bundled_catalog: Catalog
) -> None:
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.AWARE)
    store.save_milestone(assessment_id, "Q1")
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.PARTLY)
    second = duplicate_assessment(store, assessment_id, "2028 review")
    store.set_answer(second.id, "CERT-004", "IT", AnswerValue.PROVEN)
    store.save_milestone(second.id, "2028 Q1")
    result = load_result(store, bundled_catalog, second.id)
    assert [(p.name, p.milestone_id != 0) for p in result.trend] == [
        ("Q1", True),
        ("2027 review", False),
        ("2028 Q1", True),
    ]
    assert [p.answers[("CERT-004", "IT")] for p in result.trend] == [
        AnswerValue.AWARE,
        AnswerValue.PARTLY,
        AnswerValue.PROVEN,
    ]
    # The first assessment's own history is its own.
    assert [p.name for p in load_result(store, bundled_catalog, assessment_id).trend] == ["Q1"]
