"""Settings > Database: work on a file on this computer, or on a team's PostgreSQL server.

The chosen location is saved in the settings without any password
("database/location"), with the name recorded on every change ("user/name").
A server's password goes to the OS keyring, or is kept until the app quits
when the user does not want it remembered. Connections are tried on a worker
thread, so the window never freezes while a server is slow to answer.
"""

from __future__ import annotations

import contextlib
import getpass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QThreadPool, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from readiness.storage.credentials import (
    DEFAULT_PORT,
    CredentialsError,
    ServerAddress,
    check_connection,
    forget_password,
    is_server_location,
    save_password,
    server_key,
    use_password_for_session,
    without_password,
)
from readiness.storage.location import default_database_path

LOCATION_KEY = "database/location"
USER_NAME_KEY = "user/name"


def login_name() -> str:
    """The operating system's name for the person logged in, or "" when it has none."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def saved_location() -> str | None:
    """The database chosen under Settings > Database, or None when never chosen."""
    value = QSettings().value(LOCATION_KEY, "")
    return str(value) if value else None


def saved_user_name() -> str:
    """The name recorded on every answer and action: the saved one, else the login name."""
    value = str(QSettings().value(USER_NAME_KEY, "") or "").strip()
    return value or login_name()


def remember_database(location: str, user_name: str) -> None:
    """Save the chosen database (never with a password) and the user's name."""
    settings = QSettings()
    settings.setValue(LOCATION_KEY, without_password(location))
    settings.setValue(USER_NAME_KEY, user_name)


def connection_problem_text(error: CredentialsError) -> str:
    """The user's-language explanation of a failed connection or keyring, with what to do."""
    translate = QCoreApplication.translate
    # Written out in full, one literal each, so that lupdate finds every sentence.
    texts = {
        "no-keyring": translate(
            "DatabaseDialog",
            "No system keyring is available to store the password for %1. Untick "
            "“Remember in the system keyring” to use it until you quit, or set "
            "PGPASSWORD or use ~/.pgpass instead.",
        ),
        "keyring": translate(
            "DatabaseDialog",
            "The system keyring did not let the app use the password for %1. Unlock the "
            "keyring and try again, or set PGPASSWORD or use ~/.pgpass instead.",
        ),
        "wrong-password": translate(
            "DatabaseDialog", "The server refused the password for %1. Check it and try again."
        ),
        "no-password": translate(
            "DatabaseDialog",
            "The server asks for a password for %1 and none is saved. Enter it under "
            "Settings > Database, or set PGPASSWORD or use ~/.pgpass.",
        ),
        "refused": translate(
            "DatabaseDialog",
            "Nothing answers at the address of %1. Check the host and the port, and that "
            "PostgreSQL is running there.",
        ),
        "unknown-host": translate(
            "DatabaseDialog",
            "The server name in %1 is unknown. Check the spelling and the network.",
        ),
        "timeout": translate(
            "DatabaseDialog",
            "The server of %1 did not answer in time. Check the address, the network or the VPN.",
        ),
        "no-database": translate(
            "DatabaseDialog",
            "The server has no database of that name (%1). Check the name, or ask the "
            "server's administrator to create it.",
        ),
        "unknown-user": translate(
            "DatabaseDialog",
            "The server has no user of that name (%1). Check the user name.",
        ),
        "no-access": translate(
            "DatabaseDialog",
            "The server let %1 in but refused access to the assessment tables. Ask the "
            "server's administrator to grant access (see the team mode guide).",
        ),
        "owner-only": translate(
            "DatabaseDialog",
            "The database of %1 needs an upgrade that only the owner of its tables may run. "
            "Ask the server's administrator to open it once with the owner's login.",
        ),
        "no-user": translate(
            "DatabaseDialog",
            "The address %1 names no user. Write it as "
            "postgresql+psycopg://user@host:5432/database.",
        ),
    }
    if error.reason in texts and error.server:
        return texts[error.reason].replace("%1", error.server)
    return translate("DatabaseDialog", "Could not connect: %1").replace("%1", str(error))


