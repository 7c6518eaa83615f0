"""The ``readiness`` command line: scripting access to everything the app does.

Each command group is a module with a ``register`` function; what they share
lives in :mod:`readiness.cli.common`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from readiness import APP_NAME, __version__
from readiness.cli import (
    content,
    content_updates,
    evidence,
    gui,
    manage,
    markets,
    milestones,
    plan,
    portfolio,
    profile,
    report,
    scores,
    server,
    store,
)
from readiness.cli.arguments import ArgumentParser, printable, undecodable_argument
from readiness.cli.common import CommandError
from readiness.storage.errors import StoreError

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand registered."""
    parser = ArgumentParser(
        prog="readiness",
        description=f"{APP_NAME}: assess whether a company is ready to sell in a foreign market.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in (
        gui,
        content,
        store,
        manage,
        milestones,
        profile,
        content_updates,
        evidence,
        scores,
        markets,
        plan,
        report,
        portfolio,
        server,
    ):
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Every failure the user can act on ends in one line on standard error: each
    command turns its own into a :class:`CommandError`; a store or file-system
    problem that escapes one is still told in one line here.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Bytes that are not UTF-8 arrive as lone surrogates, which no file or database takes.
    undecodable = undecodable_argument(arguments)
    if undecodable is not None:
        print(
            f"readiness: error: the argument {undecodable} is not valid UTF-8 text",
            file=sys.stderr,
        )
        return 2
    parser = build_parser()
    args = parser.parse_args(arguments)
    handler: Handler = args.handler
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader went away (``readiness plan | head``): nothing is wrong, stop quietly.
        # Python would otherwise report the pipe again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (CommandError, StoreError) as error:
        message = str(error)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        message = f"{where}{error.strerror or error}"
    # A refused value may be repeated in the message: never as terminal control codes,
    # nor as a line break that would make two lines of one message.
    print(f"readiness: error: {printable(message)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
