"""The computed result of one assessment: what the app, the command line and the report show.

Computed once from an assessment's snapshot (its records as the store gave
them) and the catalog, with no database in sight; everything downstream
(views, tables, the PDF) reads this object. Reading the snapshot from a store
is :func:`readiness.services.results.load_result`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from readiness.content.catalog import Catalog
from readiness.content.facts import MarketFact, facts_by_market, overlay
from readiness.content.model import CURRENCIES, Certificate, Item, LocalizedText, Scope
from readiness.domain.answers import AnswerValue, applicable_items_by_market
from readiness.domain.attractiveness import (
    DEFAULT_WEIGHTS,
    Factor,
    MarketAttractiveness,
    checked_weights,
    market_attractiveness,
)
from readiness.domain.comparison import AssessmentScore, score_assessment
from readiness.domain.plan import ActionPlan, build_action_plan
from readiness.domain.profile import CompanyProfile, ProfileFit, fit_to_profile
from readiness.domain.records import (
    AssessmentSnapshot,
    SavedAction,
    SavedAnswer,
    SavedAssessment,
    SavedCompany,
    SavedMarket,
)
from readiness.domain.scoring import AnswerKey, MarketInput, is_relevant
from readiness.domain.verdict import Verdict, decide


@dataclass(frozen=True)
class TrendPoint:
    """Each market's readiness at one saved milestone.

    ``milestone_id`` is the saved milestone's id, or 0 for an earlier assessment's
    answers as they stand (a re-assessment's trend starts there); ``answers`` are
    the saved answers, for what changed from one point to the next.
    """

    name: str
    saved_at: dt.datetime
    overall: Mapping[str, float]
    milestone_id: int = 0
    assessment_id: int = 0
    answers: Mapping[AnswerKey, AnswerValue] = field(default_factory=dict)


@dataclass(frozen=True)
class AssessmentResult:
    """Everything known and computed about one assessment."""

    company: SavedCompany
    assessment: SavedAssessment
    markets: tuple[MarketInput, ...]
    answers: Mapping[AnswerKey, SavedAnswer]
    score: AssessmentScore
    plan: ActionPlan
    actions: Mapping[AnswerKey, SavedAction]
    trend: tuple[TrendPoint, ...]
    today: dt.date
    # Answers given against an older wording of a question that changed since:
    # shown for review until answered again (readiness.domain.content_changes).
    to_review: frozenset[AnswerKey] = frozenset()
    # The company profile applied: answers kept but not counted for it, questions
    # it does not ask, and answers a held certificate gives (domain.profile).
    fit: ProfileFit | None = None
    # How attractive each market is on its facts, and the verdict on where to go first.
    attractiveness: Mapping[str, MarketAttractiveness] = field(default_factory=dict)
    verdict: Verdict | None = None
    weights: Mapping[Factor, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    @property
    def not_counted(self) -> frozenset[AnswerKey]:
        """Answers the user gave to questions the company profile does not ask."""
        return self.fit.not_counted if self.fit else frozenset()

    @property
    def pre_answered(self) -> Mapping[AnswerKey, Certificate]:
        """Unanswered questions a held certificate answers, with the certificate."""
        return self.fit.pre_answered if self.fit else {}

    @cached_property
    def answer_values(self) -> dict[AnswerKey, AnswerValue]:
        """The answers as the user gave them."""
        return {key: AnswerValue(row.value) for key, row in self.answers.items()}

    @property
    def scored_values(self) -> Mapping[AnswerKey, AnswerValue]:
        """The answers as scoring reads them: the user's, with the company profile applied."""
        return self.fit.answers if self.fit else self.answer_values

    def market_name(self, catalog: Catalog, code: str) -> LocalizedText:
        """A market's name in both languages (a custom market's own name in both)."""
        profile = catalog.markets.get(code)
        if profile is not None:
            return profile.name
        market = next((m for m in self.markets if m.code == code), None)
        name = (market.custom_name if market else None) or code
        chinese = (market.custom_name_zh if market else None) or name
        return LocalizedText.model_construct(en=name, zh=chinese)

    def applicable_by_market(self, catalog: Catalog) -> dict[str, set[str]]:
        """For each target market, the ids of the questions that apply there."""
        cached = self._applicable.get(id(catalog))
        if cached is None:
            cached = applicable_items_by_market(
                catalog, ((m.code, m.custom_region) for m in self.markets)
            )
            self._applicable[id(catalog)] = cached
        return cached

    @cached_property
    def _applicable(self) -> dict[int, dict[str, set[str]]]:
        # Asked once per question when the questionnaire is drawn: worth keeping.
        return {}

    def answer_rows(self, catalog: Catalog, item: Item) -> list[str | None]:
        """Where a question is answered now: ``[None]`` company-wide, else the markets
        it applies to and that skip logic shows it for."""
        values = self.answer_values
        applicable = self.applicable_by_market(catalog)
        shown: list[str | None] = [
            m.code
            for m in self.markets
            if item.id in applicable[m.code] and is_relevant(item, m.code, values, catalog)
        ]
        if item.scope is Scope.COMPANY:
            # Answered once, but only if it counts for at least one target market.
            return [None] if shown else []
        return shown

    def market_names(self, catalog: Catalog, language: str) -> dict[str, str]:
        """Every target market's name in ``language``."""
        return {m.code: self.market_name(catalog, m.code).get(language) for m in self.markets}


def market_inputs(markets: Iterable[SavedMarket]) -> tuple[MarketInput, ...]:
    """An assessment's target markets as scoring needs them."""
    return tuple(
        MarketInput(
            code=m.market_code,
            custom_region=m.custom_region,
            planned_entry=m.planned_entry,
            custom_name=m.custom_name,
            custom_name_zh=m.custom_name_zh,
        )
        for m in markets
    )


def compute_result(
    snapshot: AssessmentSnapshot,
    catalog: Catalog,
    *,
    today: dt.date | None = None,
    currency: str | None = None,
) -> AssessmentResult:
    """Compute an assessment's scores, plan and trend from what the store holds of it.

    The company profile applies to the answers before scoring (see
    :mod:`readiness.domain.profile`); the budget is totalled in ``currency``, or
    the assessment's own budget currency.
    """
    day = today or dt.date.today()
    markets = market_inputs(snapshot.markets)
    rows = {(a.item_id, a.market_code or None): a for a in snapshot.answers}
    profile = CompanyProfile.of(snapshot.company)
    fit = fit_to_profile(
        catalog, markets, {key: AnswerValue(row.value) for key, row in rows.items()}, profile
    )
    score = score_assessment(catalog, markets, fit.answers)
    actions = {(a.item_id, a.market_code or None): a for a in snapshot.actions}
    budget_currency = currency or snapshot.assessment.budget_currency
    trend = []
    for milestone in (*snapshot.earlier, *snapshot.milestones):
        saved = {
            (s["item_id"], s["market_code"] or None): AnswerValue(s["value"])
            for s in milestone.answers
        }
        past = score_assessment(
            catalog, markets, fit_to_profile(catalog, markets, saved, profile).answers
        )
        trend.append(
            TrendPoint(
                name=milestone.name,
                saved_at=milestone.created_at,
                overall={code: m.overall for code, m in past.markets.items()},
                milestone_id=milestone.id,
                assessment_id=milestone.assessment_id,
                answers=saved,
            )
        )
    weights = assessment_weights(snapshot.assessment)
    facts = market_facts(catalog, snapshot.facts)
    attractiveness = {
        m.code: market_attractiveness(
            m.code, facts.get(m.code, ()), weights=weights, products=profile.products
        )
        for m in markets
    }
    return AssessmentResult(
        company=snapshot.company,
        assessment=snapshot.assessment,
        markets=markets,
        answers=rows,
        score=score,
        plan=build_action_plan(
            catalog,
            score,
            markets,
            today=day,
            saved=actions,
            profile=profile,
            rates=snapshot.rates,
            currency=next((c for c in CURRENCIES if c == budget_currency), "CNY"),
        ),
        actions=actions,
        trend=tuple(trend),
        today=day,
        fit=fit,
        attractiveness=attractiveness,
        verdict=decide(catalog, score, markets, fit.answers, attractiveness),
        weights=weights,
    )


def assessment_weights(assessment: SavedAssessment) -> dict[Factor, float]:
    """The attractiveness weights an assessment uses: the user's, or the defaults.

    Weights saved by a version that knew other factors are ignored, not refused.
    """
    known = {factor.value for factor in Factor}
    try:
        return checked_weights({k: v for k, v in assessment.attractiveness_weights if k in known})
    except ValueError:  # e.g. all zero, written by hand into the database
        return dict(DEFAULT_WEIGHTS)


def market_facts(
    catalog: Catalog, imported: Sequence[MarketFact] = ()
) -> dict[str, tuple[MarketFact, ...]]:
    """Every market's facts in force: the bundled ones, refreshed by the user's imports."""
    bundled = [fact for facts in catalog.facts.values() for fact in facts]
    return facts_by_market(overlay(bundled, imported))
