"""Answer changes on the undo stack: a thin Qt wrapper over the core's :class:`AnswerChange`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from readiness.services.editing import AnswerChange

# Asks for the write of one step of a command: forward (redo) or back (undo).
# The write runs later, off the UI thread (see ui.answer_saves).
AnswerRunner = Callable[["AnswerCommand", bool], None]


class AnswerCommand(QUndoCommand):
    """One answer change, undoable.

    What redo and undo write, and over which version, is the core's
    :class:`AnswerChange`. Redo and undo only ask for the write; when it turns
    out not to have been written, the workspace puts the stack back (see
    :meth:`skip_next`) or drops the command (``setObsolete``).
    """

    def __init__(self, run: AnswerRunner, change: AnswerChange, text: str, what: str) -> None:
        super().__init__(text)
        self._run = run
        self.change = change
        self.what = what  # the question and market, for a conflict's question
        self.started = False  # whether a write of this change was ever asked for
        self.landed = False  # whether one was ever written
        self._skip = False

    def skip_next(self) -> None:
        """Let the next redo or undo move the stack without writing.

        For a step whose write failed: the stack goes back to where the store is.
        """
        self._skip = True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self, True)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self, False)
