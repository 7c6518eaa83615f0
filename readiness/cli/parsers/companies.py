"""What ``companies`` and ``company`` accept: the register of member firms."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import company_id
from readiness.cli.parsers import db_option, deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the companies and company subcommands to the command line."""
    db = db_option()
    listing = sub.add_parser(
        "companies", parents=[db], help="list the member firms (archived ones with --archived)"
    )
    shown = listing.add_mutually_exclusive_group()
    shown.add_argument("--archived", action="store_true", help="only the archived ones")
    shown.add_argument("--all", action="store_true", help="archived ones too")
    listing.add_argument("--json", action="store_true", help="as JSON for scripts")
    listing.set_defaults(handler=deferred("companies", "run_companies"))

    company = sub.add_parser(
        "company", help="merge two companies, archive one, or delete one (after a backup)"
    )
    actions = company.add_subparsers(dest="company_action", metavar="ACTION", required=True)
    merge = actions.add_parser(
        "merge",
        parents=[db],
        help="move every assessment of one company to another and remove the first "
        "(after a backup)",
    )
    merge.add_argument("--into", type=company_id, required=True, metavar="ID")
    merge.add_argument("--from", dest="source", type=company_id, required=True, metavar="ID")
    merge.set_defaults(handler=deferred("companies", "run_merge"))
    archive = actions.add_parser(
        "archive",
        parents=[db],
        help="archive a firm: it and its assessments leave the lists and the portfolio; "
        "--undo brings it back",
    )
    archive.add_argument("--company", type=company_id, required=True, metavar="ID")
    archive.add_argument("--undo", action="store_true", help="bring an archived firm back")
    archive.set_defaults(handler=deferred("companies", "run_archive"))
    delete = actions.add_parser(
        "delete",
        parents=[db],
        help="delete a firm with all its assessments, after a checked backup",
    )
    delete.add_argument("--company", type=company_id, required=True, metavar="ID")
    delete.add_argument(
        "--yes", action="store_true", help="confirm: its assessments go (a backup is kept)"
    )
    delete.set_defaults(handler=deferred("companies", "run_delete"))
