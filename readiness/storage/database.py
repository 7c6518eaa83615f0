"""One opened database: its engine, who writes, and the transactions every read and write runs in.

Every write is its own short transaction that commits before it returns; a
refused write raises a :class:`~readiness.storage.errors.StoreError` that says
why and that nothing was changed.
"""

from __future__ import annotations

import datetime as dt
import getpass
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, case, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, SQLModel

from readiness.domain.statuses import AssessmentStatus
from readiness.storage.engine import database_error
from readiness.storage.errors import ReadOnlyStoreError, StoreError
from readiness.storage.refusals import refuse_bad_text
from readiness.storage.tables import Assessment, utc_now

Row = TypeVar("Row", bound=SQLModel)


class Database:
    """The engine of one store and the transactions its reads and writes share."""

    def __init__(self, engine: Engine, *, location: str, read_only: bool, user: str | None) -> None:
        self.engine = engine
        self.location = location
        self.read_only = read_only
        self.user = user if user is not None else current_user()
        self.closed = False
        self._together = threading.local()
        # SQLite files take the driver-level paths of the hottest reads and writes.
        self.is_sqlite = engine.dialect.name == "sqlite"

    def close(self) -> None:
        """Release the engine's connections; reads and writes are refused afterwards."""
        self.closed = True
        self.engine.dispose()

    def check_open(self) -> None:
        """Refuse to work on a closed store.

        A disposed engine would quietly reconnect, and without the lock another
        process may be writing: refuse instead.
        """
        if self.closed:
            raise StoreError(f"{self.location} was closed; open it again to continue.")

    def shared_session(self) -> Session | None:
        """The session of the running :meth:`reading_together` on this thread, if any."""
        return getattr(self._together, "session", None)

    def check_writable(self) -> None:
        """Refuse to write to a closed or read-only store, or as a name the text policy refuses."""
        self._check_writable()

    def _check_writable(self) -> None:
        self.check_open()
        if self.read_only:
            raise ReadOnlyStoreError(
                f"{self.location} is open read-only (another window or process has it open "
                "for writing); nothing was changed."
            )
        # The name goes into every row written; it follows the text policy too.
        refuse_bad_text(self.user, "name recorded on changes")

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session whose changes commit at the end, or all roll back."""
        self._check_writable()
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except IntegrityError as error:
                session.rollback()
                raise database_error(error, self.location) from error
            except DBAPIError as error:
                session.rollback()
                raise database_error(error, self.location) from error

    @contextmanager
    def writing_connection(self) -> Iterator[Connection]:
        """A plain connection in one transaction, for the hot paths that skip the ORM.

        Integrity errors are left to the caller, which knows what they mean.
        """
        self._check_writable()
        try:
            with self.engine.begin() as connection:
                yield connection
        except DBAPIError as error:
            if isinstance(error, IntegrityError):
                raise
            raise database_error(error, self.location) from error

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session to read with: the shared one inside :meth:`reading_together`."""
        self.check_open()
        shared: Session | None = getattr(self._together, "session", None)
        if shared is not None:
            try:
                yield shared
            except DBAPIError as error:
                raise database_error(error, self.location) from error
            return
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except DBAPIError as error:
                raise database_error(error, self.location) from error

    @contextmanager
    def reading_together(self) -> Iterator[None]:
        """Run the reads inside on one connection.

        Each connection taken from the pool is checked with a round trip first;
        loading an assessment reads half a dozen tables, which on a distant
        server adds up. Per thread, so a background check keeps its own.
        """
        if getattr(self._together, "session", None) is not None:
            yield
            return
        self.check_open()
        with Session(self.engine, expire_on_commit=False) as session:
            self._together.session = session
            try:
                yield
            finally:
                self._together.session = None


def current_user() -> str:
    """The login name, recorded on every change unless the store is told another."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def get_row(session: Session, model: type[Row], key: int) -> Row:
    """The row with this id, or a :class:`StoreError` that names what is missing."""
    row = session.get(model, key)
    if row is None:
        raise StoreError(f"no {model.__name__.lower()} with id {key} in this database")
    return row


def row_id(row: SQLModel) -> int:
    """The id of a flushed row."""
    key = getattr(row, "id", None)
    assert isinstance(key, int), "row was not flushed"
    return key


def touch_statement(assessment_id: int, now: dt.datetime) -> Any:
    """Mark the assessment changed: a new revision, and a draft becomes in progress."""
    table = Assessment.__table__  # type: ignore[attr-defined]
    return (
        update(table)
        .where(table.c.id == assessment_id)
        .values(
            updated_at=now,
            revision=table.c.revision + 1,
            status=case(
                (
                    table.c.status == AssessmentStatus.DRAFT.value,
                    AssessmentStatus.IN_PROGRESS.value,
                ),
                else_=table.c.status,
            ),
        )
    )


def touch(session: Session, assessment_id: int) -> None:
    """Mark the assessment changed, in the session's transaction."""
    session.execute(touch_statement(assessment_id, utc_now()))
