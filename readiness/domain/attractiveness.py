"""How attractive a market is, from its sourced facts: size, growth, access, logistics, risk.

Each factor turns one kind of fact into 0-100 on a fixed scale (anchors
below, written down in ``docs/methodology.md`` §10), so a market's score never
moves because another market was added. The attractiveness is the weighted
mean of the factors a market has data for; a factor without data is listed as
a gap, never counted as zero, and with less than half the weight covered the
market gets no score at all. Pure functions; no database, no Qt.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from readiness.content.facts import FactKey, MarketFact
from readiness.content.model import LocalizedText, ProductType


class Factor(StrEnum):
    """What makes a market worth entering, each read from its facts."""

    SIZE = "size"
    GROWTH = "growth"
    ACCESS = "access"
    LOGISTICS = "logistics"
    DISTANCE = "distance"
    RISK = "risk"

    @property
    def label(self) -> LocalizedText:
        """The factor's name in both languages."""
        return FACTOR_LABELS[self]


FACTOR_LABELS = {
    Factor.SIZE: LocalizedText(en="Market size", zh="市场规模"),
    Factor.GROWTH: LocalizedText(en="Growth", zh="增长"),
    Factor.ACCESS: LocalizedText(en="Market access (duties)", zh="市场准入（关税）"),
    Factor.LOGISTICS: LocalizedText(en="Logistics", zh="物流"),
    Factor.DISTANCE: LocalizedText(en="Distance from China", zh="与中国的距离"),
    Factor.RISK: LocalizedText(en="Country risk", zh="国家风险"),
}

# Default weights (points out of 100); the user may change them per assessment.
DEFAULT_WEIGHTS: Mapping[Factor, float] = {
    Factor.SIZE: 25.0,
    Factor.GROWTH: 10.0,
    Factor.ACCESS: 25.0,
    Factor.LOGISTICS: 10.0,
    Factor.DISTANCE: 10.0,
    Factor.RISK: 20.0,
}
# Below this share of the weight covered by facts, a market gets no attractiveness score.
MIN_COVERAGE = 0.5

# The fixed anchors of each factor's 0-100 scale: (value giving 0, value giving 100).
SALES_ANCHORS = (10_000.0, 10_000_000.0)  # vehicles a year, on a log scale
GROWTH_ANCHORS = (-10.0, 20.0)  # % a year
DUTY_ANCHORS = (40.0, 0.0)  # % total duty
LPI_ANCHORS = (2.0, 4.2)  # World Bank LPI score
TRANSIT_ANCHORS = (45.0, 5.0)  # days
DISTANCE_ANCHORS = (12_000.0, 1_000.0)  # nautical miles, used when no transit time is given
RISK_ANCHORS = (7.0, 0.0)  # OECD country risk class

# The tariff lines each product type is sold under.
_LINES: Mapping[ProductType, tuple[FactKey, FactKey]] = {
    ProductType.VEHICLES: (FactKey.DUTY_MFN_CARS, FactKey.DUTY_PREF_CARS),
    ProductType.SPECIAL_VEHICLES: (FactKey.DUTY_MFN_TRUCKS, FactKey.DUTY_PREF_TRUCKS),
    ProductType.PARTS: (FactKey.DUTY_MFN_PARTS, FactKey.DUTY_PREF_PARTS),
    ProductType.BATTERIES: (FactKey.DUTY_MFN_BATTERIES, FactKey.DUTY_PREF_BATTERIES),
}


def scale(value: float, anchors: tuple[float, float]) -> float:
    """``value`` on a 0-100 scale between two anchors (either may be the higher), clamped."""
    zero, hundred = anchors
    share = (value - zero) / (hundred - zero)
    return 100.0 * min(1.0, max(0.0, share))


@dataclass(frozen=True, slots=True)
class LineDuty:
    """The duty a product line pays entering the market, and the facts it comes from."""

    product: ProductType
    duty: float  # %, the lower of MFN and the best preference, plus any trade-defence duty
    mfn: float | None
    preference: MarketFact | None  # the preference used, when it beats MFN
    trade_defence: MarketFact | None  # the highest trade-defence duty that applies


@dataclass(frozen=True, slots=True)
class FactorScore:
    """One factor of one market: its 0-100 score (None: no data) and the facts behind it."""

    factor: Factor
    score: float | None
    weight: float
    facts: tuple[MarketFact, ...]


@dataclass(frozen=True, slots=True)
class MarketAttractiveness:
    """How attractive one market is, how much of it rests on facts, and what is missing."""

    code: str
    score: float | None  # 0-100; None when facts cover less than MIN_COVERAGE of the weight
    coverage: float  # share of the weight the market has facts for (0-1)
    factors: Mapping[Factor, FactorScore]
    duties: tuple[LineDuty, ...]
    facts: tuple[MarketFact, ...]  # every fact known about the market

    @property
    def missing(self) -> tuple[Factor, ...]:
        """Factors with weight that the market has no facts for."""
        return tuple(f.factor for f in self.factors.values() if f.score is None and f.weight > 0)

    @property
    def oldest(self) -> dt.date | None:
        """The date of the oldest fact known about the market."""
        return min((fact.as_of for fact in self.facts), default=None)

    def fact(self, key: FactKey) -> MarketFact | None:
        """The market's value of one fact (the latest qualifier when there are several)."""
        return _latest(self.facts, key)


def _latest(facts: Iterable[MarketFact], key: FactKey) -> MarketFact | None:
    rows = [f for f in facts if f.fact is key]
    return max(rows, key=lambda f: (f.qualifier, f.as_of), default=None)


def _numbers(facts: Iterable[MarketFact], key: FactKey) -> list[tuple[float, MarketFact]]:
    return [(n, f) for f in facts if f.fact is key and (n := f.number) is not None]


