"""Very long user text is cut with an ellipsis wherever the report lays it out.

A 10,000-character owner or market name once ran off the cover and made one
report take minutes; the report now shows at most what each place can hold.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.domain.results import AssessmentResult
from readiness.domain.text import NAME
from readiness.domain.verdict_text import explain
from readiness.report.context import ReportOptions
from readiness.report.fitting import (
    BREAK,
    COMPANY_COLUMNS,
    EVIDENCE_COLUMNS,
    MARKET_COLUMNS,
    fitted_result,
)
from readiness.report.rendering import render_html, render_portfolio_html, write_pdf
from readiness.services.portfolio import build_portfolio
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from tests.report.conftest import TODAY, pdf_text

LONG = 10_000


@pytest.fixture(scope="module")
def long_store(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Iterator[Store]:
    store = open_store(str(tmp_path_factory.mktemp("long") / "long.sqlite3"))
    create_demo(store, catalog, today=TODAY)
    snapshot = store.snapshot(1)
    store.update_company(snapshot.company.id, name="Q" * NAME.max_length, products="P" * LONG)
    # A market of the user's own (the Philippines is not in the catalog).
    store.add_market(
        1, MarketChoice(code="PH", custom_name="墨" * LONG, custom_name_zh="菲" * LONG)
    )
    store.set_answer(1, "CERT-002", "LA", AnswerValue("2"), evidence=[f"/srv/{'E' * LONG}.pdf"])
    for action in snapshot.actions:
        store.set_action(1, action.item_id, action.market_code or None, owner="O" * LONG)
    store.save_milestone(1, "M" * NAME.max_length)
    yield store
    store.close()


@pytest.fixture(scope="module")
def long_result(long_store: Store, catalog: Catalog) -> AssessmentResult:
    return load_result(long_store, catalog, 1, today=TODAY)


def _longest_run(text: str, character: str) -> int:
    longest = run = 0
    for found in text:
        run = run + 1 if found == character else 0
        longest = max(longest, run)
    return longest


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_user_text_reaches_the_page_longer_than_its_place(
    long_result: AssessmentResult, catalog: Catalog, language: str
) -> None:
    html = render_html(long_result, catalog, ReportOptions(language=language))

    assert 0 < _longest_run(html, "Q") <= COMPANY_COLUMNS
    assert 0 < _longest_run(html, "O") <= 60
    assert 0 < _longest_run(html, "墨" if language == "en" else "菲") <= MARKET_COLUMNS // 2
    assert _longest_run(html, "P") <= 400
    # an evidence file's name, in the answers appendix
    assert 0 < _longest_run(html.replace(BREAK, ""), "E") <= EVIDENCE_COLUMNS
    assert "…" in html


def test_the_cut_marks_itself_and_leaves_short_text_alone(long_result: AssessmentResult) -> None:
    fitted = fitted_result(long_result)

    assert fitted.company.name.endswith("…")
    assert all(a.owner.endswith("…") for a in fitted.actions.values())
    short = fitted_result(fitted)
    assert short.company.name == fitted.company.name  # already fits: unchanged


def test_the_cover_still_fits_one_page(
    long_result: AssessmentResult, catalog: Catalog, tmp_path: Path
) -> None:
    out = tmp_path / "long.pdf"
    write_pdf(render_html(long_result, catalog, ReportOptions(language="en")), out)

    cover = pdf_text(out).split("\f")[0]
    # The name takes at most two lines and the verdict is still on the cover.
    assert sum("QQQQQQQQ" in line for line in cover.splitlines()) <= 2
    assert long_result.verdict is not None
    verdict = explain(
        long_result.verdict,
        catalog,
        long_result.market_names(catalog, "en"),
        long_result.attractiveness,
        "en",
    )
    flat = " ".join(cover.split())
    assert f"Verdict: {verdict.decision}" in flat
    assert verdict.headline in flat


def test_the_portfolio_cuts_company_names_and_custom_markets(
    long_store: Store, catalog: Catalog
) -> None:
    portfolio = build_portfolio(long_store, catalog, "PH", today=TODAY)
    html = render_portfolio_html(portfolio, catalog, "en")

    assert 0 < _longest_run(html, "Q") <= COMPANY_COLUMNS
    assert 0 < _longest_run(html, "墨") <= MARKET_COLUMNS // 2
