"""The portfolio window: every company's readiness for one market, for a service platform.

Pick a market; the table ranks the firms whose assessments target it, the
chart shows their scores, a double-click opens a firm's assessment, and the
portfolio report is rendered by the ``readiness portfolio`` command in a
separate process, so the window stays responsive and the app and the command
line produce the same document. The ranking and every number come from
:mod:`readiness.domain.portfolio`.

Signals:
    open_requested(int): the user wants this assessment opened in the main window.
    report_written(str): a portfolio report was written to this path.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHideEvent,
    QPainter,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness.content.catalog import Catalog
from readiness.domain.portfolio import Portfolio, PortfolioRow
from readiness.domain.scoring import ReadinessLevel
from readiness.report.charts import PALETTE, score_colour
from readiness.report.fonts import MissingCJKFontError, require_cjk_font
from readiness.services.portfolio import build_portfolio, targeted_markets
from readiness.storage.errors import StoreError
from readiness.storage.store import Store
from ui.command_process import CommandRun
from ui.dialogs.pdf_preview import offer_pdf
from ui.theme import alert_colour
from ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CHART_LABEL_PIXELS = 220


class PortfolioModel(QAbstractTableModel):
    """One row per firm, in the portfolio's rank order; dimension scores as a heat map."""

    RANK, COMPANY, TITLE, SCORE, LEVEL, ANSWERED, BLOCKERS = range(7)
    FIXED = 7

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._dimensions = list(workspace.catalog.dimensions)
        self._rows: tuple[PortfolioRow, ...] = ()

    def set_portfolio(self, portfolio: Portfolio | None) -> None:
        """Show this portfolio's rows (none for None)."""
        self.beginResetModel()
        self._rows = portfolio.rows if portfolio is not None else ()
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
            text = "-" if score is None else f"{score:.0f}"
            coloured = True
        elif column == self.RANK:
            value, text = row.rank, str(row.rank)
        elif column == self.COMPANY:
            value = text = row.company
        elif column == self.TITLE:
            value = text = row.title
        elif column == self.SCORE:
            score = value = row.overall
            text = f"{row.overall:.0f}"
            coloured = True
        elif column == self.LEVEL:
            # Sorted by the portfolio's own ranking, which puts blocked firms last.
            value = row.rank
            text = row.level.label.get(self._workspace.language)
        elif column == self.ANSWERED:
            value = row.completeness
            text = f"{row.completeness:.0%}"
            if row.provisional:
                text += " " + self.tr("(provisional)")
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
            coloured or column in (self.RANK, self.ANSWERED)
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.BLOCKERS and row.blockers:
                items = self._workspace.catalog.all_items
                named = [b for b in row.blockers if b in items]
                return "\n".join(f"{b}: {self._workspace.name(items[b].text)}" for b in named)
            if column in (self.COMPANY, self.TITLE):
                return self.tr("Double-click to open this assessment")
        return None


class _BuildRelay(QObject):
    """Carries a finished build back to the UI thread (a queued signal)."""

    built = Signal(int, object)  # generation, the Portfolio or the StoreError


class _PortfolioBuild(QRunnable):
    """Builds one market's portfolio off the UI thread."""

    def __init__(
        self, store: Store, catalog: Catalog, code: str, generation: int, relay: _BuildRelay
    ) -> None:
        super().__init__()
        self._store = store
        self._catalog = catalog
        self._code = code
        self._generation = generation
        self._relay = relay

    def run(self) -> None:
        try:
            outcome: Portfolio | StoreError = build_portfolio(
                self._store, self._catalog, self._code, overview=False
            )
        except StoreError as error:
            outcome = error
        self._relay.built.emit(self._generation, outcome)


