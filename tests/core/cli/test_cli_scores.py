"""``readiness score`` and ``compare`` print what the engine computes, and the workbook keeps it."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from readiness.cli import main
from readiness.content.catalog import Catalog
from readiness.services.results import load_result
from readiness.storage.opening import open_store

pytestmark = pytest.mark.both_backends


@pytest.fixture
def demo_db(store_location: str, capsys: pytest.CaptureFixture[str]) -> str:
    db = store_location
    assert main(["demo", "--db", db]) == 0
    capsys.readouterr()
    return db


def _engine(db: str, catalog: Catalog) -> dict[str, object]:
    with open_store(db) as store:
        result = load_result(store, catalog, 1)
    return {code: market for code, market in result.score.markets.items()}


def test_score_json_equals_the_engine(
    demo_db: str, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    assert main(["score", "--db", demo_db, "--assessment", "1", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["assessment"] == 1
    engine = _engine(demo_db, bundled_catalog)
    assert set(document["markets"]) == set(engine) == {"IT", "MA", "LA"}
    for code, market in engine.items():
        printed = document["markets"][code]
        assert printed["overall"] == pytest.approx(market.overall, abs=0.005)  # type: ignore[attr-defined]
        assert printed["level"] == market.level.value  # type: ignore[attr-defined]
        assert printed["blockers"] == list(market.blockers)  # type: ignore[attr-defined]
        assert printed["completeness"] == pytest.approx(market.completeness, abs=1e-4)  # type: ignore[attr-defined]
        assert printed["provisional"] is market.provisional  # type: ignore[attr-defined]
        assert set(printed["dimensions"]) == set(bundled_catalog.dimensions)


def test_score_table_names_the_markets(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--db", demo_db, "--assessment", "1"]) == 0
    out = capsys.readouterr().out
    assert "Italy" in out and "Morocco" in out and "Laos" in out


def test_compare_json_has_the_matrix_and_the_best_market(
    demo_db: str, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    assert main(["compare", "--db", demo_db, "--assessment", "1", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["dimensions"] == list(bundled_catalog.dimensions)
    assert [m["code"] for m in document["markets"]] == ["IT", "MA", "LA"]
    assert document["best"] in {"IT", "MA", "LA"}
    assert document["reason"]


def test_compare_table_in_chinese(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--db", demo_db, "--assessment", "1", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "意大利" in out and "准备度最高" in out


def test_unknown_assessment_is_a_clear_error(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", "--db", demo_db, "--assessment", "42"]) == 1
    assert "no assessment with id 42" in capsys.readouterr().err


def test_the_workbook_keeps_every_sheet_and_number(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    out = tmp_path / "demo.xlsx"
    assert main(["export", "--db", demo_db, "--assessment", "1", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Assessment",
        "Answers",
        "Scores",
        "Comparison",
        "Action plan",
        "Entry and budget",
    ]
    engine = _engine(demo_db, bundled_catalog)
    matrix = {row[0]: row[1:] for row in book["Comparison"].iter_rows(values_only=True) if row}
    overall = matrix["Readiness (0-100)"]
    assert list(overall) == [round(engine[c].overall, 1) for c in ("IT", "MA", "LA")]  # type: ignore[attr-defined]
    plan_rows = list(book["Action plan"].iter_rows(min_row=2, values_only=True))
    assert plan_rows and all(isinstance(row[0], int) for row in plan_rows)
