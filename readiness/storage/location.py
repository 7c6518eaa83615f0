"""Where the database is: a file path or a server address, and the default file."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from readiness import APP_ID
from readiness.storage import credentials
from readiness.storage.errors import StoreError

DB_ENV = "READINESS_DB"


def default_database_path() -> Path:
    """The embedded database in the user's data folder."""
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / "readiness.sqlite3"


def resolve_location(db: str | None) -> str:
    """Pick the database: ``--db`` first, then ``READINESS_DB``, then the default file.

    A value with ``://`` is a SQLAlchemy URL (another engine); anything else a file path.

    Raises:
        StoreError: the path starts with ``~name`` for a user that does not exist.
    """
    chosen = db or os.environ.get(DB_ENV) or str(default_database_path())
    if "://" in chosen:
        return chosen
    try:
        return str(Path(chosen).expanduser())
    except RuntimeError:  # ~name of a user this computer does not have
        raise StoreError(
            f"{chosen}: no home folder is known for '{chosen.split('/')[0]}'; "
            "give the path without ~ or with your own ~"
        ) from None


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
