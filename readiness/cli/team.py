"""Subcommands that set a team server up and decide who sees which company.

``team init`` runs once on an empty database; ``team add-member`` and
``team remove-member``, ``grant``, ``revoke`` and ``grants`` are for the
platform's administrators. A new member's password is read from standard input
when it is not a terminal (for scripts), else asked for twice; it is never an
argument, so it never lands in the shell's history or the process list.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from readiness.cli.common import CommandError
from readiness.services import team
from readiness.storage.credentials import display_location, is_server_location
from readiness.storage.location import resolve_location

# A password longer than this is not read from standard input.
MAX_PASSWORD_LENGTH = 4096
ROLE_NAMES = {"admin": "administrator", "consultant": "consultant", "firm": "firm user"}


def _server(args: argparse.Namespace) -> str:
    location = resolve_location(args.db)
    if not is_server_location(location):
        raise CommandError(
            f"{display_location(location)} is a file, which has one user; team members and "
            "access are for a team server: give --db postgresql+psycopg://user@host/database"
        )
    return location


def read_new_password(login: str) -> str:
    """The new member's password: a line of standard input, or typed twice at a terminal."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline(MAX_PASSWORD_LENGTH)
        password = line.rstrip("\r\n")
    else:
        try:
            password = getpass.getpass(f"Password for {login}: ")
            again = getpass.getpass(f"The same password for {login} again: ")
        except (EOFError, KeyboardInterrupt):
            raise CommandError("no password given; nothing was changed") from None
        if password != again:
            raise CommandError("the two passwords differ; nothing was changed")
    if not password:
        raise CommandError(
            f"no password given for {login} (type it when asked, or pipe it to standard "
            "input); nothing was changed"
        )
    return password


def run_init(args: argparse.Namespace) -> int:
    """Set an empty server database up for a team."""
    location = _server(args)
    try:
        owner, member = team.set_up(location)
    except team.TeamError as error:
        raise CommandError(str(error)) from None
    print(
        f"{display_location(location)} is set up for a team: its tables belong to {owner}, "
        f"members' logins are granted {member}, and every firm's rows are guarded by the "
        "database. Next: readiness team add-member --role admin ..."
    )
    return 0


def run_upgrade(args: argparse.Namespace) -> int:
    """Bring a team database up to this version."""
    location = _server(args)
    try:
        team.upgrade(location)
    except team.TeamError as error:
        raise CommandError(str(error)) from None
    print(f"{display_location(location)} is up to date, with its access rules renewed")
    return 0


def run_add_member(args: argparse.Namespace) -> int:
    """Add a person to the team."""
    location = _server(args)
    if args.role == "firm" and not args.company:
        raise CommandError("a firm user belongs to one company: give --company ID-OR-NAME")
    if args.role != "firm" and args.company:
        raise CommandError(
            "--company is a firm user's own company; give consultants firms with "
            "'readiness grant' (administrators see every company)"
        )
    password = read_new_password(args.user)
    try:
        created = team.add_member(
            location,
            args.user,
            args.role,
            password,
            company=args.company,
            display_name=args.display_name or "",
        )
    except team.TeamError as error:
        raise CommandError(str(error)) from None
    login = "new login" if created else "existing login, password unchanged"
    print(f"{args.user} ({login}) joined the team as {ROLE_NAMES[args.role]}")
    return 0


def run_remove_member(args: argparse.Namespace) -> int:
    """Take a person off the team."""
    location = _server(args)
    try:
        team.remove_member(location, args.user)
    except team.TeamError as error:
        raise CommandError(str(error)) from None
    print(
        f"{args.user} is off the team and sees no company; their login stays on the server "
        f'until its administrator drops it (DROP ROLE "{args.user}")'
    )
    return 0


def run_grant(args: argparse.Namespace) -> int:
    """Let a member see a company, or every company."""
    location = _server(args)
    try:
        count = team.grant(location, args.user, None if args.all else args.company)
    except team.TeamError as error:
        raise CommandError(str(error)) from None
    what = "every company" if args.all else args.company
    print(f"{args.user} now sees {what} ({count} newly granted)")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    """Take a company, or every company, away from a member."""
    location = _server(args)
    try:
        count = team.revoke(location, args.user, None if args.all else args.company)
    except team.TeamError as error:
        raise CommandError(str(error)) from None
    what = "any company" if args.all else args.company
    print(f"{args.user} no longer sees {what} ({count} taken away), from their next step on")
    return 0


def run_grants(args: argparse.Namespace) -> int:
    """List the members, their roles, display names and companies."""
    location = _server(args)
    try:
        found = team.members(location)
    except team.TeamError as error:
        raise CommandError(str(error)) from None
    if args.json:
        document = [
            {
                "login": m.login,
                "display_name": m.display_name,
                "role": m.role,
                "company": m.company_id,
                "companies": [{"id": key, "name": name} for key, name in m.companies],
            }
            for m in found
        ]
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("nobody is on the team yet (or you may see only yourself and are not on it)")
        return 0
    for m in found:
        if m.role == "admin":
            sees = "every company"
        else:
            sees = ", ".join(f"{name} ({key})" for key, name in m.companies) or "no company"
        print(f"{m.login}  {m.display_name}  {ROLE_NAMES[m.role]}: {sees}")
    return 0
