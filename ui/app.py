"""Start the desktop app: ``readiness-app`` and ``readiness gui``.

Opens the store (offering a backup when the file is damaged, read-only when
another window has it), loads the content, picks the language and a
Simplified-Chinese font, and shows the main window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from readiness import APP_ID, APP_NAME, __version__
from readiness.catalog import Catalog, ContentError, load_catalog
from readiness.store import (
    DamagedDatabaseError,
    DatabaseLockedError,
    NotOurFileError,
    Store,
    StoreError,
    open_store,
    resolve_location,
    sqlite_path,
)
from ui.main_window import MainWindow
from ui.workspace import Workspace

ORGANIZATION = "MarketEntryReadiness"
TRANSLATIONS = Path(__file__).parent / "translations"
CJK_UI_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")


def create_application(argv: Sequence[str]) -> QApplication:
    """Create (or reuse) the QApplication with the names QSettings relies on."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    return app


def ui_language(choice: str | None = None) -> str:
    """ "zh" or "en": the choice, else the saved setting, else the system locale."""
    chosen = choice if choice is not None else str(QSettings().value("language", ""))
    if chosen in ("zh", "en"):
        return chosen
    return "zh" if QLocale.system().name().lower().startswith("zh") else "en"


class Localizer:
    """Installs the app's and Qt's own Chinese translations, and a Chinese UI font."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self._default_font = QFont(app.font())

    def apply(self, language: str) -> None:
        """Switch translations and font to ``language``."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        if language == "zh":
            for folder, name in (
                (str(TRANSLATIONS), "readiness_zh_CN"),
                (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_zh_CN"),
            ):
                translator = QTranslator(self._app)
                if translator.load(name, folder):
                    self._app.installTranslator(translator)
                    self._translators.append(translator)
            font = QFont(self._default_font)
            family = chinese_ui_family()
            if family:
                # Left to fallback, Qt may pick Japanese glyph forms for shared characters.
                font.setFamilies([family, *self._default_font.families()])
            self._app.setFont(font)
        else:
            self._app.setFont(self._default_font)


def chinese_ui_family() -> str | None:
    """An installed font family made for Simplified Chinese."""
    families = set(QFontDatabase.families())
    for family in CJK_UI_FAMILIES:
        if family in families:
            return family
    simplified = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return simplified[0] if simplified else None


def open_store_interactively(location: str | None) -> Store | None:
    """Open the store, asking the user what to do when the file is damaged or busy."""
    resolved = resolve_location(location)
    try:
        return open_store(resolved)
    except DamagedDatabaseError as error:
        backup = error.newest_backup
        path = sqlite_path(resolved)
        if backup is None or path is None:
            QMessageBox.critical(None, APP_NAME, str(error))
            return open_store(resolved)  # start afresh; the damaged file was kept aside
        answer = QMessageBox.question(
            None,
            APP_NAME,
            QApplication.translate("app", "%1\n\nRestore the newest good backup now?").replace(
                "%1", str(error)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            from filelock import FileLock

            from readiness.backup import restore_backup

            # Nobody else may open the file while it is being put back.
            with FileLock(str(path.with_name(path.name + ".lock")), timeout=0):
                restore_backup(backup, path)
        return open_store(resolved)
    except DatabaseLockedError as error:
        answer = QMessageBox.question(
            None,
            APP_NAME,
            QApplication.translate("app", "%1\n\nOpen it read-only?").replace("%1", str(error)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            return open_store(resolved, read_only=True)
        return None
    except NotOurFileError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return None


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="readiness-app", description=f"Open {APP_NAME}.")
    parser.add_argument("--db", help="database file (default: the one in your data folder)")
    parser.add_argument("--lang", choices=("en", "zh"), help="interface language for this run")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check the installation headless and exit"
    )
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def build_window(app: QApplication, store: Store, catalog: Catalog, language: str) -> MainWindow:
    """The main window on a workspace, with language switching wired up."""
    localizer = Localizer(app)
    localizer.apply(language)
    workspace = Workspace(store, catalog, language)
    window = MainWindow(workspace)

    def switch(choice: str) -> None:
        nonlocal window
        QSettings().setValue("language", choice)
        language = ui_language(choice)
        window.save_state()
        assessment = workspace.assessment_id
        localizer.apply(language)
        workspace.language = language
        old = window
        window = MainWindow(workspace)
        window.language_change_requested.connect(switch)
        window.show()
        if assessment is not None:
            workspace.open_assessment(assessment)
        old.hide()
        old.deleteLater()
        app.setProperty("mainWindow", window)

    window.language_change_requested.connect(switch)
    app.setProperty("mainWindow", window)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    """Open the main window and run the event loop until it closes.

    ``--self-test`` checks the installation headless instead; ``--cli ARGS`` runs
    the ``readiness`` command line (a frozen bundle has no other way to reach it).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--cli"]:
        from readiness.cli import main as cli_main

        return cli_main(arguments[1:])
    if arguments[:1] == ["--self-test"]:
        from ui.self_test import run_self_test

        return run_self_test()
    args = _parse(arguments)
    app = create_application([sys.argv[0], *arguments])
    try:
        catalog = load_catalog()
    except ContentError as error:
        QMessageBox.critical(
            None, APP_NAME, f"The questionnaire content is damaged:\n{error}\nReinstall the app."
        )
        return 1
    try:
        store = open_store_interactively(args.db)
    except StoreError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    if store is None:
        return 1
    window = build_window(app, store, catalog, ui_language(args.lang))
    window.show()
    window.restore_last()
    try:
        return app.exec()
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
