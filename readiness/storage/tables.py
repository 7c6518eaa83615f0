"""Tables of the assessment store (SQLModel).

Timestamps are timezone-aware UTC. Rows stay inside the storage package: each
table turns its row into the domain's plain record (``saved()``) before the
store hands it out. A company-scope answer or action has
``market_code == ""`` in the table (an empty code instead of NULL, so that the
unique constraint also holds for company-scope rows); the store's functions
take and return ``None`` for it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from readiness.content.facts import FactSource, MarketFact
from readiness.domain.attractiveness import Factor
from readiness.domain.records import (
    COMPANY_SCOPE,
    MarketChoice,
    SavedAction,
    SavedAssessment,
    SavedAssignment,
    SavedCompany,
    SavedMarket,
    SavedMilestone,
    SavedRate,
)
from readiness.domain.statuses import ActionStatus, AssessmentStatus
from readiness.storage.errors import refuse_implausible_date
from readiness.storage.refusals import refuse_bad_choice


def utc_now() -> dt.datetime:
    """The current time, timezone-aware UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores aware datetimes as UTC and gives them back aware (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC time")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _timestamp() -> Any:
    return Field(default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=False))


def _string_list() -> Any:
    return Field(default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]"))


class Company(SQLModel, table=True):
    """The firm being assessed."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(min_length=1)
    industry_segment: str = ""
    products: str = ""
    home_province: str = ""
    notes: str = ""
    created_at: dt.datetime = _timestamp()
    # The profile the plan reads (revision 0005): headcount, export channels
    # today, product types and certificates held (values of the enums in
    # readiness.content.model), and other certificates in the user's words.
    employees: int | None = None
    export_channels: list[str] = _string_list()
    product_types: list[str] = _string_list()
    certificates: list[str] = _string_list()
    other_certificates: str = ""
    # Who this company is wherever it travels (revision 0009): an exchange file
    # carries it, so a copy or an import of the same firm updates it instead of
    # registering it twice. Archived firms (revision 0009) leave the default lists.
    exchange_id: str = Field(default_factory=lambda: uuid.uuid4().hex, index=True)
    archived_at: dt.datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )

    def saved(self) -> SavedCompany:
        """The company as the domain sees it."""
        fields = self.model_dump()
        for key in ("export_channels", "product_types", "certificates"):
            fields[key] = tuple(fields[key] or ())
        return SavedCompany(**fields)


class Assessment(SQLModel, table=True):
    """One readiness assessment of a company against its target markets."""

    __table_args__ = (
        CheckConstraint(
            "status IN ('draft', 'in_progress', 'complete', 'archived')",
            name="assessment_status",
        ),
        CheckConstraint(
            "budget_currency IN ('CNY', 'EUR', 'USD')", name="assessment_budget_currency"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True, ondelete="CASCADE")
    title: str = Field(min_length=1)
    catalog_version: str
    status: str = AssessmentStatus.DRAFT.value
    created_at: dt.datetime = _timestamp()
    updated_at: dt.datetime = _timestamp()
    # Bumped by every change to the assessment or its answers, actions and
    # assignments, in the same transaction: an open app polls this one number to
    # learn that a colleague changed something.
    revision: int = 0
    # The currency the plan's budget is totalled in (revision 0005).
    budget_currency: str = "CNY"
    # The user's attractiveness weights, factor -> points (revision 0006); empty: the defaults.
    attractiveness_weights: dict[str, float] = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, server_default="{}")
    )
    # The assessment this one re-assesses (revision 0007): its trend carries on from
    # there. Deleting the earlier one leaves this one standing on its own.
    previous_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer,
            ForeignKey("assessment.id", ondelete="SET NULL", name="fk_assessment_previous_id"),
            nullable=True,
        ),
    )
    # Who this assessment is wherever it travels (revision 0007): an exchange file
    # carries it, so importing the same assessment again is recognised.
    exchange_id: str = Field(default_factory=lambda: uuid.uuid4().hex, index=True)

    def saved(self) -> SavedAssessment:
        """The assessment's header as the domain sees it."""
        fields = self.model_dump()
        fields["attractiveness_weights"] = weight_pairs(fields["attractiveness_weights"])
        return SavedAssessment(**fields)


def weight_pairs(weights: object) -> tuple[tuple[str, float], ...]:
    """Saved weights as the record holds them: (factor, weight) pairs in the factors' order.

    Anything but a mapping of names to numbers (a hand-edited row) reads as no weights.
    """
    if not isinstance(weights, dict):
        return ()
    order = {factor.value: position for position, factor in enumerate(Factor)}
    pairs = [
        (str(name), float(value))
        for name, value in weights.items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    ]
    return tuple(sorted(pairs, key=lambda pair: (order.get(pair[0], len(order)), pair[0])))


