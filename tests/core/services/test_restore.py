"""Putting a backup back: the one way the app and ``readiness restore`` both use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from readiness.domain.records import MarketChoice
from readiness.services.restore import restore_database
from readiness.storage.backup import list_backups, make_backup
from readiness.storage.errors import DamagedDatabaseError, DatabaseLockedError, StoreError
from readiness.storage.opening import open_store


def _companies(path: Path) -> list[str]:
    with open_store(str(path)) as store:
        return [summary.company for summary in store.list_assessments()]


def _add(path: Path, name: str) -> None:
    with open_store(str(path)) as store:
        company = store.create_company(name)
        assert company.id is not None
        store.create_assessment(company.id, "review", "v", [MarketChoice("IT")])


@pytest.fixture
def backed_up(db_path: Path) -> Path:
    """A database with one company, and a manual backup of it."""
    _add(db_path, "Kept Motors")
    return make_backup(db_path, reason="manual").path


def test_a_good_file_is_replaced_and_kept_as_a_backup(db_path: Path, backed_up: Path) -> None:
    _add(db_path, "Later Motors")
    safety = restore_database(db_path, backed_up)
    assert safety is not None and safety.reason == "before-restore"
    assert _companies(db_path) == ["Kept Motors"]
    with sqlite3.connect(safety.path) as kept:
        assert kept.execute("SELECT count(*) FROM company").fetchone() == (2,)


def test_a_damaged_file_is_moved_aside_and_the_backup_put_in_its_place(
    db_path: Path, backed_up: Path
) -> None:
    with db_path.open("r+b") as handle:
        handle.truncate(600)
    assert restore_database(db_path, backed_up) is None  # nothing good to keep
    assert db_path.with_name(db_path.name + ".damaged").exists()
    assert _companies(db_path) == ["Kept Motors"]


def test_a_file_already_moved_aside_is_restored_without_a_backup_of_nothing(
    db_path: Path, backed_up: Path
) -> None:
    with db_path.open("r+b") as handle:
        handle.truncate(600)
    with pytest.raises(DamagedDatabaseError):
        open_store(str(db_path))  # as the app sees it at start
    before = list_backups(db_path)
    assert restore_database(db_path, backed_up) is None
    assert list_backups(db_path) == before
    assert _companies(db_path) == ["Kept Motors"]


def test_a_file_open_elsewhere_is_left_alone(db_path: Path, backed_up: Path) -> None:
    _add(db_path, "Later Motors")
    with open_store(str(db_path)), pytest.raises(DatabaseLockedError, match="Nothing was restored"):
        restore_database(db_path, backed_up)
    assert sorted(_companies(db_path)) == ["Kept Motors", "Later Motors"]


def test_someone_elses_file_is_never_overwritten(tmp_path: Path, backed_up: Path) -> None:
    precious = tmp_path / "precious.db"
    with sqlite3.connect(precious) as other:
        other.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="Nothing was restored"):
        restore_database(precious, backed_up)
    with sqlite3.connect(precious) as other:
        assert other.execute("SELECT count(*) FROM invoices").fetchone() == (0,)


def test_a_missing_or_unusable_backup_changes_nothing(db_path: Path, tmp_path: Path) -> None:
    _add(db_path, "Kept Motors")
    with pytest.raises(StoreError, match="does not exist"):
        restore_database(db_path, tmp_path / "nowhere.sqlite3")
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"not a database at all" * 10)
    with pytest.raises(StoreError, match="cannot be restored"):
        restore_database(db_path, bogus)
    assert _companies(db_path) == ["Kept Motors"]


def _from_a_newer_version(backup: Path) -> Path:
    """``backup`` as a newer version of the app would have written it."""
    with sqlite3.connect(backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999'")
    return backup


def test_a_backup_from_a_newer_schema_is_refused_before_anything_is_replaced(
    db_path: Path, backed_up: Path
) -> None:
    _add(db_path, "Later Motors")
    newer = _from_a_newer_version(backed_up)
    live = db_path.read_bytes()
    backups = list_backups(db_path)
    with pytest.raises(StoreError, match=r"schema revision 0999.*newer version") as caught:
        restore_database(db_path, newer)
    assert "Nothing was changed" in str(caught.value)
    assert db_path.read_bytes() == live
    assert list_backups(db_path) == backups  # not even a safety backup was taken
    assert sorted(_companies(db_path)) == ["Kept Motors", "Later Motors"]


def test_a_refused_backup_does_not_move_a_damaged_file_aside(
    db_path: Path, backed_up: Path
) -> None:
    newer = _from_a_newer_version(backed_up)
    with db_path.open("r+b") as handle:
        handle.truncate(600)
    damaged = db_path.read_bytes()
    with pytest.raises(StoreError, match="cannot be restored"):
        restore_database(db_path, newer)
    assert db_path.read_bytes() == damaged
    assert not db_path.with_name(db_path.name + ".damaged").exists()


def test_a_backup_without_a_schema_revision_is_refused(db_path: Path, backed_up: Path) -> None:
    with sqlite3.connect(backed_up) as connection:
        connection.execute("DROP TABLE alembic_version")
    live = db_path.read_bytes()
    with pytest.raises(StoreError, match="records no schema revision"):
        restore_database(db_path, backed_up)
    assert db_path.read_bytes() == live


def test_the_backup_offered_for_a_damaged_file_is_one_this_version_can_restore(
    db_path: Path, backed_up: Path
) -> None:
    _add(db_path, "Later Motors")
    newest = make_backup(db_path, reason="manual")
    _from_a_newer_version(newest.path)
    with db_path.open("r+b") as handle:
        handle.truncate(600)
    with pytest.raises(DamagedDatabaseError) as caught:
        open_store(str(db_path))
    assert caught.value.newest_backup == backed_up


def test_the_database_itself_is_not_a_backup_of_it(tmp_path: Path) -> None:
    path = tmp_path / "readiness.sqlite3"
    with open_store(str(path)) as store:
        store.create_company("Acme")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="the database itself"):
        restore_database(path, tmp_path / "." / "readiness.sqlite3")
    assert path.read_bytes() == before
