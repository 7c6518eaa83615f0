"""Load the checklist content from YAML into one validated, cross-checked :class:`Catalog`.

Every problem is reported with its file and line, in the form
``file:line: message``, so a content author can jump straight to it. Loading
never raises anything but :class:`ContentError` for bad content.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from readiness.assets import asset_dir
from readiness.content.model import (
    REQUIRED_DIMENSIONS,
    CatalogHeader,
    Citation,
    Dimension,
    Item,
    ItemFile,
    LocalizedText,
    MarketProfile,
    PublicReference,
    ReferenceCitation,
    RegionProfile,
    Scope,
    Seed,
    SeedCitation,
    SourceRegistry,
    Speaker,
)

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with the content, and where."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = _display_path(self.path)
        return f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"


class ContentError(Exception):
    """The content is invalid; ``problems`` lists every located problem found."""

    def __init__(self, problems: Sequence[ContentProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


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

    @cached_property
    def all_items(self) -> dict[str, Item]:
        """General questions plus every market's own questions (read often: kept)."""
        merged = dict(self.items)
        for market in self.markets.values():
            merged.update((item.id, item) for item in market.extra_items)
        return merged

    def speaker(self, citation: SeedCitation) -> Speaker:
        """The speaker a seed citation names (validated to exist)."""
        return next(s for s in self.seeds[citation.seed].speakers if s.name == citation.speaker)

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


# --- reading YAML with line numbers -------------------------------------------------


