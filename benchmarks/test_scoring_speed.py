"""Scoring 1,000 assessments x 20 markets x the full catalog, against a multiply-and-sum floor."""

from __future__ import annotations

import random
from typing import Any

from readiness.content.catalog import load_catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.comparison import score_assessment
from readiness.domain.scoring import AnswerKey, MarketInput

ASSESSMENTS = 1000
CATALOG = load_catalog()
REGIONS = sorted(CATALOG.regions)
MARKETS = [MarketInput(code) for code in CATALOG.markets] + [
    MarketInput(f"C{n:02}", custom_region=REGIONS[n % len(REGIONS)])
    for n in range(20 - len(CATALOG.markets))
]
VALUES = list(AnswerValue)


def _answers(rng: random.Random) -> dict[AnswerKey, AnswerValue]:
    answers: dict[AnswerKey, AnswerValue] = {}
    for market in MARKETS:
        for item in CATALOG.items_for_market(market.code, market.custom_region):
            key = (item.id, market.code if item.scope.value == "market" else None)
            if rng.random() < 0.85:
                answers[key] = rng.choice(VALUES)
    return answers


RNG = random.Random(5)
ANSWER_SETS = [_answers(RNG) for _ in range(ASSESSMENTS)]
PAIRS_PER_ASSESSMENT = sum(len(CATALOG.items_for_market(m.code, m.custom_region)) for m in MARKETS)
FLOOR_PAIRS = [(float(RNG.randint(1, 3)), float(RNG.randint(0, 4))) for _ in range(1000)]


def _floor() -> float:
    total = 0.0
    for _ in range(ASSESSMENTS):
        for index in range(PAIRS_PER_ASSESSMENT):
            weight, value = FLOOR_PAIRS[index % 1000]
            total += weight * value
    return total


def _score_all() -> int:
    for answers in ANSWER_SETS:
        score_assessment(CATALOG, MARKETS, answers)
    return len(ANSWER_SETS)


def test_floor_multiply_and_sum(benchmark: Any, pair: Any) -> None:
    pair("score 1000 assessments x 20 markets", "floor")
    benchmark.pedantic(_floor, rounds=3, iterations=1)


def test_score_assessments(benchmark: Any, pair: Any) -> None:
    pair("score 1000 assessments x 20 markets", "subject", target=3.0)
    assert benchmark.pedantic(_score_all, rounds=3, iterations=1) == ASSESSMENTS
