"""Every change of one answer, newest first, and putting an earlier version back.

The history is read off the UI thread. Putting a version back goes through the
workspace's normal, undoable answer save, so the history records it in turn.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readiness.content.model import Item
from readiness.domain.history import HistoryChange, HistoryEntry
from readiness.storage.errors import StoreError
from ui.models.history import HistoryModel
from ui.store_errors import store_error_text
from ui.store_read import StoreRead, StoreRelay
from ui.workspace import Workspace


class AnswerHistoryDialog(QDialog):
    """The changes of the answer to ``item`` for ``market`` (None: company-wide)."""

    def __init__(
        self, workspace: Workspace, item: Item, market: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("answerHistoryDialog")
        self._workspace, self._item, self._market = workspace, item, market
        where = workspace.market_name(market) if market else self.tr("company")
        self.setWindowTitle(
            self.tr("History of %1 (%2)").replace("%1", item.id).replace("%2", where)
        )
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Reading the history…"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(HistoryModel.NOTE, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.put_back_button = QPushButton(self.tr("Put this version back"))
        self.put_back_button.setObjectName("putBack")
        self.put_back_button.setEnabled(False)
        self.put_back_button.setToolTip(
            self.tr("Saves the chosen version's answer, note and evidence; Undo takes it back.")
        )
        buttons.addButton(self.put_back_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.put_back_button.clicked.connect(self.put_back)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.resize(760, 360)
        # A parentless relay: a read still running when the dialog closes emits nowhere.
        self._relay = StoreRelay()
        # Each read is numbered: only the latest one's outcome is shown.
        self._generation = 0
        self._relay.done.connect(self._read)
        self.reload()

    def reload(self) -> None:
        """Read the history again, off the UI thread."""
        self._generation += 1
        assessment_id = self._workspace.assessment_id
        if assessment_id is None:
            return
        store, item_id, market = self._workspace.store, self._item.id, self._market
        QThreadPool.globalInstance().start(
            StoreRead(
                lambda: store.history(assessment_id, item_id, market), self._generation, self._relay
            )
        )

    def _read(self, generation: int, outcome: object) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        if isinstance(outcome, StoreError):
            self.status.setText(store_error_text(outcome))
            return
        entries = outcome if isinstance(outcome, list) else []
        self.model.set_entries(entries)
        self.status.setText(
            self.tr("%1 change(s), newest first. Choose one to put it back.").replace(
                "%1", str(len(entries))
            )
            if entries
            else self.tr("No change of this answer is recorded yet.")
        )
        self._selected(QItemSelection(), QItemSelection())

    def chosen(self) -> HistoryEntry | None:
        """The change whose version is selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        entry = self.chosen()
        # A cleared row has no version to put back; the newest one is the answer as it is.
        self.put_back_button.setEnabled(
            entry is not None
            and entry.change is HistoryChange.SET
            and entry is not self.model.entries[0]
        )

    def put_back(self) -> None:
        """Save the chosen version as the answer now (undoable); read the history again."""
        entry = self.chosen()
        if entry is None or entry.change is not HistoryChange.SET:
            return
        self._workspace.put_back(self._item, self._market, entry)
        self._workspace.finish_saves()
        self.reload()


def add_history_button(
    workspace: Workspace, row: QWidget, bottom: QHBoxLayout, item: Item, market: str | None
) -> QToolButton:
    """Put a History button on an answer row (in its ``bottom`` line) that opens the dialog."""
    button = QToolButton(row)
    button.setObjectName("historyButton")
    button.setText(QCoreApplication.translate("AnswerHistoryDialog", "History"))
    button.setToolTip(
        QCoreApplication.translate(
            "AnswerHistoryDialog", "Every change of this answer; put one back"
        )
    )
    button.clicked.connect(lambda: AnswerHistoryDialog(workspace, item, market, row).exec())
    bottom.addWidget(button)
    return button
