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
        assert printed["completeness"] == pytest.approx(row.completeness, abs=0.00005)
        assert printed["ranked"] is row.ranked is (printed["rank"] is not None)
        assert printed["percentile"] == pytest.approx(row.percentile, abs=0.05)
    assert document["min_completeness"] == 0.6
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


def test_out_must_be_pdf_html_or_xlsx(
    platform_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "portfolio.txt"
    assert main(["portfolio", "--db", platform_db, "--market", "IT", "--out", str(out)]) == 1
    assert "--out must end in .pdf, .html or .xlsx" in capsys.readouterr().err
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


def test_a_higher_minimum_completeness_lists_firms_apart(
    platform_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["portfolio", "--db", platform_db, "--market", "IT"]
    assert main([*args, "--json", "--min-completeness", "100"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["min_completeness"] == 1.0 and document["ranked"] == 0
    assert all(not r["ranked"] and r["percentile"] is None for r in document["rows"])
    assert main([*args, "--min-completeness", "95%"]) == 0
    out = capsys.readouterr().out
    assert "Ranked: firms that answered at least 95%: 0 of 5" in out
    assert "Not enough answers (below 95%), not ranked: 5" in out


@pytest.mark.parametrize("value", ["120", "-5", "most"])
def test_a_minimum_completeness_that_is_no_percentage_is_refused(
    platform_db: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["portfolio", "--db", platform_db, "--market", "IT", "--min-completeness", value])
    assert f"'{value}' is not a percentage from 0 to 100" in capsys.readouterr().err


def test_progress_names_common_gaps_with_counts(
    platform_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["portfolio", "--db", platform_db, "--market", "IT", "--progress"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Not started: 0; stuck (no change for 30 days): ")
    assert "Answered by dimension" in out and "Compliance" in out
    gaps = out[out.index("Most common gaps") :].splitlines()[2:]
    counts = [int(line.split()[1]) for line in gaps if line.strip()]
    assert counts and counts == sorted(counts, reverse=True) and max(counts) <= 5


def test_anonymous_output_names_no_firm(
    platform_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["portfolio", "--db", platform_db, "--market", "IT", "--anonymous"]) == 0
    out = capsys.readouterr().out
    assert "Firm 001" in out and "Firm 005" in out
    for name, _ in FIRMS:
        assert name not in out


def test_the_workbook_has_the_portfolio_columns(
    platform_db: str, tmp_path: Path, bundled_catalog: Catalog
) -> None:
    from openpyxl import load_workbook

    from readiness.exchange.portfolio_sheet import FIRM_COLUMNS

    out = tmp_path / "portfolio.xlsx"
    assert main(["portfolio", "--db", platform_db, "--market", "IT", "--out", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Firms", "Benchmarks", "Common gaps"]
    sheet = book["Firms"]
    header = [cell.value for cell in sheet[1]]
    assert header == list(FIRM_COLUMNS["en"])
    assert header[:8] == [
        "Rank",
        "Company",
        "Assessment ID",
        "Score",
        "Level",
        "Answered (%)",
        "Ranked",
        "Percentile",
    ]
    with open_store(platform_db) as store:
        portfolio = build_portfolio(store, bundled_catalog, "IT")
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[2] for r in rows] == [row.assessment_id for row in portfolio.rows]
    assert [r[1] for r in rows] == [row.company for row in portfolio.rows]
    assert rows[0][0] == 1 and isinstance(rows[0][3], float)
    benchmarks = [cell.value for cell in book["Benchmarks"][1]]
    assert benchmarks[4:7] == ["Lowest", "Lower quartile", "Median"]
    assert [cell.value for cell in book["Common gaps"][1]][-1] == "Firms"
    # The Chinese workbook has its own headers, as many.
    zh = tmp_path / "portfolio-zh.xlsx"
    args = ["portfolio", "--db", platform_db, "--market", "IT", "--lang", "zh", "--out", str(zh)]
    assert main(args) == 0
    assert [c.value for c in load_workbook(zh)["企业"][1]] == list(FIRM_COLUMNS["zh"])


def test_a_cover_date_that_is_no_date_is_refused(
    platform_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["portfolio", "--db", platform_db, "--market", "IT", "--date", "2026-13-01"])
    assert "'2026-13-01' is not a date written YYYY-MM-DD" in capsys.readouterr().err


def test_a_logo_that_is_no_image_is_refused_and_nothing_is_written(
    platform_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = tmp_path / "logo.txt"
    logo.write_text("not an image", encoding="utf-8")
    out = tmp_path / "portfolio.html"
    args = ["portfolio", "--db", platform_db, "--market", "IT", "--out", str(out)]
    assert main([*args, "--logo", str(logo)]) == 1
    assert f"{logo} is not an image; choose a PNG, JPEG or SVG logo" in capsys.readouterr().err
    assert not out.exists()


def test_a_firms_report_says_its_position_only_on_a_server(
    platform_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(platform_db) as store:
        firm = next(s for s in store.list_assessments() if s.company == FIRMS[0][0])
    out = tmp_path / "report.html"
    args = ["report", "--db", platform_db, "--assessment", str(firm.id), "--html", str(out)]
    assert main([*args, "--markets", "IT"]) == 0
    html = out.read_text(encoding="utf-8")
    on_server = "://" in platform_db
    assert ("Your position among 5 firms on this server: 1 of 5" in html) is on_server
    for name, _ in FIRMS[1:]:
        assert name not in html
