"""Shared fixtures for the report tests: a demo assessment, rendered once per module."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog, load_catalog
from readiness.domain.results import AssessmentResult
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store
from readiness.storage.store import Store

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Iterator[Store]:
    store = open_store(str(tmp_path_factory.mktemp("report") / "demo.sqlite3"))
    create_demo(store, catalog, today=TODAY)
    yield store
    store.close()


@pytest.fixture(scope="module")
def demo_result(demo_store: Store, catalog: Catalog) -> AssessmentResult:
    return load_result(demo_store, catalog, 1, today=TODAY)


def pdf_text(path: Path, *, layout: bool = True) -> str:
    import subprocess

    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout
