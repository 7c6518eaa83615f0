"""The ``gui`` subcommand: open the desktop app through its installed entry point.

The core knows the app only by the entry point the package declares
(``readiness-app`` among the GUI scripts), never by its module, so the core
stays free of Qt and an installation without the app says so in one line.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from typing import cast

from readiness.cli.common import CommandError

APP_ENTRY_POINT = "readiness-app"
APP_ENTRY_GROUP = "gui_scripts"

AppMain = Callable[[Sequence[str]], int]


def installed_app() -> AppMain:
    """The desktop app's ``main``, found through its installed entry point.

    Raises:
        CommandError: the app is not installed, or cannot be loaded.
    """
    found = entry_points(group=APP_ENTRY_GROUP, name=APP_ENTRY_POINT)
    entry = next(iter(found), None)
    if entry is None:
        raise CommandError(
            f"the desktop app is not installed (no '{APP_ENTRY_POINT}' entry point); "
            "install the market-entry-readiness package with its app"
        )
    try:
        return cast(AppMain, entry.load())
    except ImportError as error:
        raise CommandError(f"the desktop app cannot be loaded: {error}") from None


def run_gui(args: argparse.Namespace) -> int:
    """Open the desktop app with the remaining arguments; return its exit code."""
    return installed_app()(args.qt_args)
