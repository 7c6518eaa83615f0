"""What ``score`` and ``compare`` accept."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id
from readiness.cli.parsers import db_option, deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the scoring subcommands to the command line."""
    db = db_option()
    score = sub.add_parser("score", parents=[db], help="readiness per market and dimension")
    score.add_argument("--assessment", type=assessment_id, required=True)
    score.add_argument("--json", action="store_true", help="as JSON for scripts")
    score.add_argument("--lang", choices=("en", "zh"), default="en")
    score.set_defaults(handler=deferred("scores", "run_score"))

    compare = sub.add_parser("compare", parents=[db], help="markets side by side")
    compare.add_argument("--assessment", type=assessment_id, required=True)
    compare.add_argument("--json", action="store_true", help="as JSON for scripts")
    compare.add_argument("--lang", choices=("en", "zh"), default="en")
    compare.set_defaults(handler=deferred("scores", "run_compare"))
