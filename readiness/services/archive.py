"""An assessment with its evidence in one file: a zip of the exchange JSON and every file.

The archive holds ``assessment.json`` (the exchange document, whose answers
name each file as ``sha256:<digest>:<original name>``) and one entry
``evidence/<digest>`` per file. Importing it is all or nothing: every entry is
checked (name, count, size, and that its content has the hash it is named by)
and stored before the answers are written, and whatever it stored is removed
again if anything fails.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from readiness.content.catalog import Catalog
from readiness.domain.evidence import parse_evidence
from readiness.exchange.document import (
    MAX_FILE_BYTES,
    AssessmentDocument,
    ExchangeError,
    document_json,
    export_document,
    parse_document,
)
from readiness.files import shared_file_mode
from readiness.services.evidence import MAX_EVIDENCE_BYTES, EvidenceStore
from readiness.services.importing import (
    AlreadyThereError,
    Imported,
    OnExisting,
    already_there,
    firm_there,
    import_choosing,
)
from readiness.storage.store import Store

DOCUMENT_ENTRY = "assessment.json"
MAX_ENTRIES = 5_000  # evidence files of one assessment, and the document
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
_EVIDENCE_ENTRY = re.compile(r"evidence/([0-9a-f]{64})")


@dataclass(frozen=True)
class ArchiveImport:
    """What an archive brought in."""

    assessment_id: int
    document: AssessmentDocument
    files: int  # evidence files stored
    missing: int  # files the answers name that the archive did not hold
    outcome: Imported | None = None  # replaced or kept both, and the copy taken first


def export_archive(store: Store, assessment_id: int, out: Path) -> int:
    """Write the assessment and its evidence files to the zip ``out``; return the file count.

    Files the answers name but this computer does not hold (an entry from an
    older version, or a file never copied here) keep their names in the JSON.
    The archive is written under a temporary name and renamed into place.

    Raises:
        OSError: the archive could not be written.
    """
    document = export_document(store, assessment_id)
    evidence = EvidenceStore(store)
    digests: dict[str, Path] = {}
    for answer in document.answers:
        for entry in answer.evidence:
            stored = parse_evidence(entry)
            path = evidence.path_of(entry) if stored else None
            if stored and path is not None:
                digests[stored.digest] = path
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(DOCUMENT_ENTRY, document_json(document))
            for digest, path in sorted(digests.items()):
                archive.write(path, f"evidence/{digest}")
        os.chmod(temporary, shared_file_mode())
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(digests)


def import_archive(
    store: Store,
    path: Path,
    catalog: Catalog,
    *,
    on_existing: OnExisting | None = None,
    imported_word: str = "imported",
) -> ArchiveImport:
    """Import an archive as a new assessment with its evidence, all or nothing; an
    assessment already in the database is replaced, kept beside or left as
    ``on_existing`` says (see :func:`readiness.services.importing.import_choosing`).

    Raises:
        AlreadyThereError: the assessment is there and no choice was given (or
            CANCEL); nothing was imported.
        ExchangeError: not an archive, an entry refused, or the document invalid;
            nothing was imported and no file was left behind.
        StoreError: the files or the answers could not be stored; likewise.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ExchangeError(f"{path}: not a readable archive ({error})") from None
    with archive:
        members = _checked_members(archive, path)
        document = _document(archive, members, path)
        existing = already_there(store, document)
        firm = firm_there(store, document, existing)
        if (existing or firm) is not None and on_existing in (None, OnExisting.CANCEL):
            raise AlreadyThereError(existing, firm)
        named = _named(document)
        evidence = EvidenceStore(store)
        stored: list[str] = []
        budget = MAX_TOTAL_BYTES  # header sizes can lie: count what is really unpacked
        try:
            for info in members:
                match = _EVIDENCE_ENTRY.fullmatch(info.filename)
                if match is None or match[1] not in named:
                    continue  # the document, or a file no answer lists: not taken in
                try:
                    with archive.open(info) as reading:
                        found = evidence.store_stream(
                            reading.read,
                            f"{path}:{info.filename}",
                            limit=min(MAX_EVIDENCE_BYTES, budget),
                        )
                except (OSError, zipfile.BadZipFile, EOFError) as error:
                    raise ExchangeError(f"{path}: cannot read {info.filename} ({error})") from None
                stored.append(found)
                budget -= evidence.size_of(found)
                if found != match[1]:
                    raise ExchangeError(
                        f"{path}: {info.filename} does not hold the file it is named by "
                        "(its content has another hash). Nothing was imported."
                    )
            outcome = import_choosing(
                store, document, catalog, on_existing=on_existing, imported_word=imported_word
            )
        except BaseException:
            # Files an existing answer lists stay; the rest of what came in goes.
            evidence.release_files(stored)
            raise
    present = {d for d in named if evidence.holds(d)}
    return ArchiveImport(
        outcome.assessment_id, document, len(present), len(named - present), outcome
    )


