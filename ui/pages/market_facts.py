"""Market facts: for one target market, every sourced figure and how attractive it makes it.

The facts table shows each fact with value and unit, what it is of, the source,
the day it held and whether it was imported or shipped with the content; a
fact without a sourced value reads "No data". The factors table gives the
attractiveness factors, their scores and the weights used. From here the user
changes the weights (for this assessment) or imports a CSV of market data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness.content.documents import ContentError
from readiness.domain.rounding import points
from readiness.storage.errors import StoreError
from ui.custom_markets import generic_note
from ui.models.market_facts import FactorsModel, MarketFactsModel
from ui.theme import alert_colour
from ui.workspace import Workspace

# Problems listed in the message itself; the rest under Show Details.
SHOWN_PROBLEMS = 15


class MarketFactsPage(QWidget):
    """A market chooser, the market's facts, its attractiveness factors and weights."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marketFacts")
        self._workspace = workspace
        self.last_message: QMessageBox | None = None  # the last import's outcome
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Market:")))
        self.market = QComboBox()
        self.market.setAccessibleName(self.tr("Market whose facts are shown"))
        self.market.setMinimumContentsLength(18)
        self.market.currentIndexChanged.connect(self._market_chosen)
        bar.addWidget(self.market)
        bar.addStretch(1)
        self.weights_button = QPushButton(self.tr("Attractiveness weights…"))
        self.weights_button.clicked.connect(self.edit_weights)
        self.import_button = QPushButton(self.tr("Import market data…"))
        self.import_button.setToolTip(
            self.tr("Add or refresh facts from a CSV file with the columns of the bundled tables")
        )
        self.import_button.clicked.connect(self.import_market_data)
        bar.addWidget(self.weights_button)
        bar.addWidget(self.import_button)
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setObjectName("factsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.generic = QLabel()
        self.generic.setObjectName("genericProfileNote")
        self.generic.setTextFormat(Qt.TextFormat.PlainText)
        self.generic.setWordWrap(True)
        self.generic.setStyleSheet(f"color: {alert_colour().name()}")
        layout.addWidget(self.generic)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = MarketFactsModel(workspace, self)
        self.table = self._table(self.model, self.tr("Facts of the market"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MarketFactsModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        splitter.addWidget(self.table)
        self.factors = FactorsModel(workspace, self)
        self.factor_table = self._table(self.factors, self.tr("Attractiveness factors"))
        self.factor_table.horizontalHeader().setSectionResizeMode(
            FactorsModel.FACTS, QHeaderView.ResizeMode.Stretch
        )
        splitter.addWidget(self.factor_table)
        splitter.setSizes([420, 200])
        layout.addWidget(splitter, 1)
        self.weights_note = QLabel()
        self.weights_note.setObjectName("weightsNote")
        self.weights_note.setWordWrap(True)
        layout.addWidget(self.weights_note)
        workspace.result_changed.connect(self.reload)
        self.reload()

    def _table(self, model: MarketFactsModel | FactorsModel, name: str) -> QTableView:
        table = QTableView()
        table.setAccessibleName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        return table

    def reload(self) -> None:
        """Refill the market chooser and show the chosen market again."""
        result = self._workspace.result
        current = self.market.currentData()
        self.market.blockSignals(True)
        self.market.clear()
        for market in result.markets if result is not None else ():
            self.market.addItem(self._workspace.market_name(market.code), market.code)
        found = self.market.findData(current)
        self.market.setCurrentIndex(max(0, found))
        self.market.blockSignals(False)
        self._market_chosen()

    def show_market(self, code: str) -> None:
        """Show one target market's facts."""
        self.market.setCurrentIndex(max(0, self.market.findData(code)))

    def _market_chosen(self) -> None:
        code = self.market.currentData()
        code = str(code) if code is not None else None
        self.model.show_market(code)
        self.factors.show_market(code)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(MarketFactsModel.FACT, min(self.table.columnWidth(0), 340))
        self.factor_table.resizeColumnsToContents()
        result = self._workspace.result
        found = result.attractiveness.get(code) if result is not None and code else None
        if code is None:
            self.summary.clear()
        elif found is None or found.score is None:
            coverage = found.coverage if found is not None else 0.0
            self.summary.setText(
                self.tr("%1: no market data (facts cover %2% of the attractiveness weight)")
                .replace("%1", self._workspace.market_name(code))
                .replace("%2", points(coverage * 100))
            )
        else:
            oldest = found.oldest.isoformat() if found.oldest else "-"
            self.summary.setText(
                self.tr("%1: attractiveness %2 (facts cover %3% of the weight; oldest figure %4)")
                .replace("%1", self._workspace.market_name(code))
                .replace("%2", points(found.score))
                .replace("%3", points(found.coverage * 100))
                .replace("%4", oldest)
            )
        note = generic_note(self._workspace, code) if code else None
        self.generic.setText(note or "")
        self.generic.setVisible(note is not None)
        weights = result.weights if result is not None else {}
        self.weights_note.setText(
            self.tr("Weights used: %1").replace(
                "%1",
                ("、" if self._workspace.language == "zh" else ", ").join(
                    f"{self._workspace.name(factor.label)} {weight:g}"
                    for factor, weight in weights.items()
                ),
            )
        )

    def edit_weights(self) -> None:
        """Open the attractiveness weights of the open assessment."""
        from ui.dialogs.weights import WeightsDialog

        if self._workspace.result is not None:
            WeightsDialog(self._workspace, self).exec()

    def import_market_data(self) -> None:
        """Ask for a CSV of market facts and import it: every row, or none with the problems."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import market data"),
            str(Path.home()),
            self.tr("Market data (*.csv)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        """Import one CSV of market facts; say how many rows were saved, or why none was."""
        from readiness.services.market_data import import_market_data

        try:
            done = import_market_data(self._workspace.store, path, catalog=self._workspace.catalog)
        except ContentError as error:
            problems = [str(p) for p in error.problems] or [str(error)]
            shown = problems[:SHOWN_PROBLEMS]
            if len(problems) > SHOWN_PROBLEMS:
                more = len(problems) - SHOWN_PROBLEMS
                shown.append(self.tr("… and %1 more (see Show Details)").replace("%1", str(more)))
            self._tell(
                QMessageBox.Icon.Warning,
                self.tr("Nothing was imported from %1:\n%2")
                .replace("%1", path.name)
                .replace("%2", "\n".join(shown)),
                "\n".join(problems) if len(problems) > SHOWN_PROBLEMS else "",
            )
            return False
        except (OSError, StoreError) as error:
            self._tell(
                QMessageBox.Icon.Warning,
                self.tr("Nothing was imported: %1").replace("%1", str(error)),
            )
            return False
        self._workspace.refresh()
        lines = [
            self.tr("%1 rows saved for %2 (%3 replaced an earlier import).")
            .replace("%1", str(done.rows))
            .replace("%2", ", ".join(done.markets))
            .replace("%3", str(done.replaced))
        ]
        if done.unknown_markets:
            lines.append(
                self.tr("Saved for markets no assessment has yet: %1").replace(
                    "%1", ", ".join(done.unknown_markets)
                )
            )
        self._tell(QMessageBox.Icon.Information, "\n".join(lines))
        return True

    def _tell(self, icon: QMessageBox.Icon, text: str, details: str = "") -> None:
        box = QMessageBox(icon, self.tr("Import market data"), text, parent=self)
        box.setObjectName("marketDataMessage")
        if details:
            box.setDetailedText(details)
        box.open()
        self.last_message = box
