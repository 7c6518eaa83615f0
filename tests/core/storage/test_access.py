"""On a team server the database itself keeps each firm's rows to those allowed to see them.

Administrators see everything, consultants the firms granted to them, firm users
their own company only; a plain SQL connection with the member's own password
is bound the same way, and no member can switch the rules off.
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlmodel import SQLModel

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.services import team
from readiness.storage.access import PROTECTED_TABLES, firm_key, protected_tables
from readiness.storage.errors import StoreError
from readiness.storage.opening import open_store
from readiness.storage.tables import table_names
from readiness.storage.team import scram_verifier
from tests.team_servers import PASSWORD, TeamServer, set_up_team


@pytest.fixture
def server(postgres_admin: Engine, bundled_catalog: Catalog) -> Iterator[TeamServer]:
    yield from set_up_team(postgres_admin, bundled_catalog)


def _company_of_rows(connection: psycopg.Connection, table: str) -> set[int]:
    """The companies the rows of ``table`` visible on ``connection`` belong to."""
    if table == "company":
        query = "SELECT id FROM company"
    elif table == "assessment":
        query = "SELECT company_id FROM assessment"
    else:
        query = f"SELECT a.company_id FROM {table} t JOIN assessment a ON a.id = t.assessment_id"
    return {row[0] for row in connection.execute(query)}


def test_every_table_that_holds_a_firms_rows_is_protected() -> None:
    keyed = {
        name
        for name, table in SQLModel.metadata.tables.items()
        if name == "company" or {"company_id", "assessment_id"} & set(table.c.keys())
    }
    assert keyed - {"team_member", "company_access"} <= set(PROTECTED_TABLES)
    assert set(PROTECTED_TABLES) <= table_names()
    assert all(firm_key(table) for table in protected_tables())


def test_a_firm_users_own_sql_sees_no_other_firms_rows_in_any_protected_table(
    server: TeamServer, postgres_admin: Engine
) -> None:
    own = server.companies["Ningbo Lighting"]
    everyone = create_engine(server.url)
    try:
        with everyone.connect() as connection:
            for table in PROTECTED_TABLES:
                # The test means something only if both firms have rows in every table.
                rows = connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                assert rows and rows >= 2, table
    finally:
        everyone.dispose()
    with server.sql(server.firm_a) as connection:
        for table in PROTECTED_TABLES:
            assert _company_of_rows(connection, table) == {own}, table
        # No grants of anyone else, and the roster shows only themselves.
        logins = {row[0] for row in connection.execute("SELECT login FROM team_member")}
        assert logins == {server.firm_a}
        granted = set(connection.execute("SELECT login, company_id FROM company_access"))
        assert granted == {(server.firm_a, own)}


def test_a_consultant_sees_exactly_the_firms_granted_and_an_administrator_all(
    server: TeamServer,
) -> None:
    both = set(server.companies.values())
    with server.sql(server.consultant) as connection:
        assert _company_of_rows(connection, "answer") == both  # their creations
    team.revoke(server.as_login(server.admin), server.consultant, "Xiamen Mirrors")
    with server.sql(server.consultant) as connection:
        assert _company_of_rows(connection, "answer") == {server.companies["Ningbo Lighting"]}
    with server.sql(server.admin) as connection:
        assert _company_of_rows(connection, "answer") == both


def test_revoking_holds_from_the_members_next_statement(server: TeamServer) -> None:
    own = server.companies["Ningbo Lighting"]
    with server.sql(server.firm_a) as connection:
        assert _company_of_rows(connection, "company") == {own}
        team.revoke(server.as_login(server.admin), server.firm_a, "Ningbo Lighting")
        assert _company_of_rows(connection, "company") == set()
        team.grant(server.as_login(server.admin), server.consultant, None)
        assert _company_of_rows(connection, "answer") == set()


def test_a_member_cannot_switch_the_rules_off_or_change_the_roster(server: TeamServer) -> None:
    attempts = [
        "ALTER TABLE answer DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE company NO FORCE ROW LEVEL SECURITY",
        "DROP POLICY readiness_access ON answer",
        f'SET ROLE "{server.database}_owner"',
        "UPDATE team_member SET role = 'admin'",
        "INSERT INTO company_access (login, company_id) SELECT session_user, 2",
        "SELECT readiness_grant(session_user::text, NULL)",
    ]
    for login in (server.firm_a, server.consultant):
        with server.sql(login) as connection:
            for statement in attempts:
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    connection.execute(statement)
            connection.execute("SET row_security = off")
            # Off means "fail rather than filter", never "show everything".
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute("SELECT count(*) FROM answer")


def test_no_member_owns_a_table(server: TeamServer) -> None:
    with server.sql(server.admin) as connection:
        owners = {
            row[0]
            for row in connection.execute(
                "SELECT tableowner FROM pg_tables WHERE schemaname = 'public'"
            )
        }
        forced = {
            row[0]
            for row in connection.execute("SELECT relname FROM pg_class WHERE relforcerowsecurity")
        }
    assert owners == {f"{server.database}_owner"}
    assert set(PROTECTED_TABLES) <= forced


def test_a_firm_user_works_on_their_own_company_and_cannot_reach_another(
    server: TeamServer,
) -> None:
    own = server.assessments["Ningbo Lighting"]
    other = server.assessments["Xiamen Mirrors"]
    with open_store(server.as_login(server.firm_a)) as store:
        assert [row.id for row in store.list_assessments()] == [own]
        saved = store.set_answer(own, "CERT-001", "IT", AnswerValue.PROVEN)
        assert saved.updated_by == server.firm_a  # their display name is their login
        with pytest.raises(StoreError):
            store.assessment(other)
        with pytest.raises(StoreError):
            store.set_answer(other, "CERT-001", "IT", AnswerValue.PROVEN)
        with pytest.raises(StoreError, match="may not add or change that company's data"):
            store.create_company("Another firm")
    with open_store(server.url) as everyone:
        assert everyone.answer(other, "CERT-001", "IT") != saved


def test_a_firm_user_keeps_their_own_profile_but_cannot_remove_their_firm(
    server: TeamServer,
) -> None:
    own = server.companies["Ningbo Lighting"]
    other = server.companies["Xiamen Mirrors"]
    with open_store(server.as_login(server.firm_a)) as store:
        assert store.update_company(own, employees=420).employees == 420
        with pytest.raises(StoreError):
            store.update_company(other, employees=1)
    with server.sql(server.firm_a) as connection:
        assert connection.execute("DELETE FROM company WHERE id = %s", (own,)).rowcount == 0
        assert (
            connection.execute(
                "UPDATE company SET name = 'mine now' WHERE id = %s", (other,)
            ).rowcount
            == 0
        )
    with open_store(server.url) as everyone:
        assert everyone.company(own).employees == 420
        assert everyone.company(other).name == "Xiamen Mirrors"


def test_only_administrators_archive_merge_or_delete_member_firms(server: TeamServer) -> None:
    ningbo = server.companies["Ningbo Lighting"]
    xiamen = server.companies["Xiamen Mirrors"]
    with open_store(server.as_login(server.consultant)) as store:
        for change in (
            lambda: store.set_company_archived(ningbo, True),
            lambda: store.merge_companies(ningbo, xiamen),
            lambda: store.delete_company(xiamen),
        ):
            with pytest.raises(StoreError, match="only the team's administrators"):
                change()
    with server.sql(server.consultant) as connection:
        assert connection.execute("DELETE FROM company WHERE id = %s", (xiamen,)).rowcount == 0
    with open_store(server.as_login(server.admin)) as store:
        assert store.set_company_archived(ningbo, True).archived_at is not None
        assert store.merge_companies(ningbo, xiamen) == 1
    with open_store(server.url) as everyone:
        assert [c.company.name for c in everyone.companies(archived=None)] == ["Ningbo Lighting"]


def test_changes_carry_the_rosters_display_name(server: TeamServer) -> None:
    key = server.assessments["Xiamen Mirrors"]
    with open_store(server.as_login(server.consultant), user="root") as store:
        assert store.user == "Chen Jie 陈杰"
        saved = store.set_answer(key, "CERT-001", "IT", AnswerValue.AWARE)
    assert saved.updated_by == "Chen Jie 陈杰"


def test_a_company_a_consultant_creates_is_theirs_and_only_theirs(server: TeamServer) -> None:
    with open_store(server.as_login(server.consultant)) as store:
        made = store.create_company("Wuhu Seats")
    members = {m.login: m for m in team.members(server.as_login(server.admin))}
    assert (made.id, "Wuhu Seats") in members[server.consultant].companies
    assert all(
        (made.id, "Wuhu Seats") not in m.companies
        for k, m in members.items()
        if k != server.consultant
    )


def test_administration_is_refused_plainly(server: TeamServer) -> None:
    admin = server.as_login(server.admin)
    with pytest.raises(team.TeamError, match="is not a platform administrator"):
        team.grant(server.as_login(server.consultant), server.consultant, None)
    with pytest.raises(team.TeamError, match="is not a platform administrator"):
        team.add_member(server.as_login(server.firm_a), "someone", "admin", PASSWORD)
    with pytest.raises(team.TeamError, match="no team member 'nobody'"):
        team.grant(admin, "nobody", None)
    with pytest.raises(team.TeamError, match="no company 'Nowhere Ltd'"):
        team.grant(admin, server.consultant, "Nowhere Ltd")
    with pytest.raises(team.TeamError, match="firm user and sees their own company only"):
        team.grant(admin, server.firm_a, "Xiamen Mirrors")
    with pytest.raises(team.TeamError, match="not empty"):
        team.set_up(server.url)


def test_init_needs_the_right_to_create_roles(server: TeamServer, postgres_admin: Engine) -> None:
    # An administrator of the team is not the server's administrator.
    with pytest.raises(team.TeamError, match="may not set up"):
        team.set_up(server.as_login(server.admin))


def test_a_removed_member_cannot_even_connect(server: TeamServer) -> None:
    team.remove_member(server.as_login(server.admin), server.firm_b)
    with pytest.raises(psycopg.OperationalError, match="CONNECT privilege"):
        server.sql(server.firm_b).close()
    assert server.firm_b not in {m.login for m in team.members(server.as_login(server.admin))}


def test_the_password_reaches_the_server_as_a_verifier_it_accepts(server: TeamServer) -> None:
    everyone = create_engine(server.url)
    try:
        with everyone.connect() as connection:
            stored = connection.execute(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :name"),
                {"name": server.firm_a},
            ).scalar()
    finally:
        everyone.dispose()
    assert stored is not None and stored.startswith("SCRAM-SHA-256$4096:")
    assert PASSWORD not in stored and scram_verifier(PASSWORD) != stored  # salted
    _check_verifier(stored, PASSWORD)


def _check_verifier(stored: str, password: str) -> None:
    """The stored verifier is the one ``password`` gives with its salt (RFC 5802)."""
    import base64
    import hashlib
    import hmac
    import unicodedata

    head, keys = stored.split("$", 1)[1].split("$")
    iterations, salt = head.split(":")
    stored_key, _server_key = keys.split(":")
    salted = hashlib.pbkdf2_hmac(
        "sha256",
        unicodedata.normalize("NFKC", password).encode(),
        base64.b64decode(salt),
        int(iterations),
    )
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    assert base64.b64encode(hashlib.sha256(client_key).digest()).decode() == stored_key


def test_upgrading_is_for_whoever_set_the_database_up(server: TeamServer) -> None:
    team.upgrade(server.url)  # renews the rules; the firms stay apart
    with server.sql(server.firm_a) as connection:
        assert _company_of_rows(connection, "answer") == {server.companies["Ningbo Lighting"]}
    with pytest.raises(team.TeamError, match="only whoever set"):
        team.upgrade(server.as_login(server.admin))


def test_a_member_opening_a_database_behind_this_version_is_told_who_upgrades_it(
    server: TeamServer,
) -> None:
    everyone = create_engine(server.url)
    try:
        with everyone.begin() as connection:
            # As if a newer app brought a table since: the members cannot create it.
            connection.execute(text("DROP TABLE company_access CASCADE"))
            connection.execute(text("DROP TABLE team_member CASCADE"))
            connection.execute(text("UPDATE alembic_version SET version_num = '0007'"))
    finally:
        everyone.dispose()
    with pytest.raises(StoreError, match="readiness team upgrade --db URL"):
        open_store(server.as_login(server.consultant))


def test_only_administrators_and_consultants_change_the_shared_market_facts(
    server: TeamServer,
) -> None:
    row = (
        "INSERT INTO market_fact (market, fact, qualifier, value, unit, source_title, "
        "source_publisher, source_reference, as_of, note, imported_at) VALUES ('IT', "
        "'lpi_score', '{q}', '3.7', 'score 1-5', 'LPI', 'World Bank', '', '2023-04-21', '', "
        "now())"
    )
    with server.sql(server.consultant) as connection:
        connection.execute(row.format(q="2023"))
    with server.sql(server.firm_a) as connection:
        assert connection.execute("SELECT count(*) FROM market_fact").fetchone() == (1,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute(row.format(q="2024"))
        deleted = connection.execute("DELETE FROM market_fact")
        assert deleted.rowcount == 0
