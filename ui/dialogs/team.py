"""Settings > Team members…: a platform administrator's view of who may see which firm.

The dialog lists the team (login, display name, role, companies), adds a member
with their password, and grants or revokes companies. Every call to the server
runs off the UI thread; the database itself enforces what each login sees
(row-level security), so this is only the administrator's way to change it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness.services import team
from readiness.storage.errors import StoreError
from ui.models.team import MembersModel, role_words
from ui.store_read import StoreRead, StoreRelay

# Keys of the background calls, so that a late answer lands where it belongs.
LOAD, CHANGE = 1, 2


class AddMemberDialog(QDialog):
    """The new member's login, display name, role, company (a firm user's) and password."""

    def __init__(self, companies: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add team member"))
        form = QFormLayout(self)
        self.login = QLineEdit()
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. Chen Jie 陈杰"))
        self.role = QComboBox()
        for role in team.ROLES:
            self.role.addItem(role_words(role), role)
        self.company = QComboBox()
        for key, name in companies:
            self.company.addItem(f"{name} ({key})", str(key))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Company (firm users):"), self.company)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.again)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _role_changed(self) -> None:
        self.company.setEnabled(self.role.currentData() == "firm")

    def missing(self) -> str | None:
        """What keeps the form from being sent, in words; None when it is complete."""
        if not self.login.text().strip():
            return self.tr("Give the member's login name.")
        if not self.password.text():
            return self.tr("Give the member's password.")
        if self.password.text() != self.again.text():
            return self.tr("The two passwords differ.")
        if self.role.currentData() == "firm" and self.company.currentIndex() < 0:
            return self.tr("A firm user belongs to a company; add the company first.")
        return None

    def accept(self) -> None:
        """Close only with a complete form; otherwise say what is missing."""
        problem = self.missing()
        if problem is not None:
            self.problem.setText(problem)
            return
        super().accept()


class TeamDialog(QDialog):
    """The team of a server, for its administrators: members, add, grant, revoke."""

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.setWindowTitle(self.tr("Team members"))
        self.resize(760, 420)
        self.model = MembersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add member…"))
        self.grant_button = QPushButton(self.tr("Grant company…"))
        self.revoke_button = QPushButton(self.tr("Revoke company…"))
        self.add_button.clicked.connect(self.ask_new_member)
        self.grant_button.clicked.connect(lambda: self.ask_company(grant=True))
        self.revoke_button.clicked.connect(lambda: self.ask_company(grant=False))
        row = QHBoxLayout()
        for button in (self.add_button, self.grant_button, self.revoke_button):
            row.addWidget(button)
        row.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.companies: list[tuple[int, str]] = []
        self.busy = False
        # Parentless: a call still running when the dialog closes must not reach it.
        self._relay = StoreRelay()
        self._relay.done.connect(self._done)
        self.reload()

    # --- talking to the server, off the UI thread -------------------------------------

    def _run(self, key: int, work: Callable[[], object]) -> None:
        self.busy = True
        for button in (self.add_button, self.grant_button, self.revoke_button):
            button.setEnabled(False)
        QThreadPool.globalInstance().start(StoreRead(work, key, self._relay))

    def reload(self) -> None:
        """Read the team and the companies again."""
        location = self.location
        self.status.setText(self.tr("Reading the team…"))
        self._run(LOAD, lambda: (team.members(location), team.companies(location)))

    def _done(self, key: int, outcome: object) -> None:
        self.busy = False
        for button in (self.add_button, self.grant_button, self.revoke_button):
            button.setEnabled(True)
        if isinstance(outcome, StoreError):
            self.status.setText(str(outcome))
            self.status.setStyleSheet("color: #b00020")
            return
        self.status.setStyleSheet("")
        if key == LOAD and isinstance(outcome, tuple):
            members, self.companies = outcome
            self.model.set_members(members)
            self.status.setText(self.tr("Members: %1").replace("%1", str(len(members))))
            return
        self.status.setText(str(outcome))
        self.reload()

    # --- what the administrator asks for -----------------------------------------------

    def ask_new_member(self) -> None:
        """Ask for the new member's details, then add them."""
        form = AddMemberDialog(self.companies, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self.add_member(form)

    def add_member(self, form: AddMemberDialog) -> None:
        """Add the member a completed form describes."""
        location, login = self.location, form.login.text().strip()
        role = str(form.role.currentData())
        company = str(form.company.currentData()) if role == "firm" else None
        password, display = form.password.text(), form.display_name.text().strip()
        done = self.tr("%1 joined the team.").replace("%1", login)

        def work() -> str:
            team.add_member(location, login, role, password, company=company, display_name=display)
            return done

        self._run(CHANGE, work)

    def selected_login(self) -> str | None:
        """The login of the selected member, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.member(rows[0].row()).login if rows else None

    def ask_company(self, *, grant: bool) -> None:
        """Ask which company (or all) to grant to, or revoke from, the selected member."""
        login = self.selected_login()
        if login is None:
            self.status.setText(self.tr("Select a member first."))
            return
        every = self.tr("All companies")
        names = [every] + [f"{name} ({key})" for key, name in self.companies]
        title = self.tr("Grant company") if grant else self.tr("Revoke company")
        chosen, ok = QInputDialog.getItem(self, title, login, names, 0, False)
        if ok:
            index = names.index(chosen)
            company = None if index == 0 else str(self.companies[index - 1][0])
            self.change_access(login, company, grant=grant)

    def change_access(self, login: str, company: str | None, *, grant: bool) -> None:
        """Grant or revoke ``company`` (None: every company) for ``login``."""
        location = self.location
        done = (self.tr("%1 now sees it.") if grant else self.tr("%1 no longer sees it.")).replace(
            "%1", login
        )

        def work() -> str:
            if grant:
                team.grant(location, login, company)
            else:
                team.revoke(location, login, company)
            return done

        self._run(CHANGE, work)
