"""The register of member firms as a table: company, assessments, archived since."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from readiness.domain.register import RegisteredCompany
from ui.models.cells import Index


class CompaniesModel(QAbstractTableModel):
    """One row per registered company; the row's :class:`RegisteredCompany` is its UserRole."""

    NAME, ASSESSMENTS, ARCHIVED = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[RegisteredCompany] = []

    def set_entries(self, entries: list[RegisteredCompany]) -> None:
        """Show these companies."""
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Company"), self.tr("Assessments"), self.tr("Archived")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return entry
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.ASSESSMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == self.NAME:
            return entry.company.name
        if index.column() == self.ASSESSMENTS:
            return str(entry.assessments)
        archived = entry.company.archived_at
        return archived.astimezone().strftime("%Y-%m-%d") if archived else ""
