"""The server set-up the team guide documents works for every member, not only the first."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.storage.opening import open_store

GUIDE = Path(__file__).parents[3] / "docs" / "team-mode.md"


def _guide_sql() -> list[str]:
    """The guide's set-up block: SQL statements, and ``\\c`` lines that change database."""
    block = re.search(r"```sql\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert block is not None, "the team guide lost its set-up block"
    steps: list[str] = []
    pending: list[str] = []
    for line in block.group(1).splitlines():
        line = line.split("--")[0].rstrip()
        if line.startswith("\\c"):
            steps.append(line)
            continue
        pending.append(line)
        if line.endswith(";"):
            steps.append(" ".join(pending).strip().rstrip(";"))
            pending = []
    return [step for step in steps if step]


@pytest.fixture
def team_server(postgres_admin: Engine) -> Iterator[tuple[str, dict[str, str]]]:
    """The guide's statements run with unique names on the test server."""
    suffix = uuid.uuid4().hex[:8]
    names = {
        "readiness_team": f"team_{suffix}",
        "li_wei": f"li_{suffix}",
        "zhang_min": f"zhang_{suffix}",
        "readiness": f"readiness_{suffix}",
    }

    def named(statement: str) -> str:
        for generic, unique in names.items():
            statement = re.sub(rf"\b{generic}\b", unique, statement)
        return statement.replace("PASSWORD '…'", "PASSWORD 'not-used-on-a-trusting-server'")

    database_url = postgres_admin.url.set(database=names["readiness"])
    in_database = None
    try:
        for statement in _guide_sql():
            if statement.startswith("\\c"):
                from sqlalchemy import create_engine

                in_database = create_engine(database_url, isolation_level="AUTOCOMMIT")
                continue
            target = in_database if in_database is not None else postgres_admin
            with target.connect() as connection:
                connection.execute(text(named(statement)))
        yield database_url.render_as_string(hide_password=False), names
    finally:
        if in_database is not None:
            in_database.dispose()
        with postgres_admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{names["readiness"]}" WITH (FORCE)'))
            for role in ("li_wei", "zhang_min", "readiness_team"):
                connection.execute(text(f'DROP ROLE IF EXISTS "{names[role]}"'))


def test_every_member_of_the_documented_team_can_work(
    team_server: tuple[str, dict[str, str]],
) -> None:
    from sqlalchemy.engine import make_url

    url, names = team_server
    li_url = make_url(url).set(username=names["li_wei"]).render_as_string(hide_password=False)
    zhang_url = make_url(url).set(username=names["zhang_min"]).render_as_string(hide_password=False)
    # Li opens the new database first: the tables are created (and owned by the team).
    with open_store(li_url, user="Li Wei") as li:
        company = li.create_company("Xiamen Mirrors")
        assert company.id is not None
        assessment = li.create_assessment(company.id, "2027", "test", [MarketChoice("IT")])
        assert assessment.id is not None
        li.set_answer(assessment.id, "CERT-001", "IT", AnswerValue.AWARE)
    # Zhang, a later member, reads and writes the same tables.
    with open_store(zhang_url, user="Zhang Min") as zhang:
        saved = zhang.set_answer(
            assessment.id, "CERT-001", "IT", AnswerValue.PROVEN, expected_version=1
        )
        assert saved.updated_by == "Zhang Min"
        with zhang.engine.connect() as connection:
            owner = connection.execute(
                text("SELECT tableowner FROM pg_tables WHERE tablename = 'answer'")
            ).scalar()
    assert owner == names["readiness_team"]


def test_a_refused_write_gives_its_reason_apart_from_the_servers_words(
    team_server: tuple[str, dict[str, str]],
) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from readiness.storage.errors import StoreError

    url, names = team_server
    li_url = make_url(url).set(username=names["li_wei"]).render_as_string(hide_password=False)
    with open_store(li_url, user="Li Wei") as li:
        company = li.create_company("Xiamen Mirrors")
        assert company.id is not None
        assessment = li.create_assessment(company.id, "2027", "test", [MarketChoice("IT")])
        assert assessment.id is not None
        # The administrator takes the team's right to write answers away.
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                team = names["readiness_team"]
                connection.execute(text(f'REVOKE INSERT, UPDATE ON answer FROM "{team}"'))
        finally:
            admin.dispose()
        with pytest.raises(StoreError) as refused:
            li.set_answer(assessment.id, "CERT-001", "IT", AnswerValue.AWARE)
    problem = refused.value.problem
    assert problem is not None and problem.kind == "no-access" and problem.server
    assert "permission denied" in problem.detail and "answer" in problem.detail
