"""The history tab: choosing a point shows what changed since the one before; milestones
are renamed and deleted; the chart labels every point."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from readiness.domain.answers import AnswerValue
from tests.ui.test_managing import answer_next_dialog, click, type_into
from ui.pages.history import HistoryPage
from ui.workspace import Workspace


@pytest.fixture
def page(sample: Workspace, qtbot: QtBot) -> HistoryPage:
    widget = HistoryPage(sample)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _points(page: HistoryPage) -> list[str]:
    return [page.list.item(row).text() for row in range(page.list.count())]


def test_choosing_a_point_shows_what_changed_since_the_one_before(
    page: HistoryPage, sample: Workspace
) -> None:
    page.save_milestone("Before the audit")
    sample.finish_saves()
    item = sample.catalog.all_items["CERT-004"]
    sample.answer(item, "IT", AnswerValue.PROVEN)
    sample.finish_saves()
    assert _points(page)[-1] == "Now"
    assert page.list.currentRow() == page.list.count() - 1  # "Now" stays chosen
    text = page.changes.toPlainText()
    assert "What changed from “Before the audit” to “Now”" in text
    assert "Answers changed: 1" in text and "CERT-004" in text and "→ 4/4" in text
    assert "Readiness" in text and "Italy" in text
    page.list.setCurrentRow(0)
    assert "nothing was saved before it" in page.changes.toPlainText()


def test_a_milestone_is_renamed_and_deleted_through_its_buttons(
    page: HistoryPage, sample: Workspace
) -> None:
    page.save_milestone("Q1")
    sample.finish_saves()
    row = _points(page).index(next(p for p in _points(page) if p.startswith("Q1 —")))
    page.list.setCurrentRow(row)
    assert page.rename.isEnabled() and page.delete.isEnabled()
    answer_next_dialog(type_into("Q1 review"))
    page.rename.click()
    sample.finish_saves()
    assert any(p.startswith("Q1 review —") for p in _points(page))

    page.list.setCurrentRow(row)
    said = answer_next_dialog(click("Cancel"))
    page.delete.click()
    assert "Delete the milestone “Q1 review”?" in said[0]
    assert any(p.startswith("Q1 review —") for p in _points(page))
    answer_next_dialog(click("confirmDelete"))
    page.delete.click()
    sample.finish_saves()
    assert not any(p.startswith("Q1 review") for p in _points(page))


def test_now_cannot_be_renamed_or_deleted(page: HistoryPage) -> None:
    page.list.setCurrentRow(page.list.count() - 1)
    assert page.chosen_milestone() is None
    assert not page.rename.isEnabled() and not page.delete.isEnabled()


def test_the_chart_labels_every_point_even_with_repeated_and_long_names(
    page: HistoryPage, sample: Workspace
) -> None:
    for name in ("Review", "Review", "A very long milestone name for the board meeting"):
        page.save_milestone(name)
    sample.finish_saves()
    labels = page.axis_labels()
    assert len(labels) == page.list.count()
    assert len(set(labels)) == len(labels)
    assert all(len(label) <= 22 for label in labels)
