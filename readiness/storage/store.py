"""The assessment store: where answers live, and why none is ever lost.

The embedded default is one SQLite file in the user's data folder. Every
connection runs in WAL mode with ``synchronous=FULL``, so a committed answer
survives a crash or a power cut. Every write is its own short transaction.
Engine-specific code (SQLite pragmas, file checks, locking) stays in this
module; everything else talks to :class:`Store`.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from filelock import FileLock, Timeout
from sqlalchemy import Connection, Engine, case, event, func, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlmodel import Session, SQLModel, col, create_engine, select

from readiness import APP_ID
from readiness.domain.answers import AnswerValue
from readiness.domain.statuses import ActionStatus, AssessmentStatus, AssignmentScope
from readiness.storage import credentials
from readiness.storage.tables import (
    COMPANY_SCOPE,
    Action,
    Answer,
    Assessment,
    Assignment,
    Company,
    Milestone,
    SavedAnswer,
    TargetMarket,
    utc_now,
)

# Written into the SQLite header so that we recognise our own files
# (and refuse someone else's); "MERD" in ASCII.
APPLICATION_ID = 0x4D455244
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
DB_ENV = "READINESS_DB"


class StoreError(Exception):
    """A problem with the store the user can act on; the message says what and where."""


class NotOurFileError(StoreError):
    """The file exists but is not a Market Entry Readiness database."""


class DamagedDatabaseError(StoreError):
    """The database failed its integrity check and was moved aside."""

    def __init__(self, message: str, *, moved_to: Path | None, newest_backup: Path | None):
        super().__init__(message)
        self.moved_to = moved_to
        self.newest_backup = newest_backup


class DatabaseLockedError(StoreError):
    """Another process has the database open for writing."""


class ReadOnlyStoreError(StoreError):
    """A write was attempted on a store opened read-only."""


class AnswerConflict(StoreError):
    """Someone changed (or cleared) the answer since the writer last read it.

    ``theirs`` is the answer as it stands now, None when it was cleared.
    Nothing was written.
    """

    def __init__(self, message: str, *, theirs: SavedAnswer | None) -> None:
        super().__init__(message)
        self.theirs = theirs


class ActionConflict(StoreError):
    """Someone changed the action since the writer last read it; nothing was written."""

    def __init__(self, message: str, *, theirs: Action | None) -> None:
        super().__init__(message)
        self.theirs = theirs


def default_database_path() -> Path:
    """The embedded database in the user's data folder."""
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / "readiness.sqlite3"


def resolve_location(db: str | None) -> str:
    """Pick the database: ``--db`` first, then ``READINESS_DB``, then the default file.

    A value with ``://`` is a SQLAlchemy URL (another engine); anything else a file path.
    """
    chosen = db or os.environ.get(DB_ENV) or str(default_database_path())
    return chosen if "://" in chosen else str(Path(chosen).expanduser())


def sqlite_path(location: str) -> Path | None:
    """The file behind a location, or None when it is not an SQLite file."""
    if "://" not in location:
        return Path(location)
    try:
        url = make_url(location)
        if credentials.has_unencoded_at(location):
            raise ValueError("an @ in a user name or password must be written as %40")
    except (ArgumentError, ValueError) as error:
        shown = credentials.display_location(location)
        raise StoreError(
            f"{shown} is not a valid database address ({error}); write it as "
            "postgresql+psycopg://user@host:5432/database, or give a file path."
        ) from None
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(str(url.database))
    return None


