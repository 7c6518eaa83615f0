"""Readiness scores of one market: dimension scores, levels, blockers and gaps.

Pure functions over plain objects: the catalog, the target markets and the
answers go in; typed, immutable results come out. No database, no Qt. The
method is written down for managers in ``docs/methodology.md``; the numbers
here and there must agree (tests pin the worked examples).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from readiness.content.catalog import Catalog
from readiness.content.model import Item, Scope
from readiness.domain.answers import AnswerValue
from readiness.domain.levels import (
    CONFIDENCE_LABELS,
    HIGH_CONFIDENCE,
    LEVEL_LABELS,
    LEVEL_THRESHOLDS,
    MEDIUM_CONFIDENCE,
    ConfidenceBand,
    ReadinessLevel,
    confidence_band,
    level_for,
)

MAX_LEVEL = 4
DEFAULT_TARGET_LEVEL = 3
PROVISIONAL_BELOW = 0.8
BLOCKING_BELOW = 2
DEFAULT_LEAD_DAYS_TO_ENTRY = 365

AnswerKey = tuple[str, str | None]  # (item id, market code or None for company-wide)


@dataclass(frozen=True, slots=True)
class MarketInput:
    """A target market as scoring needs it."""

    code: str
    custom_region: str | None = None
    planned_entry: dt.date | None = None
    custom_name: str | None = None
    custom_name_zh: str | None = None


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """One dimension's score in one market."""

    dimension: str
    score: float | None  # 0-100; None when no applicable question is answered yet
    weight: float  # the market's weight for this dimension
    answered: int
    applicable: int


@dataclass(frozen=True, slots=True)
class Gap:
    """A question answered below the target level, with what to do about it."""

    item_id: str
    market: str | None  # None: a company-wide question, affecting every market
    dimension: str
    level: int  # the current level (don't know counts as 0)
    shortfall: int
    weight: int
    critical: bool
    lead_time_weeks: int

    @property
    def priority(self) -> int:
        """Weight times shortfall; ties are broken by criticality and lead time."""
        return self.weight * self.shortfall

    def sort_key(self) -> tuple[int, int, int, str, str]:
        """Critical first, then the biggest weighted shortfall, then the longest lead."""
        return (
            0 if self.critical else 1,
            -self.priority,
            -self.lead_time_weeks,
            self.item_id,
            self.market or "",
        )


@dataclass(frozen=True)
class MarketReadiness:
    """How ready the company is for one market, and why."""

    code: str
    overall: float  # 0-100
    level: ReadinessLevel
    score_level: ReadinessLevel  # the level the score alone gives (differs when blocked)
    dimensions: Mapping[str, DimensionScore]  # in the catalog's order of dimensions
    blockers: tuple[str, ...]  # critical question ids answered below 2
    answered: int
    unknown: int
    applicable: int
    target_level: int
    # The plan and the answer found for each of its questions; gaps and strengths
    # are derived from them only when someone asks.
    _plan: _MarketPlan = field(repr=False, compare=False)
    _found: tuple[object, ...] = field(repr=False, compare=False)

    def _counted(self) -> Iterator[tuple[Item, AnswerKey, int]]:
        for item, key, found in zip(self._plan.items, self._plan.keys, self._found, strict=True):
            level = _LEVELS.get(found)
            if level is not None:
                yield item, key, level

    @cached_property
    def gaps(self) -> tuple[Gap, ...]:
        """Questions below the target level, ranked (critical first, then weight x shortfall)."""
        gaps = [
            Gap(
                item_id=item.id,
                market=key[1],
                dimension=item.dimension,
                level=level,
                shortfall=self.target_level - level,
                weight=item.weight,
                critical=item.critical,
                lead_time_weeks=item.lead_time_weeks,
            )
            for item, key, level in self._counted()
            if level < self.target_level
        ]
        return tuple(sorted(gaps, key=Gap.sort_key))

    @cached_property
    def strengths(self) -> tuple[str, ...]:
        """Questions answered at the top level."""
        return tuple(item.id for item, _, level in self._counted() if level == MAX_LEVEL)

    @cached_property
    def open_questions(self) -> tuple[tuple[Item, AnswerKey], ...]:
        """Questions that count here but are unanswered or answered "don't know"."""
        return tuple(
            (item, key)
            for item, key, found in zip(self._plan.items, self._plan.keys, self._found, strict=True)
            if found is None or found is AnswerValue.UNKNOWN
        )

    @property
    def completeness(self) -> float:
        """Share of applicable questions answered (0-1)."""
        return self.answered / self.applicable if self.applicable else 0.0

    @property
    def provisional(self) -> bool:
        """True while fewer than 80% of the applicable questions are answered."""
        return self.completeness < PROVISIONAL_BELOW

    @property
    def confidence(self) -> float:
        """Share of applicable questions answered with something other than "don't know"."""
        return (self.answered - self.unknown) / self.applicable if self.applicable else 0.0

    @property
    def confidence_band(self) -> ConfidenceBand:
        """High, medium or low: how far the score can be relied on."""
        return confidence_band(self.confidence)


