"""The profile, the budget currency and rates, and an action's figures, through the services
the app and the commands share."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.domain.records import PlanFigures, SavedRate
from readiness.services.editing import AnswerEditor, OwnVersions
from readiness.services.plan_settings import (
    budget_settings,
    change_budget,
    company_of,
    parse_rate,
    update_profile,
)
from readiness.storage.refusals import RefusedValueError
from readiness.storage.store import Store

EURO = SavedRate("EUR", 7.85, dt.date(2026, 12, 1))


def test_the_profile_is_saved_for_the_assessments_company(li: Store, assessment: int) -> None:
    saved = update_profile(li, assessment, employees=45, product_types=["parts"])
    assert company_of(li, assessment) == saved
    assert (saved.employees, saved.product_types, saved.name) == (
        45,
        ("parts",),
        "Shiyan Brake Systems",
    )
    revision = li.revision(assessment)
    assert update_profile(li, assessment) == saved  # nothing to change: nothing written
    assert li.revision(assessment) == revision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EUR=7.85@2026-12-01", EURO),
        ("usd=7.1@2026-11-30", SavedRate("USD", 7.1, dt.date(2026, 11, 30))),
        (" EUR=8@2027-01-02 ", SavedRate("EUR", 8.0, dt.date(2027, 1, 2))),
    ],
)
def test_a_rate_is_read_from_its_short_form(text: str, expected: SavedRate) -> None:
    assert parse_rate(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("EUR7.85", "not of the form EUR=7.85@2026-12-01"),
        ("EUR=7.85@2026-13-01", "not of the form"),
        ("EUR=-1@2026-12-01", "not of the form"),
        ("GBP=9.1@2026-12-01", "currency 'GBP' is not one of EUR, USD"),
    ],
)
def test_a_rate_not_of_that_form_is_refused_in_words(text: str, message: str) -> None:
    with pytest.raises(RefusedValueError, match=message):
        parse_rate(text)


def test_the_budget_is_changed_in_order_and_read_back(li: Store, assessment: int) -> None:
    usd = SavedRate("USD", 7.1, dt.date(2026, 12, 1))
    settings = change_budget(li, assessment, currency="EUR", rates=[EURO, usd])
    assert settings.currency == "EUR" and settings.rates == (EURO, usd)
    settings = change_budget(li, assessment, remove=["USD"])
    assert settings == budget_settings(li, assessment)
    assert settings.rates == (EURO,)


def test_a_refused_value_leaves_the_whole_budget_as_it_was(li: Store, assessment: int) -> None:
    change_budget(li, assessment, currency="USD", rates=[EURO])
    before = budget_settings(li, assessment)
    revision = li.revision(assessment)
    with pytest.raises(RefusedValueError, match=r"rate for EUR is 0\.0"):
        change_budget(li, assessment, currency="CNY", rates=[SavedRate("EUR", 0.0, EURO.as_of)])
    with pytest.raises(RefusedValueError, match="'GBP'"):
        change_budget(li, assessment, currency="EUR", remove=["GBP"])
    assert budget_settings(li, assessment) == before
    assert li.revision(assessment) == revision


def test_the_editor_saves_an_actions_figures_and_keeps_them_on_other_changes(
    li: Store, zhang: Store, assessment: int
) -> None:
    editor = AnswerEditor(li, assessment, OwnVersions())
    figures = PlanFigures(
        start_date=dt.date(2027, 2, 1), effort_min=2, cost_min=5000, cost_currency="CNY"
    )
    outcome = editor.set_action(
        "CERT-002", "IT", known=None, expected=0, keep_mine=lambda _c: True, figures=figures
    )
    assert outcome is not None and outcome.version == 1
    # A colleague's owner meanwhile: keeping mine writes the figures onto their row.
    zhang.set_action(assessment, "CERT-002", "IT", owner="Zhang")
    outcome = editor.set_action(
        "CERT-002",
        "IT",
        known=None,
        expected=1,
        keep_mine=lambda _c: True,
        figures=PlanFigures(effort_min=3, effort_max=4),
    )
    assert outcome is not None and outcome.conflicted
    action = li.actions(assessment)[0]
    assert (action.owner, action.effort_min, action.effort_max, action.start_date) == (
        "Zhang",
        3.0,
        4.0,
        None,
    )


def test_the_editor_refuses_figures_that_make_no_sense(li: Store, assessment: int) -> None:
    editor = AnswerEditor(li, assessment, OwnVersions())
    with pytest.raises(RefusedValueError, match=r"action on CERT-002 \(IT\)"):
        editor.set_action(
            "CERT-002",
            "IT",
            known=None,
            expected=0,
            keep_mine=lambda _c: True,
            figures=PlanFigures(cost_min=5, cost_max=2, cost_currency="CNY"),
        )
    assert li.actions(assessment) == []
