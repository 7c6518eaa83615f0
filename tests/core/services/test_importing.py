"""Importing an assessment after a backup: the one way for import, copy and File > Import."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog
from readiness.exchange.document import ExchangeError, export_document
from readiness.services.importing import OnExisting, import_assessment
from readiness.services.sample import create_demo
from readiness.storage import backup as backup_module
from readiness.storage.backup import list_backups
from readiness.storage.errors import StoreError
from readiness.storage.opening import open_store
from readiness.storage.store import Store


@pytest.mark.both_backends
def test_a_file_is_backed_up_before_the_import(
    store: Store, bundled_catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> None:
    source_path = tmp_path_factory.mktemp("source") / "source.sqlite3"
    with open_store(str(source_path)) as source:
        document = export_document(source, create_demo(source, bundled_catalog))
    before = list_backups(store.path) if store.path is not None else []
    assessment_id = import_assessment(store, document, bundled_catalog)
    assert [s.id for s in store.list_assessments()] == [assessment_id]
    if store.path is None:
        return  # a server's backups are its administrator's
    taken = [b for b in list_backups(store.path) if b not in before]
    assert [b.reason for b in taken] == ["before-import"]


def test_a_document_that_does_not_fit_writes_nothing(
    store: Store, bundled_catalog: Catalog
) -> None:
    document = export_document(store, create_demo(store, bundled_catalog))
    twice = document.model_copy(update={"answers": [*document.answers, document.answers[0]]})
    with pytest.raises(ExchangeError, match="twice"):
        import_assessment(store, twice, bundled_catalog, on_existing=OnExisting.KEEP_BOTH)
    assert len(store.list_assessments()) == 1


def test_a_backup_that_cannot_be_taken_imports_nothing_and_says_so(
    tmp_path_factory: pytest.TempPathFactory,
    bundled_catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source_path = tmp_path_factory.mktemp("source") / "source.sqlite3"
    with open_store(str(source_path)) as source:
        document = export_document(source, create_demo(source, bundled_catalog))
    target = tmp_path_factory.mktemp("target") / "target.sqlite3"
    with open_store(str(target)) as store:
        store.create_company("Already here")

        def full_disk(_source: Path, _target: Path) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(backup_module, "copy_database", full_disk)
        with pytest.raises(StoreError, match="Nothing was imported"):
            import_assessment(store, document, bundled_catalog)
        assert store.list_assessments() == []


@pytest.mark.both_backends
def test_the_same_assessment_again_is_refused_kept_beside_or_replaced_after_a_copy(
    store: Store,
    bundled_catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from readiness.services import managing
    from readiness.services.importing import AlreadyThereError, import_choosing

    monkeypatch.setattr(managing, "server_copies_folder", lambda: tmp_path / "kept")
    first = create_demo(store, bundled_catalog)
    document = export_document(store, first)
    for choice in (None, OnExisting.CANCEL):
        with pytest.raises(AlreadyThereError, match=f"already in the database as {first}"):
            import_choosing(store, document, bundled_catalog, on_existing=choice)
    both = import_choosing(
        store, document, bundled_catalog, on_existing=OnExisting.KEEP_BOTH, imported_word="导入"
    )
    assert both.kept_both and both.title.endswith(")") and "(导入 20" in both.title
    assert store.assessment(both.assessment_id).exchange_id != document.assessment.exchange_id
    store.rename_assessment(first, "Changed since")
    replaced = import_choosing(store, document, bundled_catalog, on_existing=OnExisting.REPLACE)
    assert replaced.assessment_id == first and replaced.replaced is not None
    assert replaced.replaced.title == "Changed since"
    assert replaced.backup is not None and replaced.backup.is_file()
    if store.path is None:  # a server's assessment is kept on this computer
        assert replaced.backup.parent == tmp_path / "kept"
    assert store.assessment(first).title == document.assessment.title
    assert len(store.list_assessments()) == 2
