"""The fields of the assessment exchange file, as pydantic models (see ``docs/exchange-format.md``).

Every text, name and code follows the product's one text policy
(:mod:`readiness.domain.text`); dates and times outside 1900-2199 are refused
here rather than crashing later. Reading, writing and importing the document is
:mod:`readiness.exchange.document`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from readiness.content.model import Certificate, CostBasis, Currency, ExportChannel, ProductType
from readiness.domain.answers import AnswerValue
from readiness.domain.attractiveness import Factor
from readiness.domain.dates import plausible_date, plausible_moment
from readiness.domain.statuses import ActionStatus, AssessmentStatus, AssignmentScope
from readiness.domain.text import Assignee, Code, MarketCode, Name, Text
from readiness.storage.refusals import MAX_COST, MAX_EFFORT

FORMAT = "market-entry-readiness/assessment"
FORMAT_VERSION = 7

Day = Annotated[dt.date, AfterValidator(plausible_date)]
Weight = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Moment = Annotated[dt.datetime, AfterValidator(plausible_moment)]
# An assessment's identity wherever it travels: 32 lowercase hexadecimal digits.
ExchangeId = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CompanyRecord(_Record):
    """The company profile."""

    name: Name
    industry_segment: Text = ""
    products: Text = ""
    home_province: Text = ""
    notes: Text = ""
    created_at: Moment
    # What the plan reads (format version 4); absent in older files: not known.
    employees: Annotated[int, Field(ge=0, le=10_000_000, strict=True)] | None = None
    export_channels: list[ExportChannel] = []
    product_types: list[ProductType] = []
    certificates: list[Certificate] = []
    other_certificates: Text = ""
    # Who the firm is (format version 7): an import or a copy of a firm already in the
    # database joins it; absent in older files, where each import registers the firm anew.
    exchange_id: ExchangeId | None = None


class AssessmentRecord(_Record):
    """The assessment's own fields."""

    title: Name
    catalog_version: Name
    status: AssessmentStatus
    created_at: Moment
    updated_at: Moment
    # The currency the plan's budget is totalled in (format version 4).
    budget_currency: Currency = "CNY"
    # The user's attractiveness weights, factor -> points (format version 5); empty: the defaults.
    attractiveness_weights: dict[Factor, Weight] = {}
    # Who the assessment is (format version 6): importing it again is recognised;
    # absent in older files, where each import is a new assessment.
    exchange_id: ExchangeId | None = None


class MarketRecord(_Record):
    """A target market."""

    code: MarketCode
    custom_name: Text | None = None
    custom_region: Code | None = None
    planned_entry: Day | None = None
    # A custom market's Chinese name (format version 5); absent: shown in its own name.
    custom_name_zh: Text | None = None


class AnswerRecord(_Record):
    """One answer; ``market`` is None for a company-wide question."""

    item_id: Code
    market: MarketCode | None
    value: AnswerValue
    note: Text = ""
    evidence: list[Text] = []
    updated_at: Moment
    updated_by: Text = ""
    # The catalog version the answer was given against (format version 3); absent
    # in older files, where the assessment's version applies.
    catalog_version: Name | None = None


Amount = Annotated[float, Field(ge=0, le=MAX_EFFORT, allow_inf_nan=False)]
Money = Annotated[int, Field(ge=0, le=MAX_COST)]


class ActionRecord(_Record):
    """Follow-up on one gap; ``market`` is None for the company, a market code, or a
    lowercase region tag (``eu``) for an action done once for that region's markets."""

    item_id: Code
    market: MarketCode | None
    owner: Text = ""
    due_date: Day | None = None
    status: ActionStatus = ActionStatus.OPEN
    note: Text = ""
    updated_at: Moment
    updated_by: Text = ""
    # The user's own figures for the plan (format version 4); absent: the plan's own.
    start_date: Day | None = None
    effort_min: Amount | None = None
    effort_max: Amount | None = None
    cost_min: Money | None = None
    cost_max: Money | None = None
    cost_currency: Currency | None = None
    cost_basis: CostBasis | None = None


class RateRecord(_Record):
    """An exchange rate the user entered: yuan per unit of EUR or USD, as of a day (version 4)."""

    currency: Literal["EUR", "USD"]
    cny_per_unit: Annotated[float, Field(gt=0, le=1e6, allow_inf_nan=False)]
    as_of: Day


class AssignmentRecord(_Record):
    """A dimension or question given to a colleague (format version 2 on)."""

    scope: AssignmentScope
    code: Code
    assignee: Assignee
    assigned_by: Text = ""
    assigned_at: Moment


class SnapshotAnswer(_Record):
    """An answer as it stood when a milestone was saved."""

    item_id: Code
    market: MarketCode | None
    value: AnswerValue


class MilestoneRecord(_Record):
    """A saved snapshot."""

    name: Name
    catalog_version: Name
    created_at: Moment
    answers: list[SnapshotAnswer]


class AssessmentDocument(_Record):
    """The whole exchange file."""

    format: Literal["market-entry-readiness/assessment"]
    # Version 2 added who changed each action, and assignments; version 3 the
    # catalog version of each answer; version 4 the company profile the plan reads,
    # each action's own figures, the budget currency and exchange rates; version 5
    # the attractiveness weights and custom markets' Chinese names. Older files are
    # read as they are.
    format_version: Literal[1, 2, 3, 4, 5, 6, 7]
    company: CompanyRecord
    assessment: AssessmentRecord
    markets: list[MarketRecord]
    answers: list[AnswerRecord]
    actions: list[ActionRecord] = []
    milestones: list[MilestoneRecord] = []
    assignments: list[AssignmentRecord] = []
    rates: list[RateRecord] = []

    @model_validator(mode="after")
    def _answers_default_to_the_assessments_version(self) -> AssessmentDocument:
        # An older file (or an answer without it) was given against the assessment's version.
        for answer in self.answers:
            if answer.catalog_version is None:
                answer.catalog_version = self.assessment.catalog_version
        return self
