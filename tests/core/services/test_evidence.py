"""Where evidence files live, which may be deleted, and copying without clobbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.services.evidence import EvidenceFolder
from readiness.storage.store import Store


def test_evidence_lives_beside_the_database_file(li: Store, assessment: int) -> None:
    assert li.path is not None
    assert EvidenceFolder(li, assessment).path == li.path.parent / "evidence" / str(assessment)


def test_a_second_file_of_the_same_name_gets_a_counter(
    li: Store, assessment: int, tmp_path: Path
) -> None:
    source = tmp_path / "licence.pdf"
    source.write_bytes(b"one")
    folder = EvidenceFolder(li, assessment)
    first = folder.copy_in("Q1", "IT", source)
    source.write_bytes(b"two")
    second = folder.copy_in("Q1", "IT", source)
    assert first.name == "licence.pdf" and second.name == "licence-2.pdf"
    assert first.parent.name == "Q1-IT"
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two"
    assert folder.copy_in("Q1", None, source).parent.name == "Q1-company"


def test_only_the_apps_own_copies_are_deleted(li: Store, assessment: int, tmp_path: Path) -> None:
    source = tmp_path / "licence.pdf"
    source.write_bytes(b"one")
    folder = EvidenceFolder(li, assessment)
    copy = folder.copy_in("Q1", "IT", source)
    claimed = str(folder.path / ".." / ".." / ".." / "licence.pdf")
    assert folder.owns(str(copy))
    assert not folder.owns(claimed)
    folder.delete(claimed)
    assert source.exists()
    folder.delete(str(copy))
    assert not copy.exists()


def test_a_server_assessment_keeps_its_files_in_the_data_folder(
    li: Store, assessment: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "readiness.services.evidence.default_database_path", lambda: tmp_path / "r.sqlite3"
    )
    server = Store(li.engine, location="postgresql://li@db.example:5432/readiness", user="Li")
    path = EvidenceFolder(server, assessment).path
    assert path.parent.parent == tmp_path / "evidence"
    assert path.name == str(assessment)
    assert "/" not in path.parent.name and ":" not in path.parent.name
