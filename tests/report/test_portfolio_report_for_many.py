"""The portfolio report a platform sends out: its own cover, an anonymised version that names
no firm anywhere, and a body that stays short however many firms there are, with every firm
in the appendix."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from markupsafe import escape

from readiness.content.catalog import Catalog
from readiness.domain.portfolio import Portfolio
from readiness.report.context import PortfolioReportOptions
from readiness.report.rendering import render_portfolio_html, write_pdf
from readiness.services.portfolio import build_portfolio
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from tests.member_firms import TODAY, add_many_firms, add_member_firms
from tests.report.conftest import pdf_text

COVER = PortfolioReportOptions(
    platform="Zhejiang Auto Parts Export Platform",
    prepared_for="Provincial SME Service Centre",
    prepared_by="Member Services Team",
    date=dt.date(2026, 12, 1),
    confidentiality="Confidential: not for circulation",
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Iterator[Store]:
    opened = open_store(str(tmp_path_factory.mktemp("platform") / "platform.sqlite3"))
    create_demo(opened, catalog, today=TODAY)
    add_member_firms(opened, catalog)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def italy(store: Store, catalog: Catalog) -> Portfolio:
    return build_portfolio(store, catalog, "IT", today=TODAY)


def _flat(path: Path) -> str:
    return " ".join(pdf_text(path, layout=False).split())


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_cover_says_what_the_platform_chose(
    italy: Portfolio, catalog: Catalog, tmp_path: Path, language: str
) -> None:
    options = PortfolioReportOptions(**{**COVER.__dict__, "language": language})
    text = _flat(write_pdf(render_portfolio_html(italy, catalog, options), tmp_path / "c.pdf"))
    cover = text[: text.index("Summary" if language == "en" else "概览")]
    for chosen in (COVER.platform, COVER.prepared_for, COVER.prepared_by, COVER.confidentiality):
        assert chosen in cover
    assert ("1 Dec 2026" if language == "en" else "2026年12月1日") in cover
    assert "Platform management" not in cover


@pytest.mark.parametrize("language", ["en", "zh"])
def test_an_anonymised_report_names_no_firm_anywhere(
    italy: Portfolio, catalog: Catalog, tmp_path: Path, language: str
) -> None:
    options = PortfolioReportOptions(language=language, anonymous=True)
    html = render_portfolio_html(italy, catalog, options)
    text = pdf_text(write_pdf(html, tmp_path / "anonymous.pdf"), layout=False)
    flat = " ".join(text.split())
    joined = "".join(text.split())  # a name wrapped over two lines, read whole
    for row in italy.rows:
        for place in (html, flat):
            assert row.company not in place
            assert str(escape(row.company)) not in place
            assert row.title not in place
        # Nor a name wrapped over lines or cut by the table, read without spaces.
        assert "".join(row.company.split())[:12] not in joined
    label = "Firm 001" if language == "en" else "企业 001"
    assert label in flat
    assert f"{label[:-3]}{italy.firms:03d}" in flat


def test_the_report_of_a_portfolio_too_small_to_split_ranks_every_firm_in_the_body(
    italy: Portfolio, catalog: Catalog
) -> None:
    html = render_portfolio_html(italy, catalog, "en")
    body = html[html.index('id="ranking"') : html.index('id="distribution"')]
    assert all(str(escape(row.company)) in body for row in italy.ranked)
    assert "The 10 least ready firms" not in html


@pytest.mark.slow
def test_a_large_portfolio_keeps_a_short_body_and_lists_every_firm_in_the_appendix(
    tmp_path: Path, catalog: Catalog
) -> None:
    with open_store(str(tmp_path / "large.sqlite3")) as store:
        add_many_firms(store, catalog, 120)
        portfolio = build_portfolio(store, catalog, "IT", today=TODAY)
    html = render_portfolio_html(portfolio, catalog, "en")
    body = html[html.index('id="ranking"') : html.index('id="appendix-firms"')]
    appendix = html[html.index('id="appendix-firms"') :]
    # The body names the top and the bottom ten only; the appendix names every firm.
    named = [row for row in portfolio.rows if row.company in body]
    assert 20 <= len(named) <= 20 + 20  # the ranking's twenty, and the progress lists
    assert all(row.company in appendix for row in portfolio.rows)
    assert html.count("<svg") == 2  # a histogram and box plots: no bar per firm
    pages = pdf_text(write_pdf(html, tmp_path / "large.pdf")).split("\f")
    first_appendix = next(i for i, page in enumerate(pages) if "Appendix: every firm" in page)
    assert first_appendix < 25
    assert re.search(rf"Page 2 of {len(pages) - 1}", pages[1])
