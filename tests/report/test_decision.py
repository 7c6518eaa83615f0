"""Where to go first, in the report: an honest verdict, confidence beside every score,
the readiness x attractiveness matrix, and each market's sourced facts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html import unescape

import pytest

from readiness.content.catalog import Catalog
from readiness.content.facts import FactKey, FactSource, MarketFact
from readiness.domain.answers import AnswerValue
from readiness.domain.results import AssessmentResult, compute_result
from readiness.domain.rounding import percent, points
from readiness.domain.scoring import ConfidenceBand
from readiness.domain.verdict_text import explain
from readiness.report.charts import MatrixPoint, matrix
from readiness.report.context import ReportOptions
from readiness.report.labels import format_date, labels
from readiness.report.market_facts import fact_value
from readiness.report.rendering import render_html, write_pdf
from readiness.storage.store import Store
from tests.report.conftest import TODAY, pdf_text

# Made-up figures for the tests only: enough for Italy and Laos to be scored;
# Morocco has none, so it must show "no data" and stay off the matrix.
SOURCE = FactSource(title="Test tariff table", publisher="Test publisher", reference="T-1")


def _fact(market: str, key: FactKey, value: str, unit: str, qualifier: str = "") -> MarketFact:
    return MarketFact(
        market=market,
        fact=key,
        qualifier=qualifier,
        value=value,
        unit=unit,
        source=SOURCE,
        as_of=dt.date(2025, 6, 30),
    )


FACTS = (
    _fact("IT", FactKey.DUTY_MFN_PARTS, "4.5", "%", "8708.99"),
    _fact("IT", FactKey.NEW_VEHICLE_SALES, "1500000", "vehicles", "2024"),
    _fact("IT", FactKey.COUNTRY_RISK, "0", "class 0-7"),
    _fact("IT", FactKey.LPI_SCORE, "3.7", "score 1-5", "2023"),
    _fact("LA", FactKey.DUTY_MFN_PARTS, "0", "%"),
    _fact("LA", FactKey.NEW_VEHICLE_SALES, "20000", "vehicles", "2024"),
    _fact("LA", FactKey.COUNTRY_RISK, "7", "class 0-7"),
    _fact("LA", FactKey.DRIVE_SIDE, "right", "-"),
)


@pytest.fixture(scope="module")
def catalog(catalog: Catalog) -> Catalog:
    """The catalog without its bundled facts: these tests bring their own."""
    return dataclasses.replace(catalog, facts={})


@pytest.fixture(scope="module")
def result(demo_store: Store, catalog: Catalog) -> AssessmentResult:
    snapshot = dataclasses.replace(demo_store.snapshot(1), facts=FACTS)
    return compute_result(snapshot, catalog, today=TODAY)


@pytest.fixture(scope="module")
def pdfs(
    result: AssessmentResult, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """The whole report in each language, as flat text."""
    texts = {}
    for lang in ("en", "zh"):
        html = render_html(result, catalog, ReportOptions(language=lang))
        out = write_pdf(html, tmp_path_factory.mktemp(lang) / "report.pdf")
        texts[lang] = " ".join(pdf_text(out, layout=False).split())
    return texts


def _squash(text: str) -> str:
    """Text without white space: a PDF breaks Chinese lines anywhere."""
    return re.sub(r"\s+", "", text)


def _flat(html: str) -> str:
    """The words of an HTML report, tags and runs of white space taken out."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _chapter(text: str, start: str, end: str) -> str:
    """The text from the heading ``start`` to the next ``end``; an entry of the table of
    contents (the title, then dot leaders) is not the heading."""
    heading = re.search(re.escape(start) + r"(?!\s*\.{3})", text)
    assert heading, f"no {start!r} in the report"
    begin = heading.start()
    return text[begin : text.index(end, begin + len(start))]


