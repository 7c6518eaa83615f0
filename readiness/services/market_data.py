"""Market facts the user brings: importing a CSV table, exporting the facts in force,
forgetting imports. One way for ``readiness market-data`` and the app.

An imported table has the bundled tables' columns (``readiness.content.facts``);
it is checked whole and saved in one transaction, or not at all. A row about a
market that is neither in the catalog nor a custom market of an assessment is
still saved (a user may prepare figures before adding the market) and reported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from readiness.content.catalog import Catalog, load_catalog
from readiness.content.documents import ContentError, ContentProblem, read_text_file
from readiness.content.facts import MarketFact, parse_facts, write_facts
from readiness.content.model import LocalizedText, ProductType
from readiness.domain.attractiveness import (
    DEFAULT_WEIGHTS,
    Factor,
    MarketAttractiveness,
    market_attractiveness,
)
from readiness.domain.profile import CompanyProfile
from readiness.domain.results import assessment_weights, market_facts
from readiness.storage.backup import make_backup
from readiness.storage.errors import StoreError
from readiness.storage.refusals import RefusedValueError, refuse_bad_facts
from readiness.storage.store import Store


@dataclass(frozen=True)
class MarketDataImport:
    """What an import saved: rows, the markets they are about, and how many replaced
    facts imported before; ``unknown_markets`` are neither catalog nor custom markets."""

    rows: int
    markets: tuple[str, ...]
    replaced: int
    unknown_markets: tuple[str, ...] = field(default=())


def import_market_data(
    store: Store, path: Path, *, catalog: Catalog | None = None
) -> MarketDataImport:
    """Check the CSV table at ``path`` and save every row in one transaction.

    A database file is backed up first, as before any import.

    Raises:
        ContentError: the file cannot be read or a row is invalid, each problem
            located as ``file:line``; nothing was saved.
        StoreError: the database refused the write or the backup failed; nothing was saved.
    """
    text = read_text_file(path)
    facts = parse_facts(text, path, imported=True)
    _refuse_rows(facts, text, path)
    known = set((catalog or load_catalog()).markets)
    known.update(code for summary in store.list_assessments() for code in summary.markets)
    db_path = store.path
    if db_path is not None and facts and not store.read_only:
        try:
            make_backup(db_path, reason="before-import")
        except StoreError as error:
            raise StoreError(f"{error} Nothing was imported.") from error
    replaced = store.import_facts(facts)
    markets = tuple(sorted({fact.market for fact in facts}))
    return MarketDataImport(
        rows=len(facts),
        markets=markets,
        replaced=replaced,
        unknown_markets=tuple(code for code in markets if code not in known),
    )


def _refuse_rows(facts: Sequence[MarketFact], text: str, path: Path) -> None:
    """Apply the store's checks row by row first, so a refusal names its line too."""
    lines = _data_lines(text)
    today = dt.date.today()
    problems = []
    for fact, line in zip(facts, lines, strict=False):
        try:
            refuse_bad_facts([fact], today)
        except RefusedValueError as error:
            message = str(error).removesuffix("; nothing was saved.")
            problems.append(ContentProblem(path, line, message))
    if problems:
        raise ContentError(problems)


def _data_lines(text: str) -> list[int]:
    """The line each non-blank data row of a CSV table starts on (as parse_facts numbers them)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    next(reader, None)
    return [reader.line_num for row in reader if any(cell.strip() for cell in row)]


def facts_in_force(store: Store, catalog: Catalog) -> dict[str, tuple[MarketFact, ...]]:
    """Every market's facts as the views use them: bundled, refreshed by the imported ones."""
    return market_facts(catalog, store.imported_facts())


def export_market_data(store: Store, catalog: Catalog) -> str:
    """The facts in force as a CSV table in the import format, by market and fact."""
    return write_facts(fact for facts in facts_in_force(store, catalog).values() for fact in facts)


def forget_market_data(store: Store, market: str | None = None) -> int:
    """Delete the imported facts, of one market or all; how many were deleted."""
    return store.forget_imported_facts(market)


@dataclass(frozen=True)
class MarketOverview:
    """One market as ``readiness markets`` and the app list it: names, regions and appeal."""

    code: str
    name: LocalizedText
    regions: tuple[str, ...]
    custom: bool  # a market the user added, not a catalog market
    attractiveness: MarketAttractiveness


@dataclass(frozen=True)
class MarketsOverview:
    """Every catalog market (and an assessment's custom ones) with its attractiveness."""

    assessment_id: int | None
    weights: Mapping[Factor, float]
    products: tuple[ProductType, ...]  # empty: every product line
    markets: tuple[MarketOverview, ...]


def markets_overview(
    store: Store, catalog: Catalog, assessment_id: int | None = None
) -> MarketsOverview:
    """Every catalog market's attractiveness on the facts in force.

    For an assessment: with its weights and its company's product types, and its
    custom markets too; without one: the default weights and every product line.
    """
    with store.reading_together():
        imported = store.imported_facts()
        snapshot = store.snapshot(assessment_id) if assessment_id is not None else None
    facts = market_facts(catalog, imported)
    weights: Mapping[Factor, float] = DEFAULT_WEIGHTS
    products: tuple[ProductType, ...] = ()
    listed: list[tuple[str, LocalizedText, tuple[str, ...], bool]] = [
        (code, profile.name, tuple(profile.regions), False)
        for code, profile in catalog.markets.items()
    ]
    if snapshot is not None:
        weights = assessment_weights(snapshot.assessment)
        chosen = CompanyProfile.of(snapshot.company).products
        products = tuple(p for p in ProductType if p in chosen)
        for market in snapshot.markets:
            if market.market_code in catalog.markets:
                continue
            own = market.custom_name or market.market_code
            name = LocalizedText.model_construct(en=own, zh=market.custom_name_zh or own)
            region = (market.custom_region,) if market.custom_region else ()
            listed.append((market.market_code, name, region, True))
    return MarketsOverview(
        assessment_id=assessment_id,
        weights=dict(weights),
        products=products,
        markets=tuple(
            MarketOverview(
                code=code,
                name=name,
                regions=regions,
                custom=custom,
                attractiveness=market_attractiveness(
                    code, facts.get(code, ()), weights=weights, products=products
                ),
            )
            for code, name, regions, custom in listed
        ),
    )
