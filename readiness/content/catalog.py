"""Load the checklist content from YAML into one validated, cross-checked :class:`Catalog`.

Every problem is reported with its file and line, in the form
``file:line: message``, so a content author can jump straight to it. Loading
never raises anything but :class:`ContentError` for bad content.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel

from readiness.assets import asset_dir
from readiness.content.cache import cached
from readiness.content.checks import ReferenceCheck, Registry
from readiness.content.documents import (
    ContentError,
    ContentProblem,
    Document,
    dedupe_problems,
    parse_document,
    read_document,
)
from readiness.content.facts import MarketFact, facts_by_market, read_facts
from readiness.content.model import (
    REQUIRED_DIMENSIONS,
    CatalogHeader,
    Citation,
    Dimension,
    Glossary,
    Item,
    ItemFile,
    LocalizedText,
    MarketProfile,
    PublicReference,
    RegionProfile,
    ScaleKind,
    Scope,
    Seed,
    SeedCitation,
    SourceRegistry,
    Speaker,
    Term,
)
from readiness.content.terminology import check_glossary, check_level_quote, check_terminology

YAML_SUFFIXES = (".yaml", ".yml")
_LATIN_LETTER = re.compile("[A-Za-z]")
FACTS_SUFFIX = ".csv"  # market facts are tables (readiness.content.facts)


@dataclass(frozen=True, eq=False)  # identity equality: hashable, so derived plans can be cached
class Catalog:
    """The validated content: dimensions, questions, markets, regions and sources."""

    version: str
    maturity_levels: tuple[LocalizedText, ...]
    dimensions: Mapping[str, Dimension]
    items: Mapping[str, Item]  # general questions, in file order
    markets: Mapping[str, MarketProfile]
    regions: Mapping[str, RegionProfile]
    seeds: Mapping[str, Seed]
    references: Mapping[str, PublicReference]
    files: tuple[Path, ...] = field(default=())
    # The terminology glossary every Chinese text was checked against.
    glossary: tuple[Term, ...] = field(default=())
    # Sourced, dated market facts (duties, sales, logistics, risk), per market code.
    facts: Mapping[str, tuple[MarketFact, ...]] = field(default_factory=dict)

    @cached_property
    def all_items(self) -> dict[str, Item]:
        """General questions plus every market's own questions (read often: kept)."""
        merged = dict(self.items)
        for market in self.markets.values():
            merged.update((item.id, item) for item in market.extra_items)
        return merged

    @cached_property
    def questions_in_order(self) -> tuple[Item, ...]:
        """Every question in the one order every list of questions follows.

        Dimension by dimension as the catalog lists them (the questionnaire's
        dimension list), so "1 of N" is the first question of the first dimension;
        within a dimension the general questions come first, in file order, then
        each market's own questions of that dimension, market by market.
        """
        rank = {dimension: n for n, dimension in enumerate(self.dimensions)}
        # sorted() is stable: within a dimension, all_items' order (general, then markets).
        return tuple(
            sorted(self.all_items.values(), key=lambda item: rank.get(item.dimension, len(rank)))
        )

    def speaker(self, citation: SeedCitation) -> Speaker:
        """The speaker a seed citation names (validated to exist)."""
        return next(s for s in self.seeds[citation.seed].speakers if s.name == citation.speaker)

    def citation_text(self, citation: Citation, language: str) -> str:
        """How users see a citation: the speaker, their organisation, the forum and its date,
        or a public document's title and issuer; never the source text's file name."""
        if isinstance(citation, SeedCitation):
            speaker = self.speaker(citation)
            seed = self.seeds[citation.seed]
            forum = seed.event.get(language) + (f", {seed.date.isoformat()}" if seed.date else "")
            return f"{speaker.name} ({speaker.organisation.get(language)}), {forum}"
        reference = self.references[citation.reference]
        return f"{reference.title} ({reference.issuer})"

    def region_tags(self, market_code: str, custom_region: str | None = None) -> frozenset[str]:
        """The region tags of a catalog market, or of a user-defined one by its region."""
        market = self.markets.get(market_code)
        if market is not None:
            return frozenset(market.regions)
        return frozenset([custom_region]) if custom_region else frozenset()

    def items_for_market(self, market_code: str, custom_region: str | None = None) -> list[Item]:
        """The questions that apply to one target market: general ones, then its own."""
        tags = self.region_tags(market_code, custom_region)
        applicable = [item for item in self.items.values() if item.applies_in(tags)]
        market = self.markets.get(market_code)
        return applicable + (list(market.extra_items) if market else [])

    def level_labels(self, item: Item) -> tuple[LocalizedText, ...]:
        """The five answer labels shown for a maturity question."""
        return tuple(item.levels) if item.levels else self.maturity_levels


