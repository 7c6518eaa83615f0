"""The action plan: the table and its Gantt view, filters, the selected action's detail, and
the exports (Excel workbook, calendar of due dates).

Signals:
    edit_requested(object): the user asked to change an action's own figures
        (start, effort, cost); the action's key (item id, market or region tag or None).
    attention(str): said once when an assessment opens with overdue actions or
        actions due within 14 days (for the status bar).
    calendar_written(str): the calendar file was written to this path.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readiness.domain.plan import PlanKey, PlannedAction
from ui.models.delegates import DateDelegate, StatusDelegate
from ui.models.plan import PlanFilter, PlanModel
from ui.models.plan_words import due_soon_colour
from ui.widgets.calendar_export import CalendarRelay, CalendarWrite
from ui.widgets.gantt import EntryMarker, GanttView, bar_colours, legend_html, market_colour
from ui.widgets.plan_detail import PlanDetail
from ui.widgets.plan_table import PlanTable
from ui.workspace import Workspace


class ActionPlanPage(QWidget):
    """Filterable, sortable, editable action plan with its Gantt view and detail; exports."""

    edit_requested = Signal(object)
    attention = Signal(str)
    calendar_written = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionPlan")
        self._workspace = workspace
        self._announce = False
        self._selected: PlanKey | None = None  # the action last selected, kept across resets
        self._relays: set[CalendarRelay] = set()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        layout.addWidget(self._banner())
        hint = QLabel(
            self.tr(
                "Do-now actions come first, then each action after what it needs. Double-click "
                "an owner, due date or status to edit it; changes are saved at once. Figures in "
                "italics are your own."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = PlanModel(workspace, self)
        self.proxy = PlanFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._table()
        self.gantt = GanttView()
        self.gantt.action_clicked.connect(self.select_action)
        self.views = QTabWidget()
        self.views.setObjectName("planViews")
        self.views.addTab(self.table, self.tr("Table"))
        self.views.addTab(self.gantt, self.tr("Timeline"))
        self.detail = PlanDetail(workspace)
        self.detail.select_requested.connect(self.select_action)
        self.detail.edit_requested.connect(self.edit_requested)
        # The detail under the table: the table and the timeline keep the full width.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("planSplitter")
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([460, 200])
        layout.addWidget(self.splitter, 1)
        workspace.result_changed.connect(self._result_changed)
        workspace.assessment_opened.connect(self._opened)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._shown_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._fill_filters()

    # --- building ------------------------------------------------------------------------

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.market = QComboBox()
        self.market.setAccessibleName(self.tr("Market filter"))
        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Owner filter"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status filter"))
        self.overdue = QCheckBox(self.tr("Overdue only"))
        for combo in (self.market, self.owner, self.status):
            combo.currentIndexChanged.connect(self._filter)
            # Long owner or market names do not widen the bar past a small window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.overdue.toggled.connect(self._filter)
        for label, widget in (
            (self.tr("Market:"), self.market),
            (self.tr("Owner:"), self.owner),
            (self.tr("Status:"), self.status),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.overdue)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        # One button for both exports keeps the bar narrow enough for a small window.
        self.export = QToolButton()
        self.export.setText(self.tr("Export"))
        self.export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export)
        self.excel_action = menu.addAction(self.tr("Export to Excel…"))
        self.excel_action.triggered.connect(self._export)
        self.calendar = menu.addAction(self.tr("Export due dates (.ics)…"))
        self.calendar.setToolTip(self.tr("One calendar event per open action on its due date"))
        self.calendar.triggered.connect(self.export_calendar)
        self.export.setMenu(menu)
        bar.addWidget(self.export)
        return bar

    def _banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("dueBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet(
            f"#dueBanner {{ background: {due_soon_colour().name()}; border-radius: 4px; }}"
        )
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(8, 4, 4, 4)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("dueBannerText")
        self.banner_text.setWordWrap(True)
        row.addWidget(self.banner_text, 1)
        show = QPushButton(self.tr("Show overdue"))
        show.clicked.connect(lambda: self.overdue.setChecked(True))
        self.banner_show = show
        row.addWidget(show)
        close = QPushButton(self.tr("Dismiss"))
        close.clicked.connect(self.banner.hide)
        row.addWidget(close)
        self.banner.hide()
        return self.banner

    def _table(self) -> PlanTable:
        table = PlanTable()
        table.editing_changed.connect(self.model.hold)
        table.setObjectName("planTable")
        table.setAccessibleName(self.tr("Action plan"))
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        # The plan's own order (what to do first) until a header is clicked.
        self.proxy.sort(-1)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setItemDelegateForColumn(PlanModel.DUE, DateDelegate(table))
        table.setItemDelegateForColumn(
            PlanModel.STATUS, StatusDelegate(self.model.status_label, table)
        )
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = table.horizontalHeader()
        # Fixed starting widths: sizing every column to its contents reads every
        # cell of the plan, which slows the app's start for nothing.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PlanModel.ACTION, QHeaderView.ResizeMode.Stretch)
        # Headers such as "Lead time (weeks)" wrap onto two lines instead of being cut.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(44)
        for column, width in (
            (PlanModel.RANK, 42),
            (PlanModel.ITEM, 74),
            (PlanModel.MARKETS, 110),
            (PlanModel.PHASE, 86),
            (PlanModel.START, 80),
            (PlanModel.DUE, 80),
            (PlanModel.LEAD, 54),
            (PlanModel.SLACK, 60),
            (PlanModel.EFFORT, 74),
            (PlanModel.COST, 130),
            (PlanModel.OWNER, 90),
            (PlanModel.STATUS, 80),
        ):
            header.resizeSection(column, width)
        table.keep_headers_whole()
        return table

    # --- filters -------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        result = self._workspace.result
        combos = (self.market, self.owner, self.status)
        selected = [combo.currentData() for combo in combos]
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.market.addItem(self.tr("All markets"), None)
        self.owner.addItem(self.tr("All owners"), None)
        self.owner.addItem(self.tr("Nobody yet"), PlanFilter.NO_OWNER)
        self.status.addItem(self.tr("All statuses"), None)
        if result is not None:
            for market in result.markets:
                self.market.addItem(self._workspace.market_name(market.code), market.code)
            owners = sorted({a.owner.strip() for a in result.plan.actions if a.owner.strip()})
            for owner in owners:
                self.owner.addItem(owner, owner)
        for value in ("open", "in_progress", "done", "dropped"):
            self.status.addItem(self.model.status_label(value), value)
        for combo, data in zip(combos, selected, strict=True):
            found = combo.findData(data) if data is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_filters(
            self.market.currentData(),
            self.owner.currentData(),
            self.status.currentData(),
            overdue=self.overdue.isChecked(),
        )
        self._shown_changed()

    def _shown_changed(self) -> None:
        self.count.setText(self.tr("%1 actions").replace("%1", str(self.proxy.rowCount())))
        self._update_gantt()
        current = self.table.currentIndex()
        if not current.isValid() and self._selected is not None:
            # The plan was computed again (a save, a colleague's change): keep the
            # same action selected if the filters still show it.
            source = self.model.row_of(self._selected)
            if source is not None:
                current = self.proxy.mapFromSource(self.model.index(source, 0))
                if current.isValid():
                    self.table.selectionModel().setCurrentIndex(
                        current,
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
                    return  # currentRowChanged shows it
        if not current.isValid() and self._selected is None and self.proxy.rowCount():
            # The first action's recommendation in full in the detail pane from the
            # start: the table's cell shows only its first lines.
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return  # currentRowChanged shows it
        self._current_changed(current)

    # --- selection and detail ------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        action: PlannedAction | None = None
        if current.isValid():
            action = self.model.action_at(self.proxy.mapToSource(current).row())
        self.detail.show_action(action)
        self.gantt.select(action.key if action else None)
        if action is not None:
            self._selected = action.key

    def select_action(self, key: object) -> None:
        """Select the action kept under ``key`` (showing every action if a filter hides it)."""
        if not isinstance(key, tuple):
            return
        source = self.model.row_of(key)
        if source is None:
            return
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            self._clear_filters()
            index = self.proxy.mapFromSource(self.model.index(source, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _clear_filters(self) -> None:
        for combo in (self.market, self.owner, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.overdue.blockSignals(True)
        self.overdue.setChecked(False)
        self.overdue.blockSignals(False)
        self._filter()

    # --- the Gantt view ------------------------------------------------------------------

    def _update_gantt(self) -> None:
        result = self._workspace.result
        if result is None:
            self.gantt.set_plan(
                [], [], self.model.today, texts={}, tips={}, legend="", today_label=""
            )
            return
        shown = self.proxy.actions()
        wanted = self.market.currentData()
        markers = [
            EntryMarker(
                code=m.code,
                name=self._workspace.market_name(m.code),
                planned=result.plan.markets[m.code].planned_entry,
                earliest=result.plan.markets[m.code].earliest_entry,
                colour=market_colour(number),
            )
            for number, m in enumerate(result.markets)
            if m.code in result.plan.markets and wanted in (None, m.code)
        ]
        name = self._workspace.name
        words = self.model.words
        tips = {}
        for action in shown:
            tips[action.key] = "\n".join(
                [
                    f"{action.item_id} · {name(action.item.action)}",
                    words.markets(action),
                    f"{action.start.isoformat()} → {action.due.isoformat()}",
                    self.tr("Slack (days): %1").replace("%1", words.slack(action)),
                    self.tr("Owner: %1").replace("%1", action.owner or "—"),
                ]
            )
        colours = bar_colours()
        legend = [
            (colours["critical"].name(), self.tr("critical path")),
            (colours["normal"].name(), self.tr("other actions (thin line: slack)")),
            (colours["after"].name(), self.tr("after entry")),
            (colours["closed"].name(), self.tr("done or dropped")),
        ]
        entries = self.tr("Market entry: dashed line planned, solid line earliest realistic:")
        legend_text = (
            legend_html(legend)
            + "<br>"
            + html.escape(entries)
            + " "
            + legend_html([(m.colour, m.name) for m in markers])
        )
        self.gantt.set_plan(
            shown,
            markers,
            result.today,
            texts={a.key: f"{a.item_id}  {name(a.item.action)}" for a in shown},
            tips=tips,
            legend=legend_text,
            today_label=self.tr("Today"),
        )

    # --- opening: what is overdue or due soon ----------------------------------------------

    def _opened(self, _assessment_id: int) -> None:
        self._announce = True
        self._result_changed()

    def _result_changed(self) -> None:
        self._fill_filters()
        result = self._workspace.result
        if not self._announce or result is None:
            return
        self._announce = False
        today = result.today
        overdue = sum(1 for a in result.plan.actions if a.overdue(today))
        soon = sum(1 for a in result.plan.actions if a.due_soon(today))
        if not (overdue or soon):
            self.banner.hide()
            return
        if overdue and soon:
            text = (
                self.tr("%1 actions are overdue and %2 are due within 14 days.")
                .replace("%1", str(overdue))
                .replace("%2", str(soon))
            )
        elif overdue:
            text = self.tr("%1 actions are overdue.").replace("%1", str(overdue))
        else:
            text = self.tr("%1 actions are due within 14 days.").replace("%1", str(soon))
        self.banner_text.setText(text)
        self.banner_show.setVisible(overdue > 0)
        self.banner.show()
        self.attention.emit(text)

    # --- exports -------------------------------------------------------------------------

    def _export(self) -> None:
        result = self._workspace.result
        if result is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to Excel"),
            str(Path.home() / (self.tr("action-plan") + ".xlsx")),
            "Excel (*.xlsx)",
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the workbook (answers, scores, comparison and this plan)."""
        from readiness.exchange.spreadsheet import write_workbook

        result = self._workspace.result
        if result is None:
            return
        try:
            write_workbook(result, self._workspace.catalog, path, language=self._workspace.language)
        except OSError as error:
            self._workspace.failed.emit(
                self.tr("Could not write %1: %2").replace("%1", str(path)).replace("%2", str(error))
            )
            return
        self._workspace.saved.emit(self.tr("Exported %1").replace("%1", str(path)))

    def export_calendar(self) -> None:
        """Ask where to save the due dates as a calendar file, then write it."""
        if self._workspace.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export due dates"),
            str(Path.home() / (self.tr("action-plan") + ".ics")),
            self.tr("Calendar (*.ics)"),
        )
        if path:
            target = Path(path)
            self.export_calendar_to(target if target.suffix else target.with_suffix(".ics"))

    def export_calendar_to(self, path: Path) -> None:
        """Write the open actions' due dates as a calendar file, off the UI thread."""
        result = self._workspace.result
        if result is None:
            return
        relay = CalendarRelay()
        self._relays.add(relay)
        relay.done.connect(self._calendar_done)
        self.calendar.setEnabled(False)
        QThreadPool.globalInstance().start(
            CalendarWrite(result, self._workspace.catalog, self._workspace.language, path, relay)
        )

    def _calendar_done(self, path: object, outcome: object) -> None:
        relay = self.sender()
        if isinstance(relay, CalendarRelay):
            self._relays.discard(relay)
        self.calendar.setEnabled(True)
        if isinstance(outcome, OSError):
            self._workspace.failed.emit(
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", str(outcome))
            )
            return
        self._workspace.saved.emit(
            self.tr("Exported %1 due dates to %2")
            .replace("%1", str(outcome))
            .replace("%2", str(path))
        )
        self.calendar_written.emit(str(path))

    def current_key(self) -> PlanKey | None:
        """The key of the selected action, if any."""
        action = self.detail.action
        return action.key if action else None
