"""A market's facts and attractiveness, as its chapter of the assessment report shows them.

Every figure is printed with what it is of, its unit, its source and the day
it held; a factor the market has no facts for says "no data" rather than
counting as zero, and the oldest date is named so a reader knows how fresh
the picture is.
"""

from __future__ import annotations

from typing import Any

from readiness.content.facts import DEFINITIONS, MarketFact, ValueKind
from readiness.domain.attractiveness import (
    DEFAULT_WEIGHTS,
    DUTY_ANCHORS,
    MIN_COVERAGE,
    MarketAttractiveness,
)
from readiness.domain.rounding import points
from readiness.report.context import ReportContext
from readiness.report.labels import format_date, labels, percent

_ORDER = {key: position for position, key in enumerate(DEFINITIONS)}


def fact_value(fact: MarketFact, language: str) -> str:
    """A fact's value with its unit, in the report's language: "10%", "2,500,000 vehicles"."""
    words = labels(language)
    kind = fact.definition.kind
    if kind is ValueKind.NUMBER:
        number = float(fact.value)
        # As written, with thousands separated: "1,559,000", "2.7", "-0.5".
        shown = f"{number:,.4f}".rstrip("0").rstrip(".")
        unit_format = words.fact_units.get(fact.unit, "{value} " + fact.unit)
        return str(unit_format).format(value=shown)
    if kind is ValueKind.CURRENCY:
        return fact.value
    return str(words.fact_words.get(fact.value, fact.value))


def attractiveness_text(attractive: MarketAttractiveness | None, language: str) -> str:
    """A market's attractiveness score, or why it has none: no facts, or too few."""
    words = labels(language)
    if attractive is not None and attractive.score is not None:
        return points(attractive.score)
    if attractive is not None and attractive.facts:
        return str(words.too_few_facts)
    return str(words.no_market_data)


def market_facts(context: ReportContext, code: str) -> dict[str, Any]:
    """One market's facts, attractiveness factors and weights, ready for its chapter."""
    words = labels(context.lang)
    attractive: MarketAttractiveness | None = context.result.attractiveness.get(code)
    facts = sorted(
        attractive.facts if attractive else (),
        key=lambda f: (_ORDER[f.fact], f.qualifier, f.as_of),
    )
    # Many figures share a source (one regulation, one index): each is listed once.
    sources: dict[str, int] = {}
    rows = [
        {
            "label": context.text(fact.definition.label),
            "qualifier": fact.qualifier_in(context.lang),
            "value": fact_value(fact, context.lang),
            "source": sources.setdefault(fact.source.text(), len(sources) + 1),
            "as_of": fact.as_of.isoformat(),
            "note": fact.note,
            "imported": fact.imported,
        }
        for fact in facts
    ]
    factors = []
    if attractive is not None:
        for factor, scored in attractive.factors.items():
            factors.append(
                {
                    "name": context.text(factor.label),
                    "score": points(scored.score)
                    if scored.score is not None
                    else str(words.no_data),
                    "has_data": scored.score is not None,
                    "weight": f"{scored.weight:g}",
                }
            )
    score = attractive.score if attractive else None
    oldest = attractive.oldest if attractive else None
    weights = context.result.weights
    return {
        "fact_rows": rows,
        "fact_sources": [{"number": n, "text": text} for text, n in sources.items()],
        "factors": factors,
        "attractiveness_text": attractiveness_text(attractive, context.lang),
        "has_attractiveness": score is not None,
        "coverage_text": str(words.facts_coverage).format(
            share=percent(attractive.coverage if attractive else 0.0),
            minimum=percent(MIN_COVERAGE),
        ),
        "missing": [context.text(f.label) for f in attractive.missing] if attractive else [],
        "oldest": str(words.facts_oldest).format(date=format_date(oldest, context.lang))
        if oldest
        else "",
        "weights_note": str(
            words.weights_default
            if all(weights.get(f) == w for f, w in DEFAULT_WEIGHTS.items())
            else words.weights_custom
        ),
    }


def attractiveness_method(language: str) -> str:
    """How attractiveness is made, in one short paragraph of the report's language."""
    return str(labels(language).attractiveness_method).format(
        duty_zero=f"{DUTY_ANCHORS[1]:g}%",
        duty_full=f"{DUTY_ANCHORS[0]:g}%",
        minimum=percent(MIN_COVERAGE),
    )
