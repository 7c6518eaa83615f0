"""Team-server passwords: the keyring account, filling them in, and never showing them."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from readiness.storage.credentials import (
    KEYRING_SERVICE,
    CredentialsError,
    ServerAddress,
    check_connection,
    connect_url,
    display_location,
    explain_connection_error,
    forget_password,
    save_password,
    server_key,
    take_inline_password,
    use_password_for_session,
    without_password,
)
from readiness.storage.errors import StoreError
from readiness.storage.opening import open_store
from tests.keyrings import (
    MemoryKeyring,
    memory_keyring,
    missing_keyring,
    refusing_keyring,
)

__all__ = ["memory_keyring", "missing_keyring", "refusing_keyring"]  # fixtures, used by name

SERVER = "postgresql+psycopg://alice@DB.example.com/readiness"
SECRET = "s3cret-Pa55"


def closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_account_names_user_host_port_and_database() -> None:
    assert server_key(SERVER) == "alice@db.example.com:5432/readiness"
    # The driver, an inline password and options do not make another account.
    same = "postgresql://alice:other@db.example.com:5432/readiness?sslmode=require"
    assert server_key(same) == server_key(SERVER)
    assert server_key("postgresql+psycopg://alice@db:5433/x") == "alice@db:5433/x"


def test_a_password_in_the_url_is_removed_or_masked() -> None:
    url = f"postgresql+psycopg://alice:{SECRET}@db.example.com:5432/readiness"
    assert without_password(url) == "postgresql+psycopg://alice@db.example.com:5432/readiness"
    assert SECRET not in display_location(url)
    assert "alice" in display_location(url)
    assert display_location("/home/alice/readiness.sqlite3") == "/home/alice/readiness.sqlite3"
    assert without_password("/home/alice/readiness.sqlite3") == "/home/alice/readiness.sqlite3"
    # Even an address SQLAlchemy cannot read keeps its password hidden.
    assert SECRET not in display_location(f"not a url://alice:{SECRET}@host/db")


def test_a_saved_password_is_filled_in_and_forgotten(memory_keyring: MemoryKeyring) -> None:
    assert connect_url(SERVER).password is None
    save_password(SERVER, SECRET)
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, "alice@db.example.com:5432/readiness"): SECRET
    }
    filled = connect_url(SERVER)
    assert filled.password == SECRET
    assert filled.username == "alice"
    assert SECRET not in str(filled)  # SQLAlchemy's own rendering hides it too
    assert forget_password(SERVER) is True
    assert connect_url(SERVER).password is None
    assert forget_password(SERVER) is False


@pytest.mark.usefixtures("memory_keyring")
def test_other_urls_are_left_as_they_are() -> None:
    save_password(SERVER, SECRET)
    inline = "postgresql+psycopg://alice:typed@db.example.com/readiness"
    assert connect_url(inline).password == "typed"
    nobody = "postgresql+psycopg://db.example.com/readiness"
    assert connect_url(nobody).password is None  # no user: libpq's defaults apply
    assert connect_url("sqlite:////tmp/x.sqlite3").get_backend_name() == "sqlite"
    assert connect_url("/tmp/x.sqlite3").database == "/tmp/x.sqlite3"


@pytest.mark.usefixtures("memory_keyring")
def test_a_session_password_is_used_but_never_saved(memory_keyring: MemoryKeyring) -> None:
    use_password_for_session(SERVER, SECRET)
    assert connect_url(SERVER).password == SECRET
    assert memory_keyring.passwords == {}
    location = take_inline_password("postgresql+psycopg://bob:pw2@db.example.com/readiness")
    assert location == "postgresql+psycopg://bob@db.example.com/readiness"
    assert connect_url(location).password == "pw2"


@pytest.mark.usefixtures("missing_keyring")
def test_without_a_keyring_saving_says_what_to_do_instead() -> None:
    with pytest.raises(CredentialsError) as caught:
        save_password(SERVER, SECRET)
    message = str(caught.value)
    assert caught.value.reason == "no-keyring"
    assert "alice@db.example.com:5432/readiness" in message
    assert "PGPASSWORD" in message and "~/.pgpass" in message
    assert SECRET not in message
    # Connecting still works through PGPASSWORD or ~/.pgpass: the URL is unchanged.
    assert connect_url(SERVER).password is None
    assert forget_password(SERVER) is False


@pytest.mark.usefixtures("refusing_keyring")
def test_a_locked_keyring_gives_a_clear_message() -> None:
    with pytest.raises(CredentialsError) as saving:
        save_password(SERVER, SECRET)
    assert saving.value.reason == "keyring"
    assert "could not store the password for alice@db.example.com" in str(saving.value)
    assert "unlock" in str(saving.value)
    assert SECRET not in str(saving.value)
    with pytest.raises(CredentialsError, match="could not read"):
        connect_url(SERVER)
    with pytest.raises(CredentialsError, match="could not remove"):
        forget_password(SERVER)


def test_a_url_without_user_cannot_hold_a_password() -> None:
    with pytest.raises(CredentialsError, match="names no user"):
        save_password("postgresql+psycopg://db.example.com/readiness", SECRET)


def test_a_server_echoing_the_password_is_not_repeated() -> None:
    error = OperationalError(
        "SELECT 1", {}, Exception(f'password authentication failed for user "alice" ({SECRET})')
    )
    explained = explain_connection_error(error, f"postgresql+psycopg://alice:{SECRET}@db/readiness")
    assert explained.reason == "wrong-password"
    assert SECRET not in str(explained)
    assert "alice@db:5432/readiness" in str(explained)
    other = OperationalError("SELECT 1", {}, Exception(f"odd failure {SECRET}"))
    assert SECRET not in str(explain_connection_error(other, SERVER, password=SECRET))


@pytest.mark.parametrize(
    "location",
    [
        "postgresql+psycopg://li:{secret}@db:abc/x",  # a port that is not a number
        "postgresql+psycopg://li:pa/{secret}@db:abc/x",  # a slash in the password
        "postgresql+psycopg://li:p@{secret}@db/x",  # an unencoded @ in the password
        "postgresql+psycopg://li:Se@{secret}/99@db.example.com/x",  # an @, then a slash
    ],
)
def test_a_malformed_address_never_shows_its_password(location: str) -> None:
    address = location.format(secret=SECRET)
    assert SECRET not in display_location(address)
    with pytest.raises(StoreError) as refused:
        open_store(address)
    assert SECRET not in str(refused.value)


def test_access_problems_are_told_apart_from_connection_problems() -> None:
    denied = OperationalError(
        "SELECT 1", {}, Exception("permission denied for table alembic_version")
    )
    explained = explain_connection_error(denied, SERVER)
    assert explained.reason == "no-access" and "grant access" in str(explained)
    owner = OperationalError("ALTER", {}, Exception("must be owner of table answer"))
    assert explain_connection_error(owner, SERVER).reason == "owner-only"


@pytest.mark.usefixtures("memory_keyring")
def test_an_unreachable_server_is_explained() -> None:
    port = closed_port()
    location = f"postgresql+psycopg://alice@127.0.0.1:{port}/readiness"
    save_password(location, SECRET)
    with pytest.raises(CredentialsError) as caught:
        check_connection(location)
    assert caught.value.reason == "refused"
    assert f"127.0.0.1:{port}" in str(caught.value)
    assert SECRET not in str(caught.value)


def test_a_file_is_not_a_server() -> None:
    with pytest.raises(CredentialsError, match="not a database server"):
        check_connection("/tmp/readiness.sqlite3")


@pytest.mark.usefixtures("memory_keyring")
def test_a_real_server_answers(postgres_admin: Engine) -> None:
    location = postgres_admin.url.render_as_string(hide_password=False)
    check_connection(location)
    check_connection(location, "any password: the test server trusts local users")
    missing = postgres_admin.url.set(database="no_such_database_here")
    with pytest.raises(CredentialsError) as caught:
        check_connection(missing.render_as_string(hide_password=False))
    assert caught.value.reason == "no-database"
    assert "no_such_database_here" in str(caught.value)


class TestServerAddress:
    """The database dialog's fields and the server's location say the same thing."""

    def test_the_fields_make_a_location_without_a_password_and_read_back(self) -> None:
        address = ServerAddress(host="db.example.com", port=6432, database="team", user="zhang")
        location = address.location()
        assert location == "postgresql+psycopg://zhang@db.example.com:6432/team"
        assert ServerAddress.parse(location) == address

    def test_an_unreadable_location_has_no_parts(self) -> None:
        assert ServerAddress.parse("not a url") is None
