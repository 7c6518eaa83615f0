"""The open assessment's target markets: rows shared by the market tables, and the markets list.

Each model reads the workspace's current :class:`AssessmentResult` and resets
when it changes. Edits go back through the workspace, never to the store.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QObject, Qt

from ui.custom_markets import generic_note, generic_tag
from ui.models.cells import Index, qdate
from ui.workspace import Workspace


class MarketRowsModel(QAbstractTableModel):
    """One row per target market of the open assessment, reset when the result changes."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._codes: list[str] = []
        workspace.result_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Re-read the markets from the workspace's result."""
        self.beginResetModel()
        result = self._workspace.result
        self._codes = [m.code for m in result.markets] if result else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codes)


class MarketsModel(MarketRowsModel):
    """The target markets with their region and planned entry date (editable)."""

    NAME, CODE, REGION, ENTRY = range(4)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Market"), self.tr("Code"), self.tr("Region"), self.tr("Planned entry")][
            section
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        result = self._workspace.result
        if not index.isValid() or result is None:
            return None
        code = self._codes[index.row()]
        market = next(m for m in result.markets if m.code == code)
        catalog = self._workspace.catalog
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return self._workspace.market_name(code)
            if column == self.CODE:
                return code
            if column == self.REGION:
                generic = generic_tag(self._workspace, code)
                if generic is not None:
                    return generic
                tags = sorted(catalog.region_tags(code, market.custom_region))
                return ", ".join(
                    self._workspace.name(catalog.regions[t].name)
                    for t in tags
                    if t in catalog.regions
                )
            if market.planned_entry is None:
                return QDate() if role == Qt.ItemDataRole.EditRole else self.tr("not set")
            if role == Qt.ItemDataRole.EditRole:
                return qdate(market.planned_entry)
            return market.planned_entry.isoformat()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REGION:
            return generic_note(self._workspace, code)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.ENTRY:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.ENTRY:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        if value is not None and not isinstance(value, QDate):
            return False
        day: dt.date | None = None
        if value is not None and value.isValid():
            # A valid QDate can still lie outside Python's years 1-9999.
            try:
                converted = value.toPython()
            except ValueError:
                return False
            if not isinstance(converted, dt.date):
                return False
            day = converted
        self._workspace.set_planned_entry(self._codes[index.row()], day)
        return True
