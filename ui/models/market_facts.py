"""One market's facts and attractiveness factors, as tables.

:class:`MarketFactsModel` lists every fact the catalog defines for the chosen
market: its value with unit, what it is of (the qualifier), its source, the day
it held and whether it was imported by the user or shipped with the content;
a fact nobody has a sourced value for reads "No data". :class:`FactorsModel`
lists the attractiveness factors with their 0-100 score ("No data" when the
market lacks the facts) and the weight used.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from readiness.content.facts import DEFINITIONS, FactKey, MarketFact, ValueKind
from readiness.domain.attractiveness import Factor, MarketAttractiveness
from readiness.domain.rounding import points
from ui.models.cells import SORT_ROLE, Index
from ui.workspace import Workspace

MUTED = QColor("#7f7f7f")


def unit_words(unit: str) -> str:
    """A fact's unit in the UI language ("" for facts without a unit)."""
    words = {
        "%": "%",
        "vehicles": QCoreApplication.translate("MarketFactsModel", "vehicles"),
        "score 1-5": QCoreApplication.translate("MarketFactsModel", "(score 1-5)"),
        "days": QCoreApplication.translate("MarketFactsModel", "days"),
        "nautical miles": QCoreApplication.translate("MarketFactsModel", "nautical miles"),
        "class 0-7": QCoreApplication.translate("MarketFactsModel", "(class 0-7)"),
    }
    return words.get(unit, "")


def value_text(fact: MarketFact) -> str:
    """A fact's value with its unit, in the UI language ("12.5%", "1,234,000 vehicles")."""
    kind = fact.definition.kind
    if kind is ValueKind.YES_NO:
        return (
            QCoreApplication.translate("MarketFactsModel", "yes")
            if fact.value == "yes"
            else QCoreApplication.translate("MarketFactsModel", "no")
        )
    if kind is ValueKind.SIDE:
        return (
            QCoreApplication.translate("MarketFactsModel", "right")
            if fact.value == "right"
            else QCoreApplication.translate("MarketFactsModel", "left")
        )
    if kind is not ValueKind.NUMBER:
        return (
            fact.value
            if fact.value != "none"
            else QCoreApplication.translate("MarketFactsModel", "none")
        )
    number = fact.number
    shown = fact.value if number is None else f"{number:,.10g}"
    unit = unit_words(fact.unit)
    if unit == "%":
        return f"{shown}%"
    return f"{shown} {unit}".strip()


class MarketFactsModel(QAbstractTableModel):
    """Every fact of one market (rows): fact, value, qualifier, source, as of, origin."""

    FACT, VALUE, QUALIFIER, SOURCE, AS_OF, ORIGIN = range(6)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._code: str | None = None
        self._rows: list[tuple[FactKey, MarketFact | None]] = []

    def show_market(self, code: str | None) -> None:
        """Show ``code``'s facts (None: nothing), re-read from the workspace's result."""
        self.beginResetModel()
        self._code = code
        result = self._workspace.result
        found = result.attractiveness.get(code) if result is not None and code else None
        facts = list(found.facts) if found is not None else []
        order = list(DEFINITIONS)
        facts.sort(key=lambda f: (order.index(f.fact), f.qualifier))
        have = {f.fact for f in facts}
        self._rows = [(f.fact, f) for f in facts] + [
            (key, None) for key in DEFINITIONS if key not in have and code is not None
        ]
        self.endResetModel()

    def fact_at(self, row: int) -> MarketFact | None:
        """The fact in a row (None for a fact without data)."""
        return self._rows[row][1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            self.tr("Fact"),
            self.tr("Value"),
            self.tr("Of"),
            self.tr("Source"),
            self.tr("As of"),
            self.tr("Origin"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, fact = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._text(key, fact, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if fact is None:
                return self.tr("No sourced value is known for this market")
            tip = fact.source.text()
            return f"{tip}\n{fact.note}" if fact.note else tip
        if role == Qt.ItemDataRole.ForegroundRole and fact is None:
            return QBrush(MUTED)
        return None

    def _text(self, key: FactKey, fact: MarketFact | None, column: int) -> str:
        if column == self.FACT:
            return self._workspace.name(DEFINITIONS[key].label)
        if fact is None:
            return self.tr("No data") if column == self.VALUE else ""
        if column == self.VALUE:
            return value_text(fact)
        if column == self.QUALIFIER:
            return fact.qualifier_in(self._workspace.language)
        if column == self.SOURCE:
            return fact.source.text()
        if column == self.AS_OF:
            return fact.as_of.isoformat()
        return self.tr("Imported") if fact.imported else self.tr("Bundled")


class FactorsModel(QAbstractTableModel):
    """The attractiveness factors of one market: score, weight and the facts behind each."""

    FACTOR, SCORE, WEIGHT, FACTS = range(4)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._found: MarketAttractiveness | None = None

    def show_market(self, code: str | None) -> None:
        """Show ``code``'s factors (None: nothing)."""
        self.beginResetModel()
        result = self._workspace.result
        self._found = result.attractiveness.get(code) if result is not None and code else None
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Factor)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [self.tr("Factor"), self.tr("Score"), self.tr("Weight"), self.tr("From")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        factor = list(Factor)[index.row()]
        result = self._workspace.result
        weight = result.weights.get(factor, 0.0) if result is not None else 0.0
        scored = self._found.factors.get(factor) if self._found is not None else None
        score = scored.score if scored is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(MUTED) if score is None else None
        column = index.column()
        if column == self.FACTOR:
            return self._workspace.name(factor.label)
        if column == self.SCORE:
            return self.tr("No data") if score is None else points(score)
        if column == self.WEIGHT:
            return f"{weight:g}"
        facts = scored.facts if scored is not None else ()
        return "; ".join(
            f"{self._workspace.name(f.definition.label)}: {value_text(f)}" for f in facts
        )
