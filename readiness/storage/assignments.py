"""Who answers what in an assessment: dimensions and questions given to colleagues.

On a team server only the roster's members who may see the firm can be given its
questions; on a file anyone may be named.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from readiness.domain.records import SavedAssignment
from readiness.domain.statuses import AssignmentScope
from readiness.domain.text import ASSIGNEE
from readiness.storage.database import Database, touch_statement
from readiness.storage.engine import insert_for
from readiness.storage.errors import StoreError
from readiness.storage.refusals import on_roster, refuse_bad_code, refuse_bad_text
from readiness.storage.tables import Assessment, Assignment, utc_now


class Assignments:
    """Reads and writes of an assessment's assignments."""

    database: Database
    user: str

    def assign(
        self, assessment_id: int, scope: AssignmentScope, code: str, assignee: str | None
    ) -> None:
        """Give a dimension or a question to a colleague; an empty name takes it back."""
        table = Assignment.__table__  # type: ignore[attr-defined]
        where = (
            table.c.assessment_id == assessment_id,
            table.c.scope == scope.value,
            table.c.code == code,
        )
        code = refuse_bad_code(code, "assigned code")
        name = (assignee or "").strip()
        if name:
            name = refuse_bad_text(name, "assignee", ASSIGNEE)
            team = self.assignable_people(assessment_id)
            if team is not None:
                name = on_roster(name, team)
        with self.database.writing_connection() as connection:
            if not name:
                connection.execute(table.delete().where(*where))
            else:
                values = {"assignee": name, "assigned_by": self.user, "assigned_at": utc_now()}
                statement = (
                    insert_for(self.database.engine)(table)
                    .values(assessment_id=assessment_id, scope=scope.value, code=code, **values)
                    .on_conflict_do_update(
                        index_elements=["assessment_id", "scope", "code"], set_=values
                    )
                )
                try:
                    connection.execute(statement)
                except IntegrityError as error:
                    raise StoreError(
                        f"no assessment with id {assessment_id} in this database"
                    ) from error
            connection.execute(touch_statement(assessment_id, utc_now()))

    def assignable_people(self, assessment_id: int) -> list[str] | None:
        """Who may be given this assessment's questions: on a team server, the roster
        names of the members who may see its company; None where anyone may be named
        (a file, or a server without a team roster)."""
        if self.database.engine.dialect.name == "sqlite":
            return None
        from readiness.storage.roster import colleagues

        with self.database.engine.connect() as connection:
            company = connection.execute(
                select(Assessment.company_id).where(Assessment.id == assessment_id)
            ).scalar()
            team = None if company is None else colleagues(connection, company)
        return team or None

    def assignments(self, assessment_id: int) -> list[SavedAssignment]:
        """Who was given which dimension or question."""
        with self.database.reading() as session:
            rows = session.exec(
                select(Assignment)
                .where(Assignment.assessment_id == assessment_id)
                .order_by(col(Assignment.scope), col(Assignment.code))
            ).all()
            return [row.saved() for row in rows]
