"""Backups are checked before they count, pruned by a clear policy, and restorable."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.domain.answers import AnswerValue
from readiness.storage import backup as backup_module
from readiness.storage.backup import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    backup_if_changed,
    backup_if_due,
    backups_to_keep,
    check_backup_file,
    list_backups,
    make_backup,
    prune_backups,
    restore_backup,
)
from readiness.storage.errors import StoreError
from readiness.storage.opening import open_store
from readiness.storage.store import Store

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


class TestTakingBackups:
    def test_a_backup_is_a_checked_copy(
        self, store: Store, assessment_id: int, db_path: Path
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        backup = make_backup(db_path, reason="manual")
        assert check_backup_file(backup.path) is None
        with sqlite3.connect(backup.path) as copy:
            assert copy.execute("SELECT value FROM answer").fetchall() == [("3",)]
        assert list_backups(db_path)[0].path == backup.path

    def test_no_partial_file_is_left_when_the_copy_fails(
        self, store: Store, assessment_id: int, db_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(
            "readiness.storage.backup.check_backup_file", lambda path: "simulated check failure"
        )
        with pytest.raises(StoreError, match="failed its check"):
            make_backup(db_path, reason="manual")
        folder = db_path.parent / "backups" / db_path.name
        assert list(folder.iterdir()) == []

    def test_opening_backs_up_only_when_something_changed(
        self, db_path: Path, assessment_id: int, store: Store
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        store.close()
        with open_store(str(db_path)):
            pass
        first = list_backups(db_path)
        assert [b.reason for b in first] == ["open"]
        with open_store(str(db_path)):
            pass
        assert list_backups(db_path) == first

    def test_an_unchanged_file_is_recognised_without_comparing_every_row(
        self, store: Store, assessment_id: int, db_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        taken = backup_if_changed(db_path, reason="open")
        assert taken is not None

        def compare_rows(path: Path) -> str:
            raise AssertionError("rows compared although the files did not change")

        with monkeypatch.context() as patched:
            patched.setattr(backup_module, "content_fingerprint", compare_rows)
            assert backup_if_changed(db_path, reason="open") is None
        # A change is never hidden by what was remembered.
        store.set_answer(assessment_id, "TALE-002", None, AnswerValue.IN_PLACE)
        again = backup_if_changed(db_path, reason="open")
        assert again is not None and again.path != taken.path
        with sqlite3.connect(again.path) as copy:
            assert copy.execute("SELECT count(*) FROM answer").fetchone() == (2,)

    @pytest.mark.parametrize("note", ["not json", '["a list"]', '{"backup": 1}'])
    def test_a_damaged_note_only_means_comparing_the_rows(
        self, store: Store, assessment_id: int, db_path: Path, note: str
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        assert backup_if_changed(db_path, reason="open") is not None
        (backup_module.backup_dir_for(db_path) / ".same-as-newest.json").write_text(
            note, encoding="utf-8"
        )
        assert backup_if_changed(db_path, reason="open") is None  # rows equal: no new backup
        store.set_answer(assessment_id, "TALE-002", None, AnswerValue.IN_PLACE)
        assert backup_if_changed(db_path, reason="open") is not None

    def test_the_periodic_backup_waits_30_minutes(
        self, store: Store, assessment_id: int, db_path: Path
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        taken = backup_if_changed(db_path, reason="open")
        assert taken is not None
        store.set_answer(assessment_id, "TALE-002", None, AnswerValue.IN_PLACE)
        assert backup_if_due(db_path, now=taken.taken_at + dt.timedelta(minutes=10)) is None
        later = backup_if_due(db_path, now=taken.taken_at + dt.timedelta(minutes=31))
        assert later is not None and later.reason == "periodic"


class TestRetention:
    def test_everything_from_today_is_kept(self) -> None:
        times = [NOW - dt.timedelta(minutes=30 * i) for i in range(10)]
        assert backups_to_keep(times, NOW) == set(times)

    def test_one_per_day_week_and_month_beyond(self) -> None:
        times = [NOW - dt.timedelta(hours=6 * i) for i in range(4 * 400)]
        kept = backups_to_keep(times, NOW)
        older = [t for t in kept if NOW - t > dt.timedelta(hours=24)]
        days = {t.date() for t in older}
        assert len(older) == len(days)  # one per day at most
        assert len(kept) <= 48 + KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY

    @given(
        st.lists(
            st.datetimes(
                min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2026, 11, 22, 11)
            ).map(lambda t: t.replace(tzinfo=dt.UTC)),
            min_size=1,
            max_size=200,
        )
    )
    def test_the_newest_is_always_kept_and_the_count_is_bounded(
        self, times: list[dt.datetime]
    ) -> None:
        kept = backups_to_keep(times, NOW)
        assert max(times) in kept
        assert kept <= set(times)
        assert len(kept) <= 48 + KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY

    @given(
        st.lists(
            st.datetimes(
                min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2026, 11, 21)
            ).map(lambda t: t.replace(tzinfo=dt.UTC)),
            min_size=1,
            max_size=200,
        )
    )
    def test_the_newest_of_each_recent_month_is_kept(self, times: list[dt.datetime]) -> None:
        kept = backups_to_keep(times, NOW)
        months = sorted({(t.year, t.month) for t in times}, reverse=True)[:KEEP_MONTHLY]
        for month in months:
            newest = max(t for t in times if (t.year, t.month) == month)
            assert newest in kept

    def test_pruning_happens_as_backups_are_taken(
        self, store: Store, assessment_id: int, db_path: Path
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        for day in range(20):
            make_backup(db_path, reason="manual", now=NOW - dt.timedelta(days=40 - day))
        make_backup(db_path, reason="manual", now=NOW)
        kept = list_backups(db_path)
        assert len(kept) == len({b.taken_at.date() for b in kept})
        assert len(kept) <= KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY


def _disk_full_for(times: int, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make the next ``times`` backup copies fail as on a full disk; return the targets tried."""
    copy: Callable[[Path, Path], None] = backup_module.copy_database
    tried: list[Path] = []

    def copy_on_a_full_disk(source: Path, target: Path) -> None:
        tried.append(target)
        if len(tried) <= times:
            target.write_bytes(b"half a copy")  # what a copy cut short leaves
            raise OSError(errno.ENOSPC, "No space left on device")
        copy(source, target)

    monkeypatch.setattr(backup_module, "copy_database", copy_on_a_full_disk)
    return tried


