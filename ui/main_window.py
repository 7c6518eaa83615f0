"""The main window: welcome screen, the open assessment's tabs, menus and status bar.

Signals:
    language_change_requested(str): the user picked "en", "zh" or "" (system).
    database_change_requested(str, str): the user chose another database (location
        without password) and their name, under Settings > Database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from readiness import __version__, product_name
from readiness.domain.plan import PlanKey
from readiness.storage.credentials import server_key
from ui.assessment_actions import AssessmentActions
from ui.dialogs.conflict import ask_keep_mine
from ui.dialogs.content_changes import ContentChangesDialog, offer_content_update
from ui.dialogs.plan_figures import PlanFiguresDialog
from ui.pages.action_plan import ActionPlanPage
from ui.pages.company import CompanyPage, NewAssessmentDialog
from ui.pages.dashboard import DashboardPage
from ui.pages.history import HistoryPage
from ui.pages.market_facts import MarketFactsPage
from ui.pages.questionnaire import QuestionnairePage
from ui.pages.welcome import WelcomePage
from ui.store_errors import warn
from ui.team_menu import TeamMembersAction
from ui.workspace import Workspace

BACKUP_CHECK_MS = 5 * 60 * 1000


class MainWindow(QMainWindow):
    """Top-level window; remembers its geometry, splitters and last assessment."""

    language_change_requested = Signal(str)
    database_change_requested = Signal(str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.workspace = workspace
        self.product = product_name(workspace.language)  # titles, About, message boxes
        self.content_changes: ContentChangesDialog | None = None
        self.stack = QStackedWidget()
        self.welcome = WelcomePage(workspace.store, product_name(workspace.language))
        self.welcome.new_requested.connect(self.new_assessment)
        self.welcome.sample_requested.connect(self.open_sample)
        self.welcome.open_requested.connect(self.open_assessment)
        moved = (self.stack.currentChanged, self.welcome.recent.currentItemChanged)
        self.assessment_actions = AssessmentActions(workspace, self, self._acted_on, *moved)
        self.assessment_actions.changed.connect(self._assessments_changed)
        self.assessment_actions.open_requested.connect(self.open_assessment)
        self.welcome.menu_requested.connect(self.assessment_actions.popup)
        self.stack.addWidget(self.welcome)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("assessmentTabs")
        self.company_page = CompanyPage(workspace)
        self.questionnaire = QuestionnairePage(workspace)
        self.dashboard = DashboardPage(workspace)
        self.plan = ActionPlanPage(workspace)
        self.history = HistoryPage(workspace)
        self.facts = MarketFactsPage(workspace)
        self.tabs.addTab(self.company_page, self.tr("Company && markets"))
        self.tabs.addTab(self.questionnaire, self.tr("Questionnaire"))
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.facts, self.tr("Market facts"))
        self.tabs.addTab(self.plan, self.tr("Action plan"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.dashboard.jump_requested.connect(self._jump)
        self.dashboard.question_requested.connect(self._jump)
        self.plan.attention.connect(self._attention)
        self.plan.edit_requested.connect(self._edit_action_figures)
        self._build_menus()
        workspace.saved.connect(self._saved)
        workspace.failed.connect(self._failed)
        workspace.colleagues_changed.connect(self._saved)
        workspace.notice.connect(self._saved)
        workspace.resolve_conflict = lambda conflict, what, mine: ask_keep_mine(
            self, conflict, what, mine
        )
        workspace.result_changed.connect(self._update_title)
        # Bound methods, never lambdas: Qt drops a connection when its receiver goes.
        workspace.assessment_opened.connect(self._assessment_opened)
        self._backup_timer = QTimer(self)
        self._backup_timer.timeout.connect(workspace.periodic_backup)
        self._backup_timer.start(BACKUP_CHECK_MS)
        read_only = self.tr(" (read-only)") if workspace.store.read_only else ""
        self.statusBar().showMessage(self.tr("Ready") + read_only)
        self.database_label = QLabel(self._database_text())
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setToolTip(self.tr("Change it in Settings > Database…"))
        self.statusBar().addPermanentWidget(self.database_label)
        self._restore_state()
        self._update_title()

    # --- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        workspace = self.workspace
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(
            file_menu,
            self.tr("&New assessment…"),
            self.new_assessment,
            QKeySequence.StandardKey.New,
        )
        self._action(file_menu, self.tr("Open the &sample assessment"), self.open_sample)
        self._action(file_menu, self.tr("&Home"), self.show_welcome)
        self.portfolio_action = self._action(
            file_menu, self.tr("&Portfolio of companies…"), self.show_portfolio
        )
        file_menu.addSeparator()
        self.report_action = self._action(
            file_menu, self.tr("Export &report…"), self.export_report, QKeySequence("Ctrl+E")
        )
        self.excel_action = self._action(file_menu, self.tr("Export to E&xcel…"), self.export_excel)
        self.calendar_action = self._action(
            file_menu, self.tr("Export due &dates (.ics)…"), self.plan.export_calendar
        )
        self.json_action = self._action(
            file_menu, self.tr("Export assessment &file…"), self.export_json
        )
        self.import_action = self._action(
            file_menu, self.tr("&Import assessment file…"), self.import_json
        )
        self._action(file_menu, self.tr("Import &market data…"), self.facts.import_market_data)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = workspace.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = workspace.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        edit_menu.addActions([undo, redo])
        self.undo_action, self.redo_action = undo, redo
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Find question"), self._find, None)
        edit_menu.addSeparator()
        edit_menu.addActions(self.assessment_actions.actions)
        edit_menu.aboutToShow.connect(self.assessment_actions.update)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.database_action = self._action(
            settings_menu, self.tr("&Database…"), self.choose_database
        )
        self.team_members = TeamMembersAction(self, settings_menu, lambda: self.workspace.store)
        weights = self.tr("&Attractiveness weights…")
        self.weights_action = self._action(settings_menu, weights, self.facts.edit_weights)
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = str(QSettings().value("language", ""))
        for code, label in (("", self.tr("System default")), ("en", "English"), ("zh", "中文")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.language_change_requested.emit(c))
            group.addAction(action)
            language_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("How scores are &made"), self.show_methodology)
        self.about_action = self._action(
            help_menu, self.tr("&About %1").replace("%1", self.product), self.show_about
        )
        self._assessment_actions = [
            self.report_action,
            self.excel_action,
            self.calendar_action,
            self.json_action,
            self.weights_action,
        ]

    def _action(
        self,
        menu: object,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # --- navigation ---------------------------------------------------------------------

    def show_welcome(self) -> None:
        """Back to the welcome screen."""
        self.welcome.reload()
        self.stack.setCurrentWidget(self.welcome)
        self._update_title()

    def show_portfolio(self) -> None:
        """Open the portfolio window: every company's readiness for one market."""
        from ui.dialogs.portfolio import PortfolioWindow

        window = self.findChild(PortfolioWindow)
        if window is None:
            window = PortfolioWindow(self.workspace, self)

            def open_here(assessment_id: int) -> None:
                self.workspace.open_assessment(assessment_id)
                self.tabs.setCurrentWidget(self.dashboard)
                self.raise_()
                self.activateWindow()

            window.open_requested.connect(open_here)
        window.show()
        window.raise_()
        window.activateWindow()

    def _acted_on(self) -> int | None:
        """What the Edit menu's Rename… acts on: the open assessment or the one chosen."""
        if self.stack.currentWidget() is self.welcome:
            return self.welcome.chosen()
        return self.workspace.assessment_id

    def _assessments_changed(self) -> None:
        self.welcome.reload()
        if self.workspace.assessment_id is not None:
            self.workspace.refresh(quiet=True)
        elif self.stack.currentWidget() is self.tabs:
            self.show_welcome()
        self._update_title()

    def _assessment_opened(self, _assessment_id: int) -> None:
        self._show_assessment()
        # Answered against older content: say what changed before anything else.
        self.content_changes = offer_content_update(self, self.workspace)

    def detach(self) -> None:
        """Stop this window and everything in it from reacting to the workspace.

        Called before the window is replaced (another language or database): the
        workspace lives on, and a deleted widget must never be called again.
        """
        workspace = self.workspace
        receivers: list[QObject] = [self, *self.findChildren(QObject)]
        for sender in (workspace, workspace.undo_stack):
            for receiver in receivers:
                # Every signal of the sender to this receiver (the stubs lack the Nones).
                QObject.disconnect(sender, None, receiver, None)  # type: ignore[call-overload]
        workspace.resolve_conflict = None
        self._backup_timer.stop()

    def _show_assessment(self) -> None:
        self.stack.setCurrentWidget(self.tabs)
        QSettings().setValue("lastAssessment", self.workspace.assessment_id)
        self._update_title()

    def open_assessment(self, assessment_id: int) -> None:
        """Open an existing assessment on the questionnaire."""
        self.workspace.open_assessment(assessment_id)
        self.tabs.setCurrentWidget(self.questionnaire)

    def open_sample(self) -> None:
        """Open (creating if needed) the sample assessment, on the dashboard."""
        self.workspace.create_sample()
        self.tabs.setCurrentWidget(self.dashboard)

    def new_assessment(self) -> None:
        """Ask for the company and markets, then start the questionnaire."""
        dialog = NewAssessmentDialog(self.workspace.catalog, self.workspace.language, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.workspace.create_assessment(
            dialog.company.text().strip(),
            dialog.title.text().strip(),
            dialog.picker.chosen(),
            industry=dialog.industry.text().strip(),
            products=dialog.products.text().strip(),
            province=dialog.province.text().strip(),
        )
        self.tabs.setCurrentWidget(self.questionnaire)
        self.questionnaire.setFocus()

    def _jump(self, target: str, market: str) -> None:
        """Show a dimension's questions, or one question (by id), for a market."""
        self.tabs.setCurrentWidget(self.questionnaire)
        if target in self.workspace.catalog.dimensions:
            self.questionnaire.show_dimension(target, market)
        else:
            self.questionnaire.show_question(target, market or None)

    def _find(self) -> None:
        if self.workspace.assessment_id is None:
            return
        self.tabs.setCurrentWidget(self.questionnaire)
        self.questionnaire.search.setFocus()
        self.questionnaire.search.selectAll()

    # --- exports ---------------------------------------------------------------------------

    def export_report(self) -> None:
        """Open the report dialog."""
        if self.workspace.result is None:
            return
        from ui.dialogs.report import ReportDialog

        ReportDialog(self.workspace, self).exec()

    def export_excel(self) -> None:
        """Save the answers, scores and plan as a workbook."""
        if self.workspace.result is None:
            return
        self.plan._export()

    def export_json(self) -> None:
        """Save the assessment as an archive with its evidence files, or a plain exchange file."""
        if self.workspace.assessment_id is None:
            return
        from readiness.exchange.document import document_json, export_document
        from readiness.files import write_text_atomically
        from readiness.services.archive import export_archive

        archive_filter = self.tr("Assessment with evidence files (*.zip)")
        plain_filter = self.tr("Assessment file without evidence (*.json)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export assessment file"),
            str(Path.home() / (self.tr("assessment") + ".zip")),  # in the chosen language
            f"{archive_filter};;{plain_filter}",
            archive_filter,
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".zip", ".json"):
            target = target.with_suffix(".json" if chosen == plain_filter else ".zip")
        try:
            if target.suffix.lower() == ".zip":
                export_archive(self.workspace.store, self.workspace.assessment_id, target)
            else:
                document = export_document(self.workspace.store, self.workspace.assessment_id)
                write_text_atomically(target, document_json(document))
        except OSError as error:
            self._failed(
                self.tr("Could not write %1: %2")
                .replace("%1", str(target))
                .replace("%2", str(error))
            )
            return
        self._saved(self.tr("Exported %1").replace("%1", str(target)))

    def import_json(self) -> None:
        """Import an archive or exchange file (asking when it is already here); open it."""
        from ui.importing import choose_and_import

        done = choose_and_import(self, self.workspace)
        if done is not None:
            self.open_assessment(done.assessment_id)

    # --- feedback ------------------------------------------------------------------------------

    def _database_text(self) -> str:
        """Where the answers go, always in sight: a team server or this computer."""
        store = self.workspace.store
        if store.path is None:
            where = self.tr("Team server: %1 · you are %2")
            return where.replace("%1", server_key(store.location)).replace("%2", store.user or "?")
        return self.tr("This computer: %1").replace("%1", store.path.name)

    def _saved(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _edit_action_figures(self, key: PlanKey) -> None:
        """Open the dialog for one action's own figures, owner and status."""
        PlanFiguresDialog(self.workspace, key, self).exec()

    def _attention(self, message: str) -> None:
        self.statusBar().showMessage(message, 20000)

    def _failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        warn(self, self.product, message)  # with the database's own words as its details

    def _update_title(self) -> None:
        result = self.workspace.result
        has_assessment = result is not None and self.stack.currentWidget() is self.tabs
        for action in getattr(self, "_assessment_actions", []):
            action.setEnabled(has_assessment)
        names = [result.company.name, result.assessment.title] if has_assessment and result else []
        self.setWindowTitle(" — ".join([*names, self.product]))

    def about_text(self) -> str:
        """The text of the About box, with the running version."""
        return (
            self.tr(
                "<h3>%1</h3><p>Version %2</p>"
                "<p>Assess whether your company is ready to sell in a foreign market, "
                "market by market, and what to do first.</p>"
            )
            .replace("%1", self.product)
            .replace("%2", __version__)
        )

    def show_about(self) -> None:
        """Show the About box."""
        QMessageBox.about(self, self.tr("About %1").replace("%1", self.product), self.about_text())

    def choose_database(self) -> None:
        """Settings > Database: a file on this computer or a team server; the app reopens on it."""
        from ui.dialogs.database import DatabaseDialog

        dialog = DatabaseDialog(self.workspace.store.location, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.database_change_requested.emit(dialog.location(), dialog.user_name())

    def show_methodology(self) -> None:
        """Show how scores are made, in the app."""
        from readiness.assets import asset_dir

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("How scores are made"))
        dialog.resize(760, 820)
        layout = QVBoxLayout(dialog)
        browser = QTextBrowser()
        browser.setOpenExternalLinks(False)
        text = (asset_dir("docs") / "methodology.md").read_text(encoding="utf-8")
        browser.setMarkdown(text)
        if self.workspace.language == "zh":
            browser.scrollToAnchor("中文")
        layout.addWidget(browser)
        dialog.exec()

    # --- state ---------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1200, 800)
        for key, splitter in (
            ("questionnaire/splitter", self.questionnaire.splitter),
            ("dashboard/splitter", self.dashboard.splitter),
            ("plan/splitter", self.plan.splitter),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def save_state(self) -> None:
        """Remember geometry and splitters."""
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("questionnaire/splitter", self.questionnaire.splitter.saveState())
        settings.setValue("dashboard/splitter", self.dashboard.splitter.saveState())
        settings.setValue("plan/splitter", self.plan.splitter.saveState())
        settings.setValue("mainWindow/tab", self.tabs.currentIndex())

    def restore_last(self) -> None:
        """Reopen the assessment open last time, if it still exists and is not archived."""
        settings = QSettings()
        last = settings.value("lastAssessment")
        try:
            wanted = int(last) if last is not None else None
        except (TypeError, ValueError):
            wanted = None
        known = {s.id for s in self.workspace.store.list_assessments() if not s.archived}
        if wanted is not None and wanted in known:
            self.workspace.open_assessment(wanted)
            tab = settings.value("mainWindow/tab", 1)
            try:
                self.tabs.setCurrentIndex(int(tab))  # type: ignore[call-overload]
            except (TypeError, ValueError):
                self.tabs.setCurrentIndex(1)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        focus = self.focusWidget()
        if focus is not None:
            focus.clearFocus()  # commits a note being typed
        if self.workspace.saving:
            # The answers on their way are written before the database is closed.
            self.statusBar().showMessage(self.tr("Saving…"))
            self.workspace.finish_saves()
        super().closeEvent(event)
