"""Writing the plan's calendar file on a worker thread: a slow disk must not freeze the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult


class CalendarRelay(QObject):
    """Carries the export's outcome back to the UI thread (a queued signal).

    Create it without a parent, as :class:`ui.store_read.StoreRelay`: an export
    still running when its page closes must not emit into a deleted object.
    """

    done = Signal(object, object)  # the path, the number of events or the OSError


class CalendarWrite(QRunnable):
    """Writes the calendar file of one computed plan on a worker thread."""

    def __init__(
        self,
        result: AssessmentResult,
        catalog: Catalog,
        language: str,
        path: Path,
        relay: CalendarRelay,
    ) -> None:
        super().__init__()
        self._result = result
        self._catalog = catalog
        self._language = language
        self._path = path
        self._relay = relay

    def run(self) -> None:
        from readiness.exchange.calendar import write_plan_calendar

        try:
            outcome: object = write_plan_calendar(
                self._result, self._catalog, self._path, language=self._language
            )
        except OSError as error:
            outcome = error
        self._relay.done.emit(self._path, outcome)
