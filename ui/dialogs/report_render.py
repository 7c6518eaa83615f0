"""Rendering a PDF with a ``readiness`` command, reported on its window's status line.

The report dialog and the portfolio window both render their PDF in a separate
process: what the user sees while it runs, when it fails, is cancelled or could
not start, is the same in both and lives here.

A command may write several files (``readiness report --lang both`` writes one
per language): it prints each path as it is written, and the progress bar counts
them.

Signals:
    written(str): a PDF was written to this path (the status line says so); once
        per file, when the command has finished.
    all_written(list): every file the command was to write is written, in order.
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
    all_written = Signal(list)
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
        self._outputs: list[Path] = []
        self._done: list[Path] = []  # the outputs the command has said it wrote
        self._run = CommandRun(self)
        self._run.printed.connect(self._printed)
        self._run.ticked.connect(self._tick)
        self._run.ended.connect(self._reset)
        self._run.succeeded.connect(self._succeeded)
        self._run.failed.connect(self._failed)
        self._run.not_started.connect(
            lambda: self._status.setText(self.tr("The report renderer could not be started."))
        )

    def start(self, store: Store, command: list[str], out: Path, *more: Path) -> None:
        """Run ``readiness COMMAND...`` on ``store``, which writes the PDF to ``out``
        (and to each of ``more``, in that order)."""
        self._outputs = [out, *more]
        self._done = []
        if more:
            # Several files: the bar counts those written.
            self._progress.setRange(0, len(self._outputs))
            self._progress.setValue(0)
            self._progress.setFormat(self.tr("%v of %m written"))
        else:
            self._progress.setRange(0, 0)  # one file: busy until it is there
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
        if self._done:
            self._status.setText(
                self.tr("Cancelled; %1 was written, the rest was not.").replace(
                    "%1", ", ".join(str(path) for path in self._done)
                )
            )
        else:
            self._status.setText(self.tr("Cancelled; nothing was written."))
        return True

    def _printed(self, line: str) -> None:
        """Count an output the command says it has written."""
        if not line.strip():
            return
        said = Path(line.strip()).resolve()
        for path in self._outputs:
            if path.resolve() == said and path not in self._done:
                self._done.append(path)
                if len(self._outputs) > 1:
                    self._progress.setValue(len(self._done))

    def _tick(self, seconds: int) -> None:
        text = self._texts.ticking.replace("%1", str(seconds))
        if len(self._outputs) > 1:
            text += "\n" + self.tr("%1 of %2 files written").replace(
                "%1", str(len(self._done))
            ).replace("%2", str(len(self._outputs)))
        self._status.setText(text)

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
        assert self._outputs
        self._status.setText(
            self.tr("Saved %1").replace("%1", ", ".join(str(path) for path in self._outputs))
        )
        for path in self._outputs:
            self.written.emit(str(path))
        self.all_written.emit([str(path) for path in self._outputs])
