"""Screenshots of managing assessments (called by :mod:`ui.screenshots`): the assessments
list with its menu open, and a milestone comparison on the history tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from readiness.services.managing import duplicate_assessment
from ui.main_window import MainWindow


def _settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def capture_managing(window: MainWindow, out: Path, language: str, app: QApplication) -> None:
    """Grab the assessments list with an assessment's menu open, and a milestone comparison."""
    workspace = window.workspace
    store = workspace.store
    sample = workspace.assessment_id
    assert sample is not None
    window.tabs.setCurrentWidget(window.history)
    window.history.list.setCurrentRow(window.history.list.count() - 1)
    _settle(app)
    window.grab().save(str(out / f"milestone-comparison-{language}.png"))
    print(out / f"milestone-comparison-{language}.png")

    # A list as a user has it after a year: a re-assessment, and last year's one archived.
    title = "2028 复评" if language == "zh" else "2028 re-assessment"
    duplicate_assessment(store, sample, title)
    store.set_archived(sample, True)
    window.welcome.show_archived.setChecked(True)
    window.show_welcome()
    window.welcome.choose(sample)
    _settle(app)
    entry = window.welcome.recent.currentItem()
    row = window.welcome.recent.visualItemRect(entry)
    # Opened near the row's start, so the row's "(archived)" stays in sight.
    where = QPoint(row.left() + 220, row.center().y())
    window.welcome.recent.customContextMenuRequested.emit(where)
    menu = window.assessment_actions.list_menu
    assert menu is not None
    _settle(app)
    shot = window.grab()
    # The menu is a window of its own: paint it where it opened.
    at = window.mapFromGlobal(menu.pos())
    painter = QPainter(shot)
    painter.drawPixmap(QPoint(at.x(), at.y()), menu.grab())
    painter.end()
    shot.save(str(out / f"assessments-menu-{language}.png"))
    print(out / f"assessments-menu-{language}.png")
    menu.close()
