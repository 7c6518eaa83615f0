"""Fixtures for the core tests: a fresh store file per test, and the bundled catalog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog, load_catalog
from readiness.domain.records import MarketChoice
from readiness.storage.opening import open_store
from readiness.storage.store import Store


@pytest.fixture(scope="session")
def bundled_catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "readiness.sqlite3"


@pytest.fixture
def store_location(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """Where the test's store lives: the SQLite file, or a fresh server database."""
    if backend == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return str(db_path)


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    opened = open_store(store_location)
    yield opened
    opened.close()


@pytest.fixture
def assessment_id(store: Store) -> int:
    company = store.create_company("Shiyan Brake Systems", home_province="Hubei")
    assert company.id is not None
    assessment = store.create_assessment(
        company.id, "2027 review", "test", [MarketChoice("IT"), MarketChoice("MA")]
    )
    assert assessment.id is not None
    return assessment.id
