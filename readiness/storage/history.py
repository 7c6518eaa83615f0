"""Reading the history of answers and actions, and the few touches the store adds to it.

The entries themselves are written by the database (triggers made by the 0009
migration on ``answer`` and ``action``), in the transaction of the change, so
no write path can forget them. A cleared row's trigger cannot know who cleared
it; the store names them in the same transaction (:func:`name_clearer`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, func, insert, select, update
from sqlmodel import Session

from readiness.domain.history import HistoryChange, HistoryEntry, HistoryRecord
from readiness.domain.records import COMPANY_SCOPE
from readiness.storage.database import Database, get_row
from readiness.storage.tables import AnswerHistory, Assessment

# A question's history is short; a bound keeps a pathological one from flooding a view.
MAX_ENTRIES = 1000


class History:
    """The history of the answers and actions of a database's assessments."""

    database: Database

    def history(
        self,
        assessment_id: int,
        item_id: str,
        market_code: str | None,
        record: HistoryRecord = HistoryRecord.ANSWER,
    ) -> list[HistoryEntry]:
        """Every change of one answer (or action), newest first.

        Raises:
            StoreError: there is no such assessment.
        """
        table = AnswerHistory.__table__  # type: ignore[attr-defined]
        with self.database.reading() as session:
            get_row(session, Assessment, assessment_id)
            rows = session.connection().execute(
                table.select()
                .where(
                    table.c.assessment_id == assessment_id,
                    table.c.record == record.value,
                    table.c.item_id == item_id,
                    table.c.market_code == (market_code or COMPANY_SCOPE),
                )
                .order_by(table.c.id.desc())
                .limit(MAX_ENTRIES)
            )
            return [_entry(row._mapping) for row in rows]

    def history_count(self, assessment_id: int) -> int:
        """How many changes the assessment's history holds (answers and actions)."""
        table = AnswerHistory.__table__  # type: ignore[attr-defined]
        with self.database.reading() as session:
            found = session.connection().execute(
                select(func.count()).where(table.c.assessment_id == assessment_id)
            )
            return int(found.scalar_one())


def name_clearer(
    connection: Connection,
    assessment_id: int,
    record: HistoryRecord,
    item_id: str,
    scope: str,
    user: str,
    when: dt.datetime,
) -> None:
    """Put who cleared a row, and when, on the entry its trigger just wrote."""
    table = AnswerHistory.__table__  # type: ignore[attr-defined]
    latest = (
        select(func.max(table.c.id))
        .where(
            table.c.assessment_id == assessment_id,
            table.c.record == record.value,
            table.c.item_id == item_id,
            table.c.market_code == scope,
            table.c.change == HistoryChange.CLEARED.value,
        )
        .scalar_subquery()
    )
    connection.execute(
        update(table).where(table.c.id == latest).values(changed_by=user, changed_at=when)
    )


def kept_history(session: Session, assessment_id: int) -> list[dict[str, Any]]:
    """Every history row of an assessment as plain values, oldest first (to put back
    after the assessment is replaced in place)."""
    table = AnswerHistory.__table__  # type: ignore[attr-defined]
    rows = session.connection().execute(
        table.select().where(table.c.assessment_id == assessment_id).order_by(table.c.id)
    )
    return [dict(row._mapping) for row in rows]


def put_back_history(session: Session, rows: list[dict[str, Any]]) -> None:
    """Write back history rows kept by :func:`kept_history`, with their own ids.

    Ids are never reused, so the rows keep their place before the entries the
    replacement itself wrote.
    """
    if rows:
        table = AnswerHistory.__table__  # type: ignore[attr-defined]
        session.connection().execute(insert(table), rows)


def _entry(row: Any) -> HistoryEntry:
    market = row["market_code"]
    return HistoryEntry(
        id=int(row["id"]),
        assessment_id=int(row["assessment_id"]),
        record=HistoryRecord(row["record"]),
        item_id=row["item_id"],
        market_code=market if market != COMPANY_SCOPE else None,
        change=HistoryChange(row["change"]),
        changed_at=row["changed_at"],
        changed_by=row["changed_by"],
        version=int(row["version"]),
        before=_state(row["before"]),
        after=_state(row["after"]),
    )


def _state(found: object) -> dict[str, Any] | None:
    # A hand-edited row that is not a mapping reads as no state rather than failing the list.
    return dict(found) if isinstance(found, dict) else None
