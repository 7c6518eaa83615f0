"""File > Import: an archive or exchange file as a new assessment, all or nothing.

When the file's assessment is already in the database (imported, copied or
exported from here before), the user chooses: replace it (after a checked
backup, whose place is said), keep both (the new one's title says when it was
imported), or cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from readiness.exchange.document import ExchangeError, read_document
from readiness.services.archive import import_archive
from readiness.services.importing import (
    AlreadyThereError,
    Imported,
    OnExisting,
    import_choosing,
)
from readiness.storage.errors import StoreError
from ui.store_errors import store_error_text
from ui.workspace import Workspace


def ask_on_existing(parent: QWidget, existing: str, *, firm: bool = False) -> OnExisting:
    """Ask what to do with an assessment, or with a firm (``firm``), already in the database."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Importing", "Already imported"))
    box.setText(
        QCoreApplication.translate(
            "Importing", "“%1” is already in this database. What should the import do?"
        ).replace("%1", existing)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Importing",
            "The assessment joins this company either way. Replace: the company takes the "
            "file's profile. Keep both: the company keeps its own profile. "
            "Cancel: nothing is imported.",
        )
        if firm
        else QCoreApplication.translate(
            "Importing",
            "Replace it: the file's answers take its place, after a backup. "
            "Keep both: the new one's title says it was imported today. "
            "Cancel: nothing is imported.",
        )
    )
    replace = box.addButton(
        QCoreApplication.translate("Importing", "Replace"), QMessageBox.ButtonRole.DestructiveRole
    )
    replace.setObjectName("replace")
    keep = box.addButton(
        QCoreApplication.translate("Importing", "Keep both"), QMessageBox.ButtonRole.AcceptRole
    )
    keep.setObjectName("keepBoth")
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    clicked = box.clickedButton()
    if clicked is replace:
        return OnExisting.REPLACE
    if clicked is keep:
        return OnExisting.KEEP_BOTH
    return OnExisting.CANCEL


def import_file(
    parent: QWidget, workspace: Workspace, source: Path, choice: OnExisting | None = None
) -> Imported | None:
    """Import ``source`` (.zip or .json), asking when its assessment is already there.

    Returns what was imported, or None when nothing was (cancelled, or refused:
    ``workspace.failed`` says why).
    """
    word = QCoreApplication.translate("Importing", "imported")
    try:
        if source.suffix.lower() == ".zip":
            done = import_archive(
                workspace.store, source, workspace.catalog, on_existing=choice, imported_word=word
            )
            return done.outcome
        document = read_document(source)
        return import_choosing(
            workspace.store, document, workspace.catalog, on_existing=choice, imported_word=word
        )
    except AlreadyThereError as there:
        if choice is not None:  # asked already, and cancelled
            return None
        answer = ask_on_existing(parent, there.name, firm=there.existing is None)
        if answer is OnExisting.CANCEL:
            workspace.saved.emit(QCoreApplication.translate("Importing", "Nothing was imported"))
            return None
        return import_file(parent, workspace, source, answer)
    except (ExchangeError, StoreError) as error:
        workspace.failed.emit(
            QCoreApplication.translate("Importing", "Nothing was imported: %1").replace(
                "%1", store_error_text(error)
            )
        )
        return None


def choose_and_import(parent: QWidget, workspace: Workspace) -> Imported | None:
    """Ask for a file and import it; what was imported, or None."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Importing", "Import assessment file"),
        str(Path.home()),
        QCoreApplication.translate("Importing", "Assessment files (*.zip *.json)"),
    )
    if not path:
        return None
    done = import_file(parent, workspace, Path(path))
    if done is None:
        return None
    if done.replaced is not None:
        workspace.saved.emit(
            QCoreApplication.translate(
                "Importing", "Replaced “%1” with %2; the backup taken before is %3"
            )
            .replace("%1", done.replaced.title)
            .replace("%2", path)
            .replace("%3", str(done.backup))
        )
    else:
        workspace.saved.emit(
            QCoreApplication.translate("Importing", "Imported %1").replace("%1", path)
        )
    return done