class TestVerdict:
    @pytest.mark.parametrize(
        ("lang", "too_close"), [("en", "Too close to call"), ("zh", "难分高下")]
    )
    def test_the_sample_is_too_close_to_call_and_says_what_would_decide_it(
        self,
        pdfs: dict[str, str],
        result: AssessmentResult,
        catalog: Catalog,
        lang: str,
        too_close: str,
    ) -> None:
        assert result.verdict is not None and not result.verdict.decisive
        words = explain(
            result.verdict,
            catalog,
            result.market_names(catalog, lang),
            result.attractiveness,
            lang,
        )
        text = _squash(pdfs[lang])
        assert words.decision.startswith(too_close)
        assert _squash(words.headline) in text
        assert _squash(words.decision) in text
        assert _squash(str(labels(lang).to_decide)) in text
        assert words.to_decide
        for question in words.to_decide:
            assert _squash(question) in text

    def test_the_report_never_says_a_market_is_zero_points_ahead(
        self, pdfs: dict[str, str]
    ) -> None:
        assert "points ahead" not in pdfs["en"]
        assert "Readiest market" not in pdfs["en"]


class TestMatrix:
    def test_each_market_with_facts_is_a_labelled_point_with_both_scores(
        self, result: AssessmentResult, catalog: Catalog
    ) -> None:
        html = render_html(result, catalog, ReportOptions(language="en"))
        svg = re.search(r'<svg[^>]*aria-label="Readiness and attractiveness".*?</svg>', html, re.S)
        assert svg, "no matrix in the report"
        for code, name in (("IT", "Italy"), ("LA", "Laos")):
            readiness = result.score.markets[code].overall
            attractiveness = result.attractiveness[code].score
            assert attractiveness is not None
            assert f"{name} ({points(readiness)} / {points(attractiveness)})" in svg.group(0)
        assert "Morocco" not in svg.group(0)
        for quadrant in labels("en").matrix_quadrants:
            assert quadrant in svg.group(0)

    def test_markets_crowded_together_are_numbered_and_named_in_a_key(self) -> None:
        points = [MatrixPoint(f"Market {n}", 54, 74, "≈54") for n in range(1, 13)]
        svg = matrix(points, font="sans", title="t", x_label="x", y_label="y", quadrants=["a"] * 4)
        assert ">1,2,3,4,5,6,7,8,9,10,11,12<" in svg  # one spot, one label
        for n in range(1, 13):
            assert f">{n}  Market {n} (≈54 / 74)<" in svg

    def test_a_market_without_facts_is_listed_beneath_it(self, pdfs: dict[str, str]) -> None:
        summary = _chapter(pdfs["en"], "Executive summary", "The markets at a glance")
        assert re.search(
            r"Not on the matrix \(no attractiveness score\): "
            r"Morocco \(readiness \d+; no market data\)",
            summary,
        )


class TestComparisonTable:
    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_it_shows_confidence_attractiveness_and_the_earliest_entry(
        self, pdfs: dict[str, str], result: AssessmentResult, lang: str
    ) -> None:
        words = labels(lang)
        comparison = _chapter(pdfs[lang], str(words.comparison), str(words.comparison_chart))
        for column in (words.readiness, words.confidence, words.attractiveness):
            assert str(column) in comparison
        assert _squash(str(words.earliest_entry)) in _squash(comparison)
        for code, schedule in result.plan.markets.items():
            assert schedule.earliest_entry.isoformat() in comparison, code
        italy = result.attractiveness["IT"].score
        assert italy is not None and f"{points(italy)}" in comparison
        assert str(words.no_market_data) in comparison  # Morocco


