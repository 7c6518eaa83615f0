"""An assessment archive carries the answers and every evidence file; import is all or nothing."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog, load_catalog
from readiness.domain.answers import AnswerValue
from readiness.exchange.document import ExchangeError, document_json, export_document
from readiness.services import archive as archive_module
from readiness.services.archive import DOCUMENT_ENTRY, export_archive, import_archive
from readiness.services.evidence import EvidenceError, EvidenceStore
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store
from readiness.storage.store import Store


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def sender(tmp_path: Path, catalog: Catalog) -> Store:
    store = open_store(str(tmp_path / "sender" / "sender.sqlite3"))
    create_demo(store, catalog)
    evidence = EvidenceStore(store)
    for item, content in (("CERT-002", b"type approval"), ("QUAL-001", b"audit report")):
        source = tmp_path / f"{item}.pdf"
        source.write_bytes(content)
        stored = evidence.add(source)
        answer = next(a for a in store.snapshot(1).answers if a.item_id == item)
        store.set_answer(
            1,
            item,
            answer.market_code or None,
            AnswerValue(answer.value),
            evidence=[stored.entry],
        )
    yield store
    store.close()


@pytest.fixture
def receiver(tmp_path: Path) -> Store:
    store = open_store(str(tmp_path / "receiver" / "receiver.sqlite3"))
    yield store
    store.close()


def _files(store: Store) -> dict[str, bytes]:
    root = EvidenceStore(store).root
    return {p.name: p.read_bytes() for p in root.rglob("*") if p.is_file()} if root.exists() else {}


def test_the_answers_and_files_arrive_byte_identical(
    sender: Store, receiver: Store, catalog: Catalog, tmp_path: Path
) -> None:
    out = tmp_path / "handover.zip"
    assert export_archive(sender, 1, out) == 2
    done = import_archive(receiver, out, catalog)
    assert (done.files, done.missing) == (2, 0)
    assert _files(receiver) == _files(sender)
    names = sorted(
        e.rsplit(":", 1)[1]
        for a in receiver.snapshot(done.assessment_id).answers
        for e in a.evidence
    )
    assert names == ["CERT-002.pdf", "QUAL-001.pdf"]


def _archive(path: Path, document: str, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(DOCUMENT_ENTRY, document)
        for name, content in entries.items():
            archive.writestr(name, content)
    return path


def _hostile_cases(sender: Store) -> dict[str, Callable[[Path], Path]]:
    document = document_json(export_document(sender, 1))
    digest = next(e.split(":")[1] for a in export_document(sender, 1).answers for e in a.evidence)
    return {
        "zip-slip": lambda p: _archive(p, document, {"../../outside.txt": b"x"}),
        "absolute": lambda p: _archive(p, document, {"/tmp/outside.txt": b"x"}),
        "hash mismatch": lambda p: _archive(p, document, {f"evidence/{digest}": b"forged"}),
        "not a zip": lambda p: (p.write_bytes(b"PK\x03\x04 broken"), p)[1],
        "no document": lambda p: (zipfile.ZipFile(p, "w").close(), p)[1],
        "bad document": lambda p: _archive(p, '{"format": "other"}', {}),
    }


@pytest.mark.parametrize(
    "case", ["zip-slip", "absolute", "hash mismatch", "not a zip", "no document", "bad document"]
)
def test_a_hostile_archive_is_refused_and_leaves_nothing(
    sender: Store, receiver: Store, catalog: Catalog, tmp_path: Path, case: str
) -> None:
    path = _hostile_cases(sender)[case](tmp_path / "hostile.zip")
    with pytest.raises(ExchangeError):
        import_archive(receiver, path, catalog)
    assert receiver.list_assessments() == []
    assert _files(receiver) == {}
    assert not (tmp_path / "outside.txt").exists()


def test_too_many_entries_are_refused_before_reading_any(
    sender: Store,
    receiver: Store,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(archive_module, "MAX_ENTRIES", 3)
    entries = {f"evidence/{hashlib.sha256(bytes([i])).hexdigest()}": bytes([i]) for i in range(3)}
    path = _archive(tmp_path / "many.zip", document_json(export_document(sender, 1)), entries)
    with pytest.raises(ExchangeError, match="entries"):
        import_archive(receiver, path, catalog)
    assert receiver.list_assessments() == []


def test_a_file_larger_than_allowed_is_refused_while_unpacking(
    sender: Store,
    receiver: Store,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "handover.zip"
    export_archive(sender, 1, out)
    # As if the header's sizes lied: only the count while unpacking can catch it.
    monkeypatch.setattr(
        archive_module, "_checked_members", lambda archive, _path: archive.infolist()
    )
    monkeypatch.setattr(archive_module, "MAX_TOTAL_BYTES", 20)
    with pytest.raises(EvidenceError, match="larger than"):
        import_archive(receiver, out, catalog)
    assert receiver.list_assessments() == []
    assert _files(receiver) == {}


def test_a_failed_import_keeps_files_the_database_already_lists(
    sender: Store, receiver: Store, catalog: Catalog, tmp_path: Path
) -> None:
    out = tmp_path / "handover.zip"
    export_archive(sender, 1, out)
    import_archive(receiver, out, catalog)
    before = _files(receiver)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("../evil", b"x")
    with pytest.raises(ExchangeError):
        import_archive(receiver, out, catalog)
    assert _files(receiver) == before
    assert len(receiver.list_assessments()) == 1
