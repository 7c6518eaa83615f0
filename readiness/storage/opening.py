"""Opening a store: checking the file or the server, taking the write lock, upgrading, backing up.

A file is checked before use: not ours is refused, damaged is moved aside and
the newest good backup named. Before a schema upgrade, and on open when the
data changed since the last backup, a checked backup is taken.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from readiness.storage import credentials
from readiness.storage.backup import backup_if_changed, make_backup, newest_good_backup
from readiness.storage.engine import make_engine
from readiness.storage.errors import DamagedDatabaseError, DatabaseLockedError, StoreError
from readiness.storage.location import resolve_location, sqlite_path
from readiness.storage.migrate import (
    check_known_revision,
    is_current,
    needs_upgrade,
    upgrade_to_head,
)
from readiness.storage.sqlite_file import (
    APPLICATION_ID,
    has_user_data,
    inspect_sqlite_file,
    quarantine,
)
from readiness.storage.store import Store


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
    (see :func:`check_file`). A second writer is refused with
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
            check_file(path, move_aside=False)
        else:
            lock = take_write_lock(path)
            try:
                # Only with the lock held may a damaged file be moved aside.
                check_file(path)
            except BaseException:
                lock.release()
                raise
    try:
        engine = make_engine(resolved, path, read_only=read_only)
        if path is not None and not read_only:
            _prepare_sqlite(engine, path, migrate=migrate, backup_on_open=backup_on_open)
        elif path is None:
            _prepare_server(engine, resolved, migrate=migrate and not read_only)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Store(engine, location=resolved, read_only=read_only, lock=lock, user=user)


def check_file(path: Path, *, move_aside: bool = True) -> None:
    """Refuse a file that is not ours; move a damaged one aside.

    Only a caller holding the write lock may move files (``move_aside``): a
    read-only opener is told about the damage and leaves the file alone.

    Raises:
        NotOurFileError: the file is not SQLite, or another program's SQLite file.
        DamagedDatabaseError: the file fails ``quick_check``; it has been renamed
            to ``<name>.damaged`` (or ``.damaged-N``) and the newest good backup is named.
        StoreError: the file is damaged but may not be moved, or cannot be read.
    """
    problem = inspect_sqlite_file(path)
    if problem is None:
        return
    if not move_aside:
        raise StoreError(
            f"The database {path} is damaged ({problem}). Open it normally (not read-only) "
            "to move it aside and restore the newest backup."
        )
    target = quarantine(path, problem)
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


def take_write_lock(path: Path) -> FileLock:
    """Hold the one lock that makes its holder the file's only writer (a window or a command).

    Raises:
        DatabaseLockedError: another window or process holds it.
        StoreError: the folder cannot be created or written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"Cannot create the folder {path.parent} for the database: {error.strerror}."
        ) from error
    lock = FileLock(str(path.with_name(path.name + ".lock")), timeout=0)
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
    return lock


def _prepare_sqlite(engine: Engine, path: Path, *, migrate: bool, backup_on_open: bool) -> None:
    try:
        has_data = has_user_data(path)
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


def _prepare_server(engine: Engine, location: str, *, migrate: bool) -> None:
    """Check that the server answers, and bring its schema up to date.

    Backups of a server database are its administrator's (``pg_dump`` or the
    host's snapshots); ``readiness copy`` also takes an assessment to a local file.
    """
    try:
        if is_current(engine):
            return
        check_known_revision(engine)
        if migrate:
            upgrade_to_head(engine)
    except (DBAPIError, credentials.CredentialsError) as error:
        raise StoreError(str(credentials.explain_connection_error(error, location))) from error