# --- the per-market question plan, derived once from the catalog --------------------------


@dataclass(frozen=True, slots=True)
class _MarketPlan:
    """A market's questions in a shape that scores fast: parallel tuples, grouped by dimension."""

    dimensions: tuple[str, ...]
    dimension_weights: tuple[float, ...]
    items: tuple[Item, ...]
    keys: tuple[AnswerKey, ...]  # where each item's answer is found
    weights: tuple[int, ...]
    positions: tuple[int, ...]  # each item's dimension, as an index into dimensions
    critical: tuple[int, ...]  # positions of critical items
    gated: tuple[tuple[int, AnswerKey, int], ...]  # (position, gate's key, at least)
    # Per dimension: a getter of its items' answers from the found list, and what
    # each possible answer to each of those items adds to the dimension's five
    # sums, packed into one integer (see _packing).
    spans: tuple[
        tuple[Callable[[list[object]], Sequence[object]], tuple[dict[object, int], ...]], ...
    ]
    blocking: tuple[tuple[int, str], ...]  # (position, id) of critical items
    width: int  # bits per sum in the packed integers
    mask: int


# Lookup tables instead of per-answer computation: scoring runs over millions of
# answers in a batch. A question hidden by skip logic is marked with _HIDDEN.
_HIDDEN = object()
_LEVELS: dict[object, int] = {v: v.level for v in AnswerValue if v.level is not None}
_LOOKUP: Callable[[dict[object, int], object], int] = dict.__getitem__
# Answers that make a critical question a blocker (a level below BLOCKING_BELOW).
_BLOCKING = frozenset(v for v, level in _LEVELS.items() if level < BLOCKING_BELOW)


def _packing(
    positions: tuple[int, ...], weights: tuple[int, ...], dimensions: int
) -> tuple[
    tuple[tuple[Callable[[list[object]], Sequence[object]], tuple[dict[object, int], ...]], ...],
    int,
]:
    """Per dimension, how to pick its items' answers and what each answer adds to its sums.

    A dimension's five sums (weighted levels, weights of the answered items,
    answered, applicable, "don't know") sit side by side in one integer, each
    in a field wide enough for the largest total any market can reach, so
    adding the contributions of the items never carries from one field into the
    next: one C-level ``sum`` gives all five exactly, instead of a Python loop
    per answer.
    """
    largest = max([MAX_LEVEL * sum(weights), len(weights), 1])
    width = largest.bit_length()
    tables: dict[int, dict[object, int]] = {}

    def packed(weighted: int, counted: int, answered: int, applicable: int, unknown: int) -> int:
        fields = (weighted, counted, answered, applicable, unknown)
        return sum(value << index * width for index, value in enumerate(fields))

    def table(weight: int) -> dict[object, int]:
        built: dict[object, int] = {None: packed(0, 0, 0, 1, 0), _HIDDEN: 0}
        for value in AnswerValue:
            level = value.level
            built[value] = (
                0
                if level is None
                else packed(weight * level, weight, 1, 1, int(value is AnswerValue.UNKNOWN))
            )
        return built

    spans = []
    for dimension in range(dimensions):
        members = [p for p, position in enumerate(positions) if position == dimension]
        getter: Callable[[list[object]], Sequence[object]]
        if not members:
            getter = _no_items
        elif members == list(range(members[0], members[-1] + 1)):
            getter = operator.itemgetter(slice(members[0], members[-1] + 1))
        else:  # two or more items apart from each other
            getter = operator.itemgetter(*members)
        spans.append(
            (
                getter,
                tuple(
                    tables.get(weights[p]) or tables.setdefault(weights[p], table(weights[p]))
                    for p in members
                ),
            )
        )
    return tuple(spans), width


