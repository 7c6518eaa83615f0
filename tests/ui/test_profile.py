"""The company's size, channels, products and certificates; an action's own figures; the
budget currency and rates; and what the profile does to the questionnaire, driven through
the real widgets."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from readiness.content.catalog import Catalog
from readiness.content.model import Certificate, ExportChannel, ProductType, ProvenBy
from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.storage.store import Store
from ui.dialogs.plan_figures import PlanFiguresDialog
from ui.dialogs.rates import RatesDialog
from ui.pages.company import CompanyPage
from ui.pages.questionnaire import QuestionnairePage
from ui.workspace import Workspace


def _save(dialog: PlanFiguresDialog | RatesDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


class TestCompanyFacts:
    def test_the_choices_are_the_contents_vocabularies(
        self, fresh: Workspace, qtbot: QtBot
    ) -> None:
        page = CompanyPage(fresh)
        qtbot.addWidget(page)
        boxes = page.facts.boxes
        assert list(boxes["export_channels"]) == [c.value for c in ExportChannel]
        assert list(boxes["product_types"]) == [p.value for p in ProductType]
        assert list(boxes["certificates"]) == [c.value for c in Certificate]

    def test_size_channels_products_and_certificates_are_saved(
        self, fresh: Workspace, qtbot: QtBot
    ) -> None:
        page = CompanyPage(fresh)
        qtbot.addWidget(page)
        facts = page.facts
        assert facts.employees.text() == "not given"
        facts.employees.setValue(280)
        facts.employees.editingFinished.emit()
        facts.boxes["export_channels"]["traders"].click()
        facts.boxes["export_channels"]["oem_supply"].click()
        facts.boxes["product_types"]["special_vehicles"].click()
        facts.boxes["certificates"]["iatf_16949"].click()
        facts.other.setText("CCC 强制性认证")
        facts.other.editingFinished.emit()
        assert fresh.finish_saves()
        assert fresh.assessment_id is not None
        company = fresh.store.snapshot(fresh.assessment_id).company
        assert company.employees == 280
        assert company.export_channels == ("traders", "oem_supply")
        assert company.product_types == ("special_vehicles",)
        assert company.certificates == ("iatf_16949",)
        assert company.other_certificates == "CCC 强制性认证"
        # Another page shows what was saved; unticking and "not given" clear again.
        again = CompanyPage(fresh)
        qtbot.addWidget(again)
        assert again.facts.employees.value() == 280
        assert again.facts.boxes["certificates"]["iatf_16949"].isChecked()
        again.facts.boxes["certificates"]["iatf_16949"].click()
        again.facts.employees.setValue(0)
        again.facts.employees.editingFinished.emit()
        assert fresh.finish_saves()
        company = fresh.store.snapshot(fresh.assessment_id).company
        assert (company.employees, company.certificates) == (None, ())
        assert company.export_channels == ("traders", "oem_supply")

    def test_a_refused_profile_keeps_what_was_saved_and_says_why(
        self, fresh: Workspace, qtbot: QtBot
    ) -> None:
        page = CompanyPage(fresh)
        qtbot.addWidget(page)
        failures: list[str] = []
        fresh.failed.connect(failures.append)
        page.facts.other.setText("bad\x01text")
        page.facts.other.editingFinished.emit()
        assert fresh.finish_saves()
        QApplication.processEvents()
        assert failures and "other certificates" in failures[0]
        assert fresh.result is not None and fresh.result.company.other_certificates == ""


class TestPlanFigures:
    def test_own_figures_are_saved_together_and_the_rest_left_to_the_plan(
        self, sample: Workspace, qtbot: QtBot
    ) -> None:
        assert sample.result is not None and sample.assessment_id is not None
        planned = sample.result.plan.ranked()[0]
        dialog = PlanFiguresDialog(sample, planned.key)
        qtbot.addWidget(dialog)
        assert dialog.plan_effort.isChecked() and not dialog.effort_min.isEnabled()
        dialog.plan_effort.setChecked(False)
        dialog.effort_min.setValue(2.0)
        dialog.effort_max.setValue(5.0)
        dialog.plan_cost.setChecked(False)
        dialog.cost_min.setValue(20_000)
        dialog.cost_max.setValue(30_000)
        dialog.currency.setCurrentIndex(dialog.currency.findData("EUR"))
        dialog.basis.setCurrentIndex(dialog.basis.findData("yearly"))
        dialog.owner.setText("王芳")
        _save(dialog)
        assert sample.finish_saves()
        QApplication.processEvents()
        stored = {
            (a.item_id, a.market_code or None): a
            for a in sample.store.actions(sample.assessment_id)
        }
        action = stored[planned.key]
        assert (action.effort_min, action.effort_max) == (2.0, 5.0)
        assert (action.cost_min, action.cost_max, action.cost_currency, action.cost_basis) == (
            20_000,
            30_000,
            "EUR",
            "yearly",
        )
        assert action.owner == "王芳" and action.start_date is None
        replanned = sample.result.plan.action(planned.key)
        assert replanned is not None and {"effort", "cost", "owner"} <= replanned.overridden

    def test_figures_that_make_no_sense_keep_the_dialog_open_and_save_nothing(
        self, sample: Workspace, qtbot: QtBot
    ) -> None:
        assert sample.result is not None and sample.assessment_id is not None
        planned = sample.result.plan.ranked()[0]
        before = sample.store.actions(sample.assessment_id)
        dialog = PlanFiguresDialog(sample, planned.key)
        qtbot.addWidget(dialog)
        dialog.plan_start.setChecked(False)
        dialog.plan_due.setChecked(False)
        dialog.start.setDate(QDate(2027, 9, 1))
        dialog.due.setDate(QDate(2027, 3, 1))
        _save(dialog)
        assert "after its due date" in dialog.error.text()
        assert planned.item_id in dialog.error.text()
        dialog.plan_start.setChecked(True)
        dialog.plan_due.setChecked(True)
        dialog.plan_effort.setChecked(False)
        dialog.effort_min.setValue(6)
        dialog.effort_max.setValue(2)
        _save(dialog)
        assert "least effort" in dialog.error.text()
        assert not dialog.isHidden() or dialog.result() == 0
        assert sample.finish_saves()
        assert sample.store.actions(sample.assessment_id) == before

    def test_a_region_action_is_saved_under_its_region(
        self, workspace: Workspace, qtbot: QtBot
    ) -> None:
        workspace.create_assessment("Wuhan Axle Works", "EU", [MarketChoice("IT")])
        dialog = PlanFiguresDialog(workspace, ("BRND-001", "eu"))
        qtbot.addWidget(dialog)
        assert "EU" in dialog.windowTitle()
        dialog.plan_start.setChecked(False)
        dialog.start.setDate(QDate(2027, 2, 1))
        _save(dialog)
        assert workspace.finish_saves()
        assert workspace.assessment_id is not None
        (action,) = workspace.store.actions(workspace.assessment_id)
        assert (action.market_code, action.start_date) == ("eu", dt.date(2027, 2, 1))


class TestRates:
    def test_currency_and_dated_rates_are_saved_and_shown_again(
        self, fresh: Workspace, qtbot: QtBot
    ) -> None:
        assert fresh.assessment_id is not None
        dialog = RatesDialog(fresh)
        qtbot.addWidget(dialog)
        assert dialog.currency.currentData() == "CNY"
        assert not dialog.rows["EUR"].value.isEnabled()
        dialog.currency.setCurrentIndex(dialog.currency.findData("EUR"))
        euro = dialog.rows["EUR"]
        euro.entered.setChecked(True)
        euro.value.setValue(7.85)
        euro.as_of.setDate(QDate(2026, 12, 1))
        _save(dialog)
        assert fresh.finish_saves()
        QApplication.processEvents()
        assert fresh.store.assessment(fresh.assessment_id).budget_currency == "EUR"
        (rate,) = fresh.store.rates(fresh.assessment_id)
        assert (rate.currency, rate.cny_per_unit, rate.as_of) == ("EUR", 7.85, dt.date(2026, 12, 1))
        again = RatesDialog(fresh)
        qtbot.addWidget(again)
        assert again.currency.currentData() == "EUR"
        assert again.rows["EUR"].entered.isChecked()
        assert again.rows["EUR"].value.value() == pytest.approx(7.85)
        again.rows["EUR"].entered.setChecked(False)
        _save(again)
        assert fresh.finish_saves()
        assert fresh.store.rates(fresh.assessment_id) == []

    def test_the_company_page_opens_the_rates_dialog(
        self, fresh: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        opened: list[RatesDialog] = []
        monkeypatch.setattr(RatesDialog, "exec", lambda self: opened.append(self) or 0)
        page = CompanyPage(fresh)
        qtbot.addWidget(page)
        page.edit_rates()
        assert len(opened) == 1


# --- the profile in the questionnaire ------------------------------------------------------


@pytest.fixture
def fitted_catalog(catalog: Catalog) -> Catalog:
    """The content with one question asked only of battery makers, one more asked of
    them (left unanswered) and one an IATF 16949 certificate proves at level 3."""
    items = dict(catalog.items)
    for item_id in ("AFTS-003", "AFTS-004"):
        items[item_id] = items[item_id].model_copy(update={"asked_of": [ProductType.BATTERIES]})
    # Asked of everyone here, so the vehicle maker below is asked it and its IATF answers it.
    items["QUAL-001"] = items["QUAL-001"].model_copy(
        update={
            "proven_by": ProvenBy(certificates=[Certificate.IATF_16949], level=3),
            "asked_of": [],
        }
    )
    return dataclasses.replace(catalog, items=items)


@pytest.fixture
def fitted(qtbot: QtBot, store: Store, fitted_catalog: Catalog) -> Iterator[Workspace]:
    opened = Workspace(store, fitted_catalog, "en")
    opened.create_assessment("Shiyan Dump Trucks", "2027", [MarketChoice("MA")])
    yield opened
    opened.poll_timer.stop()
    opened.finish_saves()


def test_the_questionnaire_keeps_an_answer_not_counted_and_marks_a_certificates_answer(
    fitted: Workspace, qtbot: QtBot
) -> None:
    page = QuestionnairePage(fitted)
    qtbot.addWidget(page)
    item = fitted.catalog.all_items["AFTS-003"]
    assert fitted.answer(item, None, AnswerValue("2"))
    assert fitted.finish_saves()
    fitted.update_company(product_types=["vehicles"], certificates=["iatf_16949"])
    assert fitted.finish_saves()
    QApplication.processEvents()
    result = fitted.result
    assert result is not None and ("AFTS-003", None) in result.not_counted

    page.show_question("AFTS-003")
    (_, row) = page.card.rows[0]
    marker = row.findChild(QLabel, "profileMarker")
    assert marker is not None and not marker.isHidden()
    assert marker.text() == "Not counted for this profile"
    assert row.buttons[AnswerValue("2")].isChecked()  # the answer is kept and shown

    # AFTS-004 is asked only of battery makers and nobody answered it: not shown at all.
    page.show_question("AFTS-004")
    assert page.current_item() is not None and page.current_item().id != "AFTS-004"

    page.show_question("QUAL-001")
    (_, row) = page.card.rows[0]
    marker = row.findChild(QLabel, "profileMarker")
    assert marker is not None and marker.text() == "Pre-answered from IATF 16949 · level 3"
    assert not marker.isHidden()
