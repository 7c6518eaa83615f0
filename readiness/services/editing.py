"""Team editing of one assessment: versioned writes with keep-mine/keep-theirs.

Every write states the version of the row the user saw. When a colleague
changed it meanwhile the store refuses with a conflict; the caller's
``keep_mine`` decides: keep the colleague's change (nothing is written), or
apply the user's change onto the colleague's row and write it over theirs.

The editor also remembers the version each answer had after this user's own
latest write, so the user's own later changes are never mistaken for a
colleague's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from readiness.domain.answers import AnswerValue
from readiness.domain.records import PlanFigures, SavedAction, SavedAnswer
from readiness.domain.scoring import AnswerKey
from readiness.domain.statuses import ActionStatus
from readiness.storage.errors import ActionConflict, AnswerConflict
from readiness.storage.store import Store

Row = SavedAnswer | SavedAction
Conflict = AnswerConflict | ActionConflict
# Asked on a conflict: True writes the user's change over the colleague's.
KeepMine = Callable[[Conflict], bool]
# Writes the user's change over ``version``, onto ``base`` (the row it applies to).
Attempt = Callable[[int, Row | None], Row | None]


@dataclass(frozen=True)
class SaveOutcome:
    """What a versioned write left in the store.

    ``row`` is what the store returned (None for a cleared answer);
    ``replaced`` is the colleague's version the user chose to write over,
    when ``conflicted``.
    """

    row: Row | None
    conflicted: bool = False
    replaced: Row | None = None

    @property
    def version(self) -> int:
        """The row's version now (0: no row)."""
        return self.row.version if self.row is not None else 0


@dataclass(frozen=True)
class MyChange:
    """What the user is saving, shown beside a colleague's change on a conflict: one line,
    and the fields it sets (None: left as the row stands, the colleague's on "keep mine")."""

    text: str
    value: str | None = None  # the value saved; "" when the answer is cleared
    note: str | None = None
    files: Callable[[list[str]], list[str]] | None = None  # the evidence list it leaves

    def __str__(self) -> str:
        return self.text

    def applied_to(self, theirs: SavedAnswer) -> tuple[str, str, list[str]] | None:
        """The answer as "keep mine" leaves it over ``theirs``: value, note and evidence
        (None when it clears the answer)."""
        if self.value == "":
            return None
        note = self.note if self.note is not None else theirs.note
        files = self.files(list(theirs.evidence)) if self.files else list(theirs.evidence)
        return (self.value or theirs.value, note, files)


def write_versioned(
    attempt: Attempt, expected: int, seen: Row | None, keep_mine: KeepMine
) -> SaveOutcome | None:
    """Run one versioned write; on a conflict, ask whose change to keep.

    ``attempt(version, base)`` writes the user's change onto ``base``: the row
    as the user saw it (``seen``), or on "keep mine" the colleague's, so that
    only what the user changed replaces theirs. Returns what was written, or
    None when the colleague's change was kept.

    Raises:
        StoreError: the write was refused for another reason.
    """
    try:
        return SaveOutcome(attempt(expected, seen))
    except (AnswerConflict, ActionConflict) as conflict:
        if not keep_mine(conflict):
            return None
        theirs = conflict.theirs
        row = attempt(
            theirs.version if theirs is not None else 0,
            theirs if theirs is not None else seen,
        )
        return SaveOutcome(row, conflicted=True, replaced=theirs)


class OwnVersions:
    """The version each answer had after this user's latest write to it."""

    def __init__(self) -> None:
        self._versions: dict[AnswerKey, int] = {}

    def get(self, key: AnswerKey, otherwise: int) -> int:
        """The version this user's latest write left the answer at (``otherwise`` if none)."""
        return self._versions.get(key, otherwise)

    def record(self, key: AnswerKey, version: int) -> None:
        """Remember the version this user's write left the answer at."""
        self._versions[key] = version

    def clear(self) -> None:
        """Forget every version (another assessment was opened)."""
        self._versions.clear()


