"""A team server's members and access: setting it up, the roster, grants.

``init_team`` runs once, by the database's owner (with the right to create roles)
or a superuser, on an empty database. It makes two group roles named after the
database, ``<database>_owner`` (owns every table; nobody logs in as it or is
granted it, so no member can switch row-level security off) and
``<database>_member`` (what every member's login is granted), creates the tables
as the owner, and binds them to the policies of :mod:`readiness.storage.access`.

Members are managed through functions that run with the owner role's rights and
first check that the caller is an administrator; a password reaches the server
only as a SCRAM verifier, never in plain text.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, InternalError, ProgrammingError

from readiness.storage import credentials
from readiness.storage.access import apply_policies
from readiness.storage.engine import database_error, make_engine
from readiness.storage.errors import StoreError
from readiness.storage.migrate import alembic_config

ROLES = ("admin", "consultant", "firm")
# PostgreSQL cuts names at 63 bytes; the group roles add "_member" to the database's.
MAX_DATABASE_NAME = 55


class TeamError(StoreError):
    """A team command that cannot be done; nothing was changed."""


def quote(name: str) -> str:
    """``name`` as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def group_roles(database: str) -> tuple[str, str]:
    """The owner and member group roles of a database (their plain names)."""
    return f"{database}_owner", f"{database}_member"


def scram_verifier(password: str, *, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL keeps for ``password`` (RFC 5802/7677).

    The server stores this instead of the password; sending it instead of the
    password keeps the password out of the server's statement log.
    """
    salt = os.urandom(16)
    normalised = unicodedata.normalize("NFKC", password).encode("utf-8")
    salted = hashlib.pbkdf2_hmac("sha256", normalised, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _management_sql(member: str) -> list[str]:
    """The functions administrators manage members with (run as the owner role)."""
    member_literal = member.replace("'", "''")
    admin_check = (
        "IF NOT readiness_is_admin() THEN RAISE EXCEPTION 'only a platform administrator "
        "manages team members' USING ERRCODE = '42501'; END IF;"
    )
    return [
        f"""
CREATE OR REPLACE FUNCTION readiness_add_member(
  p_login text, p_verifier text, p_role text, p_display text, p_company integer)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE created boolean := NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login);
BEGIN
  {admin_check}
  IF created THEN
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_verifier);
  END IF;
  EXECUTE format('GRANT %I TO %I', '{member_literal}', p_login);
  INSERT INTO team_member (login, display_name, role, company_id)
    VALUES (p_login, p_display, p_role, p_company);
  IF p_company IS NOT NULL THEN
    INSERT INTO company_access (login, company_id) VALUES (p_login, p_company)
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN created;
END
$fn$""",
        f"""