@dataclass(frozen=True)
class MarketChoice:
    """A target market to add: a catalog code, or a custom market with its name and region."""

    code: str
    custom_name: str | None = None
    custom_region: str | None = None
    planned_entry: dt.date | None = None

    def row(self, assessment_id: int, position: int) -> TargetMarket:
        """The table row for this choice."""
        return TargetMarket(
            assessment_id=assessment_id,
            market_code=self.code,
            custom_name=self.custom_name,
            custom_region=self.custom_region,
            planned_entry=self.planned_entry,
            position=position,
        )


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of ``readiness list``."""

    id: int
    company: str
    title: str
    status: str
    markets: tuple[str, ...]
    answers: int
    updated_at: dt.datetime


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path``, percent-encoded (``#``, ``?`` and ``%`` are legal
    in folder names and would otherwise cut the URI short)."""
    return path.resolve().as_uri() + "?mode=ro"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain read-only connection for checks and copies."""
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def _configure_sqlite(engine: Engine, *, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's BEGIN (below) own transactions, so DDL in migrations is
        # transactional too; pysqlite would otherwise commit around it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _read_header(path: Path) -> tuple[bytes, int]:
    with path.open("rb") as handle:
        header = handle.read(100)
    application_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
    return header[:16], application_id


def inspect_sqlite_file(path: Path, *, move_aside: bool = True) -> None:
    """Refuse a file that is not ours; move a damaged one aside.

    Only a caller holding the write lock may move files (``move_aside``): a
    read-only opener is told about the damage and leaves the file alone.

    Raises:
        NotOurFileError: the file is not SQLite, or another program's SQLite file.
        DamagedDatabaseError: the file fails ``quick_check``; it has been renamed
            to ``<name>.damaged`` (or ``.damaged-N``) and the newest good backup is named.
        StoreError: the file is damaged but may not be moved, or cannot be read.
    """
    try:
        if not path.exists() or path.stat().st_size == 0:
            return
        magic, application_id = _read_header(path)
    except OSError as error:
        raise StoreError(f"Cannot read {path}: {error.strerror or error}.") from error
    if magic != SQLITE_MAGIC:
        if magic.startswith(b"SQLite"):
            _damaged(path, "its header is damaged", move_aside=move_aside)
        raise NotOurFileError(
            f"{path} is not a Market Entry Readiness database (not an SQLite file). "
            "Choose another file, or move this one away."
        )
    if application_id not in (0, APPLICATION_ID):
        raise NotOurFileError(
            f"{path} is an SQLite database of another program "
            f"(application id {application_id:#x}); it was left untouched."
        )
    problem = _quick_check(path)
    if problem is not None:
        _damaged(path, problem, move_aside=move_aside)
    if application_id == 0 and _has_foreign_tables(path):
        raise NotOurFileError(
            f"{path} is an SQLite database that does not belong to Market Entry Readiness; "
            "it was left untouched."
        )


_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")


def _quick_check(path: Path) -> str | None:
    """What is damaged in the file, or None. Errors that are not damage are raised."""
    try:
        connection = connect_read_only(path)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        text = str(error)
        if any(word in text for word in _DAMAGE_WORDS):
            return text
        if "locked" in text or "busy" in text:
            return None  # another process is writing: that is not damage
        raise StoreError(f"Cannot open {path}: {text}.") from error
    verdict = "; ".join(str(row[0]) for row in rows)
    return None if verdict == "ok" else verdict


def _has_foreign_tables(path: Path) -> bool:
    try:
        connection = connect_read_only(path)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StoreError(f"Cannot read {path}: {error}.") from error
    ours = {"alembic_version", *SQLModel.metadata.tables}
    user_tables = {name for name in names if not name.startswith("sqlite_")}
    return bool(user_tables) and not user_tables & ours


def _damaged(path: Path, problem: str, *, move_aside: bool) -> None:
    # Imported here: backups depend on the store's file helpers, not the reverse.
    from readiness.storage.backup import newest_good_backup

    if not move_aside:
        raise StoreError(
            f"The database {path} is damaged ({problem}). Open it normally (not read-only) "
            "to move it aside and restore the newest backup."
        )
    target = path.with_name(path.name + ".damaged")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{counter}")
    try:
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
        path.rename(target)
    except OSError as error:
        raise StoreError(
            f"The database {path} is damaged ({problem}) and could not be moved aside: "
            f"{error.strerror or error}."
        ) from error
    backup = newest_good_backup(path)
    advice = (
        f"The newest good backup is {backup.path} from {backup.taken_at:%Y-%m-%d %H:%M} UTC; "
        f"restore it with: readiness restore {backup.path} --db {path}"
        if backup
        else "No backup of it was found."
    )
    raise DamagedDatabaseError(
        f"The database {path} is damaged ({problem}). It was moved aside to {target}. {advice}",
        moved_to=target,
        newest_backup=backup.path if backup else None,
    )


class Store:
    """Access to one assessment database. Each write commits before it returns."""

    def __init__(
        self,
        engine: Engine,
        *,
        location: str,
        read_only: bool = False,
        lock: FileLock | None = None,
        user: str | None = None,
    ) -> None:
        self.engine = engine
        self.location = location
        self.read_only = read_only
        self._lock = lock
        self.user = user if user is not None else _current_user()
        self._closed = False
        self._together = threading.local()

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return sqlite_path(self.location)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed

    def close(self) -> None:
        """Release the engine and the write lock; the store cannot be used afterwards."""
        self._closed = True
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_open(self) -> None:
        # A disposed engine would quietly reconnect, and without the lock another
        # process may be writing: refuse instead.
        if self._closed:
            raise StoreError(f"{self.location} was closed; open it again to continue.")

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        self._check_open()
        if self.read_only:
            raise ReadOnlyStoreError(
                f"{self.location} is open read-only (another window or process has it open "
                "for writing); nothing was changed."
            )
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except IntegrityError as error:
                session.rollback()
                raise _ConstraintViolated(_explain(error, self.location)) from error
            except DBAPIError as error:
                session.rollback()
                raise StoreError(_explain(error, self.location)) from error

    @contextmanager
    def _writing_connection(self) -> Iterator[Connection]:
        self._check_open()
        if self.read_only:
            raise ReadOnlyStoreError(
                f"{self.location} is open read-only (another window or process has it open "
                "for writing); nothing was changed."
            )
        try:
            with self.engine.begin() as connection:
                yield connection
        except DBAPIError as error:
            if isinstance(error, IntegrityError):
                raise
            raise StoreError(_explain(error, self.location)) from error

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        self._check_open()
        shared: Session | None = getattr(self._together, "session", None)
        if shared is not None:
            try:
                yield shared
            except DBAPIError as error:
                raise StoreError(_explain(error, self.location)) from error
            return
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except DBAPIError as error:
                raise StoreError(_explain(error, self.location)) from error

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
        self._check_open()
        with Session(self.engine, expire_on_commit=False) as session:
            self._together.session = session
            try:
                yield
            finally:
                self._together.session = None

    # --- companies and assessments -------------------------------------------------

    def create_company(
        self,
        name: str,
        *,
        industry_segment: str = "",
        products: str = "",
        home_province: str = "",
        notes: str = "",
    ) -> Company:
        """Add a company with its profile."""
        with self._writing() as session:
            company = Company(
                name=name,
                industry_segment=industry_segment,
                products=products,
                home_province=home_province,
                notes=notes,
            )
            session.add(company)
        return company

    def update_company(self, company_id: int, **profile: str) -> Company:
        """Change a company's profile fields."""
        with self._writing() as session:
            company = _get(session, Company, company_id)
            for key, value in profile.items():
                setattr(company, key, value)
            session.add(company)
            # Colleagues with one of its assessments open see the new profile.
            table = Assessment.__table__  # type: ignore[attr-defined]
            session.execute(
                update(table)
                .where(table.c.company_id == company_id)
                .values(revision=table.c.revision + 1)
            )
        return company

    def create_assessment(
        self,
        company_id: int,
        title: str,
        catalog_version: str,
        markets: Sequence[MarketChoice] = (),
    ) -> Assessment:
        """Add an assessment with its target markets, in one transaction."""
        with self._writing() as session:
            _get(session, Company, company_id)
            assessment = Assessment(
                company_id=company_id, title=title, catalog_version=catalog_version
            )
            session.add(assessment)
            session.flush()
            for position, market in enumerate(markets):
                session.add(market.row(_id(assessment), position))
        return assessment

    def company(self, company_id: int) -> Company:
        """The company with this id."""
        with self._reading() as session:
            return _get(session, Company, company_id)

    def assessment(self, assessment_id: int) -> Assessment:
        """The assessment with this id."""
        with self._reading() as session:
            return _get(session, Assessment, assessment_id)

    def list_assessments(self) -> list[AssessmentSummary]:
        """Every assessment, newest change first."""
        with self._reading() as session:
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
            summaries = []
            for assessment, company in rows:
                codes = tuple(m.market_code for m in self._markets(session, _id(assessment)))
                summaries.append(
                    AssessmentSummary(
                        id=_id(assessment),
                        company=company.name,
                        title=assessment.title,
                        status=assessment.status,
                        markets=codes,
                        answers=int(counts.get(_id(assessment), 0)),
                        updated_at=assessment.updated_at,
                    )
                )
            return summaries

    # --- target markets -------------------------------------------------------------

    def markets(self, assessment_id: int) -> list[TargetMarket]:
        """The assessment's target markets, in the user's order."""
        with self._reading() as session:
            _get(session, Assessment, assessment_id)
            return self._markets(session, assessment_id)

    @staticmethod
    def _markets(session: Session, assessment_id: int) -> list[TargetMarket]:
        return list(
            session.exec(
                select(TargetMarket)
                .where(TargetMarket.assessment_id == assessment_id)
                .order_by(col(TargetMarket.position), col(TargetMarket.id))
            ).all()
        )

    def add_market(self, assessment_id: int, market: MarketChoice) -> TargetMarket:
        """Add one target market at the end of the list."""
        with self._writing() as session:
            _get(session, Assessment, assessment_id)
            row = market.row(assessment_id, len(self._markets(session, assessment_id)))
            session.add(row)
            _touch(session, assessment_id)
        return row

    def set_planned_entry(self, assessment_id: int, code: str, when: dt.date | None) -> None:
        """Set or clear the planned entry date of one target market."""
        with self._writing() as session:
            market = session.exec(
                select(TargetMarket).where(
                    TargetMarket.assessment_id == assessment_id,
                    TargetMarket.market_code == code,
                )
            ).first()
            if market is None:
                raise StoreError(f"assessment {assessment_id} has no target market {code}")
            market.planned_entry = when
            session.add(market)
            _touch(session, assessment_id)

    # --- answers ----------------------------------------------------------------------

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
    ) -> SavedAnswer:
        """Record an answer and commit before returning; ``note`` and ``evidence``
        are left as they were when None.

        ``expected_version`` is the version the writer last saw: 0 for "not
        answered yet", None to overwrite whatever is there (scripts and imports).
        Every write raises the version by one and records who and when.

        Raises:
            AnswerConflict: the answer is no longer at ``expected_version``;
                nothing was written.
        """
        # One statement and one touch, no reads: answering is the app's hottest path.
        now = utc_now()
        table = Answer.__table__  # type: ignore[attr-defined]
        scope = market_code or COMPANY_SCOPE
        changed: dict[str, Any] = {
            "value": value.value,
            "updated_at": now,
            "updated_by": self.user,
            "version": table.c.version + 1,
        }
        if note is not None:
            changed["note"] = note
        if evidence is not None:
            changed["evidence"] = list(evidence)
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
            insert = _insert_for(self.engine)(table).values(
                assessment_id=assessment_id,
                item_id=item_id,
                market_code=scope,
                value=value.value,
                note=note or "",
                evidence=list(evidence or ()),
                updated_at=now,
                updated_by=self.user,
                version=1,
            )
            keys = ["assessment_id", "item_id", "market_code"]
            statement = (
                insert.on_conflict_do_nothing(index_elements=keys)
                if expected_version == 0
                else insert.on_conflict_do_update(index_elements=keys, set_=changed)
            ).returning(*table.c)
        with self._writing_connection() as connection:
            try:
                row = connection.execute(statement).first()
            except IntegrityError as error:
                raise StoreError(
                    f"no assessment with id {assessment_id} in this database"
                ) from error
            if row is not None:
                connection.execute(_touch_statement(assessment_id, now))
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
        with self._writing_connection() as connection:
            deleted = connection.execute(
                table.delete().where(*conditions).returning(table.c.id)
            ).first()
            if deleted is not None:
                connection.execute(_touch_statement(assessment_id, utc_now()))
        if deleted is None and expected_version is not None:
            current = self.answer(assessment_id, item_id, market_code)
            if current is not None:
                raise _conflict_for(current)

    def answer(
        self, assessment_id: int, item_id: str, market_code: str | None
    ) -> SavedAnswer | None:
        """One answer as it stands now, or None when the question is unanswered."""
        table = Answer.__table__  # type: ignore[attr-defined]
        with self._reading() as session:
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
        self.assessment(assessment_id)  # a missing assessment is not a conflict
        where = f"{item_id} ({market_code or 'company'})"
        return AnswerConflict(
            f"The answer to {where} was cleared by someone else meanwhile; nothing was saved.",
            theirs=None,
        )

    def revision(self, assessment_id: int) -> int:
        """A number that grows with every change to the assessment (cheap to poll)."""
        table = Assessment.__table__  # type: ignore[attr-defined]
        with self._reading() as session:
            found = (
                session.connection()
                .execute(select(table.c.revision).where(table.c.id == assessment_id))
                .first()
            )
        if found is None:
            raise StoreError(f"no assessment with id {assessment_id} in this database")
        return int(found[0])

    def answers(self, assessment_id: int) -> list[SavedAnswer]:
        """Every answer of an assessment."""
        with self._reading() as session:
            _get(session, Assessment, assessment_id)
            table = Answer.__table__  # type: ignore[attr-defined]
            rows = session.connection().execute(
                table.select()
                .where(table.c.assessment_id == assessment_id)
                .order_by(table.c.item_id, table.c.market_code)
            )
            # Plain tuples: several times faster than ORM instances for the
            # hundreds of answers an assessment holds.
            return [SavedAnswer(*row) for row in rows]

    # --- actions ----------------------------------------------------------------------

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
        expected_version: int | None = None,
    ) -> Action:
        """Create or update the follow-up on one gap; fields left None keep their value.

        ``expected_version`` works as for :meth:`set_answer` (0: no action yet).

        Raises:
            ActionConflict: someone changed the action since ``expected_version``.
        """
        scope = market_code or COMPANY_SCOPE
        conflict: Action | None = None
        try:
            with self._writing() as session:
                _get(session, Assessment, assessment_id)
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
                    action.due_date = due_date
                if status is not None:
                    action.status = status.value
                if note is not None:
                    action.note = note
                action.updated_at = utc_now()
                action.updated_by = self.user
                session.add(action)
                _touch(session, assessment_id)
        except _Refused:
            raise _action_conflict(item_id, market_code, conflict) from None
        except _ConstraintViolated:
            # Two writers created the same action at once; the other one won.
            raise _action_conflict(
                item_id, market_code, self._action(assessment_id, item_id, scope)
            ) from None
        return action

    def _action(self, assessment_id: int, item_id: str, scope: str) -> Action | None:
        with self._reading() as session:
            return session.exec(
                select(Action).where(
                    Action.assessment_id == assessment_id,
                    Action.item_id == item_id,
                    Action.market_code == scope,
                )
            ).first()

    def actions(self, assessment_id: int) -> list[Action]:
        """Every action recorded for an assessment."""
        with self._reading() as session:
            return list(
                session.exec(
                    select(Action)
                    .where(Action.assessment_id == assessment_id)
                    .order_by(col(Action.item_id), col(Action.market_code))
                ).all()
            )

    # --- assignments ------------------------------------------------------------------

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
        name = (assignee or "").strip()
        with self._writing_connection() as connection:
            if not name:
                connection.execute(table.delete().where(*where))
            else:
                values = {"assignee": name, "assigned_by": self.user, "assigned_at": utc_now()}
                statement = (
                    _insert_for(self.engine)(table)
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
            connection.execute(_touch_statement(assessment_id, utc_now()))

    def assignments(self, assessment_id: int) -> list[Assignment]:
        """Who was given which dimension or question."""
        with self._reading() as session:
            return list(
                session.exec(
                    select(Assignment)
                    .where(Assignment.assessment_id == assessment_id)
                    .order_by(col(Assignment.scope), col(Assignment.code))
                ).all()
            )

    # --- milestones -------------------------------------------------------------------

    def save_milestone(self, assessment_id: int, name: str) -> Milestone:
        """Snapshot every current answer under a name, such as "Q1 review"."""
        with self._writing() as session:
            assessment = _get(session, Assessment, assessment_id)
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
            _touch(session, assessment_id)
        return milestone

    def milestones(self, assessment_id: int) -> list[Milestone]:
        """The assessment's milestones, oldest first."""
        with self._reading() as session:
            return list(
                session.exec(
                    select(Milestone)
                    .where(Milestone.assessment_id == assessment_id)
                    .order_by(col(Milestone.created_at), col(Milestone.id))
                ).all()
            )

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


class _Refused(Exception):
    """Leaves a write transaction without committing (a conflict was found)."""


class _ConstraintViolated(StoreError):
    """A write broke a unique or foreign-key rule (told apart where that means a race)."""


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
        theirs=current,
    )


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _id(row: Assessment | Company) -> int:
    assert row.id is not None, "row was not flushed"
    return row.id


