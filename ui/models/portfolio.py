"""The portfolio table: one row per firm in rank order, the dimensions as a heat map.

Firms with too few answers to be ranked follow the ranked ones, marked "not ranked".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from readiness.domain.portfolio import Portfolio, PortfolioRow
from readiness.domain.rounding import percent, points
from readiness.domain.scoring import ReadinessLevel
from readiness.report.charts import score_colour
from ui.models.cells import SORT_ROLE, Index
from ui.theme import alert_colour
from ui.workspace import Workspace


class PortfolioModel(QAbstractTableModel):
    """One row per firm, in the portfolio's rank order; dimension scores as a heat map."""

    RANK, COMPANY, TITLE, SCORE, LEVEL, ANSWERED, PERCENTILE, BLOCKERS = range(8)
    FIXED = 8

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._dimensions = list(workspace.catalog.dimensions)
        self._rows: tuple[PortfolioRow, ...] = ()
        self._min_completeness = 0.0

    def set_portfolio(self, portfolio: Portfolio | None) -> None:
        """Show this portfolio's rows (none for None)."""
        self.beginResetModel()
        self._rows = portfolio.rows if portfolio is not None else ()
        self._min_completeness = portfolio.min_completeness if portfolio is not None else 0.0
        self.endResetModel()

    def row_at(self, row: int) -> PortfolioRow:
        """The firm shown in a (source) row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIXED + len(self._dimensions) + 1

    def dimension_at(self, column: int) -> str | None:
        """The dimension id shown in a column (None for the other columns)."""
        position = column - self.FIXED
        return self._dimensions[position] if 0 <= position < len(self._dimensions) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        fixed = [
            self.tr("#"),
            self.tr("Company"),
            self.tr("Assessment"),
            self.tr("Score"),
            self.tr("Level"),
            self.tr("Answered"),
            self.tr("Percentile"),
            self.tr("Blockers"),
        ]
        if section < self.FIXED:
            return fixed[section]
        dimension = self.dimension_at(section)
        if dimension is not None:
            return self._workspace.name(self._workspace.catalog.dimensions[dimension].name)
        return self.tr("Updated")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        dimension = self.dimension_at(column)
        score: float | None = None
        coloured = False
        if dimension is not None:
            score = row.dimensions.get(dimension)
            value: Any = -1.0 if score is None else score
            text = "-" if score is None else points(score)
            coloured = True
        elif column == self.RANK:
            # Firms with too few answers are listed after every ranked firm, unranked.
            value = row.rank if row.rank is not None else len(self._rows) + 1
            text = str(row.rank) if row.rank is not None else self.tr("not ranked")
        elif column == self.COMPANY:
            value = text = row.company
        elif column == self.TITLE:
            value = text = row.title
        elif column == self.SCORE:
            score = value = row.overall
            text = points(row.overall)
            coloured = True
        elif column == self.LEVEL:
            # Sorted by the portfolio's own ranking, which puts blocked firms last.
            value = row.rank if row.rank is not None else len(self._rows) + 1
            text = row.level.label.get(self._workspace.language)
        elif column == self.ANSWERED:
            value = row.completeness
            text = percent(row.completeness)
            if row.provisional:
                text += " " + self.tr("(provisional)")
        elif column == self.PERCENTILE:
            value = -1.0 if row.percentile is None else row.percentile
            text = "-" if row.percentile is None else points(row.percentile)
        elif column == self.BLOCKERS:
            value = len(row.blockers)
            text = ", ".join(row.blockers) or "-"
        else:
            value = row.updated_at.timestamp()
            text = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.BackgroundRole and coloured:
            return QBrush(QColor(score_colour(score)))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in (self.LEVEL, self.BLOCKERS) and row.level is ReadinessLevel.BLOCKED:
                return QBrush(alert_colour())
            if coloured:
                return QBrush(QColor("#1a1a1a"))  # readable on the light heat colours
        if role == Qt.ItemDataRole.TextAlignmentRole and (
            coloured or column in (self.RANK, self.ANSWERED, self.PERCENTILE)
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.BLOCKERS and row.blockers:
                items = self._workspace.catalog.all_items
                named = [b for b in row.blockers if b in items]
                return "\n".join(f"{b}: {self._workspace.name(items[b].text)}" for b in named)
            if column == self.RANK and row.rank is None:
                return self.tr("Not enough answers to be ranked: fewer than %1 answered").replace(
                    "%1", percent(self._min_completeness)
                )
            if column in (self.COMPANY, self.TITLE):
                return self.tr("Double-click to open this assessment")
        return None
