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

from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import (
    QHideEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness.content.catalog import Catalog
from readiness.domain.benchmarks import DEFAULT_MIN_COMPLETENESS
from readiness.domain.portfolio import Portfolio
from readiness.domain.rounding import percent, points
from readiness.domain.scoring import ReadinessLevel
from readiness.report.fonts import MissingCJKFontError, require_cjk_font
from readiness.services.portfolio import build_portfolio, targeted_markets
from readiness.storage.errors import StoreError
from ui.dialogs.pdf_preview import offer_pdf
from ui.dialogs.portfolio_chart import PortfolioChart
from ui.dialogs.portfolio_cover import PortfolioCover
from ui.dialogs.portfolio_progress import PortfolioProgress
from ui.dialogs.report_render import RenderTexts, ReportRender
from ui.models.cells import SORT_ROLE
from ui.models.portfolio import PortfolioModel
from ui.store_read import StoreRead, StoreRelay
from ui.workspace import Workspace

MINIMUM_SETTING = "portfolio/minCompleteness"  # the remembered minimum, in percent


def _write_workbook(portfolio: Portfolio, catalog: Catalog, out: Path, language: str) -> object:
    # A failed write comes back as its message, shown in the window's status line.
    from readiness.exchange.portfolio_sheet import write_portfolio_workbook  # openpyxl: on use

    try:
        return write_portfolio_workbook(portfolio, catalog, out, language=language)
    except OSError as error:
        return f"{out}: {error.strerror or error}"


class PortfolioWindow(QWidget):
    """Compare the firms in the database for one market, and print the portfolio report."""

    open_requested = Signal(int)
    report_written = Signal(str)
    loaded = Signal()
    exported = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("portfolioWindow")
        self.setWindowTitle(self.tr("Portfolio of companies"))
        self.resize(1240, 820)
        self._workspace = workspace
        self.portfolio: Portfolio | None = None
        self.loading = False
        self._generation = 0
        self._relay = StoreRelay()
        self._relay.done.connect(self._built)
        self._export_relay = StoreRelay()
        self._export_relay.done.connect(self._exported)
        self.cover = PortfolioCover(self)
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

        tools = QHBoxLayout()
        minimum_label = QLabel(self.tr("Rank firms with at &least"))
        self.minimum = QSpinBox()
        self.minimum.setObjectName("portfolioMinimum")
        self.minimum.setRange(0, 100)
        self.minimum.setSuffix(" %")
        self.minimum.setAccessibleName(self.tr("Minimum share answered to be ranked"))
        self.minimum.setToolTip(
            self.tr("Firms that answered less are listed after the ranking as not ranked")
        )
        stored = QSettings().value(MINIMUM_SETTING, round(DEFAULT_MIN_COMPLETENESS * 100))
        self.minimum.setValue(int(str(stored)) if str(stored).isdigit() else 60)
        minimum_label.setBuddy(self.minimum)
        self.minimum.valueChanged.connect(self._minimum_changed)
        tools.addWidget(minimum_label)
        tools.addWidget(self.minimum)
        tools.addWidget(QLabel(self.tr("of the questions answered")))
        tools.addStretch(1)
        self.progress_button = QPushButton(self.tr("Pro&gress…"))
        self.progress_button.setObjectName("portfolioProgressButton")
        self.progress_button.setToolTip(
            self.tr("Who has not started, who is stuck, and the gaps most firms share")
        )
        self.progress_button.clicked.connect(lambda: self.show_progress())
        tools.addWidget(self.progress_button)
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.setObjectName("exportPortfolio")
        self.export_button.clicked.connect(lambda: self.export())
        tools.addWidget(self.export_button)
        layout.addLayout(tools)

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

        self.chart_view = PortfolioChart(workspace)
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

        texts = RenderTexts(
            working=self.tr("Laying out the portfolio report…"),
            ticking=self.tr("Laying out the portfolio report… %1 s"),
            failed=self.tr("The portfolio report could not be made."),
            failure=self.tr("The portfolio report could not be made:\n%1"),
        )
        self._render = ReportRender(self, self.status, self.progress, texts)
        self._render.ended.connect(self._reset)
        self._render.written.connect(self._written)
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
        build = partial(
            build_portfolio,
            self._workspace.store,
            self._workspace.catalog,
            str(code),
            overview=False,
            min_completeness=self.minimum.value() / 100,
        )
        QThreadPool.globalInstance().start(StoreRead(build, self._generation, self._relay))

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
        self.chart_view.draw(portfolio)
        self._summarise()
        for button in (self.print_button, self.progress_button, self.export_button):
            button.setEnabled(portfolio is not None and bool(portfolio.rows))
        self.loaded.emit()

    def _minimum_changed(self, value: int) -> None:
        QSettings().setValue(MINIMUM_SETTING, value)
        self.reload()

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
            .replace("%2", points(portfolio.average))
            .replace("%3", str(ready))
            .replace("%4", str(portfolio.blocked))
        )
        text += " · " + (
            self.tr("%1 ranked (at least %2 answered), %3 with not enough answers")
            .replace("%1", str(len(portfolio.ranked)))
            .replace("%2", percent(portfolio.min_completeness))
            .replace("%3", str(len(portfolio.unranked)))
        )
        if portfolio.superseded:
            text += " · " + self.tr("%1 older assessments not counted").replace(
                "%1", str(len(portfolio.superseded))
            )
        self.summary.setText(text)

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
            "--min-completeness",
            str(self.minimum.value()),
            "--out",
            str(out),
            *self.cover.arguments(),
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
            # The cover and the choice to anonymise first; then where to save.
            if self.cover.exec() != QDialog.DialogCode.Accepted:
                return
            default = Path.home() / (
                self.tr("portfolio %1").replace("%1", self.portfolio.market) + ".pdf"
            )
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the portfolio report"), str(default), "PDF (*.pdf)"
            )
            if not path:
                return
            out = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        self.print_button.setEnabled(False)
        self.cancel_button.show()
        self._render.start(self._workspace.store, ["portfolio", *self.arguments(out)], out)

    # --- progress and export ---------------------------------------------------------------

    def show_progress(self) -> PortfolioProgress | None:
        """Show who has not started, who is stuck and the common gaps, for this market."""
        if self.portfolio is None or not self.portfolio.rows:
            return None
        dialog = PortfolioProgress(self._workspace, self.portfolio, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def export(self, out: Path | None = None) -> None:
        """Write the portfolio shown to an Excel workbook, off the UI thread."""
        portfolio = self.portfolio
        if portfolio is None or not portfolio.rows:
            return
        if out is None:
            default = Path.home() / (
                self.tr("portfolio %1").replace("%1", portfolio.market) + ".xlsx"
            )
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the portfolio"), str(default), "Excel (*.xlsx)"
            )
            if not path:
                return
            out = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Writing the workbook…"))
        write = partial(
            _write_workbook,
            portfolio,
            self._workspace.catalog,
            out,
            str(self.language.currentData()),
        )
        QThreadPool.globalInstance().start(StoreRead(write, 0, self._export_relay))

    def _exported(self, _key: int, outcome: object) -> None:
        self.export_button.setEnabled(self.portfolio is not None and bool(self.portfolio.rows))
        if isinstance(outcome, Path):
            self.status.setText(
                self.tr("The portfolio was exported to %1.").replace("%1", str(outcome))
            )
            self.exported.emit(str(outcome))
        else:
            self.status.setText(
                self.tr("The portfolio could not be exported:\n%1").replace("%1", str(outcome))
            )

    def is_running(self) -> bool:
        """Whether a report is being rendered."""
        return self._render.is_running()

    def cancel(self) -> None:
        """Stop the render; nothing is written."""
        self._render.cancel()

    def _reset(self) -> None:
        self.cancel_button.hide()
        self.print_button.setEnabled(self.portfolio is not None and bool(self.portfolio.rows))

    def _written(self, path: str) -> None:
        self.report_written.emit(path)
        self._offer(Path(path))

    def _offer(self, path: Path) -> None:
        offer_pdf(
            self, path, self.tr("The portfolio report was saved to %1.").replace("%1", str(path))
        )
