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

    def reason(self, language: str, names: Mapping[str, str]) -> str:
        """One sentence saying which market is readiest and why, in ``language``."""
        if self.best is None:
            return "还没有目标市场。" if language == "zh" else "No target markets yet."
        best = self.row(self.best)
        name = names.get(best.code, best.code)
        level = best.level.label.get(language)
        blockers = len(best.blockers)
        margin = ""
        runner_blocked = self.runner_up is not None and bool(self.row(self.runner_up).blockers)
        if self.runner_up is not None and (self.all_blocked or not runner_blocked):
            other = self.row(self.runner_up)
            other_name = names.get(other.code, other.code)
            points = best.overall - other.overall
            margin = (
                f"，领先{other_name} {points:.0f} 分"
                if language == "zh"
                else f", {points:.0f} points ahead of {other_name}"
            )
        share = f"{best.completeness:.0%}"
        if language == "zh":
            if self.all_blocked:
                return (
                    f"所有市场都有阻碍项；{name}相对最接近（{best.overall:.0f} 分，"
                    f"{blockers} 个阻碍项{margin}，已答 {share}）。"
                )
            return (
                f"{name}准备度最高：{best.overall:.0f} 分，等级“{level}”，无阻碍项{margin}"
                f"（已答 {share}）。"
            )
        if self.all_blocked:
            return (
                f"Every market has a blocker; {name} is closest ({best.overall:.0f}, "
                f"{blockers} blocker{'s' if blockers != 1 else ''}{margin}; {share} answered)."
            )
        return (
            f"{name} is the readiest market: {best.overall:.0f} points, level {level}, "
            f"no blockers{margin} ({share} answered)."
        )


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
