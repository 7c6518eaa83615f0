"""Versioned team editing without Qt: keep mine, keep theirs, own versions, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.domain.answers import AnswerValue
from readiness.domain.records import SavedAnswer
from readiness.domain.scoring import AnswerKey
from readiness.domain.statuses import ActionStatus
from readiness.services.editing import (
    AnswerChange,
    AnswerEditor,
    Conflict,
    OwnVersions,
    SaveOutcome,
    action_expected_version,
    changes_answer,
    note_expected_version,
    summarise_changes,
)
from readiness.storage.errors import AnswerConflict, StoreError
from readiness.storage.store import Store

KEY = ("Q1", "IT")


def _editor(store: Store, assessment: int, own: OwnVersions | None = None) -> AnswerEditor:
    return AnswerEditor(store, assessment, own or OwnVersions())


def _saved(
    value: str = "2", *, version: int = 1, by: str = "Li Wei", note: str = ""
) -> SavedAnswer:
    return SavedAnswer(
        id=1,
        assessment_id=1,
        item_id="Q1",
        market_code="IT",
        value=value,
        note=note,
        evidence=[],
        updated_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
        updated_by=by,
        version=version,
    )


def test_a_write_over_the_version_seen_is_recorded_as_the_users_own(
    li: Store, assessment: int
) -> None:
    own = OwnVersions()
    outcome = _editor(li, assessment, own).write_answer(
        KEY, AnswerValue.PARTLY, expected=0, keep_mine=lambda _conflict: True
    )
    assert outcome is not None and not outcome.conflicted
    assert outcome.version == 1
    assert own.get(KEY, 0) == 1


def test_keep_theirs_writes_nothing(li: Store, zhang: Store, assessment: int) -> None:
    zhang.set_answer(assessment, "Q1", "IT", AnswerValue.PROVEN, expected_version=0)
    asked: list[Conflict] = []

    def keep_theirs(conflict: Conflict) -> bool:
        asked.append(conflict)
        return False

    outcome = _editor(li, assessment).write_answer(
        KEY, AnswerValue.AWARE, expected=0, keep_mine=keep_theirs
    )
    assert outcome is None
    assert len(asked) == 1 and isinstance(asked[0], AnswerConflict)
    stored = li.answer(assessment, "Q1", "IT")
    assert stored is not None and stored.value == "4" and stored.updated_by == "Zhang Min"


def test_keep_mine_writes_over_the_colleagues_version(
    li: Store, zhang: Store, assessment: int
) -> None:
    theirs = zhang.set_answer(assessment, "Q1", "IT", AnswerValue.PROVEN, expected_version=0)
    outcome = _editor(li, assessment).write_answer(
        KEY, AnswerValue.AWARE, expected=0, keep_mine=lambda _conflict: True
    )
    assert outcome is not None and outcome.conflicted
    assert outcome.replaced == theirs
    stored = li.answer(assessment, "Q1", "IT")
    assert stored is not None and stored.value == "1" and stored.version == 2


def test_keep_mine_on_a_note_keeps_the_colleagues_value_and_files(
    li: Store, zhang: Store, assessment: int
) -> None:
    seen = li.set_answer(assessment, "Q1", "IT", AnswerValue.PARTLY, expected_version=0)
    zhang.set_answer(
        assessment, "Q1", "IT", AnswerValue.PROVEN, evidence=["theirs.pdf"], expected_version=1
    )
    editor = _editor(li, assessment)
    outcome = editor.save_detail(seen, seen.version, lambda _c: True, note="checked")
    assert outcome is not None and outcome.conflicted
    stored = li.answer(assessment, "Q1", "IT")
    assert stored is not None
    assert (stored.value, stored.note, stored.evidence) == ("4", "checked", ["theirs.pdf"])
    # Files are added to the colleague's list, not to the one the user saw.
    seen_now = stored
    zhang.set_answer(
        assessment,
        "Q1",
        "IT",
        AnswerValue.PROVEN,
        evidence=["theirs.pdf", "b.pdf"],
        expected_version=seen_now.version,
    )
    editor.save_detail(seen_now, seen_now.version, lambda _c: True, files=lambda f: [*f, "m.pdf"])
    final = li.answer(assessment, "Q1", "IT")
    assert final is not None and final.evidence == ["theirs.pdf", "b.pdf", "m.pdf"]


def test_an_action_conflict_is_asked_about(li: Store, zhang: Store, assessment: int) -> None:
    zhang.set_action(assessment, "Q1", "IT", owner="Zhang", expected_version=0)
    outcome = _editor(li, assessment).set_action(
        "Q1", "IT", known=None, expected=0, keep_mine=lambda _c: True, status=ActionStatus.DONE
    )
    assert outcome is not None and outcome.conflicted
    assert [a.status for a in li.actions(assessment)] == [ActionStatus.DONE]


def test_other_refusals_are_raised(li: Store, assessment: int) -> None:
    li.close()
    with pytest.raises(StoreError):
        _editor(li, assessment).write_answer(
            KEY, AnswerValue.PARTLY, expected=0, keep_mine=lambda _c: True
        )


def test_undoing_a_clear_restores_the_note_and_files() -> None:
    before = _saved(note="see file")._replace(evidence=["a.pdf"])
    change = AnswerChange(KEY, before, None)
    assert change.redo_write().value is None
    undo = change.undo_write()
    assert (undo.value, undo.note, undo.evidence) == (AnswerValue.PARTLY, "see file", ["a.pdf"])


def test_undoing_a_changed_value_leaves_note_and_files_alone() -> None:
    change = AnswerChange(KEY, _saved(note="see file"), AnswerValue.PROVEN)
    undo = change.undo_write()
    assert (undo.value, undo.note, undo.evidence) == (AnswerValue.PARTLY, None, None)


def test_undoing_a_first_answer_clears_it() -> None:
    assert AnswerChange(KEY, None, AnswerValue.PROVEN).undo_write().value is None


def test_undo_after_keep_mine_puts_back_the_colleagues_answer() -> None:
    change = AnswerChange(KEY, _saved(), AnswerValue.PROVEN)
    theirs = _saved("3", version=2, by="Zhang Min")
    change.redone(SaveOutcome(_saved("4", version=3), conflicted=True, replaced=theirs))
    assert change.undo_write().value == AnswerValue.IN_PLACE
    assert change.version == 3


def test_a_change_states_the_users_own_latest_version() -> None:
    own = OwnVersions()
    change = AnswerChange(KEY, _saved(version=4), AnswerValue.PROVEN)
    assert change.expected(own) == 4
    own.record(KEY, 7)
    assert change.expected(own) == 7
    own.clear()
    assert change.expected(own) == 4


def test_what_counts_as_a_change() -> None:
    assert not changes_answer(None, None)
    assert not changes_answer(_saved("2"), AnswerValue.PARTLY)
    assert changes_answer(_saved("2"), None)
    assert changes_answer(None, AnswerValue.UNKNOWN)


def test_a_note_is_saved_over_the_version_seen_or_the_users_own() -> None:
    saved = _saved(version=3, note="old")
    assert note_expected_version(saved, "old", None, 0) is None
    assert note_expected_version(saved, "old", 3, 0) is None
    assert note_expected_version(saved, "old", 2, 0) == 2
    assert note_expected_version(saved, "new", None, 0) == 3
    assert note_expected_version(saved, "new", 2, 5) == 5


def test_an_action_is_saved_over_the_version_seen() -> None:
    assert action_expected_version(None, None) == 0
    assert action_expected_version(None, 4) == 4


@given(
    st.dictionaries(st.sampled_from(["Q1", "Q2", "Q3"]), st.integers(1, 3)),
    st.dictionaries(
        st.sampled_from(["Q1", "Q2", "Q3"]),
        st.tuples(st.integers(1, 3), st.sampled_from(["Li Wei", "Zhang Min", ""])),
    ),
)
def test_the_summary_counts_every_answer_that_moved(
    before: dict[str, int], after: dict[str, tuple[int, str]]
) -> None:
    old: dict[AnswerKey, SavedAnswer] = {(q, None): _saved(version=v) for q, v in before.items()}
    new: dict[AnswerKey, SavedAnswer] = {
        (q, None): _saved(version=v, by=by) for q, (v, by) in after.items()
    }
    summary = summarise_changes(old, new, "Li Wei")
    moved = {q for q in before.keys() | after.keys() if before.get(q) != after.get(q, (0,))[0]}
    assert summary.count == len(moved)
    assert "Li Wei" not in summary.people and "" not in summary.people
    assert list(summary.people) == sorted(summary.people)
