"""What an answer's or an action's history holds: one entry per change, oldest kept forever.

The store writes an entry in the same transaction as every change of an answer
or an action, whatever made it (the app, a command, an import, a copy, a
re-assessment, an undo), so no change is ever missing from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class HistoryRecord(StrEnum):
    """Which kind of row changed."""

    ANSWER = "answer"
    ACTION = "action"


class HistoryChange(StrEnum):
    """What happened to the row: given (or changed) a state, or cleared."""

    SET = "set"
    CLEARED = "cleared"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change of one answer or action: who, when, and its state before and after.

    ``before`` is None when the change created the row, ``after`` None when it
    cleared it. An answer's state holds ``value``, ``note`` and ``evidence``; an
    action's ``owner``, ``due_date``, ``status``, ``note`` and its plan figures.
    """

    id: int
    assessment_id: int
    record: HistoryRecord
    item_id: str
    market_code: str | None
    change: HistoryChange
    changed_at: dt.datetime
    changed_by: str
    version: int
    before: dict[str, Any] | None = field(default=None)
    after: dict[str, Any] | None = field(default=None)

    @property
    def state(self) -> dict[str, Any]:
        """The state this change left (empty when it cleared the row)."""
        return dict(self.after or {})

    @property
    def value(self) -> str | None:
        """The answer's value after the change (None: cleared, or an action)."""
        found = self.state.get("value")
        return str(found) if found is not None else None

    @property
    def note(self) -> str:
        """The note after the change ("" when none or cleared)."""
        return str(self.state.get("note") or "")

    @property
    def evidence(self) -> tuple[str, ...]:
        """The evidence listed after the change."""
        found = self.state.get("evidence") or ()
        return tuple(str(entry) for entry in found) if isinstance(found, list | tuple) else ()
