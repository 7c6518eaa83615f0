"""Importing a market-facts table: every row saved in one transaction or none, problems
located as file:line, unknown markets kept and named, imports refreshing the bundled facts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog
from readiness.content.documents import ContentError
from readiness.content.facts import COLUMNS, FactKey, FactSource, MarketFact, parse_facts
from readiness.domain.records import MarketChoice
from readiness.services.market_data import (
    export_market_data,
    facts_in_force,
    forget_market_data,
    import_market_data,
)
from readiness.storage.backup import list_backups
from readiness.storage.store import Store

# Rows below leave out the optional Chinese qualifier, as files made before it did.
HEADER = ",".join(c for c in COLUMNS if c != "qualifier_zh")
LPI = "Logistics Performance Index 2023,World Bank,https://lpi.worldbank.org"


def _table(tmp_path: Path, *rows: str, name: str = "facts.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    return path


@pytest.mark.both_backends
def test_a_good_table_is_saved_whole_and_reported(
    store: Store, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    path = _table(
        tmp_path,
        f"IT,lpi_score,2023,3.7,score 1-5,{LPI},2023-04-21,",
        "",
        f'MA,lpi_score,2023,2.5,score 1-5,{LPI},2023-04-21,"Tanger Med, Casablanca"',
        "XK,currency,,EUR,-,ISO 4217 currency codes,SIX Group,,2026-01-01,",
    )
    result = import_market_data(store, path, catalog=bundled_catalog)
    assert (result.rows, result.markets, result.replaced) == (3, ("IT", "MA", "XK"), 0)
    assert result.unknown_markets == ("XK",)
    saved = {fact.market: fact for fact in store.imported_facts()}
    assert saved["MA"].note == "Tanger Med, Casablanca"
    assert all(fact.imported for fact in saved.values())
    again = import_market_data(store, path, catalog=bundled_catalog)
    assert again.replaced == 3 and len(store.imported_facts()) == 3
    if store.path is not None:
        assert {b.reason for b in list_backups(store.path)} == {"before-import"}


def test_a_custom_market_of_an_assessment_is_not_unknown(
    store: Store, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    company = store.create_company("Shiyan Brake Systems")
    assert company.id is not None
    store.create_assessment(
        company.id, "review", "test", [MarketChoice("XK", custom_name="Kosovo", custom_region="eu")]
    )
    path = _table(tmp_path, "XK,currency,,EUR,-,ISO 4217 currency codes,SIX Group,,2026-01-01,")
    assert import_market_data(store, path, catalog=bundled_catalog).unknown_markets == ()


@pytest.mark.both_backends
def test_a_bad_table_saves_nothing_and_names_every_line(
    store: Store, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    good = _table(tmp_path, f"IT,lpi_score,2023,3.7,score 1-5,{LPI},2023-04-21,", name="ok.csv")
    import_market_data(store, good, catalog=bundled_catalog)
    before = store.imported_facts()
    path = _table(
        tmp_path,
        f"DE,lpi_score,2023,4.1,score 1-5,{LPI},2023-04-21,",
        f"MA,lpi_score,2023,9,score 1-5,{LPI},2023-04-21,",
        "TR,currency,,TRY,-,,SIX Group,,2026-01-01,",
        f"GB,lpi_score,2023,3.9,points,{LPI},2023-04-21,",
        name="bad.csv",
    )
    with pytest.raises(ContentError) as refused:
        import_market_data(store, path, catalog=bundled_catalog)
    lines = [str(problem) for problem in refused.value.problems]
    assert [problem.line for problem in refused.value.problems] == [3, 4, 5]
    assert all("bad.csv:" in line for line in lines)
    assert "outside 1 to 5" in lines[0] and "source" in lines[1] and "unit" in lines[2]
    assert store.imported_facts() == before


def test_a_row_the_store_refuses_is_located_too(
    store: Store, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    path = _table(
        tmp_path,
        f"IT,lpi_score,2023,3.7,score 1-5,{LPI},2023-04-21,",
        f"DE,lpi_score,2023\x01,4.1,score 1-5,{LPI},2023-04-21,",
    )
    with pytest.raises(ContentError) as refused:
        import_market_data(store, path, catalog=bundled_catalog)
    (problem,) = refused.value.problems
    assert problem.line == 3 and "qualifier" in problem.message
    assert store.imported_facts() == []


def test_a_missing_or_headless_file_is_refused(
    store: Store, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    with pytest.raises(ContentError, match="cannot read"):
        import_market_data(store, tmp_path / "none.csv", catalog=bundled_catalog)
    headless = tmp_path / "headless.csv"
    headless.write_text("IT,lpi_score\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"headless.csv:1: the first row must be the header"):
        import_market_data(store, headless, catalog=bundled_catalog)


def _bundled(catalog: Catalog, *facts: MarketFact) -> Catalog:
    return dataclasses.replace(catalog, facts={fact.market: (fact,) for fact in facts})


def _lpi(value: str, as_of: dt.date, *, imported: bool) -> MarketFact:
    return MarketFact(
        market="IT",
        fact=FactKey.LPI_SCORE,
        qualifier="2023",
        value=value,
        unit="score 1-5",
        source=FactSource(title="Logistics Performance Index 2023", publisher="World Bank"),
        as_of=as_of,
        imported=imported,
    )


def test_a_newer_import_replaces_the_bundled_value_and_an_older_one_does_not(
    store: Store, bundled_catalog: Catalog
) -> None:
    catalog = _bundled(bundled_catalog, _lpi("3.7", dt.date(2023, 4, 21), imported=False))
    store.import_facts([_lpi("3.8", dt.date(2024, 1, 1), imported=True)])
    (newer,) = facts_in_force(store, catalog)["IT"]
    assert (newer.value, newer.imported) == ("3.8", True)
    store.import_facts([_lpi("3.1", dt.date(2020, 1, 1), imported=True)])
    (kept,) = facts_in_force(store, catalog)["IT"]
    assert (kept.value, kept.imported) == ("3.7", False)


def test_the_export_is_the_facts_in_force_and_imports_back(
    store: Store, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    catalog = _bundled(bundled_catalog, _lpi("3.7", dt.date(2023, 4, 21), imported=False))
    store.import_facts(
        [
            _lpi("3.8", dt.date(2024, 1, 1), imported=True).model_copy(update={"market": "MA"}),
        ]
    )
    text = export_market_data(store, catalog)
    assert text.splitlines()[0] == ",".join(COLUMNS)
    facts = parse_facts(text, tmp_path / "export.csv")
    assert [(f.market, f.value) for f in facts] == [("IT", "3.7"), ("MA", "3.8")]
    assert forget_market_data(store, "MA") == 1
    assert [f.market for f in parse_facts(export_market_data(store, catalog), tmp_path)] == ["IT"]