_T = TypeVar("_T", bound=SQLModel)


def _get(session: Session, model: type[_T], key: int) -> _T:
    row = session.get(model, key)
    if row is None:
        raise StoreError(f"no {model.__name__.lower()} with id {key} in this database")
    return row


def _insert_for(engine: Engine) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT DO UPDATE."""
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    return sqlite_insert


def _touch_statement(assessment_id: int, now: dt.datetime) -> Any:
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


def _touch(session: Session, assessment_id: int) -> None:
    session.execute(_touch_statement(assessment_id, utc_now()))


def _explain(error: DBAPIError, location: str) -> str:
    if sqlite_path(location) is None and not isinstance(error, IntegrityError):
        # A server that went away, or refuses access: say so in the same words
        # as when connecting, not as a refused change.
        explained = credentials.explain_connection_error(error, location)
        if explained.reason != "other":
            return f"{explained} Nothing was changed."
    text = str(error.orig) if error.orig is not None else str(error)
    if "locked" in text or "busy" in text:
        return f"{location} is busy (another program is writing to it); try again in a moment."
    if "readonly" in text or "read-only" in text:
        return f"{location} cannot be written (read-only file or folder); nothing was changed."
    if "disk" in text and "full" in text:
        return f"The disk holding {location} is full; nothing was changed. Free some space."
    return f"The database {location} refused the change ({text}); nothing was changed."


def _lock_for(path: Path) -> FileLock:
    return FileLock(str(path.with_name(path.name + ".lock")), timeout=0)


def open_store(
    location: str | None = None,
    *,
    read_only: bool = False,
    migrate: bool = True,
    backup_on_open: bool = True,
    user: str | None = None,
) -> Store:
    """Open (creating or upgrading as needed) the store at ``location``.

    A file is checked before use: not ours is refused, damaged is moved aside
    (see :func:`inspect_sqlite_file`). A second writer is refused with
    :class:`DatabaseLockedError` and may retry with ``read_only=True``. Before a
    schema upgrade, and on open when the data changed since the last backup,
    a checked backup is taken. ``user`` is the name recorded on every change
    (default: the login name).

    Raises:
        StoreError: with a message that says what happened and where.
    """
    resolved = resolve_location(location)
    path = sqlite_path(resolved)
    if path is None:
        # From here on the location is safe to show: a password typed into the URL
        # is kept in memory for this run only.
        resolved = credentials.take_inline_password(resolved)
    lock: FileLock | None = None
    if path is not None:
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file.")
        if read_only:
            if not path.exists():
                raise StoreError(f"{path} does not exist; nothing to open read-only.")
            inspect_sqlite_file(path, move_aside=False)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"Cannot create the folder {path.parent} for the database: {error.strerror}."
                ) from error
            lock = _lock_for(path)
            try:
                lock.acquire()
            except Timeout:
                raise DatabaseLockedError(
                    f"{path} is already open in another window or process. Close it there, "
                    "or open this one read-only."
                ) from None
            except OSError as error:
                raise StoreError(
                    f"Cannot write next to {path} ({error.strerror}); "
                    "the folder may be read-only. Open the file read-only or choose another."
                ) from error
            try:
                # Only with the lock held may a damaged file be moved aside.
                inspect_sqlite_file(path)
            except BaseException:
                lock.release()
                raise
    try:
        engine = _make_engine(resolved, path, read_only=read_only)
        if path is not None and not read_only:
            _prepare_sqlite(engine, path, migrate=migrate, backup_on_open=backup_on_open)
        elif path is None:
            _prepare_server(engine, resolved, migrate=migrate and not read_only)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Store(engine, location=resolved, read_only=read_only, lock=lock, user=user)


def _make_engine(location: str, path: Path | None, *, read_only: bool) -> Engine:
    if path is None:
        try:
            server = credentials.connect_url(location)
        except credentials.CredentialsError as error:
            raise StoreError(str(error)) from error
        connect_args = (
            {k: v for k, v in _SERVER_CONNECTION.items() if k not in server.query}
            if server.get_backend_name() == "postgresql"
            else {}
        )
        # pre_ping: a connection the server dropped (restart, network) is replaced
        # before use instead of failing the user's next save.
        return create_engine(server, pool_pre_ping=True, connect_args=connect_args)
    if read_only:
        url: URL | str = URL.create(
            "sqlite", database=path.resolve().as_uri(), query={"mode": "ro", "uri": "true"}
        )
    else:
        url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    _configure_sqlite(engine, read_only=read_only)
    return engine


def _prepare_sqlite(engine: Engine, path: Path, *, migrate: bool, backup_on_open: bool) -> None:
    from readiness.storage.backup import backup_if_changed, make_backup
    from readiness.storage.migrate import check_known_revision, needs_upgrade, upgrade_to_head

    try:
        has_data = _has_user_data(path)
        upgrade = migrate and needs_upgrade(engine)
        if upgrade:
            check_known_revision(engine)  # a newer app's file: refuse before touching it
        if has_data and upgrade:
            make_backup(path, reason="before-upgrade")
        elif has_data and backup_on_open:
            backup_if_changed(path, reason="open")
        with engine.begin() as connection:
            current = connection.exec_driver_sql("PRAGMA application_id").scalar()
            if current != APPLICATION_ID:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        if upgrade:
            upgrade_to_head(engine)
    except (SQLAlchemyError, sqlite3.Error) as error:
        orig = getattr(error, "orig", None)
        raise StoreError(f"Cannot open {path}: {orig or error}") from error


# A server connection that went quiet (network, VPN, sleeping laptop) is given up
# within seconds instead of hanging the app: TCP keepalives and a cap on
# unacknowledged data. These are libpq's own socket settings, so they pass
# through connection poolers such as PgBouncer; what the address itself says wins.
_SERVER_CONNECTION: dict[str, Any] = {
    "connect_timeout": credentials.CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}


def _prepare_server(engine: Engine, location: str, *, migrate: bool) -> None:
    """Check that the server answers, and bring its schema up to date.

    Backups of a server database are its administrator's (``pg_dump`` or the
    host's snapshots); ``readiness copy`` also takes an assessment to a local file.
    """
    from readiness.storage.migrate import check_known_revision, is_current, upgrade_to_head

    try:
        if is_current(engine):
            return
        check_known_revision(engine)
        if migrate:
            upgrade_to_head(engine)
    except (DBAPIError, credentials.CredentialsError) as error:
        raise StoreError(str(credentials.explain_connection_error(error, location))) from error


def _has_user_data(path: Path) -> bool:
    """Whether the file holds at least one company (so a backup is worth taking)."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    connection = connect_read_only(path)
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "company" not in tables:
            return False
        return connection.execute("SELECT 1 FROM company LIMIT 1").fetchone() is not None
    finally:
        connection.close()
