"""The management report: correct to the number, in one language, and safe with user text."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from markupsafe import escape

from readiness.cli import main
from readiness.content.catalog import Catalog
from readiness.content.model import ReferenceCitation
from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.domain.results import AssessmentResult
from readiness.domain.rounding import percent, points
from readiness.domain.verdict_text import explain
from readiness.report.context import ReportOptions
from readiness.report.errors import ReportError
from readiness.report.fitting import BREAK
from readiness.report.fonts import MissingCJKFontError, find_cjk_font, require_cjk_font
from readiness.report.labels import format_date, labels
from readiness.report.rendering import RefusingFetcher, render_html, write_pdf
from readiness.services.results import load_result
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from tests.report.conftest import TODAY, pdf_text

HOSTILE = (
    '<img src="file:///etc/hostname"> <link rel="attachment" href="/etc/passwd"> '
    "<style>@import url(http://127.0.0.1/);</style>"
)


@pytest.fixture(scope="module")
def english_pdf(
    demo_result: AssessmentResult, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    html = render_html(demo_result, catalog, ReportOptions(language="en"))
    return write_pdf(html, tmp_path_factory.mktemp("en") / "report.pdf")


@pytest.fixture(scope="module")
def chinese_pdf(
    demo_result: AssessmentResult, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    html = render_html(demo_result, catalog, ReportOptions(language="zh"))
    return write_pdf(html, tmp_path_factory.mktemp("zh") / "report.pdf")


class TestNumbers:
    def test_summary_rows_match_the_engine(
        self, english_pdf: Path, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        text = pdf_text(english_pdf)
        names = demo_result.market_names(catalog, "en")
        for code, market in demo_result.score.markets.items():
            band = f"{market.confidence_band.value} ({percent(market.confidence)})"
            earliest = demo_result.plan.markets[code].earliest_entry.isoformat()
            row = rf"{names[code]}\s+{points(market.overall)}\s+{market.level.label.en}\s+"
            row += rf"{re.escape(band)}\s+{earliest}"
            assert re.search(row, text), f"no summary row for {code}: {row}"

    def test_heat_map_cells_match_the_engine(
        self, english_pdf: Path, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        text = pdf_text(english_pdf)
        names = demo_result.market_names(catalog, "en")
        for code, market in demo_result.score.markets.items():
            cells = [
                # whole points, half up, as every view rounds
                "-" if d.score is None else points(d.score)
                for d in market.dimensions.values()
            ]
            row = re.escape(names[code]) + r"\s+" + r"\s+".join(cells)
            assert re.search(row, text), f"heat-map row for {code} differs"

    def test_the_verdict_is_the_engines(
        self, english_pdf: Path, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        assert demo_result.verdict is not None
        verdict = explain(
            demo_result.verdict,
            catalog,
            demo_result.market_names(catalog, "en"),
            demo_result.attractiveness,
            "en",
        )
        flat = " ".join(pdf_text(english_pdf, layout=False).split())
        assert verdict.headline in flat
        assert verdict.decision in flat

    def test_each_market_shows_its_planned_and_earliest_realistic_entry(
        self, english_pdf: Path, chinese_pdf: Path, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        names = demo_result.market_names(catalog, "en")
        text = pdf_text(english_pdf)
        for code, market in demo_result.plan.markets.items():
            planned = market.planned_entry.isoformat() if market.planned_entry else "not set"
            row = rf"{re.escape(names[code])}\s+{planned}\s+{market.earliest_entry.isoformat()}"
            assert re.search(row, text), f"no entry row for {code}"
        sequence = " → ".join(names[code] for code in demo_result.plan.entry_sequence)
        flat = " ".join(pdf_text(english_pdf, layout=False).split())
        assert f"Suggested entry sequence: {sequence}." in flat
        assert "各市场何时可以进入" in pdf_text(chinese_pdf)

    def test_every_blocker_is_named(self, english_pdf: Path, demo_result: AssessmentResult) -> None:
        text = pdf_text(english_pdf)
        for market in demo_result.score.markets.values():
            for blocker in market.blockers:
                assert blocker in text


class TestLanguage:
    def test_the_chinese_report_is_chinese_with_an_embedded_cjk_font(
        self, chinese_pdf: Path
    ) -> None:
        text = pdf_text(chinese_pdf)
        for words in ("执行摘要", "市场对比", "行动计划", "附录", "意大利", "受阻", "第 1 页"):
            assert words in text or words == "第 1 页"
        fonts = subprocess.run(
            ["pdffonts", str(chinese_pdf)], capture_output=True, text=True, check=True
        ).stdout
        cjk = [line for line in fonts.splitlines() if "CJK-SC" in line or "CJKsc" in line]
        assert cjk, fonts
        assert all(" yes " in line for line in cjk)  # embedded
        assert "CJK-JP" not in fonts  # no Japanese glyph forms

    def test_the_english_report_has_no_chinese_wording(self, english_pdf: Path) -> None:
        text = pdf_text(english_pdf)
        for words in ("执行摘要", "行动计划", "受阻"):
            assert words not in text

    @pytest.mark.parametrize("pdf", ["english_pdf", "chinese_pdf"])
    def test_sources_are_cited_by_forum_and_date_never_by_file_name(
        self, pdf: str, request: pytest.FixtureRequest, catalog: Catalog
    ) -> None:
        text = " ".join(pdf_text(request.getfixturevalue(pdf), layout=False).split())
        assert not re.search(r"\d{3}_[0-9a-f]{8,}", text)
        hubei = catalog.seeds["000_63a24fc6c049f476.txt"]
        assert hubei.date is not None and hubei.date.isoformat() in text

    @pytest.mark.parametrize("language", ["en", "zh"])
    def test_each_dated_market_fact_says_when_it_was_checked(
        self, demo_result: AssessmentResult, catalog: Catalog, language: str
    ) -> None:
        html = render_html(demo_result, catalog, ReportOptions(language=language, markets=["LA"]))
        profile = catalog.markets["LA"]
        dated = [entry for entry in [*profile.notes, *profile.incentives] if entry.as_of]
        assert dated  # the check has something to find
        stamps = {
            str(labels(language).checked_on).format(date=format_date(entry.as_of, language))
            for entry in dated
            if entry.as_of is not None
        }
        for stamp in stamps:
            assert stamp in html

    def test_sources_are_only_those_of_the_reports_markets(
        self, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        html = render_html(demo_result, catalog, ReportOptions(markets=["LA"]))
        sources = html[html.index('id="sources"') :]
        asked = demo_result.applicable_by_market(catalog)["LA"]
        laos = {
            c.reference
            for i in asked
            for c in catalog.all_items[i].sources
            if isinstance(c, ReferenceCitation)
        }
        profile = catalog.markets["LA"]
        for entry in [*profile.notes, *profile.incentives]:
            laos |= {c.reference for c in entry.sources if isinstance(c, ReferenceCitation)}
        elsewhere = demo_result.applicable_by_market(catalog)["IT"] - asked
        italian = {
            c.reference
            for i in elsewhere
            for c in catalog.all_items[i].sources
            if isinstance(c, ReferenceCitation)
        } - laos
        assert italian  # the check has something to find
        for reference in italian:
            assert str(escape(catalog.references[reference].title)) not in sources
        for reference in laos:
            # A question Laos is asked may cite another country's rule as an example
            # (Saudi Arabia's SABER); the Laos report leaves it out.
            country = reference.split("-")[1]
            foreign = len(country) == 2 and country not in {"LA", "CN", "UN", "US"}
            title = str(escape(catalog.references[reference].title))
            assert (title in sources) is not foreign, reference

    def test_metadata_names_title_author_and_language(
        self, chinese_pdf: Path, demo_result: AssessmentResult
    ) -> None:
        info = subprocess.run(
            ["pdfinfo", str(chinese_pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert "市场进入准备度评估报告" in info
        assert demo_result.company.name in info
        objects = _pdf_objects(chinese_pdf)
        assert re.search(rb"/Lang\s*\(zh-CN\)", objects), "document language not set"

    def test_chapters_are_pdf_bookmarks(self, english_pdf: Path) -> None:
        objects = _pdf_objects(english_pdf)
        assert b"/Outlines" in objects
        for title in (b"Executive summary", b"Action plan", b"Appendix"):
            assert title in objects

    def test_pages_have_page_x_of_y(self, english_pdf: Path) -> None:
        pages = re.findall(r"Page (\d+) of (\d+)", pdf_text(english_pdf))
        assert pages
        total = {int(t) for _, t in pages}
        assert len(total) == 1


@pytest.fixture(scope="module")
def hostile_result(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> AssessmentResult:
    with open_store(str(tmp_path_factory.mktemp("hostile") / "h.sqlite3")) as store:
        company = store.create_company(f"Evil & Sons {HOSTILE}")
        assert company.id is not None
        assessment = store.create_assessment(
            company.id,
            "<script>alert(1)</script>",
            catalog.version,
            [MarketChoice("XH", custom_name="<b>Nowhere</b>", custom_region="eu")],
        )
        assert assessment.id is not None
        store.set_answer(assessment.id, "TALE-001", None, AnswerValue("1"), note=HOSTILE)
        return load_result(store, catalog, assessment.id, today=TODAY)


def _pdf_objects(path: Path) -> bytes:
    """The PDF's bytes with every compressed stream inflated (the catalog may be in one)."""
    import zlib

    raw = path.read_bytes()
    parts = [raw]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(parts)


