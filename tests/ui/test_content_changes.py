"""Opening an assessment answered against older content: what changed, scores before and
after, acknowledging once, and the "review" marks in the questionnaire."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from readiness.domain.content_changes import content_changes
from readiness.exchange.document import import_document
from readiness.services.content_updates import pending_changes
from readiness.services.sample import demo_document
from tests.content_versions import OLD, current_catalog, snapshot
from ui.dialogs.content_changes import ContentChangesDialog
from ui.main_window import MainWindow
from ui.pages.questionnaire import QuestionnairePage
from ui.workspace import Workspace

QM = Path(__file__).resolve().parents[2] / "ui" / "translations" / "readiness_zh_CN.qm"
NAMES = {"IT": "Italy", "LA": "Laos"}


def _cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_the_dialog_lists_the_changes_and_the_scores_before_and_after(qtbot: QtBot) -> None:
    changes = content_changes(snapshot(), OLD, current_catalog())
    dialog = ContentChangesDialog(changes, "en", NAMES)
    qtbot.addWidget(dialog)
    rows = {row[1]: row for row in _cells(dialog.questions)}
    assert set(rows) == {c.item_id for c in changes.questions}
    assert rows["BRND-002"][0] == "New"
    assert rows["BRND-001"][0] == "Removed · answered"
    assert rows["COMP-001"][0] == "Changed (critical flag) · answered"
    assert rows["XITA-001"][2] == "Italy"
    assert rows["CERT-001"][3] == "Question CERT-001?"
    scores = _cells(dialog.scores)
    assert [row[0] for row in scores] == ["Italy", "Laos"]
    laos = scores[1]
    assert "blocked by CERT-001" in laos[1] and "Blocked" in laos[2] and "COMP-001" in laos[2]
    assert dialog.update_button.text() == "Update to 1.1"


def test_an_unknown_old_version_is_said_plainly(qtbot: QtBot) -> None:
    changes = content_changes(snapshot(version="0.9"), None, current_catalog())
    dialog = ContentChangesDialog(changes, "en", NAMES)
    qtbot.addWidget(dialog)
    assert dialog.findChild(object, "contentChangesUnknown") is not None
    assert dialog.questions.rowCount() == 0


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_the_chinese_interface_shows_chinese(qtbot: QtBot, chinese: None) -> None:
    changes = content_changes(snapshot(), OLD, current_catalog())
    dialog = ContentChangesDialog(changes, "zh", {"IT": "意大利", "LA": "老挝"})
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "问卷内容已更新"
    rows = {row[1]: row for row in _cells(dialog.questions)}
    assert rows["BRND-002"][0] == "新增"
    assert rows["CERT-001"][3] == "新问题CERT-001吗"
    assert rows["COMP-001"][0] == "修改（关键题目标记） · 已作答"
    assert rows["BRND-001"][2] == "意大利、老挝"
    assert "受阻（受阻于 CERT-001、COMP-001）" in _cells(dialog.scores)[1][2]


@pytest.fixture
def behind(workspace: Workspace) -> Workspace:
    """The sample assessment as if answered against catalog 2026.1."""
    document = demo_document(workspace.catalog)
    document.assessment.catalog_version = "2026.1"
    for answer in document.answers:
        answer.catalog_version = "2026.1"
    workspace.open_assessment(import_document(workspace.store, document, catalog=workspace.catalog))
    return workspace


def test_opening_an_assessment_behind_shows_the_dialog_once_acknowledged(
    behind: Workspace, qtbot: QtBot
) -> None:
    assessment_id = behind.assessment_id
    assert assessment_id is not None
    answers = behind.store.answers(assessment_id)
    window = MainWindow(behind)
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(assessment_id)
    dialog = window.content_changes
    assert dialog is not None and dialog.isVisible()
    expected = pending_changes(behind.store, behind.catalog, assessment_id)
    assert expected is not None
    assert dialog.questions.rowCount() == len(expected.questions) > 0
    assert dialog.scores.rowCount() == 3
    dialog.update_button.click()
    assert behind.finish_saves()
    qtbot.waitUntil(
        lambda: behind.store.assessment(assessment_id).catalog_version == behind.catalog.version
    )
    assert behind.store.answers(assessment_id) == answers  # nothing deleted or altered
    window.open_assessment(assessment_id)
    assert window.content_changes is None  # the dialog does not come back


def test_later_keeps_the_assessment_as_it_was(behind: Workspace, qtbot: QtBot) -> None:
    assessment_id = behind.assessment_id
    assert assessment_id is not None
    window = MainWindow(behind)
    qtbot.addWidget(window)
    window.open_assessment(assessment_id)
    assert window.content_changes is not None
    window.content_changes.later_button.click()
    assert behind.finish_saves()
    assert behind.store.assessment(assessment_id).catalog_version == "2026.1"


def test_a_changed_question_is_marked_review_until_answered_again(
    behind: Workspace, qtbot: QtBot
) -> None:
    behind.refresh()
    result = behind.result
    assert result is not None and result.to_review
    item_id, market = sorted(result.to_review, key=lambda key: (key[0], key[1] or ""))[0]
    page = QuestionnairePage(behind)
    qtbot.addWidget(page)
    page.show()
    page.show_question(item_id)
    row = next(r for m, r in page.card.rows if m == market)
    qtbot.waitUntil(row.review.isVisible)  # rows are shown once the event loop runs
    assert "to review" in page.dimensions.currentItem().text()
    # The answer buttons, Clear, the review marker and the answer's label share a row
    # of a card about 800 pixels wide (a 1200-pixel window): a long label wraps
    # instead of widening the row and squeezing the buttons.
    saved_label = row.state.text()
    row.state.setText("4 · Coverage and repair times proven in every region our customers use")
    assert row.minimumSizeHint().width() <= 780
    row.state.setText(saved_label)
    page.review.setChecked(True)
    assert page.current_item() is not None
    # Picking the same answer again confirms it: saved against today's content.
    value = result.answers[(item_id, market)].value
    button = next(b for v, b in row.buttons.items() if v.value == value)
    button.click()
    assert behind.finish_saves()
    qtbot.waitUntil(
        lambda: behind.result is not None and (item_id, market) not in behind.result.to_review
    )
    saved = behind.store.answer(behind.assessment_id or 0, item_id, market)
    assert saved is not None and saved.value == value
    assert saved.catalog_version == behind.catalog.version
    page.review.setChecked(False)
    page.show_question(item_id)
    row = next(r for m, r in page.card.rows if m == market)
    assert row.review.isHidden() and not row.reviewing
