"""Answers written and read on an SQLite file through its own driver, without SQLAlchemy.

Answering is the app's hottest path and loading an assessment reads hundreds of
answers: building and compiling SQLAlchemy statements cost three times the
write itself. On SQLite the same statements run here as plain SQL on the
engine's pooled connection, set up by the engine (WAL, ``synchronous=FULL``,
foreign keys, busy timeout), in the same one transaction per write
(``BEGIN IMMEDIATE`` ... ``COMMIT``), with the same version check. Values are
stored exactly as the ORM stores them (timestamps as SQLAlchemy's SQLite
``DATETIME`` text in UTC, evidence as a JSON list), so either path reads what
the other wrote. A server keeps the SQLAlchemy path in ``answers``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import DBAPIError

from readiness.domain.answers import AnswerValue
from readiness.domain.records import COMPANY_SCOPE, SavedAnswer
from readiness.domain.statuses import AssessmentStatus
from readiness.storage.database import Database
from readiness.storage.engine import database_error
from readiness.storage.errors import StoreError

# The record's fields in order; the timestamp is read back with its zone
# appended by SQLite, so that one C call turns it into an aware datetime.
_FIELDS = (
    "id, assessment_id, item_id, market_code, value, note, evidence, "
    "updated_at || '+00:00', updated_by, version, catalog_version"
)
SELECT_ANSWERS = (
    f"SELECT {_FIELDS} FROM answer WHERE assessment_id = ? ORDER BY item_id, market_code"
)
_SELECT_ONE = (
    f"SELECT {_FIELDS} FROM answer WHERE assessment_id = ? AND item_id = ? AND market_code = ?"
)
_INSERT = (
    "INSERT INTO answer (assessment_id, item_id, market_code, value, note, evidence, "
    "updated_at, updated_by, version, catalog_version) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, "
    "coalesce(?, (SELECT catalog_version FROM assessment WHERE id = ?))) "
    "ON CONFLICT (assessment_id, item_id, market_code) DO "
)
_KEY = "assessment_id = ? AND item_id = ? AND market_code = ?"
_TOUCH = (
    "UPDATE assessment SET updated_at = ?, revision = revision + 1, "
    f"status = CASE WHEN status = '{AssessmentStatus.DRAFT.value}' "
    f"THEN '{AssessmentStatus.IN_PROGRESS.value}' ELSE status END WHERE id = ?"
)


def stored_time(moment: dt.datetime) -> str:
    """An aware time as SQLAlchemy's SQLite ``DATETIME`` stores it: UTC, no zone, microseconds."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _record(row: tuple[Any, ...]) -> SavedAnswer:
    evidence = row[6]
    return tuple.__new__(
        SavedAnswer,
        (
            *row[:6],
            [] if evidence == "[]" else json.loads(evidence),
            dt.datetime.fromisoformat(row[7]),
            *row[8:],
        ),
    )


def records(rows: Sequence[tuple[Any, ...]]) -> list[SavedAnswer]:
    """Answers read with this module's field list, as the store hands them out."""
    loads, parse, new, make = json.loads, dt.datetime.fromisoformat, tuple.__new__, SavedAnswer
    return [
        new(make, (i, a, item, m, v, n, [] if e == "[]" else loads(e), parse(u), by, ver, cv))
        for (i, a, item, m, v, n, e, u, by, ver, cv) in rows
    ]


def read_answers(connection: sqlite3.Connection, assessment_id: int) -> list[SavedAnswer] | None:
    """Every answer of an assessment, or None when no assessment has this id."""
    rows = connection.execute(SELECT_ANSWERS, (assessment_id,)).fetchall()
    if not rows and _missing(connection, assessment_id):
        return None
    return records(rows)


def read_answer(
    connection: sqlite3.Connection, assessment_id: int, item_id: str, market_code: str | None
) -> SavedAnswer | None:
    """One answer as it stands, or None when the question is unanswered."""
    row = connection.execute(
        _SELECT_ONE, (assessment_id, item_id, market_code or COMPANY_SCOPE)
    ).fetchone()
    return None if row is None else _record(row)


