"""Settings > Team members…: shown on a team server, usable by its administrators only.

On a file (one user) the entry is hidden. On a server it stays disabled until a
check off the UI thread finds that the login is a platform administrator; the
answer is kept per server for the session.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from readiness.services import team
from readiness.storage.store import Store
from ui.store_read import StoreRead, StoreRelay


class TeamMembersAction(QObject):
    """The menu entry and when it may be used."""

    def __init__(self, window: QWidget, menu: QMenu, store_of: Callable[[], Store]) -> None:
        super().__init__(window)
        self._window = window
        self._store_of = store_of
        self.action = QAction(self.tr("&Team members…"), window)
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)
        menu.aboutToShow.connect(self.update)
        self.administrator: dict[str, bool] = {}
        self._asking: set[str] = set()
        self._keys: dict[int, str] = {}  # a background check's key -> its server
        self._numbers = itertools.count(1)
        self._relay = StoreRelay()
        self._relay.done.connect(self._answered)
        self.update()

    def update(self) -> None:
        """Hide the entry on a file; on a server enable it for administrators."""
        store = self._store_of()
        on_server = store.path is None
        self.action.setVisible(on_server)
        if not on_server:
            return
        location = store.location
        known = self.administrator.get(location)
        self.action.setEnabled(bool(known))
        if known is None and location not in self._asking:
            self._asking.add(location)
            key = next(self._numbers)
            self._keys[key] = location
            QThreadPool.globalInstance().start(
                StoreRead(lambda: team.is_administrator(location), key, self._relay)
            )

    def _answered(self, key: int, outcome: object) -> None:
        location = self._keys.pop(key, None)
        if location is None:
            return
        self._asking.discard(location)
        self.administrator[location] = outcome is True
        self.update()

    def open(self) -> None:
        """Open the team's dialog for the current server."""
        from ui.dialogs.team import TeamDialog

        TeamDialog(self._store_of().location, self._window).exec()
