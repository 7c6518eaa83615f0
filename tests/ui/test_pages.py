"""Dashboard, action plan, history and company pages, driven through their widgets."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from readiness.cli import main as cli
from ui.models.comparison import OVERALL
from ui.models.plan import PlanModel
from ui.pages.action_plan import ActionPlanPage
from ui.pages.company import CompanyPage, NewAssessmentDialog
from ui.pages.dashboard import DashboardPage
from ui.pages.history import HistoryPage
from ui.workspace import Workspace


class TestDashboard:
    def test_numbers_equal_the_score_command(
        self, sample: Workspace, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
    ) -> None:
        page = DashboardPage(sample)
        qtbot.addWidget(page)
        assert (
            cli(
                [
                    "score",
                    "--db",
                    sample.store.location,
                    "--assessment",
                    str(sample.assessment_id),
                    "--json",
                ]
            )
            == 0
        )
        printed = json.loads(capsys.readouterr().out)["markets"]
        model = page.model
        for row in range(model.rowCount()):
            code = model.market_at(row)
            shown = model.data(model.index(row, model.summary_column(OVERALL)))
            assert shown == f"{printed[code]['overall']:.0f}"
        cards = page.cards_host.findChildren(type(page.best), "marketScore")
        assert sorted(c.text() for c in cards) == sorted(
            f"{m['overall']:.0f}" for m in printed.values()
        )

    def test_the_leading_market_is_stated(self, sample: Workspace, qtbot: QtBot) -> None:
        page = DashboardPage(sample)
        qtbot.addWidget(page)
        assert page.best.text().startswith("Laos: ")

    def test_clicking_a_cell_asks_for_that_dimensions_questions(
        self, sample: Workspace, qtbot: QtBot
    ) -> None:
        page = DashboardPage(sample)
        qtbot.addWidget(page)
        page.show()
        index = page.proxy.index(1, 2)
        with qtbot.waitSignal(page.jump_requested) as blocker:
            page.table.clicked.emit(index)
        assert blocker.args == [page.model.dimension_at(2), page.model.market_at(1)]

    def test_a_blocked_market_names_its_blocking_question_in_words(
        self, sample: Workspace, qtbot: QtBot
    ) -> None:
        page = DashboardPage(sample)
        qtbot.addWidget(page)
        assert sample.result is not None
        italy = sample.result.score.markets["IT"]
        assert list(italy.blockers) == ["CERT-002"]
        labels = page.cards_host.findChildren(type(page.best), "marketBlockers")
        assert len(labels) == 1
        shown = labels[0].text()
        words = sample.catalog.all_items["CERT-002"].text.en
        assert "Blocked by:" in shown and words in shown  # the question, not a bare id
        assert "<small" in shown.split(words)[1] and "CERT-002" in shown.split(words)[1]
        with qtbot.waitSignal(page.question_requested) as asked:
            labels[0].linkActivated.emit("CERT-002")  # the question's words are its link
        assert asked.args == ["CERT-002", "IT"]

    def test_the_what_if_slider_projects_higher_scores(
        self, sample: Workspace, qtbot: QtBot
    ) -> None:
        page = DashboardPage(sample)
        qtbot.addWidget(page)
        page.slider.setValue(5)
        assert "Top 5 actions done" in page.what_if_label.text()
        assert "→" in page.what_if_label.text()

    def test_sorting_by_a_dimension(self, sample: Workspace, qtbot: QtBot) -> None:
        page = DashboardPage(sample)
        qtbot.addWidget(page)
        page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        values = [
            page.proxy.data(page.proxy.index(row, 0), Qt.ItemDataRole.UserRole + 1)
            for row in range(page.proxy.rowCount())
        ]
        assert values == sorted(values, reverse=True)


class TestActionPlan:
    def test_filter_by_market_and_export(
        self, sample: Workspace, qtbot: QtBot, tmp_path: Path
    ) -> None:
        page = ActionPlanPage(sample)
        qtbot.addWidget(page)
        everything = page.proxy.rowCount()
        page.market.setCurrentIndex(page.market.findData("IT"))
        assert 0 < page.proxy.rowCount() < everything
        out = tmp_path / "plan.xlsx"
        page.export_to(out)
        assert "Action plan" in openpyxl.load_workbook(out).sheetnames

    def test_an_owner_typed_in_the_table_is_stored(self, sample: Workspace, qtbot: QtBot) -> None:
        page = ActionPlanPage(sample)
        qtbot.addWidget(page)
        index = page.proxy.index(0, PlanModel.OWNER)
        key = page.proxy.data(index, Qt.ItemDataRole.UserRole + 2)
        assert page.proxy.setData(index, "Mr Gao")
        sample.finish_saves()
        assert sample.result is not None
        assert sample.result.actions[key].owner == "Mr Gao"


class TestHistory:
    def test_saving_a_milestone_adds_a_point(self, sample: Workspace, qtbot: QtBot) -> None:
        page = HistoryPage(sample)
        qtbot.addWidget(page)
        before = page.list.count()
        page.save_milestone("Q1 review")
        sample.finish_saves()
        assert page.list.count() == before + 1
        assert "Q1 review" in page.list.item(page.list.count() - 2).text()
        assert page.list.item(page.list.count() - 1).text() == "Now"
        assert len(page.chart.series()) == 3


class TestCompany:
    def test_profile_edits_are_saved(self, sample: Workspace, qtbot: QtBot) -> None:
        page = CompanyPage(sample)
        qtbot.addWidget(page)
        field = page.fields["home_province"]
        field.setText("Hubei (Xiangyang)")
        field.editingFinished.emit()
        sample.finish_saves()
        assert sample.result is not None
        assert sample.result.company.home_province == "Hubei (Xiangyang)"

    def test_the_new_assessment_dialog_finds_markets_in_chinese(
        self, workspace: Workspace, qtbot: QtBot
    ) -> None:
        dialog = NewAssessmentDialog(workspace.catalog, "en")
        qtbot.addWidget(dialog)
        dialog.picker.search.setText("摩洛哥")
        visible = [
            dialog.picker.list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(dialog.picker.list.count())
            if not dialog.picker.list.item(r).isHidden()
        ]
        assert visible == ["MA"]
        dialog.picker.region.setCurrentIndex(dialog.picker.region.findData("eu"))
        dialog.picker.search.clear()
        visible = {
            dialog.picker.list.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(dialog.picker.list.count())
            if not dialog.picker.list.item(r).isHidden()
        }
        assert visible == {"IT", "ES-CT", "DE", "HU"}

    def test_names_stop_at_the_stores_limit_while_typing(
        self, workspace: Workspace, qtbot: QtBot
    ) -> None:
        dialog = NewAssessmentDialog(workspace.catalog, "en")
        qtbot.addWidget(dialog)
        for edit in (dialog.company, dialog.title):
            edit.clear()
            qtbot.keyClicks(edit, "a" * 510)
            assert len(edit.text()) == 500

    def test_a_custom_market_starts_from_a_region(self, workspace: Workspace, qtbot: QtBot) -> None:
        dialog = NewAssessmentDialog(workspace.catalog, "en")
        qtbot.addWidget(dialog)
        picker = dialog.picker
        picker.custom_name.setText("Cambodia")
        picker.custom_name_zh.setText("柬埔寨")
        picker.custom_code.setText("kh")
        picker.custom_region.setCurrentIndex(picker.custom_region.findData("asean"))
        picker._add_custom()
        [chosen] = picker.chosen()
        assert (chosen.code, chosen.custom_name, chosen.custom_name_zh, chosen.custom_region) == (
            "KH",
            "Cambodia",
            "柬埔寨",
            "asean",
        )
        picker.custom_code.setText("CAMBODIA")
        picker.custom_name.setText("x")
        picker.custom_name_zh.setText("x")
        picker._add_custom()
        assert "two-letter" in picker.error.text()

    def test_the_dialog_insists_on_a_name_and_a_market(
        self, workspace: Workspace, qtbot: QtBot
    ) -> None:
        dialog = NewAssessmentDialog(workspace.catalog, "en")
        qtbot.addWidget(dialog)
        dialog._accept()
        assert "company name" in dialog.error.text()
        dialog.company.setText("Acme")
        dialog._accept()
        assert "at least one target market" in dialog.error.text()


class TestCellEditors:
    def test_the_status_list_and_the_calendar_store_what_is_picked(
        self, sample: Workspace, qtbot: QtBot
    ) -> None:
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QComboBox, QDateEdit, QStyleOptionViewItem

        page = ActionPlanPage(sample)
        qtbot.addWidget(page)
        status = page.proxy.index(0, PlanModel.STATUS)
        key = page.proxy.data(status, Qt.ItemDataRole.UserRole + 2)
        delegate = page.table.itemDelegateForColumn(PlanModel.STATUS)
        combo = delegate.createEditor(page.table, QStyleOptionViewItem(), status)
        assert isinstance(combo, QComboBox)
        delegate.setEditorData(combo, status)
        combo.setCurrentIndex(combo.findData("done"))
        delegate.setModelData(combo, page.proxy, status)
        sample.finish_saves()
        # A finished action may move among the actions that start the same day,
        # so find its row again by its key.
        [row] = [
            r
            for r in range(page.proxy.rowCount())
            if page.proxy.data(page.proxy.index(r, PlanModel.STATUS), Qt.ItemDataRole.UserRole + 2)
            == key
        ]
        due = page.proxy.index(row, PlanModel.DUE)
        calendar = page.table.itemDelegateForColumn(PlanModel.DUE)
        editor = calendar.createEditor(page.table, QStyleOptionViewItem(), due)
        assert isinstance(editor, QDateEdit)
        editor.setDate(QDate(2027, 9, 30))
        calendar.setModelData(editor, page.proxy, due)
        sample.finish_saves()
        assert sample.result is not None
        stored = sample.result.actions[key]
        assert (stored.status, stored.due_date.isoformat()) == ("done", "2027-09-30")  # type: ignore[union-attr]
