"""Fixtures for the UI tests: isolated settings, a store on a temporary file, a workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from readiness.content.catalog import Catalog, load_catalog
from readiness.domain.records import MarketChoice
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from ui.workspace import Workspace


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    yield
    QSettings().clear()


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "ui.sqlite3"))
    yield opened
    # A background read a test started (a colleague check, say) finishes before its
    # store closes, as when the app moves to another database; otherwise it would
    # run on a closed store while the next test processes events.
    QThreadPool.globalInstance().waitForDone(10_000)
    opened.close()


@pytest.fixture
def workspace(qapp: QApplication, store: Store, catalog: Catalog) -> Iterator[Workspace]:
    # The workspace's timers need the application's event loop.
    opened = Workspace(store, catalog, "en")
    yield opened
    # As when the window closes: no more polling, and the saves on their way written.
    opened.poll_timer.stop()
    opened.finish_saves()


@pytest.fixture
def sample(workspace: Workspace) -> Workspace:
    workspace.create_sample()
    return workspace


@pytest.fixture
def fresh(workspace: Workspace) -> Workspace:
    """A new assessment with three markets and no answers."""
    workspace.create_assessment(
        "Wuhan Axle Works",
        "First look",
        [MarketChoice("IT"), MarketChoice("MA"), MarketChoice("LA")],
    )
    return workspace
