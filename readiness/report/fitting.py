"""User text fitted to the page before anything is laid out.

Names, titles, owners and notes come from users and have no natural length;
laid out whole, a 10,000-character owner runs off the cover and makes the
layout engine take minutes. Every text a user typed is cut here, once, to what
its place in the report can show (with an ellipsis), so the chapters never see
more and the rendering time does not depend on what was typed.
"""

from __future__ import annotations

from dataclasses import replace

from readiness.content.model import LocalizedText
from readiness.domain.portfolio import Portfolio
from readiness.domain.results import AssessmentResult
from readiness.report.labels import NOTE_LIMIT, clip, display_clip

# Display columns (a Chinese character takes two) each kind of text may take.
COMPANY_COLUMNS = 90  # the cover, the running header, the portfolio tables
TITLE_COLUMNS = 120  # the assessment's title under the company on the cover
PROFILE_COLUMNS = 400  # products, segment, province and notes of the profile
MARKET_COLUMNS = 40  # a custom market's name in tables, headings and charts
OWNER_COLUMNS = 60  # an action's owner in the plan tables
MILESTONE_COLUMNS = 40  # a milestone's name on the trend chart


def fitted_result(result: AssessmentResult) -> AssessmentResult:
    """``result`` with every user-typed text cut to what the report can show."""
    company = result.company
    return replace(
        result,
        company=replace(
            company,
            name=display_clip(company.name, COMPANY_COLUMNS),
            industry_segment=display_clip(company.industry_segment, PROFILE_COLUMNS),
            products=display_clip(company.products, PROFILE_COLUMNS),
            home_province=display_clip(company.home_province, PROFILE_COLUMNS),
            notes=display_clip(company.notes, PROFILE_COLUMNS),
        ),
        assessment=replace(
            result.assessment, title=display_clip(result.assessment.title, TITLE_COLUMNS)
        ),
        markets=tuple(
            replace(market, custom_name=display_clip(market.custom_name, MARKET_COLUMNS))
            if market.custom_name is not None
            else market
            for market in result.markets
        ),
        answers={
            key: answer._replace(note=clip(answer.note, NOTE_LIMIT))
            for key, answer in result.answers.items()
        },
        actions={
            key: replace(
                action,
                owner=display_clip(action.owner, OWNER_COLUMNS),
                note=clip(action.note, NOTE_LIMIT),
            )
            for key, action in result.actions.items()
        },
        plan=replace(
            result.plan,
            actions=tuple(
                replace(action, owner=display_clip(action.owner, OWNER_COLUMNS))
                for action in result.plan.actions
            ),
        ),
        trend=tuple(
            replace(point, name=display_clip(point.name, MILESTONE_COLUMNS))
            for point in result.trend
        ),
    )


def fitted_portfolio(portfolio: Portfolio) -> Portfolio:
    """``portfolio`` with company names, titles and custom market names cut to what it shows."""
    return replace(
        portfolio,
        name=_fitted_name(portfolio.name),
        overview=tuple(
            replace(spread, name=_fitted_name(spread.name)) for spread in portfolio.overview
        ),
        rows=tuple(
            replace(
                row,
                company=display_clip(row.company, COMPANY_COLUMNS),
                title=display_clip(row.title, TITLE_COLUMNS),
            )
            for row in portfolio.rows
        ),
    )


def _fitted_name(name: LocalizedText) -> LocalizedText:
    # A custom market's name is the user's text in both languages.
    return LocalizedText.model_construct(
        en=display_clip(name.en, MARKET_COLUMNS), zh=display_clip(name.zh, MARKET_COLUMNS)
    )