CREATE OR REPLACE FUNCTION readiness_grant(p_login text, p_company integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE added integer;
BEGIN
  {admin_check}
  INSERT INTO company_access (login, company_id)
    SELECT p_login, id FROM company WHERE p_company IS NULL OR id = p_company
    ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS added = ROW_COUNT;
  RETURN added;
END
$fn$""",
        f"""
CREATE OR REPLACE FUNCTION readiness_revoke(p_login text, p_company integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE removed integer;
BEGIN
  {admin_check}
  DELETE FROM company_access
    WHERE login = p_login AND (p_company IS NULL OR company_id = p_company);
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END
$fn$""",
        f"""
CREATE OR REPLACE FUNCTION readiness_remove_member(p_login text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  {admin_check}
  DELETE FROM company_access WHERE login = p_login;
  DELETE FROM team_member WHERE login = p_login;
  EXECUTE format('REVOKE %I FROM %I', '{member_literal}', p_login);
END
$fn$""",
    ]


def _engine(location: str) -> Engine:
    try:
        return make_engine(credentials.take_inline_password(location), None, read_only=False)
    except StoreError:
        raise
    except credentials.CredentialsError as error:
        raise TeamError(str(error)) from error


@contextmanager
def transaction(location: str) -> Iterator[Connection]:
    """One transaction on the server; a refusal becomes a one-line :class:`StoreError`."""
    engine = _engine(location)
    try:
        with engine.connect() as connection, connection.begin():
            if connection.dialect.name != "postgresql":
                raise TeamError(
                    f"{credentials.display_location(location)} is not a PostgreSQL server; "
                    "team members and access are for a team server (a file has one user)."
                )
            yield connection
    except (ProgrammingError, InternalError) as error:
        # Refused inside the server (a right missing, a name taken): its own words.
        said = str(error.orig).splitlines()[0] if error.orig is not None else str(error)
        raise TeamError(f"The server refused: {said}. Nothing was changed.") from error
    except DBAPIError as error:
        raise database_error(error, credentials.display_location(location)) from error
    finally:
        engine.dispose()


def database_name(connection: Connection) -> str:
    name = str(connection.exec_driver_sql("SELECT current_database()").scalar())
    if len(name.encode("utf-8")) > MAX_DATABASE_NAME:
        raise TeamError(
            f"the database name {name!r} is too long for its team roles "
            f"(at most {MAX_DATABASE_NAME} bytes); use a shorter name."
        )
    return name


def _check_may_set_up(connection: Connection, database: str) -> None:
    superuser, createrole, owns = connection.exec_driver_sql(
        "SELECT r.rolsuper, r.rolcreaterole, pg_has_role(current_user, d.datdba, 'MEMBER') "
        "FROM pg_roles r, pg_database d "
        "WHERE r.rolname = current_user AND d.datname = current_database()"
    ).one()
    if not superuser and not (createrole and owns):
        user = connection.exec_driver_sql("SELECT current_user").scalar()
        raise TeamError(
            f"{user} may not set up {database}: 'team init' is run by the database's owner "
            "with the right to create roles (CREATEROLE), or by a superuser such as postgres. "
            "Nothing was changed."
        )
    tables = [
        str(row[0])
        for row in connection.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    if tables:
        shown = ", ".join(tables[:5]) + (" …" if len(tables) > 5 else "")
        raise TeamError(
            f"{database} is not empty (it has tables: {shown}); 'team init' sets up a new, "
            "empty database. Create one (CREATE DATABASE …) and run it there. "
            "Nothing was changed."
        )
    for role in group_roles(database):
        found = connection.exec_driver_sql(
            "SELECT 1 FROM pg_roles WHERE rolname = %(name)s", {"name": role}
        ).first()
        if found is not None:
            raise TeamError(
                f"the role {role} already exists on this server (left from an earlier set-up "
                f"of a database named {database}?); drop it or use another database name. "
                "Nothing was changed."
            )


def init_team(location: str) -> tuple[str, str]:
    """Set an empty server database up for a team; return its owner and member roles.

    Raises:
        TeamError: the caller may not, the database is not empty, or its roles exist.
        StoreError: the server refused.
    """
    from alembic import command  # only this command needs Alembic

    with transaction(location) as connection:
        database = database_name(connection)
        _check_may_set_up(connection, database)
        owner, member = group_roles(database)
        superuser = connection.exec_driver_sql(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
        ).scalar()
        for statement in (
            # The owner creates members' logins through its functions, hence CREATEROLE;
            # no member is ever granted it.
            f"CREATE ROLE {quote(owner)} NOLOGIN CREATEROLE",
            f"CREATE ROLE {quote(member)} NOLOGIN",
            f"GRANT {quote(member)} TO {quote(owner)} WITH ADMIN OPTION",
            *(() if superuser else (f"GRANT {quote(owner)} TO current_user",)),
            f"ALTER SCHEMA public OWNER TO {quote(owner)}",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            f"GRANT USAGE ON SCHEMA public TO {quote(member)}",
            f"REVOKE CONNECT ON DATABASE {quote(database)} FROM PUBLIC",
            f"GRANT CONNECT ON DATABASE {quote(database)} TO {quote(member)}, {quote(owner)}",
            # Short statements on small tables: compiling them (JIT, which the access
            # rules' cost estimates would trigger) costs more than running them.
            f"ALTER DATABASE {quote(database)} SET jit = off",
            f"SET LOCAL ROLE {quote(owner)}",
        ):
            connection.exec_driver_sql(statement)
        command.upgrade(alembic_config(connection), "head")
        apply_policies(
            connection, owner=owner, member=quote(member), functions=_management_sql(member)
        )
        connection.exec_driver_sql("RESET ROLE")
    return owner, member


def upgrade_team(location: str) -> None:
    """Bring a team database's schema and policies up to this version (as its owner role).

    Members cannot: no member owns a table. Run by whoever ran ``team init``.

    Raises:
        TeamError: the database was not set up with ``team init``, or the caller may not.
    """
    from alembic import command

    with transaction(location) as connection:
        database = database_name(connection)
        owner, member = group_roles(database)
        allowed = (
            connection.exec_driver_sql(
                "SELECT pg_has_role(current_user, %(owner)s, 'MEMBER')", {"owner": owner}
            ).first()
            if role_exists(connection, owner)
            else None
        )
        if allowed is None:
            raise TeamError(f"{database} was not set up with 'readiness team init'.")
        if not allowed[0]:
            raise TeamError(f"only whoever set {database} up (a member of {owner}) may upgrade it.")
        connection.exec_driver_sql(f"SET LOCAL ROLE {quote(owner)}")
        command.upgrade(alembic_config(connection), "head")
        apply_policies(
            connection, owner=owner, member=quote(member), functions=_management_sql(member)
        )
        connection.exec_driver_sql("RESET ROLE")


def role_exists(connection: Connection, name: str) -> bool:
    found = connection.exec_driver_sql(
        "SELECT 1 FROM pg_roles WHERE rolname = %(name)s", {"name": name}
    ).first()
    return found is not None
