"""What the store gives back and takes in: plain, immutable records.

These are the domain's own types, free of any database library: the store
converts its table rows into them, so the result, the views and the report
never hold a row that could reach back into a session. A company-scope answer
or action has ``market_code == ""`` here, as in the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

# The market code of a company-wide answer or action (an empty code rather than
# None, so that "one answer per question and market" also holds company-wide).
COMPANY_SCOPE = ""


class SavedAnswer(NamedTuple):
    """An answer as read back from the store: light and immutable (the store returns these)."""

    id: int
    assessment_id: int
    item_id: str
    market_code: str
    value: str
    note: str
    evidence: list[str]
    updated_at: dt.datetime
    updated_by: str
    version: int
    # The catalog version the answer was given against; None only on records
    # made before answers carried it (the assessment's version then applies).
    catalog_version: str | None = None


@dataclass(frozen=True, slots=True)
class SavedAction:
    """The follow-up on one gap as the store holds it: who, by when, how far, and its version."""

    id: int
    assessment_id: int
    item_id: str
    market_code: str
    owner: str
    due_date: dt.date | None
    status: str
    note: str
    updated_at: dt.datetime
    updated_by: str
    version: int


@dataclass(frozen=True, slots=True)
class SavedCompany:
    """The profile of the firm being assessed."""

    id: int
    name: str
    industry_segment: str
    products: str
    home_province: str
    notes: str
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class SavedAssessment:
    """The header of one assessment: its title, catalog version, status and revision."""

    id: int
    company_id: int
    title: str
    catalog_version: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    revision: int


@dataclass(frozen=True, slots=True)
class SavedMarket:
    """A target market of an assessment; a custom one carries its own name and region."""

    id: int
    assessment_id: int
    market_code: str
    custom_name: str | None
    custom_region: str | None
    planned_entry: dt.date | None
    position: int


@dataclass(frozen=True, slots=True)
class SavedAssignment:
    """A dimension or a question given to a colleague to answer."""

    id: int
    assessment_id: int
    scope: str
    code: str
    assignee: str
    assigned_by: str
    assigned_at: dt.datetime


@dataclass(frozen=True, slots=True)
class SavedMilestone:
    """The answers as they stood when a milestone (such as "Q1 review") was saved.

    ``answers`` holds ``{"item_id", "market_code", "value"}`` for each answer.
    """

    id: int
    assessment_id: int
    name: str
    catalog_version: str
    created_at: dt.datetime
    answers: list[dict[str, str]]


@dataclass(frozen=True, slots=True)
class AssessmentSnapshot:
    """One assessment as read from the store in one go: what its result is computed from."""

    company: SavedCompany
    assessment: SavedAssessment
    markets: tuple[SavedMarket, ...]
    answers: tuple[SavedAnswer, ...]
    actions: tuple[SavedAction, ...]
    milestones: tuple[SavedMilestone, ...]


@dataclass(frozen=True)
class MarketChoice:
    """A target market to add: a catalog code, or a custom market with its name and region."""

    code: str
    custom_name: str | None = None
    custom_region: str | None = None
    planned_entry: dt.date | None = None


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of ``readiness list``: an assessment, its company and its market codes."""

    id: int
    company_id: int
    company: str
    title: str
    status: str
    markets: tuple[str, ...]
    answers: int
    updated_at: dt.datetime
