"""The open assessment: one object the widgets share, with signals for every change.

Widgets never talk to each other or to the store directly: they ask the
workspace, which calls the core, records undoable answer edits, and announces
what changed.

Signals:
    assessment_opened(int): a different assessment is now open.
    result_changed(): answers, markets or actions changed; ``result`` is fresh.
    saved(str): something was written; the text says what (for the status bar).
    failed(str): a write was refused; the text says why and that nothing was lost.
    colleagues_changed(str): someone else changed the open assessment; the views
        already show it, the text says who and what.
    notice(str): news from the background check (the server cannot be reached,
        or can again), for the status bar rather than a dialog.

Other people's changes arrive by polling: every two seconds the workspace asks
the store for the assessment's revision, a single indexed read, and reloads when
it moved. Polling works the same on an SQLite file (opened read-only beside a
writer) and on a server, and through connection poolers that drop PostgreSQL's
LISTEN; two seconds is quicker than a colleague can switch to their window.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from readiness.content.catalog import Catalog
from readiness.content.model import Item
from readiness.domain.answers import AnswerRejected, AnswerValue, check_answer
from readiness.domain.assignments import TeamAssignments
from readiness.domain.records import MarketChoice, SavedAction, SavedAnswer
from readiness.domain.results import AssessmentResult
from readiness.domain.scoring import AnswerKey
from readiness.domain.statuses import ActionStatus, AssignmentScope
from readiness.services.results import load_result
from readiness.storage import credentials
from readiness.storage.backup import backup_if_due
from readiness.storage.errors import ActionConflict, AnswerConflict, StoreError
from readiness.storage.location import default_database_path
from readiness.storage.store import Store

POLL_INTERVAL_MS = 2000

# Asked when a colleague changed what the user is saving: True keeps the user's
# version (written over theirs), False keeps theirs. The texts say what is being
# saved (question and market) and the user's version of it.
ConflictResolver = Callable[[AnswerConflict | ActionConflict, str, str], bool]


class _CheckRelay(QObject):
    """Carries a worker's result back to the UI thread (a queued signal)."""

    checked = Signal(int, object)  # assessment id, revision or the StoreError


class _RevisionCheck(QRunnable):
    """Reads the open assessment's revision off the UI thread."""

    def __init__(self, store: Store, assessment_id: int, relay: _CheckRelay) -> None:
        super().__init__()
        self._store = store
        self._assessment_id = assessment_id
        self._relay = relay

    def run(self) -> None:
        try:
            revision: int | StoreError = self._store.revision(self._assessment_id)
        except StoreError as error:
            revision = error
        self._relay.checked.emit(self._assessment_id, revision)


@dataclass(frozen=True)
class SaveOutcome:
    """What a versioned write left in the store.

    ``row`` is what the store returned (None for a cleared answer);
    ``replaced`` is the colleague's version the user chose to write over,
    when ``conflicted``.
    """

    row: SavedAnswer | SavedAction | None
    conflicted: bool = False
    replaced: SavedAnswer | SavedAction | None = None

    @property
    def version(self) -> int:
        """The row's version now (0: no row)."""
        return self.row.version if self.row is not None else 0


class AnswerCommand(QUndoCommand):
    """One answer change, undoable.

    Undo and redo each state the version this command last left the row at, so
    a colleague's change made in between is a conflict the user is asked about,
    never overwritten in silence.
    """

    def __init__(
        self,
        workspace: Workspace,
        key: AnswerKey,
        before: SavedAnswer | None,
        after: AnswerValue | None,
        text: str,
    ) -> None:
        super().__init__(text)
        self._workspace = workspace
        self._key = key
        self._before = before
        self._after = after
        self._version = before.version if before is not None else 0

    def _expected(self) -> int:
        # The user's own later changes to this answer (a note, evidence, another
        # command) are not a colleague's: state the version the user last wrote.
        return self._workspace.own_version(self._key, self._version)

    def redo(self) -> None:
        outcome = self._workspace._write_answer(self._key, self._after, expected=self._expected())
        if outcome is None:
            # Not written (refused, or a colleague's answer was kept): nothing to undo.
            self.setObsolete(True)
            return
        if outcome.conflicted:
            # Undo now puts back the colleague's answer this replaced.
            assert outcome.replaced is None or isinstance(outcome.replaced, SavedAnswer)
            self._before = outcome.replaced
        self._version = outcome.version

    def undo(self) -> None:
        before = self._before
        if before is None:
            outcome = self._workspace._write_answer(self._key, None, expected=self._expected())
        else:
            # Clearing an answer drops its note and evidence list; undoing the clear
            # puts them back. Undoing a changed value leaves both as they are now.
            cleared = self._after is None
            outcome = self._workspace._write_answer(
                self._key,
                AnswerValue(before.value),
                note=before.note if cleared else None,
                evidence=list(before.evidence) if cleared else None,
                expected=self._expected(),
            )
        if outcome is None:
            self.setObsolete(True)
            return
        self._version = outcome.version


