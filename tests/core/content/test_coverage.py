"""The coverage table in docs/coverage.md and the catalog's citations agree.

Each row of the table paraphrases one piece of a speaker's advice and names
the places that cite the speaker for it. A citation that matches no row is a
speaker credited with something the table does not say they said; a row that
names a place not citing the speaker is a coverage claim that is not true.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog, iter_citations, load_catalog
from readiness.content.model import SeedCitation

DOCS = Path(__file__).resolve().parents[3] / "docs"
STATUSES = {"covered", "partly", "note", "out of scope"}
_ROW = re.compile(r"^\|\s*(\d+)\s*\|(.*)\|\s*$")


@dataclass(frozen=True)
class Row:
    number: int
    seed: str
    speaker: str
    advice: str
    places: tuple[str, ...]
    status: str


def parse_rows(text: str) -> list[Row]:
    """The numbered rows of the coverage table."""
    rows = []
    for line in text.splitlines():
        match = _ROW.match(line)
        if match is None:
            continue
        seed, speaker, advice, places, status = (cell.strip() for cell in match[2].split("|"))
        listed = tuple(p.strip() for p in places.split(",") if p.strip() not in ("", "-"))
        rows.append(Row(int(match[1]), seed, speaker, advice, listed, status))
    return rows


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def coverage_text() -> str:
    return (DOCS / "coverage.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rows(coverage_text: str) -> list[Row]:
    return parse_rows(coverage_text)


def _seed_file(catalog: Catalog, prefix: str) -> str:
    [file] = [name for name in catalog.seeds if name.startswith(f"{prefix}_")]
    return file


def _cited(catalog: Catalog) -> dict[str, set[tuple[str, str]]]:
    """Who each question, market or region cites: place -> {(seed file, speaker)}."""
    cited: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for place, citation in iter_citations(catalog):
        if isinstance(citation, SeedCitation):
            cited[place].add((citation.seed, citation.speaker))
    return cited


def test_rows_are_numbered_in_order_with_a_known_status(rows: list[Row]) -> None:
    assert [row.number for row in rows] == list(range(1, len(rows) + 1))
    assert {row.status for row in rows} <= STATUSES


def test_each_row_names_a_registered_speaker_of_its_seed(catalog: Catalog, rows: list[Row]) -> None:
    wrong = [
        row.number
        for row in rows
        if row.speaker
        not in {speaker.name for speaker in catalog.seeds[_seed_file(catalog, row.seed)].speakers}
    ]
    assert wrong == []


def test_out_of_scope_rows_name_nothing_and_the_others_something(rows: list[Row]) -> None:
    assert [row.number for row in rows if (row.status == "out of scope") == bool(row.places)] == []


def test_every_place_named_in_a_row_cites_that_speaker(catalog: Catalog, rows: list[Row]) -> None:
    cited = _cited(catalog)
    wrong = [
        (row.number, place)
        for row in rows
        for place in row.places
        if (_seed_file(catalog, row.seed), row.speaker) not in cited.get(place, set())
    ]
    assert wrong == []


def test_every_speaker_citation_is_backed_by_a_row(catalog: Catalog, rows: list[Row]) -> None:
    backed = {
        (place, _seed_file(catalog, row.seed), row.speaker) for row in rows for place in row.places
    }
    unbacked = sorted(
        (place, speaker)
        for place, pairs in _cited(catalog).items()
        for seed, speaker in pairs
        if (place, seed, speaker) not in backed
    )
    assert unbacked == []


def test_every_registered_speaker_is_accounted_for(catalog: Catalog, coverage_text: str) -> None:
    missing = [
        speaker.name
        for seed in catalog.seeds.values()
        for speaker in seed.speakers
        if speaker.name not in coverage_text
    ]
    assert missing == []


def test_the_totals_match_the_rows(rows: list[Row], coverage_text: str) -> None:
    totals = next(line for line in coverage_text.split("\n\n") if line.startswith("**Totals:**"))
    totals = " ".join(totals.split())
    counts = {status: sum(row.status == status for row in rows) for status in STATUSES}
    assert f"{len(rows)} pieces of advice" in totals
    assert f"{counts['covered']} covered" in totals
    assert f"{counts['partly']} partly" in totals
    assert f"{counts['out of scope']} out of scope" in totals


def test_out_of_scope_advice_has_its_reason_in_the_authoring_guide(rows: list[Row]) -> None:
    guide = (DOCS / "content-authoring.md").read_text(encoding="utf-8")
    section = guide.split("## Advice deliberately left out", 1)[1].split("\n## ", 1)[0]
    missing = [
        row.number
        for row in rows
        if row.status in ("out of scope", "partly") and f"row {row.number}" not in section
    ]
    assert missing == []


# Citations a review of the seeds found wrong (issue 15): the speaker never
# said what the question asks. They must not come back.
WRONG_CITATIONS = [
    ("TALE-001", "Shen Xiaojie"),
    ("AFTS-002", "Jiang Yongxing"),
    ("AFTS-004", "Yang Rongguang"),
    ("AFTS-004", "Li Peng"),
    ("AFTS-009", "Tian Jianjun"),
    ("CERT-016", "China EV100"),
    ("COMP-007", "Hong Xiaoli"),
    ("COMP-013", "Hong Xiaoli"),
    ("LOCA-010", "Wang Yifei"),
    ("LOCA-011", "David"),
    ("QUAL-004", "Guo Xuhao"),
]


@pytest.mark.parametrize(("place", "speaker"), WRONG_CITATIONS)
def test_a_citation_found_wrong_stays_gone(catalog: Catalog, place: str, speaker: str) -> None:
    assert speaker not in {name for _, name in _cited(catalog).get(place, set())}


def test_delegation_question_stays_retired(catalog: Catalog) -> None:
    # TALE-007 (decisions delegated abroad) had no speaker and no public rule behind it.
    assert "TALE-007" not in catalog.all_items
