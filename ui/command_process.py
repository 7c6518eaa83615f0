"""Running a ``readiness`` command beside the app, for work too long for the UI thread."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from readiness.storage import credentials
from readiness.storage.store import Store


def readiness_process(parent: QObject, store: Store, command: list[str]) -> QProcess:
    """A process that runs ``readiness COMMAND...`` on ``store`` (also from a frozen bundle).

    A team server's password, when the app knows one, goes to the child in its
    environment (``PGPASSWORD``, read by libpq): never on its command line, where
    other users of the computer could see it.
    """
    process = QProcess(parent)
    if getattr(sys, "frozen", False):
        process.setProgram(sys.executable)
        process.setArguments(["--cli", *command])
    else:
        process.setProgram(sys.executable)
        process.setArguments(["-m", "readiness", *command])
    environment = QProcessEnvironment.systemEnvironment()
    if store.path is None:
        try:
            password = credentials.stored_password(store.location)
        except credentials.CredentialsError:
            password = None  # the child asks the keyring itself and says what is wrong
        if password:
            environment.insert("PGPASSWORD", password)
    process.setProcessEnvironment(environment)
    return process


class CommandRun(QObject):
    """One ``readiness`` command running beside the app, with its elapsed time.

    Signals:
        ticked(int): seconds since the start, once a second while it runs.
        ended(): the process stopped (for any reason), or could not start.
        succeeded(): it exited normally with code 0.
        failed(str): it exited with an error; the text is what it printed.
        not_started(): the program could not be started at all.
        printed(str): a whole line the command printed on its standard output.
    """

    ticked = Signal(int)
    ended = Signal()
    succeeded = Signal()
    failed = Signal(str)
    not_started = Signal()
    printed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        self._elapsed = 0
        self._pending = b""  # the start of a line not yet ended
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._tick)

    def start(self, store: Store, command: list[str]) -> None:
        """Start ``readiness COMMAND...`` on ``store``."""
        process = readiness_process(self, store, command)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        process.readyReadStandardOutput.connect(self._read)
        self._process = process
        self._elapsed = 0
        self._pending = b""
        self._ticker.start(1000)
        process.start()

    def is_running(self) -> bool:
        """Whether the command is under way."""
        return (
            self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning
        )

    def cancel(self) -> bool:
        """Stop the command (it writes nothing half-done); False when none was running."""
        if self._process is None or not self.is_running():
            return False
        self._process.kill()
        self._process.waitForFinished(3000)
        self._ticker.stop()
        return True

    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        *lines, self._pending = (
            self._pending + bytes(process.readAllStandardOutput().data())
        ).split(b"\n")
        for line in lines:
            self.printed.emit(line.decode("utf-8", "replace").rstrip("\r"))

    def _tick(self) -> None:
        self._elapsed += 1
        self.ticked.emit(self._elapsed)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._ticker.stop()
            self.ended.emit()
            self.not_started.emit()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._ticker.stop()
        self._read()  # what arrived with the exit, before anyone hears it ended
        if self._pending:
            self.printed.emit(self._pending.decode("utf-8", "replace").rstrip("\r"))
            self._pending = b""
        process = self._process
        self.ended.emit()
        if process is None or status != QProcess.ExitStatus.NormalExit:
            return  # killed by cancel(): its caller has said so
        if code == 0:
            self.succeeded.emit()
        else:
            self.failed.emit(
                bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
            )
