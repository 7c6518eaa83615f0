"""The comparison table: markets (rows) by dimensions (columns), as a heat map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from readiness.domain.scoring import ReadinessLevel
from readiness.report.charts import score_colour
from ui.models.cells import SORT_ROLE, Index
from ui.models.markets import MarketRowsModel
from ui.theme import alert_colour
from ui.workspace import Workspace


class ComparisonModel(MarketRowsModel):
    """Markets (rows) by dimensions (columns), with overall, level and completeness."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        self._dimensions = list(workspace.catalog.dimensions)
        super().__init__(workspace, parent)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._dimensions) + 3

    def dimension_at(self, column: int) -> str | None:
        """The dimension id shown in a column (None for the summary columns)."""
        return self._dimensions[column] if 0 <= column < len(self._dimensions) else None

    def market_at(self, row: int) -> str:
        """The market code shown in a row."""
        return self._codes[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._workspace.market_name(self._codes[section])
        dimension = self.dimension_at(section)
        if dimension is not None:
            return self._workspace.name(self._workspace.catalog.dimensions[dimension].name)
        return [self.tr("Overall"), self.tr("Level"), self.tr("Answered")][
            section - len(self._dimensions)
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        result = self._workspace.result
        if not index.isValid() or result is None:
            return None
        market = result.score.markets[self._codes[index.row()]]
        column = index.column()
        dimension = self.dimension_at(column)
        extra = column - len(self._dimensions)
        if dimension is not None:
            score = market.dimensions[dimension].score
            value: Any = score
            text = "-" if score is None else f"{score:.0f}"
        elif extra == 0:
            score = value = market.overall
            text = f"{market.overall:.0f}"
        elif extra == 1:
            score = None
            value = list(ReadinessLevel).index(market.level)
            text = market.level.label.get(self._workspace.language)
        else:
            score = None
            value = market.completeness
            text = f"{market.completeness:.0%}"
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return -1.0 if value is None else float(value)
        if role == Qt.ItemDataRole.BackgroundRole and (dimension is not None or extra == 0):
            return QBrush(QColor(score_colour(score)))
        if role == Qt.ItemDataRole.ForegroundRole:
            if extra == 1 and market.level is ReadinessLevel.BLOCKED:
                return QBrush(alert_colour())
            if dimension is not None or extra == 0:
                return QBrush(QColor("#1a1a1a"))  # readable on the light heat colours
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and dimension is not None:
            detail = market.dimensions[dimension]
            return (
                self.tr("%1 of %2 questions answered")
                .replace("%1", str(detail.answered))
                .replace("%2", str(detail.applicable))
            )
        return None
