"""The ``readiness`` command line: scripting access to everything the app does."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from readiness import APP_NAME, __version__

Handler = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A failure the user can act on; printed as one clear line, never a traceback."""


def _run_gui(args: argparse.Namespace) -> int:
    # The desktop app lives outside the core; load it only when asked for, so the
    # core (and every other subcommand) stays free of Qt.
    app = importlib.import_module("ui.app")
    result: int = app.main(args.qt_args)
    return result


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="readiness",
        description=f"{APP_NAME}: assess whether a company is ready to sell in a foreign market.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    gui = sub.add_parser("gui", help="open the desktop app")
    gui.add_argument("qt_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    gui.set_defaults(handler=_run_gui)

    # Each module adds its own subcommands; imported here because they use CommandError.
    from readiness.cli import content as cli_content
    from readiness.cli import portfolio as cli_portfolio
    from readiness.cli import report as cli_report
    from readiness.cli import scores as cli_scores
    from readiness.cli import server as cli_server
    from readiness.cli import store as cli_store

    cli_content.register(sub)
    cli_store.register(sub)
    cli_scores.register(sub)
    cli_report.register(sub)
    cli_portfolio.register(sub)
    cli_server.register(sub)
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
