"""Passwords for a team server: kept in the OS keyring, never in settings, commands or logs.

A server database is named by a URL without a password, such as
``postgresql+psycopg://alice@db.example.com:5432/readiness``. Its password is
looked up, in this order, when a connection is made:

1. a password given for this run only (:func:`use_password_for_session`);
2. the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service
   on Linux), under the service ``market-entry-readiness`` and the account
   :func:`server_key`, saved by ``readiness login`` or Settings > Database;
3. libpq's own sources, which still apply when nothing above is found: the
   ``PGPASSWORD`` environment variable and the ``~/.pgpass`` file
   (``%APPDATA%\\postgresql\\pgpass.conf`` on Windows). CI jobs and headless
   machines without a keyring use these.

A URL that carries a password inline (``alice:secret@host``) still works, but it
is never written anywhere: :func:`without_password` strips it before a location
is saved, and :func:`display_location` masks it in titles, logs and messages.
"""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from readiness import APP_ID

# keyring loads where a password is used (team mode): no start on a file waits ~70 ms for it.

KEYRING_SERVICE = APP_ID
DEFAULT_PORT = 5432
SERVER_DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_S = 10

Reason = Literal[
    "no-keyring",
    "keyring",
    "wrong-password",
    "no-password",
    "refused",
    "unknown-host",
    "timeout",
    "no-database",
    "no-user",
    "unknown-user",
    "not-a-server",
    "no-access",
    "owner-only",
    "other",
]

# Typed for this run only; lost when the program ends.
_session_passwords: dict[str, str] = {}


class CredentialsError(Exception):
    """A password or connection problem the user can act on; never carries the password.

    ``reason`` says what went wrong in a word the interface can translate,
    ``server`` names the account (:func:`server_key`), and the message says what
    and where in English.
    """

    def __init__(self, message: str, *, reason: Reason, server: str = "") -> None:
        super().__init__(message)
        self.reason: Reason = reason
        self.server = server


def _url(location: str | URL) -> URL:
    if isinstance(location, URL):
        return location
    try:
        return make_url(location)
    except (ArgumentError, ValueError):  # a port that is not a number: ValueError
        raise CredentialsError(
            "This is not a database address; a team server looks like "
            "postgresql+psycopg://user@host:5432/database.",
            reason="not-a-server",
        ) from None


def is_server_location(location: str) -> bool:
    """Whether ``location`` names a database server (rather than a local SQLite file)."""
    if "://" not in location:
        return False
    try:
        return make_url(location).get_backend_name() not in ("sqlite",)
    except (ArgumentError, ValueError):  # a port that is not a number: ValueError
        return False


def carries_password(location: str) -> bool:
    """Whether ``location`` is a URL with a password written into it."""
    if "://" not in location:
        return False
    try:
        return make_url(location).password is not None
    except (ArgumentError, ValueError):  # a port that is not a number: ValueError
        return False


def server_key(url: str | URL) -> str:
    """The server account a password belongs to: ``user@host:port/database``.

    The driver, the password and the options are left out, so
    ``postgresql://`` and ``postgresql+psycopg://`` share a password, and a
    missing port means PostgreSQL's default.
    """
    parsed = _url(url)
    host = parsed.host or _query_value(parsed, "host") or "localhost"
    port = parsed.port or DEFAULT_PORT
    return f"{parsed.username or ''}@{host.lower()}:{port}/{parsed.database or ''}"


def _query_value(url: URL, name: str) -> str | None:
    value = url.query.get(name)
    if isinstance(value, tuple):
        return value[0] if value else None
    return value


def without_password(url: str) -> str:
    """The location with any inline password removed: the form that may be saved.

    A file path is returned unchanged.
    """
    if "://" not in url:
        return url
    # URL.set() treats None as "keep"; replace the field itself.
    return _url(url)._replace(password=None).render_as_string(hide_password=False)


def has_unencoded_at(location: str) -> bool:
    """Whether an "@" was typed into the user name or password of an address.

    Such an address is ambiguous (the password would end at the first "@" and
    the rest would be taken for the host): it is refused, and shown masked.
    """
    if "://" not in location:
        return False
    return location.split("://", 1)[1].split("?", 1)[0].count("@") > 1


def display_location(location: str) -> str:
    """The location for titles, logs and messages: an inline password shows as ``***``."""
    if "://" not in location:
        return location
    try:
        parsed = make_url(location)
        if not has_unencoded_at(location):
            return parsed.render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        pass
    # Not parseable (a port that is not a number raises ValueError), or an "@"
    # typed into a password: never show anything between "user:" and the last "@".
    return re.sub(r"(://[^/:@]*):.*@", r"\1:***@", location)


def _no_keyring_message(server: str) -> str:
    return (
        f"No system keyring is available to store the password for {server}; "
        "set PGPASSWORD or use ~/.pgpass instead."
    )


