"""What ``history`` accepts."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id
from readiness.cli.parsers import db_option, deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the history subcommand to the command line."""
    history = sub.add_parser(
        "history",
        parents=[db_option()],
        help="every change of one answer (or its action): who, when, value, note, evidence",
    )
    history.add_argument("--assessment", type=assessment_id, required=True, metavar="ID")
    history.add_argument("--item", required=True, metavar="ITEM", help="question id, e.g. CERT-004")
    history.add_argument("--market", metavar="CODE", help="market code, for per-market questions")
    history.add_argument(
        "--action", action="store_true", help="the history of the question's action instead"
    )
    history.add_argument("--json", action="store_true", help="as JSON for scripts")
    history.add_argument("--lang", choices=("en", "zh"), default="en")
    history.set_defaults(handler=deferred("history", "run_history"))
