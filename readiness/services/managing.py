"""Managing assessments: one way for ``readiness rename/duplicate/archive/delete`` and the
app's assessments list.

Deleting an assessment, or replacing it by an imported one, loses answers, so a
checked copy is taken first and its path is handed back for the message: a
database file is backed up whole; an assessment on a team server is written as
an exchange file to this computer's data folder and read back before anything
is deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from readiness.domain.records import SavedAssessment, SavedCompany
from readiness.exchange.document import (
    ExchangeError,
    document_json,
    export_document,
    read_document,
)
from readiness.files import write_text_atomically
from readiness.storage.backup import make_backup
from readiness.storage.errors import StoreError
from readiness.storage.location import default_database_path
from readiness.storage.store import Store

# Where an assessment of a team server is kept before it is deleted or replaced.
SERVER_COPIES = "server-assessments-kept"


@dataclass(frozen=True)
class Deleted:
    """What a delete removed, and where the copy taken before it is."""

    assessment: SavedAssessment
    company: SavedCompany
    answers: int
    backup: Path


def server_copies_folder() -> Path:
    """Where assessments of a team server are kept on this computer before a delete or replace."""
    return default_database_path().parent / SERVER_COPIES


def safety_copy(store: Store, assessment_id: int, reason: str) -> Path:
    """Take a checked copy before ``assessment_id`` is deleted or replaced; return its path.

    ``reason`` names the copy (lowercase words joined by hyphens, such as
    ``before-delete``).

    Raises:
        StoreError: the copy could not be taken or failed its check; nothing
            should be changed.
    """
    path = store.path
    if path is not None:
        return make_backup(path, reason=reason).path
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = server_copies_folder() / f"{stamp}-{reason}-{assessment_id}.json"
    try:
        document = export_document(store, assessment_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(target, document_json(document))
        kept = read_document(target)
    except (OSError, ValueError, ExchangeError) as error:  # ValueError: a refused field
        raise StoreError(
            f"Could not keep a copy of assessment {assessment_id} in {target}: {error}"
        ) from error
    if kept != document:
        raise StoreError(
            f"The copy of assessment {assessment_id} in {target} does not read back whole"
        )
    return target


def delete_assessment(store: Store, assessment_id: int) -> Deleted:
    """Delete an assessment after a checked copy of it; say what went and where the copy is.

    Raises:
        StoreError: the assessment does not exist, or the copy failed: nothing was deleted.
    """
    snapshot = store.snapshot(assessment_id)
    try:
        backup = safety_copy(store, assessment_id, "before-delete")
    except StoreError as error:
        raise StoreError(f"{error} Nothing was deleted.") from error
    store.delete_assessment(assessment_id)
    return Deleted(snapshot.assessment, snapshot.company, len(snapshot.answers), backup)


def re_assessment_title(title: str, today: dt.date | None = None) -> str:
    """The title a re-assessment gets unless the user gives one: the old title and the day."""
    return f"{title} ({(today or dt.date.today()).isoformat()})"


def duplicate_assessment(
    store: Store, assessment_id: int, title: str | None = None
) -> SavedAssessment:
    """Start a re-assessment of ``assessment_id`` (same company, markets and answers,
    linked to it for the trend), titled ``title`` or the old title with today's date.

    Raises:
        StoreError: the assessment does not exist; RefusedValueError: a bad title.
    """
    old = store.assessment(assessment_id)
    return store.duplicate_assessment(assessment_id, title or re_assessment_title(old.title))
