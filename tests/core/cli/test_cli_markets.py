"""``readiness markets``, ``weights`` and ``market-data``: every market with its appeal,
facts, sources, dates and gaps; imports all or nothing with every bad line named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.content.catalog import load_catalog
from readiness.content.facts import COLUMNS
from readiness.services.market_data import MarketsOverview, facts_in_force, markets_overview
from readiness.storage.opening import open_store

# Fixture rows: the figures are made up for the tests and say so in their source. Italy's
# LPI row is newer than the bundled one (it replaces it); its currency row is older (the
# bundled one stays); the Philippines are no catalog market, with two facts only.
SOURCE = "Test table,Test publisher,test-1"
ROWS = (
    f"IT,lpi_score,2023,3.9,score 1-5,{SOURCE},2026-12-01,",
    f"IT,currency,,EUR,-,{SOURCE},2000-01-01,",
    f"PH,currency,,PHP,-,{SOURCE},2026-01-05,",
    f"PH,lpi_score,2023,2.5,score 1-5,{SOURCE},2023-04-21,",
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _table(folder: Path, *rows: str, name: str = "facts.csv") -> Path:
    path = folder / name
    header = ",".join(c for c in COLUMNS if c != "qualifier_zh")  # the optional column left out
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], store_location: str) -> str:
    assert run(capsys, "demo", "--db", store_location)[0] == 0
    return store_location


@pytest.fixture
def with_facts(capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path) -> str:
    code, out, err = run(
        capsys, "market-data", "import", str(_table(tmp_path, *ROWS)), "--db", demo
    )
    assert code == 0
    assert out == "saved 4 facts for 2 markets (IT, PH); 0 replaced facts imported before\n"
    assert err.startswith("readiness: warning: PH: neither a catalog market nor a custom market")
    return demo


def _overview(db: str, assessment: int | None = None) -> MarketsOverview:
    with open_store(db) as store:
        return markets_overview(store, load_catalog(), assessment)


@pytest.mark.both_backends
def test_markets_json_lists_every_market_with_facts_sources_dates_and_gaps(
    capsys: pytest.CaptureFixture[str], with_facts: str
) -> None:
    code, out, _ = run(capsys, "markets", "--db", with_facts, "--json")
    assert code == 0
    document = json.loads(out)
    assert document["assessment"] is None and document["products"] == []
    assert document["weights"]["size"] == 25.0
    markets = {m["code"]: m for m in document["markets"]}
    engine = {m.code: m for m in _overview(with_facts).markets}
    assert list(markets) == list(engine) == list(load_catalog().markets)
    for code, market in engine.items():
        printed, appeal = markets[code], market.attractiveness
        assert printed["attractiveness"] == (
            None if appeal.score is None else round(appeal.score, 1)
        )
        assert printed["coverage"] == round(appeal.coverage, 3)
        assert [g["factor"] for g in printed["gaps"]] == [f.value for f in appeal.missing]
        assert len(printed["facts"]) == len(appeal.facts)
        assert printed["oldest_as_of"] == (appeal.oldest.isoformat() if appeal.oldest else None)
        assert (printed["no_score_reason"] is None) is (appeal.score is not None)
        assert set(printed["factors"]) == {
            "size",
            "growth",
            "access",
            "logistics",
            "distance",
            "risk",
        }
    italy = markets["IT"]
    assert italy["name"] == {"en": "Italy", "zh": "意大利"} and italy["regions"] == ["eu"]
    assert italy["custom"] is False
    lpi = next(f for f in italy["facts"] if f["fact"] == "lpi_score")
    assert lpi == {
        "fact": "lpi_score",
        "label": "Logistics Performance Index (World Bank)",
        "qualifier": "2023",
        "qualifier_zh": "",
        "value": "3.9",
        "unit": "score 1-5",
        "source": "Test table (Test publisher), test-1",
        "source_title": "Test table",
        "source_publisher": "Test publisher",
        "source_reference": "test-1",
        "as_of": "2026-12-01",
        "imported": True,
        "note": "",
    }
    currency = next(f for f in italy["facts"] if f["fact"] == "currency")
    assert currency["imported"] is False and currency["as_of"] != "2000-01-01"
    assert "PH" not in markets  # a custom market is listed only with its assessment


def test_markets_table_has_one_line_per_market(
    capsys: pytest.CaptureFixture[str], with_facts: str
) -> None:
    code, out, _ = run(capsys, "markets", "--db", with_facts)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "CODE",
        "MARKET",
        "ATTRACT.",
        "COVERAGE",
        "FACTS",
        "OLDEST",
        "AS",
        "OF",
    ]
    rows = {line.split()[0]: line for line in lines[1:]}
    engine = _overview(with_facts).markets
    assert list(rows) == [m.code for m in engine]
    for market in engine:
        appeal = market.attractiveness
        oldest = appeal.oldest.isoformat() if appeal.oldest else "-"
        assert rows[market.code].split()[-3:] == [
            f"{appeal.coverage:.0%}",
            str(len(appeal.facts)),
            oldest,
        ]
        shown = "no data" if appeal.score is None else f"{appeal.score:.0f}"
        assert f" {shown} " in rows[market.code]
    code, out, _ = run(capsys, "markets", "--db", with_facts, "--lang", "zh")
    assert "意大利" in out and "代码" in out


@pytest.mark.both_backends
def test_markets_for_an_assessment_use_its_weights_products_and_custom_markets(
    capsys: pytest.CaptureFixture[str], store_location: str, tmp_path: Path
) -> None:
    created = run(
        capsys,
        "new",
        "--db",
        store_location,
        "--company",
        "Acme",
        "--markets",
        "IT",
        "--custom-market",
        "PH:Philippines:asean",
        "--name-zh",
        "PH=菲律宾",
    )
    assert created[0] == 0
    run(capsys, "market-data", "import", str(_table(tmp_path, *ROWS)), "--db", store_location)
    run(capsys, "profile", "--db", store_location, "--assessment", "1", "--product", "parts")
    code, out, _ = run(capsys, "markets", "--db", store_location, "--assessment", "1", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["assessment"] == 1 and document["products"] == ["parts"]
    philippines = document["markets"][-1]
    assert philippines["code"] == "PH" and philippines["custom"] is True
    assert philippines["name"] == {"en": "Philippines", "zh": "菲律宾"}
    assert philippines["regions"] == ["asean"]
    # Two facts only: no score, the reason and every factor without data named.
    assert philippines["attractiveness"] is None
    assert philippines["no_score_reason"] == "facts cover 10% of the weight (at least 50% needed)"
    assert [g["factor"] for g in philippines["gaps"]] == [
        "size",
        "growth",
        "access",
        "distance",
        "risk",
    ]
    assert philippines["gaps"][0]["label"] == "Market size"
    assert philippines["oldest_as_of"] == "2023-04-21"
    assert all(f["imported"] for f in philippines["facts"]) and len(philippines["facts"]) == 2
    italy = next(m for m in document["markets"] if m["code"] == "IT")
    assert [d["product"] for d in italy["duties"]] == ["parts"]
    weights = ("weights", "--db", store_location, "--assessment", "1", "--set", "size=0")
    assert run(capsys, *weights)[0] == 0
    code, out, _ = run(capsys, "markets", "--db", store_location, "--assessment", "1", "--json")
    document = json.loads(out)
    assert document["weights"]["size"] == 0.0
    italy = next(m for m in document["markets"] if m["code"] == "IT")
    assert italy["factors"]["size"]["weight"] == 0.0
    zh = run(capsys, "markets", "--db", store_location, "--assessment", "1", "--lang", "zh")
    assert "菲律宾" in zh[1] and "无数据" in zh[1]


@pytest.mark.both_backends
def test_a_bad_table_prints_every_line_and_saves_nothing(
    capsys: pytest.CaptureFixture[str], with_facts: str, tmp_path: Path
) -> None:
    path = _table(
        tmp_path,
        f"DE,lpi_score,2023,4.1,score 1-5,{SOURCE},2023-04-21,",
        f"IT,lpi_score,2023,9,score 1-5,{SOURCE},2023-04-21,",
        "TR,currency,,TRY,-,,Test publisher,,2026-01-01,",
        f"FR,drive_side,,middle,-,{SOURCE},2026-01-01,",
        name="bad.csv",
    )
    code, out, err = run(capsys, "market-data", "import", str(path), "--db", with_facts)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in lines[:3]] == ["3", "4", "5"]
    assert all("bad.csv:" in line for line in lines[:3])
    assert lines[-1] == f"readiness: error: 3 problem(s) in {path}; nothing was saved"
    with open_store(with_facts) as store:
        facts = store.imported_facts()
    assert len(facts) == 4 and {f.market for f in facts} == {"IT", "PH"}


def test_an_import_of_an_unknown_market_warns_and_saves(
    capsys: pytest.CaptureFixture[str], demo: str, tmp_path: Path
) -> None:
    path = _table(tmp_path, f"XK,currency,,EUR,-,{SOURCE},2026-01-01,")
    code, out, err = run(capsys, "market-data", "import", str(path), "--db", demo)
    assert code == 0 and out.startswith("saved 1 facts for 1 markets (XK)")
    assert err.startswith("readiness: warning: XK: neither a catalog market")
    with open_store(demo) as store:
        assert [f.market for f in store.imported_facts()] == ["XK"]


def test_export_forget_and_import_the_export_again(
    capsys: pytest.CaptureFixture[str], with_facts: str, tmp_path: Path
) -> None:
    with open_store(with_facts) as store:
        in_force = sum(len(f) for f in facts_in_force(store, load_catalog()).values())
    bundled = sum(len(f) for f in load_catalog().facts.values())
    assert in_force == bundled + 2  # Italy's rows replace or lose to bundled ones
    code, out, _ = run(capsys, "market-data", "export", "--db", with_facts)
    assert code == 0
    assert out.splitlines()[0] == ",".join(COLUMNS)
    target = tmp_path / "out.csv"
    code, out, _ = run(capsys, "market-data", "export", "--db", with_facts, "--out", str(target))
    assert (code, out) == (0, f"wrote {in_force} facts to {target}\n")
    code, out, _ = run(capsys, "market-data", "forget", "--market", "ph", "--db", with_facts)
    assert (code, out) == (0, "forgot 2 imported facts of PH; the bundled facts apply again\n")
    code, out, _ = run(capsys, "market-data", "forget", "--db", with_facts)
    assert out.startswith("forgot 2 imported facts;")
    assert run(capsys, "market-data", "forget", "--market", "../x", "--db", with_facts)[0] == 1
    # The export is a valid import: every fact in force, bundled ones included.
    code, out, err = run(capsys, "market-data", "import", str(target), "--db", with_facts)
    assert code == 0, err
    assert out.startswith(f"saved {in_force} facts for ")
    assert out.endswith("; 0 replaced facts imported before\n")


@pytest.mark.both_backends
def test_weights_show_set_refuse_and_reset(capsys: pytest.CaptureFixture[str], demo: str) -> None:
    code, out, _ = run(capsys, "weights", "--db", demo, "--assessment", "1")
    assert code == 0 and out.splitlines()[0] == "assessment 1: default weights"
    assert "Market size" in out
    code, out, _ = run(
        capsys, "weights", "--db", demo, "--assessment", "1", "--set", "size=40", "risk=0", "--json"
    )
    document = json.loads(out)
    assert document["default"] is False
    assert document["weights"] == {
        "size": 40.0,
        "growth": 10.0,
        "access": 25.0,
        "logistics": 10.0,
        "distance": 10.0,
        "risk": 0.0,
    }
    for bad, message in (
        ("size=400", "between 0 and 100"),
        ("beauty=1", "unknown factor"),
        ("size=many", "as a number"),
        ("size=nan", "between 0 and 100"),
    ):
        code, _, err = run(capsys, "weights", "--db", demo, "--assessment", "1", "--set", bad)
        assert code == 1 and message in err and len(err.splitlines()) == 1
    with open_store(demo) as store:
        assert dict(store.assessment(1).attractiveness_weights)["size"] == 40.0
    code, out, _ = run(capsys, "weights", "--db", demo, "--assessment", "1", "--reset", "--json")
    assert json.loads(out)["default"] is True
    with open_store(demo) as store:
        assert store.assessment(1).attractiveness_weights == ()
    refused = run(capsys, "weights", "--db", demo, "--assessment", "1", "--read-only", "--reset")
    assert refused[0] == 1 and "--read-only" in refused[2]


def test_a_chinese_name_needs_its_custom_market(
    capsys: pytest.CaptureFixture[str], store_location: str
) -> None:
    base = ("new", "--db", store_location, "--company", "Acme")
    two = ("--custom-market", "XK:Kosovo:eu", "--custom-market", "PH:Philippines:asean")
    code, _, err = run(capsys, *base, *two, "--name-zh", "菲律宾")
    assert code == 1 and "say which custom market" in err
    code, _, err = run(capsys, *base, *two, "--name-zh", "TH=泰国")
    assert code == 1 and "TH is not one of the --custom-market codes" in err
    assert run(capsys, *base, *two, "--name-zh", "PH=菲律宾")[0] == 0
    with open_store(store_location) as store:
        markets = store.markets(1)
    assert [(m.market_code, m.custom_name_zh) for m in markets] == [("XK", None), ("PH", "菲律宾")]
