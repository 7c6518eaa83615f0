"""Saving an answer and loading an assessment, against bare sqlite3 with the same PRAGMAs."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.storage.opening import open_store
from readiness.storage.store import Store

TARGET = 2.0


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "bench.sqlite3"), backup_on_open=False)
    company = opened.create_company("Bench Motors")
    assert company.id is not None
    opened.create_assessment(company.id, "bench", "bench", [MarketChoice("IT")])
    yield opened
    opened.close()


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(tmp_path / "bare.sqlite3", isolation_level=None)
    for pragma in (
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
        "busy_timeout = 5000",
    ):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute(
        "CREATE TABLE answer (id INTEGER PRIMARY KEY, assessment_id INTEGER, item_id TEXT, "
        "market_code TEXT, value TEXT, note TEXT, evidence TEXT, updated_at TEXT, "
        "updated_by TEXT, UNIQUE (assessment_id, item_id, market_code))"
    )
    yield connection
    connection.close()


def test_floor_bare_sqlite_upsert(benchmark: Any, pair: Any, bare: sqlite3.Connection) -> None:
    pair("save one answer", "floor")
    counter = itertools.count()

    def save() -> None:
        n = next(counter) % 200
        bare.execute("BEGIN IMMEDIATE")
        bare.execute(
            "INSERT INTO answer (assessment_id, item_id, market_code, value, note, evidence, "
            "updated_at, updated_by) VALUES (1, ?, 'IT', '3', '', '[]', ?, 'bench') "
            "ON CONFLICT (assessment_id, item_id, market_code) DO UPDATE SET "
            "value = excluded.value, updated_at = excluded.updated_at",
            (f"CERT-{n:03}", dt.datetime.now(dt.UTC).isoformat()),
        )
        bare.execute("COMMIT")

    benchmark.pedantic(save, rounds=300, warmup_rounds=20)


def test_store_set_answer(benchmark: Any, pair: Any, store: Store) -> None:
    pair("save one answer", "subject", target=TARGET)
    counter = itertools.count()

    def save() -> None:
        n = next(counter) % 200
        store.set_answer(1, f"CERT-{n:03}", "IT", AnswerValue.IN_PLACE)

    benchmark.pedantic(save, rounds=300, warmup_rounds=20)


def test_floor_bare_sqlite_load_500(benchmark: Any, pair: Any, bare: sqlite3.Connection) -> None:
    pair("load 500 answers", "floor")
    bare.execute("BEGIN")
    for n in range(500):
        bare.execute(
            "INSERT INTO answer (assessment_id, item_id, market_code, value, note, evidence, "
            "updated_at, updated_by) VALUES (1, ?, 'IT', '3', 'note', '[]', ?, 'bench')",
            (f"ITEM-{n:03}", dt.datetime.now(dt.UTC).isoformat()),
        )
    bare.execute("COMMIT")

    def load() -> list[Any]:
        return bare.execute(
            "SELECT * FROM answer WHERE assessment_id = 1 ORDER BY item_id, market_code"
        ).fetchall()

    assert len(benchmark(load)) == 500


def test_store_load_500(benchmark: Any, pair: Any, store: Store, tmp_path: Path) -> None:
    pair("load 500 answers", "subject", target=TARGET)
    for n in range(500):
        store.set_answer(1, f"ITEM-{n:03}", "IT", AnswerValue.IN_PLACE, note="note")
    assert len(benchmark(store.answers, 1)) == 500


# --- PostgreSQL (team mode) against SQLite, in the same run ----------------------------------
# `make bench` starts its server with the same durability as a real one (fsync and
# synchronous commit on), so a save waits for the disk on both engines.


@pytest.fixture
def server_store(postgres_url: str) -> Iterator[Store]:
    opened = open_store(postgres_url)
    company = opened.create_company("Bench Motors")
    assert company.id is not None
    opened.create_assessment(company.id, "bench", "bench", [MarketChoice("IT")])
    yield opened
    opened.close()


def test_sqlite_save_as_floor_for_the_server(benchmark: Any, pair: Any, store: Store) -> None:
    pair("PostgreSQL vs SQLite: save one answer", "floor")
    counter = itertools.count()

    def save() -> None:
        n = next(counter) % 200
        store.set_answer(1, f"CERT-{n:03}", "IT", AnswerValue.IN_PLACE)

    benchmark.pedantic(save, rounds=300, warmup_rounds=20)


def test_server_save_one_answer(benchmark: Any, pair: Any, server_store: Store) -> None:
    pair("PostgreSQL vs SQLite: save one answer", "subject")
    counter = itertools.count()

    def save() -> None:
        n = next(counter) % 200
        server_store.set_answer(1, f"CERT-{n:03}", "IT", AnswerValue.IN_PLACE)

    benchmark.pedantic(save, rounds=300, warmup_rounds=20)


def _open_sample(benchmark: Any, target: Store) -> None:
    from readiness.content.catalog import load_catalog
    from readiness.services.results import load_result
    from readiness.services.sample import create_demo

    catalog = load_catalog()
    assessment_id = create_demo(target, catalog)
    # What the app does when an assessment is opened: read everything, score it.
    result = benchmark(load_result, target, catalog, assessment_id)
    assert result.answers


def test_sqlite_open_the_sample_as_floor(benchmark: Any, pair: Any, store: Store) -> None:
    pair("PostgreSQL vs SQLite: open an assessment", "floor")
    _open_sample(benchmark, store)


def test_server_open_the_sample(benchmark: Any, pair: Any, server_store: Store) -> None:
    pair("PostgreSQL vs SQLite: open an assessment", "subject")
    _open_sample(benchmark, server_store)