class TestSafety:
    def test_user_text_is_escaped_in_the_html(
        self, hostile_result: AssessmentResult, catalog: Catalog
    ) -> None:
        # Long unbroken runs of user text carry invisible break marks; read without them.
        html = render_html(hostile_result, catalog, ReportOptions()).replace(BREAK, "")
        assert '<img src="file:///etc/hostname">' not in html
        assert "&lt;img src=&#34;file:///etc/hostname&#34;&gt;" in html
        assert "<script>alert(1)</script>" not in html
        assert "<b>Nowhere</b>" not in html

    def test_hostile_notes_print_as_text_and_fetch_nothing(
        self, hostile_result: AssessmentResult, catalog: Catalog, tmp_path: Path
    ) -> None:
        fetcher = RefusingFetcher()
        html = render_html(hostile_result, catalog, ReportOptions())
        out = write_pdf(html, tmp_path / "hostile.pdf", fetcher=fetcher)
        assert fetcher.refused == []
        flat = " ".join(pdf_text(out, layout=False).split())
        assert 'src="file:///etc/hostname"' in flat
        assert "<style>@import url(" in flat  # the company name, cut to fit the cover
        assert b"/EmbeddedFile" not in out.read_bytes()

    @pytest.mark.parametrize(
        "url",
        ["file:///etc/hostname", "http://127.0.0.1/", "https://example.com/x.css", "ftp://h/f"],
    )
    def test_the_fetcher_refuses_anything_but_bundled_assets(self, url: str) -> None:
        fetcher = RefusingFetcher()
        with pytest.raises(ValueError, match="not allowed"):
            fetcher.fetch(url)
        assert fetcher.refused == [url]

    def test_the_fetcher_serves_bundled_assets_and_data(self) -> None:
        from readiness.assets import asset_dir

        fetcher = RefusingFetcher()
        css = (asset_dir("reports") / "report.css").resolve().as_uri()
        assert b"@page" in fetcher.fetch(css).read()
        assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
        assert fetcher.refused == []


