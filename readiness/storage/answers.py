"""Answers and actions: the versioned rows colleagues edit at the same time.

Every write states the version the writer last saw; a change made meanwhile
by someone else is a conflict that carries their version, never a silent
overwrite. Answering is the app's hottest path, so answers are written and read
as plain rows, without the ORM.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from readiness.domain.answers import AnswerValue
from readiness.domain.history import HistoryRecord
from readiness.domain.records import COMPANY_SCOPE, PlanFigures, SavedAction, SavedAnswer
from readiness.domain.statuses import ActionStatus
from readiness.domain.text import NAME
from readiness.storage import sqlite_answers
from readiness.storage.database import Database, get_row, touch, touch_statement
from readiness.storage.engine import insert_for
from readiness.storage.errors import (
    ActionConflict,
    AnswerConflict,
    ConstraintViolated,
    StoreError,
    refuse_implausible_date,
)
from readiness.storage.history import name_clearer
from readiness.storage.refusals import (
    refuse_bad_code,
    refuse_bad_figures,
    refuse_bad_scope,
    refuse_bad_text,
    refuse_optional_text,
)
from readiness.storage.tables import Action, Answer, Assessment, utc_now


class _Refused(Exception):
    """Leaves a write transaction without committing (a conflict was found)."""


class AnswersAndActions:
    """Reads and versioned writes of the answers and actions of a database's assessments."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def set_answer(
        self,
        assessment_id: int,
        item_id: str,
        market_code: str | None,
        value: AnswerValue,
        *,
        note: str | None = None,
        evidence: Sequence[str] | None = None,
        expected_version: int | None = None,
        catalog_version: str | None = None,
    ) -> SavedAnswer:
        """Record an answer and commit before returning; ``note`` and ``evidence``
        are left as they were when None.

        ``catalog_version`` is the content version the answer is given against:
        give it whenever the user (re)answers the question; None keeps the one
        recorded (a note or a file attached changes no answer), or for a new
        answer takes the assessment's.

        ``expected_version`` is the version the writer last saw: 0 for "not
        answered yet", None to overwrite whatever is there (scripts and imports).
        Every write raises the version by one and records who and when.

        Raises:
            AnswerConflict: the answer is no longer at ``expected_version``;
                nothing was written.
            RefusedValueError: the question id, market, note or evidence breaks
                the text policy; nothing was written.
        """
        item_id = refuse_bad_code(item_id, "question id")
        market_code = refuse_bad_scope(market_code)
        note = refuse_optional_text(note, "note")
        if evidence is not None:
            evidence = [refuse_bad_text(name, "evidence") for name in evidence]
        if catalog_version is not None:
            catalog_version = refuse_bad_text(catalog_version, "catalog version", NAME)
        # One statement and one touch, no reads: answering is the app's hottest path.
        now = utc_now()
        if self.database.is_sqlite:
            self.database.check_writable()
            saved = sqlite_answers.save_answer(
                self.database,
                assessment_id,
                item_id,
                market_code or COMPANY_SCOPE,
                value,
                note=note,
                evidence=evidence,
                expected_version=expected_version,
                catalog_version=catalog_version,
                now=now,
            )
            if saved is None:
                raise self._answer_conflict(assessment_id, item_id, market_code)
            return saved
        table = Answer.__table__  # type: ignore[attr-defined]
        scope = market_code or COMPANY_SCOPE
        changed: dict[str, Any] = {
            "value": value.value,
            "updated_at": now,
            "updated_by": self.database.user,
            "version": table.c.version + 1,
        }
        if note is not None:
            changed["note"] = note
        if evidence is not None:
            changed["evidence"] = list(evidence)
        if catalog_version is not None:
            changed["catalog_version"] = catalog_version
        statement: Any
        if expected_version is not None and expected_version > 0:
            statement = (
                update(table)
                .where(
                    table.c.assessment_id == assessment_id,
                    table.c.item_id == item_id,
                    table.c.market_code == scope,
                    table.c.version == expected_version,
                )
                .values(changed)
                .returning(*table.c)
            )
        else:
            insert = insert_for(self.database.engine)(table).values(
                assessment_id=assessment_id,
                item_id=item_id,
                market_code=scope,
                value=value.value,
                note=note or "",
                evidence=list(evidence or ()),
                updated_at=now,
                updated_by=self.database.user,
                version=1,
                catalog_version=(
                    catalog_version
                    if catalog_version is not None
                    else select(Assessment.catalog_version)
                    .where(Assessment.id == assessment_id)
                    .scalar_subquery()
                ),
            )
            keys = ["assessment_id", "item_id", "market_code"]
            statement = (
                insert.on_conflict_do_nothing(index_elements=keys)
                if expected_version == 0
                else insert.on_conflict_do_update(index_elements=keys, set_=changed)
            ).returning(*table.c)
        with self.database.writing_connection() as connection:
            try:
                row = connection.execute(statement).first()
            except IntegrityError as error:
                raise StoreError(
                    f"no assessment with id {assessment_id} in this database"
                ) from error
            if row is not None:
                connection.execute(touch_statement(assessment_id, now))
        if row is None:
            raise self._answer_conflict(assessment_id, item_id, market_code)
        return SavedAnswer(*row)

    def clear_answer(
        self,
        assessment_id: int,
        item_id: str,
        market_code: str | None,
        *,
        expected_version: int | None = None,
    ) -> None:
        """Remove an answer, leaving the question unanswered.

        Raises:
            AnswerConflict: someone changed the answer since ``expected_version``;
                it was left as they saved it.
        """
        table = Answer.__table__  # type: ignore[attr-defined]
        conditions = [
            table.c.assessment_id == assessment_id,
            table.c.item_id == item_id,
            table.c.market_code == (market_code or COMPANY_SCOPE),
        ]
        if expected_version is not None:
            conditions.append(table.c.version == expected_version)
        with self.database.writing_connection() as connection:
            deleted = connection.execute(
                table.delete().where(*conditions).returning(table.c.id)
            ).first()
            if deleted is not None:
                now = utc_now()
                scope = market_code or COMPANY_SCOPE
                name_clearer(
                    connection,
                    assessment_id,
                    HistoryRecord.ANSWER,
                    item_id,
                    scope,
                    self.database.user,
                    now,
                )
                connection.execute(touch_statement(assessment_id, now))
        if deleted is None and expected_version is not None:
            current = self.answer(assessment_id, item_id, market_code)
            if current is not None:
                raise _conflict_for(current)

    def answer(
        self, assessment_id: int, item_id: str, market_code: str | None
    ) -> SavedAnswer | None:
        """One answer as it stands now, or None when the question is unanswered."""
        if self.database.is_sqlite:
            with sqlite_answers.driver_connection(self.database) as driver:
                return sqlite_answers.read_answer(driver, assessment_id, item_id, market_code)
        table = Answer.__table__  # type: ignore[attr-defined]
        with self.database.reading() as session:
            row = (
                session.connection()
                .execute(
                    table.select().where(
                        table.c.assessment_id == assessment_id,
                        table.c.item_id == item_id,
                        table.c.market_code == (market_code or COMPANY_SCOPE),
                    )
                )
                .first()
            )
        return SavedAnswer(*row) if row is not None else None

    def _answer_conflict(
        self, assessment_id: int, item_id: str, market_code: str | None
    ) -> AnswerConflict:
        current = self.answer(assessment_id, item_id, market_code)
        if current is not None:
            return _conflict_for(current)
        with self.database.reading() as session:
            get_row(session, Assessment, assessment_id)  # a missing assessment is not a conflict
        where = f"{item_id} ({market_code or 'company'})"
        return AnswerConflict(
            f"The answer to {where} was cleared by someone else meanwhile; nothing was saved.",
            theirs=None,
        )

    def answers(self, assessment_id: int) -> list[SavedAnswer]:
        """Every answer of an assessment."""
        if self.database.is_sqlite:
            with sqlite_answers.driver_connection(self.database) as driver:
                found = sqlite_answers.read_answers(driver, assessment_id)
            if found is None:
                raise StoreError(f"no assessment with id {assessment_id} in this database")
            return found
        with self.database.reading() as session:
            get_row(session, Assessment, assessment_id)
            return answers_of(session, assessment_id)

    def set_action(
        self,
        assessment_id: int,
        item_id: str,
        market_code: str | None,
        *,
        owner: str | None = None,
        due_date: dt.date | None = None,
        status: ActionStatus | None = None,
        note: str | None = None,
        figures: PlanFigures | None = None,
        expected_version: int | None = None,
    ) -> SavedAction:
        """Create or update the follow-up on one gap; fields left None keep their value.

        ``market_code`` is a market code, None (company-wide) or a lowercase
        region tag (``eu``) for an action done once for that region's markets.
        ``figures``, when given, replaces the start and due dates, effort and
        cost together (each None in it: the plan's own figure); it wins over
        ``due_date``. ``expected_version`` works as for :meth:`set_answer`
        (0: no action yet).

        Raises:
            ActionConflict: someone changed the action since ``expected_version``.
            RefusedValueError: the question id, market, owner or note breaks the
                text policy, or the figures do not make sense (a negative or
                inverted range, a start after the due date, a cost without its
                currency); nothing was written.
        """
        item_id = refuse_bad_code(item_id, "question id")
        market_code = refuse_bad_scope(market_code)
        owner = refuse_optional_text(owner, "owner")
        note = refuse_optional_text(note, "note")
        if figures is not None:
            refuse_bad_figures(figures, f"the action on {item_id} ({market_code or 'company'})")
        scope = market_code or COMPANY_SCOPE
        conflict: Action | None = None
        try:
            with self.database.writing() as session:
                get_row(session, Assessment, assessment_id)
                action = session.exec(
                    select(Action)
                    .where(
                        Action.assessment_id == assessment_id,
                        Action.item_id == item_id,
                        Action.market_code == scope,
                    )
                    .with_for_update()  # a server holds the row until the commit
                ).first()
                seen = action.version if action is not None else 0
                if expected_version is not None and expected_version != seen:
                    conflict = action
                    raise _Refused
                if action is None:
                    action = Action(assessment_id=assessment_id, item_id=item_id, market_code=scope)
                else:
                    action.version += 1
                if owner is not None:
                    action.owner = owner
                if due_date is not None:
                    action.due_date = refuse_implausible_date(due_date, "due date")
                if status is not None:
                    action.status = status.value
                if note is not None:
                    action.note = note
                if figures is not None:
                    _apply(action, figures)
                action.updated_at = utc_now()
                action.updated_by = self.database.user
                session.add(action)
                touch(session, assessment_id)
        except _Refused:
            raise _action_conflict(item_id, market_code, conflict) from None
        except ConstraintViolated:
            # Two writers created the same action at once; the other one won.
            raise _action_conflict(
                item_id, market_code, self._action(assessment_id, item_id, scope)
            ) from None
        return action.saved()

    def _action(self, assessment_id: int, item_id: str, scope: str) -> Action | None:
        with self.database.reading() as session:
            return session.exec(
                select(Action).where(
                    Action.assessment_id == assessment_id,
                    Action.item_id == item_id,
                    Action.market_code == scope,
                )
            ).first()

    def evidence_in_use(self) -> set[str]:
        """Every evidence entry listed by any answer in this database, whatever assessment:
        a stored file may be deleted only when none lists it."""
        table = Answer.__table__  # type: ignore[attr-defined]
        with self.database.reading() as session:
            rows = session.connection().execute(table.select().with_only_columns(table.c.evidence))
            return {entry for (entries,) in rows for entry in entries or ()}

    def actions(self, assessment_id: int) -> list[SavedAction]:
        """Every action recorded for an assessment."""
        with self.database.reading() as session:
            return actions_of(session, assessment_id)