def _keyring_failure(error: Exception, server: str, doing: str) -> CredentialsError:
    import keyring.errors

    if isinstance(error, keyring.errors.NoKeyringError):
        return CredentialsError(_no_keyring_message(server), reason="no-keyring", server=server)
    # The backend's own words may help (a locked keyring, a refused prompt); they
    # never contain the password, which is only ever passed in, not echoed.
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return CredentialsError(
        f"The system keyring could not {doing} the password for {server} ({detail}); "
        "unlock the keyring and try again, or set PGPASSWORD or use ~/.pgpass instead.",
        reason="keyring",
        server=server,
    )


def _account(url: str | URL) -> tuple[URL, str]:
    parsed = _url(url)
    if not parsed.username:
        raise CredentialsError(
            f"The address {display_location(parsed.render_as_string())} names no user; "
            "write it as postgresql+psycopg://user@host:5432/database.",
            reason="no-user",
            server=server_key(parsed),
        )
    return parsed, server_key(parsed)


def save_password(url: str | URL, password: str) -> None:
    """Keep ``password`` for the server account of ``url`` in the OS keyring.

    Raises:
        CredentialsError: the URL names no user, or no keyring could store it.
    """
    import keyring.errors

    _, server = _account(url)
    try:
        keyring.set_password(KEYRING_SERVICE, server, password)
    except keyring.errors.KeyringError as error:
        raise _keyring_failure(error, server, "store") from None
    _session_passwords.pop(server, None)


def forget_password(url: str | URL) -> bool:
    """Remove the saved password of the server account of ``url``.

    Returns whether one was stored. Without any keyring there is nothing to forget.

    Raises:
        CredentialsError: the keyring refused (locked, or access denied).
    """
    import keyring.errors

    _, server = _account(url)
    had_session = _session_passwords.pop(server, None) is not None
    try:
        keyring.delete_password(KEYRING_SERVICE, server)
    except keyring.errors.PasswordDeleteError:
        return had_session
    except keyring.errors.NoKeyringError:
        return had_session
    except keyring.errors.KeyringError as error:
        raise _keyring_failure(error, server, "remove") from None
    return True


def use_password_for_session(url: str | URL, password: str) -> None:
    """Use ``password`` for the server account of ``url`` until the program ends, unsaved."""
    _, server = _account(url)
    _session_passwords[server] = password


def take_inline_password(location: str) -> str:
    """Move a password written into ``location`` to this run's memory; return it without.

    Whatever then shows or saves the location (titles, errors, settings) cannot leak
    the password, and connections still use it (see :func:`connect_url`).
    """
    if not carries_password(location):
        return location
    parsed = make_url(location)
    if parsed.username and parsed.password is not None:
        use_password_for_session(parsed, str(parsed.password))
    return without_password(location)


def stored_password(url: str | URL) -> str | None:
    """The password to use for ``url``'s account: this run's, else the keyring's, else None.

    A machine without any keyring gives None (libpq then reads ``PGPASSWORD`` or
    ``~/.pgpass``).

    Raises:
        CredentialsError: a keyring exists but refused to give the password.
    """
    parsed = _url(url)
    if not parsed.username:
        return None
    server = server_key(parsed)
    if server in _session_passwords:
        return _session_passwords[server]
    import keyring.errors

    try:
        return keyring.get_password(KEYRING_SERVICE, server)
    except keyring.errors.NoKeyringError:
        return None
    except keyring.errors.KeyringError as error:
        raise _keyring_failure(error, server, "read") from None


# The one server driver the app ships with; ``postgresql://`` means it too.
SERVER_DRIVER = "postgresql+psycopg"


def supported_url(location: str) -> URL:
    """The server address as the app connects to it; another database or driver is refused.

    Raises:
        CredentialsError: the address names a database or driver the app does not ship.
    """
    parsed = _url(location)
    if parsed.get_backend_name() == "sqlite" or parsed.drivername == SERVER_DRIVER:
        return parsed
    if parsed.drivername == "postgresql":
        return parsed.set(drivername=SERVER_DRIVER)
    raise CredentialsError(
        f"{display_location(location)}: '{parsed.drivername}' is not a database this app "
        "can use; give a file path, or a team server as "
        "postgresql+psycopg://user@host:5432/database.",
        reason="not-a-server",
    )


def connect_url(location: str) -> URL:
    """The URL to connect to ``location`` with, the saved password filled in.

    When the URL names a user but no password and a password is stored (for this
    run, or in the keyring), it is filled in; otherwise the URL is returned
    unchanged, and libpq still honours ``PGPASSWORD`` and ``~/.pgpass``. A plain
    file path becomes an SQLite URL.

    Raises:
        CredentialsError: the keyring exists but refused to give the password, or
            the address names a database or driver the app cannot use.
    """
    if "://" not in location:
        return URL.create("sqlite", database=location)
    parsed = supported_url(location)
    if parsed.get_backend_name() == "sqlite" or not parsed.username or parsed.password:
        return parsed
    password = stored_password(parsed)
    return parsed if password is None else parsed.set(password=password)


