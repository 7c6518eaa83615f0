"""Answers are saved off the UI thread: a stalled server never freezes the window, a row
shows that it is being saved, the last answer wins, and a refused save stays in sight."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from readiness.domain.answers import AnswerValue
from readiness.storage.errors import StoreError
from ui.pages.question_card import AnswerRow
from ui.pages.questionnaire import QuestionnairePage
from ui.workspace import Workspace

DOWN = "The team server at db.example.com:5432 did not answer; nothing was changed."


class StalledServer:
    """Answer writes that wait until the test lets them through, or are refused."""

    def __init__(self, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.gate.set()
        self.down = False
        self.writes = 0
        store = workspace.store
        for name in ("set_answer", "clear_answer"):
            monkeypatch.setattr(store, name, self._stalling(getattr(store, name)))

    def _stalling(self, write: Callable[..., Any]) -> Callable[..., Any]:
        def stalled(*args: Any, **kwargs: Any) -> Any:
            assert self.gate.wait(10), "the test never let the write through"
            if self.down:
                raise StoreError(DOWN)
            self.writes += 1
            return write(*args, **kwargs)

        return stalled

    def stall(self) -> None:
        self.gate.clear()

    def release(self) -> None:
        self.gate.set()


@pytest.fixture
def server(fresh: Workspace, monkeypatch: pytest.MonkeyPatch) -> Iterator[StalledServer]:
    stalled = StalledServer(fresh, monkeypatch)
    yield stalled
    stalled.release()  # never leave a worker waiting
    fresh.finish_saves()


@pytest.fixture
def page(fresh: Workspace, server: StalledServer, qtbot: QtBot) -> QuestionnairePage:
    widget = QuestionnairePage(fresh)
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def stored(workspace: Workspace, key: tuple[str, str | None]) -> str | None:
    assert workspace.assessment_id is not None
    answers = {
        (a.item_id, a.market_code or None): a.value
        for a in workspace.store.answers(workspace.assessment_id)
    }
    return answers.get(key)


def checked(row: AnswerRow) -> list[AnswerValue]:
    return [value for value, button in row.buttons.items() if button.isChecked()]


def click(qtbot: QtBot, row: AnswerRow, value: AnswerValue) -> None:
    qtbot.mouseClick(row.buttons[value], Qt.MouseButton.LeftButton)


def test_a_stalled_save_shows_pending_and_the_window_keeps_working(
    page: QuestionnairePage, fresh: Workspace, server: StalledServer, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    server.stall()
    row = page.card.rows[0][1]
    started = time.monotonic()
    click(qtbot, row, AnswerValue("3"))
    assert time.monotonic() - started < 1.0  # the click did not wait for the server
    assert checked(row) == [AnswerValue("3")]
    assert row.state.text().startswith("Saving…") and row.property("pending")
    assert stored(fresh, ("CERT-002", "IT")) is None
    # The event loop runs while the server is stalled: timers fire, keys work.
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=2000)
    timer.stop()
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert page._current_row == 1
    server.release()
    assert fresh.finish_saves()
    assert stored(fresh, ("CERT-002", "IT")) == "3"
    row = page.card.rows[0][1]
    assert checked(row) == [AnswerValue("3")]
    assert not row.state.text().startswith("Saving") and not row.property("pending")


def test_two_quick_answers_to_one_row_the_last_one_wins_and_undo_walks_back(
    page: QuestionnairePage, fresh: Workspace, server: StalledServer, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    server.stall()
    row = page.card.rows[1][1]
    click(qtbot, row, AnswerValue("3"))
    click(qtbot, row, AnswerValue("4"))
    assert checked(row) == [AnswerValue("4")]  # never two values chosen
    server.release()
    assert fresh.finish_saves()
    assert stored(fresh, ("CERT-002", "MA")) == "4"
    assert checked(page.card.rows[1][1]) == [AnswerValue("4")]
    fresh.undo_stack.undo()
    assert fresh.finish_saves()
    assert stored(fresh, ("CERT-002", "MA")) == "3"  # what the second answer replaced
    assert checked(page.card.rows[1][1]) == [AnswerValue("3")]
    fresh.undo_stack.undo()
    assert fresh.finish_saves()
    assert stored(fresh, ("CERT-002", "MA")) is None
    assert checked(page.card.rows[1][1]) == []


def test_a_refused_save_puts_the_row_back_and_says_why(
    page: QuestionnairePage, fresh: Workspace, server: StalledServer, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    failures: list[str] = []
    fresh.failed.connect(failures.append)
    server.down = True
    click(qtbot, page.card.rows[0][1], AnswerValue("2"))
    assert fresh.finish_saves()
    row = page.card.rows[0][1]
    assert checked(row) == []  # the stored value: none
    assert row.state.text() == "Not saved" and "did not answer" in row.changed.text()
    assert failures == [DOWN]
    assert fresh.undo_stack.count() == 0  # nothing was written, so nothing to undo
    # Another row's save does not wipe the reason; the row's own next save does.
    server.down = False
    click(qtbot, page.card.rows[1][1], AnswerValue("4"))
    assert fresh.finish_saves()
    assert "did not answer" in page.card.rows[0][1].changed.text()
    click(qtbot, page.card.rows[0][1], AnswerValue("2"))
    assert fresh.finish_saves()
    row = page.card.rows[0][1]
    assert checked(row) == [AnswerValue("2")] and "Not saved" not in row.changed.text()


def test_a_keyboard_answer_that_was_not_saved_stays_on_the_question(
    page: QuestionnairePage, fresh: Workspace, server: StalledServer, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    qtbot.keyClick(page, Qt.Key.Key_3)
    qtbot.keyClick(page, Qt.Key.Key_3)
    assert fresh.finish_saves()
    server.down = True
    qtbot.keyClick(page, Qt.Key.Key_3)  # the card's last row: would move on
    assert fresh.finish_saves()
    current = page.current_item()
    assert current is not None and current.id == "CERT-002"
    assert page._current_row == 2  # on the row that was not saved
    assert stored(fresh, ("CERT-002", "LA")) is None
    server.down = False
    qtbot.keyClick(page, Qt.Key.Key_3)
    assert fresh.finish_saves()
    assert stored(fresh, ("CERT-002", "LA")) == "3"
    current = page.current_item()
    assert current is not None and current.id != "CERT-002"


def test_the_question_moves_on_only_once_its_last_answer_is_saved(
    page: QuestionnairePage, fresh: Workspace, server: StalledServer, qtbot: QtBot
) -> None:
    company_wide = fresh.catalog.all_items["COMP-001"]
    page.show_question(company_wide.id)
    server.stall()
    qtbot.keyClick(page, Qt.Key.Key_2)
    current = page.current_item()
    assert current is not None and current.id == company_wide.id  # still being saved
    server.release()
    assert fresh.finish_saves()
    current = page.current_item()
    assert current is not None and current.id != company_wide.id


def test_an_undo_the_server_refused_leaves_the_answer_undoable(
    page: QuestionnairePage, fresh: Workspace, server: StalledServer, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    click(qtbot, page.card.rows[0][1], AnswerValue("3"))
    assert fresh.finish_saves()
    server.down = True
    fresh.undo_stack.undo()
    assert fresh.finish_saves()
    assert stored(fresh, ("CERT-002", "IT")) == "3"
    assert fresh.undo_stack.canUndo() and not fresh.undo_stack.canRedo()
    assert checked(page.card.rows[0][1]) == [AnswerValue("3")]
    server.down = False
    fresh.undo_stack.undo()
    assert fresh.finish_saves()
    assert stored(fresh, ("CERT-002", "IT")) is None


def test_closing_the_window_waits_for_the_answers_on_their_way(
    fresh: Workspace, server: StalledServer, qtbot: QtBot
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(fresh)
    qtbot.addWidget(window)
    window.show()
    server.stall()
    fresh.answer(fresh.catalog.all_items["COMP-001"], None, AnswerValue("4"))
    QTimer.singleShot(200, server.release)
    window.close()
    assert not fresh.saving
    assert stored(fresh, ("COMP-001", None)) == "4"


def test_a_note_and_a_plan_edit_on_a_stalled_server_leave_the_window_working(
    page: QuestionnairePage,
    fresh: Workspace,
    server: StalledServer,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = fresh.catalog.all_items["CERT-002"]
    fresh.answer(item, "IT", AnswerValue("2"))
    assert fresh.finish_saves()
    monkeypatch.setattr(fresh.store, "set_action", server._stalling(fresh.store.set_action))
    server.stall()
    started = time.monotonic()
    fresh.set_note(item, "IT", "Lab booked in Turin")
    assert time.monotonic() - started < 1.0  # the note did not wait for the server
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=2000)  # the event loop runs
    # The plan edit is stated over the version the note leaves: it waits for it,
    # with the event loop running, until the server answers.
    QTimer.singleShot(200, server.release)
    fresh.set_action("CERT-002", "IT", owner="Ms Zhou")
    assert fresh.finish_saves()
    timer.stop()
    assert len(ticks) >= 15  # timers kept firing while the server was stalled
    saved = fresh.saved_answer(("CERT-002", "IT"))
    assert saved is not None and saved.note == "Lab booked in Turin"
    assert fresh.result is not None
    assert fresh.result.actions[("CERT-002", "IT")].owner == "Ms Zhou"