def line_duties(
    facts: Sequence[MarketFact], products: Collection[ProductType]
) -> tuple[LineDuty, ...]:
    """The duty each of the company's product lines pays (every line when none is set).

    Where a heading has several MFN rates (subheadings), the highest is used; the
    best preference replaces it when lower; a trade-defence duty is added at the
    highest rate any exporter group pays, since a report must not understate a duty.
    """
    duties = []
    for product in products or tuple(ProductType):
        mfn_key, preference_key = _LINES[product]
        mfn = max((n for n, _ in _numbers(facts, mfn_key)), default=None)
        preference = min(_numbers(facts, preference_key), default=None, key=lambda p: p[0])
        rates = [r for r in (mfn, preference[0] if preference else None) if r is not None]
        if not rates:
            continue
        defence = None
        if product is ProductType.VEHICLES:
            defence = max(
                _numbers(facts, FactKey.TRADE_DEFENCE_BEV), default=None, key=lambda p: p[0]
            )
        used = preference[1] if preference and (mfn is None or preference[0] < mfn) else None
        duties.append(
            LineDuty(
                product=product,
                duty=min(rates) + (defence[0] if defence else 0.0),
                mfn=mfn,
                preference=used,
                trade_defence=defence[1] if defence else None,
            )
        )
    return tuple(duties)


def _factor_scores(
    facts: Sequence[MarketFact], duties: Sequence[LineDuty]
) -> dict[Factor, tuple[float | None, tuple[MarketFact, ...]]]:
    found: dict[Factor, tuple[float | None, tuple[MarketFact, ...]]] = {}
    sales = _latest(facts, FactKey.NEW_VEHICLE_SALES)
    found[Factor.SIZE] = (
        (scale(math.log10(max(1.0, float(sales.value))), _log(SALES_ANCHORS)), (sales,))
        if sales
        else (None, ())
    )
    growth = _latest(facts, FactKey.NEW_VEHICLE_SALES_GROWTH)
    found[Factor.GROWTH] = (
        (scale(float(growth.value), GROWTH_ANCHORS), (growth,)) if growth else (None, ())
    )
    if duties:
        used = tuple(
            f for d in duties for f in facts if f.fact in _LINES[d.product] or f is d.trade_defence
        )
        mean = sum(scale(d.duty, DUTY_ANCHORS) for d in duties) / len(duties)
        found[Factor.ACCESS] = (mean, tuple(dict.fromkeys(used)))
    else:
        found[Factor.ACCESS] = (None, ())
    lpi = _latest(facts, FactKey.LPI_SCORE)
    found[Factor.LOGISTICS] = (scale(float(lpi.value), LPI_ANCHORS), (lpi,)) if lpi else (None, ())
    transit = min(_numbers(facts, FactKey.TRANSIT_DAYS), default=None, key=lambda p: p[0])
    distance = min(_numbers(facts, FactKey.SEA_DISTANCE), default=None, key=lambda p: p[0])
    if transit:
        found[Factor.DISTANCE] = (scale(transit[0], TRANSIT_ANCHORS), (transit[1],))
    elif distance:
        found[Factor.DISTANCE] = (scale(distance[0], DISTANCE_ANCHORS), (distance[1],))
    else:
        found[Factor.DISTANCE] = (None, ())
    risk = _latest(facts, FactKey.COUNTRY_RISK)
    found[Factor.RISK] = (scale(float(risk.value), RISK_ANCHORS), (risk,)) if risk else (None, ())
    return found


def _log(anchors: tuple[float, float]) -> tuple[float, float]:
    return (math.log10(anchors[0]), math.log10(anchors[1]))


def market_attractiveness(
    code: str,
    facts: Sequence[MarketFact],
    *,
    weights: Mapping[Factor, float] = DEFAULT_WEIGHTS,
    products: Collection[ProductType] = (),
) -> MarketAttractiveness:
    """Score one market's attractiveness from its facts, for the company's products."""
    duties = line_duties(facts, products)
    scores = _factor_scores(facts, duties)
    factors = {
        factor: FactorScore(
            factor, scores[factor][0], float(weights.get(factor, 0.0)), scores[factor][1]
        )
        for factor in Factor
    }
    total = sum(f.weight for f in factors.values())
    covered = sum(f.weight for f in factors.values() if f.score is not None)
    coverage = covered / total if total else 0.0
    score = (
        sum(f.weight * f.score for f in factors.values() if f.score is not None) / covered
        if covered and coverage >= MIN_COVERAGE
        else None
    )
    return MarketAttractiveness(
        code=code,
        score=score,
        coverage=coverage,
        factors=factors,
        duties=duties,
        facts=tuple(facts),
    )


def checked_weights(weights: Mapping[str, float]) -> dict[Factor, float]:
    """Factor weights as a user set them: every factor present, none negative, some positive.

    Raises:
        ValueError: a weight is negative, unknown, or all are zero.
    """
    known = {factor.value: factor for factor in Factor}
    result = dict(DEFAULT_WEIGHTS)
    for name, weight in weights.items():
        if name not in known:
            raise ValueError(f"unknown attractiveness factor '{name}'")
        if not 0 <= weight <= 100:
            raise ValueError(f"weight of {name} must be between 0 and 100, not {weight:g}")
        result[known[name]] = float(weight)
    if not any(result.values()):
        raise ValueError("at least one attractiveness factor needs a weight above zero")
    return result


__all__ = [
    "DEFAULT_WEIGHTS",
    "FACTOR_LABELS",
    "MIN_COVERAGE",
    "Factor",
    "FactorScore",
    "LineDuty",
    "MarketAttractiveness",
    "checked_weights",
    "line_duties",
    "market_attractiveness",
    "scale",
]