def changes_answer(before: SavedAnswer | None, value: AnswerValue | None) -> bool:
    """Whether writing ``value`` (None: clear) changes the stored answer."""
    return (before.value if before else None) != (value.value if value else None)


def note_expected_version(
    saved: SavedAnswer, note: str, seen_version: int | None, own_version: int
) -> int | None:
    """The version a note edit is written over, or None when there is nothing to save.

    ``seen_version`` is the answer's version when the user started typing: a
    colleague's change since then is a conflict. The user's own saves since
    then (``own_version``) are not a colleague's.
    """
    if saved.note == note and seen_version in (None, saved.version):
        return None
    expected = seen_version if seen_version is not None else saved.version
    return max(expected, own_version)


def action_expected_version(known: SavedAction | None, seen_version: int | None) -> int:
    """The version an action edit is written over: the one the user saw editing began."""
    if seen_version is not None:
        return seen_version
    return known.version if known is not None else 0


@dataclass(frozen=True)
class ChangeSummary:
    """How many answers changed between two readings, and who (other than the user) did it."""

    count: int
    people: tuple[str, ...]


def summarise_changes(
    before: Mapping[AnswerKey, SavedAnswer], after: Mapping[AnswerKey, SavedAnswer], user: str
) -> ChangeSummary:
    """Who changed how many answers between ``before`` and ``after``.

    An answer counts when it appeared, went, or has a new version; the people
    are those recorded on the answers as they are now, without ``user``.
    """
    people: set[str] = set()
    count = 0
    for key in before.keys() | after.keys():
        was, now = before.get(key), after.get(key)
        if was is not None and now is not None and was.version == now.version:
            continue
        count += 1
        if now is not None and now.updated_by:
            people.add(now.updated_by)
    people.discard(user)
    return ChangeSummary(count, tuple(sorted(people)))


class AnswerEditor:
    """The versioned writes to one assessment's answers and actions."""

    def __init__(
        self,
        store: Store,
        assessment_id: int,
        own: OwnVersions,
        catalog_version: str | None = None,
    ) -> None:
        self.store = store
        self.assessment_id = assessment_id
        self.own = own
        # The content version the user answers against (recorded on each answer
        # written; None leaves it to the store).
        self.catalog_version = catalog_version

    def _saved(self, outcome: SaveOutcome | None) -> SaveOutcome | None:
        if outcome is not None and isinstance(outcome.row, SavedAnswer):
            row = outcome.row
            self.own.record((row.item_id, row.market_code or None), row.version)
        return outcome

    def write_answer(
        self,
        key: AnswerKey,
        value: AnswerValue | None,
        *,
        expected: int,
        keep_mine: KeepMine,
        note: str | None = None,
        evidence: list[str] | None = None,
    ) -> SaveOutcome | None:
        """Write (or clear, for None) one answer over ``expected``; None when not written.

        ``note`` and ``evidence`` replace the stored ones when given.

        Raises:
            StoreError: the write was refused.
        """
        item_id, market = key

        def attempt(version: int, _base: Row | None) -> SavedAnswer | None:
            if value is None:
                self.store.clear_answer(
                    self.assessment_id, item_id, market, expected_version=version
                )
                return None
            return self.store.set_answer(
                self.assessment_id,
                item_id,
                market,
                value,
                note=note,
                evidence=evidence,
                expected_version=version,
                catalog_version=self.catalog_version,
            )

        outcome = self._saved(write_versioned(attempt, expected, None, keep_mine))
        if outcome is not None:
            self.own.record(key, outcome.version)
        return outcome

    def save_detail(
        self,
        saved: SavedAnswer,
        expected: int,
        keep_mine: KeepMine,
        *,
        note: str | None = None,
        files: Callable[[list[str]], list[str]] | None = None,
    ) -> SaveOutcome | None:
        """Save a change to an answer's note or evidence list, nothing else.

        The change is applied to the answer as it stands (the colleague's, on
        "keep mine"): their value, and files they attached meanwhile, stay.

        Raises:
            StoreError: the write was refused.
        """
        market = saved.market_code or None

        def attempt(version: int, base: Row | None) -> SavedAnswer:
            current = base if isinstance(base, SavedAnswer) else saved
            return self.store.set_answer(
                self.assessment_id,
                saved.item_id,
                market,
                AnswerValue(current.value),
                note=note,
                evidence=files(list(current.evidence)) if files is not None else None,
                expected_version=version,
            )

        return self._saved(write_versioned(attempt, expected, saved, keep_mine))

    def set_action(
        self,
        item_id: str,
        market: str | None,
        *,
        known: SavedAction | None,
        expected: int,
        keep_mine: KeepMine,
        owner: str | None = None,
        due: dt.date | None = None,
        status: ActionStatus | None = None,
        figures: PlanFigures | None = None,
    ) -> SaveOutcome | None:
        """Save the owner, due date, status or plan figures of one action over ``expected``.

        ``figures``, when given, replaces the action's start and due dates, effort
        and cost together (None in it: the plan's own figure); None keeps them.

        Raises:
            StoreError: the write was refused (a figure that makes no sense is
                refused with what and where; nothing was saved).
        """

        def attempt(version: int, _base: Row | None) -> SavedAction:
            return self.store.set_action(
                self.assessment_id,
                item_id,
                market,
                owner=owner,
                due_date=due,
                status=status,
                figures=figures,
                expected_version=version,
            )

        return write_versioned(attempt, expected, known, keep_mine)