class PortfolioWindow(QWidget):
    """Compare the firms in the database for one market, and print the portfolio report."""

    open_requested = Signal(int)
    report_written = Signal(str)
    loaded = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("portfolioWindow")
        self.setWindowTitle(self.tr("Portfolio of companies"))
        self.resize(1240, 820)
        self._workspace = workspace
        self.portfolio: Portfolio | None = None
        self.loading = False
        self._generation = 0
        # No parent: a build still running when the window closes must not emit
        # into a deleted object (the worker keeps the relay alive).
        self._relay = _BuildRelay()
        self._relay.built.connect(self._built)
        self._output: Path | None = None
        self._stale = False
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        market_label = QLabel(self.tr("&Market:"))
        self.market = QComboBox()
        self.market.setObjectName("portfolioMarket")
        self.market.setAccessibleName(self.tr("Market to compare the companies for"))
        self.market.setMinimumWidth(200)
        market_label.setBuddy(self.market)
        self.market.currentIndexChanged.connect(lambda _index: self.reload())
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.setToolTip(self.tr("Read the latest answers of every company again"))
        refresh.clicked.connect(self.refresh)
        top.addWidget(market_label)
        top.addWidget(self.market)
        top.addWidget(refresh)
        top.addStretch(1)
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if workspace.language == "zh" else 1)
        self.language.setAccessibleName(self.tr("Report language"))
        top.addWidget(QLabel(self.tr("Report language:")))
        top.addWidget(self.language)
        self.print_button = QPushButton(self.tr("&Print portfolio report…"))
        self.print_button.setObjectName("printPortfolio")
        self.print_button.clicked.connect(lambda: self.print_report())
        top.addWidget(self.print_button)
        layout.addLayout(top)

        self.summary = QLabel()
        self.summary.setObjectName("portfolioSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        layout.addWidget(self.summary)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = PortfolioModel(workspace, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("portfolioTable")
        self.table.setAccessibleName(self.tr("Companies ranked by readiness"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PortfolioModel.RANK, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(44)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.splitter.addWidget(self.table)

        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.splitter.addWidget(self.chart_view)
        self.splitter.setSizes([380, 320])
        layout.addWidget(self.splitter, 1)

        bottom = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("portfolioStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        bottom.addWidget(self.progress)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)

        self._run = CommandRun(self)
        self._run.ticked.connect(self._tick)
        self._run.ended.connect(self._reset)
        self._run.succeeded.connect(self._succeeded)
        self._run.failed.connect(self._failed)
        self._run.not_started.connect(
            lambda: self.status.setText(self.tr("The report renderer could not be started."))
        )
        self.refresh()

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the markets and the chosen market's portfolio from the store."""
        chosen = self.market.currentData()
        self.market.blockSignals(True)
        self.market.clear()
        try:
            options = targeted_markets(self._workspace.store, self._workspace.catalog)
        except StoreError as error:
            options = ()
            self.status.setText(str(error))
        for option in options:
            self.market.addItem(f"{self._workspace.name(option.name)} ({option.code})", option.code)
        position = self.market.findData(chosen) if chosen is not None else -1
        self.market.setCurrentIndex(max(position, 0) if options else -1)
        self.market.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Compute the chosen market's portfolio on a worker thread, then show it.

        Dozens of firms on a distant server take a while to read: the window
        stays responsive and says it is working; ``loaded`` follows.
        """
        code = self.market.currentData()
        self._generation += 1
        if code is None:
            self._show(None)
            return
        self.loading = True
        self.status.setText(self.tr("Reading every company's answers…"))
        QThreadPool.globalInstance().start(
            _PortfolioBuild(
                self._workspace.store,
                self._workspace.catalog,
                str(code),
                self._generation,
                self._relay,
            )
        )

    def _built(self, generation: int, outcome: object) -> None:
        if generation != self._generation:
            return  # the market changed meanwhile; a newer build is on its way
        if isinstance(outcome, StoreError):
            self.status.setText(str(outcome))
            self._show(None)
            return
        assert isinstance(outcome, Portfolio)
        self.status.clear()
        self._show(outcome)

    def _show(self, portfolio: Portfolio | None) -> None:
        self.loading = False
        self.portfolio = portfolio
        self.model.set_portfolio(portfolio)
        self.table.resizeColumnsToContents()
        for column, widest in (
            (PortfolioModel.COMPANY, 260),
            (PortfolioModel.TITLE, 220),
            (PortfolioModel.BLOCKERS, 180),
        ):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self._draw_chart()
        self._summarise()
        self.print_button.setEnabled(portfolio is not None and bool(portfolio.rows))
        self.loaded.emit()

    def _summarise(self) -> None:
        portfolio = self.portfolio
        if portfolio is None or not portfolio.rows:
            self.summary.setText(
                self.tr("No assessment targets a market yet. Create assessments first.")
            )
            return
        levels = portfolio.levels
        ready = levels[ReadinessLevel.READY] + levels[ReadinessLevel.ADVANCED]
        text = (
            self.tr("%1 companies · average readiness %2 · %3 ready or better · %4 blocked")
            .replace("%1", str(portfolio.firms))
            .replace("%2", f"{portfolio.average:.0f}")
            .replace("%3", str(ready))
            .replace("%4", str(portfolio.blocked))
        )
        if portfolio.superseded:
            text += " · " + self.tr("%1 older assessments not counted").replace(
                "%1", str(len(portfolio.superseded))
            )
        self.summary.setText(text)

    def _draw_chart(self) -> None:
        # A fresh chart each time: a removed category axis leaves its labels on screen.
        old = self.chart
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view.setChart(self.chart)
        old.deleteLater()
        portfolio = self.portfolio
        self.chart.setTitle(
            self.tr("Readiness for %1 by company").replace(
                "%1", self._workspace.name(portfolio.name)
            )
            if portfolio is not None
            else ""
        )
        if portfolio is None or not portfolio.rows:
            return
        # Readiest at the top: a horizontal bar chart draws its first category at the bottom.
        rows = list(reversed(portfolio.rows))
        metrics = QFontMetrics(self.chart.font())
        # Axis labels are drawn as rich text: a company name is escaped to show as typed.
        # The rank makes every label unique, as the axis needs, even for equal names.
        categories = [
            html.escape(
                metrics.elidedText(
                    f"{row.rank}. {row.company}", Qt.TextElideMode.ElideRight, CHART_LABEL_PIXELS
                )
            )
            for row in rows
        ]
        clear = QBarSet(self.tr("No blockers"))
        clear.setColor(QColor(PALETTE[0]))
        blocked = QBarSet(self.tr("Blocked"))
        blocked.setColor(alert_colour())
        for row in rows:
            clear.append(0.0 if row.blockers else row.overall)
            blocked.append(row.overall if row.blockers else 0.0)
        series = QHorizontalStackedBarSeries()
        series.append(clear)
        series.append(blocked)
        series.setLabelsVisible(False)
        self.chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append(categories)
        values = QValueAxis()
        values.setRange(0, 100)
        values.setTickCount(5)
        values.setLabelFormat("%d")
        self.chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        series.attachAxis(values)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def showEvent(self, event: QShowEvent) -> None:
        # Answers may have changed in the main window while this one was closed.
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self._stale = True
        super().hideEvent(event)

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        self.open_requested.emit(row.assessment_id)

    # --- the report -----------------------------------------------------------------------

    def arguments(self, out: Path) -> list[str]:
        """The ``readiness portfolio`` arguments for the chosen market and language."""
        assert self.portfolio is not None
        return [
            "--db",
            self._workspace.store.location,
            "--market",
            self.portfolio.market,
            "--lang",
            str(self.language.currentData()),
            "--out",
            str(out),
        ]

    def print_report(self, out: Path | None = None) -> None:
        """Ask where to save (unless ``out`` is given), then render in a separate process."""
        if self.portfolio is None or not self.portfolio.rows or self.is_running():
            return
        try:
            require_cjk_font()
        except MissingCJKFontError as error:
            QMessageBox.warning(self, self.tr("No Chinese font"), str(error))
            return
        if out is None:
            default = Path.home() / f"portfolio {self.portfolio.market}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the portfolio report"), str(default), "PDF (*.pdf)"
            )
            if not path:
                return
            out = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        self._output = out
        self.print_button.setEnabled(False)
        self.progress.show()
        self.cancel_button.show()
        self.status.setText(self.tr("Laying out the portfolio report…"))
        self._run.start(self._workspace.store, ["portfolio", *self.arguments(out)])

    def is_running(self) -> bool:
        """Whether a report is being rendered."""
        return self._run.is_running()

    def cancel(self) -> None:
        """Stop the render; nothing is written."""
        if self._run.cancel():
            self._reset()
            self.status.setText(self.tr("Cancelled; nothing was written."))

    def _tick(self, seconds: int) -> None:
        self.status.setText(
            self.tr("Laying out the portfolio report… %1 s").replace("%1", str(seconds))
        )

    def _reset(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.print_button.setEnabled(self.portfolio is not None and bool(self.portfolio.rows))

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("The portfolio report could not be made."))
        QMessageBox.warning(
            self,
            self.tr("Report failed"),
            self.tr("The portfolio report could not be made:\n%1").replace(
                "%1", message.strip() or self.tr("unknown error")
            ),
        )

    def _succeeded(self) -> None:
        assert self._output is not None
        self.status.setText(self.tr("Saved %1").replace("%1", str(self._output)))
        self.report_written.emit(str(self._output))
        self._offer(self._output)

    def _offer(self, path: Path) -> None:
        offer_pdf(
            self, path, self.tr("The portfolio report was saved to %1.").replace("%1", str(path))
        )
