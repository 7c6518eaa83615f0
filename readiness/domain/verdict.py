"""The verdict: which market to enter first, by how much, and whether that is decided yet.

The readiest market (unblocked before blocked, then by score, as
:func:`readiness.domain.comparison.compare` ranks) is recommended. The
verdict is *decisive* only when the lead survives the worst the open
questions could do to it: the leader's unanswered and "don't know" questions
answered at level 0, the runner-up's at level 4, and the questions they share
at either extreme; and when the lead is at least ``MIN_MARGIN`` points. A
verdict that is not decisive says "too close to call" and which questions
would decide it. The method is in ``docs/methodology.md`` §11. Pure
functions; no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from readiness.content.catalog import Catalog
from readiness.content.model import Item
from readiness.domain.answers import AnswerValue
from readiness.domain.attractiveness import Factor, MarketAttractiveness
from readiness.domain.comparison import AssessmentScore
from readiness.domain.scoring import AnswerKey, MarketInput, MarketReadiness, score_market

MIN_MARGIN = 5.0  # points of readiness below which no lead is called decisive
TO_DECIDE = 5  # questions named as what would decide a close call
NOTABLE_ATTRACTIVENESS_GAP = 10.0  # points; below this the facts do not favour either market


class Undecided(StrEnum):
    """Why a verdict is not decisive."""

    NO_MARKETS = "no_markets"
    ALL_BLOCKED = "all_blocked"
    OPEN_QUESTIONS = "open_questions"  # the open questions could reverse the order
    SMALL_MARGIN = "small_margin"  # under MIN_MARGIN points


@dataclass(frozen=True, slots=True)
class DimensionGap:
    """A dimension where the recommended market and the runner-up differ."""

    dimension: str
    leader: float
    other: float


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """A question whose answer could change the verdict."""

    item_id: str
    market: str | None  # None: company-wide
    critical: bool


@dataclass(frozen=True)
class Verdict:
    """Which market to enter first, the margin, and whether it is decided."""

    recommended: str | None
    runner_up: str | None
    margin: float | None  # readiness points between the two
    worst_margin: float | None  # the margin if the open questions all went against the leader
    decisive: bool
    undecided: Undecided | None
    dimensions: tuple[DimensionGap, ...]  # where the leader is ahead, largest first
    leader_blockers: tuple[str, ...]
    runner_blockers: tuple[str, ...]
    to_decide: tuple[OpenQuestion, ...]
    open_count: int  # unanswered and "don't know" questions of the two markets
    attractiveness: tuple[float | None, float | None]  # leader's, runner-up's
    fact_edge: Factor | None  # the factor where the leader's facts are most ahead

    @property
    def swing(self) -> float:
        """How far the open questions could move the margin against the leader (points)."""
        if self.margin is None or self.worst_margin is None:
            return 0.0
        return max(0.0, self.margin - self.worst_margin)


def _worst_case(
    catalog: Catalog,
    leader: MarketReadiness,
    runner: MarketReadiness,
    inputs: Mapping[str, MarketInput],
    answers: Mapping[AnswerKey, AnswerValue],
    target_level: int,
) -> tuple[bool, float]:
    """Whether the leader stays ahead in the worst case, and the worst margin."""
    own_first = {key for _, key in leader.open_questions}
    own_second = {key for _, key in runner.open_questions}
    shared = own_first & own_second
    holds = True
    worst = leader.overall - runner.overall
    for extreme in (AnswerValue.NOT_STARTED, AnswerValue.PROVEN):
        # Each market reads only its own questions: one filled copy of the answers each.
        first = dict(answers)
        first.update(dict.fromkeys(own_first, AnswerValue.NOT_STARTED))
        first.update(dict.fromkeys(shared, extreme))
        second = dict(answers)
        second.update(dict.fromkeys(own_second, AnswerValue.PROVEN))
        second.update(dict.fromkeys(shared, extreme))
        low = score_market(catalog, inputs[leader.code], first, target_level=target_level)
        high = score_market(catalog, inputs[runner.code], second, target_level=target_level)
        worst = min(worst, low.overall - high.overall)
        # Reversed only when the runner-up would rank strictly ahead; a tie is a small margin.
        if (bool(low.blockers), -low.overall) > (bool(high.blockers), -high.overall):
            holds = False
    return holds, worst


def _to_decide(
    catalog: Catalog, leader: MarketReadiness, runner: MarketReadiness | None
) -> tuple[tuple[OpenQuestion, ...], int]:
    """Open questions of the two markets, the most telling first, and how many there are."""
    candidates: dict[AnswerKey, Item] = {}
    for market in (leader, runner):
        if market is not None:
            candidates.update((key, item) for item, key in market.open_questions)

    def weight(entry: tuple[AnswerKey, Item]) -> tuple[int, float, str, str]:
        key, item = entry
        dimension = catalog.dimensions[item.dimension].weight
        return (0 if item.critical else 1, -item.weight * dimension, item.id, key[1] or "")

    ranked = sorted(candidates.items(), key=weight)[:TO_DECIDE]
    questions = tuple(OpenQuestion(item.id, key[1], item.critical) for key, item in ranked)
    return questions, len(candidates)


def _dimension_gaps(leader: MarketReadiness, runner: MarketReadiness) -> tuple[DimensionGap, ...]:
    gaps = []
    for dimension, score in leader.dimensions.items():
        other = runner.dimensions.get(dimension)
        if score.score is None or other is None or other.score is None:
            continue
        if score.score - other.score >= 1.0:
            gaps.append(DimensionGap(dimension, score.score, other.score))
    return tuple(sorted(gaps, key=lambda g: g.other - g.leader))


def _fact_edge(
    leader: MarketAttractiveness | None, runner: MarketAttractiveness | None
) -> Factor | None:
    if leader is None or runner is None:
        return None
    best: tuple[float, Factor] | None = None
    for factor, mine in leader.factors.items():
        theirs = runner.factors[factor]
        if mine.score is None or theirs.score is None or mine.weight <= 0:
            continue
        lead = (mine.score - theirs.score) * mine.weight
        if lead > 0 and (best is None or lead > best[0]):
            best = (lead, factor)
    return best[1] if best else None


def decide(
    catalog: Catalog,
    score: AssessmentScore,
    markets: Sequence[MarketInput],
    answers: Mapping[AnswerKey, AnswerValue],
    attractiveness: Mapping[str, MarketAttractiveness],
) -> Verdict:
    """The verdict on the assessment's target markets (see the module's docstring)."""
    comparison = score.comparison
    if comparison.best is None:
        return Verdict(
            None,
            None,
            None,
            None,
            False,
            Undecided.NO_MARKETS,
            (),
            (),
            (),
            (),
            0,
            (None, None),
            None,
        )
    leader = score.markets[comparison.best]
    runner = score.markets[comparison.runner_up] if comparison.runner_up else None
    to_decide, open_count = _to_decide(catalog, leader, runner)
    leader_appeal = attractiveness.get(leader.code)
    if runner is None:
        blocked = bool(leader.blockers)
        return Verdict(
            recommended=leader.code,
            runner_up=None,
            margin=None,
            worst_margin=None,
            decisive=not blocked,
            undecided=Undecided.ALL_BLOCKED if blocked else None,
            dimensions=(),
            leader_blockers=leader.blockers,
            runner_blockers=(),
            to_decide=to_decide,
            open_count=open_count,
            attractiveness=(leader_appeal.score if leader_appeal else None, None),
            fact_edge=None,
        )
    inputs = {m.code: m for m in markets}
    holds, worst = _worst_case(catalog, leader, runner, inputs, answers, score.target_level)
    margin = leader.overall - runner.overall
    undecided: Undecided | None = None
    if comparison.all_blocked:
        undecided = Undecided.ALL_BLOCKED
    elif not holds:
        undecided = Undecided.OPEN_QUESTIONS
    elif not runner.blockers and margin < MIN_MARGIN:
        undecided = Undecided.SMALL_MARGIN
    runner_appeal = attractiveness.get(runner.code)
    return Verdict(
        recommended=leader.code,
        runner_up=runner.code,
        margin=margin,
        worst_margin=worst,
        decisive=undecided is None,
        undecided=undecided,
        dimensions=_dimension_gaps(leader, runner),
        leader_blockers=leader.blockers,
        runner_blockers=runner.blockers,
        to_decide=to_decide,
        open_count=open_count,
        attractiveness=(
            leader_appeal.score if leader_appeal else None,
            runner_appeal.score if runner_appeal else None,
        ),
        fact_edge=_fact_edge(leader_appeal, runner_appeal),
    )


__all__ = [
    "MIN_MARGIN",
    "NOTABLE_ATTRACTIVENESS_GAP",
    "DimensionGap",
    "OpenQuestion",
    "Undecided",
    "Verdict",
    "decide",
]
