"""The store hands out the domain's records, never table rows, and imports through its writes."""

from __future__ import annotations

import dataclasses

import pytest
from sqlmodel import SQLModel

from readiness.domain.answers import AnswerValue
from readiness.domain.records import (
    SavedAction,
    SavedAssessment,
    SavedAssignment,
    SavedCompany,
    SavedMarket,
    SavedMilestone,
    SavedRate,
)
from readiness.domain.statuses import ActionStatus, AssignmentScope
from readiness.storage.errors import ReadOnlyStoreError, StoreError
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from readiness.storage.tables import (
    Action,
    Assessment,
    Assignment,
    Company,
    ExchangeRate,
    Milestone,
    TargetMarket,
)


@pytest.mark.parametrize(
    ("table", "record"),
    [
        (Company, SavedCompany),
        (Assessment, SavedAssessment),
        (TargetMarket, SavedMarket),
        (Action, SavedAction),
        (Assignment, SavedAssignment),
        (Milestone, SavedMilestone),
    ],
)
def test_records_mirror_their_tables(table: type[SQLModel], record: type[object]) -> None:
    columns = [column.name for column in table.__table__.c]  # type: ignore[attr-defined]
    assert [field.name for field in dataclasses.fields(record)] == columns  # type: ignore[arg-type]


def test_a_rate_record_is_its_rows_fields_without_the_keys() -> None:
    columns = [column.name for column in ExchangeRate.__table__.c]  # type: ignore[attr-defined]
    assert columns[:2] == ["id", "assessment_id"]
    assert [field.name for field in dataclasses.fields(SavedRate)] == columns[2:]


@pytest.mark.both_backends
def test_reads_give_records(store: Store, assessment_id: int) -> None:
    store.set_action(assessment_id, "TALE-001", None, owner="Wang Fang")
    store.assign(assessment_id, AssignmentScope.DIMENSION, "TALE", "Li Wei")
    store.save_milestone(assessment_id, "Q1 review")
    snapshot = store.snapshot(assessment_id)
    for value in (
        snapshot.company,
        snapshot.assessment,
        *snapshot.markets,
        *snapshot.actions,
        *snapshot.milestones,
        *store.assignments(assessment_id),
    ):
        assert not isinstance(value, SQLModel)
    assert snapshot.company.name == "Shiyan Brake Systems"
    assert [m.market_code for m in snapshot.markets] == ["IT", "MA"]
    assert snapshot.actions[0].owner == "Wang Fang"
    assert snapshot.milestones[0].name == "Q1 review"


@pytest.mark.both_backends
def test_writes_give_records(store: Store, assessment_id: int) -> None:
    action = store.set_action(assessment_id, "TALE-001", None, status=ActionStatus.DONE)
    assert isinstance(action, SavedAction) and action.status == "done" and action.version == 1
    company = store.update_company(store.assessment(assessment_id).company_id, notes="brakes")
    assert isinstance(company, SavedCompany) and company.notes == "brakes"


@pytest.mark.both_backends
def test_a_snapshot_imports_as_a_new_assessment(store: Store, assessment_id: int) -> None:
    store.set_answer(assessment_id, "TALE-001", None, AnswerValue.PROVEN, note="audited")
    store.set_answer(assessment_id, "LOGI-001", "IT", AnswerValue.AWARE)
    store.assign(assessment_id, AssignmentScope.ITEM, "LOGI-001", "Zhang Min")
    original = store.snapshot(assessment_id)
    copied_id = store.import_assessment(original, store.assignments(assessment_id))
    assert copied_id != assessment_id
    copy = store.snapshot(copied_id)
    assert copy.company.id != original.company.id
    assert copy.company.name == original.company.name
    assert [(a.item_id, a.market_code, a.value, a.note) for a in copy.answers] == [
        (a.item_id, a.market_code, a.value, a.note) for a in original.answers
    ]
    assert [a.assignee for a in store.assignments(copied_id)] == ["Zhang Min"]


def test_importing_is_refused_read_only_and_after_closing(store: Store, assessment_id: int) -> None:
    snapshot = store.snapshot(assessment_id)
    store.close()
    with pytest.raises(StoreError, match="was closed"):
        store.import_assessment(snapshot)
    with open_store(store.location, read_only=True) as reader:
        with pytest.raises(ReadOnlyStoreError):
            reader.import_assessment(snapshot)
        assert len(reader.list_assessments()) == 1
