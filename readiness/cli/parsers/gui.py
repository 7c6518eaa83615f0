"""What ``gui`` accepts: everything after it goes to the app."""

from __future__ import annotations

import argparse

from readiness.cli.parsers import deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``gui`` to the command line."""
    gui = sub.add_parser("gui", help="open the desktop app")
    gui.add_argument("qt_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    gui.set_defaults(handler=deferred("gui", "run_gui"))
