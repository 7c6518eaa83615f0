"""The roster of a team server: adding and removing members, granting and revoking companies.

Every change goes through a function of :mod:`readiness.storage.team` that runs
with the owner role's rights after checking that the caller is an administrator;
the checks here come first only to say plainly what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from readiness.storage.team import (
    ROLES,
    TeamError,
    database_name,
    group_roles,
    role_exists,
    scram_verifier,
    transaction,
)


@dataclass(frozen=True)
class Member:
    """One person on the roster and the companies they may see (id, name)."""

    login: str
    display_name: str
    role: str
    company_id: int | None
    companies: tuple[tuple[int, str], ...]


def _check_admin(connection: Connection) -> None:
    if not role_exists(connection, group_roles(database_name(connection))[0]):
        raise TeamError(
            "this database has no team set up; run 'readiness team init --db URL' first."
        )
    if not connection.exec_driver_sql("SELECT readiness_is_admin()").scalar():
        user = connection.exec_driver_sql("SELECT session_user").scalar()
        raise TeamError(
            f"{user} is not a platform administrator; only administrators manage team "
            "members and access. Nothing was changed."
        )


def _known_member(connection: Connection, login: str) -> str:
    role = connection.exec_driver_sql(
        "SELECT role FROM team_member WHERE login = %(login)s", {"login": login}
    ).scalar()
    if role is None:
        raise TeamError(
            f"no team member {login!r}; add them first with 'readiness team add-member'. "
            "Nothing was changed."
        )
    return str(role)


def find_company(connection: Connection, company: str) -> int:
    """The id of the company named by its id or its exact name.

    Raises:
        TeamError: no such company, or two share that name.
    """
    text = company.strip()
    if text.isdigit():
        found = connection.exec_driver_sql(
            "SELECT id FROM company WHERE id = %(id)s", {"id": int(text)}
        ).scalar()
        if found is not None:
            return int(found)
    rows = connection.exec_driver_sql(
        "SELECT id FROM company WHERE name = %(name)s ORDER BY id", {"name": text}
    ).all()
    if not rows:
        raise TeamError(
            f"no company {company!r} in this database (give its id or its exact name; "
            "'readiness list' shows them). Nothing was changed."
        )
    if len(rows) > 1:
        ids = ", ".join(str(row[0]) for row in rows)
        raise TeamError(
            f"{len(rows)} companies are named {company!r} (ids {ids}); give the id. "
            "Nothing was changed."
        )
    return int(rows[0][0])


def add_member(
    location: str,
    login: str,
    role: str,
    password: str,
    *,
    company: str | None = None,
    display_name: str = "",
) -> bool:
    """Put a person on the roster with their login (created, with ``password``, unless the
    server has it already) and, for a firm user, their company; True when the login was new.

    Raises:
        TeamError: the caller is not an administrator, the role or company is wrong, or
            the person is on the roster already.
    """
    if role not in ROLES:
        raise TeamError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    if role == "firm" and not company:
        raise TeamError("a firm user belongs to one company: give --company ID-OR-NAME.")
    if not login or login != login.strip() or len(login.encode("utf-8")) > 63:
        raise TeamError(
            f"{login!r} is not a usable login name (1 to 63 bytes, no spaces around it)."
        )
    with transaction(location) as connection:
        _check_admin(connection)
        if connection.exec_driver_sql(
            "SELECT 1 FROM team_member WHERE login = %(login)s", {"login": login}
        ).first():
            raise TeamError(f"{login} is on the roster already. Nothing was changed.")
        company_id = find_company(connection, company) if company else None
        created = connection.exec_driver_sql(
            "SELECT readiness_add_member(%(login)s, %(verifier)s, %(role)s, %(display)s, "
            "%(company)s)",
            {
                "login": login,
                "verifier": scram_verifier(password),
                "role": role,
                "display": display_name.strip() or login,
                "company": company_id,
            },
        ).scalar()
    return bool(created)


def grant(location: str, login: str, company: str | None) -> int:
    """Let ``login`` see ``company`` (None: every company there is now); the number of
    companies newly granted.

    Raises:
        TeamError: not an administrator, an unknown member or company, or a firm user
            (who sees their own company only).
    """
    with transaction(location) as connection:
        _check_admin(connection)
        role = _known_member(connection, login)
        if role == "firm":
            raise TeamError(
                f"{login} is a firm user and sees their own company only; make them a "
                "consultant to give them other firms. Nothing was changed."
            )
        company_id = find_company(connection, company) if company else None
        return int(
            connection.exec_driver_sql(
                "SELECT readiness_grant(%(login)s, %(company)s)",
                {"login": login, "company": company_id},
            ).scalar()
            or 0
        )


def revoke(location: str, login: str, company: str | None) -> int:
    """Take ``company`` (None: every company) away from ``login``; the number taken away.
    It holds from the member's next statement on.

    Raises:
        TeamError: not an administrator, or an unknown member or company.
    """
    with transaction(location) as connection:
        _check_admin(connection)
        _known_member(connection, login)
        company_id = find_company(connection, company) if company else None
        return int(
            connection.exec_driver_sql(
                "SELECT readiness_revoke(%(login)s, %(company)s)",
                {"login": login, "company": company_id},
            ).scalar()
            or 0
        )


def remove_member(location: str, login: str) -> None:
    """Take a person off the roster, their access and their membership of the team (their
    login stays on the server, without rights here, for the server's administrator to drop).

    Raises:
        TeamError: not an administrator, or an unknown member.
    """
    with transaction(location) as connection:
        _check_admin(connection)
        _known_member(connection, login)
        connection.exec_driver_sql("SELECT readiness_remove_member(%(login)s)", {"login": login})


def members(location: str) -> list[Member]:
    """The roster as the caller may see it (an administrator: everyone; others: themselves),
    with each member's companies."""
    with transaction(location) as connection:
        rows = connection.exec_driver_sql(
            "SELECT login, display_name, role, company_id FROM team_member ORDER BY login"
        ).all()
        access: dict[str, list[tuple[int, str]]] = {}
        for login, company_id, name in connection.exec_driver_sql(
            "SELECT a.login, c.id, c.name FROM company_access a "
            "JOIN company c ON c.id = a.company_id ORDER BY a.login, c.name, c.id"
        ):
            access.setdefault(str(login), []).append((int(company_id), str(name)))
    return [
        Member(str(login), str(display), str(role), company_id, tuple(access.get(login, ())))
        for login, display, role, company_id in rows
    ]


def roster_name(connection: Connection) -> tuple[str | None, str]:
    """This session's display name on the roster (None when not on it, or on a schema from
    before the roster) and its login."""
    login = str(connection.exec_driver_sql("SELECT session_user").scalar())
    try:
        with connection.begin_nested():
            name = connection.exec_driver_sql(
                "SELECT display_name FROM team_member WHERE login = session_user"
            ).scalar()
    except DBAPIError:
        name = None
    return (str(name) if name else None), login


def colleagues(connection: Connection, company_id: int) -> list[str] | None:
    """The roster names of the members who may see ``company_id``, sorted; None on a
    database without a team roster (anyone may then be named)."""
    try:
        with connection.begin_nested():
            rows = connection.exec_driver_sql(
                "SELECT readiness_colleagues(%(company)s)", {"company": company_id}
            ).all()
    except DBAPIError:
        return None
    return sorted((str(name) for (name,) in rows), key=str.casefold)


def is_admin(location: str) -> bool:
    """Whether the login of ``location`` manages this server's team (False on a database
    without a team set up)."""
    with transaction(location) as connection:
        if not role_exists(connection, group_roles(database_name(connection))[0]):
            return False
        return bool(connection.exec_driver_sql("SELECT readiness_is_admin()").scalar())


def companies(location: str) -> list[tuple[int, str]]:
    """The companies the login of ``location`` sees (an administrator: all), by name."""
    with transaction(location) as connection:
        rows = connection.exec_driver_sql("SELECT id, name FROM company ORDER BY name, id").all()
    return [(int(key), str(name)) for key, name in rows]
