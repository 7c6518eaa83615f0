"""Cross-reference checks: every name the content uses must point at something that exists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import Any

from readiness.content.documents import ContentProblem, Document, display_path
from readiness.content.model import (
    Citation,
    Item,
    MarketProfile,
    ReferenceCitation,
    Scope,
    Seed,
)


class Registry:
    """Collects named things, reporting duplicates where they occur."""

    def __init__(self, what: str, problems: list[ContentProblem]) -> None:
        self.what = what
        self.problems = problems
        self.entries: dict[str, Any] = {}
        self._where: dict[str, tuple[Path, int | None]] = {}

    def add(self, key: str, value: Any, document: Document, location: Sequence[int | str]) -> None:
        line = document.line_of(location)
        if key in self.entries:
            first_path, first_line = self._where[key]
            self.problems.append(
                ContentProblem(
                    document.path,
                    line,
                    f"duplicate {self.what} '{key}' "
                    f"(first defined at {display_path(first_path)}:{first_line})",
                )
            )
            return
        self.entries[key] = value
        self._where[key] = (document.path, line)


@dataclass
class ReferenceCheck:
    """Checks that every name the content uses points at something that exists."""

    problems: list[ContentProblem]
    dimensions: set[str]
    regions: set[str]
    seeds: Mapping[str, Seed]
    references: set[str]
    items: Mapping[str, Item]
    region_weights: Mapping[str, Mapping[str, float]]

    def _report(self, document: Document, location: Sequence[int | str], message: str) -> None:
        self.problems.append(ContentProblem(document.path, document.line_of(location), message))

    def item(self, document: Document, location: Sequence[int | str], item: Item) -> None:
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
        for index, required in enumerate(item.requires):
            if required not in self.items:
                self._report(
                    document,
                    (*location, "requires", index),
                    f"requires unknown item '{required}'",
                )
        if item.covers is not None and item.covers not in self.regions:
            self._report(document, (*location, "covers"), f"unknown region tag '{item.covers}'")
        if item.cost is not None and not isinstance(item.cost.source, str):
            self.citations(document, (*location, "cost", "source"), [item.cost.source], index=False)
        self.citations(document, (*location, "sources"), item.sources)

    def citations(
        self,
        document: Document,
        location: Sequence[int | str],
        citations: Sequence[Citation],
        *,
        index: bool = True,
    ) -> None:
        for position, citation in enumerate(citations):
            where = (*location, position) if index else tuple(location)
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

    def weights(self, document: Document, adjustments: Mapping[str, float]) -> None:
        for dimension in adjustments:
            if dimension not in self.dimensions:
                self._report(
                    document,
                    ("weight_adjustments", dimension),
                    f"weight adjustment for unknown dimension '{dimension}'",
                )

    def market(self, document: Document, market: MarketProfile) -> None:
        for index, tag in enumerate(market.regions):
            if tag not in self.regions:
                self._report(document, ("regions", index), f"unknown region tag '{tag}'")
        self.weights(document, market.weight_adjustments)
        for tag in market.regions:
            for dimension in market.weight_adjustments:
                factor = self.region_weights.get(tag, {}).get(dimension)
                if factor is not None:
                    # Multiplied together, one reason would be counted twice.
                    self._report(
                        document,
                        ("weight_adjustments", dimension),
                        f"'{dimension}' is already weighted x{factor} by the region '{tag}'; "
                        "a market adjusts only what its region does not",
                    )
        for index, incentive in enumerate(market.incentives):
            self.citations(document, ("incentives", index, "sources"), incentive.sources)
        for index, note in enumerate(market.notes):
            self.citations(document, ("notes", index, "sources"), note.sources)

    def cycles(self, located: Sequence[tuple[Document, Sequence[int | str], Item]]) -> None:
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

    def prerequisites(self, located: Sequence[tuple[Document, Sequence[int | str], Item]]) -> None:
        """Refuse a cycle of ``requires``, naming the items on it where the first is written."""
        graph = {item.id: [r for r in item.requires if r in self.items] for _, _, item in located}
        try:
            tuple(TopologicalSorter(graph).static_order())
        except CycleError as error:
            on_cycle = set(error.args[1])
            document, location, first = next(entry for entry in located if entry[2].id in on_cycle)
            # Walk the cycle from the first item written, the way it reads: X requires Y ...
            walk = [first.id]
            while True:
                following = next(r for r in graph[walk[-1]] if r in on_cycle)
                walk.append(following)
                if following in walk[:-1]:
                    break
            self._report(
                document,
                (*location, "requires"),
                "requires forms a cycle: " + " requires ".join(walk),
            )