# --- classifying files --------------------------------------------------------------


def _kind_of(document: Document) -> str | None:
    data = document.data
    if not isinstance(data, dict):
        return None
    if "dimensions" in data:
        return "header"
    if "seeds" in data or "references" in data:
        return "sources"
    if "items" in data:
        return "items"
    if "terms" in data:
        return "glossary"
    if data.get("kind") in ("market", "region"):
        return str(data["kind"])
    return None


# Archives of released versions (``history/``) are kept beside the content, not part of it.
ARCHIVE_FOLDER = "history"


def content_files(root: Path) -> list[Path]:
    """Every content file (YAML, and the CSV market facts) below ``root`` but the archives
    of released versions, in a stable order."""
    return sorted(
        p
        for p in root.rglob("*")
        if (p.suffix in YAML_SUFFIXES or p.suffix == FACTS_SUFFIX)
        and p.is_file()
        and ARCHIVE_FOLDER not in p.relative_to(root).parts[:-1]
    )


# --- loading ------------------------------------------------------------------------


@dataclass
class _Parts:
    headers: list[tuple[Document, CatalogHeader]] = field(default_factory=list)
    sources: list[tuple[Document, SourceRegistry]] = field(default_factory=list)
    item_files: list[tuple[Document, ItemFile]] = field(default_factory=list)
    markets: list[tuple[Document, MarketProfile]] = field(default_factory=list)
    regions: list[tuple[Document, RegionProfile]] = field(default_factory=list)
    glossaries: list[tuple[Document, Glossary]] = field(default_factory=list)
    facts: list[tuple[Path, list[MarketFact]]] = field(default_factory=list)


def load_catalog(root: Path | None = None, *, use_cache: bool = True) -> Catalog:
    """Load and validate the catalog from ``root`` (the bundled content by default).

    The bundled content is read from the cache of its validated catalog when that
    was validated from exactly the same files by the same code
    (:mod:`readiness.content.cache`); ``use_cache=False`` validates it in full, as
    ``readiness validate`` does. Content from another folder is always validated.

    Raises:
        ContentError: with every located problem found.
    """
    folder = root if root is not None else asset_dir("checklists")
    if not folder.is_dir():
        raise ContentError([ContentProblem(folder, None, "content folder not found")])
    files = content_files(folder)
    if root is None and use_cache:
        return cached(folder, files, lambda: load_files(files), Catalog)
    return load_files(files)


def load_files(paths: Sequence[Path]) -> Catalog:
    """Load and validate a catalog made of exactly these files.

    Raises:
        ContentError: with every located problem found.
    """
    parts = _Parts()
    problems: list[ContentProblem] = []
    tables = [path for path in paths if path.suffix == FACTS_SUFFIX]
    for path in paths:
        if path.suffix == FACTS_SUFFIX:
            continue
        try:
            _add(parts, read_document(path))
        except ContentError as error:
            problems.extend(error.problems)
    for path in tables:
        try:
            parts.facts.append((path, read_facts(path)))
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return _assemble(parts, tuple(paths))


