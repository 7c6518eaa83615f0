"""The report's structure: the decision on two pages first, a plan that drops nothing,
sources of the report's own markets, a summary-only variant and a branded cover."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.content.catalog import Catalog
from readiness.content.model import Phase
from readiness.domain.records import MarketChoice
from readiness.domain.results import AssessmentResult
from readiness.report.context import ReportOptions
from readiness.report.labels import labels
from readiness.report.rendering import render_html, write_pdf
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from tests.report.conftest import TODAY, pdf_text

# A one-pixel PNG: a logo the cover can show.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082"
)


def _pages(path: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext ends each page with a form feed)."""
    return pdf_text(path, layout=False).split("\f")[:-1]


def _page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]


@pytest.fixture(scope="module", params=["en", "zh"])
def full_pdf(
    request: pytest.FixtureRequest,
    demo_result: AssessmentResult,
    catalog: Catalog,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[str, Path]:
    lang = request.param
    html = render_html(demo_result, catalog, ReportOptions(language=lang))
    return lang, write_pdf(html, tmp_path_factory.mktemp(lang) / "report.pdf")


class TestThePlanDropsNothing:
    def test_every_action_and_its_whole_dates_are_in_the_pdf(
        self, full_pdf: tuple[str, Path], demo_result: AssessmentResult
    ) -> None:
        _, path = full_pdf
        text = pdf_text(path, layout=False)
        assert len(demo_result.plan.actions) > 40  # more than the old plan table held
        for action in demo_result.plan.actions:
            assert action.item.id in text, action.item.id
            for day in (action.start, action.due):
                assert re.search(rf"(?<![\d-]){day.isoformat()}(?![\d-])", text), day
        assert "workbook" not in text and "工作簿" not in text

    def test_the_full_plan_has_a_row_for_every_action_by_rank(
        self, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        html = render_html(demo_result, catalog, ReportOptions(language="en"))
        table = re.search(r'<table class="sized plan full-plan">.*?</table>', html, re.S)
        assert table
        row = r'<tr><td class="num">(\d+)</td><td class="id[^"]*">([A-Z]+-\d+)'
        rows = re.findall(row, table[0])
        expected = sorted(demo_result.plan.actions, key=lambda a: a.rank)
        assert [(int(r), i) for r, i in rows] == [(a.rank, a.item.id) for a in expected]

    def test_each_market_chapter_lists_its_path_to_entry_and_counts_the_rest(
        self, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        html = render_html(demo_result, catalog, ReportOptions(language="en"))
        for market in demo_result.markets:
            chapter = html.split(f'id="market-{market.code.lower()}"')[1].split("</section>")[0]
            own = [
                a
                for a in demo_result.plan.actions
                if a.key[1] is not None and market.code in a.markets
            ]
            before = [a for a in own if a.phase is not Phase.AFTER_ENTRY]
            assert before and len(before) < len(own)
            listed = re.findall(r'<td class="id">([A-Z]+-\d+)', chapter)
            assert listed == [a.item.id for a in sorted(before, key=lambda a: a.rank)]
            # what follows entry is counted and pointed to, not dropped
            assert f"{len(own) - len(before)} more actions for this market follow entry" in chapter


class TestExecutiveSummary:
    def test_it_comes_first_and_takes_at_most_two_pages(self, full_pdf: tuple[str, Path]) -> None:
        lang, path = full_pdf
        words = labels(lang)
        pages = _pages(path)
        first = next(n for n, page in enumerate(pages) if str(words.summary) in page)
        assert first == 1  # straight after the cover
        contents = next(n for n, page in enumerate(pages) if str(words.contents) in page)
        assert contents - first <= 2
        summary = "".join(pages[first:contents])
        for label in (words.markets_glance, words.start_now, words.blockers):
            assert re.sub(r"\s", "", str(label)) in re.sub(r"\s", "", summary)

    def test_it_names_blockers_by_their_question_and_five_actions_with_owner_and_date(
        self, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        html = render_html(demo_result, catalog, ReportOptions(language="en"))
        summary = html.split('id="summary"')[1].split("</section>")[0]
        for market in demo_result.score.markets.values():
            for blocker in market.blockers:
                assert catalog.all_items[blocker].text.en in summary
        start_now = summary.split('class="fixed start-now"')[1].split("</table>")[0]
        assert start_now.count("<tr><td") == 5
        assert start_now.count('<td class="date') == 5
        for schedule in demo_result.plan.markets.values():
            assert schedule.earliest_entry.isoformat() in summary


class TestSources:
    def test_a_laos_and_morocco_report_cites_no_other_markets_rules(
        self, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        options = ReportOptions(language="en", markets=["LA", "MA"])
        sources = render_html(demo_result, catalog, options).split('id="sources"')[1]
        for foreign in ("SABER", "SONCAP", "TARIC", "Regulation (EU)"):
            assert foreign not in sources, foreign
        whole = render_html(demo_result, catalog, ReportOptions(language="en"))
        assert "Regulation (EU)" in whole.split('id="sources"')[1]  # Italy is in the EU


class TestSummaryOnly:
    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_it_is_at_most_four_pages(
        self, demo_result: AssessmentResult, catalog: Catalog, tmp_path: Path, lang: str
    ) -> None:
        html = render_html(demo_result, catalog, ReportOptions(language=lang, summary=True))
        path = write_pdf(html, tmp_path / "summary.pdf")
        assert _page_count(path) <= 4
        text = pdf_text(path)
        assert str(labels(lang).summary) in text
        assert str(labels(lang).appendix) not in text

    def test_the_command_line_writes_it(
        self, demo_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "s.pdf"
        args = ["report", "--db", str(demo_store.path), "--assessment", "1", "--summary"]
        assert main([*args, "--out", str(out)]) == 0
        assert _page_count(out) <= 4


class TestCover:
    def test_it_shows_logo_prepared_for_and_by_and_the_confidentiality_line(
        self, demo_result: AssessmentResult, catalog: Catalog, tmp_path: Path
    ) -> None:
        logo = tmp_path / "logo.png"
        logo.write_bytes(PIXEL)
        options = ReportOptions(
            language="en",
            summary=True,
            prepared_for="The Board",
            prepared_by="Strategy Office",
            confidentiality="Confidential: board members only",
            logo=logo,
        )
        cover = render_html(demo_result, catalog, options).split('id="cover"')[1]
        cover = cover.split("</section>")[0]
        for shown in ("The Board", "Strategy Office", "Confidential: board members only"):
            assert shown in cover
        assert 'src="data:image/png;base64,' in cover

    def test_prepared_for_is_the_company_unless_given(
        self, demo_result: AssessmentResult, catalog: Catalog
    ) -> None:
        html = render_html(demo_result, catalog, ReportOptions(language="en", summary=True))
        cover = html.split('id="cover"')[1].split("</section>")[0]
        assert demo_result.company.name in cover
        assert "Prepared by" not in cover

    def test_the_command_line_refuses_a_missing_logo_and_writes_nothing(
        self, demo_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "r.pdf"
        missing = tmp_path / "no-logo.png"
        args = ["report", "--db", str(demo_store.path), "--assessment", "1", "--summary"]
        code = main([*args, "--logo", str(missing), "--out", str(out)])
        error = capsys.readouterr().err.strip()
        assert code != 0
        assert str(missing) in error and "\n" not in error
        assert not out.exists()

    def test_the_command_line_puts_the_branding_on_the_cover(
        self, demo_store: Store, tmp_path: Path
    ) -> None:
        out = tmp_path / "r.html"
        args = ["report", "--db", str(demo_store.path), "--assessment", "1", "--summary"]
        branding = ["--prepared-for", "The Board", "--prepared-by", "Strategy Office"]
        assert main([*args, *branding, "--confidentiality", "Secret", "--html", str(out)]) == 0
        cover = out.read_text(encoding="utf-8").split('id="cover"')[1].split("</section>")[0]
        for shown in ("The Board", "Strategy Office", "Secret"):
            assert shown in cover


def test_a_custom_market_is_named_in_the_reports_language(catalog: Catalog, tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "custom.sqlite3"))
    try:
        create_demo(store, catalog, today=TODAY)
        custom = MarketChoice(
            "XM", custom_name="Atlantis", custom_name_zh="亚特兰蒂斯", custom_region="latam"
        )
        store.add_market(1, custom)
        result = load_result(store, catalog, 1, today=TODAY)
    finally:
        store.close()
    english = render_html(result, catalog, ReportOptions(language="en"))
    chinese = render_html(result, catalog, ReportOptions(language="zh"))
    assert "Atlantis" in english and "亚特兰蒂斯" not in english
    assert "亚特兰蒂斯" in chinese


def test_table_cells_carry_the_classes_the_layout_relies_on(
    demo_result: AssessmentResult, catalog: Catalog
) -> None:
    html = render_html(demo_result, catalog, ReportOptions(language="en"))
    for kind in ("id", "date", "num", "user-text"):
        assert f'<td class="{kind}' in html, kind
    action = demo_result.plan.actions[0]
    assert re.search(f'<td class="id[^"]*">{action.item.id}', html)
    assert re.search(f'<td class="date[^"]*">{action.start.isoformat()}</td>', html)