class Workspace(QObject):
    """The store, the catalog and the open assessment, shared by every view."""

    assessment_opened = Signal(int)
    result_changed = Signal()
    saved = Signal(str)
    failed = Signal(str)
    colleagues_changed = Signal(str)
    notice = Signal(str)

    def __init__(
        self, store: Store, catalog: Catalog, language: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.catalog = catalog
        self.language = language
        self.undo_stack = QUndoStack(self)
        self.assessment_id: int | None = None
        self.result: AssessmentResult | None = None
        self.assignments = TeamAssignments()
        self.resolve_conflict: ConflictResolver | None = None
        # The version each answer had after this user's latest write to it.
        self._own_versions: dict[AnswerKey, int] = {}
        self._seen_revision: int | None = None
        self._unreachable = False
        self._checking = False
        # No parent: a check still running when the workspace goes must not emit
        # into a deleted object (the worker keeps the relay alive).
        self._relay = _CheckRelay()
        self._relay.checked.connect(self._background_checked)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self.poll_timer.timeout.connect(self._poll_in_background)

    def own_version(self, key: AnswerKey, otherwise: int) -> int:
        """The version this user's latest write left the answer at (``otherwise`` if none)."""
        return self._own_versions.get(key, otherwise)

    @property
    def user(self) -> str:
        """The name recorded on this user's changes."""
        return self.store.user

    # --- opening ----------------------------------------------------------------------

    def open_assessment(self, assessment_id: int) -> None:
        """Make ``assessment_id`` the open assessment."""
        self.assessment_id = assessment_id
        self.undo_stack.clear()
        self._own_versions.clear()
        self.refresh()
        self.assessment_opened.emit(assessment_id)
        self.poll_timer.start()

    def refresh(self, *, quiet: bool = False) -> bool:
        """Recompute the result from the store and tell the views.

        When the store cannot be read (a server gone away), the views keep what
        they show and ``failed`` says why (unless ``quiet``: the caller already
        reported a failure). Returns whether the views are up to date.
        """
        if self.assessment_id is None:
            return False
        try:
            # Read before the answers: a change landing in between is then seen
            # again by the next poll rather than missed.
            with self.store.reading_together():
                revision = self.store.revision(self.assessment_id)
                result = load_result(self.store, self.catalog, self.assessment_id)
                assignments = self.store.assignments(self.assessment_id)
        except StoreError as error:
            if not quiet:
                self.failed.emit(str(error))
            return False
        self.result = result
        self.assignments = TeamAssignments.from_rows(assignments)
        self._seen_revision = revision
        self.result_changed.emit()
        return True

    def poll(self) -> None:
        """Check now, on this thread, whether someone else changed the open assessment."""
        if not self._can_poll() or self.assessment_id is None:
            return
        try:
            revision: int | StoreError = self.store.revision(self.assessment_id)
        except StoreError as error:
            revision = error
        self._checked(self.assessment_id, revision)

    def _poll_in_background(self) -> None:
        # The timer's check reads one number on a worker thread: a slow or
        # unreachable server never freezes the window.
        if not self._can_poll() or self._checking or self.assessment_id is None:
            return
        self._checking = True
        QThreadPool.globalInstance().start(
            _RevisionCheck(self.store, self.assessment_id, self._relay)
        )

    def _background_checked(self, assessment_id: int, revision: object) -> None:
        self._checking = False
        if not self.store.closed:
            assert isinstance(revision, int | StoreError)
            self._checked(assessment_id, revision)

    def _can_poll(self) -> bool:
        if self.store.closed:
            self.poll_timer.stop()  # the app moved to another database
            return False
        return self._seen_revision is not None

    def _checked(self, assessment_id: int, revision: int | StoreError) -> None:
        """Reload and say who changed what, or report that the server is away."""
        if assessment_id != self.assessment_id:
            return  # another assessment was opened meanwhile
        if (
            isinstance(revision, int)
            and self._seen_revision is not None
            and revision <= self._seen_revision
        ):
            # Read before the user's own latest save was shown: nothing new.
            self._reachable()
            return
        if revision == self._seen_revision:
            self._reachable()
            return
        before = self.result
        if isinstance(revision, StoreError) or not self.refresh(quiet=True):
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
        message = self._describe_changes(before)
        if message:
            self.colleagues_changed.emit(message)

    def _reachable(self) -> None:
        if self._unreachable:
            self._unreachable = False
            self.notice.emit(self.tr("Connected again"))

    def _describe_changes(self, before: AssessmentResult | None) -> str:
        """Who changed how many answers between ``before`` and now."""
        if before is None or self.result is None:
            return ""
        old, new = before.answers, self.result.answers
        people: set[str] = set()
        count = 0
        for key in old.keys() | new.keys():
            was, now = old.get(key), new.get(key)
            if was is not None and now is not None and was.version == now.version:
                continue
            count += 1
            if now is not None and now.updated_by:
                people.add(now.updated_by)
        people.discard(self.user)
        if count == 0:
            return self.tr("Updated with colleagues' changes")
        who = ", ".join(sorted(people)) if people else self.tr("colleagues")
        if count == 1:
            return self.tr("One answer changed by %1").replace("%1", who)
        return self.tr("%1 answers changed by %2").replace("%1", str(count)).replace("%2", who)

    def create_assessment(
        self,
        company: str,
        title: str,
        markets: list[MarketChoice],
        *,
        industry: str = "",
        products: str = "",
        province: str = "",
    ) -> int:
        """Create a company and an assessment, then open it."""
        from readiness.services.assessments import create_company_assessment

        assessment_id = create_company_assessment(
            self.store,
            self.catalog,
            company,
            title,
            markets,
            industry=industry,
            products=products,
            province=province,
        )
        self.open_assessment(assessment_id)
        self.saved.emit(self.tr("Assessment created"))
        return assessment_id

    def create_sample(self) -> int:
        """Create (or reopen) the sample assessment."""
        from readiness.services.sample import open_sample

        sample = open_sample(self.store, self.catalog)
        self.open_assessment(sample.assessment_id)
        return sample.assessment_id

    # --- reading ----------------------------------------------------------------------

    def name(self, text: object) -> str:
        """A localized content text in the UI's language."""
        getter = getattr(text, "get", None)
        return str(getter(self.language)) if getter else str(text)

    def market_name(self, code: str) -> str:
        """A target market's name in the UI's language."""
        if self.result is None:
            return code
        return self.result.market_name(self.catalog, code).get(self.language)

    def saved_answer(self, key: AnswerKey) -> SavedAnswer | None:
        """The stored answer for (question, market), if any."""
        return self.result.answers.get(key) if self.result else None

    def answer_rows(self, item: Item) -> list[str | None]:
        """Where a question is answered: None for company-wide, else the markets it shows in."""
        return self.result.answer_rows(self.catalog, item) if self.result else []

    # --- writing answers ----------------------------------------------------------------

    def answer(self, item: Item, market: str | None, value: AnswerValue | None) -> bool:
        """Record an answer (None clears it) as an undoable step; False if refused."""
        if self.result is None:
            return False
        key: AnswerKey = (item.id, market)
        if value is not None:
            applicable = self.result.applicable_by_market(self.catalog)
            try:
                check_answer(item, market, value, applicable_items_by_market=applicable)
            except AnswerRejected as error:
                self.failed.emit(str(error))
                return False
        before = self.result.answers.get(key)
        if (before.value if before else None) == (value.value if value else None):
            return True
        where = self.market_name(market) if market else self.tr("company")
        self.undo_stack.push(AnswerCommand(self, key, before, value, f"{item.id} ({where})"))
        return True

    def _write_answer(
        self,
        key: AnswerKey,
        value: AnswerValue | None,
        *,
        note: str | None = None,
        evidence: list[str] | None = None,
        expected: int,
    ) -> SaveOutcome | None:
        """Write (or clear) one answer over the version ``expected``; None when not written."""
        assert self.assessment_id is not None
        assessment_id = self.assessment_id
        item_id, market = key

        def attempt(version: int, _base: SavedAnswer | SavedAction | None) -> SavedAnswer | None:
            if value is None:
                self.store.clear_answer(assessment_id, item_id, market, expected_version=version)
                return None
            return self.store.set_answer(
                assessment_id,
                item_id,
                market,
                value,
                note=note,
                evidence=evidence,
                expected_version=version,
            )

        mine = value.value if value is not None else self.tr("no answer")
        outcome = self._save(attempt, expected, None, mine, self._where(item_id, market))
        if outcome is not None:
            self._own_versions[key] = outcome.version
            self.saved.emit(
                self.tr("Saved %1 at %2")
                .replace("%1", item_id)
                .replace("%2", dt.datetime.now().strftime("%H:%M:%S"))
            )
        return outcome

    def _where(self, item_id: str, market: str | None) -> str:
        return f"{item_id} · {self.market_name(market) if market else self.tr('company')}"

    def _save(
        self,
        attempt: Callable[
            [int, SavedAnswer | SavedAction | None], SavedAnswer | SavedAction | None
        ],
        expected: int,
        seen: SavedAnswer | SavedAction | None,
        mine: str,
        what: str,
    ) -> SaveOutcome | None:
        """Run one versioned write; on a conflict, ask whose change to keep.

        ``attempt(version, base)`` writes the user's change onto ``base``: the row
        as the user saw it (``seen``), or on "keep mine" the colleague's, so that
        only what the user changed replaces theirs. Returns what was written, or
        None when nothing was. Either way the views end up showing the store.
        """
        try:
            try:
                outcome = SaveOutcome(attempt(expected, seen))
            except (AnswerConflict, ActionConflict) as conflict:
                keep_mine = self.resolve_conflict is not None and self.resolve_conflict(
                    conflict, what, mine
                )
                if not keep_mine:
                    self.refresh()
                    self.saved.emit(self.tr("Kept your colleague's change"))
                    return None
                theirs = conflict.theirs
                row = attempt(
                    theirs.version if theirs is not None else 0,
                    theirs if theirs is not None else seen,
                )
                outcome = SaveOutcome(row, conflicted=True, replaced=theirs)
        except StoreError as error:
            self.failed.emit(str(error))
            self.refresh(quiet=True)
            return None
        if isinstance(outcome.row, SavedAnswer):
            row = outcome.row
            self._own_versions[(row.item_id, row.market_code or None)] = row.version
        self.refresh()
        return outcome

    def set_note(
        self, item: Item, market: str | None, note: str, *, seen_version: int | None = None
    ) -> None:
        """Save the note of an answered question.

        ``seen_version`` is the answer's version when the user started typing: a
        colleague's change since then is a conflict, not overwritten.
        """
        key = (item.id, market)
        saved = self.saved_answer(key)
        if saved is None or self.assessment_id is None:
            return
        if saved.note == note and seen_version in (None, saved.version):
            return
        expected = seen_version if seen_version is not None else saved.version
        # The user's own saves since they started typing are not a colleague's.
        expected = max(expected, self._own_versions.get(key, 0))
        if self._save_detail(saved, expected, note, note=note):
            self.saved.emit(self.tr("Note saved"))

    def _save_detail(
        self,
        saved: SavedAnswer,
        expected: int,
        mine: str,
        *,
        note: str | None = None,
        files: Callable[[list[str]], list[str]] | None = None,
    ) -> SaveOutcome | None:
        """Save a change to an answer's note or evidence list, nothing else.

        The change is applied to the answer as it stands (the colleague's, on
        "keep mine"): their value, and files they attached meanwhile, stay.
        """
        assert self.assessment_id is not None
        assessment_id = self.assessment_id
        market = saved.market_code or None

        def attempt(version: int, base: SavedAnswer | SavedAction | None) -> SavedAnswer:
            current = base if isinstance(base, SavedAnswer) else saved
            return self.store.set_answer(
                assessment_id,
                saved.item_id,
                market,
                AnswerValue(current.value),
                note=note,
                evidence=files(list(current.evidence)) if files is not None else None,
                expected_version=version,
            )

        return self._save(attempt, expected, saved, mine, self._where(saved.item_id, market))

    # --- evidence -------------------------------------------------------------------------

    def evidence_folder(self) -> Path:
        """Where attached evidence files are kept: beside the database file, or for a
        team server in this computer's data folder, one folder per server account."""
        if self.store.path is not None:
            return self.store.path.parent / "evidence" / str(self.assessment_id)
        server = re.sub(r"[^A-Za-z0-9._-]+", "_", credentials.server_key(self.store.location))
        base = default_database_path().parent / "evidence" / server
        return base / str(self.assessment_id)

    def owns_evidence(self, path: str) -> bool:
        """Whether a listed file is a copy the app made in its own evidence folder.

        Paths can come from imported files: only the app's own copies are opened
        or deleted, never a path that merely claims to be inside the folder.
        """
        try:
            return Path(path).resolve().is_relative_to(self.evidence_folder().resolve())
        except (OSError, ValueError):
            return False

    def attach_evidence(self, item: Item, market: str | None, source: Path) -> None:
        """Copy a file into the data folder and list it on the answer."""
        saved = self.saved_answer((item.id, market))
        if saved is None or self.assessment_id is None:
            self.failed.emit(self.tr("Answer the question before attaching evidence."))
            return
        folder = self.evidence_folder() / f"{item.id}-{market or 'company'}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / source.name
            counter = 1
            while target.exists():
                counter += 1
                target = folder / f"{source.stem}-{counter}{source.suffix}"
            shutil.copy2(source, target)
        except OSError as error:
            self.failed.emit(
                self.tr("Could not attach %1: %2")
                .replace("%1", source.name)
                .replace("%2", str(error))
            )
            return
        if self._save_detail(
            saved, saved.version, source.name, files=lambda files: [*files, str(target)]
        ):
            self.saved.emit(self.tr("Evidence attached"))
        else:
            target.unlink(missing_ok=True)

    def remove_evidence(self, item: Item, market: str | None, path: str) -> None:
        """Take a file off the answer and delete its copy in the data folder."""
        saved = self.saved_answer((item.id, market))
        if saved is None or self.assessment_id is None:
            return
        if not self._save_detail(
            saved,
            saved.version,
            Path(path).name,
            files=lambda files: [entry for entry in files if entry != path],
        ):
            return
        if self.owns_evidence(path):
            Path(path).resolve().unlink(missing_ok=True)
        self.saved.emit(self.tr("Evidence removed"))

    # --- company, markets, actions, milestones ---------------------------------------------

    def _write(self, change: Callable[[int], object], done: str) -> bool:
        """Run one store write for the open assessment; refresh and report, or say why not."""
        if self.assessment_id is None:
            return False
        try:
            change(self.assessment_id)
        except StoreError as error:
            self.failed.emit(str(error))
            self.refresh(quiet=True)
            return False
        self.refresh()
        self.saved.emit(done)
        return True

    def update_company(self, **profile: str) -> None:
        """Save the company profile."""
        if self.result is None or self.result.company.id is None:
            return
        company_id = self.result.company.id
        self._write(
            lambda _: self.store.update_company(company_id, **profile),
            self.tr("Company profile saved"),
        )

    def add_market(self, market: MarketChoice) -> None:
        """Add a target market to the open assessment."""
        self._write(lambda aid: self.store.add_market(aid, market), self.tr("Market added"))

    def set_planned_entry(self, code: str, when: dt.date | None) -> None:
        """Save a market's planned entry date."""
        self._write(
            lambda aid: self.store.set_planned_entry(aid, code, when), self.tr("Entry date saved")
        )

    def set_action(
        self,
        item_id: str,
        market: str | None,
        *,
        owner: str | None = None,
        due: dt.date | None = None,
        status: ActionStatus | None = None,
        seen_version: int | None = None,
    ) -> None:
        """Save the owner, due date or status of one action.

        ``seen_version`` is the action's version when the user started editing
        the cell: a colleague's change since then is a conflict, not overwritten.
        """
        if self.assessment_id is None or self.result is None:
            return
        assessment_id = self.assessment_id
        known = self.result.actions.get((item_id, market))
        expected = (
            seen_version
            if seen_version is not None
            else (known.version if known is not None else 0)
        )
        change = ", ".join(
            str(part) for part in (owner, due, status.value if status else None) if part
        )
        if self._save(
            lambda version, _base: self.store.set_action(
                assessment_id,
                item_id,
                market,
                owner=owner,
                due_date=due,
                status=status,
                expected_version=version,
            ),
            expected,
            known,
            change,
            self._where(item_id, market),
        ):
            self.saved.emit(self.tr("Action saved"))

    def assign(self, scope: AssignmentScope, code: str, person: str | None) -> None:
        """Give a dimension or a question to a colleague (an empty name takes it back)."""
        done = self.tr("Assignment saved") if person else self.tr("Assignment removed")
        self._write(lambda aid: self.store.assign(aid, scope, code, person), done)

    def save_milestone(self, name: str) -> None:
        """Snapshot the answers under a name."""
        self._write(lambda aid: self.store.save_milestone(aid, name), self.tr("Milestone saved"))

    def periodic_backup(self) -> None:
        """Back up the file if it changed and the last backup is 30 minutes old."""
        path = self.store.path
        if path is None or self.store.read_only:
            return
        try:
            backup = backup_if_due(path)
        except StoreError as error:
            self.failed.emit(str(error))
            return
        if backup is not None:
            self.saved.emit(self.tr("Backup saved"))
