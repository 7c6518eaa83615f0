"""The open assessment: one object the widgets share, with signals for every change.

Widgets never talk to each other or to the store directly: they ask the
workspace, which calls the core, records undoable answer edits, and announces
what changed.

Signals:
    assessment_opened(int): a different assessment is now open.
    result_changed(): answers, markets or actions changed; ``result`` is fresh.
    saved(str): something was written; the text says what (for the status bar).
    failed(str): a write was refused; the text says why and that nothing was lost.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from readiness.answers import AnswerRejected, AnswerValue, check_answer
from readiness.backup import backup_if_due
from readiness.catalog import Catalog
from readiness.content_model import Item
from readiness.results import AssessmentResult, compute_result
from readiness.scoring import AnswerKey
from readiness.store import MarketChoice, Store, StoreError
from readiness.store_models import ActionStatus, SavedAnswer


class AnswerCommand(QUndoCommand):
    """One answer change, undoable: remembers the value before and after."""

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

    def redo(self) -> None:
        self._workspace._write_answer(self._key, self._after)

    def undo(self) -> None:
        # Clearing an answer drops its note and evidence list; undo puts them back.
        before = self._before
        if before is None:
            self._workspace._write_answer(self._key, None)
        else:
            self._workspace._write_answer(
                self._key,
                AnswerValue(before.value),
                note=before.note,
                evidence=list(before.evidence),
            )


class Workspace(QObject):
    """The store, the catalog and the open assessment, shared by every view."""

    assessment_opened = Signal(int)
    result_changed = Signal()
    saved = Signal(str)
    failed = Signal(str)

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

    # --- opening ----------------------------------------------------------------------

    def open_assessment(self, assessment_id: int) -> None:
        """Make ``assessment_id`` the open assessment."""
        self.assessment_id = assessment_id
        self.undo_stack.clear()
        self.refresh()
        self.assessment_opened.emit(assessment_id)

    def refresh(self) -> None:
        """Recompute the result from the store and tell the views."""
        if self.assessment_id is None:
            return
        self.result = compute_result(self.store, self.catalog, self.assessment_id)
        self.result_changed.emit()

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
        created = self.store.create_company(
            company, industry_segment=industry, products=products, home_province=province
        )
        assert created.id is not None
        assessment = self.store.create_assessment(created.id, title, self.catalog.version, markets)
        assert assessment.id is not None
        self.open_assessment(assessment.id)
        self.saved.emit(self.tr("Assessment created"))
        return assessment.id

    def create_sample(self) -> int:
        """Create (or reopen) the sample assessment."""
        from readiness.demo import DEMO_COMPANY, create_demo

        for summary in self.store.list_assessments():
            if summary.company == DEMO_COMPANY:
                self.open_assessment(summary.id)
                return summary.id
        assessment_id = create_demo(self.store, self.catalog)
        self.open_assessment(assessment_id)
        return assessment_id

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
    ) -> None:
        assert self.assessment_id is not None
        item_id, market = key
        try:
            if value is None:
                self.store.clear_answer(self.assessment_id, item_id, market)
            else:
                self.store.set_answer(
                    self.assessment_id, item_id, market, value, note=note, evidence=evidence
                )
        except StoreError as error:
            self.failed.emit(str(error))
            return
        self.refresh()
        self.saved.emit(
            self.tr("Saved %1 at %2")
            .replace("%1", item_id)
            .replace("%2", dt.datetime.now().strftime("%H:%M:%S"))
        )

    def set_note(self, item: Item, market: str | None, note: str) -> None:
        """Save the note of an answered question."""
        saved = self.saved_answer((item.id, market))
        if saved is None or saved.note == note or self.assessment_id is None:
            return
        try:
            self.store.set_answer(
                self.assessment_id, item.id, market, AnswerValue(saved.value), note=note
            )
        except StoreError as error:
            self.failed.emit(str(error))
            return
        self.refresh()
        self.saved.emit(self.tr("Note saved"))

    # --- evidence -------------------------------------------------------------------------

    def evidence_folder(self) -> Path:
        """Where attached evidence files are kept: beside the database."""
        base = self.store.path.parent if self.store.path else Path.home()
        return base / "evidence" / str(self.assessment_id)

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
            self.store.set_answer(
                self.assessment_id,
                item.id,
                market,
                AnswerValue(saved.value),
                evidence=[*saved.evidence, str(target)],
            )
        except (OSError, StoreError) as error:
            self.failed.emit(
                self.tr("Could not attach %1: %2")
                .replace("%1", source.name)
                .replace("%2", str(error))
            )
            return
        self.refresh()
        self.saved.emit(self.tr("Evidence attached"))

    def remove_evidence(self, item: Item, market: str | None, path: str) -> None:
        """Take a file off the answer and delete its copy in the data folder."""
        saved = self.saved_answer((item.id, market))
        if saved is None or self.assessment_id is None:
            return
        remaining = [entry for entry in saved.evidence if entry != path]
        try:
            self.store.set_answer(
                self.assessment_id, item.id, market, AnswerValue(saved.value), evidence=remaining
            )
        except StoreError as error:
            self.failed.emit(str(error))
            return
        if self.owns_evidence(path):
            Path(path).resolve().unlink(missing_ok=True)
        self.refresh()
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
    ) -> None:
        """Save the owner, due date or status of one action."""
        self._write(
            lambda aid: self.store.set_action(
                aid, item_id, market, owner=owner, due_date=due, status=status
            ),
            self.tr("Action saved"),
        )

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
