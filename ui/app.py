"""Start the desktop app: ``readiness-app`` and ``readiness gui``.

Opens the store (offering a backup when the file is damaged, read-only when
another window has it), loads the content, picks the language and a
Simplified-Chinese font, and shows the main window.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from readiness import APP_ID, APP_NAME, __version__, product_name
from readiness.content.catalog import Catalog, load_catalog
from readiness.content.documents import ContentError
from readiness.services.restore import restore_database
from readiness.storage.credentials import (
    CONNECTION_ERRORS,
    display_location,
    explain_connection_error,
    is_server_location,
    take_inline_password,
)
from readiness.storage.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    NotOurFileError,
    StoreError,
    StoreNotWritableError,
)
from readiness.storage.location import DB_ENV, default_database_path, resolve_location, sqlite_path
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from ui.dialogs.database import (
    connection_problem_text,
    remember_database,
    saved_location,
    saved_user_name,
)
from ui.main_window import MainWindow
from ui.store_errors import opening_text
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


def _title() -> str:
    """The product's name in the chosen language, for message boxes without a window."""
    return QApplication.applicationDisplayName() or APP_NAME


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
        self._default_locale = QLocale()
        self.missing: list[str] = []  # the catalogues last looked for and not found

    def apply(self, language: str) -> None:
        """Switch translations, font and the product's displayed name to ``language``."""
        # Some window systems add the display name to a title that lacks it.
        self._app.setApplicationDisplayName(product_name(language))
        # Qt's own formats and file type names (the file dialog's Type column) in the
        # chosen language; its Size column follows the system's locale, out of reach.
        chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        QLocale.setDefault(chinese if language == "zh" else self._default_locale)
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        self.missing = []
        if language == "zh":
            # Qt's own words (file dialogs, standard buttons) come from Qt's catalogue,
            # wherever this Qt keeps it (beside the app in a bundle); the supplement,
            # installed last and so asked first, has the words that catalogue lacks.
            # A catalogue that is missing leaves those words in English, nothing worse.
            for name, folders in (
                ("readiness_zh_CN", (TRANSLATIONS,)),
                ("qtbase_zh_CN", qt_translation_folders()),
                ("qt_supplement_zh_CN", (TRANSLATIONS,)),
            ):
                translator = QTranslator(self._app)
                if any(translator.load(name, str(folder)) for folder in folders):
                    self._app.installTranslator(translator)
                    self._translators.append(translator)
                else:
                    self.missing.append(name)
            font = QFont(self._default_font)
            family = chinese_ui_family()
            if family:
                # Left to fallback, Qt may pick Japanese glyph forms for shared characters.
                font.setFamilies([family, *self._default_font.families()])
            self._app.setFont(font)
        else:
            self._app.setFont(self._default_font)


def qt_translation_folders() -> tuple[Path, ...]:
    """Where Qt's own catalogues may be: this Qt's translations folder, then the app's
    (the bundle carries a copy there, see packaging/readiness.spec)."""
    return (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), TRANSLATIONS)


def chinese_ui_family() -> str | None:
    """An installed font family made for Simplified Chinese."""
    families = set(QFontDatabase.families())
    for family in CJK_UI_FAMILIES:
        if family in families:
            return family
    simplified = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return simplified[0] if simplified else None


def open_store_interactively(location: str | None, *, user: str | None = None) -> Store | None:
    """Open the store, asking the user what to do when the file is damaged, busy or cannot
    be written, and telling them once what went wrong without stopping it (a backup that
    could not be taken).

    ``user`` is the name recorded on every change (default: the login name).
    """
    store = _open_asking(location, user=user)
    if store is not None and store.warnings:
        QMessageBox.warning(None, _title(), "\n\n".join(store.warnings))
    return store


