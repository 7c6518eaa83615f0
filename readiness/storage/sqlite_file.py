"""The SQLite file itself: recognising our own files, checking them, and moving a damaged one aside.

Everything here works on the file with plain ``sqlite3`` connections, before
(or beside) any engine: opening, backups and restores all start from these checks.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from readiness.storage.errors import NotOurFileError, StoreError
from readiness.storage.tables import table_names

# Written into the SQLite header so that we recognise our own files
# (and refuse someone else's); "MERD" in ASCII.
APPLICATION_ID = 0x4D455244
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path``, percent-encoded (``#``, ``?`` and ``%`` are legal
    in folder names and would otherwise cut the URI short)."""
    return path.resolve().as_uri() + "?mode=ro"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain read-only connection for checks and copies."""
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)


def read_header(path: Path) -> tuple[bytes, int]:
    """The file's magic string and its application id (0 when it has none)."""
    with path.open("rb") as handle:
        header = handle.read(100)
    application_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
    return header[:16], application_id


def inspect_sqlite_file(path: Path) -> str | None:
    """Refuse a file that is not ours; say what is damaged in one that is, or None.

    A missing or empty file is fine (it becomes a new database). The file is
    never changed here: moving a damaged one aside is :func:`quarantine`.

    Raises:
        NotOurFileError: the file is not SQLite, or another program's SQLite file.
        StoreError: the file cannot be read.
    """
    try:
        if not path.exists() or path.stat().st_size == 0:
            return None
        magic, application_id = read_header(path)
    except OSError as error:
        raise StoreError(f"Cannot read {path}: {error.strerror or error}.") from error
    if magic != SQLITE_MAGIC:
        if magic.startswith(b"SQLite"):
            return "its header is damaged"
        raise NotOurFileError(
            f"{path} is not a Market Entry Readiness database (not an SQLite file). "
            "Choose another file, or move this one away."
        )
    if application_id not in (0, APPLICATION_ID):
        raise NotOurFileError(
            f"{path} is an SQLite database of another program "
            f"(application id {application_id:#x}); it was left untouched."
        )
    problem = quick_check(path)
    if problem is not None:
        return problem
    if application_id == 0 and has_foreign_tables(path):
        raise NotOurFileError(
            f"{path} is an SQLite database that does not belong to Market Entry Readiness; "
            "it was left untouched."
        )
    return None


def quick_check(path: Path) -> str | None:
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


def has_foreign_tables(path: Path) -> bool:
    """Whether the file holds tables, none of them ours (another program's database)."""
    try:
        connection = connect_read_only(path)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StoreError(f"Cannot read {path}: {error}.") from error
    ours = {"alembic_version", *table_names()}
    user_tables = {name for name in names if not name.startswith("sqlite_")}
    return bool(user_tables) and not user_tables & ours


def quarantine(path: Path, problem: str) -> Path:
    """Move a damaged file (and its journal) aside to ``<name>.damaged`` or ``.damaged-N``.

    Only a caller holding the write lock may do this. Returns where the file went.

    Raises:
        StoreError: the file could not be moved.
    """
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
    return target


def has_user_data(path: Path) -> bool:
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
