"""The first screen: start a new assessment, open the sample, or reopen a recent one.

Archived assessments are left out unless "Show archived" is ticked (remembered
in QSettings). Right-clicking an assessment opens its menu (the actions the
window's Edit menu has: rename, re-assess, archive, delete).

Signals:
    new_requested(): the user wants a new assessment.
    sample_requested(): the user wants the sample assessment.
    open_requested(int): the user picked an existing assessment.
    menu_requested(QPoint): the user asked for the chosen assessment's menu, at that
        point of the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.storage.store import Store


class WelcomePage(QWidget):
    """Where every session starts."""

    new_requested = Signal()
    sample_requested = Signal()
    open_requested = Signal(int)
    menu_requested = Signal(QPoint)

    def __init__(self, store: Store, product: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self._store = store
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        title = QLabel(f"<h1>{product}</h1>")  # the product's name in the chosen language
        outer.addWidget(title)
        intro = QLabel(
            self.tr(
                "Find out whether your company is ready to sell in a foreign market: answer a "
                "guided questionnaire built from what industry leaders advise, pick your target "
                "markets, and get readiness per market, the blockers, a ranked action plan and "
                "a report for management."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New assessment…"))
        self.new_button.setMinimumHeight(48)
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_requested)
        self.sample_button = QPushButton(self.tr("Open the sample assessment"))
        self.sample_button.setMinimumHeight(48)
        self.sample_button.clicked.connect(self.sample_requested)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        heading = QHBoxLayout()
        heading.addWidget(QLabel("<h3>" + self.tr("Your assessments") + "</h3>"))
        heading.addStretch(1)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setChecked(
            QSettings().value("assessments/showArchived", False, type=bool)  # type: ignore[arg-type]
        )
        self.show_archived.toggled.connect(self._archived_toggled)
        heading.addWidget(self.show_archived)
        outer.addLayout(heading)
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Your assessments"))
        self.recent.itemActivated.connect(self._open)
        self.recent.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.recent.customContextMenuRequested.connect(self._menu)
        outer.addWidget(self.recent, 1)
        where = QLabel(
            self.tr(
                "Stored in %1 — every answer is saved as you go, with automatic backups."
            ).replace("%1", str(store.path or store.location))
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(where)
        self.reload()

    def reload(self) -> None:
        """List the assessments in the store (the archived ones only when asked), keeping
        the one chosen."""
        chosen = self.chosen()
        self.recent.clear()
        every = self._store.list_assessments()
        archived = sum(summary.archived for summary in every)
        show = self.show_archived.isChecked()
        self.show_archived.setText(
            self.tr("Show archived (%1)").replace("%1", str(archived))
            if archived
            else self.tr("Show archived")
        )
        faded = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for summary in every:
            if summary.archived and not show:
                continue
            text = (
                f"{summary.company} — {summary.title}   "
                f"[{', '.join(summary.markets) or '-'}]   {summary.updated_at:%Y-%m-%d}"
            )
            entry = QListWidgetItem(text + (self.tr("   (archived)") if summary.archived else ""))
            entry.setData(Qt.ItemDataRole.UserRole, summary.id)
            entry.setData(Qt.ItemDataRole.UserRole + 1, summary.archived)
            if summary.archived:
                entry.setForeground(faded)
            self.recent.addItem(entry)
            if summary.id == chosen:
                self.recent.setCurrentItem(entry)
        if self.recent.count() == 0:
            empty = (
                self.tr("No assessments in the list: %1 archived.").replace("%1", str(archived))
                if archived
                else self.tr("No assessments yet.")
            )
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)

    def chosen(self) -> int | None:
        """The id of the assessment chosen in the list, if any."""
        entry = self.recent.currentItem()
        value = entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None
        return int(value) if value is not None else None

    def chosen_archived(self) -> bool:
        """Whether the assessment chosen in the list is archived."""
        entry = self.recent.currentItem()
        return bool(entry is not None and entry.data(Qt.ItemDataRole.UserRole + 1))

    def choose(self, assessment_id: int) -> bool:
        """Make ``assessment_id`` the chosen one in the list; False when it is not shown."""
        for row in range(self.recent.count()):
            entry = self.recent.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == assessment_id:
                self.recent.setCurrentItem(entry)
                return True
        return False

    def _archived_toggled(self, shown: bool) -> None:
        QSettings().setValue("assessments/showArchived", shown)
        self.reload()

    def _menu(self, where: QPoint) -> None:
        entry = self.recent.itemAt(where)
        if entry is None or entry.data(Qt.ItemDataRole.UserRole) is None:
            return
        self.recent.setCurrentItem(entry)
        self.menu_requested.emit(self.recent.viewport().mapToGlobal(where))

    def _open(self, entry: QListWidgetItem) -> None:
        assessment_id = entry.data(Qt.ItemDataRole.UserRole)
        if assessment_id is not None:
            self.open_requested.emit(int(assessment_id))
