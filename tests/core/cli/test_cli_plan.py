"""``readiness plan``: the plan every view shows, for people and for scripts."""

from __future__ import annotations

import json

import pytest

from readiness.cli import main
from readiness.content.catalog import Catalog
from readiness.services.results import load_result
from readiness.storage.opening import open_store


@pytest.fixture
def demo_db(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path) + "/plan.db"  # type: ignore[operator]
    assert main(["demo", "--db", db]) == 0
    capsys.readouterr()
    return db


def test_the_json_plan_is_the_engines_plan(
    demo_db: str, capsys: pytest.CaptureFixture[str], bundled_catalog: Catalog
) -> None:
    assert main(["plan", "--db", demo_db, "--assessment", "1", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    with open_store(demo_db) as store:
        plan = load_result(store, bundled_catalog, 1).plan
    assert [a["item"] for a in document["actions"]] == [a.item.id for a in plan.actions]
    first = document["actions"][0]
    assert set(first) >= {
        "item", "markets", "rank", "start", "due", "lead_time_weeks", "prerequisites",
        "critical", "slack_days", "effort", "cost", "owner", "status",
    }  # fmt: skip
    for action in document["actions"]:
        assert action["start"] <= action["due"]
    for code, market in plan.markets.items():
        printed = document["markets"][code]
        assert printed["earliest_realistic_entry"] == market.earliest_entry.isoformat()
        planned = market.planned_entry
        assert printed["planned_entry"] == (planned.isoformat() if planned else None)
        assert printed["budget"]["currency"] == "CNY"
    assert document["entry_sequence"] == list(plan.entry_sequence)


def test_one_market_keeps_only_its_actions(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "--db", demo_db, "--assessment", "1", "--market", "LA", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["actions"]
    assert all("LA" in action["markets"] for action in document["actions"])


def test_the_table_leads_with_each_markets_entry_dates(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "--db", demo_db, "--assessment", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "planned / earliest realistic entry" in lines[1]
    assert any(line.startswith("Budget (CNY)") for line in lines)


def test_the_table_in_chinese(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--db", demo_db, "--assessment", "1", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "计划 / 最早可行进入" in out and "预算（CNY）" in out


def test_a_market_not_in_the_assessment_is_a_clear_error(
    demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "--db", demo_db, "--assessment", "1", "--market", "FR"]) == 1
    assert "has no target market 'FR' (its markets: IT, MA, LA)" in capsys.readouterr().err


def test_a_reader_that_stops_early_is_no_error(demo_db: str) -> None:
    import subprocess
    import sys

    # The JSON plan is larger than a pipe holds, so the writer meets the closed end.
    command = [sys.executable, "-m", "readiness", "plan", "--db", demo_db, "--assessment", "1"]
    with subprocess.Popen(
        [*command, "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as `readiness plan --json | head -1` does
        errors = process.stderr.read()
        assert process.wait(timeout=60) == 0
    assert first == b"{\n" and errors == b""
