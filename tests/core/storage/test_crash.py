"""Killing the app at any moment loses no answer it has reported as saved."""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import time
from pathlib import Path

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.storage.backup import check_backup_file, list_backups
from readiness.storage.opening import open_store

KILLS = 100


def _writer(path: Path, cycle: int, report: int) -> None:
    """Child: answer questions one by one, reporting each only after its commit returned."""
    store = open_store(str(path))
    for n in range(10_000):
        item = f"K{cycle:03}-{n:04}"
        store.set_answer(1, item, "IT", AnswerValue.IN_PLACE, note=f"cycle {cycle}")
        os.write(report, f"{item}\n".encode())


def _first_report(descriptor: int) -> bytes:
    """What the child reported up to its first saved answer: the kill that follows then
    lands among its writes however slowly a busy machine opens the store."""
    received = b""
    while b"\n" not in received:
        ready, _, _ = select.select([descriptor], [], [], 60)
        assert ready, "the writer saved nothing in a minute"
        chunk = os.read(descriptor, 65536)
        assert chunk, "the writer stopped before saving anything"
        received += chunk
    return received


def _read_all(descriptor: int) -> str:
    chunks = []
    while chunk := os.read(descriptor, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode()


def test_every_reported_answer_survives_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    with open_store(str(path)) as store:
        company = store.create_company("Crash Test Motors")
        assert company.id is not None
        store.create_assessment(company.id, "crash", "test", [MarketChoice("IT")])

    rng = random.Random(20251015)
    reported: list[str] = []
    for cycle in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read_end)
            try:
                _writer(path, cycle, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        first = _first_report(read_end)
        time.sleep(rng.uniform(0.0, 0.1))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        reported.extend((first.decode() + _read_all(read_end)).split())
        os.close(read_end)

    assert len(reported) >= KILLS  # every child saved at least one answer before its kill
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in connection.execute("SELECT item_id FROM answer")}
    missing = [item for item in reported if item not in stored]
    assert missing == []
    # Kills also landed during the backups taken on open: none left a bad file behind.
    for backup in list_backups(path):
        assert check_backup_file(backup.path) is None
    with open_store(str(path)) as store:
        assert store.check() == []
