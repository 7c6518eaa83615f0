"""Commands run beside the app get the server password in their environment, never in argv."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from sqlalchemy import create_engine

from readiness.storage import credentials
from readiness.storage.store import Store
from tests.keyrings import MemoryKeyring, memory_keyring  # noqa: F401  (fixture)
from ui.command_process import readiness_process

SERVER = "postgresql+psycopg://li_wei@db.example.com:5432/readiness"


def test_a_server_password_travels_in_the_environment_only(
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    engine = create_engine("sqlite://")
    store = Store(engine, location=SERVER)
    credentials.save_password(SERVER, "s3cret-pass")
    parent = QObject()
    process = readiness_process(parent, store, ["report", "--db", store.location])
    assert process.arguments()[-3:] == ["report", "--db", SERVER]
    assert all("s3cret-pass" not in argument for argument in process.arguments())
    assert process.processEnvironment().value("PGPASSWORD") == "s3cret-pass"
    engine.dispose()


def test_a_file_store_passes_no_password(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    engine = create_engine("sqlite://")
    store = Store(engine, location=str(tmp_path / "file.sqlite3"))
    parent = QObject()
    process = readiness_process(parent, store, ["report"])
    assert not process.processEnvironment().contains("PGPASSWORD")
    engine.dispose()
