"""Fixtures for the service tests: two colleagues sharing one store file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from readiness.domain.records import MarketChoice
from readiness.storage.opening import open_store
from readiness.storage.store import Store


@pytest.fixture
def li(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "team.sqlite3"), user="Li Wei")
    yield opened
    opened.close()


@pytest.fixture
def zhang(li: Store) -> Store:
    """A colleague writing to the same database."""
    return Store(li.engine, location=li.location, user="Zhang Min")


@pytest.fixture
def assessment(li: Store) -> int:
    company = li.create_company("Shiyan Brake Systems", home_province="Hubei")
    assert company.id is not None
    created = li.create_assessment(company.id, "2027 review", "test", [MarketChoice("IT")])
    assert created.id is not None
    return created.id
