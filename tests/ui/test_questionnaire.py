"""The questionnaire, driven as a user would: keys, clicks, filters, undo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from readiness.domain.answers import AnswerValue
from ui.pages.questionnaire import QuestionnairePage
from ui.workspace import Workspace


@pytest.fixture
def page(fresh: Workspace, qtbot: QtBot) -> QuestionnairePage:
    widget = QuestionnairePage(fresh)
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def stored(workspace: Workspace) -> dict[tuple[str, str | None], str]:
    """What the store holds once the answers on their way are written."""
    assert workspace.finish_saves()
    assert workspace.assessment_id is not None
    return {
        (a.item_id, a.market_code or None): a.value
        for a in workspace.store.answers(workspace.assessment_id)
    }


def test_the_card_shows_text_guidance_source_and_a_row_per_market(
    page: QuestionnairePage, fresh: Workspace
) -> None:
    page.show_question("CERT-002")
    assert page.card.text.text() == fresh.catalog.all_items["CERT-002"].text.en
    assert "What good looks like" in page.card.guidance.text()
    assert "David" in page.card.source.text()
    assert [market for market, _ in page.card.rows] == ["IT", "MA", "LA"]


def test_a_digit_answers_the_current_row_and_moves_on(
    page: QuestionnairePage, fresh: Workspace, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    qtbot.keyClick(page, Qt.Key.Key_3)
    qtbot.keyClick(page, Qt.Key.Key_1)
    assert stored(fresh) == {("CERT-002", "IT"): "3", ("CERT-002", "MA"): "1"}
    assert page.current_item() is not None and page.current_item().id == "CERT-002"
    qtbot.keyClick(page, Qt.Key.Key_U)
    assert stored(fresh)[("CERT-002", "LA")] == "unknown"
    assert page.current_item().id != "CERT-002"  # the card was done and saved: next question


def test_n_is_not_applicable_only_where_allowed(
    page: QuestionnairePage, fresh: Workspace, qtbot: QtBot
) -> None:
    allowed = next(
        i for i in fresh.catalog.items.values() if i.allow_na and i.scope.value == "company"
    )
    refused = next(
        i for i in fresh.catalog.items.values() if not i.allow_na and i.scope.value == "company"
    )
    page.show_question(refused.id)
    qtbot.keyClick(page, Qt.Key.Key_N)
    assert (refused.id, None) not in stored(fresh)
    page.show_question(allowed.id)
    qtbot.keyClick(page, Qt.Key.Key_N)
    assert stored(fresh)[(allowed.id, None)] == "na"


def test_clicking_the_chosen_answer_again_keeps_it(
    page: QuestionnairePage, fresh: Workspace, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    _, row = page.card.rows[1]
    qtbot.mouseClick(row.buttons[AnswerValue("4")], Qt.MouseButton.LeftButton)
    assert stored(fresh)[("CERT-002", "MA")] == "4"
    undo_steps = fresh.undo_stack.count()
    _, row = page.card.rows[1]
    qtbot.mouseClick(row.buttons[AnswerValue("4")], Qt.MouseButton.LeftButton)
    assert stored(fresh)[("CERT-002", "MA")] == "4"
    assert row.buttons[AnswerValue("4")].isChecked()
    assert fresh.undo_stack.count() == undo_steps  # nothing happened


def test_the_clear_button_clears_and_is_off_for_an_unanswered_row(
    page: QuestionnairePage, fresh: Workspace, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    _, row = page.card.rows[1]
    qtbot.waitUntil(row.clear.isVisible)
    assert not row.clear.isEnabled()
    qtbot.mouseClick(row.buttons[AnswerValue("3")], Qt.MouseButton.LeftButton)
    assert stored(fresh)[("CERT-002", "MA")] == "3"
    _, row = page.card.rows[1]
    assert row.clear.isEnabled()
    qtbot.mouseClick(row.clear, Qt.MouseButton.LeftButton)
    assert ("CERT-002", "MA") not in stored(fresh)
    _, row = page.card.rows[1]
    assert not any(button.isChecked() for button in row.buttons.values())
    assert not row.clear.isEnabled()


def test_delete_clears_the_current_row(
    page: QuestionnairePage, fresh: Workspace, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    qtbot.keyClick(page, Qt.Key.Key_3)
    assert stored(fresh) == {("CERT-002", "IT"): "3"}
    qtbot.keyClick(page, Qt.Key.Key_Up)
    qtbot.keyClick(page, Qt.Key.Key_Delete)
    assert stored(fresh) == {}
    assert page.current_item() is not None and page.current_item().id == "CERT-002"


def test_undo_and_redo(page: QuestionnairePage, fresh: Workspace, qtbot: QtBot) -> None:
    page.show_question("CERT-002")
    qtbot.keyClick(page, Qt.Key.Key_2)
    page.show_question("CERT-002")
    qtbot.keyClick(page, Qt.Key.Key_4)  # the IT row again? no: the first unanswered (MA)
    assert stored(fresh) == {("CERT-002", "IT"): "2", ("CERT-002", "MA"): "4"}
    fresh.undo_stack.undo()
    assert stored(fresh) == {("CERT-002", "IT"): "2"}
    fresh.undo_stack.undo()
    assert stored(fresh) == {}
    fresh.undo_stack.redo()
    assert stored(fresh) == {("CERT-002", "IT"): "2"}


def test_skip_logic_reveals_a_follow_up(page: QuestionnairePage, fresh: Workspace) -> None:
    follow_up = next(i for i in fresh.catalog.items.values() if i.relevant_if is not None)
    gate = fresh.catalog.all_items[follow_up.relevant_if.item]  # type: ignore[union-attr]
    assert follow_up.relevant_if is not None
    market = "IT" if gate.scope.value == "market" else None
    assert not fresh.answer_rows(follow_up) or follow_up.scope.value == "market"
    before = [item.id for item in page._matching()]
    assert follow_up.id not in before
    fresh.answer(gate, market, AnswerValue(str(follow_up.relevant_if.at_least)))
    fresh.finish_saves()
    after = [item.id for item in page._matching()]
    assert follow_up.id in after


def test_filters_unanswered_and_critical(page: QuestionnairePage, fresh: Workspace) -> None:
    everything = len(page._items)
    page.critical.setChecked(True)
    assert page._items and all(item.critical for item in page._items)
    page.critical.setChecked(False)
    first = page.current_item()
    assert first is not None
    for market, _ in list(page.card.rows):
        fresh.answer(first, market, AnswerValue("3"))
    fresh.finish_saves()
    page.unanswered.setChecked(True)
    assert first.id not in [item.id for item in page._items]
    assert page._items and all(
        any(fresh.saved_answer((i.id, m)) is None for m in fresh.answer_rows(i))
        for i in page._items
    )
    page.unanswered.setChecked(False)
    assert len(page._items) >= everything


def test_find_a_question_by_words_in_either_language(page: QuestionnairePage, qtbot: QtBot) -> None:
    qtbot.keyClicks(page.search, "UN 38.3")
    assert page._items and all("38.3" in i.text.en + i.guidance.en for i in page._items)
    page.search.clear()
    page.search.setText("型式认证")  # typed through an input method, not key codes
    assert page._items


def test_arrows_move_between_questions_and_rows(page: QuestionnairePage, qtbot: QtBot) -> None:
    first = page.current_item()
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert page.current_item() != first
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert page.current_item() == first
    page.show_question("CERT-002")
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert page._current_row == 1
    qtbot.keyClick(page, Qt.Key.Key_Up)
    assert page._current_row == 0


def test_a_note_is_saved_when_the_field_is_left(
    page: QuestionnairePage, fresh: Workspace, qtbot: QtBot
) -> None:
    page.show_question("CERT-002")
    qtbot.keyClick(page, Qt.Key.Key_2)
    fresh.finish_saves()
    _, row = page.card.rows[0]
    row.note.setFocus()
    qtbot.keyClicks(row.note, "Lab booked in Turin")
    row.note.editingFinished.emit()
    fresh.finish_saves()
    assert fresh.saved_answer(("CERT-002", "IT")).note == "Lab booked in Turin"  # type: ignore[union-attr]


def test_evidence_is_stored_in_the_databases_folder_and_removed(
    page: QuestionnairePage, fresh: Workspace, tmp_path: Path
) -> None:
    item = fresh.catalog.all_items["CERT-002"]
    fresh.answer(item, "IT", AnswerValue("3"))
    fresh.finish_saves()
    original = tmp_path / "certificate.pdf"
    original.write_bytes(b"%PDF-1.4 test")
    fresh.attach_evidence(item, "IT", original)
    fresh.finish_saves()
    saved = fresh.saved_answer(("CERT-002", "IT"))
    assert saved is not None and len(saved.evidence) == 1
    copy = fresh.evidence_path(saved.evidence[0])
    assert copy is not None and copy.is_relative_to(fresh.evidence_folder())
    assert copy.read_bytes() == b"%PDF-1.4 test" and copy != original
    page.show_question("CERT-002")
    assert page.card.rows[0][1].evidence.text() == "Evidence (1)"
    assert page.card.rows[0][1].evidence.menu().actions()[1].text() == "certificate.pdf"
    fresh.remove_evidence(item, "IT", saved.evidence[0])
    fresh.finish_saves()
    assert not copy.exists() and original.exists()
    assert fresh.saved_answer(("CERT-002", "IT")).evidence == []  # type: ignore[union-attr]


def test_dimension_list_shows_progress(page: QuestionnairePage, fresh: Workspace) -> None:
    first = page.dimensions.item(0).text()
    assert first.endswith("/34") or "/" in first
    page.show_question("COMP-001")
    fresh.answer(fresh.catalog.all_items["COMP-001"], None, AnswerValue("3"))
    fresh.finish_saves()
    assert page.dimensions.item(0).text() != first


def test_undoing_a_cleared_answer_brings_back_its_note_and_evidence(
    fresh: Workspace, tmp_path: Path
) -> None:
    item = fresh.catalog.all_items["CERT-002"]
    fresh.answer(item, "IT", AnswerValue("3"))
    fresh.finish_saves()
    fresh.set_note(item, "IT", "Lab booked")
    proof = tmp_path / "quote.pdf"
    proof.write_bytes(b"%PDF")
    fresh.attach_evidence(item, "IT", proof)
    fresh.finish_saves()
    fresh.answer(item, "IT", None)
    fresh.finish_saves()
    assert fresh.saved_answer(("CERT-002", "IT")) is None
    fresh.undo_stack.undo()
    fresh.finish_saves()
    restored = fresh.saved_answer(("CERT-002", "IT"))
    assert restored is not None
    assert (restored.value, restored.note, len(restored.evidence)) == ("3", "Lab booked", 1)


def test_digits_other_than_0_and_4_do_nothing_on_a_yes_no_question(
    page: QuestionnairePage, fresh: Workspace, qtbot: QtBot
) -> None:
    yes_no = next(
        i
        for i in fresh.catalog.items.values()
        if i.scale.value == "yes_no" and fresh.answer_rows(i)
    )
    page.show_question(yes_no.id)
    qtbot.keyClick(page, Qt.Key.Key_2)
    assert not any(key[0] == yes_no.id for key in stored(fresh))
    qtbot.keyClick(page, Qt.Key.Key_4)
    assert any(key[0] == yes_no.id and value == "4" for key, value in stored(fresh).items())


def test_region_only_company_questions_are_not_asked_elsewhere(
    workspace: Workspace,
) -> None:
    from readiness.domain.records import MarketChoice

    workspace.create_assessment("Rabat Parts", "t", [MarketChoice("MA")])
    eu_only = [
        i
        for i in workspace.catalog.items.values()
        if i.scope.value == "company" and i.applies_to == ["eu"]
    ]
    assert eu_only
    assert all(workspace.answer_rows(i) == [] for i in eu_only)
    assert not workspace.answer(eu_only[0], None, AnswerValue("3"))


def test_the_card_cites_the_forum_and_date_never_a_file_name(
    page: QuestionnairePage, fresh: Workspace
) -> None:
    page.show_question("CERT-002")
    source = page.card.source.text()
    assert not re.search(r"\d{3}_[0-9a-f]{8,}", source)
    assert "Hubei roundtable" in source and "2025-09-27" in source


def test_questions_come_in_the_order_of_the_dimension_list(
    page: QuestionnairePage, fresh: Workspace, qtbot: QtBot
) -> None:
    """Next walks the dimensions top to bottom; a market's own question sits in its
    dimension (Morocco's certification question among the certification ones)."""
    assert page.dimensions.currentRow() == 0
    assert page.position.text().startswith("1 of ")
    total = int(page.position.text().split(" of ")[1])
    seen_rows: list[int] = []
    seen_ids: list[str] = []
    for _ in range(total):
        item = page.current_item()
        assert item is not None
        seen_ids.append(item.id)
        seen_rows.append(page.dimensions.currentRow())
        qtbot.mouseClick(page.next, Qt.MouseButton.LeftButton)
    assert seen_rows == sorted(seen_rows) and seen_rows[0] == 0
    assert len(set(seen_ids)) == total
    dimension_of = {i: fresh.catalog.all_items[i].dimension for i in seen_ids}
    morocco = seen_ids.index("XMAR-010")
    assert dimension_of[seen_ids[morocco - 1]] == "certification"
    assert dimension_of[seen_ids[morocco + 1]] != "after_sales"
    # Previous walks back the same way.
    qtbot.mouseClick(page.previous, Qt.MouseButton.LeftButton)
    assert page.current_item() is not None
    assert page.current_item().id == seen_ids[-2]
