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

from readiness.content.facts import MarketFact
from readiness.domain.statuses import AssessmentStatus

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
    # The user's own figures for the plan, each None until set (the content's
    # typical figures apply): a start date, and effort and cost ranges.
    start_date: dt.date | None = None
    effort_min: float | None = None
    effort_max: float | None = None
    cost_min: int | None = None
    cost_max: int | None = None
    cost_currency: str | None = None
    cost_basis: str | None = None

    @property
    def figures(self) -> PlanFigures:
        """The user's own figures for the plan, as they are saved together."""
        return PlanFigures(
            start_date=self.start_date,
            due_date=self.due_date,
            effort_min=self.effort_min,
            effort_max=self.effort_max,
            cost_min=self.cost_min,
            cost_max=self.cost_max,
            cost_currency=self.cost_currency,
            cost_basis=self.cost_basis,
        )


@dataclass(frozen=True, slots=True)
class PlanFigures:
    """The user's own figures for one action of the plan, replacing the content's.

    Saved together: each None means "use the plan's figure" (so saving an empty
    ``PlanFigures`` reverts the action to the plan's dates, effort and cost).
    """

    start_date: dt.date | None = None
    due_date: dt.date | None = None
    effort_min: float | None = None
    effort_max: float | None = None
    cost_min: int | None = None
    cost_max: int | None = None
    cost_currency: str | None = None  # "CNY", "EUR" or "USD"
    cost_basis: str | None = None  # "one_off" or "yearly"


@dataclass(frozen=True, slots=True)
class SavedCompany:
    """The profile of the firm being assessed.

    The plan reads the profile's facts: headcount, export channels today,
    product types (values of ``readiness.content.model.ProductType``) and
    certificates held (``Certificate`` values; others in free text).
    """

    id: int
    name: str
    industry_segment: str
    products: str
    home_province: str
    notes: str
    created_at: dt.datetime
    employees: int | None = None
    export_channels: tuple[str, ...] = ()
    product_types: tuple[str, ...] = ()
    certificates: tuple[str, ...] = ()
    other_certificates: str = ""
    # The company's identity wherever it travels, and when it was archived (None: in use).
    exchange_id: str = ""
    archived_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class SavedRate:
    """An exchange rate the user entered for the plan's budget: CNY per unit of a currency."""

    currency: str  # "EUR" or "USD"
    cny_per_unit: float
    as_of: dt.date


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
    # The currency the plan's budget is totalled in (CNY, EUR or USD).
    budget_currency: str = "CNY"
    # The user's weights of the attractiveness factors (factor -> points); empty: the defaults.
    attractiveness_weights: tuple[tuple[str, float], ...] = ()
    # The assessment this one re-assesses, if any (its trend carries on from there).
    previous_id: int | None = None
    # The identity an exchange file carries, so the same assessment is recognised again.
    exchange_id: str = ""


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
    custom_name_zh: str | None = None  # a custom market's Chinese name, when given


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
    rates: tuple[SavedRate, ...] = ()
    # Market facts the user imported (they refresh or add to the bundled ones).
    facts: tuple[MarketFact, ...] = ()
    # Where a re-assessment's trend starts: the milestones of the assessments it
    # follows, oldest first, each followed by that assessment's answers as they
    # stand (a point with id 0, named by its title).
    earlier: tuple[SavedMilestone, ...] = ()


@dataclass(frozen=True)
class MarketChoice:
    """A target market to add: a catalog code, or a custom market with its name and region."""

    code: str
    custom_name: str | None = None
    custom_region: str | None = None
    planned_entry: dt.date | None = None
    custom_name_zh: str | None = None


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
    previous_id: int | None = None  # the assessment this one re-assesses
    company_archived: bool = False  # its firm was archived from the register

    @property
    def archived(self) -> bool:
        """Whether it was archived, or its firm was (out of the default lists, one
        filter away)."""
        return self.status == AssessmentStatus.ARCHIVED.value or self.company_archived
