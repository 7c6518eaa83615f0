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
    assert "意大利" in out and "难分高下" in out and "准备度最高" not in out


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


def test_score_json_gives_each_markets_confidence_and_its_band(
    demo_db: str, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    assert main(["score", "--db", demo_db, "--assessment", "1", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    for code, market in _engine(demo_db, bundled_catalog).items():
        printed = document["markets"][code]
        assert printed["confidence"] == round(market.confidence, 3)  # type: ignore[attr-defined]
        assert printed["confidence_band"] == market.confidence_band.value  # type: ignore[attr-defined]
        assert printed["confidence_band"] in {"high", "medium", "low"}


def test_score_table_shows_the_band_beside_every_score(
    demo_db: str, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    assert main(["score", "--db", demo_db, "--assessment", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()[2:]
    engine = _engine(demo_db, bundled_catalog)
    assert len(lines) == len(engine)
    for line, market in zip(lines, engine.values(), strict=True):
        assert market.confidence_band.label.en in line  # type: ignore[attr-defined]


def test_a_score_built_on_dont_knows_says_low_confidence(
    demo_db: str, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    from readiness.domain.answers import AnswerValue

    with open_store(demo_db) as store:
        for answer in store.answers(1):
            if answer.market_code == "IT":
                store.set_answer(1, answer.item_id, "IT", AnswerValue.UNKNOWN)
    assert main(["score", "--db", demo_db, "--assessment", "1", "--lang", "zh"]) == 0
    italy = next(line for line in capsys.readouterr().out.splitlines() if "意大利" in line)
    assert "可信度低" in italy
    assert main(["score", "--db", demo_db, "--assessment", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["markets"]["IT"]["confidence_band"] == "low"


def test_compare_json_gives_the_verdict_in_words_and_each_markets_appeal_and_entry(
    demo_db: str, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    from readiness.domain.verdict_text import explain

    assert main(["compare", "--db", demo_db, "--assessment", "1", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    with open_store(demo_db) as store:
        result = load_result(store, bundled_catalog, 1)
    verdict = result.verdict
    assert verdict is not None
    words = explain(
        verdict,
        bundled_catalog,
        result.market_names(bundled_catalog, "en"),
        result.attractiveness,
        "en",
    )
    printed = document["verdict"]
    assert set(printed) == {
        "recommended",
        "runner_up",
        "margin",
        "worst_margin",
        "swing",
        "decisive",
        "undecided",
        "reason",
        "decision",
        "facts",
        "to_decide",
    }
    assert (printed["recommended"], printed["runner_up"]) == (
        verdict.recommended,
        verdict.runner_up,
    )
    assert printed["margin"] == pytest.approx(verdict.margin, abs=0.005)
    assert printed["worst_margin"] == pytest.approx(verdict.worst_margin, abs=0.005)
    assert printed["swing"] == pytest.approx(verdict.swing, abs=0.005)
    assert printed["decisive"] is verdict.decisive
    assert printed["undecided"] == (verdict.undecided.value if verdict.undecided else None)
    assert (printed["reason"], printed["decision"]) == (words.headline, words.decision)
    if verdict.decisive:
        assert printed["to_decide"] == []
    else:
        assert [q["text"] for q in printed["to_decide"]] == list(words.to_decide)
        assert [(q["item"], q["market"], q["critical"]) for q in printed["to_decide"]] == [
            (q.item_id, q.market, q.critical) for q in verdict.to_decide
        ]
    for row in document["markets"]:
        code = row["code"]
        appeal = result.attractiveness[code]
        assert row["attractiveness"] == (None if appeal.score is None else round(appeal.score, 1))
        assert row["attractiveness_coverage"] == round(appeal.coverage, 3)
        assert row["earliest_entry"] == result.plan.markets[code].earliest_entry.isoformat()
        assert row["confidence"] == round(result.score.markets[code].confidence, 3)


def test_compare_table_prints_the_verdict_and_what_would_decide_it(
    demo_db: str, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    from readiness.domain.verdict_text import explain

    with open_store(demo_db) as store:
        result = load_result(store, bundled_catalog, 1)
    assert result.verdict is not None
    for language in ("en", "zh"):
        assert main(["compare", "--db", demo_db, "--assessment", "1", "--lang", language]) == 0
        out = capsys.readouterr().out
        names = result.market_names(bundled_catalog, language)
        words = explain(result.verdict, bundled_catalog, names, result.attractiveness, language)
        assert words.headline in out and words.decision in out
        asked = "To decide, answer or fix:" if language == "en" else "要做出判断，请回答或解决："
        assert (asked in out) is (not result.verdict.decisive)
        for line in words.to_decide:
            assert f"  - {line}" in out
