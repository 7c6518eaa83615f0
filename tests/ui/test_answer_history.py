"""An answer's history in the app: the History button on each answer row lists every
change (when, who, answer, note, evidence) and can put an earlier version back, as an
undoable change that the history records in turn."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from readiness.domain.answers import AnswerValue
from ui.dialogs.answer_history import AnswerHistoryDialog
from ui.models.history import HistoryModel
from ui.pages.questionnaire import QuestionnairePage
from ui.workspace import Workspace


def _answered_three_times(fresh: Workspace, tmp_path: Path) -> None:
    item = fresh.catalog.all_items["CERT-002"]
    fresh.answer(item, "IT", AnswerValue("1"))
    fresh.finish_saves()
    fresh.set_note(item, "IT", "Lab booked\nfor May")
    proof = tmp_path / "quote.pdf"
    proof.write_bytes(b"%PDF")
    fresh.attach_evidence(item, "IT", proof)
    fresh.finish_saves()
    fresh.answer(item, "IT", AnswerValue("3"))
    fresh.finish_saves()
    fresh.set_note(item, "IT", "Certificate received")
    fresh.finish_saves()


def _dialog(fresh: Workspace, qtbot: QtBot) -> AnswerHistoryDialog:
    dialog = AnswerHistoryDialog(fresh, fresh.catalog.all_items["CERT-002"], "IT")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=5000)
    return dialog


def test_the_history_lists_every_change_newest_first(
    fresh: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    _answered_three_times(fresh, tmp_path)
    dialog = _dialog(fresh, qtbot)
    model = dialog.model

    def cell(row: int, column: int) -> str:
        return str(model.data(model.index(row, column)))

    assert model.rowCount() == 5
    assert [cell(row, HistoryModel.VALUE) for row in range(5)] == ["3", "3", "1", "1", "1"]
    assert cell(0, HistoryModel.NOTE) == "Certificate received"
    assert cell(3, HistoryModel.NOTE) == "Lab booked for May"  # one line in the table
    assert model.data(model.index(3, HistoryModel.NOTE), 3) == "Lab booked\nfor May"  # tooltip
    assert cell(0, HistoryModel.EVIDENCE) == "quote.pdf"
    assert cell(4, HistoryModel.CHANGE) == "answered" and cell(0, HistoryModel.CHANGE) == "changed"
    assert cell(0, HistoryModel.WHO) == fresh.store.user
    assert "5 change(s)" in dialog.status.text()


def test_an_earlier_version_is_put_back_whole_and_can_be_undone(
    fresh: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    _answered_three_times(fresh, tmp_path)
    dialog = _dialog(fresh, qtbot)
    # The newest row is the answer as it stands: nothing to put back.
    dialog.table.selectRow(0)
    assert not dialog.put_back_button.isEnabled()
    dialog.table.selectRow(3)  # answer 1 with the first note, before the file
    assert dialog.put_back_button.isEnabled()
    dialog.put_back_button.click()
    saved = fresh.saved_answer(("CERT-002", "IT"))
    assert saved is not None
    assert (saved.value, saved.note, saved.evidence) == ("1", "Lab booked\nfor May", [])
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 6, timeout=5000)
    assert dialog.model.entries[0].note == "Lab booked\nfor May"  # recorded in turn
    fresh.undo_stack.undo()
    fresh.finish_saves()
    saved = fresh.saved_answer(("CERT-002", "IT"))
    assert saved is not None
    assert (saved.value, saved.note, len(saved.evidence)) == ("3", "Certificate received", 1)


def test_each_answer_row_has_a_history_button_that_opens_its_history(
    fresh: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    _answered_three_times(fresh, tmp_path)
    page = QuestionnairePage(fresh)
    qtbot.addWidget(page)
    page.show_question("CERT-002")
    markets = [market for market, _ in page.card.rows]
    row = page.card.rows[markets.index("IT")][1]
    button = row.findChild(QToolButton, "historyButton")
    assert button is not None and button.text() == "History"
    opened: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AnswerHistoryDialog):
            opened.append(dialog.windowTitle())
            dialog.reject()

    QTimer.singleShot(200, look)
    button.click()
    assert opened == ["History of CERT-002 (Italy)"]
