"""The company profile, the user's plan figures, the budget currency and dated rates:
saved on both backends, refused with a message that says what and where, nothing lost."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.domain.records import PlanFigures, SavedRate
from readiness.domain.statuses import ActionStatus
from readiness.storage.errors import StoreError
from readiness.storage.refusals import RefusedValueError
from readiness.storage.store import Store

FIGURES = PlanFigures(
    start_date=dt.date(2027, 1, 4),
    due_date=dt.date(2027, 6, 30),
    effort_min=2.5,
    effort_max=6,
    cost_min=80_000,
    cost_max=150_000,
    cost_currency="EUR",
    cost_basis="one_off",
)


@pytest.mark.both_backends
def test_the_company_profile_is_saved_and_read_back(store: Store, assessment_id: int) -> None:
    company_id = store.assessment(assessment_id).company_id
    before = store.revision(assessment_id)
    saved = store.update_company(
        company_id,
        employees=280,
        export_channels=["traders", "oem_supply", "traders"],
        product_types=["vehicles", "special_vehicles"],
        certificates=["iatf_16949", "iso_9001"],
        other_certificates="CCC, E-mark",
    )
    assert saved.employees == 280
    assert saved.export_channels == ("traders", "oem_supply")
    company = store.snapshot(assessment_id).company
    assert company == saved
    assert company.name == "Shiyan Brake Systems" and company.home_province == "Hubei"
    assert store.revision(assessment_id) == before + 1
    cleared = store.update_company(company_id, employees=None, certificates=[])
    assert (cleared.employees, cleared.certificates) == (None, ())
    assert cleared.product_types == ("vehicles", "special_vehicles")


@pytest.mark.both_backends
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"employees": -3}, "number of employees -3"),
        ({"employees": True}, "number of employees True"),
        ({"certificates": ["iatf_16949", "ISO9001"]}, "certificate 'ISO9001' is not one of"),
        ({"product_types": ["trucks"]}, "product type 'trucks'"),
        ({"export_channels": ["online"]}, "export channel 'online'"),
        ({"other_certificates": "CCC\x00"}, "other certificates"),
        ({"headcount": 4}, "no field headcount"),
    ],
)
def test_a_bad_profile_is_refused_and_nothing_is_lost(
    store: Store, assessment_id: int, change: dict[str, object], message: str
) -> None:
    company_id = store.assessment(assessment_id).company_id
    kept = store.update_company(company_id, employees=50, certificates=["iso_9001"])
    revision = store.revision(assessment_id)
    with pytest.raises(RefusedValueError, match=message) as refused:
        store.update_company(company_id, notes="new notes", **change)
    assert "nothing was saved" in str(refused.value)
    assert store.company(company_id) == kept
    assert store.revision(assessment_id) == revision


@pytest.mark.both_backends
def test_plan_figures_replace_together_and_none_keeps_them(
    store: Store, assessment_id: int
) -> None:
    first = store.set_action(assessment_id, "CERT-002", "IT", owner="Wang", figures=FIGURES)
    assert (first.start_date, first.due_date) == (FIGURES.start_date, FIGURES.due_date)
    assert (first.effort_min, first.effort_max) == (2.5, 6.0)
    assert (first.cost_min, first.cost_max, first.cost_currency, first.cost_basis) == (
        80_000,
        150_000,
        "EUR",
        "one_off",
    )
    revision = store.revision(assessment_id)
    kept = store.set_action(assessment_id, "CERT-002", "IT", status=ActionStatus.IN_PROGRESS)
    assert (kept.start_date, kept.cost_max, kept.owner) == (FIGURES.start_date, 150_000, "Wang")
    assert store.revision(assessment_id) == revision + 1
    # Only the effort of the user's own: every other figure goes back to the plan's.
    reverted = store.set_action(
        assessment_id, "CERT-002", "IT", figures=PlanFigures(effort_min=3), expected_version=2
    )
    assert (reverted.effort_min, reverted.effort_max) == (3.0, None)
    assert (reverted.start_date, reverted.due_date, reverted.cost_min) == (None, None, None)
    assert reverted.status == "in_progress" and reverted.version == 3
    assert store.snapshot(assessment_id).actions == (reverted,)


@pytest.mark.both_backends
def test_an_action_may_be_kept_for_a_region(store: Store, assessment_id: int) -> None:
    action = store.set_action(assessment_id, "BRND-001", "eu", owner="Li", figures=FIGURES)
    assert action.market_code == "eu"
    assert [(a.item_id, a.market_code) for a in store.actions(assessment_id)] == [
        ("BRND-001", "eu")
    ]


@pytest.mark.both_backends
@pytest.mark.parametrize(
    ("figures", "message"),
    [
        (
            PlanFigures(start_date=dt.date(2027, 7, 1), due_date=dt.date(2027, 6, 1)),
            r"start date of the action on CERT-002 \(IT\) \(2027-07-01\) is after its due date",
        ),
        (PlanFigures(start_date=dt.date(1, 1, 1)), "start date of the action on CERT-002"),
        (PlanFigures(due_date=dt.date(9999, 1, 1)), "due date of the action on CERT-002"),
        (PlanFigures(effort_min=4, effort_max=2), r"least effort of the action .* \(4\)"),
        (PlanFigures(effort_min=-1), "least effort of the action on CERT-002 .* -1"),
        (PlanFigures(effort_min=float("nan")), "least effort"),
        (PlanFigures(effort_max=3), "has a most \\(3\\) but no least"),
        (PlanFigures(cost_min=10, cost_max=5, cost_currency="CNY"), "least cost"),
        (PlanFigures(cost_min=-10, cost_currency="CNY"), "least cost"),
        (PlanFigures(cost_min=10), "has no currency"),
        (PlanFigures(cost_min=3_000_000_000, cost_currency="CNY"), "from 0 to 2,000,000,000"),
        (PlanFigures(effort_min=1, effort_max=1e9), "most effort"),
        (PlanFigures(cost_min=10, cost_currency="GBP"), "cost currency .* 'GBP'"),
        (PlanFigures(cost_min=10, cost_currency="CNY", cost_basis="monthly"), "'monthly'"),
    ],
)
def test_bad_figures_are_refused_where_they_are_and_nothing_is_lost(
    store: Store, assessment_id: int, figures: PlanFigures, message: str
) -> None:
    kept = store.set_action(assessment_id, "CERT-002", "IT", owner="Wang", figures=FIGURES)
    revision = store.revision(assessment_id)
    with pytest.raises(RefusedValueError, match=message) as refused:
        store.set_action(assessment_id, "CERT-002", "IT", owner="Zhang", figures=figures)
    assert str(refused.value).endswith("nothing was saved.")
    assert store.actions(assessment_id) == [kept]
    assert store.revision(assessment_id) == revision


@pytest.mark.both_backends
def test_budget_currency_and_rates(store: Store, assessment_id: int) -> None:
    assert store.assessment(assessment_id).budget_currency == "CNY"
    revision = store.revision(assessment_id)
    assert store.set_budget_currency(assessment_id, "EUR").budget_currency == "EUR"
    assert store.revision(assessment_id) == revision + 1
    euro = SavedRate("EUR", 7.85, dt.date(2026, 12, 1))
    assert store.set_rate(assessment_id, euro) == euro
    store.set_rate(assessment_id, SavedRate("USD", 7.1, dt.date(2026, 11, 30)))
    newer = SavedRate("EUR", 7.9, dt.date(2026, 12, 5))
    store.set_rate(assessment_id, newer)
    assert store.rates(assessment_id) == [newer, SavedRate("USD", 7.1, dt.date(2026, 11, 30))]
    assert store.snapshot(assessment_id).rates == tuple(store.rates(assessment_id))
    revision = store.revision(assessment_id)
    assert store.remove_rate(assessment_id, "USD") is True
    assert store.remove_rate(assessment_id, "USD") is False
    assert store.rates(assessment_id) == [newer]
    assert store.revision(assessment_id) == revision + 1


@pytest.mark.both_backends
@pytest.mark.parametrize(
    ("rate", "message"),
    [
        (SavedRate("GBP", 9.0, dt.date(2026, 12, 1)), "currency 'GBP' is not one of EUR, USD"),
        (SavedRate("CNY", 1.0, dt.date(2026, 12, 1)), "currency 'CNY'"),
        (SavedRate("EUR", 0.0, dt.date(2026, 12, 1)), "rate for EUR is 0.0"),
        (SavedRate("EUR", -7.8, dt.date(2026, 12, 1)), "rate for EUR is -7.8"),
        (SavedRate("USD", 7.1, dt.date(1, 1, 1)), "date of the USD rate"),
    ],
)
def test_a_bad_rate_or_currency_is_refused_and_nothing_is_lost(
    store: Store, assessment_id: int, rate: SavedRate, message: str
) -> None:
    kept = store.set_rate(assessment_id, SavedRate("EUR", 7.85, dt.date(2026, 12, 1)))
    with pytest.raises(RefusedValueError, match=message):
        store.set_rate(assessment_id, rate)
    with pytest.raises(RefusedValueError, match="budget currency 'GBP'"):
        store.set_budget_currency(assessment_id, "GBP")
    assert store.rates(assessment_id) == [kept]
    assert store.assessment(assessment_id).budget_currency == "CNY"


def test_rates_of_a_missing_assessment_are_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="no assessment with id 99"):
        store.set_rate(99, SavedRate("EUR", 7.85, dt.date(2026, 12, 1)))
    with pytest.raises(StoreError, match="no assessment with id 99"):
        store.rates(99)


@pytest.mark.both_backends
def test_a_copy_keeps_the_profile_figures_currency_and_rates(
    store: Store, assessment_id: int
) -> None:
    company_id = store.assessment(assessment_id).company_id
    store.update_company(company_id, employees=280, certificates=["vda_6_3"])
    store.set_action(assessment_id, "CERT-002", "IT", figures=FIGURES)
    store.set_budget_currency(assessment_id, "USD")
    store.set_rate(assessment_id, SavedRate("USD", 7.1, dt.date(2026, 12, 1)))
    original = store.snapshot(assessment_id)
    copy = store.snapshot(store.import_assessment(original))
    assert (copy.company.employees, copy.company.certificates) == (280, ("vda_6_3",))
    assert copy.assessment.budget_currency == "USD"
    assert copy.rates == original.rates
    assert [(a.start_date, a.cost_max, a.cost_currency) for a in copy.actions] == [
        (FIGURES.start_date, 150_000, "EUR")
    ]


def test_a_snapshot_with_bad_figures_is_not_imported(store: Store, assessment_id: int) -> None:
    import dataclasses

    store.set_action(assessment_id, "CERT-002", "IT", figures=FIGURES)
    snapshot = store.snapshot(assessment_id)
    broken = dataclasses.replace(
        snapshot, actions=(dataclasses.replace(snapshot.actions[0], cost_currency=None),)
    )
    with pytest.raises(RefusedValueError, match=r"CERT-002 \(IT\) has no currency"):
        store.import_assessment(broken)
    assert len(store.list_assessments()) == 1
