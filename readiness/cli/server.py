"""Subcommands for a team server: ``login`` saves its password in the OS keyring, ``logout``
forgets it.

The password is asked for (or read from standard input for scripts), checked by
connecting, and only then saved; it never appears on the command line, in a
message or in a file. Machines without a keyring use ``PGPASSWORD`` or
``~/.pgpass`` instead, which every command honours without logging in.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from readiness.cli.common import CommandError
from readiness.cli.parsers.server import EXAMPLE_URL
from readiness.storage.credentials import (
    CredentialsError,
    carries_password,
    check_connection,
    display_location,
    forget_password,
    is_server_location,
    save_password,
    server_key,
    supported_url,
)
from readiness.storage.location import resolve_location

# A password longer than this is not read from standard input (nor kept whole).
MAX_PASSWORD_LENGTH = 4096


def _server(args: argparse.Namespace) -> str:
    """The server URL of the command, refused when it is a file or carries a password."""
    location = resolve_location(args.db)
    try:
        if "://" in location:
            supported_url(location)
    except CredentialsError as error:
        raise CommandError(str(error)) from None
    if not is_server_location(location):
        raise CommandError(
            f"{display_location(location)} is not a team server; give --db {EXAMPLE_URL}"
        )
    if carries_password(location):
        # It is already in the shell's history; at least do not keep using it.
        raise CommandError(
            f"the address {display_location(location)} carries a password; give it without "
            "one, the password is asked for (or read with --password-stdin)"
        )
    if server_key(location).startswith("@"):
        raise CommandError(f"the address names no user; write it as {EXAMPLE_URL}")
    return location


def _read_password(args: argparse.Namespace, account: str) -> str:
    if args.password_stdin:
        line = sys.stdin.readline(MAX_PASSWORD_LENGTH)
        password = line[:-1] if line.endswith("\n") else line
        password = password[:-1] if password.endswith("\r") else password
    else:
        try:
            password = getpass.getpass(f"Password for {account}: ")
        except (EOFError, KeyboardInterrupt):
            raise CommandError("no password given; nothing was saved") from None
    if not password:
        raise CommandError("no password given; nothing was saved")
    return password


def run_login(args: argparse.Namespace) -> int:
    """Ask for the password, check it against the server, then keep it in the keyring."""
    location = _server(args)
    account = server_key(location)
    password = _read_password(args, account)
    try:
        check_connection(location, password)
    except CredentialsError as error:
        raise CommandError(f"{error} Nothing was saved.") from None
    try:
        save_password(location, password)
    except CredentialsError as error:
        raise CommandError(str(error)) from None
    print(f"logged in: the password for {account} is in the system keyring")
    return 0


def run_logout(args: argparse.Namespace) -> int:
    """Forget the saved password of a server."""
    location = _server(args)
    account = server_key(location)
    try:
        forgotten = forget_password(location)
    except CredentialsError as error:
        raise CommandError(str(error)) from None
    if forgotten:
        print(f"logged out: the password for {account} was removed from the system keyring")
    else:
        print(f"no password was saved for {account}")
    return 0
