"""Saving notes, evidence lists, actions and profile changes off the UI thread.

These writes go through the same one-at-a-time worker as the answers
(:mod:`ui.saving`), after the answers on their way, and the assessment is
re-read on the worker too: a stalled team server never freezes the window.
Each write's outcome reaches its callback on the UI thread.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from readiness.services.editing import (
    AnswerEditor,
    Conflict,
    MyChange,
    OwnVersions,
    SaveOutcome,
)
from readiness.storage.errors import StoreError
from readiness.storage.store import Store
from ui.saving import SaveQueue
from ui.store_errors import store_error_text

Read = Callable[[int], object]  # the assessment as the views show it (on the worker)
Show = Callable[[int, object], None]  # show such a reading (on the UI thread)
Ask = Callable[[Conflict, str, MyChange | str], bool]  # keep mine? asked on the UI thread
Written = Callable[[SaveOutcome | None], None]


@dataclass(frozen=True)
class _Landed:
    """A write done on the worker, and the assessment as read there after it."""

    outcome: object
    reading: object  # what Read returned, the StoreError it raised, or None


class DetailSaves(QObject):
    """The open assessment's writes other than answers, in order with them.

    Signals:
        saved(str): a write landed, or the colleague's change was kept (the message).
        failed(str): a write was refused (the StoreError's message).
    """

    saved = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        store: Store,
        own: OwnVersions,
        queue: SaveQueue,
        read: Read,
        show: Show,
        ask: Ask,
        current: Callable[[], int | None],
        parent: QObject | None = None,
    ) -> None:
        """``read``, ``show`` and ``ask`` are bound methods of the workspace, held weakly:
        a job on the worker must not keep the workspace alive. ``current`` says which
        assessment is open."""
        super().__init__(parent)
        self._store = store
        self._own = own
        self.queue = queue
        self._read = weakref.WeakMethod(read)
        self._show = weakref.WeakMethod(show)
        self._ask = weakref.WeakMethod(ask)
        self._current = current

    def write(self, change: Callable[[int], object], done: str) -> None:
        """Run ``change(assessment_id)``; say ``done`` when it landed, or why it did not."""
        assessment_id = self._current()
        if assessment_id is None:
            return

        def landed(outcome: object) -> None:
            if isinstance(outcome, StoreError):
                self.failed.emit(store_error_text(outcome))
            else:
                self.saved.emit(done)

        self._in_order(assessment_id, lambda: change(assessment_id), landed)

    def save(
        self,
        write: Callable[[AnswerEditor, Callable[[Conflict], bool]], SaveOutcome | None],
        mine: MyChange | str,
        what: str,
        then: Written | None = None,
    ) -> None:
        """Run one versioned write through the core, asking the user on a conflict;
        ``then`` gets what was written, or None when nothing was."""
        assessment_id = self._current()
        if assessment_id is None:
            return
        editor = AnswerEditor(self._store, assessment_id, self._own)
        queue = self.queue
        ask = self._ask

        def keep_mine(conflict: Conflict) -> bool:  # on the worker
            method = ask()
            return method is not None and queue.ask_on_ui_thread(
                conflict, lambda c: bool(method(c, what, mine))
            )

        def done(outcome: object) -> None:
            written: SaveOutcome | None = None
            if isinstance(outcome, StoreError):
                self.failed.emit(store_error_text(outcome))
            elif outcome is None:
                self.saved.emit(self.tr("Kept your colleague's change"))
            else:
                assert isinstance(outcome, SaveOutcome)
                written = outcome
            if then is not None:
                then(written)

        self._in_order(assessment_id, lambda: write(editor, keep_mine), done)

    def _in_order(
        self, assessment_id: int, write: Callable[[], object], done: Callable[[object], None]
    ) -> None:
        read, show = self._read, self._show

        def reading() -> object:  # on the worker
            reader = read()
            try:
                return reader(assessment_id) if reader is not None else None
            except StoreError as error:
                return error

        def shown(landed: object) -> None:
            viewer = show()
            reading = landed.reading if isinstance(landed, _Landed) else None
            if viewer is not None and reading is not None and not isinstance(reading, StoreError):
                viewer(assessment_id, reading)

        def on_ui(landed: object) -> None:
            if assessment_id != self._current():
                return  # another assessment was opened meanwhile
            shown(landed)
            if isinstance(landed, _Landed):
                done(landed.outcome)
                return
            done(landed)  # the StoreError; then show the store as it is, read off this thread
            self.queue.submit(lambda: _Landed(None, reading()), shown)

        self.queue.submit(lambda: _Landed(write(), reading()), on_ui)
