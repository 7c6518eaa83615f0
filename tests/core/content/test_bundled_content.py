"""The bundled content: complete, traceable to its speakers, and in our own words."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from readiness.assets import asset_dir
from readiness.cli import main
from readiness.content.catalog import Catalog, content_files, iter_citations, load_catalog
from readiness.content.model import REQUIRED_DIMENSIONS, ReferenceCitation, SeedCitation

SEEDS_DIR = Path(__file__).resolve().parents[4] / "shared" / "seeds"
CORE_SIX = REQUIRED_DIMENSIONS[:6]
EXTRA_THREE = REQUIRED_DIMENSIONS[6:]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed texts not found at {SEEDS_DIR}")
    return {path.name: path.read_text(encoding="utf-8") for path in SEEDS_DIR.glob("*.txt")}


def test_at_least_80_questions(catalog: Catalog) -> None:
    assert len(catalog.all_items) >= 80


@pytest.mark.parametrize("dimension", CORE_SIX)
def test_each_required_dimension_has_8_questions(catalog: Catalog, dimension: str) -> None:
    count = sum(item.dimension == dimension for item in catalog.all_items.values())
    assert count >= 8


@pytest.mark.parametrize("dimension", EXTRA_THREE)
def test_each_extra_dimension_has_4_questions(catalog: Catalog, dimension: str) -> None:
    count = sum(item.dimension == dimension for item in catalog.all_items.values())
    assert count >= 4


def test_the_four_markets_and_five_regions_exist(catalog: Catalog) -> None:
    assert {"IT", "ES-CT", "MA", "LA"} <= set(catalog.markets)
    assert {"eu", "asean", "africa", "middle_east", "latam"} <= set(catalog.regions)


def test_every_market_has_its_own_questions(catalog: Catalog) -> None:
    for code in ("IT", "ES-CT", "MA", "LA"):
        assert catalog.markets[code].extra_items, code


@pytest.mark.parametrize(
    ("code", "figures"),
    [
        ("IT", ["20 million"]),
        ("ES-CT", ["20%", "500,000", "40%", "250,000", "85%"]),
        ("MA", ["(1|one) million", "2030"]),
    ],
)
def test_seed_incentive_figures_are_kept(catalog: Catalog, code: str, figures: list[str]) -> None:
    market = catalog.markets[code]
    text = " ".join(
        part.en
        for incentive in market.incentives
        for part in (incentive.programme, incentive.benefit, incentive.threshold)
        if part is not None
    ) + " ".join(note.text.en for note in market.notes)
    text = text.replace("\u00a0", " ")
    missing = [figure for figure in figures if not re.search(figure, text)]
    assert missing == []


def test_every_cited_speaker_occurs_in_the_cited_seed(
    catalog: Catalog, seed_texts: dict[str, str]
) -> None:
    wrong = {
        (owner, citation.seed, citation.speaker)
        for owner, citation in iter_citations(catalog)
        if isinstance(citation, SeedCitation)
        and citation.speaker not in seed_texts.get(citation.seed, "")
    }
    assert wrong == set()


def test_every_registered_speaker_occurs_in_their_seed(
    catalog: Catalog, seed_texts: dict[str, str]
) -> None:
    assert set(catalog.seeds) == set(seed_texts)
    wrong = [
        (seed.file, speaker.name)
        for seed in catalog.seeds.values()
        for speaker in seed.speakers
        if speaker.name not in seed_texts[seed.file]
    ]
    assert wrong == []


def test_every_seed_text_is_drawn_on(catalog: Catalog) -> None:
    cited = {c.seed for _, c in iter_citations(catalog) if isinstance(c, SeedCitation)}
    assert cited == set(catalog.seeds)


def test_every_questions_cites_a_speaker_or_a_public_document(catalog: Catalog) -> None:
    assert all(item.sources for item in catalog.all_items.values())


@pytest.mark.parametrize(
    ("topic", "references"),
    [
        ("HS classification and tariff", {"REF-HS", "REF-EU-TARIC"}),
        ("rules of origin", {"REF-EU-ORIGIN", "REF-RCEP", "REF-ACFTA", "REF-EU-MA-AA"}),
        ("Incoterms", {"REF-INCOTERMS"}),
        ("payment terms", {"REF-UCP600"}),
        ("export credit insurance", {"REF-SINOSURE"}),
        ("currency risk", {"REF-SAFE-FX"}),
        ("trademark", {"REF-WIPO-MADRID"}),
        ("patent", {"REF-WIPO-PCT"}),
        ("product liability and recall", {"REF-EU-PLD", "REF-EU-GPSR"}),
        ("export control", {"REF-CN-EXPORT-CONTROL"}),
        ("sanctions screening", {"REF-EU-SANCTIONS", "REF-OFAC-SDN"}),
        ("CBAM", {"REF-EU-CBAM"}),
        ("China's export licence for pure-electric cars", {"REF-CN-BEV-EXPORT-LICENCE"}),
        ("forced labour and supply-chain due diligence", {"REF-EU-FORCED-LABOUR", "REF-EU-CSDDD"}),
        ("connected-product data", {"REF-EU-DATA-ACT"}),
        ("data export from China", {"REF-CN-PIPL", "REF-CN-DATA-EXPORT", "REF-CN-AUTO-DATA"}),
        ("EORI", {"REF-EU-EORI"}),
        ("governing law and arbitration", {"REF-NY-CONVENTION", "REF-CISG"}),
        ("transfer pricing", {"REF-OECD-TPG"}),
        ("vehicle general safety", {"REF-EU-GSR"}),
        ("Euro 7", {"REF-EU-EURO7"}),
        ("eCall", {"REF-EU-ECALL"}),
    ],
)
def test_exporter_fundamentals_are_asked(
    catalog: Catalog, topic: str, references: set[str]
) -> None:
    cited = {
        citation.reference
        for item in catalog.all_items.values()
        for citation in item.sources
        if isinstance(citation, ReferenceCitation)
    }
    assert cited & references, f"no question on {topic}"


def test_every_reference_comes_up_for_review_within_about_a_year(catalog: Catalog) -> None:
    too_late = [
        ref.id for ref in catalog.references.values() if (ref.review_by - ref.as_of).days > 366
    ]
    assert too_late == []


def _shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_no_eight_word_run_is_copied_from_a_seed(
    catalog: Catalog, seed_texts: dict[str, str]
) -> None:
    seed_runs = set().union(*(_shingles(text) for text in seed_texts.values()))
    copied = {}
    for item in catalog.all_items.values():
        for text in (item.text, item.guidance, item.action):
            overlap = _shingles(text.en) & seed_runs
            if overlap:
                copied[item.id] = " ".join(next(iter(overlap)))
    assert copied == {}


def test_bundled_file_names_are_unique() -> None:
    names = Counter(path.name for path in content_files(asset_dir("checklists")))
    assert [name for name, count in names.items() if count > 1] == []


def test_question_text_is_unique(catalog: Catalog) -> None:
    texts = Counter(item.text.en for item in catalog.all_items.values())
    assert [text for text, count in texts.items() if count > 1] == []


def test_catalog_json_for_scripts(capsys: pytest.CaptureFixture[str], catalog: Catalog) -> None:
    assert main(["catalog", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in document["dimensions"]] == list(catalog.dimensions)
    assert len(document["items"]) == len(catalog.all_items)
    first = document["items"][0]
    assert set(first) >= {
        "id",
        "dimension",
        "scope",
        "critical",
        "weight",
        "lead_time_weeks",
        "applies_to",
        "source_speakers",
    }
    assert {m["code"] for m in document["markets"]} >= {"IT", "ES-CT", "MA", "LA"}
    assert all(set(m) >= {"code", "name", "regions"} for m in document["markets"])


def test_validate_prints_a_one_line_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert out[0].startswith("valid: catalog ")
