"""Opening a store: checking the file or the server, taking the write lock, upgrading, backing up.

A file is checked before use, and before anything is written to it or beside
it: not ours is refused untouched, damaged is moved aside and the newest good
backup named. Before a schema upgrade, and on open when the data changed since
the last backup, a checked backup is taken; a backup on open that cannot be
taken (a full disk) is reported as a warning and the store opens anyway.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, ProgrammingError, SQLAlchemyError

from readiness.storage import credentials
from readiness.storage.backup import (
    backup_dir_for,
    backup_if_changed,
    list_backups,
    make_backup,
    newest_good_backup,
)
from readiness.storage.engine import make_engine
from readiness.storage.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    StoreError,
    StoreNotWritableError,
)
from readiness.storage.location import resolve_location, sqlite_path
from readiness.storage.migrate import (
    check_known_revision,
    current_revision,
    head_revision,
    is_current,
    needs_upgrade,
    upgrade_to_head,
)
from readiness.storage.sqlite_file import (
    APPLICATION_ID,
    FileIdentity,
    has_user_data,
    identify_file,
    quarantine,
    quick_check,
    unrecognised_error,
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
    :class:`DatabaseLockedError`, and a file or folder that cannot be written with
    :class:`StoreNotWritableError`; both may retry with ``read_only=True``. Before a
    schema upgrade, and on open when the data changed since the last backup,
    a checked backup is taken; when the one on open fails, the store opens anyway
    and says why in :attr:`Store.warnings`. ``user`` is the name recorded on every
    change (default: the login name).

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
    warnings: list[str] = []
    if path is not None:
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file.")
        if read_only:
            check_file(path, move_aside=False)
            if not path.exists():
                raise StoreError(f"{path} does not exist; nothing to open read-only.")
            if path.stat().st_size == 0:
                raise StoreError(f"{path} is empty; nothing to open read-only.")
        else:
            # Another program's file is refused before even a lock file is made beside it.
            refuse_foreign(path)
            if path.exists() and not os.access(path, os.W_OK):
                raise StoreNotWritableError(
                    f"{path} is a read-only file; open it read-only or choose another.",
                    reason="read-only file",
                )
            lock = take_write_lock(path)
            try:
                # Only with the lock held may a damaged file be moved aside.
                check_file(path)
            except BaseException:
                lock.release()
                raise
    engine: Engine | None = None
    try:
        engine = make_engine(resolved, path, read_only=read_only)
        if path is not None and not read_only:
            warnings = _prepare_sqlite(engine, path, migrate=migrate, backup_on_open=backup_on_open)
        elif path is not None:
            _refuse_behind_read_only(engine, str(path))
        elif path is None:
            _prepare_server(engine, resolved, migrate=migrate, read_only=read_only)
            user = _server_user(engine, resolved, user)
    except BaseException:
        if engine is not None:
            engine.dispose()  # no connection left open behind a refusal
        if lock is not None:
            lock.release()
        raise
    return Store(
        engine, location=resolved, read_only=read_only, lock=lock, user=user, warnings=warnings
    )


def refuse_foreign(path: Path) -> FileIdentity:
    """Refuse another program's file, and a file nothing shows to be ours; else say what it is.

    A file that is not SQLite at all (too short, no SQLite header) is taken for
    ours, damaged, only when backups of it lie beside it. Nothing is written.

    Raises:
        NotOurFileError: the file is another program's, or unrecognisable without backups.
        StoreError: the file cannot be read.
    """
    identity = identify_file(path)
    if identity.kind == "unrecognised" and not list_backups(path):
        raise unrecognised_error(path, identity)
    return identity


def check_file(path: Path, *, move_aside: bool = True) -> None:
    """Refuse a file that is not ours; move a damaged one aside.

    A file of ours is damaged when it fails ``quick_check``; so is an SQLite file
    too damaged to tell whose it is. A file with backups beside it that is
    emptied to 0 bytes, or cut or overwritten at its start so that it is no
    longer recognisable, is ours and damaged too. Only a caller
    holding the write lock may move files (``move_aside``): a read-only opener is
    told about the damage and leaves the file alone.

    Raises:
        NotOurFileError: another program's SQLite file, or a file that cannot be
            recognised and has no backups.
        DamagedDatabaseError: the file is damaged; it has been renamed to
            ``<name>.damaged`` (or ``.damaged-N``) and the newest good backup is named.
        StoreError: the file is damaged but may not be moved, or cannot be read.
    """
    identity = refuse_foreign(path)
    if identity.kind == "ours":
        problem = quick_check(path)
    elif identity.kind != "new" or (identity.problem and list_backups(path)):
        problem = identity.problem  # damaged, or emptied and backups show it was ours
    else:
        problem = None  # missing, or empty without a past: a new database
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
        else _no_good_backup(path)
    )
    raise DamagedDatabaseError(
        f"The database {path} is damaged ({problem}). It was moved aside to {target}. {advice}",
        moved_to=target,
        newest_backup=backup.path if backup else None,
    )


def _no_good_backup(path: Path) -> str:
    count = len(list_backups(path))
    if count == 0:
        return "No backup of it was found."
    return (
        f"None of its {count} backups in {backup_dir_for(path)} passed its check "
        "(each must be complete, ours and at a schema this version can open)."
    )


def take_write_lock(path: Path) -> FileLock:
    """Hold the one lock that makes its holder the file's only writer (a window or a command).

    Raises:
        DatabaseLockedError: another window or process holds it.
        StoreNotWritableError: the lock file cannot be made (a read-only folder or disk).
        StoreError: the folder cannot be created.
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
        reason = error.strerror or str(error)
        raise StoreNotWritableError(
            f"Cannot write next to {path} ({reason}); "
            "the folder may be read-only. Open the file read-only or choose another.",
            reason=reason,
        ) from error
    return lock


