"""Evidence belongs to one database: stored by content hash, deleted only when unreferenced."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog, load_catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.evidence import EvidenceFile, evidence_name, parse_evidence
from readiness.services.archive import copy_assessment
from readiness.services.evidence import EvidenceError, EvidenceStore
from readiness.storage.opening import open_store
from readiness.storage.store import Store


def _attach(store: Store, assessment: int, item: str, source: Path) -> EvidenceFile:
    stored = EvidenceStore(store).add(source)
    answer = store.set_answer(assessment, item, "IT", AnswerValue("2"))
    store.set_answer(
        assessment, item, "IT", AnswerValue("2"), evidence=[*answer.evidence, stored.entry]
    )
    return stored


def _detach(store: Store, assessment: int, item: str, entry: str) -> None:
    answer = next(a for a in store.snapshot(assessment).answers if a.item_id == item)
    store.set_answer(
        assessment,
        item,
        "IT",
        AnswerValue(answer.value),
        evidence=[e for e in answer.evidence if e != entry],
    )
    EvidenceStore(store).release([entry])


def test_a_file_is_stored_under_its_content_hash_in_the_databases_own_folder(
    li: Store, assessment: int, tmp_path: Path
) -> None:
    source = tmp_path / "licence.pdf"
    source.write_bytes(b"type approval")
    stored = EvidenceStore(li).add(source)
    digest = hashlib.sha256(b"type approval").hexdigest()
    assert stored == EvidenceFile(digest, "licence.pdf")
    assert li.path is not None
    path = EvidenceStore(li).path_of(stored.entry)
    assert path == li.path.parent / "evidence" / li.identity / digest[:2] / digest
    assert path.read_bytes() == b"type approval"
    assert parse_evidence(stored.entry) == stored and evidence_name(stored.entry) == "licence.pdf"


def test_every_database_has_its_own_identity(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "a.sqlite3")) as a, open_store(str(tmp_path / "b.sqlite3")) as b:
        assert a.identity != b.identity
        assert len(a.identity) == 32


def test_a_copy_in_the_same_folder_cannot_delete_the_originals_file(
    li: Store, assessment: int, tmp_path: Path
) -> None:
    source = tmp_path / "licence.pdf"
    source.write_bytes(b"type approval")
    stored = _attach(li, assessment, "CERT-002", source)
    original = EvidenceStore(li).path_of(stored.entry)
    assert original is not None
    assert li.path is not None
    with open_store(str(li.path.parent / "copy.sqlite3")) as copy:
        copied, _ = copy_assessment(li, copy, assessment, _catalog())
        copied_id = copied.assessment_id
        in_copy = EvidenceStore(copy).path_of(stored.entry)
        assert in_copy is not None and in_copy != original
        _detach(copy, copied_id, "CERT-002", stored.entry)
        assert not in_copy.exists()
    assert original.read_bytes() == b"type approval"


def test_a_file_two_answers_list_is_kept_until_neither_does(
    li: Store, assessment: int, tmp_path: Path
) -> None:
    source = tmp_path / "audit.pdf"
    source.write_bytes(b"audit report")
    first = _attach(li, assessment, "QUAL-001", source)
    second = _attach(li, assessment, "QUAL-002", source)
    assert first.digest == second.digest
    path = EvidenceStore(li).path_of(first.entry)
    assert path is not None
    _detach(li, assessment, "QUAL-001", first.entry)
    assert path.exists()
    _detach(li, assessment, "QUAL-002", second.entry)
    assert not path.exists()


def test_an_old_path_entry_is_shown_but_never_deleted(
    li: Store, assessment: int, tmp_path: Path
) -> None:
    outside = tmp_path / "someone-elses.pdf"
    outside.write_bytes(b"keep me")
    assert li.path is not None
    claimed = str(li.path.parent / "evidence" / ".." / "someone-elses.pdf")
    evidence = EvidenceStore(li)
    assert evidence.path_of(claimed) is None  # outside the evidence folder: not opened
    evidence.release([claimed, str(outside)])
    assert outside.read_bytes() == b"keep me"
    assert evidence_name(str(outside)) == "someone-elses.pdf"


@pytest.mark.parametrize("digest", ["../" * 4 + "x" * 52, "A" * 64, "", "0" * 63])
def test_a_path_is_never_made_from_anything_but_a_hash(li: Store, digest: str) -> None:
    with pytest.raises(EvidenceError):
        EvidenceStore(li).path_of_digest(digest)
    assert parse_evidence(f"sha256:{digest}:name.pdf") is None


def test_a_file_over_the_limit_is_refused_and_nothing_is_left(li: Store, tmp_path: Path) -> None:
    evidence = EvidenceStore(li)
    chunks = iter([b"x" * 10, b"x" * 10, b""])
    with pytest.raises(EvidenceError, match="larger than"):
        evidence.store_stream(lambda _size: next(chunks), "big.bin", limit=15)
    assert [p for p in evidence.root.rglob("*") if p.is_file()] == []


def test_a_server_database_keeps_its_files_in_the_data_folder(
    li: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "readiness.services.evidence.default_database_path", lambda: tmp_path / "r.sqlite3"
    )
    server = Store(li.engine, location="postgresql://li@db.example:5432/readiness", user="Li")
    root = EvidenceStore(server).root
    assert root.parent.parent == tmp_path / "evidence"
    assert root.name == li.identity
    assert "/" not in root.parent.name and ":" not in root.parent.name


def _catalog() -> Catalog:
    return load_catalog()
