"""The SQLite file itself: recognising our own files, checking them, and moving a damaged one aside.

Everything here works on the file with plain ``sqlite3`` connections, before
(or beside) any engine: opening, backups and restores all start from these checks.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from readiness.storage.errors import NotOurFileError, StoreError
from readiness.storage.tables import table_names

# Written into the SQLite header so that we recognise our own files
# (and refuse someone else's); "MERD" in ASCII.
APPLICATION_ID = 0x4D455244
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
BUSY_TIMEOUT_MS = 5000

_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")
_NOT_SQLITE = "its first page is not an SQLite header"


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A read-only SQLite URI for ``path``, percent-encoded (``#``, ``?`` and ``%`` are legal
    in folder names and would otherwise cut the URI short)."""
    immutable = immutable or must_read_immutably(path)
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def must_read_immutably(path: Path) -> bool:
    """Whether ``path`` can only be read as an immutable file.

    A WAL file is read beside a shared-memory file, and in a folder that cannot
    be written none can be made. Reading it as immutable is safe while nobody
    writes it, which a missing ``-wal`` file shows.
    """
    return not side_file(path, "-wal").exists() and not os.access(path.parent, os.W_OK)


def side_file(path: Path, suffix: str) -> Path:
    """The journal beside ``path`` (``-wal``, ``-shm``, ``-journal``)."""
    return path.with_name(path.name + suffix)


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A plain read-only connection for checks and copies."""
    return sqlite3.connect(
        read_only_uri(path, immutable=immutable), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )


@dataclass(frozen=True)
class FileIdentity:
    """What a file at a database path is, found without changing it.

    ``kind`` is ``"new"`` (missing, empty, or an SQLite database with nothing in
    it), ``"ours"`` (proven a Market Entry Readiness database), ``"damaged"`` (an
    SQLite file too damaged to tell whose it is) or ``"unrecognised"`` (not an
    SQLite file at all: another program's, or one of ours whose start was cut or
    overwritten). ``problem`` says what is wrong with a file that is not ``"ours"``,
    for when backups beside it show that it was ours.
    """

    kind: Literal["new", "ours", "damaged", "unrecognised"]
    problem: str = ""


def identify_file(path: Path) -> FileIdentity:
    """Whether ``path`` is ours, new or unrecognisable; refuse another program's database.

    Only the header and, when it carries no application id, the schema are
    read, without locking and without leaving a journal beside the file: nothing
    is written to a file before it is proven ours (or empty).

    Raises:
        NotOurFileError: a valid SQLite database of another program (another
            application id or user version, or tables that are not ours).
        StoreError: the file cannot be read.
    """
    try:
        if not path.exists():
            return FileIdentity("new")
        size = path.stat().st_size
        if size == 0:
            return FileIdentity("new", "it is empty (0 bytes)")
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        raise StoreError(f"Cannot read {path}: {error.strerror or error}.") from error
    if not header.startswith(b"SQLite"):
        if SQLITE_MAGIC.startswith(header):  # the start of a header, cut short
            length = f"it is only {size} byte{'' if size == 1 else 's'} long"
            return FileIdentity("unrecognised", length)
        return FileIdentity("unrecognised", _NOT_SQLITE)
    if header[:16] != SQLITE_MAGIC:
        return FileIdentity("damaged", "its header is damaged")
    if len(header) < HEADER_SIZE:
        return FileIdentity("damaged", f"it is cut short to {size} bytes")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == APPLICATION_ID:
        return FileIdentity("ours")
    if application_id != 0:
        raise _another_programs(path, f"application id {application_id:#x}")
    return _identify_unmarked(path)


def _identify_unmarked(path: Path) -> FileIdentity:
    """A valid SQLite file without an application id in its header: look at its schema.

    Ours only when it has our revision table and no table that is not ours (a
    file of ours whose id still waits in its WAL file shows the id instead).
    """
    # Without a journal beside it nobody is writing the file, and reading it as
    # immutable leaves no -wal or -shm file behind.
    busy = any(side_file(path, suffix).exists() for suffix in ("-wal", "-journal"))
    try:
        connection = connect_read_only(path, immutable=not busy)
        try:
            (application_id,) = connection.execute("PRAGMA application_id").fetchone()
            (user_version,) = connection.execute("PRAGMA user_version").fetchone()
            tables = {
                str(row[0])
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            has_schema = connection.execute("SELECT 1 FROM sqlite_master").fetchone() is not None
        finally:
            connection.close()
    except sqlite3.Error as error:
        text = str(error)
        if any(word in text for word in _DAMAGE_WORDS):
            return FileIdentity("damaged", text)
        raise StoreError(f"Cannot open {path}: {text}.") from error
    if application_id == APPLICATION_ID:
        return FileIdentity("ours")
    if application_id != 0:
        raise _another_programs(path, f"application id {application_id:#x}")
    if user_version != 0:
        raise _another_programs(path, f"user version {user_version}")
    if not has_schema:
        return FileIdentity("new")
    user_tables = {name for name in tables if not name.startswith("sqlite_")}
    if "alembic_version" in user_tables and user_tables <= {"alembic_version", *table_names()}:
        return FileIdentity("ours")
    raise NotOurFileError(
        f"{path} is an SQLite database that does not belong to Market Entry Readiness; "
        "it was left untouched."
    )


def _another_programs(path: Path, mark: str) -> NotOurFileError:
    return NotOurFileError(
        f"{path} is an SQLite database of another program ({mark}); it was left untouched."
    )


def unrecognised_error(path: Path, identity: FileIdentity) -> NotOurFileError:
    """The refusal of a file that cannot be recognised and has no backups to show it was ours."""
    if identity.problem == _NOT_SQLITE:
        return NotOurFileError(
            f"{path} is not a Market Entry Readiness database (not an SQLite file); "
            "it was left untouched. Choose another file, or move this one away."
        )
    return NotOurFileError(
        f"{path} cannot be recognised ({identity.problem}): it may be a damaged database "
        "or another program's file, and no backups of it were found; it was left untouched."
    )


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
