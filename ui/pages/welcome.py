"""The first screen: start a new assessment, open the sample, or reopen a recent one.

Signals:
    new_requested(): the user wants a new assessment.
    sample_requested(): the user wants the sample assessment.
    open_requested(int): the user picked an existing assessment.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
        outer.addWidget(QLabel("<h3>" + self.tr("Your assessments") + "</h3>"))
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Your assessments"))
        self.recent.itemActivated.connect(self._open)
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
        """List the assessments in the store."""
        self.recent.clear()
        for summary in self._store.list_assessments():
            entry = QListWidgetItem(
                f"{summary.company} — {summary.title}   "
                f"[{', '.join(summary.markets) or '-'}]   {summary.updated_at:%Y-%m-%d}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.recent.addItem(entry)
        if self.recent.count() == 0:
            placeholder = QListWidgetItem(self.tr("No assessments yet."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(placeholder)

    def _open(self, entry: QListWidgetItem) -> None:
        assessment_id = entry.data(Qt.ItemDataRole.UserRole)
        if assessment_id is not None:
            self.open_requested.emit(int(assessment_id))
