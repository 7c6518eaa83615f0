"""User text fitted to the page before anything is laid out.

Names, titles, owners and notes come from users and have no natural length;
laid out whole, a 10,000-character owner runs off the cover and makes the
layout engine take minutes. Every text a user typed is cut here, once, to what
its place in the report can show (with an ellipsis), so the chapters never see
more and the rendering time does not depend on what was typed.

A long run without spaces (a web address, a file path, "OOOO...") would still
force its table column wider than the page: such a run is given invisible break
opportunities (zero-width spaces) every few characters, so it wraps inside its
cell while every ordinary word stays whole.
"""

from __future__ import annotations

import re
import unicodedata
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
EVIDENCE_COLUMNS = 60  # an evidence file's name in the answers appendix

BREAK = "\u200b"  # a zero-width space: a place the line may break, drawn as nothing
LONGEST_RUN = 24  # characters without a space that are still left whole (a long word)
RUN_STEP = 12  # a longer run may break after every so many characters
_RUN = re.compile(rf"[^\s\u200b]{{{LONGEST_RUN + 1},}}")


def breakable(text: str) -> str:
    """``text`` with a break opportunity every few characters of any overlong unbroken run.

    Idempotent; words of up to ``LONGEST_RUN`` characters and Chinese text (which
    breaks between any two characters anyway) are left exactly as they are.
    """
    return _RUN.sub(_broken_run, text)


def _broken_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if all(unicodedata.east_asian_width(c) in "WF" for c in run):
        return run
    return BREAK.join(run[i : i + RUN_STEP] for i in range(0, len(run), RUN_STEP))


def fit(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` display columns with an ellipsis, overlong runs breakable."""
    return breakable(display_clip(text.replace(BREAK, ""), columns))


def _fit_note(text: str) -> str:
    return breakable(clip(text.replace(BREAK, ""), NOTE_LIMIT))


def fitted_result(result: AssessmentResult) -> AssessmentResult:
    """``result`` with every user-typed text cut to what the report can show."""
    company = result.company
    return replace(
        result,
        company=replace(
            company,
            name=fit(company.name, COMPANY_COLUMNS),
            industry_segment=fit(company.industry_segment, PROFILE_COLUMNS),
            products=fit(company.products, PROFILE_COLUMNS),
            home_province=fit(company.home_province, PROFILE_COLUMNS),
            notes=fit(company.notes, PROFILE_COLUMNS),
        ),
        assessment=replace(result.assessment, title=fit(result.assessment.title, TITLE_COLUMNS)),
        markets=tuple(
            replace(
                market,
                custom_name=fit(market.custom_name, MARKET_COLUMNS),
                custom_name_zh=fit(market.custom_name_zh, MARKET_COLUMNS)
                if market.custom_name_zh is not None
                else None,
            )
            if market.custom_name is not None
            else market
            for market in result.markets
        ),
        answers={
            key: answer._replace(note=_fit_note(answer.note))
            for key, answer in result.answers.items()
        },
        actions={
            key: replace(
                action,
                owner=fit(action.owner, OWNER_COLUMNS),
                note=_fit_note(action.note),
            )
            for key, action in result.actions.items()
        },
        plan=replace(
            result.plan,
            actions=tuple(
                replace(action, owner=fit(action.owner, OWNER_COLUMNS))
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
                company=fit(row.company, COMPANY_COLUMNS),
                title=fit(row.title, TITLE_COLUMNS),
            )
            for row in portfolio.rows
        ),
    )


def _fitted_name(name: LocalizedText) -> LocalizedText:
    # A custom market's name is the user's text in both languages.
    return LocalizedText.model_construct(
        en=fit(name.en, MARKET_COLUMNS), zh=fit(name.zh, MARKET_COLUMNS)
    )
