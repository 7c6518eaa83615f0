"""The user's answers on their way to the store, written off the UI thread.

Every answer, undo and redo is one write on the save queue (:mod:`ui.saving`),
so they reach the store in the order the user made them. While a row has a
write on its way it is *pending*: the card shows the value last asked for
there, and only that one, marked as being saved. When the write is done the
row shows the store again: the new answer, or, when it was refused, what is
stored, with the reason.

The undo stack follows the store: a step that was not written is taken off it
(or, for an undo or redo that failed, the stack moves back over it without
writing).

Signals:
    pending_changed(str, object): a row (question id, market or None) started or
        stopped waiting for a write.
    written(str, object): the row's answer was written.
    not_written(str, object, str): the row's write was refused; the text says why.
    saved(str), failed(str): for the status bar and the message box.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from readiness.domain.answers import AnswerValue
from readiness.domain.records import SavedAnswer
from readiness.domain.scoring import AnswerKey
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
from ui.undo import AnswerCommand

# Reads the assessment on any thread; what it returns goes to the Show callback.
Read = Callable[[int], object]
Show = Callable[[int, object], None]
# Asks the user about a conflict: the question and market, the user's value.
Ask = Callable[[Conflict, str, MyChange | str], bool]


@dataclass
class Pending:
    """A row waiting for its writes: the value last asked for (None: cleared)."""

    value: AnswerValue | None
    writes: int = 1


@dataclass(frozen=True)
class _Written:
    outcome: SaveOutcome | None  # None: the colleague's answer was kept
    reading: object  # the assessment read after the write, or the StoreError


class AnswerSaves(QObject):
    """Queues answer writes, tracks pending rows and keeps the undo stack with the store."""

    pending_changed = Signal(str, object)
    written = Signal(str, object)
    not_written = Signal(str, object, str)
    saved = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        store: Store,
        own: OwnVersions,
        stack: QUndoStack,
        read: Read,
        show: Show,
        parent: QObject | None = None,
        *,
        catalog_version: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._own = own
        self._catalog_version = catalog_version  # recorded on every answer written
        self._stack = stack
        # Weak: a reference cycle with the workspace would leave it to the garbage
        # collector, which may run on the worker thread and must not delete QObjects.
        self._read_ref = weakref.WeakMethod(read)
        self._show_ref = weakref.WeakMethod(show)
        self._ask_ref: weakref.WeakMethod[Ask] | None = None
        self.queue = SaveQueue(lambda: store.closed, self)
        self.assessment_id: int | None = None
        self._pending: dict[AnswerKey, Pending] = {}
        # The row each answer write left (None: cleared); used on the worker only.
        self._latest: dict[AnswerKey, SavedAnswer | None] = {}

    def ask_with(self, ask: Ask) -> None:
        """Ask conflicts with ``ask`` (a bound method, held weakly)."""
        self._ask_ref = weakref.WeakMethod(ask)

    def _ask(self, conflict: Conflict, what: str, mine: MyChange | str) -> bool:
        ask = self._ask_ref() if self._ask_ref is not None else None
        return ask is not None and ask(conflict, what, mine)

    def pending(self, key: AnswerKey) -> Pending | None:
        """The row's write on its way, if any."""
        return self._pending.get(key)

    def reset(self, assessment_id: int | None) -> None:
        """Another assessment is open: finish the writes on their way, then forget them."""
        self.queue.wait()
        self.assessment_id = assessment_id
        self._pending.clear()
        self._latest.clear()

    def run(self, command: AnswerCommand, forward: bool) -> None:
        """Ask for the write of one step of ``command`` (from its redo or undo)."""
        assessment_id = self.assessment_id
        if assessment_id is None:
            return
        change = command.change
        key = change.key
        # After another write of this row still on its way, the row it leaves is
        # the one this change starts from, known only once that write is done.
        follows = key in self._pending and not command.started
        command.started = True
        write = change.redo_write() if forward else change.undo_write()
        files = write.evidence
        mine = MyChange(
            write.value.value if write.value is not None else self.tr("no answer"),
            value=write.value.value if write.value is not None else "",
            note=write.note,
            files=(lambda _: list(files)) if files is not None else None,
        )
        what = command.what

        def ask(conflict: Conflict) -> bool:
            return self._ask(conflict, what, mine)

        def keep_mine(conflict: Conflict) -> bool:
            return self.queue.ask_on_ui_thread(conflict, ask)

        def write_now() -> _Written:  # on the worker
            if follows and key in self._latest:
                change.before = self._latest[key]
                change.version = change.before.version if change.before is not None else 0
            editor = AnswerEditor(self._store, assessment_id, self._own, self._catalog_version)
            outcome = editor.write_answer(
                key,
                write.value,
                expected=change.expected(self._own),
                keep_mine=keep_mine,
                note=write.note,
                evidence=write.evidence,
            )
            if outcome is not None:
                self._latest[key] = outcome.row if isinstance(outcome.row, SavedAnswer) else None
                if forward:
                    change.redone(outcome)
                else:
                    change.undone(outcome)
            read = self._read_ref()
            try:
                reading: object = read(assessment_id) if read is not None else None
            except StoreError as error:
                reading = error
            return _Written(outcome, reading)

        pending = self._pending.get(key)
        if pending is None:
            self._pending[key] = Pending(write.value)
        else:
            pending.value = write.value
            pending.writes += 1
        self.pending_changed.emit(key[0], key[1])
        self.queue.submit(
            write_now, lambda outcome: self._done(assessment_id, command, forward, outcome)
        )

    def _done(
        self, assessment_id: int, command: AnswerCommand, forward: bool, outcome: object
    ) -> None:
        if assessment_id != self.assessment_id:
            return  # another assessment was opened meanwhile
        change = command.change
        key = change.key
        pending = self._pending.get(key)
        if pending is not None:
            pending.writes -= 1
            if pending.writes <= 0:
                del self._pending[key]
        show = self._show_ref()
        reading = outcome.reading if isinstance(outcome, _Written) else None
        if show is not None and reading is not None and not isinstance(reading, StoreError):
            show(assessment_id, reading)
        self.pending_changed.emit(key[0], key[1])
        if isinstance(outcome, StoreError):
            self._put_back(change, forward, refused=True)
            message = store_error_text(outcome)  # the user's language
            self.failed.emit(message)
            self.not_written.emit(key[0], key[1], message)
            return
        assert isinstance(outcome, _Written)
        if outcome.outcome is None:
            self._put_back(change, forward, refused=False)
            self.saved.emit(self.tr("Kept your colleague's change"))
            return
        command.landed = True
        self.written.emit(key[0], key[1])
        self.saved.emit(
            self.tr("Saved %1 at %2")
            .replace("%1", key[0])
            .replace("%2", dt.datetime.now().strftime("%H:%M:%S"))
        )

    def _put_back(self, change: object, forward: bool, *, refused: bool) -> None:
        """Make the undo stack say what the store has after a step that was not written.

        A step refused by the store stays undoable (or redoable) and the stack
        moves back over it; a new answer that was never written, or a step
        that kept a colleague's change, leaves the stack.
        """
        stack = self._stack
        found = next(
            (
                (index, command)
                for index in range(stack.count())
                if isinstance(command := stack.command(index), AnswerCommand)
                and command.change is change
            ),
            None,
        )
        if found is None:
            return  # the stack was cleared meanwhile
        index, command = found
        drop = not refused or (forward and not command.landed)
        if drop:
            command.setObsolete(True)  # the stack deletes it without writing
        else:
            command.skip_next()
        if forward and index == stack.index() - 1:
            stack.undo()
        elif not forward and index == stack.index():
            stack.redo()
        elif not drop:
            # Steps were taken after it: the stack cannot move back over it alone.
            command.setObsolete(True)

    def wait(self) -> bool:
        """Let every write asked for finish (the window stays alive); False on timeout."""
        return self.queue.wait()
