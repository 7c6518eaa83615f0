"""What a content release changes for an assessment: questions, and scores before and after."""

from __future__ import annotations

import pytest

from readiness.domain.content_changes import (
    ChangeKind,
    answers_to_review,
    changed_between,
    content_changes,
    is_behind,
)
from readiness.domain.scoring import ReadinessLevel
from tests.content_versions import NEW, OLD, answer, current_catalog, snapshot


def test_changed_means_same_id_with_other_wording_levels_scale_scope_or_scoring() -> None:
    assert changed_between(OLD, NEW) == {
        "CERT-001": ("text",),
        "COMP-001": ("critical",),
        "LOGI-001": ("weight",),
        "LOGI-002": ("applies_to",),
        "XITA-001": ("levels",),
    }


def test_new_removed_and_changed_questions_of_the_assessments_markets() -> None:
    changes = content_changes(snapshot(), OLD, current_catalog())
    assert (changes.from_version, changes.to_version, changes.known) == ("1.0", "1.1", True)
    listed = {(c.item_id, c.kind, c.markets, c.answered) for c in changes.questions}
    assert listed == {
        ("BRND-002", ChangeKind.NEW, ("IT", "LA"), False),
        ("BRND-001", ChangeKind.REMOVED, ("IT", "LA"), True),
        ("CERT-001", ChangeKind.CHANGED, ("IT", "LA"), True),
        ("COMP-001", ChangeKind.CHANGED, ("IT", "LA"), True),
        ("LOGI-001", ChangeKind.CHANGED, ("IT", "LA"), True),
        # Applied to Laos before (ASEAN), to Italy only now: both are affected.
        ("LOGI-002", ChangeKind.CHANGED, ("IT", "LA"), True),
        ("XITA-001", ChangeKind.CHANGED, ("IT",), True),
    }
    removed = changes.of_kind(ChangeKind.REMOVED)[0]
    assert removed.text_in("zh") == "问题BRND-001吗"  # a removed question keeps its old wording
    changed = next(c for c in changes.questions if c.item_id == "CERT-001")
    assert changed.text_in("zh") == "新问题CERT-001吗"  # a changed one reads as it is now


def test_a_question_of_another_market_is_not_listed() -> None:
    only_laos = snapshot()
    only_laos = type(only_laos)(
        company=only_laos.company,
        assessment=only_laos.assessment,
        markets=only_laos.markets[1:],
        answers=only_laos.answers,
        actions=(),
        milestones=(),
    )
    changes = content_changes(only_laos, OLD, current_catalog())
    assert "XITA-001" not in {c.item_id for c in changes.questions}


def test_scores_before_and_after_per_market() -> None:
    changes = content_changes(snapshot(), OLD, current_catalog())
    shifts = {shift.code: shift for shift in changes.markets}
    assert list(shifts) == ["IT", "LA"]
    laos = shifts["LA"]
    # CERT-001 (critical, answered 1 for Laos) blocks before and after; COMP-001
    # (answered 1) became critical, so it blocks too now.
    assert laos.before.blockers == ("CERT-001",)
    assert set(laos.after.blockers) == {"CERT-001", "COMP-001"}
    assert laos.after.level is ReadinessLevel.BLOCKED
    italy = shifts["IT"]
    assert italy.before.level is not ReadinessLevel.BLOCKED
    assert italy.after.blockers == ("COMP-001",)
    assert italy.moved
    # The removed question's answer no longer counts; the new one is unanswered.
    assert italy.before.answered == 7 and italy.after.answered == 6


def test_nothing_of_the_answers_is_altered() -> None:
    before = snapshot()
    content_changes(before, OLD, current_catalog())
    assert before.answers == snapshot().answers


def test_an_unarchived_old_version_says_so_and_still_scores_after() -> None:
    changes = content_changes(snapshot(version="0.9"), None, current_catalog())
    assert not changes.known and changes.questions == () and changes.markets == ()
    assert set(changes.after) == {"IT", "LA"}


def test_answers_to_review_are_those_given_against_an_older_wording() -> None:
    catalog = current_catalog()
    history = {"1.0": OLD}
    answers = (
        answer("CERT-001", "IT", "3"),  # changed since 1.0: review
        answer("CERT-001", "LA", "1", catalog_version="1.1"),  # answered again: fine
        answer("QUAL-001", "", "3"),  # unchanged: fine
        answer("LOGI-001", "", "2", catalog_version=None),  # the assessment's version applies
        answer("COMP-001", "", "1", catalog_version="0.9"),  # not archived: cannot tell
    )
    assert answers_to_review(answers, "1.0", catalog, history) == {
        ("CERT-001", "IT"),
        ("LOGI-001", None),
    }
    assert answers_to_review(answers, "1.1", catalog, history) == {("CERT-001", "IT")}


@pytest.mark.parametrize(
    ("version", "current", "behind"),
    [
        ("2026.1", "2026.2", True),
        ("2026.2", "2026.10", True),
        ("2026.2", "2026.2", False),
        ("2027.1", "2026.2", False),  # written by a newer app: never "upgraded" down
        ("test", "2026.2", False),  # not a release: nothing to compare
    ],
)
def test_which_versions_are_behind(version: str, current: str, behind: bool) -> None:
    assert is_behind(version, current) is behind