class _CheckRelay(QObject):
    """Carries a worker thread's verdict back to the dialog, on the UI thread."""

    done = Signal(int, str, str, str)  # attempt, reason ("" = connected), server, message


class DatabaseDialog(QDialog):
    """Choose the database: a file on this computer or a team server, and the user's name.

    After ``exec()`` returns Accepted, :meth:`location` and :meth:`user_name` say
    what was chosen; a server's password has already been checked and put in the
    keyring (or kept for this run).

    Signals:
        check_finished(bool): a connection test (or the check before OK) ended.
    """

    check_finished = Signal(bool)

    def __init__(self, current_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseDialog")
        self.setWindowTitle(self.tr("Database"))
        self.setMinimumWidth(580)
        self._attempt = 0
        self._accepting = False
        self._attempt_running = False
        self._relay = _CheckRelay()
        self._relay.done.connect(self._check_done)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Where your assessments are stored:"))
        layout.addWidget(intro)

        self.local_choice = QRadioButton(self.tr("This computer (a database file)"))
        self.server_choice = QRadioButton(self.tr("Team server (PostgreSQL)"))
        choices = QButtonGroup(self)
        choices.addButton(self.local_choice)
        choices.addButton(self.server_choice)

        layout.addWidget(self.local_choice)
        self.local_box = QWidget()
        local_row = QHBoxLayout(self.local_box)
        local_row.setContentsMargins(24, 0, 0, 0)
        self.path_edit = QLineEdit()
        self.path_edit.setMinimumWidth(380)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self._browse)
        local_row.addWidget(self.path_edit, 1)
        local_row.addWidget(self.browse_button)
        layout.addWidget(self.local_box)

        layout.addWidget(self.server_choice)
        self.server_box = QWidget()
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        self.host = QLineEdit()
        self.host.setPlaceholderText("db.example.com")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setMaximumWidth(110)
        self.database = QLineEdit()
        self.database.setPlaceholderText("readiness")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: use the saved password"))
        self.remember = QCheckBox(self.tr("Remember in the system keyring"))
        self.remember.setChecked(True)
        form.addRow(self.tr("Host:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        layout.addWidget(self.server_box)

        name_form = QFormLayout()
        self.your_name = QLineEdit(saved_user_name())
        name_form.addRow(self.tr("Your name:"), self.your_name)
        name_hint = QLabel(
            self.tr("Recorded on every answer and action as the person who changed it.")
        )
        name_hint.setWordWrap(True)
        name_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        name_form.addRow("", name_hint)
        layout.addLayout(name_form)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known duration: a moving bar
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.busy)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.status = QLabel()
        self.status.setObjectName("connectionStatus")
        self.status.setWordWrap(True)
        # Room for a two-line message, so the dialog does not jump when one appears.
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing() + 4)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.local_choice.toggled.connect(self._show_choice)
        self._fill_from(current_location)
        self._show_choice()

    # --- the choice ------------------------------------------------------------------------

    def _fill_from(self, location: str) -> None:
        self.path_edit.setText(str(default_database_path()))
        self.user.setText(login_name())
        if not is_server_location(location):
            self.local_choice.setChecked(True)
            if location:
                self.path_edit.setText(location)
            return
        self.server_choice.setChecked(True)
        address = ServerAddress.parse(location)
        if address is None:
            return
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)

    def _show_choice(self) -> None:
        local = self.local_choice.isChecked()
        self.local_box.setEnabled(local)
        self.server_box.setEnabled(not local)
        self.test_button.setEnabled(not local)
        self.status.clear()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.path_edit.text() or str(default_database_path()),
            self.tr("Database files (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path_edit.setText(path)

    def is_server(self) -> bool:
        """Whether the team server is chosen."""
        return self.server_choice.isChecked()

    def location(self) -> str:
        """The chosen database: a file path, or the server's URL without any password."""
        if not self.is_server():
            return str(Path(self.path_edit.text().strip()).expanduser())
        return ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        ).location()

    def user_name(self) -> str:
        """The name to record on every change: as typed, else the login name."""
        return self.your_name.text().strip() or login_name()

    def _missing(self) -> str | None:
        """What must still be filled in, or None."""
        if not self.is_server():
            text = self.path_edit.text().strip()
            if not text:
                return self.tr("Choose the database file.")
            if Path(text).expanduser().is_dir():
                return self.tr("%1 is a folder; choose a file in it.").replace("%1", text)
            return None
        for field, label in (
            (self.host, self.tr("the host")),
            (self.database, self.tr("the database")),
            (self.user, self.tr("the user")),
        ):
            if not field.text().strip():
                field.setFocus()
                return self.tr("Fill in %1 of the team server.").replace("%1", label)
        return None

    # --- checking the connection ----------------------------------------------------------

    def checking(self) -> bool:
        """Whether a connection attempt is running."""
        return self._attempt_running

    def test_connection(self) -> None:
        """Try the server with the typed (or saved) password, off the UI thread."""
        self._accepting = False
        self._start_check()

    def _start_check(self) -> None:
        problem = self._missing()
        if problem is not None:
            self._show_status(problem, ok=False)
            return
        self._attempt += 1
        attempt = self._attempt
        location = self.location()
        password = self.password.text() or None
        relay = self._relay

        def run() -> None:
            # On a worker thread: report, never raise (nobody would see it).
            try:
                check_connection(location, password)
            except CredentialsError as error:
                relay.done.emit(attempt, error.reason, error.server, str(error))
                return
            except Exception as error:
                relay.done.emit(attempt, "other", "", type(error).__name__)
                return
            relay.done.emit(attempt, "", server_key(location), "")

        self._set_busy(True)
        self._show_status(self.tr("Connecting to %1…").replace("%1", server_key(location)), ok=None)
        QThreadPool.globalInstance().start(run)

    def _set_busy(self, busy: bool) -> None:
        self._attempt_running = busy
        self.busy.setVisible(busy)
        self.test_button.setEnabled(not busy and self.is_server())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.local_choice.setEnabled(not busy)
        self.server_choice.setEnabled(not busy)
        self.server_box.setEnabled(not busy and self.is_server())

    def _check_done(self, attempt: int, reason: str, server: str, message: str) -> None:
        if attempt != self._attempt or not self._attempt_running:
            return  # an older attempt, or the dialog was closed meanwhile
        self._set_busy(False)
        if reason:
            error = CredentialsError(message, reason=reason, server=server)  # type: ignore[arg-type]
            self._show_status(connection_problem_text(error), ok=False)
            self.check_finished.emit(False)
            return
        if self._accepting:
            self._accepting = False
            if self._keep_password():
                self.check_finished.emit(True)
                super().accept()
                return
            self.check_finished.emit(False)
            return
        self._show_status(self.tr("Connected to %1.").replace("%1", server), ok=True)
        self.check_finished.emit(True)

    def _keep_password(self) -> bool:
        """Put a typed password in the keyring (or in memory until quitting)."""
        password = self.password.text()
        if not password:
            return True  # the saved password (or PGPASSWORD / ~/.pgpass) just worked
        location = self.location()
        try:
            if self.remember.isChecked():
                save_password(location, password)
            else:
                # Not to be remembered: drop an older one; a failing keyring held none usable.
                with contextlib.suppress(CredentialsError):
                    forget_password(location)
                use_password_for_session(location, password)
        except CredentialsError as error:
            self._show_status(connection_problem_text(error), ok=False)
            return False
        return True

    def _show_status(self, text: str, *, ok: bool | None) -> None:
        colour = {True: "#1b7f3b", False: "#b3261e", None: ""}[ok]
        self.status.setStyleSheet(f"color: {colour};" if colour else "")
        self.status.setText(text)

    # --- closing --------------------------------------------------------------------------

    def accept(self) -> None:
        """OK: a file is taken as is; a server is checked first, then its password kept."""
        if self._attempt_running:
            return
        problem = self._missing()
        if problem is not None:
            self._show_status(problem, ok=False)
            return
        if not self.is_server():
            super().accept()
            return
        self._accepting = True
        self._start_check()

    def done(self, result: int) -> None:
        # A check still running reports to nobody once the dialog is closed.
        self._attempt_running = False
        self._attempt += 1
        super().done(result)
