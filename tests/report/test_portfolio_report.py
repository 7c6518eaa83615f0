"""The portfolio report: the core's numbers in both languages, page X of Y, user text as text."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from markupsafe import escape

from readiness.content.catalog import Catalog
from readiness.domain.portfolio import Portfolio
from readiness.domain.rounding import percent, points
from readiness.report.errors import ReportError
from readiness.report.fitting import BREAK, fitted_portfolio
from readiness.report.labels import labels
from readiness.report.rendering import RefusingFetcher, render_portfolio_html, write_pdf
from readiness.services.portfolio import build_portfolio
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from tests.member_firms import TODAY, add_member_firm, add_member_firms
from tests.report.conftest import pdf_text

HOSTILE = '<img src="file:///etc/hostname"> <style>@import url(http://127.0.0.1/);</style>'


@pytest.fixture(scope="module")
def platform_store(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Iterator[Store]:
    store = open_store(str(tmp_path_factory.mktemp("portfolio") / "platform.sqlite3"))
    create_demo(store, catalog, today=TODAY)
    add_member_firms(store, catalog)
    add_member_firm(store, catalog, f"Evil & Sons {HOSTILE}", -2, title="<script>x</script>")
    yield store
    store.close()


@pytest.fixture(scope="module")
def portfolio(platform_store: Store, catalog: Catalog) -> Portfolio:
    return build_portfolio(platform_store, catalog, "IT", today=TODAY)


@pytest.fixture(scope="module")
def english_pdf(
    portfolio: Portfolio, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    html = render_portfolio_html(portfolio, catalog, "en")
    return write_pdf(html, tmp_path_factory.mktemp("en") / "portfolio.pdf")


@pytest.fixture(scope="module")
def chinese_pdf(
    portfolio: Portfolio, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    html = render_portfolio_html(portfolio, catalog, "zh")
    return write_pdf(html, tmp_path_factory.mktemp("zh") / "portfolio.pdf")


class TestHtml:
    @pytest.mark.parametrize("language", ["en", "zh"])
    def test_every_chapter_is_worded_from_the_labels(
        self, portfolio: Portfolio, catalog: Catalog, language: str
    ) -> None:
        html = render_portfolio_html(portfolio, catalog, language)
        words = labels(language)["portfolio"]
        chapters = ("title", "summary", "level_spread", "ranking", "distribution", "progress")
        for key in (*chapters, "common_gaps", "shared_blockers", "appendix_firms"):
            assert str(escape(words[key])) in html, key
        assert f'<html lang="{"zh-CN" if language == "zh" else "en"}">' in html
        assert str(portfolio.name.get(language)) in html

    def test_the_english_report_has_no_chinese_wording(
        self, portfolio: Portfolio, catalog: Catalog
    ) -> None:
        html = render_portfolio_html(portfolio, catalog, "en")
        for words in ("企业组合", "受阻", "意大利"):
            assert words not in html

    def test_the_ranking_table_is_in_rank_order(
        self, portfolio: Portfolio, catalog: Catalog
    ) -> None:
        html = render_portfolio_html(portfolio, catalog, "en")
        table = html[html.index('id="ranking"') : html.index('id="distribution"')]
        shown = fitted_portfolio(portfolio).rows  # names as the report cuts them
        found = [table.index(str(escape(row.company))) for row in shown]
        assert found == sorted(found)

    def test_user_text_is_escaped(self, portfolio: Portfolio, catalog: Catalog) -> None:
        # Long unbroken runs of user text carry invisible break marks; read without them.
        html = render_portfolio_html(portfolio, catalog, "en").replace(BREAK, "")
        assert '<img src="file:///etc/hostname">' not in html
        assert "&lt;img src=&#34;file:///etc/hostname&#34;&gt;" in html
        assert "<script>x</script>" not in html
        assert "<b>Changchun</b>" not in html
        # The charts, inserted as markup, show distributions: no firm's name is in them.
        for chart in re.findall(r"<svg.*?</svg>", html, flags=re.DOTALL):
            assert "Changchun" not in chart

    def test_an_empty_portfolio_is_a_clear_error(
        self, platform_store: Store, catalog: Catalog
    ) -> None:
        empty = build_portfolio(platform_store, catalog, "ES-CT", today=TODAY)
        with pytest.raises(ReportError, match="targets the market ES-CT"):
            render_portfolio_html(empty, catalog, "en")


class TestPdf:
    def test_rows_match_the_core(self, english_pdf: Path, portfolio: Portfolio) -> None:
        text = pdf_text(english_pdf)
        for row in portfolio.rows:
            name = re.escape(row.company[:4])  # long names wrap in the table
            pattern = (
                rf"{row.rank}\s+{name}.*?{points(row.overall)}\s+{row.level.label.en}\s+"
                rf"{percent(row.completeness)}"
            )
            assert re.search(pattern, text), f"no ranking row for {row.company}"

    def test_level_spread_and_verdict(self, english_pdf: Path, portfolio: Portfolio) -> None:
        flat = " ".join(pdf_text(english_pdf, layout=False).split())
        assert f"{portfolio.firms} firms are assessed for Italy" in flat
        assert f"{portfolio.blocked} blocked" in flat

    def test_pages_have_page_x_of_y(self, english_pdf: Path) -> None:
        pages = re.findall(r"Page (\d+) of (\d+)", pdf_text(english_pdf))
        assert len(pages) >= 4
        assert len({total for _, total in pages}) == 1

    def test_the_chinese_report_shows_chinese_in_a_simplified_chinese_font(
        self, chinese_pdf: Path
    ) -> None:
        text = pdf_text(chinese_pdf)
        for words in ("企业组合准备度报告", "企业准备度排名", "意大利", "受阻", "第 2 页"):
            assert words in text, words
        fonts = subprocess.run(
            ["pdffonts", str(chinese_pdf)], capture_output=True, text=True, check=True
        ).stdout
        cjk = [line for line in fonts.splitlines() if "CJK-SC" in line or "CJKsc" in line]
        assert cjk, fonts
        assert all(" yes " in line for line in cjk)
        assert "CJK-JP" not in fonts

    def test_hostile_names_print_as_text_and_fetch_nothing(
        self, portfolio: Portfolio, catalog: Catalog, tmp_path: Path
    ) -> None:
        fetcher = RefusingFetcher()
        html = render_portfolio_html(portfolio, catalog, "en")
        out = write_pdf(html, tmp_path / "hostile.pdf", fetcher=fetcher)
        assert fetcher.refused == []
        flat = " ".join(pdf_text(out, layout=False).split())
        assert "<b>Changchun</b>" in flat
        assert "@import url(http://127.0.0.1/)" in flat
