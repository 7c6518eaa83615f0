"""The register of member firms: one way for ``readiness companies``/``company`` and the app.

Merging and deleting companies change many assessments at once, so a checked copy
is taken first and its path handed back for the message: a database file is
backed up whole; on a team server each assessment concerned is written as an
exchange file to this computer's data folder and read back first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from readiness.domain.records import SavedCompany
from readiness.services.managing import safety_copy
from readiness.storage.backup import make_backup
from readiness.storage.errors import StoreError
from readiness.storage.store import Store


@dataclass(frozen=True)
class CompanyChange:
    """What a merge or a delete did, and where the copies taken before it are."""

    company: SavedCompany  # the company merged away or deleted
    assessments: int  # how many assessments moved or went
    backups: tuple[Path, ...]
    into: SavedCompany | None = None  # the company merged into


def _copies(store: Store, company_id: int, reason: str) -> tuple[Path, ...]:
    """Checked copies of everything the change touches: the file, or each assessment."""
    if store.path is not None:
        return (make_backup(store.path, reason=reason).path,)
    return tuple(
        safety_copy(store, summary.id, reason)
        for summary in store.list_assessments()
        if summary.company_id == company_id
    )


def _count(store: Store, company_id: int) -> int:
    return sum(1 for s in store.list_assessments() if s.company_id == company_id)


def merge_companies(store: Store, into_id: int, from_id: int) -> CompanyChange:
    """Move every assessment of ``from_id`` to ``into_id`` and remove ``from_id``, after a
    checked copy.

    Raises:
        StoreError: the same company twice, an unknown one, or the copy failed:
            nothing was changed.
    """
    if into_id == from_id:
        raise StoreError(
            f"company {into_id} cannot be merged into itself; name two different companies. "
            "Nothing was changed."
        )
    into, merged = store.company(into_id), store.company(from_id)
    try:
        backups = _copies(store, from_id, "before-merge")
    except StoreError as error:
        raise StoreError(f"{error} Nothing was changed.") from error
    moved = store.merge_companies(into_id, from_id)
    return CompanyChange(merged, moved, backups, into=into)


def delete_company(store: Store, company_id: int) -> CompanyChange:
    """Delete a company with all its assessments after a checked copy.

    Raises:
        StoreError: an unknown company, or the copy failed: nothing was deleted.
    """
    company = store.company(company_id)
    count = _count(store, company_id)
    try:
        backups = _copies(store, company_id, "before-delete-company")
    except StoreError as error:
        raise StoreError(f"{error} Nothing was deleted.") from error
    store.delete_company(company_id)
    return CompanyChange(company, count, backups)
