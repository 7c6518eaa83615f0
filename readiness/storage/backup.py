"""Checked backups of the SQLite store, their retention, and restoring one.

A backup is written with ``VACUUM INTO`` under a temporary name, checked
(``quick_check`` and our application id), and only then renamed into place,
so a backup with its final name is always a good one, even if the process
is killed halfway.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from readiness.storage.errors import StoreError
from readiness.storage.migrate import SCHEMA_HEAD, all_revisions
from readiness.storage.sqlite_file import APPLICATION_ID, connect_read_only

BACKUP_INTERVAL = dt.timedelta(minutes=30)
KEEP_ALL_WITHIN = dt.timedelta(hours=24)
KEEP_RECENT_MAX = 48
KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9

_NAME = re.compile(r"^(?P<stamp>\d{8}T\d{6}\d{6}Z)-(?P<reason>[a-z-]+)\.sqlite3$")
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class Backup:
    """One backup file and when it was taken."""

    path: Path
    taken_at: dt.datetime
    reason: str


def backup_dir_for(db_path: Path) -> Path:
    """Where the backups of ``db_path`` are kept: beside it, so they travel together."""
    return db_path.parent / "backups" / db_path.name


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of ``db_path``, newest first."""
    folder = backup_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            taken = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
            found.append(Backup(path, taken, match["reason"]))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def check_backup_file(path: Path, *, thorough: bool = False) -> str | None:
    """Why ``path`` is not a sound copy of one of our databases, or None when it is.

    ``quick_check`` by default; ``thorough`` runs the full ``integrity_check``.
    """
    check = "integrity_check" if thorough else "quick_check"
    try:
        connection = connect_read_only(path)
        try:
            (application_id,) = connection.execute("PRAGMA application_id").fetchone()
            verdict = [row[0] for row in connection.execute(f"PRAGMA {check}")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    if application_id != APPLICATION_ID:
        return "not a Market Entry Readiness database"
    return None if verdict == ["ok"] else "; ".join(verdict)


def check_restorable(path: Path) -> str | None:
    """Why ``path`` cannot be put back in place of a database, or None when it can.

    It must pass the full integrity check, be ours, and be at a schema revision
    this version of the app knows (an older one is upgraded on opening; a newer
    app's backup would be put in place and then fail to open).
    """
    problem = check_backup_file(path, thorough=True)
    if problem is not None:
        return problem
    try:
        connection = connect_read_only(path)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        row = None
    if row is None:
        return "it records no schema revision"
    revision = str(row[0])
    # SCHEMA_HEAD first: checking a current backup need not load Alembic.
    if revision != SCHEMA_HEAD and revision not in all_revisions():
        return (
            f"it is at schema revision {revision}, written by a newer version of the app "
            "than this one; update the app to restore it"
        )
    return None


def newest_good_backup(db_path: Path) -> Backup | None:
    """The newest backup that could be restored (see :func:`check_restorable`)."""
    return next((b for b in list_backups(db_path) if check_restorable(b.path) is None), None)


def content_fingerprint(db_path: Path) -> str:
    """A hash of every row of every table: equal fingerprints mean equal data.

    File times are no guide in WAL mode (opening and closing touches the files),
    and the stores are small, so hashing the rows is both exact and quick.
    """
    digest = hashlib.sha256()
    connection = connect_read_only(db_path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()


def make_backup(
    db_path: Path, *, reason: str, now: dt.datetime | None = None, prune: bool = True
) -> Backup:
    """Write a checked backup of ``db_path`` and (unless told not to) prune old ones.

    When the disk is full, the backups the retention policy no longer keeps are
    removed first and the backup is tried once more (never the newest good one).

    Raises:
        StoreError: the backup could not be written or failed its check; any
            partial file is removed and the database is untouched.
    """
    taken_at = now or dt.datetime.now(dt.UTC)
    folder = backup_dir_for(db_path)
    final = folder / f"{taken_at.strftime(_STAMP)}-{reason}.sqlite3"
    freed: list[Path] = []
    try:
        try:
            _write_checked_copy(db_path, final)
        except (OSError, sqlite3.Error) as error:
            if not (prune and is_disk_full(error)):
                raise
            freed = prune_backups(db_path, now=taken_at)
            if not freed:
                raise
            _write_checked_copy(db_path, final)
    except (OSError, sqlite3.Error) as error:
        if not is_disk_full(error):
            raise StoreError(f"Could not back up {db_path} into {folder}: {error}") from error
        after = f", even after removing {len(freed)} old backups" if freed else ""
        raise StoreError(
            f"Could not back up {db_path} into {folder}: the disk is full{after}"
        ) from error
    if prune:
        prune_backups(db_path, now=taken_at, newest_good=final)
    return Backup(final, taken_at, reason)


def is_disk_full(error: BaseException) -> bool:
    """Whether ``error`` says the disk (or the user's quota) is full."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return code == sqlite3.SQLITE_FULL or "disk is full" in str(error)
    return False


def copy_database(source: Path, target: Path) -> None:
    """Copy the database ``source`` into the new file ``target`` (``VACUUM INTO``: a
    consistent, compact copy, taken while others may be writing)."""
    connection = connect_read_only(source)
    try:
        connection.execute("VACUUM INTO ?", (str(target),))
    finally:
        connection.close()


def _write_checked_copy(db_path: Path, final: Path) -> None:
    """Copy under a temporary name, check, and only then rename to ``final``; no partial
    file is left behind whatever fails."""
    folder = final.parent
    temporary = folder / f".{final.name}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_partials(folder)
        copy_database(db_path, temporary)
        problem = check_backup_file(temporary)
        if problem is not None:
            raise StoreError(f"The backup of {db_path} failed its check ({problem}).")
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, final)
        _fsync_dir(folder)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _remove_partials(folder: Path) -> None:
    for leftover in folder.glob(".*.partial"):
        leftover.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# Beside the backups: the bytes of the database files when their rows were last found
# equal to the newest backup's, so an unchanged database is recognised by reading its
# files once instead of comparing every row of both (seconds for a platform's file).
_SAME_AS_NEWEST = ".same-as-newest.json"


def file_digest(db_path: Path) -> str:
    """A hash of the database's files as they are on disk (the file and its write-ahead
    log): equal bytes mean equal data; different bytes may still hold the same rows."""
    digest = hashlib.sha256()
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        digest.update(b"\0" + path.name.encode() + b"\0")
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except FileNotFoundError:
            digest.update(b"absent")
    return digest.hexdigest()


def _remembered(db_path: Path) -> dict[str, str]:
    try:
        found = json.loads((backup_dir_for(db_path) / _SAME_AS_NEWEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _remember(db_path: Path, backup: Path, files: str) -> None:
    """Note that files with digest ``files`` hold the rows of ``backup`` (a hint only:
    when it cannot be written the rows are compared next time)."""
    note = backup_dir_for(db_path) / _SAME_AS_NEWEST
    temporary = note.with_name(note.name + ".partial")
    try:
        temporary.write_text(json.dumps({"backup": backup.name, "files": files}), "utf-8")
        os.replace(temporary, note)
    except OSError:
        temporary.unlink(missing_ok=True)


def backup_if_changed(db_path: Path, *, reason: str) -> Backup | None:
    """Back up when the database changed since the newest backup (or has none)."""
    if not db_path.exists():
        return None
    before = file_digest(db_path)
    newest = next(iter(list_backups(db_path)), None)
    if newest is not None:
        if _remembered(db_path) == {"backup": newest.path.name, "files": before}:
            return None
        try:
            unchanged = content_fingerprint(db_path) == content_fingerprint(newest.path)
        except sqlite3.Error:
            unchanged = False  # an unreadable backup is no backup: take a new one
        if unchanged:
            # Only if nothing was written while the rows were compared.
            if file_digest(db_path) == before:
                _remember(db_path, newest.path, before)
            return None
    taken = make_backup(db_path, reason=reason)
    if file_digest(db_path) == before:  # the backup holds exactly these files' rows
        _remember(db_path, taken.path, before)
    return taken


def backup_if_due(db_path: Path, *, now: dt.datetime | None = None) -> Backup | None:
    """The periodic backup: at most every 30 minutes, and only when something changed."""
    moment = now or dt.datetime.now(dt.UTC)
    newest = next(iter(list_backups(db_path)), None)
    if newest is not None and moment - newest.taken_at < BACKUP_INTERVAL:
        return None
    return backup_if_changed(db_path, reason="periodic")


def backups_to_keep(times: Iterable[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """Which backup times the retention policy keeps.

    The 48 newest from the last 24 hours (so a mistake made this morning can
    still be undone this afternoon), plus the newest backup of each of the 12
    most recent days, 10 most recent ISO weeks and 9 most recent months that
    have backups.
    """
    ordered = sorted(set(times), reverse=True)
    keep = {t for t in ordered if now - t <= KEEP_ALL_WITHIN}
    keep = set(sorted(keep, reverse=True)[:KEEP_RECENT_MAX])
    for period, count in (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for moment in ordered:
            key = period(moment)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(moment)  # the newest of its period, since `ordered` is newest first
    return keep


def prune_backups(
    db_path: Path, *, now: dt.datetime, newest_good: Path | None = None
) -> list[Path]:
    """Delete backups the retention policy no longer keeps; return what was deleted.

    The newest backup that passes its check is never deleted, even when newer
    ones that fail it would let the policy drop it. ``newest_good`` names it when
    the caller knows it (a backup it has just checked), which saves the check.
    """
    backups = list_backups(db_path)
    keep = backups_to_keep((b.taken_at for b in backups), now)
    if newest_good is None and any(b.taken_at not in keep for b in backups):
        found = next((b for b in backups if check_backup_file(b.path) is None), None)
        newest_good = found.path if found else None
    removed = []
    for backup in backups:
        if backup.taken_at not in keep and backup.path != newest_good:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def restore_backup(backup_path: Path, db_path: Path) -> Backup | None:
    """Replace ``db_path`` with a checked backup, after backing up the current file.

    The caller must hold the database's write lock (the store does), so nobody
    writes while the file is swapped. The copy that goes into place is what is
    checked (:func:`check_restorable`), and nothing is replaced until it passes.
    Returns the backup taken of the current file, if there was one to take.

    Raises:
        StoreError: the backup is unusable or could not be put in place; the
            database is untouched.
    """
    temporary = db_path.with_name(f".{db_path.name}.restoring")
    try:
        # Copy the chosen backup first: the safety backup below must not be able
        # to prune it away before it is read.
        shutil.copyfile(backup_path, temporary)
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
    except OSError as error:
        _remove_restoring(temporary)
        raise StoreError(f"Could not read {backup_path}: {error}. Nothing was changed.") from error
    problem = check_restorable(temporary)
    if problem is not None:
        _remove_restoring(temporary)
        raise StoreError(f"{backup_path} cannot be restored: {problem}. Nothing was changed.")
    safety = None
    try:
        if db_path.exists() and check_backup_file(db_path) is None:
            safety = make_backup(db_path, reason="before-restore", prune=False)
        # The old file's journal belongs to the old file: it must not be replayed
        # onto the restored one.
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(temporary, db_path)
        _fsync_dir(db_path.parent)
    except OSError as error:
        _remove_restoring(temporary)
        raise StoreError(
            f"Could not restore {backup_path} to {db_path}: {error}. Nothing was changed."
        ) from error
    except StoreError as error:
        _remove_restoring(temporary)
        raise StoreError(f"{str(error).rstrip('.')}. Nothing was changed.") from None
    finally:
        for suffix in ("-wal", "-shm"):  # left by checking the copy, if it was in WAL mode
            temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)
    return safety


def _remove_restoring(temporary: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)
