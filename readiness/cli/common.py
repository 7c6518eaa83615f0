"""What every command module shares: the one-line error, opening the store and the
content, and the plain-data and table helpers of the score commands.

Light to import: what opens the store or reads the content is imported by the
function that does it, so the parser and ``readiness --help`` never load it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from readiness.cli.columns import char_width, display_width
from readiness.domain.rounding import round_half_up
from readiness.storage.errors import DatabaseLockedError, StoreError, StoreNotWritableError

if TYPE_CHECKING:
    from readiness.content.catalog import Catalog
    from readiness.domain.scoring import MarketReadiness
    from readiness.storage.store import Store


class CommandError(Exception):
    """A failure the user can act on; printed as one clear line, never a traceback."""


def warn(message: str) -> None:
    """Tell the user something went wrong that did not stop the command: one line on stderr."""
    print(f"readiness: warning: {message}", file=sys.stderr)


def refuse_read_only(args: argparse.Namespace) -> None:
    """Refuse a command that writes when ``--read-only`` was given."""
    if getattr(args, "read_only", False):
        command = getattr(args, "command", None) or "this command"
        raise CommandError(
            f"'{command}' writes to the database, and --read-only was given; "
            "nothing was changed. Run it without --read-only."
        )


@contextmanager
def command_store(args: argparse.Namespace, *, reading: bool = False) -> Iterator[Store]:
    """Open the store for a command; a reading command falls back to read-only.

    The desktop app holds the write lock while it is open; reports, scores and
    exports only read, so they work beside it, and in a folder that cannot be
    written. With ``--read-only`` a reading command opens the store read-only
    and a writing one is refused.
    """
    read_only = getattr(args, "read_only", False)
    if not reading:
        refuse_read_only(args)
    with open_database(
        args.db, reading=reading, user=getattr(args, "user", None), read_only=read_only
    ) as store:
        yield store


@contextmanager
def open_database(
    location: str | None,
    *,
    reading: bool = False,
    user: str | None = None,
    read_only: bool = False,
) -> Iterator[Store]:
    """Open the store at ``location``; any store problem becomes a :class:`CommandError`.

    A reading command falls back to read-only when another process holds the
    file, or when the file or its folder cannot be written (saying so once).
    Warnings from opening (a backup that could not be taken) are printed once.
    """
    # Imported here, not above: the database libraries load only for a command that
    # opens a store, never to build the parser or show the help.
    from readiness.storage.opening import open_store

    try:
        store = open_store(location, read_only=read_only, user=user)
    except DatabaseLockedError as error:
        if not reading:
            raise CommandError(str(error)) from None
        store = _open_read_only(location, user)
    except StoreNotWritableError as error:
        if not reading:
            raise CommandError(str(error)) from None
        store = _open_read_only(location, user)
        warn(f"{store.location} cannot be written ({error.reason}); opened it read-only")
    except StoreError as error:
        raise CommandError(str(error)) from None
    for message in store.warnings:
        warn(message)
    on_server = store.engine.dialect.name != "sqlite"
    if on_server and user and not reading and store.user.strip() != user.strip():
        # A team server names its members by the roster, whatever --as says.
        warn(
            f"this team server records your changes as {store.user!r}, the roster's name "
            f"for your login; --as {user!r} is not used"
        )
    try:
        yield store
    except StoreError as error:
        raise CommandError(str(error)) from None
    finally:
        store.close()


def _open_read_only(location: str | None, user: str | None) -> Store:
    from readiness.storage.opening import open_store

    try:
        return open_store(location, read_only=True, user=user)
    except StoreError as error:
        raise CommandError(str(error)) from None


def bundled_catalog() -> Catalog:
    """The bundled content, or a :class:`CommandError` saying why it is invalid."""
    from readiness.content.catalog import load_catalog
    from readiness.content.documents import ContentError

    try:
        return load_catalog()
    except ContentError as error:
        problems = "; ".join(str(problem) for problem in error.problems)
        raise CommandError(f"the bundled content is invalid: {problems}") from None


def pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad to a display width, counting Chinese characters as two columns."""
    shown = display_width(text)
    while shown > width:
        shown -= char_width(text[-1])
        text = text[:-1]
    space = " " * (width - shown)
    return space + text if right else text + space


def market_json(market: MarketReadiness) -> dict[str, Any]:
    """One market's scores as plain data."""
    return {
        "overall": round_half_up(market.overall, 2),
        "level": market.level.value,
        "dimensions": {
            dimension: None if d.score is None else round_half_up(d.score, 2)
            for dimension, d in market.dimensions.items()
        },
        "blockers": list(market.blockers),
        "completeness": round_half_up(market.completeness, 4),
        "provisional": market.provisional,
        # The share answered with something other than "don't know", and its band.
        "confidence": round_half_up(market.confidence, 3),
        "confidence_band": market.confidence_band.value,
    }