class TestMarketFacts:
    def test_each_fact_shows_its_value_unit_source_and_date(self, pdfs: dict[str, str]) -> None:
        italy = _chapter(pdfs["en"], "Italy ·", "Morocco ·")
        assert "Import duty, vehicle parts (HS 8708), MFN 8708.99 4.5%" in italy
        assert "1,500,000 vehicles" in italy
        assert "Test tariff table (Test publisher), T-1" in italy
        assert "2025-06-30" in italy
        assert f"Oldest figure: {format_date(dt.date(2025, 6, 30), 'en')}." in italy

    @pytest.mark.parametrize(
        ("key", "value", "unit", "english", "chinese"),
        [
            (
                FactKey.NEW_VEHICLE_SALES,
                "1559000",
                "vehicles",
                "1,559,000 vehicles",
                "1,559,000 辆",
            ),
            (FactKey.DUTY_MFN_PARTS, "10", "%", "10%", "10%"),
            (FactKey.NEW_VEHICLE_SALES_GROWTH, "-0.5", "%", "-0.5%", "-0.5%"),
            (FactKey.LPI_SCORE, "3.70", "score 1-5", "3.7 (of 5)", "3.7（满分 5）"),
            (FactKey.COUNTRY_RISK, "3", "class 0-7", "class 3", "3 级"),
            (FactKey.DRIVE_SIDE, "left", "-", "left", "靠左"),
            (FactKey.FTA_CHINA, "none", "-", "none", "无"),
        ],
    )
    def test_values_are_written_with_their_unit_in_each_language(
        self, key: FactKey, value: str, unit: str, english: str, chinese: str
    ) -> None:
        fact = _fact("IT", key, value, unit, "2024")
        assert (fact_value(fact, "en"), fact_value(fact, "zh")) == (english, chinese)

    def test_the_factor_scores_and_weights_are_shown(
        self, result: AssessmentResult, catalog: Catalog
    ) -> None:
        html = render_html(result, catalog, ReportOptions(language="en"))
        italy = _chapter(_flat(html), "Italy ·", "Morocco ·")
        for factor, scored in result.attractiveness["IT"].factors.items():
            shown = "no data" if scored.score is None else points(scored.score)
            assert f"{factor.label.en} {shown} {scored.weight:g}" in italy
        assert "Default weights." in italy

    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_a_market_without_facts_says_no_data(self, pdfs: dict[str, str], lang: str) -> None:
        words = labels(lang)
        start, end = ("Morocco ·", "Laos ·") if lang == "en" else ("摩洛哥 ·", "老挝 ·")
        morocco = _chapter(pdfs[lang], start, end)
        assert _squash(str(words.no_facts)) in _squash(morocco)
        assert morocco.count(str(words.no_data)) >= 6  # every factor


@pytest.fixture(scope="module")
def unsure(demo_store: Store, catalog: Catalog) -> AssessmentResult:
    """The sample with Morocco's questions (and the company-wide ones) all "don't know"."""
    snapshot = demo_store.snapshot(1)
    answers = tuple(
        a._replace(value=AnswerValue.UNKNOWN.value) if a.market_code in ("MA", "") else a
        for a in snapshot.answers
    )
    result = compute_result(
        dataclasses.replace(snapshot, answers=answers, facts=FACTS), catalog, today=TODAY
    )
    assert result.score.markets["MA"].confidence_band is ConfidenceBand.LOW
    return result


class TestConfidence:
    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_a_low_confidence_score_carries_the_marker(
        self, unsure: AssessmentResult, catalog: Catalog, lang: str
    ) -> None:
        html = render_html(unsure, catalog, ReportOptions(language=lang))
        score = f"≈{points(unsure.score.markets['MA'].overall)}"
        marker = str(labels(lang).low_confidence)
        assert marker == ("low confidence" if lang == "en" else "可信度低")
        flat = _flat(html)
        # the summary, the comparison table and the heat map, and the chapter's heading
        assert flat.count(f"{score} {marker}") >= 3
        heading = str(labels(lang).bracketed).format(text=marker)
        assert f"{score} {heading} ·" in flat  # the market's chapter

    def test_a_sound_score_shows_its_confidence_beside_it(
        self, pdfs: dict[str, str], result: AssessmentResult
    ) -> None:
        summary = _chapter(pdfs["en"], "Executive summary", "Comparison of markets")
        for market in result.score.markets.values():
            band = market.confidence_band.value
            assert f"{band} ({percent(market.confidence)})" in summary
