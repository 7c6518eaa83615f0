"""The ``readiness`` command line: scripting access to everything the app does.

Each command group is a module with a ``register`` function; what they share
lives in :mod:`readiness.cli.common`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from readiness import APP_NAME, __version__
from readiness.cli import content, gui, portfolio, report, scores, server, store
from readiness.cli.common import CommandError

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="readiness",
        description=f"{APP_NAME}: assess whether a company is ready to sell in a foreign market.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in (gui, content, store, scores, report, portfolio, server):
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except CommandError as error:
        print(f"readiness: error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
