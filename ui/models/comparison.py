"""The comparison table: markets (rows) by dimensions (columns), as a heat map.

After the dimensions come the summary columns: overall readiness, level, share
answered, the confidence of the score, the market's attractiveness on its
facts, and the earliest realistic entry the plan allows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from readiness.domain.rounding import percent, points
from readiness.domain.scoring import ConfidenceBand, ReadinessLevel
from readiness.report.charts import score_colour
from ui.models.cells import SORT_ROLE, Index
from ui.models.markets import MarketRowsModel
from ui.scores import score_text
from ui.theme import alert_colour
from ui.workspace import Workspace

# The summary columns after the dimensions, in order.
OVERALL, LEVEL, ANSWERED, CONFIDENCE, ATTRACTIVENESS, EARLIEST = range(6)


class ComparisonModel(MarketRowsModel):
    """Markets (rows) by dimensions (columns), then overall, level, completeness,
    confidence, attractiveness and earliest entry."""

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        self._dimensions = list(workspace.catalog.dimensions)
        super().__init__(workspace, parent)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._dimensions) + 6

    def summary_column(self, which: int) -> int:
        """The column of a summary (``OVERALL``, ``CONFIDENCE``...)."""
        return len(self._dimensions) + which

    def dimension_at(self, column: int) -> str | None:
        """The dimension id shown in a column (None for the summary columns)."""
        return self._dimensions[column] if 0 <= column < len(self._dimensions) else None

    def market_at(self, row: int) -> str:
        """The market code shown in a row."""
        return self._codes[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            return self._workspace.market_name(self._codes[section])
        dimension = self.dimension_at(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                None
                if dimension is not None
                else self._header_tips()[section - len(self._dimensions)]
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if dimension is not None:
            return self._workspace.name(self._workspace.catalog.dimensions[dimension].name)
        return [
            self.tr("Overall"),
            self.tr("Level"),
            self.tr("Answered"),
            self.tr("Confidence"),
            self.tr("Attractiveness"),
            self.tr("Earliest entry"),
        ][section - len(self._dimensions)]

    def _header_tips(self) -> list[str]:
        return [
            self.tr("Overall readiness, 0-100; ≈ marks a score resting mostly on don't-knows"),
            self.tr("Readiness level, or Blocked when a critical question fails"),
            self.tr("Share of the questions that apply to the market that are answered"),
            self.tr(
                "How far the score can be relied on: the share of questions answered with "
                "something other than don't know (high from 80%, medium from 50%)"
            ),
            self.tr(
                "How attractive the market is on its sourced facts (size, growth, duties, "
                "logistics, distance, risk), 0-100; no data when too few facts are known"
            ),
            self.tr(
                "The earliest realistic entry: when every action needed before entry can be "
                "finished, each after what it needs"
            ),
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
            text = "-" if score is None else points(score)
        elif extra == OVERALL:
            score = value = market.overall
            text = score_text(market, self._workspace.language)
        else:
            score = None
            value, text = self._summary(extra, self._codes[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return -1.0 if value is None else float(value)
        if role == Qt.ItemDataRole.BackgroundRole and (dimension is not None or extra == OVERALL):
            return QBrush(QColor(score_colour(score)))
        if role == Qt.ItemDataRole.ForegroundRole:
            if extra == LEVEL and market.level is ReadinessLevel.BLOCKED:
                return QBrush(alert_colour())
            if extra == CONFIDENCE and market.confidence_band is ConfidenceBand.LOW:
                return QBrush(alert_colour())
            if dimension is not None or extra == OVERALL:
                return QBrush(QColor("#1a1a1a"))  # readable on the light heat colours
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(index.row(), dimension, extra)
        return None

    def _summary(self, extra: int, code: str) -> tuple[Any, str]:
        """The sort value and text of a summary cell other than the overall score."""
        result = self._workspace.result
        assert result is not None
        market = result.score.markets[code]
        language = self._workspace.language
        if extra == LEVEL:
            return list(ReadinessLevel).index(market.level), market.level.label.get(language)
        if extra == ANSWERED:
            return market.completeness, percent(market.completeness)
        if extra == CONFIDENCE:
            # Under the "Confidence" header the band in a word, but a low one in full:
            # a score resting on don't-knows always says so in so many words.
            words = {
                ConfidenceBand.HIGH: self.tr("High"),
                ConfidenceBand.MEDIUM: self.tr("Medium"),
                ConfidenceBand.LOW: ConfidenceBand.LOW.label.get(language),
            }
            return market.confidence, words[market.confidence_band]
        if extra == ATTRACTIVENESS:
            found = result.attractiveness.get(code)
            if found is None or found.score is None:
                return None, self.tr("no data")
            return found.score, points(found.score)
        schedule = result.plan.markets.get(code)
        if schedule is None:
            return None, "-"
        entry = schedule.earliest_entry
        return float(entry.toordinal()), entry.isoformat()

    def _tip(self, row: int, dimension: str | None, extra: int) -> str | None:
        result = self._workspace.result
        assert result is not None
        code = self._codes[row]
        market = result.score.markets[code]
        if dimension is not None:
            detail = market.dimensions[dimension]
            return (
                self.tr("%1 of %2 questions answered")
                .replace("%1", str(detail.answered))
                .replace("%2", str(detail.applicable))
            )
        if extra == CONFIDENCE or (
            extra == OVERALL and market.confidence_band is ConfidenceBand.LOW
        ):
            share = points(market.confidence * 100)
            return self.tr(
                "%1% of the questions answered with something other than don't know"
            ).replace("%1", share)
        if extra == ATTRACTIVENESS:
            found = result.attractiveness.get(code)
            coverage = found.coverage if found is not None else 0.0
            return self.tr("Facts cover %1% of the attractiveness weight").replace(
                "%1", points(coverage * 100)
            )
        return self._header_tips()[extra]
