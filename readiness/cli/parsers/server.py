"""What ``login`` and ``logout`` accept."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import database
from readiness.cli.parsers import deferred

EXAMPLE_URL = "postgresql+psycopg://user@host:5432/database"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``login`` and ``logout`` to the command line."""
    login = sub.add_parser(
        "login", help="check a team server's password and keep it in the system keyring"
    )
    login.add_argument(
        "--db",
        type=database,
        metavar="URL",
        help=f"the server, e.g. {EXAMPLE_URL} (default: READINESS_DB)",
    )
    login.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (for scripts) instead of asking",
    )
    login.set_defaults(handler=deferred("server", "run_login"))

    logout = sub.add_parser("logout", help="forget a team server's saved password")
    logout.add_argument(
        "--db",
        type=database,
        metavar="URL",
        help=f"the server, e.g. {EXAMPLE_URL} (default: READINESS_DB)",
    )
    logout.set_defaults(handler=deferred("server", "run_logout"))
