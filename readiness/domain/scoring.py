"""Readiness scores of one market: dimension scores, levels, blockers and gaps.

Pure functions over plain objects: the catalog, the target markets and the
answers go in; typed, immutable results come out. No database, no Qt. The
method is written down for managers in ``docs/methodology.md``; the numbers
here and there must agree (tests pin the worked examples).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property, lru_cache

from readiness.content.catalog import Catalog
from readiness.content.model import Item, LocalizedText, Scope
from readiness.domain.answers import AnswerValue
from readiness.domain.rounding import whole

MAX_LEVEL = 4
DEFAULT_TARGET_LEVEL = 3
PROVISIONAL_BELOW = 0.8
BLOCKING_BELOW = 2
DEFAULT_LEAD_DAYS_TO_ENTRY = 365

AnswerKey = tuple[str, str | None]  # (item id, market code or None for company-wide)


class ReadinessLevel(StrEnum):
    """How ready a company is for one market, from blocked to advanced."""

    BLOCKED = "blocked"
    NOT_READY = "not_ready"
    EMERGING = "emerging"
    DEVELOPING = "developing"
    READY = "ready"
    ADVANCED = "advanced"

    @property
    def label(self) -> LocalizedText:
        """The level's name in both languages."""
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    ReadinessLevel.BLOCKED: LocalizedText(en="Blocked", zh="受阻"),
    ReadinessLevel.NOT_READY: LocalizedText(en="Not ready", zh="尚未就绪"),
    ReadinessLevel.EMERGING: LocalizedText(en="Emerging", zh="起步"),
    ReadinessLevel.DEVELOPING: LocalizedText(en="Developing", zh="发展中"),
    ReadinessLevel.READY: LocalizedText(en="Ready", zh="已就绪"),
    ReadinessLevel.ADVANCED: LocalizedText(en="Advanced", zh="领先"),
}

# Lower bounds of each level on the 0-100 scale (documented in the methodology).
LEVEL_THRESHOLDS: tuple[tuple[float, ReadinessLevel], ...] = (
    (85.0, ReadinessLevel.ADVANCED),
    (70.0, ReadinessLevel.READY),
    (55.0, ReadinessLevel.DEVELOPING),
    (35.0, ReadinessLevel.EMERGING),
    (0.0, ReadinessLevel.NOT_READY),
)


class ConfidenceBand(StrEnum):
    """How far a score can be relied on, from the share of questions answered for real."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> LocalizedText:
        """The band's name in both languages."""
        return CONFIDENCE_LABELS[self]


CONFIDENCE_LABELS = {
    ConfidenceBand.HIGH: LocalizedText(en="High confidence", zh="可信度高"),
    ConfidenceBand.MEDIUM: LocalizedText(en="Medium confidence", zh="可信度中等"),
    ConfidenceBand.LOW: LocalizedText(en="Low confidence", zh="可信度低"),
}
HIGH_CONFIDENCE = 0.8
MEDIUM_CONFIDENCE = 0.5


def confidence_band(confidence: float) -> ConfidenceBand:
    """The band of a confidence (0-1): high from 0.8, medium from 0.5, low below."""
    if confidence >= HIGH_CONFIDENCE:
        return ConfidenceBand.HIGH
    if confidence >= MEDIUM_CONFIDENCE:
        return ConfidenceBand.MEDIUM
    return ConfidenceBand.LOW


def level_for(score: float) -> ReadinessLevel:
    """The readiness level of an (unblocked) 0-100 score.

    Read from the score in whole points, as every view and the report show it,
    so that a 69.6 (or a 69.5) shown as "70" is not called Developing beside it.
    """
    shown = whole(score)
    for bound, level in LEVEL_THRESHOLDS:
        if shown >= bound:
            return level
    return ReadinessLevel.NOT_READY


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
    dimensions: Mapping[str, DimensionScore]
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


# Lookup tables instead of per-answer computation: scoring runs over millions of
# answers in a batch. A question hidden by skip logic is marked with _HIDDEN.
_HIDDEN = object()
_LEVELS: dict[object, int] = {v: v.level for v in AnswerValue if v.level is not None}


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
    return _MarketPlan(
        dimensions=dimensions,
        dimension_weights=tuple(weights[d] for d in dimensions),
        items=tuple(items),
        keys=tuple(key(item) for item in items),
        weights=tuple(item.weight for item in items),
        positions=tuple(order[item.dimension] for item in items),
        critical=tuple(p for p, item in enumerate(items) if item.critical),
        gated=gated,
    )


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
    # The hot path of scoring: answers are looked up in one C-level pass, then a
    # lean loop does the weighted sums (benchmarks/ compares it with a bare loop).
    found: list[object] = list(map(answers.get, plan.keys))
    for position, gate_key, at_least in plan.gated:
        gate_level = _LEVELS.get(answers.get(gate_key))
        if gate_level is None or gate_level < at_least:
            found[position] = _HIDDEN
    count = len(plan.dimensions)
    sums = [0] * count
    weights = [0] * count
    answered_by_dim = [0] * count
    applicable_by_dim = [0] * count
    level_of = _LEVELS.get
    for answer, weight, position in zip(found, plan.weights, plan.positions, strict=True):
        if answer is None:
            applicable_by_dim[position] += 1
            continue
        level = level_of(answer)
        if level is None:  # not applicable, or hidden by skip logic
            continue
        applicable_by_dim[position] += 1
        answered_by_dim[position] += 1
        sums[position] += weight * level
        weights[position] += weight

    dimension_scores: dict[str, DimensionScore] = {}
    total = 0.0
    total_weight = 0.0
    for position, dimension in enumerate(plan.dimensions):
        weight = weights[position]
        score = 100.0 * sums[position] / (MAX_LEVEL * weight) if weight else None
        market_weight = plan.dimension_weights[position]
        dimension_scores[dimension] = DimensionScore(
            dimension=dimension,
            score=score,
            weight=market_weight,
            answered=answered_by_dim[position],
            applicable=applicable_by_dim[position],
        )
        if score is not None:
            total += market_weight * score
            total_weight += market_weight
    blockers = tuple(
        plan.items[p].id
        for p in plan.critical
        if (level := level_of(found[p])) is not None and level < BLOCKING_BELOW
    )
    overall = total / total_weight if total_weight else 0.0
    score_level = level_for(overall)
    return MarketReadiness(
        code=market.code,
        overall=overall,
        level=ReadinessLevel.BLOCKED if blockers else score_level,
        score_level=score_level,
        dimensions=dimension_scores,
        blockers=blockers,
        answered=sum(answered_by_dim),
        unknown=found.count(AnswerValue.UNKNOWN),
        applicable=sum(applicable_by_dim),
        target_level=target_level,
        _plan=plan,
        _found=tuple(found),
    )


def answer_map(rows: Iterable[tuple[str, str, str]]) -> dict[AnswerKey, AnswerValue]:
    """Answers keyed for scoring from ``(item id, market code or "", value)`` rows."""
    return {(item, market or None): AnswerValue(value) for item, market, value in rows}


__all__ = [
    "CONFIDENCE_LABELS",
    "LEVEL_LABELS",
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
