"""The text a store write refuses: the product's text policy, applied where rows are written.

Every way in (the app, a command, an import, a copy) writes through the store,
so these checks keep a control character, an over-long name or a code that
could leave a folder out of everything that reads the database later. A refused
write raises :class:`RefusedValueError` before the transaction starts: nothing
is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from readiness.domain.records import (
    COMPANY_SCOPE,
    AssessmentSnapshot,
    MarketChoice,
    SavedAction,
    SavedAnswer,
    SavedAssignment,
)
from readiness.domain.text import (
    ASSIGNEE,
    NAME,
    TEXT,
    TextKind,
    check_code,
    check_market_code,
    clean_text,
)
from readiness.storage.errors import StoreError


class RefusedValueError(StoreError):
    """A value the product does not store (see :mod:`readiness.domain.text`); nothing was saved."""


def refuse_bad_text(text: str, what: str, kind: TextKind = TEXT) -> str:
    """``text`` as stored (line breaks made line feeds), or a :class:`RefusedValueError`."""
    try:
        return clean_text(text, kind)
    except ValueError as error:
        raise RefusedValueError(f"The {what} {error}; nothing was saved.") from None


def refuse_bad_code(code: str, what: str) -> str:
    """``code`` when it is a safe code or id, or a :class:`RefusedValueError`."""
    try:
        return check_code(code)
    except ValueError as error:
        raise RefusedValueError(f"The {what} {error}; nothing was saved.") from None


def refuse_bad_market(code: str) -> str:
    """A target market's code when valid, or a :class:`RefusedValueError`."""
    try:
        return check_market_code(code)
    except ValueError as error:
        raise RefusedValueError(f"The market code {error}; nothing was saved.") from None


def refuse_bad_scope(code: str | None) -> str | None:
    """The market of an answer or action: None or ``""`` (company-wide), or a valid code."""
    return code if code is None or code == COMPANY_SCOPE else refuse_bad_market(code)


def refuse_bad_choice(choice: MarketChoice) -> MarketChoice:
    """A target market to add, when its code, name and region are valid."""
    refuse_bad_market(choice.code)
    refuse_optional_text(choice.custom_name, "market name")
    if choice.custom_region is not None:
        refuse_bad_code(choice.custom_region, "market region")
    return choice


def refuse_optional_text(text: str | None, what: str) -> str | None:
    """Like :func:`refuse_bad_text`, for a field that may be left unset (None)."""
    return None if text is None else refuse_bad_text(text, what)


def refuse_bad_snapshot(
    snapshot: AssessmentSnapshot, assignments: Sequence[SavedAssignment]
) -> None:
    """Refuse a whole assessment to import when any of its text breaks the policy.

    The exchange file's own types already enforce it; this keeps the store
    itself from taking what no entry could have given it.
    """
    company = snapshot.company
    refuse_bad_text(company.name, "company name", NAME)
    for field in ("industry_segment", "products", "home_province", "notes"):
        refuse_bad_text(getattr(company, field), f"company's {field.replace('_', ' ')}")
    refuse_bad_text(snapshot.assessment.title, "assessment title", NAME)
    refuse_bad_text(snapshot.assessment.catalog_version, "catalog version", NAME)
    for market in snapshot.markets:
        refuse_bad_market(market.market_code)
        refuse_optional_text(market.custom_name, "market name")
        if market.custom_region is not None:
            refuse_bad_code(market.custom_region, "market region")
    rows: list[SavedAnswer | SavedAction] = [*snapshot.answers, *snapshot.actions]
    for row in rows:
        refuse_bad_code(row.item_id, "question id")
        refuse_bad_scope(row.market_code)
        refuse_bad_text(row.note, "note")
        refuse_bad_text(row.updated_by, "author's name")
    for answer in snapshot.answers:
        for evidence in answer.evidence:
            refuse_bad_text(evidence, "evidence")
        refuse_optional_text(answer.catalog_version, "catalog version")
    for action in snapshot.actions:
        refuse_bad_text(action.owner, "owner")
    for milestone in snapshot.milestones:
        refuse_bad_text(milestone.name, "milestone name", NAME)
    for assignment in assignments:
        refuse_bad_code(assignment.code, "assigned code")
        refuse_bad_text(assignment.assignee, "assignee", ASSIGNEE)
