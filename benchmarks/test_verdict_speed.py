"""The verdict and attractiveness of 100 assessments x 20 markets against scoring them.

The verdict is recomputed on every save in the app. It rescores only the
leader and the runner-up, four times (their open questions at both extremes),
whatever the number of markets; attractiveness reads a few facts per market.
Together they should cost about what scoring all 20 markets costs (target
1.5x), so a save stays as quick as it was plus one scoring.
"""

from __future__ import annotations

from typing import Any

from benchmarks.test_plan_speed import ANSWER_SETS, CATALOG, MARKETS, SCORES, score_all
from readiness.domain.attractiveness import market_attractiveness
from readiness.domain.verdict import decide


def _decide_all() -> int:
    decided = 0
    for score, answers in zip(SCORES, ANSWER_SETS, strict=True):
        appeal = {
            m.code: market_attractiveness(m.code, CATALOG.facts.get(m.code, ())) for m in MARKETS
        }
        decided += decide(CATALOG, score, MARKETS, answers, appeal).recommended is not None
    return decided


def test_floor_scoring(benchmark: Any, pair: Any) -> None:
    pair("verdict 100 assessments x 20 markets", "floor")
    benchmark.pedantic(score_all, rounds=3, iterations=1)


def test_decide(benchmark: Any, pair: Any) -> None:
    pair("verdict 100 assessments x 20 markets", "subject", target=1.5)
    assert benchmark.pedantic(_decide_all, rounds=3, iterations=1) == len(SCORES)
