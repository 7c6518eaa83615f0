"""Loading the bundled catalog against the floor of merely parsing its files.

Two loads are measured, each against its own run of the same floor (parsing
every YAML file with the C loader and reading every CSV table):

- the cold load, which validates everything (models, cross-references,
  glossary), as ``readiness validate`` always does;
- the load every start does: the validated catalog read from its cache, after
  hashing every content file to check the cache was made from them.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from readiness.assets import asset_dir
from readiness.content import cache
from readiness.content.catalog import FACTS_SUFFIX, content_files, load_catalog

FILES = content_files(asset_dir("checklists"))
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_only() -> list[Any]:
    parsed: list[Any] = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        if path.suffix == FACTS_SUFFIX:
            parsed.append(list(csv.DictReader(text.splitlines())))
        else:
            parsed.append(yaml.load(text, Loader=LOADER))
    return parsed


@pytest.mark.parametrize("name", ["catalog load, validated", "catalog load, cached"])
def test_floor_parse_the_content_files(benchmark: Any, pair: Any, name: str) -> None:
    pair(name, "floor")
    benchmark(_parse_only)


def test_load_and_validate_catalog(benchmark: Any, pair: Any) -> None:
    # Validation (pydantic models, cross-references, line tracking) on top of parsing.
    pair("catalog load, validated", "subject")
    catalog = benchmark(load_catalog, use_cache=False)
    assert catalog.dimensions


def test_load_catalog_from_its_cache(
    benchmark: Any, pair: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair("catalog load, cached", "subject", target=3.0)
    monkeypatch.setattr(cache, "cache_folder", lambda: tmp_path)
    load_catalog()  # validates once and writes the cache
    assert cache.cache_file(asset_dir("checklists")).is_file()
    catalog = benchmark(load_catalog)
    assert catalog.dimensions
