"""What each command accepts, kept apart from what it does.

Every command group has a module here with a ``register(sub)`` function that adds
its subcommands and their arguments. A subcommand's handler is a :class:`Deferred`:
the module that runs it (``readiness.cli.<group>``, with the store, the report
renderer or the spreadsheet library it needs) is imported only when that
subcommand runs. Building the whole parser, as ``readiness --help`` and every
command do, therefore imports none of the database, report or spreadsheet
libraries.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from readiness.cli.arguments import database, text

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Deferred:
    """A command's handler, named by its module and function, imported when it runs."""

    module: str
    function: str

    def resolve(self) -> Handler:
        """The handler itself (its module is imported now, if it was not yet)."""
        handler: Handler = getattr(importlib.import_module(self.module), self.function)
        return handler

    def __call__(self, args: argparse.Namespace) -> int:
        return self.resolve()(args)


def deferred(group: str, function: str) -> Deferred:
    """The handler ``function`` of the command module ``readiness.cli.<group>``."""
    return Deferred(f"readiness.cli.{group}", function)


def db_option() -> argparse.ArgumentParser:
    """The parent parser of every command on a database: ``--db``, ``--as`` and
    ``--read-only``."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        type=database,
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: READINESS_DB, else the file in "
        "your user data folder)",
    )
    parent.add_argument(
        "--as",
        dest="user",
        type=text,
        metavar="NAME",
        help="the name recorded on your changes (default: your login name)",
    )
    parent.add_argument(
        "--read-only",
        action="store_true",
        help="open the database read-only: nothing is written to it, not even a backup "
        "(for a read-only folder or disk, or beside a window that has it open)",
    )
    return parent
