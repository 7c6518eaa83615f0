"""The computed result of one assessment: what the app, the command line and the report show.

Built once from the store and the catalog; everything downstream (views,
tables, the PDF) reads this object, never the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from readiness.content.catalog import Catalog
from readiness.content.model import Item, LocalizedText, Scope
from readiness.domain.answers import AnswerValue, applicable_items_by_market
from readiness.domain.scoring import (
    ActionPlan,
    AnswerKey,
    AssessmentScore,
    MarketInput,
    build_action_plan,
    is_relevant,
    score_assessment,
)
from readiness.storage.store import Store
from readiness.storage.tables import Action, Assessment, Company, SavedAnswer


@dataclass(frozen=True)
class TrendPoint:
    """Each market's readiness at one saved milestone."""

    name: str
    saved_at: dt.datetime
    overall: Mapping[str, float]


@dataclass(frozen=True)
class AssessmentResult:
    """Everything known and computed about one assessment."""

    company: Company
    assessment: Assessment
    markets: tuple[MarketInput, ...]
    answers: Mapping[AnswerKey, SavedAnswer]
    score: AssessmentScore
    plan: ActionPlan
    actions: Mapping[AnswerKey, Action]
    trend: tuple[TrendPoint, ...]
    today: dt.date

    @cached_property
    def answer_values(self) -> dict[AnswerKey, AnswerValue]:
        """The answers as scoring reads them."""
        return {key: AnswerValue(row.value) for key, row in self.answers.items()}

    def market_name(self, catalog: Catalog, code: str) -> LocalizedText:
        """A market's name in both languages (a custom market's own name in both)."""
        profile = catalog.markets.get(code)
        if profile is not None:
            return profile.name
        market = next((m for m in self.markets if m.code == code), None)
        name = (market.custom_name if market else None) or code
        return LocalizedText.model_construct(en=name, zh=name)

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


def markets_of(store: Store, assessment_id: int) -> tuple[MarketInput, ...]:
    """The assessment's target markets as scoring needs them."""
    return tuple(
        MarketInput(
            code=m.market_code,
            custom_region=m.custom_region,
            planned_entry=m.planned_entry,
            custom_name=m.custom_name,
        )
        for m in store.markets(assessment_id)
    )


def compute_result(
    store: Store, catalog: Catalog, assessment_id: int, *, today: dt.date | None = None
) -> AssessmentResult:
    """Read an assessment from the store and compute scores, plan and trend."""
    # One connection for all the reads: on a distant server each new one costs a round trip.
    with store.reading_together():
        return _compute_result(store, catalog, assessment_id, today=today)


def _compute_result(
    store: Store, catalog: Catalog, assessment_id: int, *, today: dt.date | None
) -> AssessmentResult:
    day = today or dt.date.today()
    assessment = store.assessment(assessment_id)
    company = store.company(assessment.company_id)
    markets = markets_of(store, assessment_id)
    rows = {(a.item_id, a.market_code or None): a for a in store.answers(assessment_id)}
    values = {key: AnswerValue(row.value) for key, row in rows.items()}
    score = score_assessment(catalog, markets, values)
    trend = []
    for milestone in store.milestones(assessment_id):
        snapshot = {
            (s["item_id"], s["market_code"] or None): AnswerValue(s["value"])
            for s in milestone.answers
        }
        past = score_assessment(catalog, markets, snapshot)
        trend.append(
            TrendPoint(
                name=milestone.name,
                saved_at=milestone.created_at,
                overall={code: m.overall for code, m in past.markets.items()},
            )
        )
    return AssessmentResult(
        company=company,
        assessment=assessment,
        markets=markets,
        answers=rows,
        score=score,
        plan=build_action_plan(score, markets, today=day),
        actions={(a.item_id, a.market_code or None): a for a in store.actions(assessment_id)},
        trend=tuple(trend),
        today=day,
    )
