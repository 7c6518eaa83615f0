"""Test configuration shared by every suite, and the PostgreSQL test server.

Storage and command-line tests marked ``both_backends`` run once on an SQLite
file and once on a fresh database of a real PostgreSQL server. The server is
named by ``READINESS_TEST_PG_URL``; ``make test`` starts a throwaway one through
``tests/with-postgres.sh``. Without it the PostgreSQL runs are skipped, and the
run says so, except under CI, where a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from tests.fuzzing import FUZZ_ENV, FUZZ_EXAMPLES

# Every test runs headless; the person running them sets nothing.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

PG_ENV = "READINESS_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")
_NO_SERVER = (
    f"PostgreSQL tests skipped: no server configured (set {PG_ENV}, or run the tests "
    "with `make test`, which starts one)"
)


def pytest_configure(config: pytest.Config) -> None:
    # `pytest -m fuzz` asks the fuzz suites for their long run (tests/fuzzing.py).
    if "fuzz" in (config.option.markexpr or "") and not os.environ.get(FUZZ_ENV):
        os.environ[FUZZ_ENV] = str(FUZZ_EXAMPLES)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("both_backends") and (
        "backend" in metafunc.fixturenames
    ):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    server = os.environ.get(PG_ENV)
    if server:
        shown = make_url(server).render_as_string(hide_password=True)
        terminalreporter.write_line(f"PostgreSQL tests ran against {shown}")
    else:
        terminalreporter.write_line(_NO_SERVER, yellow=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The storage engine under test: SQLite unless the test runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """A connection to the test server's maintenance database."""
    server = os.environ.get(PG_ENV)
    if not server:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests, but {PG_ENV} is not set")
        pytest.skip(_NO_SERVER)
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_admin: Engine) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    name = f"readiness_test_{uuid.uuid4().hex[:12]}"
    with postgres_admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    yield postgres_admin.url.set(database=name).render_as_string(hide_password=False)
    with postgres_admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
