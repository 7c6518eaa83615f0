"""On a team server, people are the roster: questions go to members who may see the firm,
and changes carry the roster's name whatever ``--as`` says."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from readiness.cli import main
from readiness.content.catalog import Catalog
from readiness.domain.statuses import AssignmentScope
from readiness.storage.opening import open_store
from readiness.storage.refusals import RefusedValueError
from tests.team_servers import TeamServer, set_up_team


@pytest.fixture
def server(postgres_admin: Engine, bundled_catalog: Catalog) -> Iterator[TeamServer]:
    yield from set_up_team(postgres_admin, bundled_catalog)


def test_only_members_who_may_see_the_firm_can_be_given_its_questions(
    server: TeamServer,
) -> None:
    ningbo = server.assessments["Ningbo Lighting"]
    xiamen = server.assessments["Xiamen Mirrors"]
    with open_store(server.as_login(server.consultant)) as store:
        # The administrator, the consultant who added the firm, and the firm's own user.
        assert store.assignable_people(ningbo) == sorted(
            ["Chen Jie 陈杰", "Wang Fang 王芳", server.firm_a], key=str.casefold
        )
        assert server.firm_a not in (store.assignable_people(xiamen) or [])
        with pytest.raises(RefusedValueError, match=r"choose one of: .*Chen Jie 陈杰"):
            store.assign(ningbo, AssignmentScope.ITEM, "CERT-001", "Chen Jie")
        with pytest.raises(RefusedValueError, match="not a team member"):
            store.assign(ningbo, AssignmentScope.ITEM, "CERT-001", server.firm_b)
        # Spelled as typed, saved as the roster spells it.
        store.assign(ningbo, AssignmentScope.ITEM, "CERT-001", "wang fang 王芳")
        (given,) = [a for a in store.assignments(ningbo) if a.code == "CERT-001"]
        assert given.assignee == "Wang Fang 王芳"


def test_a_firm_user_cannot_list_who_works_on_another_firm(server: TeamServer) -> None:
    with open_store(server.as_login(server.firm_a)) as store:
        assert store.assignable_people(server.assessments["Xiamen Mirrors"]) is None


def test_the_assign_command_names_who_may_be_chosen(
    server: TeamServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = server.as_login(server.consultant)
    key = str(server.assessments["Ningbo Lighting"])
    command = ["assign", "--db", db, "--assessment", key, "--dimension", "logistics"]
    assert main([*command, "--to", "Zhang San"]) == 1
    err = capsys.readouterr().err
    assert "'Zhang San' is not a team member who may see this company" in err
    assert "Wang Fang 王芳" in err and "Nothing was saved" in err
    assert main([*command, "--to", "Wang Fang 王芳"]) == 0


def test_as_on_a_team_server_says_the_roster_name_is_recorded_instead(
    server: TeamServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = server.as_login(server.consultant)
    key = str(server.assessments["Ningbo Lighting"])
    answer = ["answer", "--db", db, "--assessment", key, "--item", "CERT-001"]
    assert main([*answer, "--market", "IT", "--value", "3", "--as", "root"]) == 0
    err = capsys.readouterr().err
    assert "records your changes as 'Chen Jie 陈杰'" in err and "--as 'root' is not used" in err
    with open_store(server.url) as everyone:
        saved = everyone.answer(int(key), "CERT-001", "IT")
        assert saved is not None and saved.updated_by == "Chen Jie 陈杰"