class TestAFullDisk:
    def _backups_from_a_month_ago(self, db_path: Path) -> list[Path]:
        # Taken within one hour a month ago: all kept then, one kept now.
        return [
            make_backup(db_path, reason="manual", now=NOW - dt.timedelta(days=30, minutes=m)).path
            for m in range(5)
        ]

    def test_old_backups_are_pruned_to_make_room_and_the_backup_is_retried(
        self, store: Store, assessment_id: int, db_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        old = self._backups_from_a_month_ago(db_path)
        tried = _disk_full_for(1, monkeypatch)
        taken = make_backup(db_path, reason="open", now=NOW)
        assert len(tried) == 2
        assert [b.path for b in list_backups(db_path)] == [taken.path, old[0]]
        assert check_backup_file(taken.path) is None
        assert not list(taken.path.parent.glob(".*"))  # no partial copy left

    def test_a_disk_that_stays_full_is_a_clear_error_and_the_last_good_backup_stays(
        self, store: Store, assessment_id: int, db_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        old = self._backups_from_a_month_ago(db_path)
        _disk_full_for(2, monkeypatch)
        with pytest.raises(StoreError, match="the disk is full, even after removing 4 old"):
            make_backup(db_path, reason="open", now=NOW)
        assert [b.path for b in list_backups(db_path)] == [old[0]]
        assert not list(old[0].parent.glob(".*"))

    def test_a_full_disk_with_nothing_to_prune_is_tried_once(
        self, store: Store, assessment_id: int, db_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        tried = _disk_full_for(5, monkeypatch)
        with pytest.raises(StoreError, match=r"the disk is full$"):
            make_backup(db_path, reason="open", now=NOW)
        assert len(tried) == 1

    def test_pruning_never_deletes_the_newest_good_backup(
        self, store: Store, assessment_id: int, db_path: Path
    ) -> None:
        good = make_backup(db_path, reason="manual", now=NOW - dt.timedelta(days=400))
        for day in range(30):  # newer backups, all damaged
            damaged = make_backup(
                db_path, reason="manual", now=NOW - dt.timedelta(days=30 - day), prune=False
            )
            damaged.path.write_bytes(b"damaged")
        removed = prune_backups(db_path, now=NOW)
        assert removed and good.path not in removed
        assert good.path.exists()

    def test_opening_on_a_full_disk_warns_once_and_reads(
        self, store: Store, assessment_id: int, db_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        store.close()
        _disk_full_for(99, monkeypatch)
        with open_store(str(db_path)) as reopened:
            [warning] = reopened.warnings
            assert "the disk is full" in warning and "nothing was changed" in warning
            assert [a.value for a in reopened.answers(assessment_id)] == ["3"]
        assert list_backups(db_path) == []

    def test_an_upgrade_still_needs_its_backup(
        self, db_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from sqlalchemy import create_engine

        from readiness.storage.migrate import upgrade_to
        from readiness.storage.sqlite_file import APPLICATION_ID

        engine = create_engine(f"sqlite:///{db_path}")
        db_path.parent.mkdir(parents=True)
        upgrade_to(engine, "0001")
        engine.dispose()
        with sqlite3.connect(db_path) as connection:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(
                "INSERT INTO company (name, industry_segment, products, home_province, notes, "
                "created_at) VALUES ('Acme', '', '', '', '', '2026-01-01 00:00:00')"
            )
        _disk_full_for(99, monkeypatch)
        with pytest.raises(StoreError, match="the disk is full"):
            open_store(str(db_path))


class TestRestoring:
    def test_restore_brings_back_the_answers_and_keeps_the_current_file(
        self, store: Store, assessment_id: int, db_path: Path
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        good = make_backup(db_path, reason="manual")
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.NOT_STARTED)
        store.close()
        safety = restore_backup(good.path, db_path)
        assert safety is not None and safety.reason == "before-restore"
        with open_store(str(db_path)) as reopened:
            assert [a.value for a in reopened.answers(assessment_id)] == ["3"]
        with sqlite3.connect(safety.path) as previous:
            assert previous.execute("SELECT value FROM answer").fetchall() == [("0",)]

    def test_a_bad_backup_is_refused_and_nothing_changes(
        self, store: Store, assessment_id: int, db_path: Path, tmp_path: Path
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        store.close()
        bogus = tmp_path / "bogus.sqlite3"
        bogus.write_bytes(b"not a database at all" * 100)
        with pytest.raises(StoreError, match="cannot be restored"):
            restore_backup(bogus, db_path)
        with open_store(str(db_path)) as reopened:
            assert [a.value for a in reopened.answers(assessment_id)] == ["3"]


class TestReviewedEdgeCases:
    def test_restoring_the_oldest_of_many_backups_keeps_it_until_read(
        self, store: Store, assessment_id: int, db_path: Path
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        now = dt.datetime.now(dt.UTC)
        taken = [
            make_backup(db_path, reason="periodic", now=now - dt.timedelta(minutes=29 * k))
            for k in range(48)
        ]
        oldest = min(taken, key=lambda b: b.taken_at)
        assert oldest.path.exists()
        store.close()
        restore_backup(oldest.path, db_path)
        with open_store(str(db_path)) as reopened:
            assert [a.value for a in reopened.answers(assessment_id)] == ["3"]

    def test_an_unreadable_newest_backup_does_not_block_opening(
        self, store: Store, assessment_id: int, db_path: Path
    ) -> None:
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.IN_PLACE)
        broken = make_backup(db_path, reason="manual")
        store.close()
        broken.path.write_bytes(b"\x00garbage" * 500)
        with open_store(str(db_path)) as reopened:
            assert len(reopened.answers(assessment_id)) == 1
        assert check_backup_file(list_backups(db_path)[0].path) is None

    def test_folder_names_with_hash_and_question_marks_work(self, tmp_path: Path) -> None:
        path = tmp_path / "Q1 #2 ?draft%" / "r.sqlite3"
        with open_store(str(path)) as store:
            company = store.create_company("Hash & Co")
            assert company.id is not None
        backup = make_backup(path, reason="manual")
        assert check_backup_file(backup.path) is None
        holder = open_store(str(path), backup_on_open=False)
        with open_store(str(path), read_only=True) as reader:
            assert [s.company for s in reader.list_assessments()] == []
            assert reader.company(1).name == "Hash & Co"
        holder.close()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["Q1 #2 ?draft%"]
