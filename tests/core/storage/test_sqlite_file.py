"""Recognising a database file: another program's is never written, a damaged start of ours
is recognised by the backups beside it."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from readiness.domain.records import MarketChoice
from readiness.services.restore import restore_database
from readiness.storage.backup import make_backup
from readiness.storage.errors import DamagedDatabaseError, NotOurFileError, StoreError
from readiness.storage.opening import open_store


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes: a refused open must leave this equal."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _plain_table(path: Path) -> None:
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
        other.execute("INSERT INTO invoices VALUES (1, 99.5)")


def _other_application_id(path: Path) -> None:
    with sqlite3.connect(path) as other:
        other.execute("PRAGMA application_id = 1234")
        other.execute("CREATE TABLE invoices (id INTEGER)")


def _rollback_journal_with_a_table_named_like_ours(path: Path) -> None:
    with sqlite3.connect(path) as other:
        assert other.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
        other.execute("CREATE TABLE company (id INTEGER PRIMARY KEY, name TEXT)")
        other.execute("INSERT INTO company VALUES (1, 'Their customer')")


def _user_version_set(path: Path) -> None:
    with sqlite3.connect(path) as other:
        other.execute("PRAGMA user_version = 7")


def _wal_mode(path: Path) -> None:
    other = sqlite3.connect(path)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("CREATE TABLE invoices (id INTEGER)")
    other.commit()
    other.close()  # a clean close removes its -wal and -shm files


def _another_alembic_program(path: Path) -> None:
    other = sqlite3.connect(path)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    other.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
    other.execute("CREATE TABLE orders (id INTEGER)")
    other.commit()
    other.close()


FOREIGN: dict[str, Callable[[Path], None]] = {
    "a plain table": _plain_table,
    "another application id": _other_application_id,
    "rollback journal, a table named like ours": _rollback_journal_with_a_table_named_like_ours,
    "user version set": _user_version_set,
    "WAL mode": _wal_mode,
    "another program using Alembic": _another_alembic_program,
}


@pytest.fixture
def good_backup(tmp_path: Path) -> Path:
    """A good backup of a database of ours, in another folder."""
    ours = tmp_path / "ours" / "readiness.sqlite3"
    with open_store(str(ours)) as store:
        company = store.create_company("Kept Motors")
        assert company.id is not None
        store.create_assessment(company.id, "review", "v", [MarketChoice("IT")])
    return make_backup(ours, reason="manual").path


@pytest.mark.parametrize("make", FOREIGN.values(), ids=FOREIGN.keys())
def test_another_programs_database_is_refused_byte_for_byte_untouched(
    tmp_path: Path, good_backup: Path, make: Callable[[Path], None]
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    path = folder / "their.db"
    make(path)
    before = _folder_bytes(folder)
    with pytest.raises(NotOurFileError, match="left untouched"):
        open_store(str(path))
    with pytest.raises(NotOurFileError, match="left untouched"):
        open_store(str(path), read_only=True)
    with pytest.raises(StoreError, match="Nothing was restored"):
        restore_database(path, good_backup)
    # The same bytes, and nothing beside them: no -wal, -shm or lock file.
    assert _folder_bytes(folder) == before


def _populate(path: Path) -> None:
    with open_store(str(path)) as store:
        company = store.create_company("Shiyan Brake Systems")
        assert company.id is not None
        store.create_assessment(company.id, "review", "test", [MarketChoice("IT")])


def _truncate_to(size: int) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with path.open("r+b") as handle:
            handle.truncate(size)

    return damage


def _overwrite_page_one(filler: Callable[[], bytes]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with path.open("r+b") as handle:
            handle.write(filler())

    return damage


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated to 0 bytes": _truncate_to(0),
    "truncated to 1 byte": _truncate_to(1),
    "page 1 random": _overwrite_page_one(lambda: random.Random(14).randbytes(4096)),
    "page 1 zeroed": _overwrite_page_one(lambda: bytes(4096)),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damage_at_the_start_of_a_backed_up_file_is_moved_aside_and_the_backup_named(
    db_path: Path, damage: Callable[[Path], None]
) -> None:
    _populate(db_path)
    backup = make_backup(db_path, reason="manual")
    damage(db_path)
    damaged_bytes = db_path.read_bytes()
    with pytest.raises(StoreError, match="damaged"):
        open_store(str(db_path), read_only=True)  # may not move it: says so, leaves it
    assert db_path.read_bytes() == damaged_bytes
    with pytest.raises(DamagedDatabaseError) as caught:
        open_store(str(db_path))
    error = caught.value
    assert error.newest_backup == backup.path
    assert f"readiness restore {backup.path} --db {db_path}" in str(error)
    assert error.moved_to is not None and error.moved_to.read_bytes() == damaged_bytes  # kept
    assert not db_path.exists()
    restore_database(db_path, backup.path)
    with open_store(str(db_path)) as store:
        assert [row.company for row in store.list_assessments()] == ["Shiyan Brake Systems"]


@pytest.mark.parametrize(
    "damage", [d for name, d in DAMAGE.items() if name != "truncated to 0 bytes"]
)
def test_an_unrecognisable_file_without_backups_is_refused_untouched(
    db_path: Path, damage: Callable[[Path], None]
) -> None:
    _populate(db_path)
    damage(db_path)
    before = _folder_bytes(db_path.parent)
    with pytest.raises(NotOurFileError, match="untouched"):
        open_store(str(db_path))
    assert _folder_bytes(db_path.parent) == before


def test_an_empty_file_without_backups_is_a_new_database(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    with open_store(str(db_path)) as store:
        assert store.list_assessments() == []
