"""Rename, re-assess, archive and delete an assessment: the actions of the assessments
list's menu and of the window's Edit menu.

They act on the assessment chosen in the list on the welcome screen, or on the
open one. Renaming and archiving are undoable (on the workspace's undo stack);
deleting is confirmed in a dialog that names what is lost and where the backup
goes, and the backup is taken and checked before anything is deleted
(:mod:`readiness.services.managing`).

Signals:
    changed(): an assessment was renamed, archived, brought back or deleted.
    open_requested(int): a re-assessment was started; open it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Signal, SignalInstance
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox, QWidget

from readiness import APP_NAME
from readiness.services.managing import (
    delete_assessment,
    duplicate_assessment,
    re_assessment_title,
    server_copies_folder,
)
from readiness.storage.backup import backup_dir_for
from readiness.storage.errors import StoreError
from ui.dialogs.companies import CompaniesDialog
from ui.workspace import Workspace

# The assessment to act on, or None: the one chosen in the list, or the open one.
Target = Callable[[], int | None]


class _HeaderCommand(QUndoCommand):
    """One undoable change to an assessment's header: its title or whether it is archived."""

    def __init__(
        self,
        actions: AssessmentActions,
        text: str,
        forward: Callable[[], object],
        back: Callable[[], object],
    ) -> None:
        super().__init__(text)
        self._actions = actions
        self._forward = forward
        self._back = back

    def redo(self) -> None:
        if not self._actions.write(self._forward):
            self.setObsolete(True)  # nothing was written: the stack drops it

    def undo(self) -> None:
        if not self._actions.write(self._back):
            self.setObsolete(True)