def answers_of(session: Session, assessment_id: int) -> list[SavedAnswer]:
    """Every answer of an assessment, read in the session's transaction."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        driver = connection.connection.dbapi_connection
        return sqlite_answers.records(
            driver.execute(sqlite_answers.SELECT_ANSWERS, (assessment_id,)).fetchall()  # type: ignore[union-attr]
        )
    table = Answer.__table__  # type: ignore[attr-defined]
    rows = session.connection().execute(
        table.select()
        .where(table.c.assessment_id == assessment_id)
        .order_by(table.c.item_id, table.c.market_code)
    )
    # Plain tuples: several times faster than ORM instances for the
    # hundreds of answers an assessment holds.
    return [SavedAnswer(*row) for row in rows]


def actions_of(session: Session, assessment_id: int) -> list[SavedAction]:
    """Every action of an assessment, read in the session's transaction."""
    rows = session.exec(
        select(Action)
        .where(Action.assessment_id == assessment_id)
        .order_by(col(Action.item_id), col(Action.market_code))
    ).all()
    return [row.saved() for row in rows]


def _apply(action: Action, figures: PlanFigures) -> None:
    action.start_date = figures.start_date
    action.due_date = figures.due_date
    action.effort_min = figures.effort_min
    action.effort_max = figures.effort_max
    action.cost_min = figures.cost_min
    action.cost_max = figures.cost_max
    action.cost_currency = figures.cost_currency
    action.cost_basis = figures.cost_basis


def _when(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def _conflict_for(current: SavedAnswer) -> AnswerConflict:
    where = f"{current.item_id} ({current.market_code or 'company'})"
    return AnswerConflict(
        f"The answer to {where} was changed by {current.updated_by or 'someone'} at "
        f"{_when(current.updated_at)} to {current.value}; nothing was saved. "
        "Keep yours or theirs?",
        theirs=current,
    )


def _action_conflict(
    item_id: str, market_code: str | None, current: Action | None
) -> ActionConflict:
    where = f"{item_id} ({market_code or 'company'})"
    if current is None:
        return ActionConflict(
            f"The action on {where} was removed meanwhile; nothing was saved.", theirs=None
        )
    return ActionConflict(
        f"The action on {where} was changed by {current.updated_by or 'someone'} at "
        f"{_when(current.updated_at)}; nothing was saved. Keep yours or theirs?",
        theirs=current.saved(),
    )