def _no_items(_found: list[object]) -> Sequence[object]:
    return ()


def dimension_weights(catalog: Catalog, market: MarketInput) -> dict[str, float]:
    """The market's weight per dimension: default weight times region and market adjustments."""
    weights = {d.id: d.weight for d in catalog.dimensions.values()}
    profile = catalog.markets.get(market.code)
    tags = catalog.region_tags(market.code, market.custom_region)
    for tag in sorted(tags):
        region = catalog.regions.get(tag)
        if region is not None:
            for dimension, factor in region.weight_adjustments.items():
                weights[dimension] *= factor
    if profile is not None:
        for dimension, factor in profile.weight_adjustments.items():
            weights[dimension] *= factor
    return weights


@lru_cache(maxsize=256)
def _plan(catalog: Catalog, code: str, custom_region: str | None) -> _MarketPlan:
    market = MarketInput(code, custom_region)
    everything = catalog.all_items
    weights = dimension_weights(catalog, market)
    dimensions = tuple(weights)
    order = {dimension: position for position, dimension in enumerate(dimensions)}

    def key(item: Item) -> AnswerKey:
        return (item.id, code if item.scope is Scope.MARKET else None)

    items = catalog.items_for_market(code, custom_region)
    gated = tuple(
        (position, key(everything[item.relevant_if.item]), item.relevant_if.at_least)
        for position, item in enumerate(items)
        if item.relevant_if is not None
    )
    positions = tuple(order[item.dimension] for item in items)
    item_weights = tuple(item.weight for item in items)
    spans, width = _packing(positions, item_weights, len(dimensions))
    return _MarketPlan(
        dimensions=dimensions,
        dimension_weights=tuple(weights[d] for d in dimensions),
        items=tuple(items),
        keys=tuple(key(item) for item in items),
        weights=item_weights,
        positions=positions,
        critical=tuple(p for p, item in enumerate(items) if item.critical),
        gated=gated,
        spans=spans,
        blocking=tuple((p, item.id) for p, item in enumerate(items) if item.critical),
        width=width,
        mask=(1 << width) - 1,
    )


class _Dimensions(Mapping[str, DimensionScore]):
    """A market's dimension scores, made from its packed sums (see _packing) on first use.

    Most scoring is read for the overall score and level only (ranking, the
    portfolio, the verdict's rescoring): building nine records per market
    for each of them would cost as much as the sums themselves.
    """

    __slots__ = ("_built", "_plan", "_sums")

    def __init__(self, plan: _MarketPlan, sums: list[int]) -> None:
        self._plan = plan
        self._sums = sums
        self._built: dict[str, DimensionScore] | None = None

    def _scores(self) -> dict[str, DimensionScore]:
        if self._built is None:
            width, mask = self._plan.width, self._plan.mask
            self._built = {
                dimension: DimensionScore(
                    dimension=dimension,
                    score=100.0 * (packed & mask) / (MAX_LEVEL * weight) if weight else None,
                    weight=market_weight,
                    answered=(packed >> 2 * width) & mask,
                    applicable=(packed >> 3 * width) & mask,
                )
                for dimension, market_weight, packed in zip(
                    self._plan.dimensions, self._plan.dimension_weights, self._sums, strict=True
                )
                for weight in [(packed >> width) & mask]
            }
        return self._built

    def __getitem__(self, dimension: str) -> DimensionScore:
        return self._scores()[dimension]

    def __iter__(self) -> Iterator[str]:
        return iter(self._plan.dimensions)

    def __len__(self) -> int:
        return len(self._plan.dimensions)

    def __repr__(self) -> str:
        return repr(self._scores())