# libyaml's parser when present: several times faster, same safe constructor.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[valid-type, misc]
    """A safe loader that refuses duplicate keys instead of silently keeping the last."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key '{key}' (first at line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    return mapping


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


@dataclass(frozen=True)
class _Document:
    path: Path
    data: Any
    root: yaml.Node | None

    def line_of(self, location: Iterable[int | str]) -> int | None:
        """Best line for a pydantic error location: the deepest node it reaches."""
        node = self.root
        if node is None:
            return None
        line: int = node.start_mark.line + 1
        for part in location:
            child = _child(node, part)
            if child is None:
                continue  # union branch names and the like are not in the YAML
            node = child
            line = node.start_mark.line + 1
        return line


def _child(node: yaml.Node, part: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == part:
                return value_node  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]  # type: ignore[no-any-return]
    return None


def _read(path: Path) -> _Document:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            [ContentProblem(path, None, f"not UTF-8 text ({error.reason})")]
        ) from None
    except OSError as error:
        raise ContentError([ContentProblem(path, None, f"cannot read: {error.strerror}")]) from None
    loader = _UniqueKeyLoader(text)
    try:
        # One parse gives both the node tree (for line numbers) and the data.
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = error.problem or error.context or "invalid YAML"
        raise ContentError([ContentProblem(path, line, f"invalid YAML: {reason}")]) from None
    except yaml.YAMLError as error:
        raise ContentError([ContentProblem(path, None, f"invalid YAML: {error}")]) from None
    except TypeError as error:  # e.g. a list used as a mapping key
        raise ContentError([ContentProblem(path, None, f"invalid YAML: {error}")]) from None
    finally:
        loader.dispose()
    return _Document(path, data, root)


_M = TypeVar("_M", bound=BaseModel)


def _parse(document: _Document, model: type[_M]) -> _M:
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems = [
            ContentProblem(
                document.path,
                document.line_of(detail["loc"]),
                f"{_dotted(detail['loc'])}: {detail['msg']}" if detail["loc"] else detail["msg"],
            )
            for detail in error.errors(include_url=False)
        ]
        raise ContentError(_dedupe(problems)) from None


def _dotted(location: Iterable[int | str]) -> str:
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part[:1].isupper() or part.startswith(("literal[", "function-")):
            continue  # pydantic's names for union branches mean nothing to an author
        else:
            text += f".{part}" if text else part
    return text


def _dedupe(problems: Iterable[ContentProblem]) -> list[ContentProblem]:
    return list(dict.fromkeys(problems))


# --- classifying files --------------------------------------------------------------


def _kind_of(document: _Document) -> str | None:
    data = document.data
    if not isinstance(data, dict):
        return None
    if "dimensions" in data:
        return "header"
    if "seeds" in data or "references" in data:
        return "sources"
    if "items" in data:
        return "items"
    if data.get("kind") in ("market", "region"):
        return str(data["kind"])
    return None


def content_files(root: Path) -> list[Path]:
    """Every YAML file below ``root``, in a stable order."""
    return sorted(p for p in root.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())


# --- loading ------------------------------------------------------------------------


@dataclass
class _Parts:
    headers: list[tuple[_Document, CatalogHeader]] = field(default_factory=list)
    sources: list[tuple[_Document, SourceRegistry]] = field(default_factory=list)
    item_files: list[tuple[_Document, ItemFile]] = field(default_factory=list)
    markets: list[tuple[_Document, MarketProfile]] = field(default_factory=list)
    regions: list[tuple[_Document, RegionProfile]] = field(default_factory=list)


def load_catalog(root: Path | None = None) -> Catalog:
    """Load and validate the catalog from ``root`` (the bundled content by default).

    Raises:
        ContentError: with every located problem found.
    """
    folder = root if root is not None else asset_dir("checklists")
    if not folder.is_dir():
        raise ContentError([ContentProblem(folder, None, "content folder not found")])
    return load_files(content_files(folder))


def load_files(paths: Sequence[Path]) -> Catalog:
    """Load and validate a catalog made of exactly these files.

    Raises:
        ContentError: with every located problem found.
    """
    parts = _Parts()
    problems: list[ContentProblem] = []
    for path in paths:
        try:
            _add(parts, _read(path))
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return _assemble(parts, tuple(paths))


def _add(parts: _Parts, document: _Document) -> None:
    kind = _kind_of(document)
    if kind == "header":
        parts.headers.append((document, _parse(document, CatalogHeader)))
    elif kind == "sources":
        parts.sources.append((document, _parse(document, SourceRegistry)))
    elif kind == "items":
        parts.item_files.append((document, _parse(document, ItemFile)))
    elif kind == "market":
        parts.markets.append((document, _parse(document, MarketProfile)))
    elif kind == "region":
        parts.regions.append((document, _parse(document, RegionProfile)))
    else:
        raise ContentError(
            [
                ContentProblem(
                    document.path,
                    1,
                    "not a content file: expected top-level 'dimensions', 'seeds', "
                    "'references', 'items', or 'kind: market' / 'kind: region'",
                )
            ]
        )


class _Registry:
    """Collects named things, reporting duplicates where they occur."""

    def __init__(self, what: str, problems: list[ContentProblem]) -> None:
        self.what = what
        self.problems = problems
        self.entries: dict[str, Any] = {}
        self._where: dict[str, tuple[Path, int | None]] = {}

    def add(self, key: str, value: Any, document: _Document, location: Sequence[int | str]) -> None:
        line = document.line_of(location)
        if key in self.entries:
            first_path, first_line = self._where[key]
            self.problems.append(
                ContentProblem(
                    document.path,
                    line,
                    f"duplicate {self.what} '{key}' "
                    f"(first defined at {_display_path(first_path)}:{first_line})",
                )
            )
            return
        self.entries[key] = value
        self._where[key] = (document.path, line)


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

    dimensions = _Registry("dimension", problems)
    for index, dimension in enumerate(header.dimensions):
        dimensions.add(dimension.id, dimension, header_doc, ("dimensions", index, "id"))
    for required in REQUIRED_DIMENSIONS:
        if required not in dimensions.entries:
            problems.append(
                ContentProblem(header_doc.path, 1, f"required dimension '{required}' is missing")
            )

    seeds = _Registry("seed", problems)
    references = _Registry("reference", problems)
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

    regions = _Registry("region", problems)
    for document, region in parts.regions:
        regions.add(region.tag, region, document, ("tag",))

    every_item = _Registry("item id", problems)
    general: dict[str, Item] = {}
    located: list[tuple[_Document, Sequence[int | str], Item]] = []
    for document, item_file in parts.item_files:
        for index, item in enumerate(item_file.items):
            every_item.add(item.id, item, document, ("items", index, "id"))
            general.setdefault(item.id, item)
            located.append((document, ("items", index), item))

    markets = _Registry("market code", problems)
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

    check = _ReferenceCheck(
        problems,
        dimensions=set(dimensions.entries),
        regions=set(regions.entries),
        seeds=seeds.entries,
        references=set(references.entries),
        items=every_item.entries,
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

    if problems:
        raise ContentError(_dedupe(problems))
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
    )


@dataclass
class _ReferenceCheck:
    """Checks that every name the content uses points at something that exists."""

    problems: list[ContentProblem]
    dimensions: set[str]
    regions: set[str]
    seeds: Mapping[str, Seed]
    references: set[str]
    items: Mapping[str, Item]

    def _report(self, document: _Document, location: Sequence[int | str], message: str) -> None:
        self.problems.append(ContentProblem(document.path, document.line_of(location), message))

    def item(self, document: _Document, location: Sequence[int | str], item: Item) -> None:
        if item.dimension not in self.dimensions:
            self._report(
                document, (*location, "dimension"), f"unknown dimension '{item.dimension}'"
            )
        for index, tag in enumerate(item.applies_to):
            if tag != "all" and tag not in self.regions:
                self._report(
                    document, (*location, "applies_to", index), f"unknown region tag '{tag}'"
                )
        if item.relevant_if is not None:
            target = self.items.get(item.relevant_if.item)
            if target is None:
                self._report(
                    document,
                    (*location, "relevant_if", "item"),
                    f"relevant_if refers to unknown item '{item.relevant_if.item}'",
                )
            elif item.scope is Scope.COMPANY and target.scope is Scope.MARKET:
                self._report(
                    document,
                    (*location, "relevant_if", "item"),
                    f"company-scope question cannot depend on market-scope '{target.id}'",
                )
        self.citations(document, (*location, "sources"), item.sources)

    def citations(
        self, document: _Document, location: Sequence[int | str], citations: Sequence[Citation]
    ) -> None:
        for index, citation in enumerate(citations):
            where = (*location, index)
            if isinstance(citation, ReferenceCitation):
                if citation.reference not in self.references:
                    self._report(
                        document, (*where, "reference"), f"unknown reference '{citation.reference}'"
                    )
                continue
            seed = self.seeds.get(citation.seed)
            if seed is None:
                self._report(document, (*where, "seed"), f"unknown seed file '{citation.seed}'")
            elif citation.speaker not in {speaker.name for speaker in seed.speakers}:
                self._report(
                    document,
                    (*where, "speaker"),
                    f"speaker '{citation.speaker}' is not listed for seed {citation.seed}",
                )

    def weights(self, document: _Document, adjustments: Mapping[str, float]) -> None:
        for dimension in adjustments:
            if dimension not in self.dimensions:
                self._report(
                    document,
                    ("weight_adjustments", dimension),
                    f"weight adjustment for unknown dimension '{dimension}'",
                )

    def market(self, document: _Document, market: MarketProfile) -> None:
        for index, tag in enumerate(market.regions):
            if tag not in self.regions:
                self._report(document, ("regions", index), f"unknown region tag '{tag}'")
        self.weights(document, market.weight_adjustments)
        for index, incentive in enumerate(market.incentives):
            self.citations(document, ("incentives", index, "sources"), incentive.sources)
        for index, note in enumerate(market.notes):
            self.citations(document, ("notes", index, "sources"), note.sources)

    def cycles(self, located: Sequence[tuple[_Document, Sequence[int | str], Item]]) -> None:
        for document, location, item in located:
            seen = {item.id}
            current = item
            while current.relevant_if is not None:
                following = self.items.get(current.relevant_if.item)
                if following is None:
                    break
                if following.id in seen:
                    self._report(
                        document,
                        (*location, "relevant_if"),
                        f"relevant_if forms a cycle through '{following.id}'",
                    )
                    break
                seen.add(following.id)
                current = following


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


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
