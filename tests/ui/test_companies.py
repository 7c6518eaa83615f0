"""The register of member firms in the app (the assessments list's menu → Companies…):
archive a firm out of the lists, merge two that are one, delete one after a backup."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from readiness.domain.records import MarketChoice
from readiness.storage.store import Store
from ui.dialogs.companies import CompaniesDialog
from ui.workspace import Workspace


@pytest.fixture
def firms(workspace: Workspace) -> Iterator[Workspace]:
    for name in ("Ningbo Seals", "Ningbo Seals Co.", "Liuzhou Axles"):
        workspace.create_assessment(name, "2027 review", [MarketChoice("IT")])
    yield workspace


def _dialog(workspace: Workspace, qtbot: QtBot) -> CompaniesDialog:
    dialog = CompaniesDialog(workspace)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5000)
    return dialog


def _choose(dialog: CompaniesDialog, name: str) -> None:
    names = [entry.company.name for entry in dialog.model.entries]
    dialog.table.selectRow(names.index(name))


def _names(store: Store) -> list[str]:
    return [entry.company.name for entry in store.companies()]


def test_archiving_a_firm_takes_it_out_of_the_list_and_unarchive_brings_it_back(
    firms: Workspace, qtbot: QtBot
) -> None:
    dialog = _dialog(firms, qtbot)
    assert [e.company.name for e in dialog.model.entries] == [
        "Liuzhou Axles",
        "Ningbo Seals",
        "Ningbo Seals Co.",
    ]
    _choose(dialog, "Liuzhou Axles")
    dialog.archive_button.click()
    assert "Archived “Liuzhou Axles”" in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    assert all(s.archived for s in firms.store.list_assessments() if s.company == "Liuzhou Axles")
    dialog.show_archived.setChecked(True)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5000)
    _choose(dialog, "Liuzhou Axles")
    assert dialog.archive_button.text() == "Unarchive"
    dialog.archive_button.click()
    assert "Liuzhou Axles" in _names(firms.store)


def test_merging_two_firms_moves_the_assessments_and_names_the_backup(
    firms: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(firms, qtbot)
    _choose(dialog, "Ningbo Seals Co.")
    asked: list[list[str]] = []

    def pick(*args: object) -> tuple[str, bool]:
        options = args[3]
        assert isinstance(options, list)
        asked.append(options)
        return next(o for o in options if o.startswith("Ningbo Seals (")), True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    dialog.merge_button.click()
    # The backup and the merge run off the UI thread; the buttons wait for them.
    assert dialog.busy and not dialog.delete_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "Ningbo Seals Co." not in str(asked)  # not into itself
    assert _names(firms.store) == ["Liuzhou Axles", "Ningbo Seals"]
    assert [e.assessments for e in firms.store.companies()] == [1, 2]
    assert "Merged “Ningbo Seals Co.” into “Ningbo Seals”" in dialog.status.text()
    assert "before-merge" in dialog.status.text()


def test_deleting_a_firm_asks_first_and_names_the_backup(
    firms: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(firms, qtbot)
    _choose(dialog, "Liuzhou Axles")
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answer)
    dialog.delete_button.click()
    assert "Liuzhou Axles" in _names(firms.store)
    answer = QMessageBox.StandardButton.Yes
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "Liuzhou Axles" not in _names(firms.store)
    assert "before-delete-company" in dialog.status.text()


def test_the_assessments_menu_opens_the_register(firms: Workspace, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.assessment_actions import AssessmentActions

    window = QWidget()
    qtbot.addWidget(window)
    actions = AssessmentActions(firms, window, lambda: None)
    menu = actions.menu(window)
    assert actions.companies_action in menu.actions()
    # Not about one assessment: there with none chosen.
    assert actions.companies_action.isEnabled() and not actions.rename_action.isEnabled()


def test_only_the_latest_read_is_shown_when_the_filter_changes_at_once(
    firms: Workspace, qtbot: QtBot
) -> None:
    firms.store.set_company_archived(firms.store.companies()[0].company.id, True)
    dialog = CompaniesDialog(firms)
    qtbot.addWidget(dialog)
    dialog.show_archived.setChecked(True)  # before the first read has landed
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5000)
    qtbot.wait(200)  # the first, older read lands too, and is not shown
    assert dialog.model.rowCount() == 3
