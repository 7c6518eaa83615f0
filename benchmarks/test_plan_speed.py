"""Building the plan of 100 assessments x 20 markets against scoring the same answers.

The plan is built on every save in the app. Scoring is a lookup-table sum; the
plan walks the prerequisites, the critical path twice per market and the budget
per market, so it costs far more: the target keeps a 20-market plan near a
tenth of a second (a 4-market one takes about 20 ms).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from readiness.content.catalog import load_catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.comparison import score_assessment
from readiness.domain.plan import build_action_plan
from readiness.domain.scoring import AnswerKey, MarketInput

ASSESSMENTS = 100
CATALOG = load_catalog()
REGIONS = sorted(CATALOG.regions)
TODAY = dt.date(2026, 12, 7)
MARKETS = [MarketInput(code, planned_entry=dt.date(2027, 9, 1)) for code in CATALOG.markets] + [
    MarketInput(f"C{n:02}", custom_region=REGIONS[n % len(REGIONS)])
    for n in range(20 - len(CATALOG.markets))
]
LOW = [AnswerValue(v) for v in ("0", "1", "2", "unknown")]


def _answers(rng: random.Random) -> dict[AnswerKey, AnswerValue]:
    # First-time exporters: most answers below the target, so most questions are actions.
    answers: dict[AnswerKey, AnswerValue] = {}
    for market in MARKETS:
        for item in CATALOG.items_for_market(market.code, market.custom_region):
            key = (item.id, market.code if item.scope.value == "market" else None)
            answers[key] = rng.choice(LOW)
    return answers


RNG = random.Random(16)
ANSWER_SETS = [_answers(RNG) for _ in range(ASSESSMENTS)]
SCORES = [score_assessment(CATALOG, MARKETS, answers) for answers in ANSWER_SETS]


def score_all() -> int:
    for answers in ANSWER_SETS:
        score_assessment(CATALOG, MARKETS, answers)
    return len(ANSWER_SETS)


def _plan_all() -> int:
    actions = 0
    for score in SCORES:
        actions += len(build_action_plan(CATALOG, score, MARKETS, today=TODAY).actions)
    return actions


def test_floor_scoring(benchmark: Any, pair: Any) -> None:
    pair("plan 100 assessments x 20 markets", "floor")
    benchmark.pedantic(score_all, rounds=3, iterations=1)


def test_build_plans(benchmark: Any, pair: Any) -> None:
    pair("plan 100 assessments x 20 markets", "subject", target=150.0)
    assert benchmark.pedantic(_plan_all, rounds=3, iterations=1) > ASSESSMENTS
