"""Every store write follows the text policy: what it refuses is never stored.

The app writes through these same calls, so nothing an entry field lets through
can reach the database and break an export, a copy or the spreadsheet later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.domain.statuses import AssignmentScope
from readiness.storage.refusals import RefusedValueError
from readiness.storage.store import Store

NUL = "bad\x00text"

WRITES: dict[str, Callable[[Store, int], Any]] = {
    "company name": lambda s, a: s.create_company(NUL),
    "company name too long": lambda s, a: s.create_company("a" * 501),
    "company profile": lambda s, a: s.create_company("Acme", notes="x\x1b"),
    "profile update": lambda s, a: s.update_company(s.assessment(a).company_id, products=NUL),
    "renamed to nothing": lambda s, a: s.update_company(s.assessment(a).company_id, name=""),
    "title": lambda s, a: s.create_assessment(s.assessment(a).company_id, "t\nt", "test"),
    "market code": lambda s, a: s.add_market(a, MarketChoice("x/../../../../../")),
    "custom market name": lambda s, a: s.add_market(
        a, MarketChoice("PH", custom_name=NUL, custom_region="asean")
    ),
    "custom region": lambda s, a: s.add_market(
        a, MarketChoice("PH", custom_name="Philippines", custom_region="../asean")
    ),
    "note": lambda s, a: s.set_answer(a, "CERT-001", None, AnswerValue.PROVEN, note=NUL),
    "note too long": lambda s, a: s.set_answer(
        a, "CERT-001", None, AnswerValue.PROVEN, note="a" * 100_001
    ),
    "evidence": lambda s, a: s.set_answer(a, "CERT-001", None, AnswerValue.PROVEN, evidence=[NUL]),
    "question id": lambda s, a: s.set_answer(a, "../CERT-001", None, AnswerValue.PROVEN),
    "answer market": lambda s, a: s.set_answer(a, "CERT-001", "../IT", AnswerValue.PROVEN),
    "owner": lambda s, a: s.set_action(a, "CERT-001", None, owner=NUL),
    "action note": lambda s, a: s.set_action(a, "CERT-001", None, note="\ud800"),
    "assignee": lambda s, a: s.assign(a, AssignmentScope.ITEM, "CERT-001", "a" * 201),
    "assigned code": lambda s, a: s.assign(a, AssignmentScope.DIMENSION, "../x", "Li Wei"),
    "milestone": lambda s, a: s.save_milestone(a, NUL),
}


@pytest.mark.both_backends
@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_write_that_breaks_the_policy_is_refused_and_changes_nothing(
    store: Store, assessment_id: int, write: Callable[[Store, int], Any]
) -> None:
    """Issue 14, items 2, 7 and 8: on every write path, not only at the exchange."""
    before = store.snapshot(assessment_id), store.list_assessments()
    with pytest.raises(RefusedValueError, match="nothing was saved"):
        write(store, assessment_id)
    assert (store.snapshot(assessment_id), store.list_assessments()) == before


def test_the_message_says_which_field_and_why(store: Store, assessment_id: int) -> None:
    with pytest.raises(RefusedValueError, match=r"The note contains .*U\+0000 at position 4"):
        store.set_answer(assessment_id, "CERT-001", None, AnswerValue.PROVEN, note=NUL)


def test_a_note_is_stored_with_line_feeds(store: Store, assessment_id: int) -> None:
    saved = store.set_answer(assessment_id, "CERT-001", None, AnswerValue.PROVEN, note="one\r\ntwo")
    assert saved.note == "one\ntwo"
    assert store.answer(assessment_id, "CERT-001", None).note == "one\ntwo"  # type: ignore[union-attr]


def test_a_blank_assignee_still_takes_the_question_back(store: Store, assessment_id: int) -> None:
    store.assign(assessment_id, AssignmentScope.ITEM, "CERT-001", "Li Wei")
    store.assign(assessment_id, AssignmentScope.ITEM, "CERT-001", "   ")
    assert store.assignments(assessment_id) == []


def test_the_name_recorded_on_changes_follows_the_policy(store: Store, assessment_id: int) -> None:
    store.user = "Li\x00Wei"
    with pytest.raises(RefusedValueError, match="name recorded on changes"):
        store.set_answer(assessment_id, "CERT-001", None, AnswerValue.PROVEN)
    assert store.answers(assessment_id) == []
