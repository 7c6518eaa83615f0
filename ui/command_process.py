"""Running a ``readiness`` command beside the app, for work too long for the UI thread."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment

from readiness import credentials
from readiness.store import Store


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