def explain_connection_error(
    error: BaseException, location: str, *, password: str | None = None
) -> CredentialsError:
    """Turn a failed connection into a one-line, actionable :class:`CredentialsError`.

    The message names the server (never its password, nor ``password`` should the
    server echo it) and says what to check.
    """
    if isinstance(error, CredentialsError):
        return error
    parsed = _url(location)
    server = server_key(parsed)
    host = parsed.host or _query_value(parsed, "host") or "localhost"
    where = f"{host}:{parsed.port or DEFAULT_PORT}"
    orig = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    detail = " ".join(str(orig).split())
    for secret in (parsed.password, password):
        if secret:
            detail = detail.replace(secret, "***")
    lower = detail.lower()
    reason: Reason
    if "password authentication failed" in lower or "authentication failed" in lower:
        reason = "wrong-password"
        message = (
            f"The server {where} refused the password for {server}; check it and log in again."
        )
    elif "no password supplied" in lower:
        reason = "no-password"
        message = (
            f"The server {where} asks for a password for {server} and none is saved; "
            "log in (readiness login, or Settings > Database), or set PGPASSWORD or use ~/.pgpass."
        )
    elif "timeout expired" in lower or "timed out" in lower:
        reason = "timeout"
        message = (
            f"The server {where} did not answer within {CONNECT_TIMEOUT_S} seconds; "
            "check the address, the network or the VPN."
        )
    elif (
        "could not translate host name" in lower
        or "name or service not known" in lower
        or ("nodename nor servname" in lower)
    ):
        reason = "unknown-host"
        message = f"The server name {host} is unknown; check the spelling and the network."
    elif "connection refused" in lower:
        reason = "refused"
        message = (
            f"Nothing answers at {where} (connection refused); check the host and port, "
            "and that PostgreSQL is running there."
        )
    elif "database" in lower and "does not exist" in lower:
        reason = "no-database"
        message = (
            f"The server {where} has no database {parsed.database!r}; "
            "check the name, or ask its administrator to create it."
        )
    elif "must be owner" in lower:
        reason = "owner-only"
        message = (
            f"The database {parsed.database!r} on {where} needs an upgrade that only the "
            "owner of its tables may run; ask its administrator to open it once with the "
            "owner's login (for example: readiness check --db ...)."
        )
    elif "permission denied" in lower:
        reason = "no-access"
        message = (
            f"The server {where} let {server} in but refused access to the assessment "
            f"tables ({detail}); ask its administrator to grant access (see the team "
            "mode guide)."
        )
    elif "role" in lower and "does not exist" in lower:
        reason = "unknown-user"
        message = f"The server {where} has no user {parsed.username!r}; check the user name."
    else:
        reason = "other"
        first = detail.splitlines()[0] if detail else type(orig).__name__
        message = f"Cannot connect to {server}: {first}"
    return CredentialsError(message, reason=reason, server=server)


def check_connection(location: str, password: str | None = None) -> None:
    """Connect to the server at ``location`` once and run ``SELECT 1``.

    ``password``, when given, is used instead of any saved one. Gives up after
    :data:`CONNECT_TIMEOUT_S` seconds.

    Raises:
        CredentialsError: with a clear message when the server cannot be reached or
            refuses the account.
    """
    if not is_server_location(location):
        raise CredentialsError(
            f"{display_location(location)} is not a database server address.",
            reason="not-a-server",
        )
    url = connect_url(location)
    if password:
        url = url.set(password=password)
    try:
        engine = create_engine(
            url, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
        )
    except (SQLAlchemyError, ImportError) as error:
        raise CredentialsError(
            f"Cannot use {display_location(location)}: {error}", reason="other"
        ) from None
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        raise explain_connection_error(error, location, password=url.password) from None
    finally:
        engine.dispose()


# What opening a server can fail with besides the store's own errors: the
# password lookup, and the driver's answer before the store could word it.
CONNECTION_ERRORS: tuple[type[Exception], ...] = (CredentialsError, SQLAlchemyError)


@dataclass(frozen=True)
class ServerAddress:
    """Where a team server is, as a person fills it in: never with a password."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""

    @classmethod
    def parse(cls, location: str) -> ServerAddress | None:
        """The parts of a server location, or None when it cannot be read as a URL."""
        try:
            url = make_url(location)
        except ArgumentError:
            return None
        return cls(
            host=url.host or "",
            port=url.port or DEFAULT_PORT,
            database=url.database or "",
            user=url.username or "",
        )

    def location(self) -> str:
        """The server's location (a URL without a password)."""
        url = URL.create(
            SERVER_DRIVER,
            username=self.user or None,
            host=self.host or None,
            port=self.port,
            database=self.database or None,
        )
        return url.render_as_string(hide_password=False)


def server_support() -> str:
    """Prove team mode can work here, without a server; say which driver and keyring.

    The PostgreSQL driver and its bundled libpq load, the dialect is found, and
    the OS keyring's backend module is present (an installer can miss any of them).
    """
    import psycopg  # only here: the driver loads on first use, not at every start

    engine = create_engine(f"{SERVER_DRIVER}://check@127.0.0.1:1/check")
    engine.dispose()
    backend = {"win32": "Windows", "darwin": "macOS"}.get(sys.platform, "SecretService")
    importlib.import_module(f"keyring.backends.{backend}")
    libpq = psycopg.pq.version()
    return f"psycopg {psycopg.__version__}, libpq {libpq // 10000}.{libpq % 100}, {backend}"
