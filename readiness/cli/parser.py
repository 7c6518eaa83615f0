"""The whole ``readiness`` argument parser: every command group's subcommands.

Building it imports only the light ``readiness.cli.parsers`` modules (no database,
report or spreadsheet library), so ``readiness --help`` and a command's own
parsing start fast.
"""

from __future__ import annotations

import argparse

from readiness import APP_NAME, __version__
from readiness.cli.arguments import ArgumentParser
from readiness.cli.parsers import (
    companies,
    content,
    content_updates,
    evidence,
    gui,
    history,
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
    team,
)


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
        companies,
        milestones,
        history,
        profile,
        content_updates,
        evidence,
        scores,
        markets,
        plan,
        report,
        portfolio,
        server,
        team,
    ):
        group.register(sub)
    return parser
