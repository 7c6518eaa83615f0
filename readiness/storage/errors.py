"""What can go wrong with the store, each in words the user can act on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from readiness.domain.dates import plausible_date
from readiness.domain.records import SavedAction, SavedAnswer


@dataclass(frozen=True)
class DatabaseProblem:
    """A database's refusal in parts an interface words in its own language.

    ``kind``: ``busy``, ``read-only``, ``disk-full``, ``refused`` (any other refusal),
    or the reason of a failed connection (``wrong-password``, ``timeout``… as
    :class:`readiness.storage.credentials.CredentialsError` names them);
    ``location`` the database (may hold a password: shown through ``display_location``);
    ``server`` the account for a connection reason; ``detail`` the database's own words,
    for a details section or a log, never the main text.
    """

    kind: str
    location: str
    server: str = ""
    detail: str = ""


class StoreError(Exception):
    """A problem with the store the user can act on; the message says what and where.

    ``problem`` is set when the database itself refused, for wording it in the
    user's language.
    """

    def __init__(self, *args: object, problem: DatabaseProblem | None = None) -> None:
        super().__init__(*args)
        self.problem = problem


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


class StoreNotWritableError(StoreError):
    """The file or its folder cannot be written (read-only folder, disk or permissions);
    it can still be opened read-only. ``reason`` is the system's word for it."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class ReadOnlyStoreError(StoreError):
    """A write was attempted on a store opened read-only."""


class ConstraintViolated(StoreError):
    """A write broke a unique or foreign-key rule (told apart where that means a race)."""


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

    def __init__(self, message: str, *, theirs: SavedAction | None) -> None:
        super().__init__(message)
        self.theirs = theirs


def refuse_implausible_date(day: dt.date | None, what: str) -> dt.date | None:
    """``day`` when it is None or a plausible date; else a :class:`StoreError` naming ``what``.

    Every way a date is written (the app, a command, an import) goes through the
    store, so this one check keeps a year-1 or year-9999 date out of everything
    that computes with it later.
    """
    if day is None:
        return None
    try:
        return plausible_date(day)
    except ValueError as error:
        raise StoreError(f"The {what} {error}; nothing was saved.") from None
