"""Answer history: every change of an answer or an action is kept with who, when and the
state before and after, whatever wrote it; on SQLite and on the team server alike."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from readiness.domain.answers import AnswerValue
from readiness.domain.history import HistoryChange, HistoryRecord
from readiness.domain.records import PlanFigures
from readiness.domain.statuses import ActionStatus
from readiness.storage.errors import StoreError
from readiness.storage.store import Store

pytestmark = pytest.mark.both_backends


def test_every_change_of_an_answer_is_kept_newest_first(store: Store, assessment_id: int) -> None:
    store.user = "Chen Jie 陈杰"
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.AWARE, note="asked TÜV")
    store.user = "Li Wei"
    store.set_answer(
        assessment_id,
        "CERT-004",
        "IT",
        AnswerValue.PARTLY,
        note="quote received",
        evidence=["quote.pdf"],
        expected_version=1,
    )
    store.clear_answer(assessment_id, "CERT-004", "IT", expected_version=2)

    cleared, changed, answered = store.history(assessment_id, "CERT-004", "IT")
    assert (answered.change, answered.changed_by, answered.before) == (
        HistoryChange.SET,
        "Chen Jie 陈杰",
        None,
    )
    assert answered.after == {"value": "1", "note": "asked TÜV", "evidence": []}
    assert changed.before == answered.after
    assert changed.after == {"value": "2", "note": "quote received", "evidence": ["quote.pdf"]}
    assert (changed.value, changed.note, changed.evidence) == (
        "2",
        "quote received",
        ("quote.pdf",),
    )
    # Who cleared it is named, not the last one to answer.
    assert (cleared.change, cleared.changed_by, cleared.after) == (
        HistoryChange.CLEARED,
        "Li Wei",
        None,
    )
    assert cleared.before == changed.after
    assert cleared.changed_at >= changed.changed_at >= answered.changed_at
    assert [e.version for e in (answered, changed, cleared)] == [1, 2, 2]


def test_a_refused_or_conflicting_write_leaves_no_history(store: Store, assessment_id: int) -> None:
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.AWARE)
    with pytest.raises(StoreError):
        store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.PARTLY, expected_version=7)
    with pytest.raises(StoreError):
        store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.AWARE, note="\x00")
    assert len(store.history(assessment_id, "CERT-004", "IT")) == 1


def test_every_change_of_an_action_is_kept(store: Store, assessment_id: int) -> None:
    store.set_action(assessment_id, "CERT-004", "IT", owner="Wang", due_date=dt.date(2027, 3, 1))
    store.set_action(
        assessment_id,
        "CERT-004",
        "IT",
        status=ActionStatus.IN_PROGRESS,
        figures=PlanFigures(
            due_date=dt.date(2027, 6, 1), cost_min=1000, cost_max=2000, cost_currency="EUR"
        ),
    )
    changed, created = store.history(assessment_id, "CERT-004", "IT", HistoryRecord.ACTION)
    assert created.before is None and created.after is not None
    assert created.after["owner"] == "Wang" and created.after["due_date"] == "2027-03-01"
    assert changed.before == created.after
    assert changed.after is not None
    assert (changed.after["status"], changed.after["due_date"], changed.after["cost_max"]) == (
        "in_progress",
        "2027-06-01",
        2000,
    )
    # The same state on both backends: an action's fields, nothing of the row's key.
    assert set(changed.after) == {
        "owner",
        "due_date",
        "status",
        "note",
        "start_date",
        "effort_min",
        "effort_max",
        "cost_min",
        "cost_max",
        "cost_currency",
        "cost_basis",
    }
    # An answer's history and its action's are apart.
    assert store.history(assessment_id, "CERT-004", "IT") == []


def test_imports_and_re_assessments_write_history_too(store: Store, assessment_id: int) -> None:
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.PROVEN, note="TÜV report")
    copied = store.import_assessment(store.snapshot(assessment_id))
    again = store.duplicate_assessment(assessment_id, "2028 review")
    for key in (copied, again.id):
        [entry] = store.history(key, "CERT-004", "IT")
        assert entry.after == {"value": "4", "note": "TÜV report", "evidence": []}


def test_replacing_in_place_keeps_the_history_and_records_the_replacement(
    store: Store, assessment_id: int
) -> None:
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.AWARE, note="mine")
    snapshot = store.snapshot(assessment_id)
    theirs = dataclasses.replace(
        snapshot,
        answers=tuple(a._replace(value="4", note="theirs") for a in snapshot.answers),
    )
    store.user = "Zhang Min"
    store.replace_assessment(assessment_id, theirs)

    replaced, cleared, answered = store.history(assessment_id, "CERT-004", "IT")
    assert answered.after == {"value": "1", "note": "mine", "evidence": []}
    assert (cleared.change, cleared.changed_by) == (HistoryChange.CLEARED, "Zhang Min")
    assert replaced.after == {"value": "4", "note": "theirs", "evidence": []}


def test_deleting_an_assessment_deletes_its_history(store: Store, assessment_id: int) -> None:
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.AWARE)
    store.set_action(assessment_id, "CERT-004", "IT", owner="Wang")
    assert store.history_count(assessment_id) == 2
    store.delete_assessment(assessment_id)
    assert store.history_count(assessment_id) == 0
    with pytest.raises(StoreError, match="no assessment with id"):
        store.history(assessment_id, "CERT-004", "IT")
