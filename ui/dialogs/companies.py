"""The register of member firms: archive a firm, merge two that are one, delete one.

Merging and deleting take a checked backup first and say where it is
(:mod:`readiness.services.companies`); archived firms leave the lists and the
portfolio and come back with Unarchive.

Signals:
    changed(): the register changed (the assessments list should be read again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness.domain.register import RegisteredCompany
from readiness.services.companies import CompanyChange, delete_company, merge_companies
from readiness.storage.errors import StoreError
from ui.models.companies import CompaniesModel
from ui.store_errors import store_error_text
from ui.store_read import StoreRead, StoreRelay
from ui.workspace import Workspace


class CompaniesDialog(QDialog):
    """The companies of the database, with archive, merge and delete."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("companiesDialog")
        self.setWindowTitle(self.tr("Companies"))
        self._workspace = workspace
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.toggled.connect(self.reload)
        layout.addWidget(self.show_archived)
        self.model = CompaniesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CompaniesModel.NAME, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.merge_button = QPushButton(self.tr("Merge into…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        for button, act in (
            (self.archive_button, self.toggle_archived),
            (self.merge_button, self.merge),
            (self.delete_button, self.delete),
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(act)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.resize(620, 380)
        self._relay = StoreRelay()
        # Each read is numbered: only the latest one's outcome is shown.
        self._generation = 0
        self._relay.done.connect(self._read)
        # Whether this login may change the register (a team server: administrators only).
        self.may_change = False
        # A merge or delete under way (its backup can take a while): one at a time.
        self.busy = False
        self._changes = StoreRelay()
        self._changes.done.connect(self._changed)
        self._change_text = ""
        self.reload()

    def reload(self) -> None:
        """Read the register again, off the UI thread."""
        self._generation += 1
        store = self._workspace.store
        archived = None if self.show_archived.isChecked() else False
        QThreadPool.globalInstance().start(
            StoreRead(
                lambda: (store.companies(archived=archived), store.may_change_register()),
                self._generation,
                self._relay,
            )
        )

    def _read(self, generation: int, outcome: object) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        if isinstance(outcome, StoreError):
            self.status.setText(store_error_text(outcome))
            return
        entries, self.may_change = outcome if isinstance(outcome, tuple) else ([], False)
        self.model.set_entries(entries)
        if not self.may_change:
            self.status.setText(
                self.tr("Only the team's administrators archive, merge or delete member firms.")
            )
        self._update()

    def chosen(self) -> RegisteredCompany | None:
        """The selected company, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    def _update(self, *_: object) -> None:
        entry = self.chosen()
        writable = not self._workspace.store.read_only and self.may_change and not self.busy
        for button in (self.archive_button, self.merge_button, self.delete_button):
            button.setEnabled(entry is not None and writable)
        self.merge_button.setEnabled(self.merge_button.isEnabled() and len(self.model.entries) > 1)
        archived = entry is not None and entry.archived
        self.archive_button.setText(self.tr("Unarchive") if archived else self.tr("Archive"))

    def _done(self, message: str) -> None:
        self.status.setText(message)
        self._workspace.saved.emit(message)
        self.changed.emit()
        self.reload()

    def toggle_archived(self) -> None:
        """Archive the selected firm, or bring an archived one back."""
        entry = self.chosen()
        if entry is None:
            return
        try:
            saved = self._workspace.store.set_company_archived(entry.company.id, not entry.archived)
        except StoreError as error:
            self.status.setText(store_error_text(error))
            return
        text = self.tr("Archived “%1”") if saved.archived_at else self.tr("“%1” is back")
        self._done(text.replace("%1", saved.name))

    def merge(self) -> None:
        """Move the selected firm's assessments to another company and remove it."""
        entry = self.chosen()
        if entry is None:
            return
        others = [e for e in self.model.entries if e.company.id != entry.company.id]
        names = [f"{e.company.name} (#{e.company.id})" for e in others]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Merge “%1”").replace("%1", entry.company.name),
            self.tr("Move its %1 assessments to:").replace("%1", str(entry.assessments)),
            names,
            0,
            False,
        )
        if not ok or name not in names:
            return
        into = others[names.index(name)].company
        self._change(
            lambda: merge_companies(self._workspace.store, into.id, entry.company.id),
            self.tr("Merged “%1” into “%2”. The backup taken just before is %3"),
        )

    def delete(self) -> None:
        """Delete the selected firm with its assessments, after a confirmation and a backup."""
        entry = self.chosen()
        if entry is None:
            return
        sure = QMessageBox.question(
            self,
            self.tr("Delete company"),
            self.tr(
                "Delete “%1” with its %2 assessments and all their answers? "
                "A backup is taken first."
            )
            .replace("%1", entry.company.name)
            .replace("%2", str(entry.assessments)),
        )
        if sure != QMessageBox.StandardButton.Yes:
            return
        self._change(
            lambda: delete_company(self._workspace.store, entry.company.id),
            self.tr("Deleted “%1”. The backup taken just before is %3"),
        )

    def _change(self, run: Callable[[], CompanyChange], text: str) -> None:
        """Run a merge or delete (backup first) off the UI thread; ``text`` words its outcome."""
        self.busy = True
        self._change_text = text
        self.status.setText(self.tr("Taking a backup, then changing the register…"))
        self._update()
        QThreadPool.globalInstance().start(StoreRead(run, 0, self._changes))

    def _changed(self, _key: int, outcome: object) -> None:
        self.busy = False
        self._update()
        if isinstance(outcome, StoreError):
            self.status.setText(store_error_text(outcome))
            return
        if not isinstance(outcome, CompanyChange):
            return
        done, text = outcome, self._change_text
        backups = ", ".join(str(path) for path in done.backups) or "-"
        into = done.into.name if done.into is not None else ""
        self._done(text.replace("%1", done.company.name).replace("%2", into).replace("%3", backups))
