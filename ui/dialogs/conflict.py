"""Asked when a colleague changed what the user is saving: keep yours or theirs?"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QMessageBox, QWidget

from readiness.domain.records import SavedAnswer
from readiness.storage.errors import ActionConflict, AnswerConflict


class ConflictDialog(QMessageBox):
    """Says who changed the answer or action, when and to what; the user picks a side."""

    def __init__(
        self,
        conflict: AnswerConflict | ActionConflict,
        what: str,
        mine: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed by a colleague"))
        self.setText(f"<b>{html.escape(what)}</b><br>{self._what_happened(conflict)}")
        self.setInformativeText(
            self.tr("Yours: %1. Keep yours (it replaces theirs) or theirs?").replace(
                "%1", f"“{html.escape(mine)}”"
            )
        )
        self.mine_button = self.addButton(self.tr("Keep mine"), QMessageBox.ButtonRole.AcceptRole)
        self.theirs_button = self.addButton(
            self.tr("Keep theirs"), QMessageBox.ButtonRole.RejectRole
        )
        # Escape or closing the window keeps what is already saved.
        self.setDefaultButton(self.theirs_button)
        self.setEscapeButton(self.theirs_button)

    def _what_happened(self, conflict: AnswerConflict | ActionConflict) -> str:
        theirs = conflict.theirs
        if theirs is None:
            return self.tr("A colleague removed this meanwhile.")
        who = html.escape(theirs.updated_by or self.tr("A colleague"))
        when = theirs.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if isinstance(theirs, SavedAnswer):
            what = html.escape(theirs.value)
        else:
            parts = [theirs.owner, str(theirs.due_date or ""), theirs.status]
            what = html.escape(", ".join(part for part in parts if part))
        return (
            self.tr("%1 changed this at %2 to %3.")
            .replace("%1", f"<b>{who}</b>")
            .replace("%2", when)
            .replace("%3", f"“{what}”")
        )

    def keeps_mine(self) -> bool:
        """Show the dialog; True when the user keeps their own change."""
        self.exec()
        return self.clickedButton() is self.mine_button


def ask_keep_mine(
    parent: QWidget, conflict: AnswerConflict | ActionConflict, what: str, mine: str
) -> bool:
    """The workspace's conflict resolver for a window."""
    return ConflictDialog(conflict, what, mine, parent).keeps_mine()
