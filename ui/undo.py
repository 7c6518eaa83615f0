"""Answer changes on the undo stack: a thin Qt wrapper over the core's :class:`AnswerChange`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from readiness.domain.scoring import AnswerKey
from readiness.services.editing import AnswerChange, AnswerWrite, OwnVersions, SaveOutcome

# Writes one answer over a version; None when nothing was written.
AnswerWriter = Callable[[AnswerKey, AnswerWrite, int], SaveOutcome | None]


class AnswerCommand(QUndoCommand):
    """One answer change, undoable.

    What redo and undo write, and over which version, is the core's
    :class:`AnswerChange`; a change that was not written drops off the stack.
    """

    def __init__(
        self, write: AnswerWriter, own: OwnVersions, change: AnswerChange, text: str
    ) -> None:
        super().__init__(text)
        self._write = write
        self._own = own
        self._change = change

    def redo(self) -> None:
        change = self._change
        outcome = self._write(change.key, change.redo_write(), change.expected(self._own))
        if outcome is None:
            # Not written (refused, or a colleague's answer was kept): nothing to undo.
            self.setObsolete(True)
            return
        change.redone(outcome)

    def undo(self) -> None:
        change = self._change
        outcome = self._write(change.key, change.undo_write(), change.expected(self._own))
        if outcome is None:
            self.setObsolete(True)
            return
        change.undone(outcome)
