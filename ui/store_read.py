"""Reading the store off the UI thread: a slow server must not freeze the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from readiness.storage.errors import StoreError


class StoreRelay(QObject):
    """Carries a worker's outcome back to the UI thread (a queued signal).

    Create it without a parent: a read still running when its window closes
    must not emit into a deleted object (the worker keeps the relay alive).
    """

    done = Signal(int, object)  # the caller's key, the outcome or the StoreError


class StoreRead(QRunnable):
    """One store read on a worker thread; its outcome, or its StoreError, goes to the relay."""

    def __init__(self, read: Callable[[], object], key: int, relay: StoreRelay) -> None:
        super().__init__()
        self._read = read
        self._key = key
        self._relay = relay

    def run(self) -> None:
        try:
            outcome = self._read()
        except StoreError as error:
            outcome = error
        self._relay.done.emit(self._key, outcome)
