"""The team commands, and what a firm user's commands reach on a team server."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from readiness.cli import main
from readiness.content.catalog import Catalog
from readiness.storage.opening import open_store
from tests.team_servers import PASSWORD, TeamServer, set_up_team


@pytest.fixture
def server(postgres_admin: Engine, bundled_catalog: Catalog) -> Iterator[TeamServer]:
    yield from set_up_team(postgres_admin, bundled_catalog)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_firm_users_commands_see_and_touch_only_their_company(
    server: TeamServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = server.as_login(server.firm_a)
    own = str(server.assessments["Ningbo Lighting"])
    other = str(server.assessments["Xiamen Mirrors"])
    with open_store(server.url) as everyone:
        before = everyone.answer(int(other), "CERT-001", "IT")

    code, out, _ = _run(["list", "--db", db, "--all"], capsys)
    assert code == 0 and "Ningbo Lighting" in out and "Xiamen Mirrors" not in out

    code, out, _ = _run(["portfolio", "--db", db, "--market", "IT", "--json"], capsys)
    assert code == 0
    assert [row["company"] for row in json.loads(out)["rows"]] == ["Ningbo Lighting"]

    assert _run(["score", "--db", db, "--assessment", own], capsys)[0] == 0
    assert _run(["score", "--db", db, "--assessment", other], capsys)[0] != 0

    mine = tmp_path / "mine.json"
    assert _run(["export", "--db", db, "--assessment", own, "--out", str(mine)], capsys)[0] == 0
    theirs = tmp_path / "theirs.json"
    code, _, err = _run(["export", "--db", db, "--assessment", other, "--out", str(theirs)], capsys)
    assert code != 0 and not theirs.exists() and err

    answer = ["answer", "--db", db, "--item", "CERT-001", "--market", "IT", "--value", "4"]
    assert _run([*answer, "--assessment", own], capsys)[0] == 0
    code, _, err = _run([*answer, "--assessment", other], capsys)
    assert code != 0 and err

    own_report = tmp_path / "mine.pdf"
    code, _, err = _run(
        ["report", "--db", db, "--assessment", own, "--out", str(own_report)], capsys
    )
    assert code == 0, err
    assert own_report.read_bytes().startswith(b"%PDF")
    their_report = tmp_path / "theirs.pdf"
    args = ["report", "--db", db, "--assessment", other, "--out", str(their_report)]
    code, _, _ = _run(args, capsys)
    assert code != 0 and not their_report.exists()
    # The other firm's answer was never touched.
    with open_store(server.url) as everyone:
        assert everyone.answer(int(other), "CERT-001", "IT") == before


def test_an_administrator_adds_grants_lists_and_revokes(
    server: TeamServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = server.as_login(server.admin)
    login = f"{server.database}_li"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code, out, err = _run(
        [
            "team",
            "add-member",
            "--db",
            admin,
            "--user",
            login,
            "--role",
            "consultant",
            "--display-name",
            "Li Wei 李伟",
        ],
        capsys,
    )
    assert code == 0, err
    assert "joined the team as consultant" in out and PASSWORD not in out
    assert (
        _run(["grant", "--db", admin, "--user", login, "--company", "Xiamen Mirrors"], capsys)[0]
        == 0
    )
    code, out, _ = _run(["grants", "--db", admin, "--json"], capsys)
    listed = {m["login"]: m for m in json.loads(out)}
    assert listed[login]["display_name"] == "Li Wei 李伟"
    assert [c["name"] for c in listed[login]["companies"]] == ["Xiamen Mirrors"]
    assert _run(["revoke", "--db", admin, "--user", login, "--all"], capsys)[0] == 0
    code, out, _ = _run(["grants", "--db", admin], capsys)
    assert f"{login}  Li Wei 李伟  consultant: no company" in out


@pytest.mark.parametrize(
    ("who", "args", "said"),
    [
        ("consultant", ["grant", "--user", "{firm_a}", "--all"], "not a platform administrator"),
        ("admin", ["grant", "--user", "nobody", "--all"], "no team member 'nobody'"),
        ("admin", ["revoke", "--user", "{consultant}", "--company", "Nowhere"], "no company"),
        ("superuser", ["team", "init"], "is not empty"),
        ("admin", ["team", "init"], "may not set up"),
    ],
)
def test_refusals_say_what_is_wrong(
    server: TeamServer,
    capsys: pytest.CaptureFixture[str],
    who: str,
    args: list[str],
    said: str,
) -> None:
    db = server.url if who == "superuser" else server.as_login(getattr(server, who))
    named = [a.format(firm_a=server.firm_a, consultant=server.consultant) for a in args]
    code, _, err = _run([*named, "--db", db], capsys)
    assert code != 0 and said in err and "Traceback" not in err


def test_a_file_has_no_team(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["grants", "--db", str(tmp_path / "mine.sqlite3")], capsys)
    assert code != 0 and "team server" in err


def test_a_member_without_a_password_is_not_added(
    server: TeamServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    args = ["team", "add-member", "--db", server.as_login(server.admin), "--user", "x_y"]
    code, _, err = _run([*args, "--role", "admin"], capsys)
    assert code != 0 and "no password given" in err