def _missing(connection: sqlite3.Connection, assessment_id: int) -> bool:
    return (
        connection.execute("SELECT 1 FROM assessment WHERE id = ?", (assessment_id,)).fetchone()
        is None
    )


@contextmanager
def driver_connection(database: Database) -> Iterator[sqlite3.Connection]:
    """The SQLite driver's connection to read on: the shared one inside
    :meth:`Database.reading_together`, else one from the engine's pool.

    A single SELECT reads one consistent snapshot of a WAL database by itself,
    so a read outside a shared transaction needs none of its own.
    """
    database.check_open()
    try:
        if database.shared_session() is not None:
            with database.reading() as session:
                yield session.connection().connection.dbapi_connection  # type: ignore[misc]
            return
        pooled = database.engine.raw_connection()
        try:
            yield pooled.driver_connection  # type: ignore[misc]
        finally:
            pooled.close()
    except sqlite3.Error as error:
        raise _wrapped(error, database.location) from error


def save_answer(
    database: Database,
    assessment_id: int,
    item_id: str,
    scope: str,
    value: AnswerValue,
    *,
    note: str | None,
    evidence: Sequence[str] | None,
    expected_version: int | None,
    catalog_version: str | None,
    now: dt.datetime,
) -> SavedAnswer | None:
    """Write one answer and touch its assessment in one committed transaction.

    The arguments are already checked (:meth:`AnswersAndActions.set_answer`).
    Returns the answer as saved, or None when ``expected_version`` no longer
    holds (nothing was written).

    Raises:
        StoreError: no assessment has this id, or the database refused the write.
    """
    stamp = stored_time(now)
    changed = ["value = ?", "updated_at = ?", "updated_by = ?", "version = version + 1"]
    values: list[Any] = [value.value, stamp, database.user]
    if note is not None:
        changed.append("note = ?")
        values.append(note)
    if evidence is not None:
        changed.append("evidence = ?")
        values.append(json.dumps(list(evidence)))
    if catalog_version is not None:
        changed.append("catalog_version = ?")
        values.append(catalog_version)
    returning = f" RETURNING {_FIELDS}"
    statement: str
    parameters: list[Any]
    if expected_version is not None and expected_version > 0:
        statement = f"UPDATE answer SET {', '.join(changed)} WHERE {_KEY} AND version = ?"
        parameters = [*values, assessment_id, item_id, scope, expected_version]
    else:
        inserted = [
            assessment_id,
            item_id,
            scope,
            value.value,
            note or "",
            json.dumps(list(evidence or ())),
            stamp,
            database.user,
            catalog_version,
            assessment_id,
        ]
        if expected_version == 0:
            statement, parameters = _INSERT + "NOTHING", inserted
        else:
            statement = _INSERT + "UPDATE SET " + ", ".join(changed)
            parameters = [*inserted, *values]
    pooled = database.engine.raw_connection()
    connection: sqlite3.Connection = pooled.driver_connection  # type: ignore[assignment]
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            row = connection.execute(statement + returning, parameters).fetchone()
            if row is not None:
                connection.execute(_TOUCH, (stamp, assessment_id))
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    except sqlite3.IntegrityError as error:
        raise StoreError(f"no assessment with id {assessment_id} in this database") from error
    except sqlite3.Error as error:
        raise _wrapped(error, database.location) from error
    finally:
        pooled.close()
    return None if row is None else _record(row)


def _wrapped(error: sqlite3.Error, location: str) -> StoreError:
    """The store's own refusal for a driver error, worded as for the ORM's paths."""
    wrapped = DBAPIError.instance(None, None, error, sqlite3.Error)
    assert isinstance(wrapped, DBAPIError)  # a driver error is always wrapped as one
    return database_error(wrapped, location)
