"""Settings > Team members…: administrators of a team server manage who sees which firm."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from readiness.content.catalog import Catalog
from readiness.services import team
from readiness.storage.opening import open_store
from tests.team_servers import PASSWORD, TeamServer, set_up_team
from ui.dialogs.team import AddMemberDialog, TeamDialog
from ui.main_window import MainWindow
from ui.workspace import Workspace


@pytest.fixture
def server(postgres_admin: Engine, catalog: Catalog) -> Iterator[TeamServer]:
    yield from set_up_team(postgres_admin, catalog)


def _window_on(location: str, catalog: Catalog, qtbot: QtBot) -> Iterator[MainWindow]:
    store = open_store(location)
    window = MainWindow(Workspace(store, catalog, "en"))
    qtbot.addWidget(window)
    yield window
    store.close()


def _dialog(server: TeamServer, qtbot: QtBot) -> TeamDialog:
    dialog = TeamDialog(server.as_login(server.admin))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() > 0, timeout=10_000)
    return dialog


def test_on_a_file_there_is_no_team_to_manage(window_on_file: MainWindow) -> None:
    assert not window_on_file.team_members.action.isVisible()


@pytest.fixture
def window_on_file(workspace: Workspace, qtbot: QtBot) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    return window


def test_an_administrator_may_open_it_and_a_consultant_may_not(
    server: TeamServer, catalog: Catalog, qtbot: QtBot, qapp: QApplication
) -> None:
    for login, allowed in ((server.admin, True), (server.consultant, False)):
        for window in _window_on(server.as_login(login), catalog, qtbot):
            entry = window.team_members
            qtbot.waitUntil(lambda e=entry: bool(e.administrator), timeout=10_000)
            entry.update()
            assert entry.action.isVisible()
            assert entry.action.isEnabled() is allowed


def test_the_team_is_listed_with_names_roles_and_companies(
    server: TeamServer, qtbot: QtBot
) -> None:
    dialog = _dialog(server, qtbot)
    rows = {
        dialog.model.index(row, 0).data(): [
            dialog.model.index(row, column).data() for column in range(1, 4)
        ]
        for row in range(dialog.model.rowCount())
    }
    assert rows[server.admin] == ["Wang Fang 王芳", "Administrator", "Every company"]
    assert rows[server.consultant][1:] == ["Consultant", "Ningbo Lighting, Xiamen Mirrors"]
    assert rows[server.firm_a][1:] == ["Firm user", "Ningbo Lighting"]


def test_adding_a_member_needs_matching_passwords_and_then_they_are_on_the_team(
    server: TeamServer, qtbot: QtBot
) -> None:
    dialog = _dialog(server, qtbot)
    form = AddMemberDialog(dialog.companies, dialog)
    qtbot.addWidget(form)
    login = f"{server.database}_zhao"
    form.login.setText(login)
    form.display_name.setText("Zhao Lei 赵磊")
    form.role.setCurrentIndex(form.role.findData("firm"))
    form.company.setCurrentIndex(
        form.company.findText("Xiamen Mirrors", flags=Qt.MatchFlag.MatchContains)
    )
    form.password.setText(PASSWORD)
    form.again.setText(PASSWORD + "x")
    form.accept()
    assert form.isVisible() is False and form.result() == 0
    assert "differ" in form.problem.text()
    form.again.setText(PASSWORD)
    assert form.missing() is None
    dialog.add_member(form)
    qtbot.waitUntil(
        lambda: any(dialog.model.member(r).login == login for r in range(dialog.model.rowCount())),
        timeout=10_000,
    )
    added = {m.login: m for m in team.members(server.as_login(server.admin))}[login]
    assert (added.display_name, added.role) == ("Zhao Lei 赵磊", "firm")
    assert [name for _key, name in added.companies] == ["Xiamen Mirrors"]


def test_granting_and_revoking_show_in_the_table(server: TeamServer, qtbot: QtBot) -> None:
    dialog = _dialog(server, qtbot)

    def companies_of(login: str) -> str:
        for row in range(dialog.model.rowCount()):
            if dialog.model.member(row).login == login:
                return str(dialog.model.index(row, 3).data())
        raise AssertionError(login)

    dialog.change_access(server.consultant, None, grant=False)
    qtbot.waitUntil(lambda: companies_of(server.consultant) == "No company", timeout=10_000)
    ningbo = str(server.companies["Ningbo Lighting"])
    dialog.change_access(server.consultant, ningbo, grant=True)
    qtbot.waitUntil(lambda: companies_of(server.consultant) == "Ningbo Lighting", timeout=10_000)


def test_a_refusal_is_shown_in_the_dialog(server: TeamServer, qtbot: QtBot) -> None:
    dialog = _dialog(server, qtbot)
    dialog.change_access(server.firm_a, None, grant=True)
    qtbot.waitUntil(lambda: "sees their own company only" in dialog.status.text(), timeout=10_000)


def test_on_a_team_server_a_question_goes_only_to_a_roster_member_who_sees_the_firm(
    server: TeamServer, catalog: Catalog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[tuple[list[str], bool]] = []

    def choose(*args: object) -> tuple[str, bool]:
        people, editable = args[3], args[5]
        assert isinstance(people, list) and isinstance(editable, bool)
        offered.append((people, editable))
        return "Wang Fang 王芳", True

    monkeypatch.setattr("ui.pages.question_card.QInputDialog.getItem", choose)
    for window in _window_on(server.as_login(server.consultant), catalog, qtbot):
        key = server.assessments["Ningbo Lighting"]
        window.workspace.open_assessment(key)
        window.questionnaire.show_question("CERT-001")
        card = window.questionnaire.card
        card.assign_button.menu().aboutToShow.emit()
        card.assign_button.menu().actions()[0].trigger()
        assert offered == [
            (sorted(["Chen Jie 陈杰", "Wang Fang 王芳", server.firm_a], key=str.casefold), False)
        ]
        qtbot.waitUntil(lambda c=card: "Wang Fang 王芳" in c.assignment.text(), timeout=10_000)


def test_on_a_team_server_only_administrators_may_change_the_register_of_firms(
    server: TeamServer, catalog: Catalog, qtbot: QtBot
) -> None:
    from ui.dialogs.companies import CompaniesDialog

    for login, allowed in ((server.consultant, False), (server.admin, True)):
        for window in _window_on(server.as_login(login), catalog, qtbot):
            dialog = CompaniesDialog(window.workspace)
            qtbot.addWidget(dialog)
            qtbot.waitUntil(lambda d=dialog: d.model.rowCount() == 2, timeout=10_000)
            dialog.table.selectRow(0)
            assert dialog.archive_button.isEnabled() is allowed
            assert dialog.delete_button.isEnabled() is allowed
            assert ("Only the team's administrators" in dialog.status.text()) is not allowed
