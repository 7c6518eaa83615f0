"""Where to go first: the verdict in words, confidence, the matrix, market facts,
attractiveness weights, market data import, and custom markets in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from readiness.content.facts import COLUMNS, DEFINITIONS, FactKey, FactSource, MarketFact
from readiness.domain.attractiveness import DEFAULT_WEIGHTS, Factor
from readiness.domain.records import MarketChoice
from readiness.domain.scoring import ConfidenceBand
from ui.dialogs.weights import WeightsDialog
from ui.main_window import MainWindow
from ui.models.comparison import ATTRACTIVENESS, CONFIDENCE, EARLIEST, ComparisonModel
from ui.models.market_facts import MarketFactsModel
from ui.pages.company import NewAssessmentDialog
from ui.pages.dashboard import DashboardPage
from ui.pages.market_facts import MarketFactsPage
from ui.pages.questionnaire import QuestionnairePage
from ui.widgets.matrix import MatrixPoint, MatrixWidget
from ui.workspace import Workspace

SOURCE = FactSource(title="Test table", publisher="Test publisher", reference="T-1")
DAY = dt.date(2026, 6, 30)


def _fact(market: str, key: FactKey, value: str, unit: str, qualifier: str = "") -> MarketFact:
    return MarketFact(
        market=market,
        fact=key,
        qualifier=qualifier,
        value=value,
        unit=unit,
        source=SOURCE,
        as_of=DAY,
        imported=True,
    )


# Figures made up for the tests: enough of Italy's and Morocco's factors to score both.
FACTS = [
    _fact(market, key, value, unit, qualifier)
    for market, rows in {
        "IT": [
            (FactKey.NEW_VEHICLE_SALES, "1600000", "vehicles", "2024"),
            (FactKey.DUTY_MFN_PARTS, "4.5", "%", ""),
            (FactKey.DUTY_MFN_CARS, "10", "%", ""),
            (FactKey.COUNTRY_RISK, "0", "class 0-7", ""),
        ],
        "MA": [
            (FactKey.NEW_VEHICLE_SALES, "170000", "vehicles", "2024"),
            (FactKey.DUTY_MFN_PARTS, "2.5", "%", ""),
            (FactKey.DUTY_MFN_CARS, "17.5", "%", ""),
            (FactKey.COUNTRY_RISK, "3", "class 0-7", ""),
        ],
    }.items()
    for key, value, unit, qualifier in rows
]


@pytest.fixture
def with_facts(sample: Workspace) -> Workspace:
    sample.store.import_facts(FACTS)
    sample.refresh()
    return sample


class TestVerdict:
    def test_the_sample_is_too_close_to_call(self, sample: Workspace, qtbot: QtBot) -> None:
        page = DashboardPage(sample)
        qtbot.addWidget(page)
        page.show()
        panel = page.verdict
        assert panel.headline.text().startswith("Laos: ")
        assert panel.decision.text().startswith("Too close to call: Laos leads Morocco by 2.5")
        assert "41 unanswered and don't-know questions" in panel.decision.text()
        assert panel.to_decide.isVisible()
        assert panel.to_decide_title.text() == "To decide, answer or fix:"
        assert panel.to_decide.count() > 0
        assert panel.to_decide.item(0).text().startswith("COMP-002 (Laos): ")

    def test_in_chinese_it_reads_too_close_to_call(
        self, sample: Workspace, qtbot: QtBot, qapp: object
    ) -> None:
        sample.language = "zh"
        page = DashboardPage(sample)
        qtbot.addWidget(page)
        assert page.verdict.decision.text().startswith("难分高下")
        assert page.verdict.headline.text().startswith("老挝：")

    def test_a_question_to_decide_opens_in_the_questionnaire(
        self, sample: Workspace, qtbot: QtBot
    ) -> None:
        window = MainWindow(sample)
        qtbot.addWidget(window)
        window.show()
        window.tabs.setCurrentWidget(window.dashboard)
        entries = window.dashboard.verdict.to_decide
        entries.itemClicked.emit(entries.item(0))
        assert window.tabs.currentWidget() is window.questionnaire
        current = window.questionnaire.current_item()
        assert current is not None and current.id == "COMP-002"


class TestConfidence:
    def test_every_card_shows_its_confidence(self, sample: Workspace, qtbot: QtBot) -> None:
        page = DashboardPage(sample)
        qtbot.addWidget(page)
        labels = page.cards_host.findChildren(type(page.best), "marketConfidence")
        assert sorted(label.text() for label in labels) == [
            "High confidence",
            "Medium confidence",
            "Medium confidence",
        ]

    def test_a_low_confidence_score_is_never_bare(self, fresh: Workspace, qtbot: QtBot) -> None:
        # Nothing answered: every score rests on nothing.
        page = DashboardPage(fresh)
        qtbot.addWidget(page)
        assert fresh.result is not None
        assert all(
            m.confidence_band is ConfidenceBand.LOW for m in fresh.result.score.markets.values()
        )
        scores = page.cards_host.findChildren(type(page.best), "marketScore")
        assert scores and all(label.text().startswith("≈") for label in scores)
        bands = page.cards_host.findChildren(type(page.best), "marketConfidence")
        assert {label.text() for label in bands} == {"Low confidence"}
        model = page.model
        assert model.data(model.index(0, model.summary_column(CONFIDENCE))) == "Low confidence"


class TestComparison:
    def test_attractiveness_earliest_entry_and_confidence_columns(
        self, with_facts: Workspace
    ) -> None:
        model = ComparisonModel(with_facts)
        result = with_facts.result
        assert result is not None
        headers = [
            model.headerData(model.summary_column(c), Qt.Orientation.Horizontal)
            for c in (CONFIDENCE, ATTRACTIVENESS, EARLIEST)
        ]
        assert headers == ["Confidence", "Attractiveness", "Earliest entry"]
        for column in (CONFIDENCE, ATTRACTIVENESS, EARLIEST):
            tip = model.headerData(
                model.summary_column(column), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
            )
            assert tip
        rows = {model.market_at(row): row for row in range(model.rowCount())}
        italy = result.attractiveness["IT"].score
        assert italy is not None
        assert model.data(model.index(rows["IT"], model.summary_column(ATTRACTIVENESS))) == (
            f"{italy:.0f}"
        )
        assert (
            model.data(model.index(rows["LA"], model.summary_column(ATTRACTIVENESS))) == "no data"
        )
        assert model.data(model.index(rows["LA"], model.summary_column(EARLIEST))) == (
            result.plan.markets["LA"].earliest_entry.isoformat()
        )
        assert model.data(model.index(rows["LA"], model.summary_column(CONFIDENCE))) == "High"


class TestMatrix:
    def test_it_paints_placed_markets_and_lists_those_without_data(
        self, with_facts: Workspace, qtbot: QtBot
    ) -> None:
        page = DashboardPage(with_facts)
        qtbot.addWidget(page)
        page.resize(1300, 1000)
        page.show()
        matrix = page.matrix
        assert matrix.placed() == ["IT", "MA"]
        result = with_facts.result
        assert result is not None
        coverage = result.attractiveness["LA"].coverage
        assert matrix.unplaced_text() == (
            f"Laos: no market data (facts cover {coverage * 100:.0f}% of the attractiveness weight)"
        )
        image = matrix.canvas.grab().toImage()
        assert not image.isNull()
        assert set(matrix.canvas.label_rects) == {"IT", "MA"}

    def test_labels_do_not_overlap_and_name_both_scores(self, qtbot: QtBot) -> None:
        widget = MatrixWidget()
        qtbot.addWidget(widget)
        widget.resize(600, 400)
        widget.set_points(
            [
                MatrixPoint("AA", "Alpha", 60, "60", 70, 1.0),
                MatrixPoint("BB", "Beta", 61, "≈61", 71, 0.8),
                MatrixPoint("CC", "Gamma", 20, "20", None, 0.25),
            ]
        )
        widget.show()
        widget.canvas.grab()
        first, second = widget.canvas.label_rects["AA"], widget.canvas.label_rects["BB"]
        assert not first.intersects(second)
        assert widget.canvas.quadrant_names()[0] == "Enter first"
        assert "Gamma: no market data (facts cover 25%" in widget.unplaced_text()


class TestMarketFacts:
    def test_every_fact_with_source_date_and_origin_and_the_gaps(
        self, with_facts: Workspace, qtbot: QtBot
    ) -> None:
        page = MarketFactsPage(with_facts)
        qtbot.addWidget(page)
        page.show_market("IT")
        model = page.model
        rows = {
            model.data(model.index(r, MarketFactsModel.FACT)): r for r in range(model.rowCount())
        }
        sales = rows["New-vehicle sales"]
        assert model.data(model.index(sales, MarketFactsModel.VALUE)) == "1,600,000 vehicles"
        assert model.data(model.index(sales, MarketFactsModel.QUALIFIER)) == "2024"
        assert model.data(model.index(sales, MarketFactsModel.SOURCE)) == (
            "Test table (Test publisher), T-1"
        )
        assert model.data(model.index(sales, MarketFactsModel.AS_OF)) == "2026-06-30"
        assert model.data(model.index(sales, MarketFactsModel.ORIGIN)) == "Imported"
        lpi = rows["Logistics Performance Index (World Bank)"]
        assert model.data(model.index(lpi, MarketFactsModel.ORIGIN)) == "Bundled"
        assert model.data(model.index(lpi, MarketFactsModel.AS_OF))
        result = with_facts.result
        assert result is not None
        known = {fact.fact for fact in result.attractiveness["IT"].facts}
        for key, definition in DEFINITIONS.items():  # every fact without a value says so
            if key not in known:
                gap = rows[definition.label.en]
                assert model.data(model.index(gap, MarketFactsModel.VALUE)) == "No data"
                assert model.data(model.index(gap, MarketFactsModel.SOURCE)) == ""
        factors = page.factors
        scores = {
            factors.data(factors.index(r, 0)): factors.data(factors.index(r, 1))
            for r in range(factors.rowCount())
        }
        for factor, scored in result.attractiveness["IT"].factors.items():
            label = factor.label.en
            assert scores[label] == ("No data" if scored.score is None else f"{scored.score:.0f}")
        assert scores["Market size"] != "No data"
        page.show_market("LA")  # too few facts for a score: its gaps read "No data"
        missing = {factor.label.en for factor in result.attractiveness["LA"].missing}
        assert missing and all(
            factors.data(factors.index(r, 1)) == "No data"
            for r in range(factors.rowCount())
            if factors.data(factors.index(r, 0)) in missing
        )
        assert page.summary.text().startswith("Laos: no market data")
        assert "Market size 25" in page.weights_note.text()

    def test_the_tab_is_in_the_main_window(self, sample: Workspace, qtbot: QtBot) -> None:
        window = MainWindow(sample)
        qtbot.addWidget(window)
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert "Market facts" in titles


class TestWeights:
    def test_saves_and_resets(self, sample: Workspace, qtbot: QtBot) -> None:
        dialog = WeightsDialog(sample)
        qtbot.addWidget(dialog)
        assert dialog.spins[Factor.SIZE].value() == DEFAULT_WEIGHTS[Factor.SIZE]
        dialog.spins[Factor.SIZE].setValue(50)
        dialog.save()
        assert sample.finish_saves()
        qtbot.waitUntil(
            lambda: sample.result is not None and sample.result.weights[Factor.SIZE] == 50
        )
        again = WeightsDialog(sample)
        qtbot.addWidget(again)
        assert again.spins[Factor.SIZE].value() == 50
        again.reset()
        assert again.weights() == dict(DEFAULT_WEIGHTS)
        again.save()
        qtbot.waitUntil(
            lambda: sample.result is not None and sample.result.weights == dict(DEFAULT_WEIGHTS)
        )
        assert sample.result is not None
        assert sample.result.assessment.attractiveness_weights == ()

    def test_all_zero_cannot_be_saved(self, sample: Workspace, qtbot: QtBot) -> None:
        dialog = WeightsDialog(sample)
        qtbot.addWidget(dialog)
        for spin in dialog.spins.values():
            spin.setValue(0)
        assert not dialog.save_button.isEnabled()
        assert "above zero" in dialog.error.text()


class TestImport:
    def test_a_bad_csv_shows_file_and_line_and_saves_nothing(
        self, sample: Workspace, qtbot: QtBot, tmp_path: Path
    ) -> None:
        bad = tmp_path / "bad.csv"
        bad.write_text(
            ",".join(c for c in COLUMNS if c != "qualifier_zh")
            + "\nIT,new_vehicle_sales,2024,1600000,vehicles,T,P,R,2026-06-30,\n"
            + "IT,lpi_score,2023,9,score 1-5,T,P,R,2026-06-30,\n",
            encoding="utf-8",
        )
        page = MarketFactsPage(sample)
        qtbot.addWidget(page)
        assert not page.import_file(bad)
        box = page.last_message
        assert box is not None and box.icon() is QMessageBox.Icon.Warning
        assert "bad.csv:3:" in box.text()
        assert sample.store.imported_facts() == []
        box.close()

    def test_a_good_csv_is_saved_and_shown(
        self, sample: Workspace, qtbot: QtBot, tmp_path: Path
    ) -> None:
        good = tmp_path / "good.csv"
        good.write_text(
            ",".join(c for c in COLUMNS if c != "qualifier_zh")
            + "\nLA,lpi_score,2023,2.4,score 1-5,Title,Publisher,Ref,2023-04-21,\n",
            encoding="utf-8",
        )
        page = MarketFactsPage(sample)
        qtbot.addWidget(page)
        assert page.import_file(good)
        box = page.last_message
        assert box is not None and box.text().startswith("1 rows saved for LA")
        page.show_market("LA")
        values = [
            page.model.data(page.model.index(r, MarketFactsModel.VALUE))
            for r in range(page.model.rowCount())
        ]
        assert "2.4 (score 1-5)" in values
        box.close()


class TestCustomMarket:
    def test_asks_for_both_names(self, workspace: Workspace, qtbot: QtBot) -> None:
        dialog = NewAssessmentDialog(workspace.catalog, "en")
        qtbot.addWidget(dialog)
        picker = dialog.picker
        picker.custom_name.setText("Cambodia")
        picker.custom_code.setText("KH")
        picker._add_custom()
        assert "in English and in Chinese" in picker.error.text()
        assert picker.chosen() == []
        picker.custom_name_zh.setText("柬埔寨")
        picker._add_custom()
        [chosen] = picker.chosen()
        assert (chosen.custom_name, chosen.custom_name_zh) == ("Cambodia", "柬埔寨")

    def test_its_generic_profile_is_named_wherever_shown(
        self, workspace: Workspace, qtbot: QtBot
    ) -> None:
        workspace.create_assessment(
            "Wuhan Axle Works",
            "Cambodia",
            [
                MarketChoice("IT"),
                MarketChoice(
                    "KH", custom_name="Cambodia", custom_region="asean", custom_name_zh="柬埔寨"
                ),
            ],
        )
        assert workspace.market_name("KH") == "Cambodia"
        workspace.language = "zh"
        assert workspace.market_name("KH") == "柬埔寨"
        workspace.language = "en"
        dashboard = DashboardPage(workspace)
        qtbot.addWidget(dashboard)
        tags = dashboard.cards_host.findChildren(type(dashboard.best), "genericProfile")
        region = workspace.catalog.regions["asean"].name.en
        assert [t.text() for t in tags] == [f"Generic profile ({region})"]
        facts = MarketFactsPage(workspace)
        qtbot.addWidget(facts)
        facts.show_market("KH")
        assert not facts.generic.isHidden()
        assert f"nearest region, {region}" in facts.generic.text()
        facts.show_market("IT")
        assert facts.generic.isHidden()
        questionnaire = QuestionnairePage(workspace)
        qtbot.addWidget(questionnaire)
        result = workspace.result
        assert result is not None
        asked = next(
            item
            for item in workspace.catalog.all_items.values()
            if result.answer_rows(workspace.catalog, item)[:2] == ["IT", "KH"]
        )
        questionnaire.show_question(asked.id)
        titles = {market: row.title.text() for market, row in questionnaire.card.rows}
        assert f"Generic profile ({region})" in titles["KH"]
        assert "Generic profile" not in titles["IT"]
