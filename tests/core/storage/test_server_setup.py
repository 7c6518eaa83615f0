"""The server set-up the team guide documents works for every member, not only the first."""

from __future__ import annotations

import io
import re
import shlex
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from readiness.cli import main
from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.storage.opening import open_store

GUIDE = Path(__file__).parents[3] / "docs" / "team-mode.md"


def _guide_sql() -> list[str]:
    """The guide's SQL block: the set-up login and its database."""
    block = re.search(r"```sql\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert block is not None, "the team guide lost its set-up block"
    return [s.strip() for s in block.group(1).split(";") if s.strip()]


def _guide_commands() -> list[list[str]]:
    """The guide's team commands (the block that starts with ``readiness team init``)."""
    blocks = re.findall(r"```sh\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    block = next((b for b in blocks if b.startswith("readiness team init")), None)
    assert block is not None, "the team guide lost its commands"
    return [shlex.split(line)[1:] for line in block.splitlines() if line.strip()]


@pytest.fixture
def team_server(postgres_admin: Engine) -> Iterator[tuple[str, dict[str, str]]]:
    """The guide's SQL and commands run with unique names on the test server."""
    suffix = uuid.uuid4().hex[:8]
    names = {
        "readiness_it": f"it_{suffix}",
        "li_wei": f"li_{suffix}",
        "chen_jie": f"chen_{suffix}",
        "readiness": f"readiness_{suffix}",
    }

    def named(statement: str) -> str:
        for generic, unique in names.items():
            statement = re.sub(rf"\b{generic}\b", unique, statement)
        return statement.replace("PASSWORD '…'", "PASSWORD 'not-used-on-a-trusting-server'")

    database_url = postgres_admin.url.set(database=names["readiness"])
    try:
        for statement in _guide_sql():
            with postgres_admin.connect() as connection:
                connection.execute(text(named(statement)))
        for command in _guide_commands():
            args = [named(arg) for arg in command]
            at = args.index("--db") + 1
            login = make_url(args[at]).username
            args[at] = database_url.set(username=login).render_as_string(hide_password=False)
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr("sys.stdin", io.StringIO("a-password\n"))
                assert main(args) == 0, args
        yield database_url.render_as_string(hide_password=False), names
    finally:
        with postgres_admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{names["readiness"]}" WITH (FORCE)'))
            database = names["readiness"]
            for role in (
                names["li_wei"],
                names["chen_jie"],
                f"{database}_owner",
                f"{database}_member",
                names["readiness_it"],
            ):
                connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


def test_every_member_of_the_documented_team_can_work(
    team_server: tuple[str, dict[str, str]],
) -> None:
    url, names = team_server
    li_url = make_url(url).set(username=names["li_wei"]).render_as_string(hide_password=False)
    chen_url = make_url(url).set(username=names["chen_jie"]).render_as_string(hide_password=False)
    # The consultant adds a firm; the administrator sees it, and so does the consultant.
    with open_store(chen_url) as chen:
        company = chen.create_company("Xiamen Mirrors")
        assert company.id is not None
        assessment = chen.create_assessment(company.id, "2027", "test", [MarketChoice("IT")])
        assert assessment.id is not None
        first = chen.set_answer(assessment.id, "CERT-001", "IT", AnswerValue.AWARE)
    assert first.updated_by == "Chen Jie 陈杰"
    with open_store(li_url) as li:
        saved = li.set_answer(
            assessment.id, "CERT-001", "IT", AnswerValue.PROVEN, expected_version=1
        )
        assert saved.updated_by == "Li Wei 李伟"
        with li.engine.connect() as connection:
            owner = connection.execute(
                text("SELECT tableowner FROM pg_tables WHERE tablename = 'answer'")
            ).scalar()
    assert owner == f"{names['readiness']}_owner"


def test_a_refused_write_gives_its_reason_apart_from_the_servers_words(
    team_server: tuple[str, dict[str, str]],
) -> None:
    from sqlalchemy import create_engine

    from readiness.storage.errors import StoreError

    url, names = team_server
    li_url = make_url(url).set(username=names["li_wei"]).render_as_string(hide_password=False)
    with open_store(li_url, user="Li Wei") as li:
        company = li.create_company("Xiamen Mirrors")
        assert company.id is not None
        assessment = li.create_assessment(company.id, "2027", "test", [MarketChoice("IT")])
        assert assessment.id is not None
        # The server's administrator takes the members' right to write answers away.
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                team = f"{names['readiness']}_member"
                connection.execute(text(f'REVOKE INSERT, UPDATE ON answer FROM "{team}"'))
        finally:
            admin.dispose()
        with pytest.raises(StoreError) as refused:
            li.set_answer(assessment.id, "CERT-001", "IT", AnswerValue.AWARE)
    problem = refused.value.problem
    assert problem is not None and problem.kind == "no-access" and problem.server
    assert "permission denied" in problem.detail and "answer" in problem.detail
