"""Rendering a PDF with a ``readiness`` command, reported on its window's status line.

The report dialog and the portfolio window both render their PDF in a separate
process: what the user sees while it runs, when it fails, is cancelled or could
not start, is the same in both and lives here.

Signals:
    written(str): the PDF was written to this path (the status line says so).
    ended(): the render stopped for any reason; the window re-enables its buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QWidget

from readiness.storage.store import Store
from ui.command_process import CommandRun


@dataclass(frozen=True)
class RenderTexts:
    """What a window says about its own document, already translated.

    ``ticking`` and ``failure`` hold ``%1`` for the seconds and the error.
    """

    working: str
    ticking: str
    failed: str
    failure: str


class ReportRender(QObject):
    """One PDF render at a time for a window, with its progress bar and status line."""

    written = Signal(str)
    ended = Signal()

    def __init__(
        self, window: QWidget, status: QLabel, progress: QProgressBar, texts: RenderTexts
    ) -> None:
        # The window is only the parent: a reference back to it would make a cycle
        # that the garbage collector may free on a worker thread, timers and all.
        super().__init__(window)
        self._status = status
        self._progress = progress
        self._texts = texts
        self._output: Path | None = None
        self._run = CommandRun(self)
        self._run.ticked.connect(self._tick)
        self._run.ended.connect(self._reset)
        self._run.succeeded.connect(self._succeeded)
        self._run.failed.connect(self._failed)
        self._run.not_started.connect(
            lambda: self._status.setText(self.tr("The report renderer could not be started."))
        )

    def start(self, store: Store, command: list[str], out: Path) -> None:
        """Run ``readiness COMMAND...`` on ``store``, which writes the PDF to ``out``."""
        self._output = out
        self._progress.show()
        self._status.setText(self._texts.working)
        self._run.start(store, command)

    def is_running(self) -> bool:
        """Whether a render is under way."""
        return self._run.is_running()

    def cancel(self) -> bool:
        """Stop the render (nothing is written); False when none was running."""
        if not self._run.cancel():
            return False
        self._reset()
        self._status.setText(self.tr("Cancelled; nothing was written."))
        return True

    def _tick(self, seconds: int) -> None:
        self._status.setText(self._texts.ticking.replace("%1", str(seconds)))

    def _reset(self) -> None:
        self._progress.hide()
        self.ended.emit()

    def _failed(self, message: str) -> None:
        self._status.setText(self._texts.failed)
        window = self.parent()
        assert isinstance(window, QWidget)
        QMessageBox.warning(
            window,
            self.tr("Report failed"),
            self._texts.failure.replace("%1", message.strip() or self.tr("unknown error")),
        )

    def _succeeded(self) -> None:
        assert self._output is not None
        self._status.setText(self.tr("Saved %1").replace("%1", str(self._output)))
        self.written.emit(str(self._output))
