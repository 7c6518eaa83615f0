"""One ``readiness answer`` as a whole process, against a fresh Python process that
opens the same SQLite file (WAL, full sync) and writes one row.

A script that records a questionnaire runs the command once per answer, so its
start is what the user waits for, many times over.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

from benchmarks.processes import FOLDER, run

DB = FOLDER / "answer.sqlite3"

FLOOR = f"""
import datetime, sqlite3
connection = sqlite3.connect({str(DB)!r}, isolation_level=None, timeout=5)
for pragma in (
    "busy_timeout = 5000", "foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL"
):
    connection.execute("PRAGMA " + pragma)
connection.execute("BEGIN IMMEDIATE")
connection.execute(
    "INSERT INTO answer (assessment_id, item_id, market_code, value, note, evidence, "
    "updated_at, updated_by, version) VALUES (1, 'BENCH-001', 'IT', '3', '', '[]', ?, 'bench', 1) "
    "ON CONFLICT (assessment_id, item_id, market_code) DO UPDATE SET "
    "value = excluded.value, updated_at = excluded.updated_at, version = answer.version + 1",
    (datetime.datetime.now(datetime.UTC).isoformat(" "),),
)
connection.execute("COMMIT")
connection.close()
"""

ANSWER = [
    sys.executable,
    "-m",
    "readiness",
    "answer",
    "--db",
    str(DB),
    "--assessment",
    "1",
    "--item",
    "CERT-001",
    "--market",
    "IT",
    "--value",
    "3",
]


@pytest.fixture(scope="module", autouse=True)
def sample_database() -> None:
    run([sys.executable, "-m", "readiness", "demo", "--db", str(DB)])
    run(ANSWER)  # warms the bytecode and the catalog cache, as any earlier start has
    run(FLOOR)


def test_floor_fresh_process_writes_one_row(benchmark: Any, pair: Any) -> None:
    pair("one readiness answer, whole process", "floor")
    benchmark.pedantic(run, args=(FLOOR,), rounds=5, iterations=1)


def test_answer_command(benchmark: Any, pair: Any) -> None:
    pair("one readiness answer, whole process", "subject", target=3.0)
    assert "saved" in benchmark.pedantic(run, args=(ANSWER,), rounds=5, iterations=1)
