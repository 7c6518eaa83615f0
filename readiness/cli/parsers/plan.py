"""What ``plan`` accepts."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id
from readiness.cli.parsers import db_option, deferred
from readiness.content.model import CURRENCIES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``plan`` subcommand to the command line."""
    plan = sub.add_parser(
        "plan",
        parents=[db_option()],
        help="the action plan: order, dates, critical path, earliest entry and budget",
    )
    plan.add_argument("--assessment", type=assessment_id, required=True)
    plan.add_argument("--market", metavar="CODE", help="only the actions serving this market")
    plan.add_argument("--json", action="store_true", help="as JSON for scripts")
    plan.add_argument("--lang", choices=("en", "zh"), default="en")
    plan.add_argument(
        "--currency",
        choices=CURRENCIES,
        help="total the budget in this currency (default: the assessment's own)",
    )
    plan.set_defaults(handler=deferred("plan", "run_plan"))