@dataclass(frozen=True)
class AnswerWrite:
    """One answer write to make: the value (None clears) and, when given, note and files."""

    value: AnswerValue | None
    note: str | None = None
    evidence: list[str] | None = None


class AnswerChange:
    """One undoable answer change: what redoing and undoing it write.

    Undo and redo each state the version this change last left the row at, so
    a colleague's change made in between is a conflict, never overwritten in
    silence.
    """

    def __init__(
        self,
        key: AnswerKey,
        before: SavedAnswer | None,
        after: AnswerValue | None,
        *,
        note: str | None = None,
        evidence: list[str] | None = None,
    ) -> None:
        self.key = key
        self.before = before
        self.after = after
        # Given when the change puts back a whole earlier version (value, note and files).
        self.note = note
        self.evidence = evidence
        self.version = before.version if before is not None else 0

    def expected(self, own: OwnVersions) -> int:
        """The version to write over."""
        # The user's own later changes to this answer (a note, evidence, another
        # change) are not a colleague's: state the version the user last wrote.
        return own.get(self.key, self.version)

    def redo_write(self) -> AnswerWrite:
        """What redoing writes: the new value (with its note and files, when given)."""
        return AnswerWrite(self.after, note=self.note, evidence=self.evidence)

    def undo_write(self) -> AnswerWrite:
        """What undoing writes: the value before, with note and files after a clear."""
        before = self.before
        if before is None:
            return AnswerWrite(None)
        # Clearing an answer drops its note and evidence list; undoing the clear
        # puts them back. Undoing a changed value leaves both as they are now.
        # Putting back an earlier version is undone whole, as a clear is.
        whole = self.after is None or self.note is not None or self.evidence is not None
        return AnswerWrite(
            AnswerValue(before.value),
            note=before.note if whole else None,
            evidence=list(before.evidence) if whole else None,
        )

    def redone(self, outcome: SaveOutcome) -> None:
        """Record what redoing wrote."""
        if outcome.conflicted:
            # Undo now puts back the colleague's answer this replaced.
            replaced = outcome.replaced
            self.before = replaced if isinstance(replaced, SavedAnswer) else None
        self.version = outcome.version

    def undone(self, outcome: SaveOutcome) -> None:
        """Record what undoing wrote."""
        self.version = outcome.version