def is_relevant(
    item: Item, code: str, answers: Mapping[AnswerKey, AnswerValue], catalog: Catalog
) -> bool:
    """Skip logic: whether a question is shown (and counted) for this market."""
    condition = item.relevant_if
    if condition is None:
        return True
    target = catalog.all_items[condition.item]
    answer = answers.get((target.id, code if target.scope is Scope.MARKET else None))
    level = answer.level if answer is not None else None
    return level is not None and level >= condition.at_least


def score_market(
    catalog: Catalog,
    market: MarketInput,
    answers: Mapping[AnswerKey, AnswerValue],
    *,
    target_level: int = DEFAULT_TARGET_LEVEL,
) -> MarketReadiness:
    """Score one target market from the answers."""
    plan = _plan(catalog, market.code, market.custom_region)
    # The hot path of scoring: answers are looked up in one C-level pass, then
    # summed per dimension in another (benchmarks/ compares it with a bare loop).
    found: list[object] = list(map(answers.get, plan.keys))
    for position, gate_key, at_least in plan.gated:
        gate_level = _LEVELS.get(answers.get(gate_key))
        if gate_level is None or gate_level < at_least:
            found[position] = _HIDDEN
    # Each dimension's five sums in one C-level pass over its items (see _packing).
    sums = [sum(map(_LOOKUP, tables, pick(found))) for pick, tables in plan.spans]
    width, mask = plan.width, plan.mask
    total = 0.0
    total_weight = 0.0
    for packed, market_weight in zip(sums, plan.dimension_weights, strict=True):
        weight = (packed >> width) & mask
        if weight:
            total += market_weight * (100.0 * (packed & mask) / (MAX_LEVEL * weight))
            total_weight += market_weight
    # No field of the total reaches 2**width either, so one sum gives the three counts.
    every = sum(sums)
    blockers = tuple([item_id for p, item_id in plan.blocking if found[p] in _BLOCKING])
    overall = total / total_weight if total_weight else 0.0
    score_level = level_for(overall)
    # Filled in directly: a frozen dataclass's __init__ sets each of the twelve
    # fields through object.__setattr__, which costs as much as scoring a dimension.
    result: MarketReadiness = object.__new__(MarketReadiness)
    vars(result).update(
        code=market.code,
        overall=overall,
        level=ReadinessLevel.BLOCKED if blockers else score_level,
        score_level=score_level,
        dimensions=_Dimensions(plan, sums),
        blockers=blockers,
        answered=(every >> 2 * width) & mask,
        unknown=every >> 4 * width,
        applicable=(every >> 3 * width) & mask,
        target_level=target_level,
        _plan=plan,
        _found=tuple(found),
    )
    return result


def answer_map(rows: Iterable[tuple[str, str, str]]) -> dict[AnswerKey, AnswerValue]:
    """Answers keyed for scoring from ``(item id, market code or "", value)`` rows."""
    return {(item, market or None): AnswerValue(value) for item, market, value in rows}


__all__ = [
    "CONFIDENCE_LABELS",
    "HIGH_CONFIDENCE",
    "LEVEL_LABELS",
    "LEVEL_THRESHOLDS",
    "MEDIUM_CONFIDENCE",
    "ConfidenceBand",
    "DimensionScore",
    "Gap",
    "MarketInput",
    "MarketReadiness",
    "ReadinessLevel",
    "answer_map",
    "confidence_band",
    "dimension_weights",
    "is_relevant",
    "level_for",
    "score_market",
]
