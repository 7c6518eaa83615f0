"""Managing whole assessments in the store: rename, archive, delete, re-assess, replace,
and milestones renamed or deleted; on SQLite and on the team server alike."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.storage.errors import StoreError
from readiness.storage.migrate import upgrade_to
from readiness.storage.opening import open_store
from readiness.storage.refusals import RefusedValueError
from readiness.storage.sqlite_file import APPLICATION_ID
from readiness.storage.store import Store

pytestmark = pytest.mark.both_backends


def _answered(store: Store, assessment_id: int) -> None:
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.PROVEN, note="TÜV report")
    store.set_answer(assessment_id, "TALE-001", None, AnswerValue.PARTLY)
    store.set_planned_entry(assessment_id, "IT", None)


def test_renaming_changes_the_title_and_tells_colleagues(store: Store, assessment_id: int) -> None:
    before = store.revision(assessment_id)
    renamed = store.rename_assessment(assessment_id, "  2027 review, final  ")
    assert renamed.title == "2027 review, final"
    assert store.revision(assessment_id) > before


@pytest.mark.parametrize("title", ["", "   ", "two\nlines", "x" * 501])
def test_a_bad_title_is_refused_and_nothing_changes(
    store: Store, assessment_id: int, title: str
) -> None:
    with pytest.raises(RefusedValueError, match="assessment title"):
        store.rename_assessment(assessment_id, title)
    assert store.assessment(assessment_id).title == "2027 review"


def test_archiving_and_bringing_back(store: Store, assessment_id: int) -> None:
    _answered(store, assessment_id)
    assert store.set_archived(assessment_id, True).status == "archived"
    (summary,) = store.list_assessments()
    assert summary.archived
    assert store.set_archived(assessment_id, False).status == "in_progress"
    assert not store.list_assessments()[0].archived


def test_an_unanswered_assessment_comes_back_a_draft(store: Store, assessment_id: int) -> None:
    store.set_archived(assessment_id, True)
    assert store.set_archived(assessment_id, False).status == "draft"


def test_deleting_removes_everything_and_the_company_with_its_last_one(
    store: Store, assessment_id: int
) -> None:
    _answered(store, assessment_id)
    store.save_milestone(assessment_id, "Q1")
    company = store.assessment(assessment_id).company_id
    second = store.duplicate_assessment(assessment_id, "2028 review")
    store.delete_assessment(assessment_id)
    with pytest.raises(StoreError, match="no assessment"):
        store.assessment(assessment_id)
    # The re-assessment stands on its own, and its company is still there.
    assert store.assessment(second.id).previous_id is None
    assert store.company(company).name == "Shiyan Brake Systems"
    store.delete_assessment(second.id)
    with pytest.raises(StoreError, match="no company"):
        store.company(company)
    assert store.list_assessments() == []
    assert store.check() == []


def test_a_re_assessment_takes_company_markets_answers_and_links_back(
    store: Store, assessment_id: int
) -> None:
    _answered(store, assessment_id)
    store.set_action(assessment_id, "CERT-004", "IT", owner="Wang")
    store.save_milestone(assessment_id, "Q4")
    old = store.snapshot(assessment_id)
    new = store.duplicate_assessment(assessment_id, "2028 review")
    copy = store.snapshot(new.id)
    assert copy.company.id == old.company.id
    assert copy.assessment.previous_id == assessment_id
    assert copy.assessment.exchange_id != old.assessment.exchange_id
    assert copy.assessment.status == "in_progress"
    assert [m.market_code for m in copy.markets] == ["IT", "MA"]
    assert {(a.item_id, a.market_code, a.value, a.note) for a in copy.answers} == {
        (a.item_id, a.market_code, a.value, a.note) for a in old.answers
    }
    assert [a.owner for a in copy.actions] == ["Wang"]
    assert copy.milestones == ()  # its trend follows the link instead
    assert [a.id for a in store.lineage(new.id)] == [assessment_id]
    # The old one is untouched.
    assert store.snapshot(assessment_id).answers == old.answers


def test_a_lineage_is_followed_oldest_first(store: Store, assessment_id: int) -> None:
    second = store.duplicate_assessment(assessment_id, "2028")
    third = store.duplicate_assessment(second.id, "2029")
    assert [a.title for a in store.lineage(third.id)] == ["2027 review", "2028"]
    assert store.lineage(assessment_id) == []


def test_replacing_keeps_the_id_company_and_followers(store: Store, assessment_id: int) -> None:
    _answered(store, assessment_id)
    follower = store.duplicate_assessment(assessment_id, "2028 review")
    incoming = store.snapshot(assessment_id)
    store.set_answer(assessment_id, "CERT-004", "IT", AnswerValue.NOT_STARTED)
    store.add_market(assessment_id, MarketChoice("LA"))
    renamed = dataclasses.replace(incoming.assessment, title="From the plant")
    same = store.replace_assessment(
        assessment_id, dataclasses.replace(incoming, assessment=renamed)
    )
    assert same == assessment_id
    now = store.snapshot(assessment_id)
    assert now.assessment.title == "From the plant"
    assert now.company.id == incoming.company.id
    assert [m.market_code for m in now.markets] == ["IT", "MA"]
    assert {(a.item_id, a.value) for a in now.answers} == {
        ("CERT-004", "4"),
        ("TALE-001", "2"),
    }
    assert store.assessment(follower.id).previous_id == assessment_id
    assert len({s.company_id for s in store.list_assessments()}) == 1
    assert store.check() == []


def test_assessments_are_found_by_exchange_identity(store: Store, assessment_id: int) -> None:
    identity = store.assessment(assessment_id).exchange_id
    assert len(identity) == 32
    assert [a.id for a in store.assessments_with_exchange_id(identity)] == [assessment_id]
    assert store.assessments_with_exchange_id("elsewhere") == []


def test_milestones_are_renamed_and_deleted(store: Store, assessment_id: int) -> None:
    first = store.save_milestone(assessment_id, "Q1")
    second = store.save_milestone(assessment_id, "Q2")
    assert store.rename_milestone(first.id, " Kick-off ").name == "Kick-off"
    with pytest.raises(RefusedValueError, match="milestone name"):
        store.rename_milestone(first.id, " ")
    store.delete_milestone(second.id)
    assert [m.name for m in store.milestones(assessment_id)] == ["Kick-off"]
    with pytest.raises(StoreError, match="no milestone"):
        store.delete_milestone(second.id)


def test_a_0006_database_gets_an_identity_per_assessment_and_no_links(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0006")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(
            "INSERT INTO company (id, name, industry_segment, products, home_province, notes, "
            "created_at) VALUES (1, 'Shiyan', '', '', '', '', '2026-01-01 00:00:00')"
        )
        for key in (1, 2):
            connection.execute(
                "INSERT INTO assessment (id, company_id, title, catalog_version, status, "
                "created_at, updated_at) VALUES (?, 1, 'review', '2026.1', 'in_progress', "
                "'2026-01-01 00:00:00', '2026-01-02 00:00:00')",
                (key,),
            )
    with open_store(str(path)) as store:
        first, second = store.assessment(1), store.assessment(2)
        assert store.check() == []
    assert first.previous_id is None and second.previous_id is None
    assert len(first.exchange_id) == 32 and first.exchange_id != second.exchange_id
