"""Save screenshots of the main screens in both languages (``make screenshots``).

Runs the real app on a fresh database with the sample assessment and grabs the
welcome screen, questionnaire, dashboard (and its readiness and attractiveness matrix),
market facts, action plan (table and timeline), history, the report dialog, the
attractiveness weights, the database settings, the assessments list with its menu
open and a milestone comparison, in English and Chinese, into ``docs/screenshots/``;
then, at the window's default size, the questionnaire as a heat-map cell opens it,
the dashboard, the plan's detail, and Qt's own file dialog.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from readiness.content.catalog import load_catalog
from readiness.storage.opening import open_store
from ui.app import build_window, create_application
from ui.main_window import MainWindow


def _settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def _grab(widget: QWidget, path: Path, app: QApplication) -> None:
    _settle(app)
    widget.grab().save(str(path))
    print(path)


def capture(out: Path, language: str) -> None:
    """Grab every main screen in ``language`` into ``out``."""
    app = create_application(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    settings_dir = tempfile.mkdtemp(prefix="screens-settings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    folder = Path(tempfile.mkdtemp(prefix="screens-"))
    store = open_store(str(folder / "screens.sqlite3"))
    window = build_window(app, store, load_catalog(), language)
    window.resize(1280, 820)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    _grab(window, out / f"welcome-{language}.png", app)
    window.open_sample()
    for name, page in (
        ("questionnaire", window.questionnaire),
        ("dashboard", window.dashboard),
        ("market-facts", window.facts),
        ("action-plan", window.plan),
        ("history", window.history),
        ("company", window.company_page),
    ):
        window.tabs.setCurrentWidget(page)
        if page is window.questionnaire:
            window.questionnaire.show_question("CERT-002")
        if page is window.facts:
            window.facts.show_market("IT")
        _grab(window, out / f"{name}-{language}.png", app)
        if page is window.dashboard:
            _grab(window.dashboard.matrix, out / f"matrix-{language}.png", app)
        if page is window.plan:
            window.plan.select_action(window.plan.proxy.actions()[0].key)
            window.plan.views.setCurrentWidget(window.plan.gantt)
            _grab(window, out / f"action-plan-timeline-{language}.png", app)
            window.plan.views.setCurrentWidget(window.plan.table)
    from ui.dialogs.report import ReportDialog

    dialog = ReportDialog(window.workspace, window)
    # Both languages, so the two file names the one choice writes are seen.
    dialog.language.setCurrentIndex(dialog.language.findData("both"))
    dialog.show()
    _grab(dialog, out / f"report-dialog-{language}.png", app)
    dialog.close()
    from ui.dialogs.weights import WeightsDialog

    weights = WeightsDialog(window.workspace, window)
    weights.show()
    _grab(weights, out / f"weights-dialog-{language}.png", app)
    weights.close()
    from ui.dialogs.database import USER_NAME_KEY, DatabaseDialog

    # As a team member would fill it in; nothing is connected or saved.
    QSettings().setValue(USER_NAME_KEY, "李伟" if language == "zh" else "Li Wei")
    database = DatabaseDialog("postgresql+psycopg://li_wei@db.example.com:5432/readiness", window)
    database.show()
    _grab(database, out / f"database-dialog-{language}.png", app)
    database.close()
    _capture_everyday(window, out, language, app)
    from ui.screenshots_managing import capture_managing

    capture_managing(window, out, language, app)
    window.close()
    store.close()


def _capture_everyday(window: MainWindow, out: Path, language: str, app: QApplication) -> None:
    """At the window's default size: the questionnaire as a heat-map cell opens it, the
    dashboard's blockers, the plan with an action's detail; and Qt's own file dialog."""
    window.resize(1200, 800)
    window.tabs.setCurrentWidget(window.dashboard)
    _grab(window, out / f"dashboard-default-size-{language}.png", app)
    window.dashboard.jump_requested.emit("certification", "MA")
    _grab(window, out / f"questionnaire-from-heat-map-{language}.png", app)
    window.tabs.setCurrentWidget(window.plan)
    _grab(window, out / f"action-plan-detail-{language}.png", app)
    folder = Path(tempfile.mkdtemp(prefix="screens-files-"))
    for name in ("hubei-chutian-2027.zip", "taizhou-wipers.json", "notes.txt"):
        (folder / name).write_bytes(b"")
    dialog = QFileDialog(
        window,
        QCoreApplication.translate("MainWindow", "Import assessment file"),
        str(folder),
        QCoreApplication.translate("MainWindow", "Assessment files (*.zip *.json)"),
    )
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own, translated
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.resize(760, 440)
    dialog.show()
    _grab(dialog, out / f"file-dialog-{language}.png", app)
    dialog.close()


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("en", "zh", "both"), default="both")
    args = parser.parse_args(argv)
    for language in ("en", "zh") if args.lang == "both" else (args.lang,):
        capture(args.out, language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
