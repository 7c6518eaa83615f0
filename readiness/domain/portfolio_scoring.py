"""An assessment scored for the portfolio: the engine's scores, without plan or trend.

The portfolio shows each firm's readiness, level, blockers, completeness and
gaps per market: the engine's :func:`~readiness.domain.comparison.score_assessment`
after the profile is applied, exactly as :func:`~readiness.domain.results.compute_result`
computes them. The action plan, the trend and the market facts, which take most
of a full result's time, are left out, so 5,000 firms are scored in seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from readiness.content.catalog import Catalog
from readiness.content.model import LocalizedText
from readiness.domain.comparison import AssessmentScore, score_assessment
from readiness.domain.profile import CompanyProfile, fit_to_profile
from readiness.domain.records import SavedAssessment, SavedCompany, SavedMarket
from readiness.domain.results import market_inputs
from readiness.domain.scoring import MarketInput, answer_map


class Scored(Protocol):
    """What the portfolio reads of a scored assessment (a full result has it too)."""

    @property
    def company(self) -> SavedCompany: ...

    @property
    def assessment(self) -> SavedAssessment: ...

    @property
    def markets(self) -> tuple[MarketInput, ...]: ...

    @property
    def score(self) -> AssessmentScore: ...

    def market_name(self, catalog: Catalog, code: str) -> LocalizedText: ...


@dataclass(frozen=True)
class ScoredAssessment:
    """An assessment's company, markets and scores: all a portfolio row needs."""

    company: SavedCompany
    assessment: SavedAssessment
    markets: tuple[MarketInput, ...]
    score: AssessmentScore

    def market_name(self, catalog: Catalog, code: str) -> LocalizedText:
        """A market's name in both languages (a custom market's own name in both)."""
        profile = catalog.markets.get(code)
        if profile is not None:
            return profile.name
        market = next((m for m in self.markets if m.code == code), None)
        name = (market.custom_name if market else None) or code
        chinese = (market.custom_name_zh if market else None) or name
        return LocalizedText.model_construct(en=name, zh=chinese)


def score_for_portfolio(
    catalog: Catalog,
    company: SavedCompany,
    assessment: SavedAssessment,
    markets: Sequence[SavedMarket],
    answers: Iterable[tuple[str, str, str]],
) -> ScoredAssessment:
    """The assessment's scores as :func:`~readiness.domain.results.compute_result` gives them."""
    inputs = market_inputs(markets)
    fit = fit_to_profile(catalog, inputs, answer_map(answers), CompanyProfile.of(company))
    return ScoredAssessment(
        company=company,
        assessment=assessment,
        markets=inputs,
        score=score_assessment(catalog, inputs, fit.answers),
    )


__all__ = ["Scored", "ScoredAssessment", "score_for_portfolio"]
