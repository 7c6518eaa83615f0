"""``readiness portfolio`` prints the portfolio the core computes, and writes its report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.content.catalog import Catalog
from readiness.services.portfolio import build_portfolio
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store
from tests.member_firms import FIRMS, TODAY, add_member_firm, add_member_firms

pytestmark = pytest.mark.both_backends


@pytest.fixture
def platform_db(store_location: str, bundled_catalog: Catalog) -> str:
    """The sample company, four member firms, and one firm that looks at Morocco only."""
    db = store_location
    with open_store(db) as store:
        create_demo(store, bundled_catalog, today=TODAY)
        add_member_firms(store, bundled_catalog)
        add_member_firm(store, bundled_catalog, "Xiangyang Bearings", 1, markets=("MA",))
    return db


def test_json_equals_the_core(
    platform_db: str, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    assert main(["portfolio", "--db", platform_db, "--market", "it", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    with open_store(platform_db) as store:
        portfolio = build_portfolio(store, bundled_catalog, "IT")
    assert document["market"] == "IT" and document["name"] == "Italy"
    assert document["firms"] == portfolio.firms == 5
    assert [r["assessment"] for r in document["rows"]] == [
        row.assessment_id for row in portfolio.rows
    ]
    for printed, row in zip(document["rows"], portfolio.rows, strict=True):
        assert printed["rank"] == row.rank
        assert printed["company"] == row.company
        assert printed["overall"] == pytest.approx(row.overall, abs=0.005)
        assert printed["level"] == row.level.value
        assert printed["blockers"] == list(row.blockers)
        assert printed["provisional"] is row.provisional
        assert printed["top_gaps"] == [gap.item_id for gap in row.top_gaps]
    assert document["levels"] == {level.value: n for level, n in portfolio.levels.items()}
    assert {m["code"]: m["firms"] for m in document["markets"]} == {"IT": 5, "LA": 5, "MA": 6}
    assert [b["item"] for b in document["shared_blockers"]] == [
        b.item_id for b in portfolio.shared_blockers()
    ]


def test_the_table_lists_the_firms_in_rank_order(
    platform_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["portfolio", "--db", platform_db, "--market", "MA"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Morocco (MA)")
    positions = [out.index(name[:20]) for name, _ in FIRMS]
    assert positions == sorted(positions)  # shifted up most = readiest = first
    assert "Xiangyang Bearings" in out


def test_the_table_in_chinese(platform_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", "--db", platform_db, "--market", "IT", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("意大利 (IT)")
    assert "受阻" in out and "企业" in out
    assert "Xiangyang Bearings" not in out  # it does not target Italy


def test_a_market_nobody_targets_names_the_ones_that_are(
    platform_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["portfolio", "--db", platform_db, "--market", "PH"]) == 1
    error = capsys.readouterr().err
    assert "no assessment in this database targets the market PH" in error
    assert "IT, LA, MA" in error


def test_out_must_be_pdf_or_html(
    platform_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "portfolio.txt"
    assert main(["portfolio", "--db", platform_db, "--market", "IT", "--out", str(out)]) == 1
    assert "--out must end in .pdf or .html" in capsys.readouterr().err
    assert not out.exists()


def test_html_report_is_written_with_names_escaped(
    platform_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "portfolio.html"
    args = ["portfolio", "--db", platform_db, "--market", "IT", "--lang", "zh", "--out", str(out)]
    assert main(args) == 0
    assert capsys.readouterr().out.strip() == str(out)
    html = out.read_text(encoding="utf-8")
    assert "企业组合准备度报告" in html
    assert "&lt;b&gt;Changchun&lt;/b&gt;" in html
    assert "<b>Changchun</b>" not in html


def test_a_market_whose_assessments_are_all_archived_says_archived_ones_are_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(tmp_path / "archived.sqlite3")
    assert main(["new", "--db", location, "--company", "Acme", "--markets", "IT"]) == 0
    assert main(["archive", "--db", location, "--assessment", "1"]) == 0
    capsys.readouterr()
    assert main(["portfolio", "--db", location, "--market", "IT"]) == 1
    error = capsys.readouterr().err
    assert "targets the market IT (archived assessments are left out)" in error
