"""The store keeps every answer, refuses what is not ours, and says clearly what went wrong."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.storage.backup import list_backups, make_backup
from readiness.storage.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    NotOurFileError,
    ReadOnlyStoreError,
    StoreError,
    StoreNotWritableError,
)
from readiness.storage.location import resolve_location
from readiness.storage.opening import open_store
from readiness.storage.sqlite_file import APPLICATION_ID
from readiness.storage.store import Store


class TestConnections:
    def test_every_connection_is_durable_and_checked(self, store: Store) -> None:
        with store.engine.connect() as connection:

            def pragma(name: str) -> object:
                return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == 5000
            assert pragma("application_id") == APPLICATION_ID

    def test_the_default_file_lives_in_the_user_data_folder(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        monkeypatch.delenv("READINESS_DB", raising=False)
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
        assert resolve_location(None) == str(
            tmp_path / "market-entry-readiness" / "readiness.sqlite3"
        )

    def test_environment_then_option_choose_the_file(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        monkeypatch.setenv("READINESS_DB", str(tmp_path / "env.sqlite3"))
        assert resolve_location(None) == str(tmp_path / "env.sqlite3")
        assert resolve_location(str(tmp_path / "opt.sqlite3")) == str(tmp_path / "opt.sqlite3")
        assert resolve_location("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


@pytest.mark.both_backends
class TestAnswers:
    def test_an_answer_is_committed_when_the_call_returns(
        self, store: Store, assessment_id: int
    ) -> None:
        store.set_answer(assessment_id, "CERT-001", "IT", AnswerValue.PARTLY, note="E-mark")
        # A separate engine and connection, as another process would see it.
        other = create_engine(store.engine.url)
        with other.connect() as connection:
            row = connection.execute(
                text(
                    "SELECT value, note FROM answer "
                    "WHERE item_id = 'CERT-001' AND market_code = 'IT'"
                )
            ).one()
        other.dispose()
        assert tuple(row) == ("2", "E-mark")

    def test_answering_again_replaces_and_keeps_the_note(
        self, store: Store, assessment_id: int
    ) -> None:
        store.set_answer(assessment_id, "QUAL-001", None, AnswerValue.AWARE, note="audit due")
        store.set_answer(assessment_id, "QUAL-001", None, AnswerValue.PROVEN)
        [answer] = store.answers(assessment_id)
        assert (answer.value, answer.note, answer.market_code) == ("4", "audit due", "")

    def test_company_and_market_answers_are_distinct(
        self, store: Store, assessment_id: int
    ) -> None:
        store.set_answer(assessment_id, "LOGI-001", "IT", AnswerValue.IN_PLACE)
        store.set_answer(assessment_id, "LOGI-001", "MA", AnswerValue.AWARE)
        values = {(a.market_code, a.value) for a in store.answers(assessment_id)}
        assert values == {("IT", "3"), ("MA", "1")}

    def test_who_and_when_are_recorded(self, store: Store, assessment_id: int) -> None:
        store.user = "li.wei"
        before = dt.datetime.now(dt.UTC)
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.UNKNOWN)
        [answer] = store.answers(assessment_id)
        assert answer.updated_by == "li.wei"
        assert before <= answer.updated_at <= dt.datetime.now(dt.UTC)

    def test_clearing_an_answer(self, store: Store, assessment_id: int) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.AWARE)
        store.clear_answer(assessment_id, "TALE-001", None)
        assert store.answers(assessment_id) == []

    def test_an_unknown_assessment_is_a_clear_error(self, store: Store) -> None:
        with pytest.raises(StoreError, match="no assessment with id 99"):
            store.set_answer(99, "TALE-001", None, AnswerValue.AWARE)

    def test_milestone_snapshots_the_answers(self, store: Store, assessment_id: int) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.AWARE)
        store.save_milestone(assessment_id, "Q1 review")
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.PROVEN)
        [milestone] = store.milestones(assessment_id)
        assert milestone.name == "Q1 review"
        assert milestone.answers == [{"item_id": "TALE-001", "market_code": "", "value": "1"}]

    def test_list_shows_markets_and_answer_counts(self, store: Store, assessment_id: int) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.AWARE)
        [row] = store.list_assessments()
        assert (row.company, row.markets, row.answers, row.status) == (
            "Shiyan Brake Systems",
            ("IT", "MA"),
            1,
            "in_progress",
        )

    def test_adding_a_custom_market(self, store: Store, assessment_id: int) -> None:
        vietnam = MarketChoice("PH", custom_name="Philippines", custom_region="asean")
        store.add_market(assessment_id, vietnam)
        codes = [m.market_code for m in store.markets(assessment_id)]
        assert codes == ["IT", "MA", "PH"]


class TestFilesThatAreNotOurs:
    def test_a_text_file_is_refused_and_left_alone(self, tmp_path: Path) -> None:
        path = tmp_path / "notes.sqlite3"
        path.write_text("quarterly notes, not a database\n" * 10, encoding="utf-8")
        with pytest.raises(NotOurFileError, match="not an SQLite file"):
            open_store(str(path))
        assert path.read_text(encoding="utf-8").startswith("quarterly notes")

    def test_another_programs_database_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "other.sqlite3"
        with sqlite3.connect(path) as other:
            other.execute("PRAGMA application_id = 1234")
            other.execute("CREATE TABLE invoices (id INTEGER)")
        with pytest.raises(NotOurFileError, match="another program"):
            open_store(str(path))

    def test_an_unmarked_database_with_foreign_tables_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "other.sqlite3"
        with sqlite3.connect(path) as other:
            other.execute("CREATE TABLE invoices (id INTEGER)")
        with pytest.raises(NotOurFileError, match="does not belong"):
            open_store(str(path))

    def test_a_folder_is_refused(self, tmp_path: Path) -> None:
        with pytest.raises(StoreError, match="is a folder"):
            open_store(str(tmp_path))


def _populate(db_path: Path) -> int:
    with open_store(str(db_path)) as store:
        company = store.create_company("Shiyan Brake Systems")
        assert company.id is not None
        assessment = store.create_assessment(company.id, "review", "test", [MarketChoice("IT")])
        assert assessment.id is not None
        for index in range(30):
            store.set_answer(assessment.id, f"CERT-{index:03}", "IT", AnswerValue.IN_PLACE)
        return assessment.id


class TestDamage:
    def test_a_truncated_file_is_moved_aside_and_the_newest_backup_offered(
        self, db_path: Path
    ) -> None:
        _populate(db_path)
        backup = make_backup(db_path, reason="manual")
        size = db_path.stat().st_size
        with db_path.open("r+b") as handle:
            handle.truncate(size // 3)
        with pytest.raises(DamagedDatabaseError) as caught:
            open_store(str(db_path))
        error = caught.value
        assert error.moved_to is not None and error.moved_to.exists()
        assert error.moved_to.name == "readiness.sqlite3.damaged"
        assert error.newest_backup == backup.path
        assert "readiness restore" in str(error)
        assert not db_path.exists()

    def test_a_corrupted_page_is_detected(self, db_path: Path) -> None:
        _populate(db_path)
        size = db_path.stat().st_size
        with db_path.open("r+b") as handle:
            handle.seek(4096)  # keep the header page; scramble every page after it
            handle.write(os.urandom(size - 4096))
        with pytest.raises(StoreError, match="damaged"):
            open_store(str(db_path))

    def test_a_damaged_file_without_backups_says_so(self, db_path: Path) -> None:
        _populate(db_path)
        for backup in list_backups(db_path):
            backup.path.unlink()
        with db_path.open("r+b") as handle:
            handle.truncate(50)
        with pytest.raises(DamagedDatabaseError, match="No backup of it was found"):
            open_store(str(db_path))


class TestTwoProcesses:
    def test_a_second_writer_is_told_and_may_open_read_only(
        self, store: Store, assessment_id: int, db_path: Path
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.AWARE)
        with pytest.raises(DatabaseLockedError, match="already open"):
            open_store(str(db_path))
        with open_store(str(db_path), read_only=True) as reader:
            assert [a.value for a in reader.answers(assessment_id)] == ["1"]
            with pytest.raises(ReadOnlyStoreError, match="read-only"):
                reader.set_answer(assessment_id, "TALE-001", None, AnswerValue.PROVEN)

    def test_the_lock_is_released_on_close(self, db_path: Path) -> None:
        open_store(str(db_path)).close()
        open_store(str(db_path)).close()

    def test_a_closed_store_refuses_to_be_used(self, db_path: Path) -> None:
        store = open_store(str(db_path))
        store.close()
        with pytest.raises(StoreError, match="was closed"):
            store.list_assessments()
        with pytest.raises(StoreError, match="was closed"):
            store.create_company("Late Motors")


class TestHostileSurroundings:
    @pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
    def test_a_read_only_folder(self, tmp_path: Path) -> None:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        try:
            with pytest.raises(StoreError, match=r"read-only|Cannot"):
                open_store(str(folder / "readiness.sqlite3"))
        finally:
            folder.chmod(0o700)

    def test_a_folder_that_cannot_be_created(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def refuse(*_args: object, **_kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "mkdir", refuse)
        with pytest.raises(StoreError, match=r"Cannot create the folder .*Permission denied"):
            open_store(str(tmp_path / "new" / "readiness.sqlite3"))

    def test_an_existing_file_in_a_read_only_folder_can_be_read(
        self, db_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        assessment_id = _populate(db_path)

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("filelock.FileLock.acquire", refuse)
        with pytest.raises(StoreNotWritableError, match="folder may be read-only") as caught:
            open_store(str(db_path))
        assert caught.value.reason == "Permission denied"
        monkeypatch.undo()
        with open_store(str(db_path), read_only=True) as reader:
            assert len(reader.answers(assessment_id)) == 30

    @pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
    def test_a_wal_file_in_a_read_only_folder_opens_read_only(self, db_path: Path) -> None:
        assessment_id = _populate(db_path)
        before = sorted(db_path.parent.iterdir())
        db_path.parent.chmod(0o555)
        try:
            with pytest.raises(StoreNotWritableError):
                open_store(str(db_path))
            # No -shm file can be made beside it, so it is read as an immutable file.
            with open_store(str(db_path), read_only=True) as reader:
                assert len(reader.answers(assessment_id)) == 30
        finally:
            db_path.parent.chmod(0o755)
        assert sorted(db_path.parent.iterdir()) == before

    @pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
    def test_a_read_only_file_is_told_apart(self, db_path: Path) -> None:
        _populate(db_path)
        db_path.chmod(0o444)
        try:
            with pytest.raises(StoreNotWritableError, match="read-only file"):
                open_store(str(db_path))
        finally:
            db_path.chmod(0o644)

    def test_a_read_only_database_file_keeps_its_answers(self, db_path: Path) -> None:
        assessment_id = _populate(db_path)
        with open_store(str(db_path), read_only=True) as reader:
            assert len(reader.answers(assessment_id)) == 30

    def test_a_failing_write_loses_nothing_already_saved(
        self, store: Store, assessment_id: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.AWARE)

        # A disk that fills up as the next answer is written: SQLite is told the
        # file may not grow, and the answer's long note needs new pages.
        from sqlalchemy import event

        def no_room(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        store.engine.dispose()
        event.listen(store.engine, "connect", no_room)
        try:
            with pytest.raises(StoreError, match=r"disk .* is full; nothing was changed"):
                store.set_answer(
                    assessment_id, "TALE-002", None, AnswerValue.PROVEN, note="long " * 10_000
                )
        finally:
            event.remove(store.engine, "connect", no_room)
            store.engine.dispose()
        assert [(a.item_id, a.value) for a in store.answers(assessment_id)] == [("TALE-001", "1")]


def test_saved_answers_mirror_the_answer_table() -> None:
    from readiness.domain.records import SavedAnswer
    from readiness.storage.tables import Answer

    columns = [column.name for column in Answer.__table__.c]  # type: ignore[attr-defined]
    assert list(SavedAnswer._fields) == columns


@pytest.mark.both_backends
def test_reads_together_share_one_connection(store: Store, assessment_id: int) -> None:
    from sqlalchemy import event

    from readiness.content.catalog import load_catalog
    from readiness.services.results import load_result

    checkouts: list[object] = []
    event.listen(store.engine.pool, "checkout", lambda *args: checkouts.append(args))
    load_result(store, load_catalog(), assessment_id)
    assert len(checkouts) == 1


@pytest.mark.both_backends
@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_a_date_outside_any_plan_is_refused_by_every_write_and_nothing_changes(
    store: Store, assessment_id: int, day: dt.date
) -> None:
    before = (store.markets(assessment_id), store.actions(assessment_id))
    with pytest.raises(StoreError, match="outside the dates this app accepts"):
        store.set_planned_entry(assessment_id, "IT", day)
    with pytest.raises(StoreError, match="outside the dates this app accepts"):
        store.add_market(assessment_id, MarketChoice("LA", planned_entry=day))
    with pytest.raises(StoreError, match="outside the dates this app accepts"):
        store.set_action(assessment_id, "CERT-002", "IT", due_date=day)
    assert (store.markets(assessment_id), store.actions(assessment_id)) == before
