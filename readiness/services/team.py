"""A team server's members and who may see which company, for the command line and the app.

The database enforces it (row-level security, see :mod:`readiness.storage.access`);
this is how administrators set it up and change it.
"""

from __future__ import annotations

from readiness.storage import roster, team
from readiness.storage.roster import Member
from readiness.storage.team import ROLES, TeamError

__all__ = ["ROLES", "Member", "TeamError"]


def set_up(location: str) -> tuple[str, str]:
    """Set an empty server database up for a team; its owner and member group roles."""
    return team.init_team(location)


def upgrade(location: str) -> None:
    """Bring a team database's schema and policies up to this version."""
    team.upgrade_team(location)


def add_member(
    location: str,
    login: str,
    role: str,
    password: str,
    *,
    company: str | None = None,
    display_name: str = "",
) -> bool:
    """Add a person to the roster (and their login to the server); True if the login is new."""
    return roster.add_member(
        location, login, role, password, company=company, display_name=display_name
    )


def remove_member(location: str, login: str) -> None:
    """Take a person off the roster and out of the team."""
    roster.remove_member(location, login)


def grant(location: str, login: str, company: str | None) -> int:
    """Let a member see a company (None: all); how many were newly granted."""
    return roster.grant(location, login, company)


def revoke(location: str, login: str, company: str | None) -> int:
    """Take a company (None: all) away from a member; how many were taken away."""
    return roster.revoke(location, login, company)


def members(location: str) -> list[Member]:
    """The roster as the caller may see it, with each member's companies."""
    return roster.members(location)


def is_administrator(location: str) -> bool:
    """Whether the login of a server ``location`` manages its team (a file: never)."""
    from readiness.storage.credentials import is_server_location

    return is_server_location(location) and roster.is_admin(location)


def companies(location: str) -> list[tuple[int, str]]:
    """The companies the login sees, to grant or revoke: (id, name) by name."""
    return roster.companies(location)
