"""A firm's own report on a shared server says where it stands among the member firms,
by counts alone: no other firm is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.benchmarks import PeerPosition
from readiness.report.context import ReportOptions
from readiness.report.rendering import render_html, write_pdf
from readiness.services.portfolio import build_portfolio, peer_positions
from readiness.services.results import load_result
from readiness.storage.opening import open_store
from tests.member_firms import FIRMS, TODAY, add_member_firm, add_member_firms
from tests.report.conftest import pdf_text


def test_positions_are_the_portfolios_own(tmp_path: Path, catalog: Catalog) -> None:
    with open_store(str(tmp_path / "platform.sqlite3")) as store:
        ids = add_member_firms(store, catalog)
        alone = add_member_firm(store, catalog, "Only In Latvia", 0, markets=("LA",))
        positions = peer_positions(store, catalog, ids[1], today=TODAY)
        assert set(positions) == {"IT", "MA", "LA"}
        for code, position in positions.items():
            row = build_portfolio(store, catalog, code, today=TODAY).row_for(ids[1])
            assert (position.rank, position.percentile) == (row.rank, row.percentile)
        # Latvia has five firms, each of the others alone in none of its markets.
        assert positions["LA"].firms == 5
        assert set(peer_positions(store, catalog, alone, today=TODAY)) == {"LA"}


@pytest.fixture
def report_text(tmp_path: Path, catalog: Catalog) -> tuple[str, str]:
    with open_store(str(tmp_path / "platform.sqlite3")) as store:
        ids = add_member_firms(store, catalog)
        result = load_result(store, catalog, ids[1], today=TODAY)
        positions = peer_positions(store, catalog, ids[1], today=TODAY)
    pdfs = []
    for language in ("en", "zh"):
        options = ReportOptions(language=language, markets=["IT"], positions=positions)
        html = render_html(result, catalog, options)
        pdfs.append(" ".join(pdf_text(write_pdf(html, tmp_path / f"{language}.pdf")).split()))
    return pdfs[0], pdfs[1]


def test_the_market_chapter_says_the_firms_position_and_names_no_other_firm(
    report_text: tuple[str, str],
) -> None:
    english, chinese = report_text
    assert "Your position among 4 firms on this server: 2 of 4, percentile 67" in english
    assert "贵企业在本服务器 4 家企业中的位置：第 2 名（共 4 家），百分位 67" in chinese
    for name, _ in FIRMS:
        if name != FIRMS[1][0]:
            assert name not in english and name not in chinese


def test_a_firm_with_too_few_answers_is_told_what_it_needs(catalog: Catalog) -> None:
    from readiness.report.markets import peer_position_text

    position = PeerPosition(
        firms=12, rank=None, percentile=None, completeness=0.25, min_completeness=0.6
    )
    text = peer_position_text(position, "en")
    assert "among 12 firms" in text and "not ranked yet, with 25%" in text and "60%" in text
    assert peer_position_text(None, "en") == ""