class AssessmentActions(QObject):
    """The four actions on an assessment, for a menu, and what they do."""

    changed = Signal()
    open_requested = Signal(int)

    def __init__(
        self, workspace: Workspace, window: QWidget, target: Target, *moved: SignalInstance
    ) -> None:
        """``moved``: signals after which the target may be another (a page shown)."""
        super().__init__(window)
        self.workspace = workspace
        self._window = window
        self.list_menu: QMenu | None = None
        self._target = target
        self.rename_action = QAction(self.tr("&Rename…"), self)
        self.rename_action.triggered.connect(lambda: self._on_target(self.rename))
        self.duplicate_action = QAction(self.tr("D&uplicate as re-assessment…"), self)
        self.duplicate_action.triggered.connect(lambda: self._on_target(self.duplicate))
        self.archive_action = QAction(self.tr("&Archive"), self)
        self.archive_action.triggered.connect(lambda: self._on_target(self.toggle_archived))
        self.delete_action = QAction(self.tr("&Delete…"), self)
        self.delete_action.triggered.connect(lambda: self._on_target(self.delete))
        # The register of member firms: not about one assessment, so always there.
        self.companies_action = QAction(self.tr("&Companies…"), self)
        self.companies_action.triggered.connect(self.companies)
        self.actions = [
            self.rename_action,
            self.duplicate_action,
            self.archive_action,
            self.delete_action,
        ]
        for signal in moved:
            signal.connect(self.update)
        self.update()

    # --- the menu ---------------------------------------------------------------------

    def update(self) -> None:
        """Enable the actions when there is an assessment to act on; say Archive or Unarchive."""
        target = self._target()
        writable = not self.workspace.store.read_only
        for action in self.actions:
            action.setEnabled(target is not None and writable)
        archived = target is not None and self._archived(target)
        self.archive_action.setText(self.tr("Un&archive") if archived else self.tr("&Archive"))

    def menu(self, parent: QWidget) -> QMenu:
        """A menu with the four actions, up to date."""
        self.update()
        menu = QMenu(parent)
        menu.addActions(self.actions)
        menu.insertSeparator(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.companies_action)
        return menu

    def companies(self) -> None:
        """Open the register of member firms; the list is read again after a change."""
        dialog = CompaniesDialog(self.workspace, self._window)
        dialog.changed.connect(self.changed)
        dialog.exec()

    def popup(self, where: QPoint) -> None:
        """Show the menu at ``where`` on the screen (the list's context menu)."""
        self.list_menu = self.menu(self._window)
        self.list_menu.popup(where)

    def _on_target(self, act: Callable[[int], object]) -> None:
        target = self._target()
        if target is not None:
            act(target)

    def _archived(self, assessment_id: int) -> bool:
        try:
            return self.workspace.store.assessment(assessment_id).status == "archived"
        except StoreError:
            return False

    def write(self, change: Callable[[], object]) -> bool:
        """Run one write; tell the views, or say why it failed. Returns whether it was written."""
        try:
            change()
        except StoreError as error:
            self.workspace.failed.emit(str(error))
            return False
        self.changed.emit()
        return True

    # --- the actions ------------------------------------------------------------------

    def rename(self, assessment_id: int, title: str | None = None) -> None:
        """Give the assessment a new title (asked for when not given); undoable."""
        store = self.workspace.store
        old = store.assessment(assessment_id).title
        if title is None:
            title, ok = QInputDialog.getText(
                self._window,
                self.tr("Rename assessment"),
                self.tr("New title:"),
                QLineEdit.EchoMode.Normal,
                old,
            )
            if not ok:
                return
        new = title.strip()
        if not new or new == old:
            return
        self.workspace.undo_stack.push(
            _HeaderCommand(
                self,
                self.tr("Rename “%1”").replace("%1", old),
                lambda: store.rename_assessment(assessment_id, new),
                lambda: store.rename_assessment(assessment_id, old),
            )
        )
        self.workspace.saved.emit(self.tr("Renamed to “%1”").replace("%1", new))

    def toggle_archived(self, assessment_id: int) -> None:
        """Archive the assessment, or bring an archived one back."""
        self.set_archived(assessment_id, not self._archived(assessment_id))

    def set_archived(self, assessment_id: int, archived: bool) -> None:
        """Archive the assessment or bring it back; undoable."""
        store = self.workspace.store
        title = store.assessment(assessment_id).title
        text = self.tr("Archive “%1”") if archived else self.tr("Unarchive “%1”")
        self.workspace.undo_stack.push(
            _HeaderCommand(
                self,
                text.replace("%1", title),
                lambda: store.set_archived(assessment_id, archived),
                lambda: store.set_archived(assessment_id, not archived),
            )
        )
        done = (
            self.tr("Archived “%1”: tick “Show archived” to see it")
            if archived
            else self.tr("“%1” is back in the list")
        )
        self.workspace.saved.emit(done.replace("%1", title))

    def duplicate(self, assessment_id: int, title: str | None = None) -> int | None:
        """Start a re-assessment (title asked for when not given) and open it; its id."""
        store = self.workspace.store
        old = store.assessment(assessment_id)
        if title is None:
            title, ok = QInputDialog.getText(
                self._window,
                self.tr("Duplicate as re-assessment"),
                self.tr(
                    "The new assessment starts with the same company, markets and answers; "
                    "its history carries on from “%1”.\n\nTitle:"
                ).replace("%1", old.title),
                QLineEdit.EchoMode.Normal,
                re_assessment_title(old.title),
            )
            if not ok or not title.strip():
                return None
        try:
            new = duplicate_assessment(store, assessment_id, title.strip())
        except StoreError as error:
            self.workspace.failed.emit(str(error))
            return None
        self.changed.emit()
        self.open_requested.emit(new.id)
        self.workspace.saved.emit(self.tr("Re-assessment “%1” started").replace("%1", new.title))
        return new.id

    def backup_folder(self) -> Path:
        """Where the backup taken before a delete goes."""
        path = self.workspace.store.path
        return backup_dir_for(path) if path is not None else server_copies_folder()

    def delete_question(self, assessment_id: int) -> QMessageBox:
        """The confirmation a delete asks: what is lost, and where the backup goes."""
        snapshot = self.workspace.store.snapshot(assessment_id)
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete assessment"))
        box.setText(
            self.tr("Delete “%1” of %2?")
            .replace("%1", snapshot.assessment.title)
            .replace("%2", snapshot.company.name)
        )
        box.setInformativeText(
            self.tr(
                "Its %1 answers, its action plan and its %2 milestones are deleted. "
                "A backup is taken first, in %3."
            )
            .replace("%1", str(len(snapshot.answers)))
            .replace("%2", str(len(snapshot.milestones)))
            .replace("%3", str(self.backup_folder()))
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirmDelete")
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        return box

    def delete(self, assessment_id: int) -> bool:
        """Ask, take a checked backup, then delete; say where the backup is. Whether deleted."""
        box = self.delete_question(assessment_id)
        box.exec()
        clicked = box.clickedButton()
        if clicked is None or clicked.objectName() != "confirmDelete":
            return False
        try:
            deleted = delete_assessment(self.workspace.store, assessment_id)
        except StoreError as error:
            self.workspace.failed.emit(str(error))
            return False
        if self.workspace.assessment_id == assessment_id:
            self.workspace.close_assessment()
        self.changed.emit()
        message = (
            self.tr("Deleted “%1”. The backup taken just before is %2")
            .replace("%1", deleted.assessment.title)
            .replace("%2", str(deleted.backup))
        )
        self.workspace.saved.emit(message)
        QMessageBox.information(self._window, APP_NAME, message)
        return True
