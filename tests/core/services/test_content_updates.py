"""Bringing an assessment up to new content: every write path keeps each answer's version,
acknowledging moves only the assessment, and the exchange file carries both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.exchange.document import (
    document_json,
    export_document,
    import_document,
    read_document,
)
from readiness.services.content_updates import (
    acknowledge_changes,
    pending_changes,
    to_review,
)
from readiness.services.editing import AnswerEditor, OwnVersions
from readiness.storage.store import Store
from tests.content_versions import OLD, current_catalog

HISTORY = {"1.0": OLD}


@pytest.fixture
def old_assessment(store: Store) -> int:
    """An assessment of Italy and Laos answered against version 1.0."""
    company = store.create_company("Shiyan Brake Systems")
    assessment = store.create_assessment(
        company.id, "2027 review", "1.0", [MarketChoice("IT"), MarketChoice("LA")]
    )
    for item, market, value in (
        ("BRND-001", None, "4"),
        ("CERT-001", "IT", "3"),
        ("CERT-001", "LA", "1"),
        ("COMP-001", None, "1"),
        ("QUAL-001", None, "3"),
    ):
        store.set_answer(assessment.id, item, market, AnswerValue(value), note=f"{item} note")
    return assessment.id


@pytest.mark.both_backends
def test_a_new_answer_takes_the_assessments_version_unless_told(
    store: Store, old_assessment: int
) -> None:
    assert {a.catalog_version for a in store.answers(old_assessment)} == {"1.0"}
    saved = store.set_answer(
        old_assessment, "LOGI-001", None, AnswerValue.PARTLY, catalog_version="1.1"
    )
    assert saved.catalog_version == "1.1"


def test_answering_again_records_the_version_and_a_note_alone_keeps_it(
    store: Store, old_assessment: int
) -> None:
    editor = AnswerEditor(store, old_assessment, OwnVersions(), catalog_version="1.1")
    before = store.answer(old_assessment, "QUAL-001", None)
    assert before is not None
    kept = editor.save_detail(before, before.version, lambda _: True, note="checked the audit")
    assert kept is not None and kept.row is not None
    assert store.answer(old_assessment, "QUAL-001", None).catalog_version == "1.0"  # type: ignore[union-attr]
    editor.write_answer(
        ("CERT-001", "IT"), AnswerValue.IN_PLACE, expected=1, keep_mine=lambda _: True
    )
    again = store.answer(old_assessment, "CERT-001", "IT")
    assert again is not None and again.catalog_version == "1.1"


@pytest.mark.both_backends
def test_pending_changes_then_acknowledging_moves_only_the_assessment(
    store: Store, old_assessment: int
) -> None:
    catalog = current_catalog()
    answers_before = store.answers(old_assessment)
    changes = pending_changes(store, catalog, old_assessment, HISTORY)
    assert changes is not None and changes.known
    assert {c.item_id for c in changes.questions} >= {"BRND-001", "BRND-002", "CERT-001"}
    revision = store.revision(old_assessment)

    assert acknowledge_changes(store, catalog, old_assessment)
    assert store.assessment(old_assessment).catalog_version == "1.1"
    assert store.revision(old_assessment) > revision  # colleagues see it
    assert store.answers(old_assessment) == answers_before  # nothing deleted or altered
    assert pending_changes(store, catalog, old_assessment, HISTORY) is None
    assert not acknowledge_changes(store, catalog, old_assessment)
    # The changed questions' answers stay marked until answered again.
    review = to_review(store.answers(old_assessment), "1.1", catalog, HISTORY)
    assert review == {("CERT-001", "IT"), ("CERT-001", "LA"), ("COMP-001", None)}
    store.set_answer(old_assessment, "CERT-001", "IT", AnswerValue.PROVEN, catalog_version="1.1")
    review = to_review(store.answers(old_assessment), "1.1", catalog, HISTORY)
    assert review == {("CERT-001", "LA"), ("COMP-001", None)}


def test_the_exchange_file_carries_each_answers_version(
    store: Store, old_assessment: int, tmp_path: Path
) -> None:
    store.set_answer(old_assessment, "CERT-001", "IT", AnswerValue.PROVEN, catalog_version="1.1")
    path = tmp_path / "out.json"
    path.write_text(document_json(export_document(store, old_assessment)), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    versions = {(a["item_id"], a["market"]): a["catalog_version"] for a in data["answers"]}
    assert versions[("CERT-001", "IT")] == "1.1" and versions[("CERT-001", "LA")] == "1.0"
    new_id = import_document(store, read_document(path))
    assert {(a.item_id, a.market_code): a.catalog_version for a in store.answers(new_id)} == {
        (a.item_id, a.market_code): a.catalog_version for a in store.answers(old_assessment)
    }


def test_an_older_file_without_answer_versions_imports_with_the_assessments(
    store: Store, old_assessment: int, tmp_path: Path
) -> None:
    data = json.loads(document_json(export_document(store, old_assessment)))
    data["format_version"] = 2
    for entry in data["answers"]:
        del entry["catalog_version"]
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    new_id = import_document(store, read_document(path))
    assert {a.catalog_version for a in store.answers(new_id)} == {"1.0"}