class TargetMarket(SQLModel, table=True):
    """A market the company considers entering; custom ones carry their own name and region."""

    __table_args__ = (UniqueConstraint("assessment_id", "market_code"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    market_code: str = Field(min_length=2)
    custom_name: str | None = None
    custom_region: str | None = None
    planned_entry: dt.date | None = None
    position: int = 0
    # A custom market's Chinese name (revision 0006); None for catalog markets.
    custom_name_zh: str | None = None

    @classmethod
    def from_choice(cls, choice: MarketChoice, assessment_id: int, position: int) -> TargetMarket:
        """The row for a market the user chose to add."""
        return cls(
            assessment_id=assessment_id,
            market_code=refuse_bad_choice(choice).code,
            custom_name=choice.custom_name,
            custom_region=choice.custom_region,
            planned_entry=refuse_implausible_date(choice.planned_entry, "planned entry date"),
            position=position,
            custom_name_zh=choice.custom_name_zh,
        )

    def saved(self) -> SavedMarket:
        """The target market as the domain sees it."""
        return SavedMarket(**self.model_dump())


class Answer(SQLModel, table=True):
    """The answer to one question, for the company or for one target market."""

    __table_args__ = (
        UniqueConstraint("assessment_id", "item_id", "market_code"),
        CheckConstraint("value IN ('0', '1', '2', '3', '4', 'na', 'unknown')", name="answer_value"),
    )

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    item_id: str
    market_code: str = COMPANY_SCOPE
    value: str
    note: str = ""
    evidence: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: dt.datetime = _timestamp()
    updated_by: str = ""
    # Optimistic concurrency: a writer states the version it saw, and a change
    # made meanwhile by someone else is a conflict instead of a silent overwrite.
    version: int = 1
    # The catalog version the answer was given against (revision 0004): an answer
    # to a question that changed since is shown for review until answered again.
    # Last, so that a row reads straight into a SavedAnswer.
    catalog_version: str | None = None


class Action(SQLModel, table=True):
    """Follow-up on one gap: who does it, by when, and how far it is."""

    __table_args__ = (
        UniqueConstraint("assessment_id", "item_id", "market_code"),
        CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'dropped')", name="action_status"
        ),
        CheckConstraint(
            "cost_currency IS NULL OR cost_currency IN ('CNY', 'EUR', 'USD')",
            name="action_cost_currency",
        ),
        CheckConstraint(
            "cost_basis IS NULL OR cost_basis IN ('one_off', 'yearly')", name="action_cost_basis"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    item_id: str
    market_code: str = COMPANY_SCOPE
    owner: str = ""
    due_date: dt.date | None = None
    status: str = ActionStatus.OPEN.value
    note: str = ""
    updated_at: dt.datetime = _timestamp()
    updated_by: str = ""
    version: int = 1
    # The user's own figures for the plan (revision 0005); None: the plan's own.
    start_date: dt.date | None = None
    effort_min: float | None = None
    effort_max: float | None = None
    cost_min: int | None = None
    cost_max: int | None = None
    cost_currency: str | None = None
    cost_basis: str | None = None

    def saved(self) -> SavedAction:
        """The action as the domain sees it."""
        return SavedAction(**self.model_dump())


class Assignment(SQLModel, table=True):
    """A dimension or a question given to a colleague to answer."""

    __table_args__ = (
        UniqueConstraint("assessment_id", "scope", "code"),
        CheckConstraint("scope IN ('dimension', 'item')", name="assignment_scope"),
    )

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    scope: str
    code: str = Field(min_length=1)
    assignee: str = Field(min_length=1)
    assigned_by: str = ""
    assigned_at: dt.datetime = _timestamp()

    def saved(self) -> SavedAssignment:
        """The assignment as the domain sees it."""
        return SavedAssignment(**self.model_dump())


class Milestone(SQLModel, table=True):
    """A saved snapshot of all answers, so a later re-assessment can show the trend."""

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    name: str = Field(min_length=1)
    catalog_version: str
    created_at: dt.datetime = _timestamp()
    # [{"item_id", "market_code", "value"}, ...] as they stood when saved.
    answers: list[dict[str, str]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )

    def saved(self) -> SavedMilestone:
        """The milestone as the domain sees it."""
        return SavedMilestone(**self.model_dump())


class ExchangeRate(SQLModel, table=True):
    """A dated rate the user entered for an assessment's budget: CNY per unit of a currency."""

    __tablename__ = "exchange_rate"
    __table_args__ = (
        UniqueConstraint("assessment_id", "currency"),
        CheckConstraint("currency IN ('EUR', 'USD')", name="exchange_rate_currency"),
        CheckConstraint("cny_per_unit > 0", name="exchange_rate_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    currency: str
    cny_per_unit: float
    as_of: dt.date

    def saved(self) -> SavedRate:
        """The rate as the domain sees it."""
        return SavedRate(currency=self.currency, cny_per_unit=self.cny_per_unit, as_of=self.as_of)


class MarketFactRow(SQLModel, table=True):
    """A market fact the user imported (revision 0006): it refreshes or adds to the bundled ones.

    Not per assessment: every assessment in the database sees the same facts.
    """

    __tablename__ = "market_fact"
    __table_args__ = (UniqueConstraint("market", "fact", "qualifier"),)

    id: int | None = Field(default=None, primary_key=True)
    market: str = Field(min_length=2)
    fact: str
    qualifier: str = ""
    qualifier_zh: str = Field(default="", sa_column_kwargs={"server_default": ""})  # revision 0010
    value: str
    unit: str
    source_title: str
    source_publisher: str
    source_reference: str = ""
    as_of: dt.date
    note: str = ""
    imported_at: dt.datetime = _timestamp()

    @classmethod
    def of(cls, fact: MarketFact) -> MarketFactRow:
        """The row that keeps one imported fact."""
        return cls(
            market=fact.market,
            fact=fact.fact.value,
            qualifier=fact.qualifier,
            qualifier_zh=fact.qualifier_zh,
            value=fact.value,
            unit=fact.unit,
            source_title=fact.source.title,
            source_publisher=fact.source.publisher,
            source_reference=fact.source.reference,
            as_of=fact.as_of,
            note=fact.note,
        )

    def saved(self) -> MarketFact | None:
        """The fact as the domain sees it, or None when this version cannot read it
        (a fact a newer version knows)."""
        try:
            return MarketFact(
                market=self.market,
                fact=self.fact,
                qualifier=self.qualifier,
                qualifier_zh=self.qualifier_zh,
                value=self.value,
                unit=self.unit,
                source=FactSource(
                    title=self.source_title,
                    publisher=self.source_publisher,
                    reference=self.source_reference,
                ),
                as_of=self.as_of,
                note=self.note,
                imported=True,
            )
        except ValidationError:
            return None


class DatabaseIdentity(SQLModel, table=True):
    """The database's own random name, made when it is created.

    Files kept outside the database (attached evidence) live in a folder named
    by it, so two databases in one folder never share them; a backup or a
    restored backup is the same database and keeps it.
    """

    id: int = Field(default=1, primary_key=True)
    identity: str = Field(min_length=32, max_length=32)


class TeamMember(SQLModel, table=True):
    """A member of the team on a server (revision 0008): their login, the name shown on
    their changes, and their role. Empty on an SQLite file, which has one user."""

    __tablename__ = "team_member"
    __table_args__ = (
        CheckConstraint("role IN ('admin', 'consultant', 'firm')", name="team_member_role"),
    )

    login: str = Field(primary_key=True, min_length=1)
    display_name: str = ""
    role: str
    # A firm user's own company; None for administrators and consultants.
    company_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("company.id", ondelete="SET NULL", name="fk_team_member_company")
        ),
    )


class CompanyAccess(SQLModel, table=True):
    """Which login may see which company on a server (revision 0008).

    The reference to the company is checked at commit, so that creating a company
    can record its creator's access in the same statement.
    """

    __tablename__ = "company_access"

    login: str = Field(primary_key=True, min_length=1)
    company_id: int = Field(
        sa_column=Column(
            Integer,
            ForeignKey(
                "company.id",
                ondelete="CASCADE",
                name="fk_company_access_company",
                deferrable=True,
                initially="DEFERRED",
            ),
            primary_key=True,
        )
    )


class AnswerHistory(SQLModel, table=True):
    """One change of an answer or an action (revision 0009), kept for good.

    Written by database triggers on ``answer`` and ``action`` (see the 0009
    migration), so every write path records it in the change's own transaction.
    ``before``/``after`` hold the row's state (an answer's value, note and
    evidence; an action's owner, dates, status, note and figures); ``before`` is
    NULL for a row created, ``after`` for a row cleared.
    """

    __tablename__ = "answer_history"
    __table_args__ = (
        CheckConstraint("record IN ('answer', 'action')", name="answer_history_record"),
        CheckConstraint("change IN ('set', 'cleared')", name="answer_history_change"),
        Index("ix_answer_history_item", "assessment_id", "record", "item_id", "market_code"),
        # Ids are never reused (SQLite's AUTOINCREMENT): their order is the changes' order.
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    record: str
    item_id: str
    market_code: str = COMPANY_SCOPE
    change: str
    changed_at: dt.datetime = _timestamp()
    changed_by: str = ""
    version: int = 0
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


def table_names() -> set[str]:
    """The names of the store's tables (to tell our files from other programs')."""
    return set(SQLModel.metadata.tables)
