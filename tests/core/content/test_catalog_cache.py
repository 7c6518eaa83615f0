"""The validated catalog is kept in a cache, used only when made from the same content.

A start reads the bundled catalog from the cache instead of validating it again;
a cache made from other content, or one that cannot be read, is never taken for
the catalog: the content is validated in full and the cache written anew.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from readiness.assets import asset_dir
from readiness.cli import main
from readiness.content import cache, catalog
from readiness.content.catalog import Catalog, content_files, load_catalog, load_files
from readiness.content.documents import ContentError

BUNDLED = asset_dir("checklists")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own, in place of the user's."""
    where = tmp_path / "cache"
    monkeypatch.setattr(cache, "cache_folder", lambda: where)
    return where


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(paths: object) -> Catalog:
        raise AssertionError("the content was validated again")

    monkeypatch.setattr(catalog, "load_files", refuse)


def _same(one: Catalog, other: Catalog) -> bool:
    # A catalog compares by identity; what it holds is compared field by field.
    return all(
        getattr(one, field.name) == getattr(other, field.name)
        for field in dataclasses.fields(Catalog)
    )


def test_the_cached_catalog_equals_the_freshly_validated_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_catalog(use_cache=False)
    load_catalog()
    assert cache.cache_file(BUNDLED).is_file()
    _no_validation(monkeypatch)
    from_cache = load_catalog()
    assert from_cache is not fresh
    assert _same(from_cache, fresh)
    assert from_cache.all_items.keys() == fresh.all_items.keys()


def test_a_corrupt_cache_is_ignored_and_replaced(folder: Path) -> None:
    load_catalog()
    written = cache.cache_file(BUNDLED)
    # The right key, then bytes that are no pickle (a damaged disk, a copy cut short).
    header = cache.MAGIC + cache.cache_key(content_files(BUNDLED))
    assert written.read_bytes().startswith(header)
    written.write_bytes(header + b"\x80\x05not a pickle at all")
    assert _same(load_catalog(), load_catalog(use_cache=False))
    replaced = cache.read_cached(written, header.removeprefix(cache.MAGIC), Catalog)
    assert replaced is not None and _same(replaced, load_catalog(use_cache=False))


@pytest.mark.parametrize("damage", [b"", b"garbage", b"readiness-catalog-cache 1\n"])
def test_an_unreadable_cache_is_ignored(folder: Path, damage: bytes) -> None:
    folder.mkdir()
    cache.cache_file(BUNDLED).write_bytes(damage)
    assert load_catalog().dimensions
    assert cache.cache_file(BUNDLED).read_bytes().startswith(cache.MAGIC)


def _copy_of_the_content(tmp_path: Path) -> Path:
    copy = tmp_path / "checklists"
    shutil.copytree(asset_dir("checklists"), copy)
    return copy


def test_changed_content_is_validated_again(tmp_path: Path, folder: Path) -> None:
    content = _copy_of_the_content(tmp_path)
    validations: list[int] = []

    def validate() -> Catalog:
        validations.append(1)
        return load_files(content_files(content))

    first = cache.cached(content, content_files(content), validate, Catalog)
    again = cache.cached(content, content_files(content), validate, Catalog)
    assert len(validations) == 1 and _same(first, again)

    header = content / "catalog.yaml"
    text = header.read_text(encoding="utf-8")
    assert f'version: "{first.version}"' in text
    header.write_text(text.replace(f'version: "{first.version}"', 'version: "9999.1"'), "utf-8")
    changed = cache.cached(content, content_files(content), validate, Catalog)
    assert len(validations) == 2
    assert changed.version == "9999.1"


def test_two_installations_side_by_side_keep_their_own_cache(tmp_path: Path, folder: Path) -> None:
    first, second = (_copy_of_the_content(tmp_path / name) for name in ("one", "two"))
    validations: list[Path] = []

    def validating(content: Path) -> Catalog:
        validations.append(content)
        return load_files(content_files(content))

    for content in (first, second, first, second):
        cache.cached(content, content_files(content), lambda c=content: validating(c), Catalog)
    assert validations == [first, second]
    assert cache.cache_file(first) != cache.cache_file(second)


def test_content_made_invalid_is_reported_not_read_from_the_cache(
    tmp_path: Path, folder: Path
) -> None:
    content = _copy_of_the_content(tmp_path)

    def validate() -> Catalog:
        return load_files(content_files(content))

    cache.cached(content, content_files(content), validate, Catalog)
    item_file = next((content / "items").glob("*.yaml"))
    item_file.write_text("items: [{id: 1}]\n", encoding="utf-8")
    with pytest.raises(ContentError):
        cache.cached(content, content_files(content), validate, Catalog)


def test_a_cache_folder_that_cannot_be_written_is_done_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(cache, "cache_folder", lambda: blocker / "cache")
    assert load_catalog().dimensions
    assert blocker.read_text() == "not a folder"


def test_content_from_another_folder_is_never_cached(tmp_path: Path, folder: Path) -> None:
    load_catalog(_copy_of_the_content(tmp_path))
    assert not folder.exists()


def test_validate_checks_the_content_in_full_whatever_the_cache_holds(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    load_catalog()

    def refuse(*args: object) -> None:
        raise AssertionError("readiness validate read the cache")

    monkeypatch.setattr(cache, "read_cached", refuse)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("valid: catalog")
