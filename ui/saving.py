"""Saving off the UI thread: a slow or stalled server must not freeze the window.

Writes run one at a time on a worker thread, in the order they were asked for,
so a later answer to a question always lands after an earlier one and undo
writes after what it undoes. Each write's outcome (or its StoreError) comes
back on the UI thread through a queued signal, in the same order.

A conflict found on the worker (a colleague changed the row) is asked on the UI
thread; the worker waits for the answer, so the order of the writes holds.

The store is safe to use from the worker: every read and write opens its own
session on the store's engine, and engines are thread-safe.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, QTimer, Signal

from readiness.services.editing import Conflict
from readiness.storage.errors import StoreError

# What a write returns to its ``done`` callback: its result, or the StoreError.
Done = Callable[[object], None]
# How often a worker waiting for the user's answer checks that the store is still open.
ASK_POLL_S = 0.1


@dataclass
class ConflictQuestion:
    """A conflict the worker waits on; the UI thread sets ``keep_mine`` and ``answered``."""

    conflict: Conflict
    ask: Callable[[Conflict], bool]
    keep_mine: bool = False
    answered: threading.Event = field(default_factory=threading.Event)


class SaveRelay(QObject):
    """Carries a worker's outcome and questions back to the UI thread (queued signals).

    Created without a parent: a write still running when the workspace goes
    must not emit into a deleted object (the job keeps the relay alive).
    """

    done = Signal(int, object)  # the write's ticket, its result or StoreError
    ask = Signal(object)  # a ConflictQuestion


class _SaveJob(QRunnable):
    def __init__(self, write: Callable[[], object], ticket: int, relay: SaveRelay) -> None:
        super().__init__()
        self._write = write
        self._ticket = ticket
        self._relay = relay

    def run(self) -> None:
        try:
            outcome = self._write()
        except StoreError as error:
            outcome = error
        self._relay.done.emit(self._ticket, outcome)


class SaveQueue(QObject):
    """Store writes run one after another on a worker thread; results come back in order.

    Signals:
        idle(): the last write asked for has finished.
    """

    idle = Signal()

    def __init__(self, cancelled: Callable[[], bool], parent: QObject | None = None) -> None:
        """``cancelled`` says the store was closed: a worker waiting for the user gives up."""
        super().__init__(parent)
        self._cancelled = cancelled
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._waiting: deque[tuple[int, Callable[[], object], Done]] = deque()
        self._running: tuple[int, Done] | None = None
        self._next_ticket = 0
        self._relay = SaveRelay()
        self._relay.done.connect(self._finished)
        self._relay.ask.connect(self._answer)

    @property
    def busy(self) -> bool:
        """Whether a write is running or waiting."""
        return self._running is not None or bool(self._waiting)

    def submit(self, write: Callable[[], object], done: Done) -> None:
        """Run ``write`` on the worker after every write asked for before it.

        ``done`` gets its result, or the StoreError it raised, on the UI thread.
        """
        self._next_ticket += 1
        self._waiting.append((self._next_ticket, write, done))
        self._start_next()

    def _start_next(self) -> None:
        if self._running is not None or not self._waiting:
            return
        ticket, write, done = self._waiting.popleft()
        self._running = (ticket, done)
        self._pool.start(_SaveJob(write, ticket, self._relay))

    def _finished(self, ticket: int, outcome: object) -> None:
        running = self._running
        assert running is not None and running[0] == ticket
        self._running = None
        try:
            running[1](outcome)
        finally:
            self._start_next()
            if not self.busy:
                self.idle.emit()

    def ask_on_ui_thread(self, conflict: Conflict, ask: Callable[[Conflict], bool]) -> bool:
        """From the worker: have the UI thread ask ``ask(conflict)`` and wait for the answer.

        Keeps the user's own change only when asked and answered; a store closed
        meanwhile keeps the colleague's.
        """
        question = ConflictQuestion(conflict, ask)
        self._relay.ask.emit(question)
        while not question.answered.wait(ASK_POLL_S):
            if self._cancelled():
                return False
        return question.keep_mine

    def _answer(self, question: object) -> None:
        assert isinstance(question, ConflictQuestion)
        try:
            question.keep_mine = question.ask(question.conflict)
        finally:
            question.answered.set()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Let the writes asked for so far finish, keeping the window alive; False on timeout."""
        if not self.busy:
            return True
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        try:
            loop.exec()
        finally:
            timer.stop()
            self.idle.disconnect(loop.quit)
        return not self.busy
