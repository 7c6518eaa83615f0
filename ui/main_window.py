"""The application's main window: menus, status bar and the central area."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from readiness import APP_NAME, __version__


class MainWindow(QMainWindow):
    """Top-level window; remembers its geometry between runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")
        self._build_menus()
        welcome = QLabel(self.tr("Welcome to %1").replace("%1", APP_NAME))
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        welcome.setObjectName("welcomeLabel")
        self.setCentralWidget(welcome)
        self.statusBar().showMessage(self.tr("Ready"))
        self._restore_geometry()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About %1").replace("%1", APP_NAME), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def about_text(self) -> str:
        """The text of the About box, with the running version."""
        return (
            self.tr(
                "<h3>%1</h3><p>Version %2</p>"
                "<p>Assess whether your company is ready to sell in a foreign market, "
                "market by market, and what to do first.</p>"
            )
            .replace("%1", APP_NAME)
            .replace("%2", __version__)
        )

    def show_about(self) -> None:
        """Show the About box."""
        QMessageBox.about(self, self.tr("About %1").replace("%1", APP_NAME), self.about_text())

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("mainWindow/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(1100, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("mainWindow/geometry", self.saveGeometry())
        super().closeEvent(event)
