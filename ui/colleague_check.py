"""Watching the open assessment for colleagues' changes, by polling its revision.

Every two seconds the check asks the store for the assessment's revision, a
single indexed read on a worker thread, and has the workspace reload when it
moved; then it says who changed what. Polling works the same on an SQLite file
(opened read-only beside a writer) and on a server, and through connection
poolers that drop PostgreSQL's LISTEN; two seconds is quicker than a colleague
can switch to their window.

Signals:
    colleagues_changed(str): the views show a colleague's change; the text says who and what.
    notice(str): the server cannot be reached, or can again.
"""

from __future__ import annotations

import weakref
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from readiness.domain.results import AssessmentResult
from readiness.services.editing import summarise_changes
from readiness.storage.errors import StoreError
from readiness.storage.store import Store
from ui.store_read import StoreRead, StoreRelay

POLL_INTERVAL_MS = 2000


class Watched(Protocol):
    """What the check needs of the open assessment (the workspace)."""

    store: Store
    assessment_id: int | None
    result: AssessmentResult | None

    @property
    def user(self) -> str:
        """The name recorded on this user's changes."""
        ...

    @property
    def saving(self) -> bool:
        """Whether the user's own answers are on their way to the store."""
        ...

    def refresh(self, *, quiet: bool = False) -> bool:
        """Read the assessment again; False when the store cannot be read."""
        ...


class ColleagueCheck(QObject):
    """Polls the open assessment's revision and reloads it when a colleague changed it."""

    colleagues_changed = Signal(str)
    notice = Signal(str)

    def __init__(self, watched: Watched, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Weak: a reference cycle with the workspace would leave the timer to the
        # garbage collector, which may run on a worker thread that cannot stop it.
        self._watched_ref = weakref.ref(watched)
        # The revision the views show; None until the first reading.
        self.seen_revision: int | None = None
        self._unreachable = False
        self._checking = False
        # No parent: a check still running when the workspace goes must not emit
        # into a deleted object (the worker keeps the relay alive).
        self._relay = StoreRelay()
        self._relay.done.connect(self._background_checked)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self._poll_in_background)

    @property
    def _watched(self) -> Watched:
        watched = self._watched_ref()
        assert watched is not None  # the workspace owns this check
        return watched

    def poll(self) -> None:
        """Check now, on this thread, whether someone else changed the open assessment."""
        assessment_id = self._watched.assessment_id
        if not self._can_poll() or assessment_id is None:
            return
        try:
            revision: int | StoreError = self._watched.store.revision(assessment_id)
        except StoreError as error:
            revision = error
        self.revision_read(assessment_id, revision)

    def _poll_in_background(self) -> None:
        # The timer's check reads one number on a worker thread: a slow or
        # unreachable server never freezes the window.
        assessment_id = self._watched.assessment_id
        if not self._can_poll() or self._checking or assessment_id is None:
            return
        self._checking = True
        QThreadPool.globalInstance().start(
            StoreRead(
                partial(self._watched.store.revision, assessment_id), assessment_id, self._relay
            )
        )

    def _background_checked(self, assessment_id: int, revision: object) -> None:
        self._checking = False
        if not self._watched.store.closed:
            assert isinstance(revision, int | StoreError)
            self.revision_read(assessment_id, revision)

    def _can_poll(self) -> bool:
        if self._watched.store.closed:
            self.timer.stop()  # the app moved to another database
            return False
        # While the user's own answers are being written, their revisions are
        # not a colleague's: the reading after the writes shows them.
        return self.seen_revision is not None and not self._watched.saving

    def revision_read(self, assessment_id: int, revision: int | StoreError) -> None:
        """Reload and say who changed what, or report that the server is away."""
        if assessment_id != self._watched.assessment_id:
            return  # another assessment was opened meanwhile
        if (
            isinstance(revision, int)
            and self.seen_revision is not None
            and revision <= self.seen_revision
        ):
            # Read before the user's own latest save was shown: nothing new.
            self._reachable()
            return
        if revision == self.seen_revision:
            self._reachable()
            return
        before = self._watched.result
        if isinstance(revision, StoreError) or not self._watched.refresh(quiet=True):
            if not self._unreachable:
                self._unreachable = True
                reason = (
                    str(revision)
                    if isinstance(revision, StoreError)
                    else self.tr("the database cannot be read")
                )
                self.notice.emit(
                    self.tr("Cannot check for colleagues' changes: %1 Retrying.").replace(
                        "%1", reason
                    )
                )
            return
        self._reachable()
        message = self.describe_changes(before)
        if message:
            self.colleagues_changed.emit(message)

    def _reachable(self) -> None:
        if self._unreachable:
            self._unreachable = False
            self.notice.emit(self.tr("Connected again"))

    def describe_changes(self, before: AssessmentResult | None) -> str:
        """Who changed how many answers between ``before`` and now, in words."""
        after = self._watched.result
        if before is None or after is None:
            return ""
        summary = summarise_changes(before.answers, after.answers, self._watched.user)
        if summary.count == 0:
            return self.tr("Updated with colleagues' changes")
        who = ", ".join(summary.people) if summary.people else self.tr("colleagues")
        if summary.count == 1:
            return self.tr("One answer changed by %1").replace("%1", who)
        return (
            self.tr("%1 answers changed by %2").replace("%1", str(summary.count)).replace("%2", who)
        )