def _open_asking(location: str | None, *, user: str | None) -> Store | None:
    resolved = resolve_location(location)
    try:
        return open_store(resolved, user=user)
    except DamagedDatabaseError as error:
        backup = error.newest_backup
        path = sqlite_path(resolved)
        if backup is None or path is None:
            QMessageBox.critical(None, _title(), opening_text(error, resolved))
            return open_store(resolved, user=user)  # start afresh; the damaged file was kept aside
        answer = QMessageBox.question(
            None,
            _title(),
            QApplication.translate("app", "%1\n\nRestore the newest good backup now?").replace(
                "%1", opening_text(error, resolved)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            restore_database(path, backup)
        return open_store(resolved, user=user)
    except (DatabaseLockedError, StoreNotWritableError) as error:
        answer = QMessageBox.question(
            None,
            _title(),
            QApplication.translate("app", "%1\n\nOpen it read-only?").replace(
                "%1", opening_text(error, resolved)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            return open_store(resolved, read_only=True, user=user)
        return None
    except NotOurFileError as error:
        QMessageBox.critical(None, _title(), opening_text(error, resolved))
        return None


# Everything opening a database can fail with, each worded for the user below.
OPENING_ERRORS: tuple[type[Exception], ...] = (StoreError, *CONNECTION_ERRORS)


def opening_problem(error: Exception, location: str) -> str:
    """Why ``location`` could not be opened, in the user's language where it is a server's
    answer; never with a password."""
    if not is_server_location(location):
        return str(error)
    # The store words a server's refusal in English; its cause says which one it was.
    cause = error.__cause__ if isinstance(error, StoreError) else error
    if isinstance(cause, CONNECTION_ERRORS):
        return connection_problem_text(explain_connection_error(cause, location))
    return str(error)


def open_other_database(location: str, user: str, parent: QWidget | None) -> Store | None:
    """Open the database chosen under Settings > Database, or say why not and return None."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a server may take a moment
    try:
        return open_store_interactively(location, user=user)
    except OPENING_ERRORS as error:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(
            parent,
            _title(),
            QApplication.translate(
                "app", "Could not open %1; you are still working on the current database.\n\n%2"
            )
            .replace("%1", display_location(location))
            .replace("%2", opening_problem(error, location)),
        )
        return None
    finally:
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()


def startup_location(db: str | None) -> tuple[str, bool]:
    """The database to open: ``--db``, else ``READINESS_DB``, else the one chosen under
    Settings > Database, else the file in the user data folder; and whether it was the
    saved choice. A password written into ``--db`` is kept in memory only."""
    if db or os.environ.get(DB_ENV):
        return take_inline_password(resolve_location(db)), False
    saved = saved_location()
    if saved:
        return resolve_location(saved), True
    return resolve_location(None), False


def open_at_start(db: str | None) -> Store | None:
    """Open the startup database; an unreachable saved team server falls back to this
    computer's file, so the app still opens offline."""
    location, saved = startup_location(db)
    user = saved_user_name()
    try:
        return open_store_interactively(location, user=user)
    except OPENING_ERRORS as error:
        if not (saved and is_server_location(location)):
            QMessageBox.critical(None, _title(), opening_problem(error, location))
            return None
        QMessageBox.warning(
            None,
            _title(),
            QApplication.translate(
                "app",
                "Could not open the team server %1.\n\n%2\n\nThe database on this computer "
                "opens instead; choose Settings > Database to try the server again.",
            )
            .replace("%1", display_location(location))
            .replace("%2", opening_problem(error, location)),
        )
    try:
        return open_store_interactively(str(default_database_path()), user=user)
    except StoreError as error:
        QMessageBox.critical(None, _title(), str(error))
        return None


def _same_database(first: str, second: str) -> bool:
    first_path, second_path = sqlite_path(first), sqlite_path(second)
    if first_path is not None and second_path is not None:
        return first_path.expanduser().resolve() == second_path.expanduser().resolve()
    return display_location(first) == display_location(second)


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="readiness-app", description=f"Open {APP_NAME}.")
    parser.add_argument(
        "--db",
        help="database file or team server URL (default: the one chosen under "
        "Settings > Database, else the file in your data folder)",
    )
    parser.add_argument("--lang", choices=("en", "zh"), help="interface language for this run")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check the installation headless and exit"
    )
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def build_window(
    app: QApplication,
    store: Store,
    catalog: Catalog,
    language: str,
    localizer: Localizer | None = None,
) -> MainWindow:
    """The main window on a workspace, with language switching wired up (through
    ``localizer``, the one already speaking ``language`` if given)."""
    localizer = localizer or Localizer(app)
    localizer.apply(language)
    workspace = Workspace(store, catalog, language)
    window = MainWindow(workspace)

    def wire(new: MainWindow) -> None:
        new.language_change_requested.connect(switch)
        new.database_change_requested.connect(switch_database)

    def replace_window(assessment: int | None) -> None:
        nonlocal window
        old = window
        old.detach()  # before the new window connects: the old one reacts to nothing more
        window = MainWindow(workspace)
        wire(window)
        window.show()
        if assessment is not None:
            workspace.open_assessment(assessment)
        old.hide()
        old.deleteLater()
        app.setProperty("mainWindow", window)

    def switch(choice: str) -> None:
        QSettings().setValue("language", choice)
        language = ui_language(choice)
        window.save_state()
        assessment = workspace.assessment_id
        localizer.apply(language)
        workspace.language = language
        replace_window(assessment)

    def switch_database(location: str, user: str) -> None:
        nonlocal workspace
        workspace.finish_saves()  # the answers on their way go to the database they were for
        old_store = workspace.store
        if _same_database(location, old_store.location) and old_store.path is not None:
            # The same file: only the name can have changed (the file stays locked to
            # this window, so it is not reopened). The window is rebuilt to show it.
            old_store.user = user
            remember_database(location, user)
            window.save_state()
            replace_window(workspace.assessment_id)
            return
        # A server is reopened even when it is the same one: a password typed
        # again (say, after it was changed) only reaches new connections.
        new_store = open_other_database(location, user, window)
        if new_store is None:
            return  # the reason was shown; the current database and setting stay
        # Saved only now, so a choice that cannot be opened never replaces a working one.
        remember_database(location, user)
        same = _same_database(location, old_store.location)
        reopen = workspace.assessment_id if same else None
        if not same:
            QSettings().remove("lastAssessment")  # its id belongs to the other database
        window.save_state()
        old_workspace = workspace
        workspace = Workspace(new_store, catalog, workspace.language)
        replace_window(reopen)
        old_workspace.deleteLater()  # with its timers: nothing may touch the old store again
        window.statusBar().showMessage(
            QApplication.translate("app", "Now working on %1").replace(
                "%1", display_location(new_store.location)
            ),
            8000,
        )
        old_store.close()

    wire(window)
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
    language = ui_language(args.lang)
    localizer = Localizer(app)  # from the first message box on, in the chosen language
    localizer.apply(language)
    try:
        catalog = load_catalog()
    except ContentError as error:
        QMessageBox.critical(
            None,
            _title(),
            QApplication.translate(
                "app", "The questionnaire content is damaged:\n%1\nReinstall the app."
            ).replace("%1", str(error)),
        )
        return 1
    store = open_at_start(args.db)
    if store is None:
        return 1
    window = build_window(app, store, catalog, language, localizer)
    window.show()
    window.restore_last()
    try:
        return app.exec()
    finally:
        store.close()
        current = app.property("mainWindow")
        if isinstance(current, MainWindow):
            current.workspace.store.close()  # another database may have been chosen meanwhile


if __name__ == "__main__":
    sys.exit(main())
