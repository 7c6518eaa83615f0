"""One answer's history as a table: when, who, what the change did, value, note, evidence."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from readiness.domain.evidence import evidence_name
from readiness.domain.history import HistoryChange, HistoryEntry
from ui.models.cells import Index


class HistoryModel(QAbstractTableModel):
    """The changes of one answer, newest first; each row is one :class:`HistoryEntry`."""

    WHEN, WHO, CHANGE, VALUE, NOTE, EVIDENCE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        """Show these changes (newest first)."""
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            self.tr("When"),
            self.tr("Who"),
            self.tr("Change"),
            self.tr("Answer"),
            self.tr("Note"),
            self.tr("Evidence"),
        ][section]

    def change_text(self, entry: HistoryEntry) -> str:
        """What the change did, in the user's language."""
        if entry.change is HistoryChange.CLEARED:
            return self.tr("cleared")
        return self.tr("answered") if entry.before is None else self.tr("changed")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE:
            return entry.note or None  # the whole note, line breaks and all
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.WHEN:
            return entry.changed_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == self.WHO:
            return entry.changed_by or self.tr("(unknown)")
        if column == self.CHANGE:
            return self.change_text(entry)
        if column == self.VALUE:
            return entry.value or ""
        if column == self.NOTE:
            return " ".join(entry.note.split())
        return ", ".join(evidence_name(e) for e in entry.evidence)
