"""Asked when a colleague changed what the user is saving: keep yours or theirs?

Both sides are shown in full (an answer's value, note and evidence), so keeping
yours never discards a colleague's note or file the user did not see.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QMessageBox, QWidget

from readiness.domain.evidence import evidence_name
from readiness.domain.records import SavedAnswer
from readiness.services.editing import MyChange
from readiness.storage.errors import ActionConflict, AnswerConflict


def _cell(text: str) -> str:
    return html.escape(text).replace("\n", "<br>") if text else "-"


class ConflictDialog(QMessageBox):
    """Says who changed the answer or action, when and to what; shows both sides; the user
    picks one."""

    def __init__(
        self,
        conflict: AnswerConflict | ActionConflict,
        what: str,
        mine: MyChange | str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed by a colleague"))
        self.setText(f"<b>{html.escape(what)}</b><br>{self._what_happened(conflict)}")
        question = self.tr("Yours: %1. Keep yours (it replaces theirs) or theirs?").replace(
            "%1", f"“{html.escape(str(mine))}”"
        )
        self.sides = self._sides(conflict, mine)
        self.setInformativeText(f"{question}{self.sides}")
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

    def _sides(self, conflict: AnswerConflict | ActionConflict, mine: MyChange | str) -> str:
        """Theirs and yours side by side, field by field, in full (an HTML table)."""
        theirs = conflict.theirs
        if theirs is None:
            return ""
        rows: list[tuple[str, str, str | None]]
        if not isinstance(theirs, SavedAnswer):
            # An action: their whole row, note included; yours is the line above.
            rows = [
                (self.tr("Owner"), theirs.owner, None),
                (self.tr("Due"), str(theirs.due_date or ""), None),
                (self.tr("Status"), theirs.status, None),
                (self.tr("Note"), theirs.note, None),
            ]
        else:
            kept = mine.applied_to(theirs) if isinstance(mine, MyChange) else None
            cleared = isinstance(mine, MyChange) and kept is None
            value, note, files = kept if kept is not None else ("", "", [])
            if not isinstance(mine, MyChange):
                value = str(mine)
            no_answer = self.tr("no answer")
            rows = [
                (self.tr("Answer"), theirs.value, no_answer if cleared else value),
                (self.tr("Note"), theirs.note, "" if cleared else note),
                (
                    self.tr("Evidence"),
                    ", ".join(evidence_name(e) for e in theirs.evidence),
                    ", ".join(evidence_name(e) for e in files),
                ),
            ]
        who = html.escape(theirs.updated_by or self.tr("A colleague"))
        # Words for the catalogue outside the f-strings, where lupdate finds them.
        their_side = self.tr("Theirs (%1)").replace("%1", who)
        your_side = self.tr("Yours")
        header = (
            f"<tr><th></th><th align='left'>{their_side}</th>"
            + (f"<th align='left'>{your_side}</th>" if rows[0][2] is not None else "")
            + "</tr>"
        )
        body = "".join(
            f"<tr><td><b>{html.escape(label)}</b></td><td>{_cell(their)}</td>"
            + (f"<td>{_cell(your)}</td>" if your is not None else "")
            + "</tr>"
            for label, their, your in rows
        )
        return f"<table cellspacing='6'>{header}{body}</table>"

    def keeps_mine(self) -> bool:
        """Show the dialog; True when the user keeps their own change."""
        self.exec()
        return self.clickedButton() is self.mine_button


def ask_keep_mine(
    parent: QWidget, conflict: AnswerConflict | ActionConflict, what: str, mine: MyChange | str
) -> bool:
    """The workspace's conflict resolver for a window."""
    return ConflictDialog(conflict, what, mine, parent).keeps_mine()
