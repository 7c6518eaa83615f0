"""Loading the bundled catalog against the floor of merely parsing its YAML."""

from __future__ import annotations

from typing import Any

import yaml

from readiness.assets import asset_dir
from readiness.content.catalog import content_files, load_catalog

FILES = content_files(asset_dir("checklists"))
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_only() -> list[Any]:
    return [yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) for path in FILES]


def test_floor_parse_yaml(benchmark: Any, pair: Any) -> None:
    pair("catalog load", "floor")
    benchmark(_parse_only)


def test_load_and_validate_catalog(benchmark: Any, pair: Any) -> None:
    # Validation (pydantic models, cross-references, line tracking) on top of parsing.
    pair("catalog load", "subject", target=3.0)
    catalog = benchmark(load_catalog)
    assert catalog.dimensions
