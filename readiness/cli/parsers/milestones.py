"""What ``milestones`` accepts."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id, name
from readiness.cli.parsers import db_option, deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the milestones subcommand to the command line."""
    milestones = sub.add_parser(
        "milestones",
        parents=[db_option()],
        help="list an assessment's milestones; show what changed at one; rename or delete one",
    )
    milestones.add_argument("--assessment", type=assessment_id, required=True, metavar="ID")
    what = milestones.add_mutually_exclusive_group()
    what.add_argument(
        "--changes",
        type=int,
        metavar="POINT",
        help="what changed at this point of the list (1 = the first; the last is now) "
        "since the one before",
    )
    what.add_argument("--rename", type=int, metavar="MILESTONE_ID", help="rename a milestone")
    what.add_argument("--delete", type=int, metavar="MILESTONE_ID", help="delete a milestone")
    milestones.add_argument("--name", type=name, metavar="TEXT", help="the new name (--rename)")
    milestones.add_argument("--yes", action="store_true", help="confirm --delete")
    milestones.set_defaults(handler=deferred("milestones", "run_milestones"))
