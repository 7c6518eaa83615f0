"""A database's refusal in the user's language, its own words kept for the details.

The store words its errors in English for the command line; when the database itself
refused (``StoreError.problem``), the app says what happened in the chosen language
and keeps the server's text (which may quote SQL) out of the sentence: it goes to
the log and to the "Show Details" part of the message box (:func:`details_of`).
"""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from readiness.storage.credentials import CredentialsError, Reason, display_location
from readiness.storage.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    DatabaseProblem,
    NotOurFileError,
    StoreError,
    StoreNotWritableError,
)
from ui.dialogs.database import connection_problem_text

_LOG = logging.getLogger(__name__)
_KEPT = 20  # the details of the last refusals, for the message boxes that show them
_details: dict[str, str] = {}


def store_error_text(error: BaseException) -> str:
    """What went wrong, for the status bar and message boxes, in the UI's language."""
    problem = error.problem if isinstance(error, StoreError) else None
    if problem is None:
        return str(error)
    text = _worded(problem)
    if problem.detail:
        _LOG.warning("%s (the database said: %s)", text, problem.detail)
        _details.pop(text, None)
        _details[text] = problem.detail
        while len(_details) > _KEPT:
            _details.pop(next(iter(_details)))
    return text


def details_of(text: str) -> str:
    """The database's own words behind a message :func:`store_error_text` gave ("" if none)."""
    return _details.get(text, "")


def _worded(problem: DatabaseProblem) -> str:
    translate = QCoreApplication.translate
    where = display_location(problem.location)
    nothing = translate("StoreErrors", "Nothing was changed.")
    if problem.server:
        explained = CredentialsError(
            problem.detail, reason=cast(Reason, problem.kind), server=problem.server
        )
        return f"{connection_problem_text(explained)} {nothing}"
    # Written out in full, one literal each, so that lupdate finds every sentence.
    texts = {
        "busy": translate(
            "StoreErrors",
            "%1 is busy: another program is writing to it. Nothing was changed; try again "
            "in a moment.",
        ),
        "read-only": translate(
            "StoreErrors",
            "%1 cannot be written (a read-only file or folder). Nothing was changed.",
        ),
        "disk-full": translate(
            "StoreErrors",
            "The disk holding %1 is full. Nothing was changed; free some space and try again.",
        ),
    }
    refused = translate(
        "StoreErrors",
        "The database %1 refused the change. Nothing was changed. The database's own "
        "message is in the details; show it to the database's administrator.",
    )
    return texts.get(problem.kind, refused).replace("%1", where)


def warn(parent: QWidget, title: str, message: str) -> None:
    """A warning box; "Show Details" holds the database's own words behind ``message``."""
    details = details_of(message)
    if not details:
        QMessageBox.warning(parent, title, message)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
    box.setObjectName("refusalDetails")
    box.setDetailedText(details)
    box.exec()


def _product() -> str:
    """The product's name as the app shows it, in the chosen language."""
    return QGuiApplication.applicationDisplayName()


def opening_text(error: StoreError, location: str) -> str:
    """Why the database at ``location`` could not be opened as asked, in the UI's language;
    the store's own English sentence, with its technical cause, kept for the details."""
    translate = QCoreApplication.translate
    where = display_location(location)
    if isinstance(error, DamagedDatabaseError):
        text = translate(
            "StoreErrors", "The database %1 is damaged. It was moved aside to %2."
        ).replace("%2", str(error.moved_to))
    elif isinstance(error, DatabaseLockedError):
        text = translate(
            "StoreErrors",
            "%1 is already open in another window or program. Close it there, or open "
            "this one read-only.",
        )
    elif isinstance(error, StoreNotWritableError):
        text = translate(
            "StoreErrors",
            "%1 cannot be written (%2): the file or its folder may be read-only. Open it "
            "read-only, or choose another file.",
        ).replace("%2", error.reason)
    elif isinstance(error, NotOurFileError):
        text = translate(
            "StoreErrors",
            "%1 is not a %2 database; it was left untouched. Choose another file.",
        ).replace("%2", _product())
    else:
        return store_error_text(error)
    text = text.replace("%1", where)
    _details.pop(text, None)
    _details[text] = str(error)
    return text
