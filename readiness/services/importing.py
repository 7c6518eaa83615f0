"""Bringing an assessment into a database: one way for ``readiness import``, ``readiness
copy`` and the app's File > Import."""

from __future__ import annotations

from readiness.content.catalog import Catalog
from readiness.exchange.document import AssessmentDocument, import_document
from readiness.storage.backup import make_backup
from readiness.storage.errors import StoreError
from readiness.storage.store import Store


def import_assessment(store: Store, document: AssessmentDocument, catalog: Catalog) -> int:
    """Import ``document`` as a new assessment, all or nothing; return its id.

    A database file is backed up first, so an import the user regrets can be
    undone with ``readiness restore``; a server database is its administrator's
    to back up, and a read-only store has nothing to protect.

    Raises:
        StoreError: the backup failed; nothing was imported.
        ExchangeError: the document does not fit the catalog or the store.
    """
    path = store.path
    if path is not None and not store.read_only:
        try:
            make_backup(path, reason="before-import")
        except StoreError as error:
            raise StoreError(f"{error} Nothing was imported.") from error
    return import_document(store, document, catalog=catalog)