def _add(parts: _Parts, document: Document) -> None:
    kind = _kind_of(document)
    if kind == "header":
        parts.headers.append((document, parse_document(document, CatalogHeader)))
    elif kind == "sources":
        parts.sources.append((document, parse_document(document, SourceRegistry)))
    elif kind == "items":
        parts.item_files.append((document, parse_document(document, ItemFile)))
    elif kind == "market":
        parts.markets.append((document, parse_document(document, MarketProfile)))
    elif kind == "region":
        parts.regions.append((document, parse_document(document, RegionProfile)))
    elif kind == "glossary":
        parts.glossaries.append((document, parse_document(document, Glossary)))
    else:
        raise ContentError(
            [
                ContentProblem(
                    document.path,
                    1,
                    "not a content file: expected top-level 'dimensions', 'seeds', "
                    "'references', 'items', 'terms' (a glossary), "
                    "or 'kind: market' / 'kind: region'",
                )
            ]
        )


def _assemble(parts: _Parts, files: tuple[Path, ...]) -> Catalog:
    problems: list[ContentProblem] = []
    if not parts.headers:
        raise ContentError(
            [ContentProblem(Path("."), None, "no catalog header (a file with 'dimensions')")]
        )
    if len(parts.headers) > 1:
        extra_doc = parts.headers[1][0]
        problems.append(ContentProblem(extra_doc.path, 1, "a second catalog header"))
    header_doc, header = parts.headers[0]

    dimensions = Registry("dimension", problems)
    for index, dimension in enumerate(header.dimensions):
        dimensions.add(dimension.id, dimension, header_doc, ("dimensions", index, "id"))
    for required in REQUIRED_DIMENSIONS:
        if required not in dimensions.entries:
            problems.append(
                ContentProblem(header_doc.path, 1, f"required dimension '{required}' is missing")
            )

    seeds = Registry("seed", problems)
    references = Registry("reference", problems)
    for document, registry in parts.sources:
        for index, seed in enumerate(registry.seeds):
            seeds.add(seed.file, seed, document, ("seeds", index, "file"))
            names = [speaker.name for speaker in seed.speakers]
            for dup in {name for name in names if names.count(name) > 1}:
                problems.append(
                    ContentProblem(
                        document.path,
                        document.line_of(("seeds", index)),
                        f"speaker '{dup}' listed twice",
                    )
                )
        for index, reference in enumerate(registry.references):
            references.add(reference.id, reference, document, ("references", index, "id"))

    if not seeds.entries:
        problems.append(ContentProblem(header_doc.path, 1, "no seed texts are registered"))

    regions = Registry("region", problems)
    for document, region in parts.regions:
        regions.add(region.tag, region, document, ("tag",))

    every_item = Registry("item id", problems)
    general: dict[str, Item] = {}
    located: list[tuple[Document, Sequence[int | str], Item]] = []
    for document, item_file in parts.item_files:
        for index, item in enumerate(item_file.items):
            every_item.add(item.id, item, document, ("items", index, "id"))
            general.setdefault(item.id, item)
            located.append((document, ("items", index), item))

    markets = Registry("market code", problems)
    for document, market in parts.markets:
        markets.add(market.code, market, document, ("code",))
        for index, item in enumerate(market.extra_items):
            location = ("extra_items", index)
            every_item.add(item.id, item, document, (*location, "id"))
            located.append((document, location, item))
            if item.scope is not Scope.MARKET:
                problems.append(
                    ContentProblem(
                        document.path,
                        document.line_of((*location, "scope")),
                        "a market's own question must have scope 'market'",
                    )
                )

    check = ReferenceCheck(
        problems,
        dimensions=set(dimensions.entries),
        regions=set(regions.entries),
        seeds=seeds.entries,
        references=set(references.entries),
        items=every_item.entries,
        region_weights={tag: r.weight_adjustments for tag, r in regions.entries.items()},
    )
    for document, where, item in located:
        check.item(document, where, item)
    for document, market in parts.markets:
        check.market(document, market)
    for document, region in parts.regions:
        check.weights(document, region.weight_adjustments)
        for index, note in enumerate(region.notes):
            check.citations(document, ("notes", index, "sources"), note.sources)
    check.cycles(located)
    check.prerequisites(located)

    glossary = _glossary(parts, problems)
    documents: list[tuple[Document, BaseModel]] = [
        *parts.headers,
        *parts.sources,
        *parts.item_files,
        *parts.markets,
        *parts.regions,
    ]
    for document, content in documents:
        check_terminology(document, content, glossary, problems)
    for document, where, item in located:
        check_level_quote(document, where, item, _top_label(item, header), problems)

    facts = _facts(parts, set(markets.entries), problems)
    if problems:
        raise ContentError(dedupe_problems(problems))
    return Catalog(
        version=header.version,
        maturity_levels=tuple(header.maturity_levels),
        dimensions=dimensions.entries,
        items=general,
        markets=markets.entries,
        regions=regions.entries,
        seeds=seeds.entries,
        references=references.entries,
        files=files,
        glossary=tuple(glossary),
        facts=facts,
    )