def _prepare_sqlite(
    engine: Engine, path: Path, *, migrate: bool, backup_on_open: bool
) -> list[str]:
    """Back up, mark and upgrade a file :func:`check_file` proved ours (or new); return the
    warnings to show. The engine's first connection switches the file to WAL, so no
    engine may reach a file before that proof."""
    warnings = []
    try:
        has_data = has_user_data(path)
        upgrade = migrate and needs_upgrade(engine)
        if upgrade:
            check_known_revision(engine)  # a newer app's file: refuse before touching it
        if has_data and upgrade:
            make_backup(path, reason="before-upgrade")  # no upgrade without a backup
        elif has_data and backup_on_open:
            try:
                backup_if_changed(path, reason="open")
            except StoreError as error:
                # Reading and exporting must still work on a full disk: say so, carry on.
                warnings.append(f"{error}. Carrying on without a new backup; nothing was changed.")
        with engine.begin() as connection:
            current = connection.exec_driver_sql("PRAGMA application_id").scalar()
            if current != APPLICATION_ID:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        if upgrade:
            upgrade_to_head(engine)
    except (SQLAlchemyError, sqlite3.Error) as error:
        orig = getattr(error, "orig", None)
        text = str(orig or error)
        if "readonly" in text:
            raise StoreNotWritableError(
                f"Cannot write to {path} ({text}); open it read-only or choose another.",
                reason=text,
            ) from error
        raise StoreError(f"Cannot open {path}: {text}") from error
    return warnings


def _prepare_server(engine: Engine, location: str, *, migrate: bool, read_only: bool) -> None:
    """Check that the server answers, and bring its schema up to date.

    Backups of a server database are its administrator's (``pg_dump`` or the
    host's snapshots); ``readiness copy`` also takes an assessment to a local file.
    """
    try:
        if is_current(engine):
            return
        check_known_revision(engine)
        if read_only:
            _refuse_behind_read_only(engine, location)
        elif migrate:
            upgrade_to_head(engine)
    except ProgrammingError as error:
        if "permission denied" in str(error.orig) or "must be owner" in str(error.orig):
            # A team database (readiness team init): no member owns its tables.
            raise StoreError(
                f"{location} needs an upgrade to this version of the app, which only whoever "
                "set it up can run: readiness team upgrade --db URL. Nothing was changed."
            ) from error
        raise StoreError(str(credentials.explain_connection_error(error, location))) from error
    except (DBAPIError, credentials.CredentialsError) as error:
        raise StoreError(str(credentials.explain_connection_error(error, location))) from error


def _server_user(engine: Engine, location: str, user: str | None) -> str:
    """The name recorded on a server: the roster's display name for the login (a team's
    members are named by the roster, never by their computer's account), else the name
    given, else the login itself."""
    from readiness.storage.roster import roster_name

    try:
        with engine.connect() as connection:
            on_roster, login = roster_name(connection)
    except DBAPIError as error:
        raise StoreError(str(credentials.explain_connection_error(error, location))) from error
    return on_roster or user or login


def _refuse_behind_read_only(engine: Engine, where: str) -> None:
    """Refuse, in one clear line, a read-only open of a database an older app wrote.

    Read-only means no upgrade, and this version's queries need its own schema:
    without this the first read would fail on a missing column.
    """
    if is_current(engine):
        return  # the usual case, read without loading Alembic
    check_known_revision(engine)
    if needs_upgrade(engine):
        found = current_revision(engine) or "none"
        raise StoreError(
            f"{where} was written by an older version of the app (schema revision {found}; "
            f"this version reads {head_revision()}), and a read-only open cannot upgrade it. "
            "Open it once without --read-only, where the file can be written (a backup is "
            "taken first); nothing was changed."
        )
