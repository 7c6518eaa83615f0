"""A team server set up as a platform would: an administrator, a consultant, two firms.

The consultant adds two member firms, each with an assessment whose rows fill
every protected table; each firm gets a firm user of its own.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from readiness.content.catalog import Catalog
from readiness.domain.records import SavedRate
from readiness.domain.statuses import AssignmentScope
from readiness.services import team
from readiness.storage.opening import open_store
from tests.member_firms import add_member_firm

PASSWORD = "correct horse 马"


@dataclass(frozen=True)
class TeamServer:
    """The set-up server: its address as the superuser, the logins, the firms."""

    url: str
    database: str
    admin: str
    consultant: str
    firm_a: str
    firm_b: str
    companies: dict[str, int]  # firm name -> company id
    assessments: dict[str, int]  # firm name -> assessment id

    def as_login(self, login: str) -> str:
        """The server address for ``login``."""
        return make_url(self.url).set(username=login).render_as_string(hide_password=False)

    def sql(self, login: str) -> psycopg.Connection:
        """A plain connection as ``login`` with its password, as psql would make one."""
        url = make_url(self.url)
        return psycopg.connect(
            host=url.host,
            port=url.port,
            dbname=url.database,
            user=login,
            password=PASSWORD,
            autocommit=True,
        )


def set_up_team(postgres_admin: Engine, catalog: Catalog) -> Iterator[TeamServer]:
    """Set the server up, yield it, then drop the database and its roles."""
    database = f"team_{uuid.uuid4().hex[:10]}"
    with postgres_admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}" TEMPLATE template0'))
    url = postgres_admin.url.set(database=database).render_as_string(hide_password=False)
    logins = {role: f"{database}_{role}" for role in ("boss", "chen", "firm_a", "firm_b")}
    try:
        team.set_up(url)
        team.add_member(url, logins["boss"], "admin", PASSWORD, display_name="Wang Fang 王芳")
        chen = logins["chen"]
        team.add_member(url, chen, "consultant", PASSWORD, display_name="Chen Jie 陈杰")
        companies: dict[str, int] = {}
        assessments: dict[str, int] = {}
        chen_url = make_url(url).set(username=chen).render_as_string(hide_password=False)
        with open_store(chen_url) as store:
            for number, firm in enumerate(("Ningbo Lighting", "Xiamen Mirrors")):
                key = add_member_firm(store, catalog, firm, number)
                assessments[firm] = key
                companies[firm] = store.assessment(key).company_id
                store.save_milestone(key, "Q1")
                store.assign(key, AssignmentScope.DIMENSION, "compliance", "Chen Jie 陈杰")
                store.set_rate(key, SavedRate("EUR", 7.8, dt.date(2026, 11, 1)))
        team.add_member(url, logins["firm_a"], "firm", PASSWORD, company="Ningbo Lighting")
        team.add_member(url, logins["firm_b"], "firm", PASSWORD, company="Xiamen Mirrors")
        yield TeamServer(
            url,
            database,
            logins["boss"],
            chen,
            logins["firm_a"],
            logins["firm_b"],
            companies,
            assessments,
        )
    finally:
        with postgres_admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            for login in [*logins.values(), f"{database}_owner", f"{database}_member"]:
                connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
