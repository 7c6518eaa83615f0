"""On an SQLite file, answers are written and read through the driver; what is stored is
exactly what the ORM stores and reads, so both paths read each other's rows."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session, select

from readiness.domain.answers import AnswerValue
from readiness.domain.records import SavedAnswer
from readiness.storage.errors import AnswerConflict
from readiness.storage.sqlite_answers import stored_time
from readiness.storage.store import Store
from readiness.storage.tables import Answer, Assessment


def _revision(store: Store, assessment_id: int) -> int:
    with Session(store.engine) as session:
        row = session.get(Assessment, assessment_id)
        assert row is not None
        return row.revision


def test_an_answer_saved_reads_back_the_same_through_the_orm(
    store: Store, assessment_id: int
) -> None:
    saved = store.set_answer(
        assessment_id,
        "CERT-001",
        "IT",
        AnswerValue.IN_PLACE,
        note="测试 note",
        evidence=["cert.pdf", "photo 1.jpg"],
        catalog_version="2026.1",
    )
    with Session(store.engine) as session:
        row = session.exec(select(Answer).where(Answer.id == saved.id)).one()
    assert SavedAnswer(*(getattr(row, name) for name in SavedAnswer._fields)) == saved
    assert saved.updated_at.tzinfo is dt.UTC
    assert saved.evidence == ["cert.pdf", "photo 1.jpg"]


def test_a_company_answer_takes_the_assessments_catalog_version(
    store: Store, assessment_id: int
) -> None:
    saved = store.set_answer(assessment_id, "TALE-001", None, AnswerValue.AWARE)
    assert (saved.market_code, saved.catalog_version, saved.version) == ("", "test", 1)
    assert store.answer(assessment_id, "TALE-001", None) == saved
    assert store.answers(assessment_id) == [saved]


def test_each_save_raises_the_version_and_the_assessments_revision_once(
    store: Store, assessment_id: int
) -> None:
    before = _revision(store, assessment_id)
    first = store.set_answer(assessment_id, "TALE-001", None, AnswerValue.AWARE, note="kept")
    second = store.set_answer(
        assessment_id, "TALE-001", None, AnswerValue.PROVEN, expected_version=first.version
    )
    assert (second.version, second.value, second.note) == (2, "4", "kept")
    assert _revision(store, assessment_id) == before + 2


def test_a_stale_version_writes_nothing_and_touches_nothing(
    store: Store, assessment_id: int
) -> None:
    store.set_answer(assessment_id, "TALE-001", None, AnswerValue.AWARE)
    before = _revision(store, assessment_id)
    with pytest.raises(AnswerConflict):
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.PROVEN, expected_version=0)
    with pytest.raises(AnswerConflict):
        store.set_answer(assessment_id, "TALE-001", None, AnswerValue.PROVEN, expected_version=7)
    assert store.answer(assessment_id, "TALE-001", None).value == "1"  # type: ignore[union-attr]
    assert _revision(store, assessment_id) == before


def test_times_are_stored_as_the_orm_stores_them() -> None:
    moment = dt.datetime(2026, 12, 8, 10, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert stored_time(moment) == "2026-12-08 02:04:05.000000"
