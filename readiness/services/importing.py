"""Bringing an assessment into a database: one way for ``readiness import``, ``readiness
copy`` and the app's File > Import.

An assessment that is already in the database (the same exchange identity:
imported, copied or exported from here before) is never silently doubled: the
caller says whether to replace it (after a checked copy), keep both (the new
one's title says it was imported, and it gets an identity of its own), or cancel.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from readiness.content.catalog import Catalog
from readiness.domain.records import SavedAssessment, SavedCompany
from readiness.domain.text import NAME
from readiness.exchange.document import AssessmentDocument, ExchangeError, import_document
from readiness.services.managing import safety_copy
from readiness.storage.backup import make_backup
from readiness.storage.errors import StoreError
from readiness.storage.store import Store


class OnExisting(StrEnum):
    """What to do when the assessment being imported is already in the database."""

    REPLACE = "replace"
    KEEP_BOTH = "keep-both"
    CANCEL = "cancel"


class AlreadyThereError(ExchangeError):
    """The assessment, or its firm, is already in the database, and what to do was not said."""

    def __init__(self, existing: SavedAssessment | None, company: SavedCompany | None = None):
        if existing is not None:
            message = (
                f"this assessment is already in the database as {existing.id} "
                f"(\u201c{existing.title}\u201d)"
            )
        else:
            assert company is not None, "neither the assessment nor its firm is there"
            message = (
                f"its company is already in the database as company {company.id} "
                f"(\u201c{company.name}\u201d): replace joins it and gives it the file's "
                "profile, keep-both joins it and keeps its own profile"
            )
        super().__init__(message)
        self.existing = existing
        self.company = company

    @property
    def name(self) -> str:
        """What is already there as the user knows it: the assessment's title or firm's name."""
        if self.existing is not None:
            return self.existing.title
        return self.company.name if self.company is not None else ""


@dataclass(frozen=True)
class Imported:
    """What an import did."""

    assessment_id: int
    title: str  # as saved (a kept-both copy's says it was imported)
    replaced: SavedAssessment | None = None  # the assessment it took the place of
    backup: Path | None = None  # the copy taken before replacing
    kept_both: bool = False
    company: SavedCompany | None = None  # the registered firm it joined, if any


def already_there(store: Store, document: AssessmentDocument) -> SavedAssessment | None:
    """The assessment of the database that ``document`` would import again, if any
    (the most recently changed one when there are several)."""
    identity = document.assessment.exchange_id
    if not identity:
        return None  # an older file: no identity to recognise it by
    found = store.assessments_with_exchange_id(identity)
    return found[0] if found else None


def firm_there(
    store: Store, document: AssessmentDocument, existing: SavedAssessment | None
) -> SavedCompany | None:
    """The registered company the document's firm is: the one of its exchange identity, or
    else the company of the assessment already there (an older file names no firm)."""
    found = store.company_with_exchange_id(document.company.exchange_id or "")
    if found is None and existing is not None:
        found = store.company(existing.company_id)
    return found


def imported_title(title: str, word: str = "imported", today: dt.date | None = None) -> str:
    """A kept-both copy's title: the title and ``(<word> <date>)``, within the length allowed."""
    suffix = f" ({word} {(today or dt.date.today()).isoformat()})"
    return title[: NAME.max_length - len(suffix)] + suffix


def import_assessment(
    store: Store,
    document: AssessmentDocument,
    catalog: Catalog,
    *,
    on_existing: OnExisting | None = None,
    imported_word: str = "imported",
) -> int:
    """Import ``document`` all or nothing; return the assessment's id.

    See :func:`import_choosing`, which also says what the import did.
    """
    return import_choosing(
        store, document, catalog, on_existing=on_existing, imported_word=imported_word
    ).assessment_id


def import_choosing(
    store: Store,
    document: AssessmentDocument,
    catalog: Catalog,
    *,
    on_existing: OnExisting | None = None,
    imported_word: str = "imported",
) -> Imported:
    """Import ``document`` as a new assessment, or in place of the one already there.

    A database file is backed up first, so an import the user regrets can be
    undone with ``readiness restore``; a server database is its administrator's
    to back up, and a read-only store has nothing to protect. Replacing always
    takes a checked copy first (of a server's assessment too). A kept-both copy's
    title ends in ``(<imported_word> <date>)``.

    Raises:
        AlreadyThereError: the assessment or its firm is there and ``on_existing``
            is None or CANCEL; nothing was imported. (A firm already registered is
            joined: REPLACE gives it the file's profile, KEEP_BOTH keeps its own.)
        StoreError: the backup failed; nothing was imported.
        ExchangeError: the document does not fit the catalog or the store.
    """
    existing = already_there(store, document)
    firm = firm_there(store, document, existing)
    if (existing or firm) is not None and on_existing in (None, OnExisting.CANCEL):
        raise AlreadyThereError(existing, firm)
    path = store.path
    backup: Path | None = None
    try:
        if existing is not None and on_existing is OnExisting.REPLACE:
            backup = safety_copy(store, existing.id, "before-replace")
        elif path is not None and not store.read_only:
            make_backup(path, reason="before-import")
    except StoreError as error:
        raise StoreError(f"{error} Nothing was imported.") from error
    if existing is not None and on_existing is OnExisting.REPLACE:
        new_id = import_document(store, document, catalog=catalog, replacing=existing.id)
        return Imported(new_id, document.assessment.title, replaced=existing, backup=backup)
    if existing is not None:  # keep both: the new one is told apart, and is its own
        title = imported_title(document.assessment.title, imported_word)
        record = document.assessment.model_copy(update={"title": title, "exchange_id": None})
        document = document.model_copy(update={"assessment": record})
    # A firm already registered is joined, never registered twice; its profile takes
    # the file's only when the user said replace.
    joined = (firm.id, on_existing is OnExisting.REPLACE) if firm is not None else (None, True)
    new_id = import_document(store, document, catalog=catalog, company=joined)
    return Imported(new_id, document.assessment.title, kept_both=existing is not None, company=firm)
