"""Engines for the two backends, their connection settings, and database errors in plain words.

Every SQLite connection runs in WAL mode with ``synchronous=FULL``, so a
committed answer survives a crash or a power cut; a server connection that
went quiet is given up within seconds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import create_engine

from readiness.storage import credentials
from readiness.storage.errors import ConstraintViolated, DatabaseProblem, StoreError
from readiness.storage.location import sqlite_path
from readiness.storage.sqlite_file import BUSY_TIMEOUT_MS, must_read_immutably

# A server connection that went quiet (network, VPN, sleeping laptop) is given up
# within seconds instead of hanging the app: TCP keepalives and a cap on
# unacknowledged data. These are libpq's own socket settings, so they pass
# through connection poolers such as PgBouncer; what the address itself says wins.
SERVER_CONNECTION: dict[str, Any] = {
    "connect_timeout": credentials.CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}


def make_engine(location: str, path: Path | None, *, read_only: bool) -> Engine:
    """The engine for a server address (``path`` None) or an SQLite file.

    Raises:
        StoreError: the server's credentials cannot be found.
    """
    if path is None:
        try:
            server = credentials.connect_url(location)
        except credentials.CredentialsError as error:
            raise StoreError(str(error)) from error
        connect_args = (
            {k: v for k, v in SERVER_CONNECTION.items() if k not in server.query}
            if server.get_backend_name() == "postgresql"
            else {}
        )
        # pre_ping: a connection the server dropped (restart, network) is replaced
        # before use instead of failing the user's next save.
        return create_engine(server, pool_pre_ping=True, connect_args=connect_args)
    if read_only:
        query = {"mode": "ro", "uri": "true"}
        if must_read_immutably(path):
            query["immutable"] = "1"  # a read-only folder: see must_read_immutably
        url: URL | str = URL.create("sqlite", database=path.resolve().as_uri(), query=query)
    else:
        url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    configure_sqlite(engine, read_only=read_only)
    return engine


def configure_sqlite(engine: Engine, *, read_only: bool) -> None:
    """Set every new SQLite connection up: busy timeout, foreign keys, WAL and full sync.

    Switching to WAL writes to the file, so a writing engine is only made for a
    file proven ours or new (:func:`readiness.storage.opening.check_file`).
    """

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


def insert_for(engine: Engine) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT DO UPDATE."""
    if engine.dialect.name == "postgresql":
        # Loaded only when a server is used: a file user never pays for the dialect.
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    return sqlite_insert


def database_problem(error: DBAPIError, location: str) -> DatabaseProblem:
    """What kind of refusal a failed read or write was, with the database's own words."""
    text = str(error.orig) if error.orig is not None else str(error)
    said = " ".join(text.split())
    if sqlite_path(location) is None:
        password = make_url(location).password
        if password:
            said = said.replace(str(password), "***")
        if not isinstance(error, IntegrityError):
            # A server that went away, or refuses access: the reasons of connecting.
            explained = credentials.explain_connection_error(error, location)
            if explained.reason != "other":
                return DatabaseProblem(explained.reason, location, explained.server, said)
    if "locked" in text or "busy" in text:
        kind = "busy"
    elif "readonly" in text or "read-only" in text:
        kind = "read-only"
    elif "disk" in text and "full" in text:
        kind = "disk-full"
    else:
        kind = "refused"
    return DatabaseProblem(kind, location, detail=said)


def explain_database_error(error: DBAPIError, location: str) -> str:
    """What a refused read or write means for the user, and that nothing was changed."""
    problem = database_problem(error, location)
    if problem.server:
        explained = credentials.explain_connection_error(error, location)
        return f"{explained} Nothing was changed."
    if problem.kind == "busy":
        return f"{location} is busy (another program is writing to it); try again in a moment."
    if problem.kind == "read-only":
        return f"{location} cannot be written (read-only file or folder); nothing was changed."
    if problem.kind == "disk-full":
        return f"The disk holding {location} is full; nothing was changed. Free some space."
    if "row-level security" in problem.detail:
        # The team's access rules (readiness team init): a firm this login may not touch.
        return (
            f"Your login may not add or change that company's data on {location} (the "
            "team's access rules); nothing was changed. A platform administrator can grant "
            "it with 'readiness grant'."
        )
    return f"The database {location} refused the change ({problem.detail}); nothing was changed."


def database_error(error: DBAPIError, location: str) -> StoreError:
    """The :class:`StoreError` a refused read or write raises (its message in English for
    the command line, its parts for an interface to word)."""
    kind = ConstraintViolated if isinstance(error, IntegrityError) else StoreError
    return kind(explain_database_error(error, location), problem=database_problem(error, location))
