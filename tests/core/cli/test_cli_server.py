"""``readiness login`` and ``logout``: the password is checked, kept in the keyring, forgotten."""

from __future__ import annotations

import io
import socket

import pytest
from sqlalchemy import Engine

from readiness.cli import main
from readiness.storage.credentials import KEYRING_SERVICE, server_key
from tests.keyrings import MemoryKeyring, memory_keyring, missing_keyring

__all__ = ["memory_keyring", "missing_keyring"]  # fixtures, used by name

SECRET = "typed-Secret-42"


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def server(postgres_admin: Engine) -> str:
    return postgres_admin.url.render_as_string(hide_password=False)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_login_checks_then_saves_and_logout_forgets(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    server: str,
) -> None:
    code, out, err = run(
        capsys, monkeypatch, "login", "--db", server, "--password-stdin", stdin=SECRET + "\n"
    )
    assert (code, err) == (0, "")
    assert server_key(server) in out
    assert memory_keyring.passwords == {(KEYRING_SERVICE, server_key(server)): SECRET}
    assert SECRET not in out

    code, out, _ = run(capsys, monkeypatch, "logout", "--db", server)
    assert code == 0
    assert "removed" in out
    assert memory_keyring.passwords == {}
    code, out, _ = run(capsys, monkeypatch, "logout", "--db", server)
    assert (code, out.strip()) == (0, f"no password was saved for {server_key(server)}")


def test_login_asks_when_no_stdin_is_named(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    server: str,
) -> None:
    prompts: list[str] = []

    def ask(prompt: str = "") -> str:
        prompts.append(prompt)
        return SECRET

    monkeypatch.setattr("getpass.getpass", ask)
    code, _, _ = run(capsys, monkeypatch, "login", "--db", server)
    assert code == 0
    assert prompts == [f"Password for {server_key(server)}: "]
    assert list(memory_keyring.passwords.values()) == [SECRET]


def test_an_unreachable_server_is_one_clear_line_and_nothing_is_saved(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    port = closed_port()
    url = f"postgresql+psycopg://alice@127.0.0.1:{port}/readiness"
    code, out, err = run(
        capsys, monkeypatch, "login", "--db", url, "--password-stdin", stdin=SECRET
    )
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert f"127.0.0.1:{port}" in err and "connection refused" in err
    assert "Nothing was saved" in err
    assert "Traceback" not in err and SECRET not in err
    assert memory_keyring.passwords == {}


@pytest.mark.usefixtures("missing_keyring")
def test_without_a_keyring_login_says_what_to_use_instead(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, server: str
) -> None:
    code, _, err = run(
        capsys, monkeypatch, "login", "--db", server, "--password-stdin", stdin=SECRET
    )
    assert code == 1
    assert "No system keyring is available" in err
    assert "PGPASSWORD" in err and SECRET not in err


@pytest.mark.usefixtures("memory_keyring")
@pytest.mark.parametrize(
    ("db", "expected"),
    [
        ("/tmp/readiness.sqlite3", "is not a team server"),
        ("postgresql+psycopg://db.example.com/readiness", "names no user"),
        (f"postgresql+psycopg://alice:{SECRET}@db.example.com/readiness", "carries a password"),
    ],
)
def test_addresses_login_cannot_use_are_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str, expected: str
) -> None:
    code, _, err = run(capsys, monkeypatch, "login", "--db", db, "--password-stdin", stdin="x")
    assert code == 1
    assert expected in err
    assert SECRET not in err


@pytest.mark.usefixtures("memory_keyring")
def test_an_empty_password_saves_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, server: str
) -> None:
    code, _, err = run(capsys, monkeypatch, "login", "--db", server, "--password-stdin", stdin="")
    assert code == 1
    assert "no password given" in err
