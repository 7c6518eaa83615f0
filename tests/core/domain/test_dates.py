"""Dates outside 1900-2199 are refused; the plan's arithmetic never leaves the calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.content.catalog import Catalog
from readiness.content.model import Phase, Scope
from readiness.domain.answers import AnswerValue
from readiness.domain.comparison import score_assessment
from readiness.domain.dates import (
    EARLIEST_DATE,
    LATEST_DATE,
    plausible_date,
    plausible_moment,
    weeks_after,
    weeks_before,
)
from readiness.domain.plan import build_action_plan
from readiness.domain.scoring import MarketInput


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(1899, 12, 31), dt.date(9999, 12, 31)])
def test_a_date_outside_any_business_plan_is_refused_with_its_range(day: dt.date) -> None:
    with pytest.raises(ValueError, match="outside the dates this app accepts"):
        plausible_date(day)


def test_the_range_itself_is_accepted() -> None:
    assert plausible_date(EARLIEST_DATE) == EARLIEST_DATE
    assert plausible_date(LATEST_DATE) == LATEST_DATE
    moment = dt.datetime(2199, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert plausible_moment(moment) is moment


@given(day=st.dates(), weeks=st.integers(min_value=0, max_value=10_000))
def test_moving_by_weeks_stays_in_the_calendar(day: dt.date, weeks: int) -> None:
    earlier, later = weeks_before(day, weeks), weeks_after(day, weeks)
    assert dt.date.min <= earlier <= day <= later <= dt.date.max


def test_a_plan_for_an_entry_at_the_start_of_the_calendar_is_dated_not_crashed(
    bundled_catalog: Catalog,
) -> None:
    # A database from before the check may still hold such a date.
    today = dt.date(2026, 12, 2)
    market = MarketInput("IT", planned_entry=dt.date(1, 1, 2))
    answers = {
        (item.id, "IT" if item.scope is Scope.MARKET else None): AnswerValue.from_level(0)
        for item in bundled_catalog.items_for_market("IT", None)
    }
    score = score_assessment(bundled_catalog, [market], answers)
    plan = build_action_plan(bundled_catalog, score, [market], today=today)
    before_entry = [a for a in plan.actions if a.phase is not Phase.AFTER_ENTRY]
    assert before_entry and all(action.at_risk for action in before_entry)
    assert all(today <= action.start <= action.due for action in plan.actions)
    assert plan.markets["IT"].late_days > 700_000
