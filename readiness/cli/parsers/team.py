"""What ``team``, ``grant``, ``revoke`` and ``grants`` accept."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import database, text
from readiness.cli.parsers import deferred

ROLES = ("admin", "consultant", "firm")


def _server(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=database,
        metavar="URL",
        help="the team server, e.g. postgresql+psycopg://user@host:5432/database "
        "(default: READINESS_DB)",
    )


def _who(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", required=True, type=text, metavar="NAME", help="login name")


def _which(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--company", type=text, metavar="ID-OR-NAME", help="one company")
    which.add_argument("--all", action="store_true", help="every company in the database")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the team server's set-up and access commands to the command line."""
    team = sub.add_parser("team", help="set a team server up and manage its members")
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    init = actions.add_parser(
        "init",
        help="set an empty server database up for a team (run once, by its owner or a "
        "superuser): roles, tables and row-level security",
    )
    _server(init)
    init.set_defaults(handler=deferred("team", "run_init"))

    upgrade = actions.add_parser(
        "upgrade", help="bring a team database's tables and access rules to this version"
    )
    _server(upgrade)
    upgrade.set_defaults(handler=deferred("team", "run_upgrade"))

    add = actions.add_parser(
        "add-member",
        help="add a person: their login (password from standard input or asked twice), "
        "role and, for a firm user, their company",
    )
    _server(add)
    _who(add)
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--company", type=text, metavar="ID-OR-NAME", help="a firm user's own company")
    add.add_argument(
        "--display-name",
        type=text,
        metavar="TEXT",
        help='the name shown on their changes, e.g. "Chen Jie 陈杰" (default: the login)',
    )
    add.set_defaults(handler=deferred("team", "run_add_member"))

    remove = actions.add_parser(
        "remove-member", help="take a person off the team: no roster entry, no access"
    )
    _server(remove)
    _who(remove)
    remove.set_defaults(handler=deferred("team", "run_remove_member"))

    grant = sub.add_parser("grant", help="let a team member see a company (or all)")
    _server(grant)
    _who(grant)
    _which(grant)
    grant.set_defaults(handler=deferred("team", "run_grant"))

    revoke = sub.add_parser("revoke", help="take a company (or all) away from a team member")
    _server(revoke)
    _who(revoke)
    _which(revoke)
    revoke.set_defaults(handler=deferred("team", "run_revoke"))

    grants = sub.add_parser(
        "grants", help="list the team's members, their roles and the companies they see"
    )
    _server(grants)
    grants.add_argument("--json", action="store_true", help="as JSON for scripts")
    grants.set_defaults(handler=deferred("team", "run_grants"))