def _facts(
    parts: _Parts, markets: set[str], problems: list[ContentProblem]
) -> dict[str, tuple[MarketFact, ...]]:
    """Every bundled fact, about a catalog market, given once across all the tables."""
    seen: dict[tuple[str, str, str], Path] = {}
    kept: list[MarketFact] = []
    for path, facts in parts.facts:
        for fact in facts:
            if fact.market not in markets:
                problems.append(
                    ContentProblem(path, None, f"facts for '{fact.market}', not a catalog market")
                )
            elif fact.key in seen:
                problems.append(
                    ContentProblem(
                        path,
                        None,
                        f"{fact.market} {fact.fact} {fact.qualifier!r} is also given in "
                        f"{seen[fact.key].name}",
                    )
                )
            else:
                if _LATIN_LETTER.search(fact.qualifier) and not fact.qualifier_zh:
                    # A Chinese report would otherwise name a city or firm in English.
                    problems.append(
                        ContentProblem(
                            path,
                            None,
                            f"{fact.market} {fact.fact} {fact.qualifier!r}: give qualifier_zh, "
                            "the qualifier in Chinese",
                        )
                    )
                seen[fact.key] = path
                kept.append(fact)
    return facts_by_market(kept)


def _top_label(item: Item, header: CatalogHeader) -> str:
    """The Chinese label users see for an item's best answer."""
    if item.scale is ScaleKind.YES_NO:
        return "是"
    return (item.levels or header.maturity_levels)[-1].zh


def _glossary(parts: _Parts, problems: list[ContentProblem]) -> list[Term]:
    """The glossary's terms from every glossary file, each English term once."""
    terms = Registry("glossary term", problems)
    located: list[tuple[Document, list[tuple[int, Term]]]] = []
    for document, glossary in parts.glossaries:
        kept: list[tuple[int, Term]] = []
        for index, term in enumerate(glossary.terms):
            before = len(terms.entries)
            terms.add(term.en.casefold(), term, document, ("terms", index, "en"))
            if len(terms.entries) > before:
                kept.append((index, term))
        located.append((document, kept))
    every_term: list[Term] = list(terms.entries.values())
    for document, kept in located:
        problems.extend(check_glossary(document, kept, every_term))
    return every_term


def iter_citations(catalog: Catalog) -> Iterator[tuple[str, Citation]]:
    """Every citation in the catalog, with the id of what cites it."""
    for item in catalog.all_items.values():
        for citation in item.sources:
            yield item.id, citation
    for market in catalog.markets.values():
        for incentive in market.incentives:
            for citation in incentive.sources:
                yield market.code, citation
        for note in market.notes:
            for citation in note.sources:
                yield market.code, citation
    for region in catalog.regions.values():
        for note in region.notes:
            for citation in note.sources:
                yield region.tag, citation
