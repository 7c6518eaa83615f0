"""Market facts tables: every figure sourced and dated, every problem located as file:line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.content.catalog import load_catalog
from readiness.content.documents import ContentError
from readiness.content.facts import (
    COLUMNS,
    FactKey,
    FactSource,
    MarketFact,
    overlay,
    parse_facts,
    write_facts,
)

FULL_HEADER = ",".join(COLUMNS)
# Most rows below are written without the Chinese qualifier: files made before it
# existed still read.
HEADER = ",".join(column for column in COLUMNS if column != "qualifier_zh")
TODAY = dt.date(2026, 12, 7)
WHERE = Path("facts.csv")
GOOD = (
    "IT,lpi_score,2023,3.7,score 1-5,Logistics Performance Index 2023,World Bank,"
    "lpi.worldbank.org,2023-04-21,"
)


def problems(*rows: str, header: str = HEADER) -> list[str]:
    with pytest.raises(ContentError) as caught:
        parse_facts("\n".join((header, *rows)), WHERE, today=TODAY)
    return [str(problem) for problem in caught.value.problems]


def test_a_good_row_is_read_with_its_source_and_date() -> None:
    (fact,) = parse_facts(f"{HEADER}\n{GOOD}\n", WHERE, today=TODAY)
    assert fact.fact is FactKey.LPI_SCORE
    assert fact.number == 3.7
    assert fact.as_of == dt.date(2023, 4, 21)
    assert fact.source.text() == (
        "Logistics Performance Index 2023 (World Bank), lpi.worldbank.org"
    )


def test_a_fact_without_source_or_date_is_refused_at_its_line() -> None:
    found = problems(
        GOOD,
        "IT,currency,,EUR,-,,ISO,,2025-03-31,",
        "IT,drive_side,,right,-,A list,A publisher,,,",
    )
    assert found == [
        "facts.csv:3: source_title: every fact needs its source and as_of date",
        "facts.csv:4: as_of: every fact needs its source and as_of date",
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("IT,lpi_score,2023,3.7,points,T,P,,2023-04-21,", "unit must be 'score 1-5', not 'points'"),
        ("IT,lpi_score,2023,7,score 1-5,T,P,,2023-04-21,", "value 7 is outside 1 to 5"),
        ("IT,lpi_score,2023,high,score 1-5,T,P,,2023-04-21,", "value 'high' is not a number"),
        ("IT,lpi_score,,3.7,score 1-5,T,P,,2023-04-21,", "the qualifier (the edition) is required"),
        ("IT,duty_pref_8703,,0,%,T,P,,2023-04-21,", "the qualifier (the agreement) is required"),
        ("IT,drive_side,,middle,-,T,P,,2023-04-21,", "value must be right or left"),
        ("IT,unece_1958,,maybe,-,T,P,,2023-04-21,", "value must be yes or no"),
        ("IT,currency,,euro,-,T,P,,2023-04-21,", "ISO 4217 code"),
        ("IT,lpi_score,2023,3.7,score 1-5,T,P,,2027-01-01,", "as_of 2027-01-01 is in the future"),
        ("IT,beauty,,3,-,T,P,,2023-04-21,", "unknown fact 'beauty'"),
        ("Italy,currency,,EUR,-,T,P,,2023-04-21,", "market:"),
        ("IT,currency,,EUR,-,T,P,2023-04-21,", "9 columns, expected 10"),
    ],
)
def test_each_bad_value_is_named_at_its_line(row: str, message: str) -> None:
    (found,) = problems(row)
    assert found.startswith("facts.csv:2: ")
    assert message in found


def test_a_wrong_header_is_refused_at_line_1() -> None:
    assert problems(GOOD, header="market,fact,value") == [
        f"facts.csv:1: the first row must be the header {FULL_HEADER}"
    ]


def test_a_qualifier_in_chinese_is_read_and_written_back() -> None:
    row = (
        "LA,transit_days,Kunming (China-Laos Railway),昆明（中老铁路）,1.1,days,"
        "Rail timetable,Railway,,2025-01-31,"
    )
    (fact,) = parse_facts(f"{FULL_HEADER}\n{row}\n", WHERE, today=TODAY)
    assert fact.qualifier_in("en") == "Kunming (China-Laos Railway)"
    assert fact.qualifier_in("zh") == "昆明（中老铁路）"
    assert parse_facts(write_facts([fact]), WHERE, today=TODAY) == [fact]


def test_a_qualifier_without_chinese_reads_the_same_in_both_languages() -> None:
    (fact,) = parse_facts(f"{HEADER}\n{GOOD}\n", WHERE, today=TODAY)
    assert fact.qualifier_in("zh") == fact.qualifier_in("en") == "2023"


def test_a_chinese_qualifier_needs_the_qualifier_itself() -> None:
    (found,) = problems("IT,currency,,欧元,EUR,-,T,P,,2023-04-21,", header=FULL_HEADER)
    assert found == "facts.csv:2: currency: qualifier_zh is given but the qualifier is empty"


def test_bundled_facts_name_their_places_and_firms_in_chinese_too(tmp_path: Path) -> None:
    for facts in load_catalog().facts.values():
        for fact in facts:
            if any(c.isascii() and c.isalpha() for c in fact.qualifier):
                assert fact.qualifier_zh, fact.key
    root = Path(__file__).resolve().parents[3] / "checklists"
    shutil.copytree(root, tmp_path / "checklists")
    table = tmp_path / "checklists" / "facts" / "extra.csv"
    table.write_text(
        f"{HEADER}\nIT,transit_days,Genoa,40,days,T,P,,2023-04-21,\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_catalog(tmp_path / "checklists")
    assert any(
        "IT transit_days 'Genoa': give qualifier_zh" in str(p) for p in caught.value.problems
    )


def test_a_value_given_twice_is_refused_with_both_lines() -> None:
    (found,) = problems(GOOD, GOOD)
    assert found == "facts.csv:3: IT lpi_score '2023' is already given on line 2"


def test_byte_order_mark_blank_lines_and_quoted_commas_are_read() -> None:
    text = (
        f"\ufeff{HEADER}\n\n"
        'IT,fta_china,,none,-,"China\'s FTAs, a list",MOFCOM,,2025-01-31,"none, as listed"\n'
    )
    (fact,) = parse_facts(text, WHERE, today=TODAY)
    assert fact.source.title == "China's FTAs, a list"
    assert fact.note == "none, as listed"


def test_the_bundled_tables_load_with_the_catalog() -> None:
    catalog = load_catalog()
    for code, facts in catalog.facts.items():
        assert code in catalog.markets
        assert all(f.source.title and f.source.publisher and f.as_of for f in facts)


def test_facts_for_a_market_the_catalog_does_not_know_are_refused(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[3] / "checklists"
    shutil.copytree(root, tmp_path / "checklists")
    table = tmp_path / "checklists" / "facts" / "extra.csv"
    table.parent.mkdir(exist_ok=True)
    table.write_text(f"{HEADER}\nQQ,currency,,EUR,-,T,P,,2023-04-21,\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog(tmp_path / "checklists")
    assert any("facts for 'QQ', not a catalog market" in str(p) for p in caught.value.problems)


def _fact(value: str, as_of: dt.date, imported: bool) -> MarketFact:
    return MarketFact(
        market="IT",
        fact=FactKey.LPI_SCORE,
        qualifier="2023",
        value=value,
        unit="score 1-5",
        source=FactSource(title="T", publisher="P"),
        as_of=as_of,
        imported=imported,
    )


def test_an_imported_value_replaces_the_bundled_one_unless_older() -> None:
    bundled = _fact("3.7", dt.date(2023, 4, 21), imported=False)
    newer = _fact("3.8", dt.date(2024, 1, 1), imported=True)
    older = _fact("3.5", dt.date(2020, 1, 1), imported=True)
    assert overlay([bundled], [newer]) == [newer]
    assert overlay([bundled], [older]) == [bundled]


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda t: t.strip() == t and t)


@given(texts, texts, texts, st.dates(dt.date(1990, 1, 1), TODAY), st.floats(1, 5))
def test_written_facts_read_back_the_same(
    title: str, publisher: str, note: str, as_of: dt.date, lpi: float
) -> None:
    fact = MarketFact(
        market="IT",
        fact=FactKey.LPI_SCORE,
        qualifier="2023",
        value=f"{lpi:.2f}",
        unit="score 1-5",
        source=FactSource(title=title, publisher=publisher, reference=note),
        as_of=as_of,
        note=note,
    )
    assert parse_facts(write_facts([fact]), WHERE, today=TODAY) == [fact]
