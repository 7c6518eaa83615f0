"""What changed between two points of an assessment's history: answers, scores and plan.

A point is a saved milestone, an earlier assessment's answers (where a
re-assessment's trend starts) or the answers now. Both sides are scored on the
current target markets and company profile, as the trend chart does, so a
difference comes from the answers alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.comparison import score_assessment
from readiness.domain.plan import PlanKey, build_action_plan
from readiness.domain.profile import CompanyProfile, fit_to_profile
from readiness.domain.results import AssessmentResult
from readiness.domain.scoring import AnswerKey


@dataclass(frozen=True)
class AnswerDifference:
    """One answer that is not what it was: None on a side where it was not given."""

    key: AnswerKey
    before: AnswerValue | None
    after: AnswerValue | None


@dataclass(frozen=True)
class ScoreDifference:
    """One market's readiness (0-100) at both points."""

    market: str
    before: float
    after: float

    @property
    def change(self) -> float:
        """How far readiness moved (negative: it fell)."""
        return self.after - self.before


@dataclass(frozen=True)
class MilestoneChanges:
    """What changed from ``before`` (None: the start, nothing answered) to ``after``."""

    before: str | None
    after: str
    answers: tuple[AnswerDifference, ...]
    scores: tuple[ScoreDifference, ...]
    closed: tuple[PlanKey, ...]  # actions the plan no longer needs
    opened: tuple[PlanKey, ...]  # actions the plan needs now and did not before


def point_count(result: AssessmentResult) -> int:
    """How many points the history has: every trend point and "now"."""
    return len(result.trend) + 1


def changes_at(
    catalog: Catalog, result: AssessmentResult, index: int, *, now: str = "Now"
) -> MilestoneChanges:
    """What changed at point ``index`` of the history (``len(result.trend)`` is now,
    named ``now``) since the point before it.

    Raises:
        IndexError: there is no such point.
    """
    if not 0 <= index < point_count(result):
        raise IndexError(f"the history has no point {index}")
    points = [(p.name, p.answers) for p in result.trend]
    points.append((now, result.answer_values))
    before_name, before = points[index - 1] if index else (None, {})
    after_name, after = points[index]
    profile = CompanyProfile.of(result.company)
    markets = result.markets

    def scored(answers: Mapping[AnswerKey, AnswerValue]) -> tuple[dict[str, float], set[PlanKey]]:
        fitted = fit_to_profile(catalog, markets, answers, profile).answers
        score = score_assessment(catalog, markets, fitted)
        plan = build_action_plan(
            catalog, score, markets, today=result.today or dt.date.today(), profile=profile
        )
        return (
            {code: m.overall for code, m in score.markets.items()},
            {action.key for action in plan.actions},
        )

    scores_before, plan_before = scored(before)
    scores_after, plan_after = scored(after)
    keys = sorted(set(before) | set(after), key=lambda k: (k[0], k[1] or ""))
    return MilestoneChanges(
        before=before_name,
        after=after_name,
        answers=tuple(
            AnswerDifference(key, before.get(key), after.get(key))
            for key in keys
            if before.get(key) != after.get(key)
        ),
        scores=tuple(
            ScoreDifference(m.code, scores_before.get(m.code, 0.0), scores_after.get(m.code, 0.0))
            for m in markets
        ),
        closed=tuple(sorted(plan_before - plan_after, key=_order)),
        opened=tuple(sorted(plan_after - plan_before, key=_order)),
    )


def _order(key: PlanKey) -> tuple[str, str]:
    return key[0], key[1] or ""
