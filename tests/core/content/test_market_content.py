"""The market and region profiles: dated, fairly worded, and true to the rules they cite."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from readiness.content.catalog import Catalog, load_catalog
from readiness.content.model import Item, ReferenceCitation, ScaleKind

CHECKLISTS = Path(__file__).resolve().parents[3] / "checklists"
MARKETS = tuple(sorted(load_catalog().markets))
LEADING = ("rather than", "而非", "而不是")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _market_items(catalog: Catalog) -> list[Item]:
    return [item for code in MARKETS for item in catalog.markets[code].extra_items]


def _references(catalog: Catalog, place: object) -> set[str]:
    sources = getattr(place, "sources", [])
    return {c.reference for c in sources if isinstance(c, ReferenceCitation)}


@pytest.mark.parametrize("code", MARKETS)
def test_every_incentive_says_when_it_was_checked(catalog: Catalog, code: str) -> None:
    undated = [i.programme.en for i in catalog.markets[code].incentives if i.as_of is None]
    assert undated == []


def test_market_questions_have_their_own_level_labels(catalog: Catalog) -> None:
    generic = [
        item.id
        for item in _market_items(catalog)
        if item.scale is ScaleKind.MATURITY and item.levels is None
    ]
    assert generic == []


def test_market_questions_do_not_lead_the_answer(catalog: Catalog) -> None:
    leading = [
        item.id
        for item in _market_items(catalog)
        for text in (item.text.en, item.text.zh, item.guidance.en, item.guidance.zh)
        if any(phrase in text for phrase in LEADING)
    ]
    assert leading == []


def test_split_market_questions_are_retired(catalog: Catalog) -> None:
    # XITA-001 asked about Development Contracts and regional incentives at once,
    # XCAT-002 about a Catalan grant and a national loan at once; never reused.
    assert {"XITA-001", "XCAT-002"}.isdisjoint(catalog.all_items)
    assert {"XITA-010", "XITA-011", "XCAT-010", "XCAT-011"} <= set(catalog.all_items)


def test_market_guidance_uses_the_level_4_wording(catalog: Catalog) -> None:
    old = [item.id for item in _market_items(catalog) if "做到“已验证”是指" in item.guidance.zh]
    assert old == []


def test_market_references_carry_check_and_review_dates() -> None:
    data = yaml.safe_load((CHECKLISTS / "references" / "markets.yaml").read_text(encoding="utf-8"))
    undated = [r["id"] for r in data["references"] if not (r.get("as_of") and r.get("review_by"))]
    assert undated == []


def test_development_contracts_are_invitalias_and_translated_as_such(catalog: Catalog) -> None:
    italy = catalog.markets["IT"]
    [contracts] = [i for i in italy.incentives if "Contratti di Sviluppo" in i.programme.en]
    assert "Invitalia" in contracts.programme.en
    assert "发展合同" in contracts.programme.zh
    assert "REF-IT-CDS" in _references(catalog, contracts)
    texts = [i.programme.zh + i.benefit.zh for i in italy.incentives]
    texts += [item.text.zh + item.guidance.zh for item in italy.extra_items]
    assert not any("开发合同" in text for text in texts)


def test_cdti_is_presented_as_national_not_catalan(catalog: Catalog) -> None:
    catalonia = catalog.markets["ES-CT"]
    [cdti] = [i for i in catalonia.incentives if "CDTI" in i.programme.en]
    assert "national" in cdti.programme.en
    assert cdti.threshold is not None and "tax domicile" in cdti.threshold.en
    assert "REF-ES-CDTI" in _references(catalog, cdti)


@pytest.mark.parametrize("place", ["MA", "africa"])
def test_eu_morocco_origin_rests_on_the_protocol_not_the_customs_code(
    catalog: Catalog, place: str
) -> None:
    profile = catalog.markets[place] if place in catalog.markets else catalog.regions[place]
    cited = set().union(*(_references(catalog, note) for note in profile.notes))
    assert "REF-EU-MA-ORIGIN" in cited
    assert "REF-EU-ORIGIN" not in cited


def test_morocco_states_its_homologation_and_import_checks(catalog: Catalog) -> None:
    morocco = catalog.markets["MA"]
    cited = set().union(*(_references(catalog, note) for note in morocco.notes))
    assert {"REF-MA-HOMOLOGATION", "REF-MA-IMPORT-CONTROL"} <= cited
    assert "XMAR-010" in {item.id for item in morocco.extra_items}


def test_laos_covers_drive_side_fuel_currency_and_atiga(catalog: Catalog) -> None:
    laos = catalog.markets["LA"]
    notes = " ".join(note.text.en for note in laos.notes)
    assert "keeps to the right" in notes
    assert "Fuel quality" in notes
    assert "kip" in notes
    assert any("ATIGA" in i.programme.en for i in laos.incentives)
    asean = set().union(*(_references(catalog, note) for note in catalog.regions["asean"].notes))
    assert "REF-ASEAN-ATIGA" in asean


# The markets Chinese vehicle and parts makers enter that the catalog profiles.
PROFILED = {"IT", "ES-CT", "MA", "LA", "DE", "HU", "GB", "TR", "SA", "AE", "EG", "ZA"} | {
    "MX", "BR", "CL", "TH", "ID", "VN", "MY", "AU", "KZ", "UZ"
}  # fmt: skip


def test_every_profiled_market_is_in_the_catalog_with_names_regions_and_own_questions(
    catalog: Catalog,
) -> None:
    assert set(catalog.markets) >= PROFILED
    for code in PROFILED:
        market = catalog.markets[code]
        assert market.name.en and market.name.zh and market.regions
        assert set(market.regions) <= set(catalog.regions)
        assert market.extra_items, f"{code} asks nothing of its own"


def test_every_market_has_sourced_dated_facts(catalog: Catalog) -> None:
    for code in PROFILED:
        facts = catalog.facts.get(code, ())
        assert len(facts) >= 2, f"{code} has too few facts"
        assert all(f.source.title and f.source.publisher for f in facts)
