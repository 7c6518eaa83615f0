"""Working beside colleagues: their changes appear, conflicts are asked, questions assigned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.domain.statuses import AssignmentScope
from readiness.services.editing import Conflict, MyChange
from readiness.storage.errors import AnswerConflict
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from ui.dialogs.conflict import ConflictDialog
from ui.pages.questionnaire import QuestionnairePage
from ui.workspace import Workspace


@pytest.fixture
def location(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> str:
    if backend == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return str(tmp_path_factory.mktemp("team") / "team.sqlite3")


@pytest.fixture
def pair(
    qapp: QApplication, location: str, backend: str, catalog: Catalog
) -> Iterator[tuple[Workspace, Store]]:
    """Li's open app, and Zhang's store on the same database."""
    mine = open_store(location, user="Li Wei")
    if backend == "sqlite":
        colleague = Store(mine.engine, location=mine.location, user="Zhang Min")
    else:
        colleague = open_store(location, user="Zhang Min")
    workspace = Workspace(mine, catalog, "en")
    workspace.create_assessment("Taizhou Wipers", "2027", [MarketChoice("IT"), MarketChoice("MA")])
    yield workspace, colleague
    workspace.poll_timer.stop()
    if colleague.engine is not mine.engine:
        colleague.close()
    mine.close()


def _first_market_item(workspace: Workspace) -> str:
    assert workspace.result is not None
    return next(
        item.id
        for item in workspace.catalog.all_items.values()
        if workspace.answer_rows(item) == ["IT", "MA"] and item.relevant_if is None
    )


@pytest.mark.both_backends
def test_a_colleagues_answer_appears_within_seconds_with_their_name(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, colleague = pair
    page = QuestionnairePage(workspace)
    qtbot.addWidget(page)
    page.show_question(_first_market_item(workspace))  # a question asked per market
    item_id = page.current_item().id  # type: ignore[union-attr]
    market = page.card.rows[0][0]
    assert workspace.assessment_id is not None
    colleague.set_answer(workspace.assessment_id, item_id, market, AnswerValue.IN_PLACE)
    with qtbot.waitSignal(workspace.colleagues_changed, timeout=5000) as changed:
        pass  # the workspace's own timer notices
    assert "Zhang Min" in changed.args[0]
    row = page.card.rows[0][1]
    assert row.buttons[AnswerValue.IN_PLACE].isChecked()
    assert "Changed by Zhang Min" in row.changed.text()


@pytest.mark.both_backends
def test_a_stale_answer_asks_and_keeping_theirs_writes_nothing(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, colleague = pair
    workspace.poll_timer.stop()  # Li has not seen Zhang's change yet
    page = QuestionnairePage(workspace)
    qtbot.addWidget(page)
    page.show_question(_first_market_item(workspace))  # a question asked per market
    item = page.current_item()
    assert item is not None and workspace.assessment_id is not None
    market = page.card.rows[0][0]
    colleague.set_answer(workspace.assessment_id, item.id, market, AnswerValue.PROVEN)
    asked: list[tuple[AnswerConflict, str]] = []

    def keep_theirs(conflict: object, what: str, mine: object) -> bool:
        assert isinstance(conflict, AnswerConflict)
        assert what == f"{item.id} · Italy"
        asked.append((conflict, str(mine)))
        return False

    workspace.resolve_conflict = keep_theirs
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_1)
    workspace.finish_saves()
    assert len(asked) == 1 and asked[0][1] == "1"
    theirs = asked[0][0].theirs
    assert theirs is not None and theirs.updated_by == "Zhang Min"
    saved = workspace.saved_answer((item.id, market))
    assert saved is not None and (saved.value, saved.updated_by) == ("4", "Zhang Min")
    # Nothing of Li's went on the undo stack: undo cannot revert Zhang's answer.
    assert workspace.undo_stack.count() == 0


@pytest.mark.both_backends
def test_keeping_mine_writes_over_theirs_and_can_be_undone(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, colleague = pair
    workspace.poll_timer.stop()
    page = QuestionnairePage(workspace)
    qtbot.addWidget(page)
    page.show_question(_first_market_item(workspace))  # a question asked per market
    item = page.current_item()
    assert item is not None and workspace.assessment_id is not None
    market = page.card.rows[0][0]
    colleague.set_answer(workspace.assessment_id, item.id, market, AnswerValue.PROVEN)
    workspace.resolve_conflict = lambda conflict, what, mine: True
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_2)
    workspace.finish_saves()
    saved = workspace.saved_answer((item.id, market))
    assert saved is not None and (saved.value, saved.updated_by) == ("2", "Li Wei")
    # Undo puts back what Li's answer replaced: Zhang's, not Li's stale view.
    workspace.undo_stack.undo()
    workspace.finish_saves()
    restored = workspace.saved_answer((item.id, market))
    assert restored is not None and restored.value == "4"


@pytest.mark.both_backends
def test_undo_over_a_colleagues_later_change_asks_first(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, colleague = pair
    page = QuestionnairePage(workspace)
    qtbot.addWidget(page)
    page.show_question(_first_market_item(workspace))  # a question asked per market
    item = page.current_item()
    assert item is not None and workspace.assessment_id is not None
    market = page.card.rows[0][0]
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_1)
    workspace.finish_saves()
    mine = workspace.saved_answer((item.id, market))
    assert mine is not None
    colleague.set_answer(
        workspace.assessment_id,
        item.id,
        market,
        AnswerValue.PROVEN,
        note="audit passed",
        expected_version=mine.version,
    )
    workspace.poll()  # Li's app shows Zhang's change
    asked: list[str] = []
    workspace.resolve_conflict = lambda conflict, what, mine: asked.append(what) or False
    workspace.undo_stack.undo()
    workspace.finish_saves()
    assert asked == [f"{item.id} · Italy"]
    kept = workspace.saved_answer((item.id, market))
    assert kept is not None and (kept.value, kept.note, kept.updated_by) == (
        "4",
        "audit passed",
        "Zhang Min",
    )


@pytest.mark.both_backends
def test_a_note_typed_while_a_colleague_saves_is_a_conflict_and_keeps_their_value(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, colleague = pair
    page = QuestionnairePage(workspace)
    qtbot.addWidget(page)
    page.show_question(_first_market_item(workspace))  # a question asked per market
    item = page.current_item()
    assert item is not None and workspace.assessment_id is not None
    market, row = page.card.rows[0]
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_1)
    workspace.finish_saves()
    seen = row.note_version
    colleague.set_answer(
        workspace.assessment_id,
        item.id,
        market,
        AnswerValue.PROVEN,
        note="theirs",
        expected_version=seen,
    )
    workspace.poll()
    asked: list[str] = []
    workspace.resolve_conflict = lambda conflict, what, mine: asked.append(str(mine)) or True
    # The version the note field had when Li started typing.
    workspace.set_note(item, market, "mine", seen_version=seen)
    workspace.finish_saves()
    assert asked == ["mine"]
    saved = workspace.saved_answer((item.id, market))
    # Keeping my note does not bring back my old value over Zhang's.
    assert saved is not None and (saved.value, saved.note) == ("4", "mine")


def test_keeping_mine_when_removing_evidence_keeps_a_colleagues_new_file(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, colleague = pair
    workspace.poll_timer.stop()
    assert workspace.assessment_id is not None
    item = workspace.catalog.all_items[_first_market_item(workspace)]
    workspace.answer(item, "IT", AnswerValue.PARTLY)
    workspace.finish_saves()
    mine = str(workspace.evidence_folder() / "mine.pdf")
    seen = workspace.store.set_answer(
        workspace.assessment_id, item.id, "IT", AnswerValue.PARTLY, evidence=[mine]
    )
    workspace.refresh()
    colleague.set_answer(
        workspace.assessment_id,
        item.id,
        "IT",
        AnswerValue.PARTLY,
        evidence=[mine, "/zhang/cert.pdf"],
        expected_version=seen.version,
    )
    workspace.resolve_conflict = lambda conflict, what, mine: True
    workspace.remove_evidence(item, "IT", mine)
    workspace.finish_saves()
    saved = workspace.saved_answer((item.id, "IT"))
    assert saved is not None and saved.evidence == ["/zhang/cert.pdf"]


def test_the_main_window_asks_through_the_real_dialog(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.main_window import MainWindow

    workspace, colleague = pair
    workspace.poll_timer.stop()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    item = workspace.catalog.all_items[_first_market_item(workspace)]
    assert workspace.assessment_id is not None
    colleague.set_answer(workspace.assessment_id, item.id, "IT", AnswerValue.PROVEN)
    seen: list[str] = []

    def answer_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return  # the save has not met the conflict yet
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.theirs_button.click()  # type: ignore[attr-defined]

    # The dialog is asked from inside the save: answer it whenever it shows.
    answering = QTimer()
    answering.timeout.connect(answer_the_dialog)
    answering.start(20)
    workspace.answer(item, "IT", AnswerValue.AWARE)
    workspace.finish_saves()
    answering.stop()
    assert seen and "Zhang Min" in seen[0]
    saved = workspace.saved_answer((item.id, "IT"))
    assert saved is not None and saved.value == "4"


def test_the_conflict_dialog_says_who_when_and_what(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, colleague = pair
    assert workspace.assessment_id is not None
    seen = colleague.set_answer(workspace.assessment_id, "QUAL-001", None, AnswerValue.AWARE)
    colleague.set_answer(workspace.assessment_id, "QUAL-001", None, AnswerValue.IN_PLACE)
    with pytest.raises(AnswerConflict) as raised:
        workspace.store.set_answer(
            workspace.assessment_id,
            "QUAL-001",
            None,
            AnswerValue.NOT_STARTED,
            expected_version=seen.version,
        )
    dialog = ConflictDialog(raised.value, "QUAL-001 · company", "0")
    qtbot.addWidget(dialog)
    assert "Zhang Min" in dialog.text() and "“3”" in dialog.text()
    assert "QUAL-001 · company" in dialog.text()
    assert "“0”" in dialog.informativeText()
    QTimer.singleShot(0, dialog.mine_button.click)
    assert dialog.keeps_mine()
    again = ConflictDialog(raised.value, "QUAL-001 · company", "0")
    qtbot.addWidget(again)
    QTimer.singleShot(0, again.reject)  # Escape or closing keeps theirs
    assert not again.keeps_mine()


@pytest.mark.both_backends
def test_the_conflict_dialog_shows_both_notes_and_files_in_full(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, colleague = pair
    workspace.poll_timer.stop()
    assert workspace.assessment_id is not None
    item = workspace.catalog.all_items[_first_market_item(workspace)]
    workspace.answer(item, "IT", AnswerValue.PARTLY)
    workspace.finish_saves()
    seen = workspace.saved_answer((item.id, "IT"))
    assert seen is not None
    colleague.set_answer(
        workspace.assessment_id,
        item.id,
        "IT",
        AnswerValue.IN_PLACE,
        note="Audit booked with TÜV\nfor 12 May",
        evidence=["sha256:" + "a" * 64 + ":quote.pdf"],
        expected_version=seen.version,
    )
    shown: list[ConflictDialog] = []

    def look(conflict: Conflict, what: str, mine: MyChange | str) -> bool:
        dialog = ConflictDialog(conflict, what, mine)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return True

    workspace.resolve_conflict = look
    workspace.set_note(item, "IT", "Waiting for the quote", seen_version=seen.version)
    workspace.finish_saves()
    [dialog] = shown
    sides = dialog.informativeText()
    # Their note (every line) and file, and my note, before I choose.
    assert "Audit booked with TÜV<br>for 12 May" in sides and "quote.pdf" in sides
    assert "Waiting for the quote" in sides and "Theirs (Zhang Min)" in sides
    # Keeping mine keeps their value and file: only the note is mine.
    saved = workspace.saved_answer((item.id, "IT"))
    assert saved is not None
    assert (saved.value, saved.note) == ("3", "Waiting for the quote")
    assert len(saved.evidence) == 1
    # And the note I replaced is in the history, to get back.
    notes = [e.note for e in workspace.store.history(workspace.assessment_id, item.id, "IT")]
    assert notes[:2] == ["Waiting for the quote", "Audit booked with TÜV\nfor 12 May"]


def test_my_questions_shows_what_was_assigned_to_me(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, _ = pair
    page = QuestionnairePage(workspace)
    qtbot.addWidget(page)
    item_id = _first_market_item(workspace)
    item = workspace.catalog.all_items[item_id]
    dimension = next(d for d in workspace.catalog.dimensions if d != item.dimension)
    workspace.assign(AssignmentScope.DIMENSION, dimension, "Li Wei")
    workspace.assign(AssignmentScope.ITEM, item_id, "li wei")
    workspace.finish_saves()
    page.mine.setChecked(True)
    shown = {i.id for i in page._items}
    expected = {
        i.id
        for i in workspace.catalog.all_items.values()
        if workspace.answer_rows(i) and (i.dimension == dimension or i.id == item_id)
    }
    assert shown == expected
    page.show_question(item_id)
    assert "li wei" in page.card.assignment.text()
    entries = [page.dimensions.item(n).text() for n in range(page.dimensions.count())]
    assert sum("· Li Wei" in entry for entry in entries) == 1


def test_a_server_that_stops_answering_is_reported_once_in_the_status_bar(
    qtbot: QtBot, pair: tuple[Workspace, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    from readiness.storage.errors import StoreError

    workspace, _ = pair
    workspace.poll_timer.stop()
    notices: list[str] = []
    failures: list[str] = []
    workspace.notice.connect(notices.append)
    workspace.failed.connect(failures.append)

    def unreachable(_assessment_id: int) -> int:
        raise StoreError("Nothing answers at db:5432.")

    with monkeypatch.context() as patched:
        patched.setattr(workspace.store, "revision", unreachable)
        workspace.poll()
        workspace.poll()
    workspace.poll()
    assert failures == []  # no dialog for a background check
    assert len(notices) == 2
    assert "Nothing answers" in notices[0] and notices[1] == "Connected again"


def test_a_closed_store_stops_the_background_check(pair: tuple[Workspace, Store]) -> None:
    workspace, _ = pair
    assert workspace.poll_timer.isActive()
    workspace.store.close()
    workspace.poll()
    assert not workspace.poll_timer.isActive()


def test_evidence_for_a_server_assessment_stays_in_this_computers_data_folder(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "readiness.services.evidence.default_database_path", lambda: tmp_path / "r.sqlite3"
    )
    with open_store(str(tmp_path / "schema.sqlite3")) as local:
        # The same tables as on the server, reached under a server's address.
        store = Store(local.engine, location="postgresql+psycopg://li@db.example.com/readiness")
        workspace = Workspace(store, catalog, "en")
        folder = workspace.evidence_folder()
        assert folder.is_relative_to(tmp_path / "evidence")
        assert folder.name == local.identity and "db.example.com" in folder.parent.name


def test_the_note_field_keeps_the_version_it_was_opened_at_while_typing(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, colleague = pair
    workspace.poll_timer.stop()
    page = QuestionnairePage(workspace)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.show_question(_first_market_item(workspace))  # a question asked per market
    item = page.current_item()
    assert item is not None and workspace.assessment_id is not None
    market, row = page.card.rows[0]
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_1)
    workspace.finish_saves()
    page.activateWindow()
    row.note.setFocus()
    qtbot.waitUntil(row.note.hasFocus)
    seen = row.note_version
    qtbot.keyClicks(row.note, "draft")
    colleague.set_answer(workspace.assessment_id, item.id, market, AnswerValue.PROVEN)
    workspace.poll()
    assert row.note_version == seen and row.note.text() == "draft"


def test_a_colleagues_change_does_not_close_the_plan_cell_being_edited(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLineEdit

    from ui.models.plan import PlanModel
    from ui.pages.action_plan import ActionPlanPage

    workspace, colleague = pair
    workspace.poll_timer.stop()
    assert workspace.assessment_id is not None
    item = workspace.catalog.all_items[_first_market_item(workspace)]
    workspace.answer(item, "IT", AnswerValue.NOT_STARTED)  # a gap, so a plan row
    workspace.finish_saves()
    page = ActionPlanPage(workspace)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    table = page.table
    index = table.model().index(0, PlanModel.OWNER)
    key = page.proxy.data(index, Qt.ItemDataRole.UserRole + 2)
    table.setCurrentIndex(index)
    table.edit(index)
    assert table.state() == QAbstractItemView.State.EditingState
    editors = table.viewport().findChildren(QLineEdit)
    assert len(editors) == 1
    editor = editors[0]
    editor.setText("Ms Zhou")
    colleague.set_answer(workspace.assessment_id, item.id, "MA", AnswerValue.PARTLY)
    workspace.poll()
    assert table.state() == QAbstractItemView.State.EditingState  # still typing
    # What the delegate does on Return: commit, then close the editor.
    table.commitData(editor)
    table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
    workspace.finish_saves()
    actions = workspace.store.actions(workspace.assessment_id)
    stored = {(a.item_id, a.market_code or None): a for a in actions}
    assert stored[key].owner == "Ms Zhou"
    # The colleague's answer reached the plan once the editor closed.
    assert workspace.saved_answer((item.id, "MA")) is not None


def test_undoing_your_own_changes_never_asks_about_yourself(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, _ = pair
    workspace.poll_timer.stop()
    item = workspace.catalog.all_items[_first_market_item(workspace)]
    asked: list[str] = []
    workspace.resolve_conflict = lambda conflict, what, mine: asked.append(what) or False
    workspace.answer(item, "IT", AnswerValue.IN_PLACE)
    workspace.finish_saves()
    workspace.set_note(item, "IT", "first note")
    workspace.answer(item, "IT", AnswerValue.PROVEN)
    workspace.finish_saves()
    workspace.undo_stack.undo()
    workspace.finish_saves()
    workspace.undo_stack.undo()
    workspace.finish_saves()
    assert asked == []
    assert workspace.saved_answer((item.id, "IT")) is None
    workspace.undo_stack.redo()
    workspace.finish_saves()
    saved = workspace.saved_answer((item.id, "IT"))
    assert asked == [] and saved is not None and saved.value == "3"


def test_a_plan_cell_edited_while_a_colleague_changed_the_action_asks_first(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit

    from ui.models.plan import PlanModel
    from ui.pages.action_plan import ActionPlanPage

    workspace, colleague = pair
    workspace.poll_timer.stop()
    assert workspace.assessment_id is not None
    item = workspace.catalog.all_items[_first_market_item(workspace)]
    workspace.answer(item, "IT", AnswerValue.NOT_STARTED)
    workspace.finish_saves()
    page = ActionPlanPage(workspace)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    table = page.table
    index = table.model().index(0, PlanModel.OWNER)
    item_id, market = page.proxy.data(index, Qt.ItemDataRole.UserRole + 2)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.viewport().findChildren(QLineEdit)[0]
    editor.setText("Ms Zhou")
    colleague.set_action(workspace.assessment_id, item_id, market, owner="Wang", expected_version=0)
    workspace.poll()
    asked: list[str] = []
    workspace.resolve_conflict = lambda conflict, what, mine: asked.append(str(mine)) or False
    table.commitData(editor)
    table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
    workspace.finish_saves()
    assert asked == ["Ms Zhou"]
    stored = workspace.store.actions(workspace.assessment_id)
    assert [a.owner for a in stored] == ["Wang"]
    assert not page.model._held


def test_a_check_read_before_your_own_save_announces_nothing(
    qtbot: QtBot, pair: tuple[Workspace, Store]
) -> None:
    workspace, _ = pair
    workspace.poll_timer.stop()
    assert workspace.assessment_id is not None
    stale = workspace.store.revision(workspace.assessment_id)
    item = workspace.catalog.all_items[_first_market_item(workspace)]
    workspace.answer(item, "IT", AnswerValue.AWARE)
    workspace.finish_saves()
    announced: list[str] = []
    workspace.colleagues_changed.connect(announced.append)
    workspace.colleague_check.revision_read(workspace.assessment_id, stale)
    assert announced == []
