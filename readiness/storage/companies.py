"""The register of member firms: listing, finding by exchange identity, archiving,
merging and deleting companies.

A company keeps one exchange identity wherever it travels, so an import or a copy
of a firm already registered joins it instead of registering it twice.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, update
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from readiness.domain.records import SavedCompany
from readiness.domain.register import RegisteredCompany
from readiness.storage.database import Database, get_row
from readiness.storage.errors import StoreError
from readiness.storage.tables import Assessment, Company, utc_now


class CompanyRegister:
    """The companies of a database, as a register."""

    database: Database

    def companies(self, *, archived: bool | None = False) -> list[RegisteredCompany]:
        """The companies by name: in use (``archived`` False), archived (True) or all (None)."""
        with self.database.reading() as session:
            query = select(Company).order_by(col(Company.name), col(Company.id))
            if archived is not None:
                kept = col(Company.archived_at)
                query = query.where(kept.is_not(None) if archived else kept.is_(None))
            counts = dict(
                session.exec(
                    select(Assessment.company_id, func.count()).group_by(col(Assessment.company_id))
                ).all()
            )
            return [
                RegisteredCompany(row.saved(), int(counts.get(row.id or 0, 0)))
                for row in session.exec(query).all()
            ]

    def company_with_exchange_id(self, exchange_id: str) -> SavedCompany | None:
        """The company of this exchange identity, if it is registered here."""
        if not exchange_id:
            return None
        with self.database.reading() as session:
            row = session.exec(
                select(Company).where(Company.exchange_id == exchange_id).order_by(col(Company.id))
            ).first()
            return row.saved() if row is not None else None

    def may_change_register(self) -> bool:
        """Whether this login may archive, merge or delete companies (on a team server, its
        administrators only)."""
        with self.database.engine.connect() as connection:
            return _may_change_register(connection)

    def set_company_archived(self, company_id: int, archived: bool) -> SavedCompany:
        """Archive a firm (it leaves the default lists and the portfolio), or bring it back."""
        with self.database.writing() as session:
            _refuse_unless_administrator(session)
            company = get_row(session, Company, company_id)
            company.archived_at = utc_now() if archived else None
            session.add(company)
            _touch_company(session, company_id)
            session.flush()
            return company.saved()

    def merge_companies(self, into_id: int, from_id: int) -> int:
        """Move every assessment of company ``from_id`` to ``into_id`` and remove
        ``from_id``, in one transaction; return how many assessments moved.

        Raises:
            StoreError: the two are the same company, or either is not there;
                nothing was changed.
        """
        if into_id == from_id:
            raise StoreError(
                f"company {into_id} cannot be merged into itself; name two different "
                "companies. Nothing was changed."
            )
        with self.database.writing() as session:
            _refuse_unless_administrator(session)
            get_row(session, Company, into_id)
            get_row(session, Company, from_id)
            table = Assessment.__table__  # type: ignore[attr-defined]
            moved = session.exec(select(func.count()).where(Assessment.company_id == from_id)).one()
            session.execute(
                update(table)
                .where(table.c.company_id == from_id)
                .values(company_id=into_id, revision=table.c.revision + 1)
            )
            session.execute(delete(Company).where(col(Company.id) == from_id))
        return int(moved)

    def delete_company(self, company_id: int) -> SavedCompany:
        """Delete a company with all its assessments, answers and history.

        Raises:
            StoreError: there is no such company; nothing was deleted.
        """
        with self.database.writing() as session:
            _refuse_unless_administrator(session)
            company = get_row(session, Company, company_id).saved()
            session.execute(delete(Company).where(col(Company.id) == company_id))
        return company


def _touch_company(session: Session, company_id: int) -> None:
    # Colleagues with one of its assessments open see the change.
    table = Assessment.__table__  # type: ignore[attr-defined]
    session.execute(
        update(table).where(table.c.company_id == company_id).values(revision=table.c.revision + 1)
    )


def _may_change_register(connection: Connection) -> bool:
    """On a team server only its administrators archive, merge or delete member firms;
    a file, or a server without a team, has no one else to ask."""
    if connection.dialect.name == "sqlite":
        return True
    try:
        with connection.begin_nested():
            return bool(connection.exec_driver_sql("SELECT readiness_is_admin()").scalar())
    except DBAPIError:
        return True  # no team set up on this server


def _refuse_unless_administrator(session: Session) -> None:
    if not _may_change_register(session.connection()):
        raise StoreError(
            "only the team's administrators archive, merge or delete member firms; ask one "
            "of them. Nothing was changed."
        )
