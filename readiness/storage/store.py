"""The assessment store: where answers live, and why none is ever lost.

The embedded default is one SQLite file in the user's data folder; a team
shares a server database. Every write is its own short transaction that
commits before it returns. The store hands out the domain's plain records
(:mod:`readiness.domain.records`), never table rows; opening a store is
:func:`readiness.storage.opening.open_store`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock
from sqlalchemy import Engine, func, update
from sqlmodel import Session, col, select

from readiness.domain.records import (
    AssessmentSnapshot,
    AssessmentSummary,
    MarketChoice,
    SavedAssessment,
    SavedAssignment,
    SavedCompany,
    SavedMarket,
    SavedMilestone,
)
from readiness.domain.text import NAME
from readiness.storage.answers import AnswersAndActions, actions_of, answers_of
from readiness.storage.assignments import Assignments
from readiness.storage.companies import CompanyRegister
from readiness.storage.copying import insert_snapshot
from readiness.storage.database import Database, get_row, row_id, touch
from readiness.storage.errors import StoreError, refuse_implausible_date
from readiness.storage.history import History
from readiness.storage.location import sqlite_path
from readiness.storage.managing import AssessmentManagement, earlier_milestones
from readiness.storage.market_data import MarketData, imported_facts_of
from readiness.storage.plan_settings import PlanSettings, rates_of
from readiness.storage.refusals import (
    refuse_bad_profile,
    refuse_bad_snapshot,
    refuse_bad_text,
)
from readiness.storage.tables import (
    Answer,
    Assessment,
    Company,
    DatabaseIdentity,
    Milestone,
    TargetMarket,
    utc_now,
)


class Store(
    AnswersAndActions,
    PlanSettings,
    MarketData,
    AssessmentManagement,
    History,
    CompanyRegister,
    Assignments,
):
    """Access to one assessment database. Each write commits before it returns."""

    def __init__(
        self,
        engine: Engine,
        *,
        location: str,
        read_only: bool = False,
        lock: FileLock | None = None,
        user: str | None = None,
        warnings: Sequence[str] = (),
    ) -> None:
        super().__init__(Database(engine, location=location, read_only=read_only, user=user))
        self._lock = lock
        # What went wrong while opening without stopping it (a backup that could not
        # be taken), for the caller to tell the user once.
        self.warnings = tuple(warnings)
        self._identity: str | None = None

    @property
    def identity(self) -> str:
        """The database's own random name, made when it was created (a backup keeps it)."""
        if self._identity is None:
            with self.database.reading() as session:
                row = session.get(DatabaseIdentity, 1)
            if row is None:
                raise StoreError(f"{self.location} has lost its identity row; restore a backup.")
            self._identity = row.identity
        return self._identity

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for checks and tests that look underneath)."""
        return self.database.engine

    @property
    def location(self) -> str:
        """The file path or server address, safe to show (no password in it)."""
        return self.database.location

    @property
    def read_only(self) -> bool:
        """Whether writes are refused."""
        return self.database.read_only

    @property
    def user(self) -> str:
        """The name recorded on every change."""
        return self.database.user

    @user.setter
    def user(self, name: str) -> None:
        self.database.user = name

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return sqlite_path(self.location)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self.database.closed

    def close(self) -> None:
        """Release the engine and the write lock; the store cannot be used afterwards."""
        self.database.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def reading_together(self) -> Iterator[None]:
        """Run the reads inside on one connection (see :meth:`Database.reading_together`)."""
        with self.database.reading_together():
            yield

    # --- companies and assessments -------------------------------------------------

    def create_company(
        self,
        name: str,
        *,
        industry_segment: str = "",
        products: str = "",
        home_province: str = "",
        notes: str = "",
    ) -> SavedCompany:
        """Add a company with its profile.

        Raises:
            RefusedValueError: a field breaks the text policy; nothing was saved.
        """
        company = Company(
            name=refuse_bad_text(name, "company name", NAME),
            industry_segment=refuse_bad_text(industry_segment, "industry segment"),
            products=refuse_bad_text(products, "products"),
            home_province=refuse_bad_text(home_province, "home province"),
            notes=refuse_bad_text(notes, "notes"),
        )
        with self.database.writing() as session:
            session.add(company)
        return company.saved()

    def update_company(self, company_id: int, **profile: object) -> SavedCompany:
        """Change a company's profile fields; fields not given keep their value.

        Text fields (``name``, ``industry_segment``, ``products``,
        ``home_province``, ``notes``, ``other_certificates``) take a string;
        ``employees`` a headcount or None (not known); ``export_channels``,
        ``product_types`` and ``certificates`` a list of their vocabulary's values
        (``readiness.content.model``), saved once each in the given order.

        Raises:
            RefusedValueError: a field is unknown or its value is refused; nothing was saved.
        """
        checked = refuse_bad_profile(profile)
        with self.database.writing() as session:
            company = get_row(session, Company, company_id)
            for key, value in checked.items():
                setattr(company, key, value)
            session.add(company)
            # Colleagues with one of its assessments open see the new profile.
            table = Assessment.__table__  # type: ignore[attr-defined]
            session.execute(
                update(table)
                .where(table.c.company_id == company_id)
                .values(revision=table.c.revision + 1)
            )
        return company.saved()

    def create_assessment(
        self,
        company_id: int,
        title: str,
        catalog_version: str,
        markets: Sequence[MarketChoice] = (),
    ) -> SavedAssessment:
        """Add an assessment with its target markets, in one transaction."""
        title = refuse_bad_text(title, "assessment title", NAME)
        catalog_version = refuse_bad_text(catalog_version, "catalog version", NAME)
        with self.database.writing() as session:
            get_row(session, Company, company_id)
            assessment = Assessment(
                company_id=company_id, title=title, catalog_version=catalog_version
            )
            session.add(assessment)
            session.flush()
            for position, market in enumerate(markets):
                session.add(TargetMarket.from_choice(market, row_id(assessment), position))
        return assessment.saved()

    def import_assessment(
        self,
        snapshot: AssessmentSnapshot,
        assignments: Sequence[SavedAssignment] = (),
        *,
        company_id: int | None = None,
        update_profile: bool = True,
    ) -> int:
        """Write a whole assessment, with its company, as a new one, in one transaction.

        The records are written as they are (times, authors, versions) except
        their ids: the rows get new ones. With ``company_id`` it joins that
        registered company (whose profile takes the snapshot's when
        ``update_profile``). Returns the new assessment's id. Either everything
        is written or nothing.
        """
        refuse_bad_snapshot(snapshot, assignments)
        with self.database.writing() as session:
            return insert_snapshot(
                session,
                snapshot,
                assignments,
                location=self.location,
                company_id=company_id,
                update_profile=update_profile,
            )

    def set_catalog_version(self, assessment_id: int, catalog_version: str) -> SavedAssessment:
        """Record that the assessment was brought up to ``catalog_version`` of the content.

        Only the assessment's own version changes: every answer keeps the version
        it was given against, so a question changed since stays marked for review.
        """
        catalog_version = refuse_bad_text(catalog_version, "catalog version", NAME)
        with self.database.writing() as session:
            assessment = get_row(session, Assessment, assessment_id)
            assessment.catalog_version = catalog_version
            # A colleague with it open sees the change; its status is left alone.
            assessment.revision += 1
            assessment.updated_at = utc_now()
            session.add(assessment)
            session.flush()
            saved = assessment.saved()
        return saved

    def company(self, company_id: int) -> SavedCompany:
        """The company with this id."""
        with self.database.reading() as session:
            return get_row(session, Company, company_id).saved()

    def assessment(self, assessment_id: int) -> SavedAssessment:
        """The assessment with this id."""
        with self.database.reading() as session:
            return get_row(session, Assessment, assessment_id).saved()

    def snapshot(self, assessment_id: int) -> AssessmentSnapshot:
        """Everything a result is computed from, read on one connection."""
        with self.database.reading_together(), self.database.reading() as session:
            assessment = get_row(session, Assessment, assessment_id)
            return AssessmentSnapshot(
                company=get_row(session, Company, assessment.company_id).saved(),
                assessment=assessment.saved(),
                markets=tuple(m.saved() for m in _markets(session, assessment_id)),
                answers=tuple(answers_of(session, assessment_id)),
                actions=tuple(actions_of(session, assessment_id)),
                milestones=tuple(_milestones(session, assessment_id)),
                rates=tuple(rates_of(session, assessment_id)),
                facts=tuple(imported_facts_of(session)),
                earlier=tuple(earlier_milestones(session, assessment_id)),
            )

    def list_assessments(self) -> list[AssessmentSummary]:
        """Every assessment, newest change first."""
        with self.database.reading() as session:
            rows = session.exec(
                select(Assessment, Company)
                .join(Company, col(Company.id) == col(Assessment.company_id))
                .order_by(col(Assessment.updated_at).desc(), col(Assessment.id).desc())
            ).all()
            counts = dict(
                session.exec(
                    select(Answer.assessment_id, func.count()).group_by(col(Answer.assessment_id))
                ).all()
            )
            # Every assessment's markets in one query, not one query per assessment.
            targeted: dict[int, list[str]] = {}
            for assessment_id, code in session.exec(
                select(TargetMarket.assessment_id, TargetMarket.market_code).order_by(
                    col(TargetMarket.assessment_id),
                    col(TargetMarket.position),
                    col(TargetMarket.id),
                )
            ).all():
                targeted.setdefault(assessment_id, []).append(code)
            summaries = []
            for assessment, company in rows:
                key = row_id(assessment)
                codes = tuple(targeted.get(key, ()))
                summaries.append(
                    AssessmentSummary(
                        id=key,
                        company_id=assessment.company_id,
                        company=company.name,
                        title=assessment.title,
                        status=assessment.status,
                        markets=codes,
                        answers=int(counts.get(key, 0)),
                        updated_at=assessment.updated_at,
                        previous_id=assessment.previous_id,
                        company_archived=company.archived_at is not None,
                    )
                )
            return summaries

    def revision(self, assessment_id: int) -> int:
        """A number that grows with every change to the assessment (cheap to poll)."""
        table = Assessment.__table__  # type: ignore[attr-defined]
        with self.database.reading() as session:
            found = (
                session.connection()
                .execute(select(table.c.revision).where(table.c.id == assessment_id))
                .first()
            )
        if found is None:
            raise StoreError(f"no assessment with id {assessment_id} in this database")
        return int(found[0])

    # --- target markets -------------------------------------------------------------

    def markets(self, assessment_id: int) -> list[SavedMarket]:
        """The assessment's target markets, in the user's order."""
        with self.database.reading() as session:
            get_row(session, Assessment, assessment_id)
            return [m.saved() for m in _markets(session, assessment_id)]

    def add_market(self, assessment_id: int, market: MarketChoice) -> SavedMarket:
        """Add one target market at the end of the list."""
        with self.database.writing() as session:
            get_row(session, Assessment, assessment_id)
            position = len(_markets(session, assessment_id))
            row = TargetMarket.from_choice(market, assessment_id, position)
            session.add(row)
            touch(session, assessment_id)
        return row.saved()

    def set_planned_entry(self, assessment_id: int, code: str, when: dt.date | None) -> None:
        """Set or clear the planned entry date of one target market."""
        with self.database.writing() as session:
            market = session.exec(
                select(TargetMarket).where(
                    TargetMarket.assessment_id == assessment_id,
                    TargetMarket.market_code == code,
                )
            ).first()
            if market is None:
                raise StoreError(f"assessment {assessment_id} has no target market {code}")
            market.planned_entry = refuse_implausible_date(when, "planned entry date")
            session.add(market)
            touch(session, assessment_id)

    # --- milestones -------------------------------------------------------------------

    def save_milestone(self, assessment_id: int, name: str) -> SavedMilestone:
        """Snapshot every current answer under a name, such as "Q1 review"."""
        name = refuse_bad_text(name, "milestone name", NAME)
        with self.database.writing() as session:
            assessment = get_row(session, Assessment, assessment_id)
            answers = session.exec(
                select(Answer).where(Answer.assessment_id == assessment_id)
            ).all()
            milestone = Milestone(
                assessment_id=assessment_id,
                name=name,
                catalog_version=assessment.catalog_version,
                answers=[
                    {"item_id": a.item_id, "market_code": a.market_code, "value": a.value}
                    for a in sorted(answers, key=lambda a: (a.item_id, a.market_code))
                ],
            )
            session.add(milestone)
            touch(session, assessment_id)
        return milestone.saved()

    def milestones(self, assessment_id: int) -> list[SavedMilestone]:
        """The assessment's milestones, oldest first."""
        with self.database.reading() as session:
            return _milestones(session, assessment_id)

    # --- health -----------------------------------------------------------------------

    def check(self) -> list[str]:
        """Integrity and foreign-key problems; an empty list means healthy."""
        problems: list[str] = []
        with self.engine.connect() as connection:
            if connection.dialect.name != "sqlite":
                return problems
            integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                problems.extend(f"integrity: {line}" for line in integrity)
            for row in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: table {row[0]} row {row[1]} -> {row[2]}")
        return problems


def _markets(session: Session, assessment_id: int) -> list[TargetMarket]:
    return list(
        session.exec(
            select(TargetMarket)
            .where(TargetMarket.assessment_id == assessment_id)
            .order_by(col(TargetMarket.position), col(TargetMarket.id))
        ).all()
    )


def _milestones(session: Session, assessment_id: int) -> list[SavedMilestone]:
    rows = session.exec(
        select(Milestone)
        .where(Milestone.assessment_id == assessment_id)
        .order_by(col(Milestone.created_at), col(Milestone.id))
    ).all()
    return [row.saved() for row in rows]
