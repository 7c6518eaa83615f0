"""What ``rename``, ``duplicate``, ``archive``, ``delete`` and ``copy`` accept."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id, database, name, text
from readiness.cli.parsers import db_option, deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the assessment-managing subcommands to the command line."""
    db = db_option()

    rename = sub.add_parser("rename", parents=[db], help="give an assessment a new title")
    rename.add_argument("--assessment", type=assessment_id, required=True, metavar="ID")
    rename.add_argument("--title", type=name, required=True, metavar="TEXT")
    rename.set_defaults(handler=deferred("manage", "run_rename"))

    duplicate = sub.add_parser(
        "duplicate",
        parents=[db],
        help="start a re-assessment: a new assessment with the same company, markets and "
        "answers, whose trend carries on from this one",
    )
    duplicate.add_argument("--assessment", type=assessment_id, required=True, metavar="ID")
    duplicate.add_argument(
        "--title", type=name, metavar="TEXT", help="default: the old title and today's date"
    )
    duplicate.set_defaults(handler=deferred("manage", "run_duplicate"))

    archive = sub.add_parser(
        "archive",
        parents=[db],
        help="archive an assessment: it leaves the list and the portfolio "
        "('readiness list --archived' shows it); --undo brings it back",
    )
    archive.add_argument("--assessment", type=assessment_id, required=True, metavar="ID")
    archive.add_argument("--undo", action="store_true", help="bring an archived one back")
    archive.set_defaults(handler=deferred("manage", "run_archive"))

    delete = sub.add_parser(
        "delete",
        parents=[db],
        help="delete an assessment with its answers, after a checked backup",
    )
    delete.add_argument("--assessment", type=assessment_id, required=True, metavar="ID")
    delete.add_argument(
        "--yes", action="store_true", help="confirm: the answers go (a backup is kept)"
    )
    delete.set_defaults(handler=deferred("manage", "run_delete"))

    copy = sub.add_parser(
        "copy",
        help="copy an assessment to another database (a local file <-> a team server)",
    )
    copy.add_argument(
        "--as",
        dest="user",
        type=text,
        metavar="NAME",
        help="the name recorded on your changes (default: your login name)",
    )
    copy.add_argument(
        "--replace",
        action="store_true",
        help="update an earlier copy there in place (after a backup) instead of adding another",
    )
    copy.add_argument("--from", dest="source", type=database, required=True, metavar="PATH_OR_URL")
    copy.add_argument("--to", dest="target", type=database, required=True, metavar="PATH_OR_URL")
    copy.add_argument("--assessment", type=assessment_id, required=True, metavar="ID")
    copy.set_defaults(handler=deferred("manage", "run_copy"))