def _checked_members(archive: zipfile.ZipFile, path: Path) -> list[zipfile.ZipInfo]:
    """The archive's entries, refused unless each is ours by name, count and size."""
    members = archive.infolist()
    if len(members) > MAX_ENTRIES:
        raise ExchangeError(
            f"{path}: {len(members):,} entries; an assessment archive holds at most "
            f"{MAX_ENTRIES:,}. Nothing was imported."
        )
    total = 0
    for info in members:
        name = info.filename
        if name != DOCUMENT_ENTRY and not _EVIDENCE_ENTRY.fullmatch(name):
            # Anything else (an absolute path, "..", a folder) could land outside.
            shown = name.encode("unicode_escape").decode("ascii")[:80]
            raise ExchangeError(
                f"{path}: the entry {shown!r} is not part of an assessment archive. "
                "Nothing was imported."
            )
        limit = MAX_FILE_BYTES if name == DOCUMENT_ENTRY else MAX_EVIDENCE_BYTES
        if info.file_size > limit:
            raise ExchangeError(
                f"{path}: {name} is {info.file_size:,} bytes, more than the {limit:,} allowed. "
                "Nothing was imported."
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ExchangeError(
            f"{path}: the archive unpacks to {total:,} bytes, more than the {MAX_TOTAL_BYTES:,} "
            "allowed. Nothing was imported."
        )
    return members


def _document(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], path: Path
) -> AssessmentDocument:
    documents = [info for info in members if info.filename == DOCUMENT_ENTRY]
    if len(documents) != 1:
        raise ExchangeError(f"{path}: an assessment archive holds one {DOCUMENT_ENTRY}")
    try:
        with archive.open(documents[0]) as reading:
            content = reading.read(MAX_FILE_BYTES + 1)  # sizes in the header can lie
    except (OSError, zipfile.BadZipFile, EOFError) as error:
        raise ExchangeError(f"{path}: cannot read {DOCUMENT_ENTRY} ({error})") from None
    if len(content) > MAX_FILE_BYTES:
        raise ExchangeError(f"{path}: {DOCUMENT_ENTRY} is larger than {MAX_FILE_BYTES:,} bytes")
    return parse_document(content, f"{path}:{DOCUMENT_ENTRY}")


def copy_assessment(
    source: Store, target: Store, assessment_id: int, catalog: Catalog, *, replace: bool = False
) -> tuple[Imported, AssessmentDocument]:
    """Copy an assessment and the evidence files it lists into another database, all or nothing.

    The copy is a new assessment of ``target``, or with ``replace`` takes the place
    of an earlier copy there (after a checked copy of it); without ``replace`` an
    earlier copy is kept beside the new one, whose title says it was imported. Its
    files go into ``target``'s own evidence folder, so deleting one there never
    touches the source's.

    Raises:
        ExchangeError, StoreError: nothing was copied and no file was left behind.
    """
    document = export_document(source, assessment_id)
    here, there = EvidenceStore(source), EvidenceStore(target)
    stored: list[str] = []
    try:
        for digest in sorted(_named(document)):
            if not here.holds(digest):
                continue
            with here.path_of_digest(digest).open("rb") as reading:
                stored.append(there.store_stream(reading.read, here.path_of_digest(digest)))
        choice = OnExisting.REPLACE if replace else OnExisting.KEEP_BOTH
        return import_choosing(target, document, catalog, on_existing=choice), document
    except BaseException:
        there.release_files(stored)
        raise


def _named(document: AssessmentDocument) -> set[str]:
    """The content hashes of the files the document's answers list."""
    return {
        f.digest
        for answer in document.answers
        for entry in answer.evidence
        if (f := parse_evidence(entry))
    }
