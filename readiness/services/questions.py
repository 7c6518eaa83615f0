"""Which questions the questionnaire shows, and each dimension's progress.

A question the company profile does not ask is not shown, unless it was answered
(the answer is kept, marked "not counted for this profile"); a row a held
certificate answers counts as answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.content.catalog import Catalog
from readiness.content.model import Item
from readiness.domain.assignments import TeamAssignments
from readiness.domain.results import AssessmentResult


@dataclass(frozen=True)
class QuestionFilter:
    """What the user asked to see.

    ``text`` is searched in the id, text and guidance, in both languages, ignoring
    case; ``assigned_to`` keeps the questions assigned to that person, alone or
    with their dimension ("My questions"; None: everyone's).
    """

    text: str = ""
    unanswered_only: bool = False
    critical_only: bool = False
    assigned_to: str | None = None
    review_only: bool = False  # answers given against an older wording of the question


def _is_answered(result: AssessmentResult, item: Item, rows: list[str | None]) -> bool:
    return all(_answered(result, item, market) for market in rows)


def _answered(result: AssessmentResult, item: Item, market: str | None) -> bool:
    """Whether the row has an answer: the user's, or one a held certificate gives."""
    key = (item.id, market)
    return key in result.answers or key in result.pre_answered


def _not_asked(result: AssessmentResult, item: Item, market: str | None) -> bool:
    """Whether the row is one the company profile does not ask and nobody answered
    (an answer given before the profile said so stays shown, marked not counted)."""
    return (
        result.fit is not None
        and item.id in result.fit.not_asked
        and (item.id, market) not in result.answers
    )


def asked_rows(catalog: Catalog, result: AssessmentResult, item: Item) -> list[str | None]:
    """Where a question is shown: its answer rows less those the profile does not ask."""
    return [m for m in result.answer_rows(catalog, item) if not _not_asked(result, item, m)]


def _mentions(item: Item, text: str) -> bool:
    words = f"{item.id} {item.text.en} {item.text.zh} {item.guidance.en} {item.guidance.zh}"
    return text in words.lower()


def matching_questions(
    catalog: Catalog,
    result: AssessmentResult,
    assignments: TeamAssignments,
    wanted: QuestionFilter,
) -> list[Item]:
    """The questions that apply to the assessment and pass the filter, in the catalog's
    question order (``Catalog.questions_in_order``: dimension by dimension)."""
    text = wanted.text.strip().lower()
    items = []
    for item in catalog.questions_in_order:
        rows = asked_rows(catalog, result, item)
        if not rows:
            continue
        if wanted.critical_only and not item.critical:
            continue
        if wanted.assigned_to is not None and not assignments.is_assigned_to(
            item, wanted.assigned_to
        ):
            continue
        if wanted.unanswered_only and _is_answered(result, item, rows):
            continue
        if wanted.review_only and not any((item.id, m) in result.to_review for m in rows):
            continue
        if text and not _mentions(item, text):
            continue
        items.append(item)
    return items


def keeping_current(catalog: Catalog, matching: list[Item], current: Item) -> list[Item]:
    """``matching`` with the question being answered kept in, in the catalog's question order.

    A filter such as "unanswered only" hides the question only when the user
    moves on, not while it is on screen.
    """
    if current.id in {item.id for item in matching}:
        return matching
    order = {item.id: n for n, item in enumerate(catalog.questions_in_order)}
    return sorted([*matching, current], key=lambda item: order[item.id])


@dataclass(frozen=True)
class Progress:
    """Answered rows out of all rows (one per question and market where it applies),
    and the answers among them to review since their question changed."""

    answered: int
    total: int
    to_review: int = 0


def dimension_progress(catalog: Catalog, result: AssessmentResult, dimension: str) -> Progress:
    """How many of a dimension's asked rows are answered (by the user or a certificate),
    and how many to review."""
    total = answered = review = 0
    for item in catalog.all_items.values():
        if item.dimension != dimension:
            continue
        for market in asked_rows(catalog, result, item):
            total += 1
            answered += _answered(result, item, market)
            review += (item.id, market) in result.to_review
    return Progress(answered, total, review)
