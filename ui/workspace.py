"""The open assessment: one object the widgets share, with signals for every change.

Widgets never talk to each other or to the store directly: they ask the
workspace, which calls the core, records undoable answer edits, and announces
what changed. The rules of team editing (versioned writes, keep-mine or
keep-theirs, what undo restores, evidence files) are the core's, in
:mod:`readiness.services`; the workspace adds the signals, the undo stack, the
polling and the wording.

Signals:
    assessment_opened(int): a different assessment is now open.
    result_changed(): answers, markets or actions changed; ``result`` is fresh.
    saved(str): something was written; the text says what (for the status bar).
    failed(str): a write was refused; the text says why and that nothing was lost.
    colleagues_changed(str): someone else changed the open assessment; the views
        already show it, the text says who and what.
    notice(str): news from the background check (the server cannot be reached,
        or can again), for the status bar rather than a dialog.

Answers are written off the UI thread, in order, by ``answers``
(:mod:`ui.answer_saves`, with the signals of rows waiting for their writes).

Other people's changes arrive by polling (:mod:`ui.colleague_check`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from readiness.content.catalog import Catalog
from readiness.content.model import Item
from readiness.domain.answers import AnswerRejected, AnswerValue, check_answer
from readiness.domain.assignments import TeamAssignments
from readiness.domain.evidence import evidence_name
from readiness.domain.history import HistoryEntry
from readiness.domain.records import MarketChoice, PlanFigures, SavedAnswer
from readiness.domain.results import AssessmentResult
from readiness.domain.scoring import AnswerKey
from readiness.domain.statuses import ActionStatus
from readiness.services.assessments import create_company_assessment
from readiness.services.editing import (
    AnswerChange,
    Conflict,
    MyChange,
    OwnVersions,
    SaveOutcome,
    action_expected_version,
    changes_answer,
    note_expected_version,
)
from readiness.services.evidence import EvidenceStore
from readiness.services.questions import asked_rows
from readiness.services.results import load_result
from readiness.services.sample import open_sample
from readiness.storage.backup import backup_if_due
from readiness.storage.errors import StoreError
from readiness.storage.store import Store
from ui.answer_saves import AnswerSaves
from ui.colleague_check import ColleagueCheck
from ui.detail_saves import DetailSaves
from ui.detail_writes import DetailWrites
from ui.store_errors import store_error_text
from ui.undo import AnswerCommand

# Asked when a colleague changed what the user is saving: True keeps the user's
# version (written over theirs), False keeps theirs. The texts say what is being
# saved (question and market) and the user's version of it.
ConflictResolver = Callable[[Conflict, str, MyChange | str], bool]


@dataclass(frozen=True)
class _Reading:
    """What the views show of the open assessment, read together."""

    revision: int
    result: AssessmentResult
    assignments: TeamAssignments


class Workspace(QObject, DetailWrites):
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
        self.own_versions = OwnVersions()
        self.colleague_check = ColleagueCheck(self, self)
        self.colleague_check.colleagues_changed.connect(self.colleagues_changed)
        self.colleague_check.notice.connect(self.notice)
        self.poll_timer = self.colleague_check.timer
        self.answers = AnswerSaves(
            store,
            self.own_versions,
            self.undo_stack,
            self._read,
            self._show,
            self,
            catalog_version=catalog.version,
        )
        self.answers.ask_with(self._ask)
        self.answers.saved.connect(self.saved)
        self.answers.failed.connect(self.failed)
        self.details = DetailSaves(
            store,
            self.own_versions,
            self.answers.queue,
            self._read,
            self._show,
            self._ask,
            lambda: self.assessment_id,
            self,
        )
        self.details.saved.connect(self.saved)
        self.details.failed.connect(self.failed)

    def _ask(self, conflict: Conflict, what: str, mine: MyChange | str) -> bool:
        return self.resolve_conflict is not None and self.resolve_conflict(conflict, what, mine)

    @property
    def saving(self) -> bool:
        """Whether answers are on their way to the store."""
        return self.answers.queue.busy

    def finish_saves(self) -> bool:
        """Wait (the window stays alive) until the answers on their way are written."""
        return self.answers.wait()

    def own_version(self, key: AnswerKey, otherwise: int) -> int:
        """The version this user's latest write left the answer at (``otherwise`` if none)."""
        return self.own_versions.get(key, otherwise)

    @property
    def user(self) -> str:
        """The name recorded on this user's changes."""
        return self.store.user

    # --- opening ----------------------------------------------------------------------

    def open_assessment(self, assessment_id: int) -> None:
        """Make ``assessment_id`` the open assessment."""
        self.answers.reset(assessment_id)  # first, so no write lands on the next one
        self.assessment_id = assessment_id
        self.undo_stack.clear()
        self.own_versions.clear()
        self.refresh()
        self.assessment_opened.emit(assessment_id)
        self.poll_timer.start()

    def close_assessment(self) -> None:
        """Leave the open assessment (it was deleted): nothing is open afterwards."""
        self.poll_timer.stop()
        self.answers.reset(None)
        self.assessment_id = None
        self.result = None
        self.undo_stack.clear()
        self.own_versions.clear()

    def refresh(self, *, quiet: bool = False) -> bool:
        """Recompute the result from the store and tell the views.

        When the store cannot be read (a server gone away), the views keep what
        they show and ``failed`` says why (unless ``quiet``: the caller already
        reported a failure). Returns whether the views are up to date.
        """
        if self.assessment_id is None:
            return False
        try:
            reading = self._read(self.assessment_id)
        except StoreError as error:
            if not quiet:
                self.failed.emit(store_error_text(error))
            return False
        self._show(self.assessment_id, reading)
        return True

    def _read(self, assessment_id: int) -> _Reading:
        """Read what the views show (on any thread)."""
        # Read before the answers: a change landing in between is then seen
        # again by the next poll rather than missed.
        with self.store.reading_together():
            revision = self.store.revision(assessment_id)
            result = load_result(self.store, self.catalog, assessment_id)
            assignments = self.store.assignments(assessment_id)
            team = self.store.assignable_people(assessment_id)
        return _Reading(revision, result, TeamAssignments.from_rows(assignments, team))

    def _show(self, assessment_id: int, reading: object) -> None:
        assert isinstance(reading, _Reading)
        if assessment_id != self.assessment_id:
            return
        self.result = reading.result
        self.assignments = reading.assignments
        self.colleague_check.seen_revision = reading.revision
        self.result_changed.emit()

    def poll(self) -> None:
        """Check now, on this thread, whether someone else changed the open assessment."""
        self.colleague_check.poll()

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
        """Where a question is answered: None for company-wide, else the markets it shows in
        (less those the company profile does not ask and nobody answered)."""
        return asked_rows(self.catalog, self.result, item) if self.result else []

    # --- writing answers ----------------------------------------------------------------

    def answer(self, item: Item, market: str | None, value: AnswerValue | None) -> bool:
        """Record an answer (None clears it) as an undoable step; False if refused.

        The write happens off the UI thread: True means it is on its way, and
        ``answers.written`` or ``answers.not_written`` says how it went.
        """
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
        pending = self.answers.pending(key)
        if pending is not None:
            if pending.value == value:
                return True
        elif not changes_answer(before, value) and key not in self.result.to_review:
            return True  # the same answer again confirms one marked for review
        where = self.market_name(market) if market else self.tr("company")
        change = AnswerChange(key, before, value)
        self.undo_stack.push(
            AnswerCommand(
                self.answers.run, change, f"{item.id} ({where})", self._where(item.id, market)
            )
        )
        return True

    def put_back(self, item: Item, market: str | None, entry: HistoryEntry) -> None:
        """Put an answer back as an earlier change left it (value, note and files), as an
        undoable step that the history records in turn; a cleared one is cleared."""
        key: AnswerKey = (item.id, market)
        value = AnswerValue(entry.value) if entry.value is not None else None
        files = list(entry.evidence)
        change = AnswerChange(key, self.saved_answer(key), value, note=entry.note, evidence=files)
        where = self.market_name(market) if market else self.tr("company")
        run, place = self.answers.run, self._where(item.id, market)
        self.undo_stack.push(AnswerCommand(run, change, f"{item.id} ({where})", place))

    def _where(self, item_id: str, market: str | None) -> str:
        return f"{item_id} · {self.market_name(market) if market else self.tr('company')}"

    def set_note(
        self, item: Item, market: str | None, note: str, *, seen_version: int | None = None
    ) -> None:
        """Save the note of an answered question.

        ``seen_version`` is the answer's version when the user started typing: a
        colleague's change since then is a conflict, not overwritten.
        """
        key = (item.id, market)
        # The versions this write is stated over are known once the writes on their
        # way have landed (the window stays alive meanwhile).
        self.finish_saves()
        saved = self.saved_answer(key)
        if saved is None or self.assessment_id is None:
            return
        expected = note_expected_version(saved, note, seen_version, self.own_versions.get(key, 0))
        if expected is None:
            return
        self._save_detail(
            saved,
            expected,
            note,
            note=note,
            then=lambda written: self.saved.emit(self.tr("Note saved")) if written else None,
        )

    def _save_detail(
        self,
        saved: SavedAnswer,
        expected: int,
        mine: str,
        *,
        note: str | None = None,
        files: Callable[[list[str]], list[str]] | None = None,
        then: Callable[[SaveOutcome | None], None] | None = None,
    ) -> None:
        """Save a change to an answer's note or evidence list, nothing else."""
        self.details.save(
            lambda editor, keep_mine: editor.save_detail(
                saved, expected, keep_mine, note=note, files=files
            ),
            MyChange(mine, note=note, files=files),
            self._where(saved.item_id, saved.market_code or None),
            then,
        )

    # --- evidence -------------------------------------------------------------------------

    def _evidence(self) -> EvidenceStore:
        return EvidenceStore(self.store)

    def evidence_folder(self) -> Path:
        """Where this database's attached files are kept: beside the database file, or for
        a team server in this computer's data folder, one folder per server account."""
        return self._evidence().root

    def evidence_path(self, entry: str) -> Path | None:
        """The stored file an evidence entry names, when this computer has it.

        Entries can come from imported files: only the database's own stored files
        (or, for older entries, files inside its evidence folder) are opened.
        """
        return self._evidence().path_of(entry)

    def attach_evidence(self, item: Item, market: str | None, source: Path) -> None:
        """Store a copy of a file in the database's evidence folder and list it on the answer."""
        self.finish_saves()
        saved = self.saved_answer((item.id, market))
        if saved is None or self.assessment_id is None:
            self.failed.emit(self.tr("Answer the question before attaching evidence."))
            return
        evidence = self._evidence()
        try:
            stored = evidence.add(source)
        except StoreError as error:
            self.failed.emit(
                self.tr("Could not attach %1: %2")
                .replace("%1", source.name)
                .replace("%2", store_error_text(error))
            )
            return
        if stored.entry in saved.evidence:
            self.saved.emit(self.tr("Evidence attached"))
            return

        def attached(written: SaveOutcome | None) -> None:
            if written is not None:
                self.saved.emit(self.tr("Evidence attached"))
            else:
                evidence.release([stored.entry])  # kept only if another answer lists it

        self._save_detail(
            saved,
            saved.version,
            source.name,
            files=lambda files: [*files, stored.entry],
            then=attached,
        )

    def remove_evidence(self, item: Item, market: str | None, entry: str) -> None:
        """Take a file off the answer; its stored copy goes once no answer lists it."""
        self.finish_saves()
        saved = self.saved_answer((item.id, market))
        if saved is None or self.assessment_id is None:
            return

        def removed(written: SaveOutcome | None) -> None:
            if written is not None:
                self._evidence().release([entry])
                self.saved.emit(self.tr("Evidence removed"))

        self._save_detail(
            saved,
            saved.version,
            evidence_name(entry),
            files=lambda files: [e for e in files if e != entry],
            then=removed,
        )

    # --- actions (the profile, markets, budget and milestones: ui.detail_writes) -----------

    def set_action(
        self,
        item_id: str,
        market: str | None,
        *,
        owner: str | None = None,
        due: dt.date | None = None,
        status: ActionStatus | None = None,
        figures: PlanFigures | None = None,
        seen_version: int | None = None,
    ) -> None:
        """Save the owner, due date, status or plan figures (together) of one action.

        ``seen_version`` is the action's version when the user started editing
        it: a colleague's change since then is a conflict, not overwritten.
        """
        self.finish_saves()  # the action as the last write left it
        if self.assessment_id is None or self.result is None:
            return
        known = self.result.actions.get((item_id, market))
        expected = action_expected_version(known, seen_version)
        parts = (owner, due, status.value if status else None, figures and self.tr("figures"))
        change = ", ".join(str(part) for part in parts if part)
        self.details.save(
            lambda editor, keep_mine: editor.set_action(
                item_id,
                market,
                known=known,
                expected=expected,
                keep_mine=keep_mine,
                owner=owner,
                due=due,
                status=status,
                figures=figures,
            ),
            change,
            self._where(item_id, market),
            lambda written: self.saved.emit(self.tr("Action saved")) if written else None,
        )

    def periodic_backup(self) -> None:
        """Back up the file if it changed and the last backup is 30 minutes old."""
        path = self.store.path
        if path is None or self.store.read_only:
            return
        try:
            backup = backup_if_due(path)
        except StoreError as error:
            self.failed.emit(store_error_text(error))
            return
        if backup is not None:
            self.saved.emit(self.tr("Backup saved"))
