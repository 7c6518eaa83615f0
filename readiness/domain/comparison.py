"""Markets side by side: every target market scored, ranked, and the readiest named.

Pure functions over the scoring engine's results; no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.scoring import (
    DEFAULT_TARGET_LEVEL,
    AnswerKey,
    MarketInput,
    MarketReadiness,
    score_market,
)

# --- comparison ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Comparison:
    """Markets side by side, and which one the company is readiest for."""

    markets: tuple[MarketReadiness, ...]
    best: str | None  # the best-ready market's code
    runner_up: str | None
    all_blocked: bool

    def row(self, code: str) -> MarketReadiness:
        """The result for one market."""
        return next(m for m in self.markets if m.code == code)


def compare(results: Sequence[MarketReadiness]) -> Comparison:
    """Rank markets: unblocked before blocked, then by score, then by completeness."""
    ranked = sorted(
        results,
        key=lambda m: (bool(m.blockers), -m.overall, -m.completeness, m.code),
    )
    return Comparison(
        markets=tuple(results),
        best=ranked[0].code if ranked else None,
        runner_up=ranked[1].code if len(ranked) > 1 else None,
        all_blocked=bool(ranked) and all(m.blockers for m in ranked),
    )


# --- the whole assessment ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AssessmentScore:
    """Every market's readiness and their comparison."""

    markets: Mapping[str, MarketReadiness]
    comparison: Comparison
    target_level: int


def score_assessment(
    catalog: Catalog,
    markets: Sequence[MarketInput],
    answers: Mapping[AnswerKey, AnswerValue],
    *,
    target_level: int = DEFAULT_TARGET_LEVEL,
) -> AssessmentScore:
    """Score every target market and compare them."""
    results = [score_market(catalog, m, answers, target_level=target_level) for m in markets]
    return AssessmentScore(
        markets={result.code: result for result in results},
        comparison=compare(results),
        target_level=target_level,
    )
