"""Which questions the questionnaire shows for a filter, search or "My questions"."""

from __future__ import annotations

from readiness.content.catalog import Catalog, load_catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.assignments import TeamAssignments
from readiness.domain.statuses import AssignmentScope
from readiness.services.questions import (
    QuestionFilter,
    dimension_progress,
    keeping_current,
    matching_questions,
)
from readiness.services.results import load_result
from readiness.storage.store import Store

CATALOG: Catalog = load_catalog()


def _shown(store: Store, assessment: int, wanted: QuestionFilter) -> list[str]:
    result = load_result(store, CATALOG, assessment)
    assignments = TeamAssignments.from_rows(store.assignments(assessment))
    return [item.id for item in matching_questions(CATALOG, result, assignments, wanted)]


def test_every_applicable_question_shows_without_a_filter(li: Store, assessment: int) -> None:
    result = load_result(li, CATALOG, assessment)
    expected = [i.id for i in CATALOG.questions_in_order if result.answer_rows(CATALOG, i)]
    assert _shown(li, assessment, QuestionFilter()) == expected


def test_questions_follow_the_dimension_list_with_market_questions_inside() -> None:
    order = CATALOG.questions_in_order
    assert len(order) == len(CATALOG.all_items)
    # Dimension by dimension, in the order the questionnaire lists the dimensions.
    dimensions = [item.dimension for item in order]
    assert list(dict.fromkeys(dimensions)) == [
        d for d in CATALOG.dimensions if d in set(dimensions)
    ]
    assert order[0].dimension == next(iter(CATALOG.dimensions))
    # A market's own question sits among its dimension's questions, after the general ones.
    own = next(item for m in CATALOG.markets.values() for item in m.extra_items)
    siblings = [item for item in order if item.dimension == own.dimension]
    assert own in siblings
    general = [item for item in siblings if item.id in CATALOG.items]
    assert siblings[: len(general)] == general


def test_filters_narrow_the_questions(li: Store, assessment: int) -> None:
    everything = _shown(li, assessment, QuestionFilter())
    critical = _shown(li, assessment, QuestionFilter(critical_only=True))
    assert critical and set(critical) < set(everything)
    assert all(CATALOG.all_items[i].critical for i in critical)
    first = CATALOG.all_items[everything[0]]
    assert _shown(li, assessment, QuestionFilter(text=f"  {first.id.lower()} ")) == [first.id]


def test_answered_questions_leave_the_unanswered_filter(li: Store, assessment: int) -> None:
    result = load_result(li, CATALOG, assessment)
    first = next(i for i in CATALOG.all_items.values() if result.answer_rows(CATALOG, i))
    for market in result.answer_rows(CATALOG, first):
        li.set_answer(assessment, first.id, market, AnswerValue.PARTLY)
    assert first.id not in _shown(li, assessment, QuestionFilter(unanswered_only=True))
    progress = dimension_progress(CATALOG, load_result(li, CATALOG, assessment), first.dimension)
    assert progress.answered == len(result.answer_rows(CATALOG, first))
    assert progress.total >= progress.answered


def test_my_questions_are_those_assigned_to_me(li: Store, assessment: int) -> None:
    assert _shown(li, assessment, QuestionFilter(assigned_to="Li Wei")) == []
    question = _shown(li, assessment, QuestionFilter())[0]
    li.assign(assessment, AssignmentScope.ITEM, question, "Li Wei")
    assert _shown(li, assessment, QuestionFilter(assigned_to="Li Wei")) == [question]


def test_the_current_question_stays_in_question_order() -> None:
    items = list(CATALOG.questions_in_order)
    kept = keeping_current(CATALOG, [items[0], items[2]], items[1])
    assert kept == items[:3]
    assert keeping_current(CATALOG, items[:2], items[1]) == items[:2]
