"""``readiness compare`` lines its columns up by display width, cuts no name, rounds half up."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import readiness.cli.scores as scores_command
from readiness.cli import main
from readiness.cli.columns import display_width, table
from readiness.domain.results import AssessmentResult

LONG_NAME = "Democratic Socialist Republic of the Far Southern Islands"
LONG_NAME_ZH = "南方远洋群岛民主社会主义共和国"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    location = str(tmp_path / "compare.sqlite3")
    arguments = ["new", "--db", location, "--company", "Acme", "--markets", "IT,MA"]
    arguments += ["--custom-market", f"FS:{LONG_NAME}:asean", "--name-zh", f"FS={LONG_NAME_ZH}"]
    assert main(arguments) == 0
    capsys.readouterr()
    return location


def _score_end(line: str) -> int:
    """Where a row's score (the first number with one decimal) ends."""
    found = re.search(r" (\d+\.\d)(?: |$)", line)
    assert found is not None, line
    return found.end(1)


def _table_lines(out: str) -> list[str]:
    """The matrix: the lines before the first empty one."""
    return out.split("\n\n")[0].splitlines()


def test_display_width_counts_a_chinese_character_as_two_columns() -> None:
    assert display_width("意大利") == 6
    assert display_width("Italy") == 5
    assert display_width("Cafe\u0301") == 4  # the accent combines with the e
    lines = table([["维度", "意大利"], ["OVERALL", "44.0"]], right=[1])
    assert [display_width(line) for line in lines] == [15, 15]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_line_of_the_matrix_ends_in_the_same_column(
    db: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", "--db", db, "--assessment", "1", "--lang", language]) == 0
    lines = _table_lines(capsys.readouterr().out)
    assert len(lines) > 5
    # Every column but the first is right-aligned: equal display widths mean aligned columns.
    assert len({display_width(line) for line in lines}) == 1, "\n".join(lines)


@pytest.mark.parametrize(("language", "name"), [("en", LONG_NAME), ("zh", LONG_NAME_ZH)])
def test_a_long_market_name_is_printed_whole(
    db: str, language: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", "--db", db, "--assessment", "1", "--lang", language]) == 0
    header = _table_lines(capsys.readouterr().out)[0]
    assert header.endswith(name)


def test_a_half_point_is_shown_rounded_up(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = scores_command.load_result

    def halves(*args: object) -> AssessmentResult:
        result = loaded(*args)  # type: ignore[arg-type]
        market = result.score.comparison.markets[0]
        dimension = next(iter(market.dimensions))
        changed = dataclasses.replace(
            market,
            overall=12.25,
            dimensions={
                **market.dimensions,
                dimension: dataclasses.replace(market.dimensions[dimension], score=12.5),
            },
        )
        comparison = dataclasses.replace(
            result.score.comparison, markets=(changed, *result.score.comparison.markets[1:])
        )
        markets = {**result.score.markets, market.code: changed}
        score = dataclasses.replace(result.score, comparison=comparison, markets=markets)
        return dataclasses.replace(result, score=score)

    monkeypatch.setattr(scores_command, "load_result", halves)
    assert main(["compare", "--db", db, "--assessment", "1"]) == 0
    lines = _table_lines(capsys.readouterr().out)
    first_dimension, overall = lines[1].split(), next(x for x in lines if x.startswith("OVERALL"))
    assert first_dimension[-3] == "13"  # the first market's column; Python's round() says 12
    assert overall.split()[1] == "12.3"  # and 12.25 to one decimal is 12.3, not 12.2


@pytest.mark.parametrize(("language", "name"), [("en", LONG_NAME), ("zh", LONG_NAME_ZH)])
def test_the_score_table_prints_a_long_market_name_whole(
    db: str, language: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", "--db", db, "--assessment", "1", "--lang", language]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert any(line.startswith(name + " ") for line in lines)
    # SCORE is right-aligned: every row's score ends in the header's column.
    heading = "SCORE" if language == "en" else "得分"
    end = display_width(lines[0].split(heading)[0]) + display_width(heading)
    assert {display_width(line[: _score_end(line)]) for line in lines[1:]} == {end}


def test_the_portfolio_table_prints_a_long_company_name_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location = str(tmp_path / "firms.sqlite3")
    company = "湖北楚天汽车热管理系统股份有限公司 Hubei Chutian Auto Thermal Systems Co., Ltd."
    assert main(["new", "--db", location, "--company", company, "--markets", "IT"]) == 0
    assert main(["new", "--db", location, "--company", "Acme", "--markets", "IT"]) == 0
    capsys.readouterr()
    # Neither firm answered anything: ranked all the same with no minimum to meet.
    args = ["portfolio", "--db", location, "--market", "IT", "--lang", "zh"]
    assert main([*args, "--min-completeness", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(company in line for line in lines)
    # The score column (right-aligned) ends in the same display column on every row
    # (after the market, the ranking rule and the header).
    ends = {display_width(line[: _score_end(line)]) for line in lines[3:]}
    assert len(ends) == 1


def test_score_in_chinese_heads_its_columns_in_chinese(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", "--db", db, "--assessment", "1", "--lang", "zh"]) == 0
    header = capsys.readouterr().out.splitlines()[1]
    assert header.split() == ["市场", "得分", "可信度", "等级", "已作答", "阻碍项"]
    assert not re.search(r"[A-Z]{3,}", header)