class TestFonts:
    def test_a_simplified_chinese_font_is_preferred(self) -> None:
        families = {"Noto Sans CJK JP", "Noto Sans CJK SC", "DejaVu Sans"}
        assert find_cjk_font(families) == "Noto Sans CJK SC"

    def test_no_cjk_font_is_a_clear_error_before_rendering(self) -> None:
        with pytest.raises(MissingCJKFontError, match="fonts-noto-cjk"):
            require_cjk_font({"DejaVu Sans"})

    def test_the_command_line_says_so_too(
        self,
        demo_store: Store,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
    ) -> None:
        monkeypatch.setattr("readiness.report.fonts.installed_font_families", lambda: frozenset())
        db = str(demo_store.path)
        demo_store.engine.dispose()
        out = tmp_path / "r.pdf"
        demo_store.close()
        code = main(["report", "--db", db, "--assessment", "1", "--out", str(out)])
        assert code == 1
        assert "No Simplified-Chinese font" in capsys.readouterr().err
        assert not out.exists()


class TestOptions:
    def test_only_chosen_markets_and_sections(
        self, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        html = render_html(
            demo_result,
            catalog,
            ReportOptions(markets=["MA"], sections=["summary", "markets"]),
        )
        assert 'id="market-ma"' in html
        assert 'id="market-it"' not in html
        assert 'id="plan"' not in html

    @pytest.mark.parametrize(
        "section", ["summary", "comparison", "markets", "plan", "trend", "appendix"]
    )
    def test_any_one_section_makes_a_report_of_that_section(
        self, demo_result: AssessmentResult, catalog: Catalog, section: str
    ) -> None:
        html = render_html(demo_result, catalog, ReportOptions(sections=[section]))
        assert f'id="{section}"' in html or f'id="{section[:-1]}-' in html
        others = {"summary", "comparison", "plan", "appendix"} - {section}
        assert not [other for other in others if f'id="{other}"' in html]

    def test_an_unknown_section_is_refused(
        self, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        with pytest.raises(ReportError, match="unknown report sections: charts"):
            render_html(demo_result, catalog, ReportOptions(sections=["charts"]))

    def test_the_html_is_self_contained(
        self, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        html = render_html(demo_result, catalog, ReportOptions())
        assert "<link" not in html
        assert not re.search(r"""(src|href)=["']?(https?:|file:|//)""", html)
        assert "<svg" in html


def test_weasyprint_is_loaded_only_to_render() -> None:
    import sys

    script = (
        "import sys, readiness.report.rendering, readiness.cli; readiness.cli.build_parser(); "
        "print('weasyprint' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_a_refused_resource_is_skipped_not_fatal(tmp_path: Path) -> None:
    fetcher = RefusingFetcher()
    html = '<p>logo:</p><img src="http://127.0.0.1:9/x.png"><p>after</p>'
    out = write_pdf(html, tmp_path / "refused.pdf", fetcher=fetcher)
    assert fetcher.refused == ["http://127.0.0.1:9/x.png"]
    assert "after" in pdf_text(out)


def test_an_unwritable_output_is_a_clear_error(
    demo_result: AssessmentResult, catalog: Catalog, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportError, match="cannot write"):
        write_pdf("<p>x</p>", blocker / "sub" / "r.pdf")
