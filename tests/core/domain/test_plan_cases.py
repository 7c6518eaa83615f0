"""The bundled content's plan for the cases the plan was built for: a plan a consultant accepts.

A Hubei maker of dump trucks (280 people) entering Laos and Morocco, and a
parts maker entering Italy and Catalonia, both answering as first-time
exporters do: most things started, little in place.
"""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.content.catalog import Catalog
from readiness.content.model import Phase, ProductType, Scope
from readiness.domain.answers import AnswerValue
from readiness.domain.plan import ActionPlan
from readiness.domain.records import (
    AssessmentSnapshot,
    SavedAnswer,
    SavedAssessment,
    SavedCompany,
    SavedMarket,
)
from readiness.domain.results import AssessmentResult, compute_result

MOMENT = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 12, 7)


def first_time_exporter(
    catalog: Catalog,
    markets: list[tuple[str, dt.date]],
    *,
    employees: int,
    products: tuple[str, ...],
    certificates: tuple[str, ...] = (),
    leave_open: frozenset[str] = frozenset(),
) -> AssessmentResult:
    """Every question answered 1 ("started"), as a first-time exporter would,
    but those in ``leave_open``."""
    answers = []
    seen: set[tuple[str, str]] = set()
    for code, _ in markets:
        for item in catalog.items_for_market(code, None):
            key = (item.id, code if item.scope is Scope.MARKET else "")
            if key in seen or item.id in leave_open:
                continue
            seen.add(key)
            answers.append(
                SavedAnswer(0, 1, item.id, key[1], AnswerValue("1").value, "", [], MOMENT, "", 1)
            )
    snapshot = AssessmentSnapshot(
        company=SavedCompany(
            1,
            "Case company",
            "",
            "",
            "Hubei",
            "",
            MOMENT,
            employees=employees,
            product_types=products,
            certificates=certificates,
        ),
        assessment=SavedAssessment(
            1, 1, "First review", catalog.version, "draft", MOMENT, MOMENT, 1
        ),
        markets=tuple(
            SavedMarket(n, 1, code, None, None, entry, n) for n, (code, entry) in enumerate(markets)
        ),
        answers=tuple(answers),
        actions=(),
        milestones=(),
    )
    return compute_result(snapshot, catalog, today=TODAY)


@pytest.fixture(scope="module")
def truck_maker(bundled_catalog: Catalog) -> AssessmentResult:
    return first_time_exporter(
        bundled_catalog,
        [("LA", dt.date(2027, 9, 1)), ("MA", dt.date(2028, 3, 1))],
        employees=280,
        products=(ProductType.SPECIAL_VEHICLES.value,),
    )


@pytest.fixture(scope="module")
def parts_maker(bundled_catalog: Catalog) -> AssessmentResult:
    return first_time_exporter(
        bundled_catalog,
        [("IT", dt.date(2027, 12, 1)), ("ES-CT", dt.date(2028, 6, 1))],
        employees=650,
        products=(ProductType.PARTS.value,),
        certificates=("iatf_16949", "iso_14001"),
        leave_open=frozenset(i.id for i in bundled_catalog.all_items.values() if i.proven_by),
    )


def _keys(plan: ActionPlan, item_id: str) -> list[tuple[str, str | None]]:
    return [a.key for a in plan.actions if a.item.id == item_id]


class TestTruckMaker:
    def test_the_plan_opens_with_the_decisions_to_take_now(
        self, truck_maker: AssessmentResult
    ) -> None:
        actions = truck_maker.plan.actions
        now = [a for a in actions if a.phase is Phase.NOW]
        assert now, "the content names no decision to take now"
        assert list(actions[: len(now)]) == now
        assert all(a.start == TODAY for a in now)
        assert ("COMP-001", None) in {a.key for a in now}

    def test_the_long_lead_approvals_follow_on_the_critical_path(
        self, truck_maker: AssessmentResult
    ) -> None:
        actions = truck_maker.plan.actions
        first_before_entry = next(a for a in actions if a.phase is Phase.BEFORE_ENTRY)
        assert first_before_entry.critical

    def test_finding_the_approvals_comes_before_getting_them(
        self, truck_maker: AssessmentResult
    ) -> None:
        plan = truck_maker.plan
        for code in ("LA", "MA"):
            find, get = plan.action(("CERT-001", code)), plan.action(("CERT-002", code))
            if find is not None and get is not None:
                assert get.start >= find.due
                assert find.key in get.requires

    def test_no_action_is_due_before_it_starts_or_starts_before_what_it_requires(
        self, truck_maker: AssessmentResult
    ) -> None:
        plan = truck_maker.plan
        for action in plan.actions:
            assert action.start <= action.due
            for required in action.requires:
                before = plan.action(required)
                assert before is not None and action.start >= before.due

    def test_an_offshore_listing_is_not_the_first_step_of_a_280_person_firm(
        self, truck_maker: AssessmentResult
    ) -> None:
        listing = truck_maker.plan.action(("PART-014", None))
        assert listing is not None
        assert listing.ranked_down is not None and "280" in listing.ranked_down.en
        assert listing.phase is Phase.AFTER_ENTRY
        assert listing.rank > len(truck_maker.plan.actions) - 10

    def test_battery_questions_are_not_asked_of_a_dump_truck_maker(
        self, truck_maker: AssessmentResult, bundled_catalog: Catalog
    ) -> None:
        battery_only = {
            item.id
            for item in bundled_catalog.all_items.values()
            if item.asked_of and ProductType.SPECIAL_VEHICLES not in item.asked_of
        }
        assert battery_only, "the content marks no question as for other product types"
        assert truck_maker.fit is not None
        applicable = truck_maker.applicable_by_market(bundled_catalog)
        assert battery_only & (applicable["LA"] | applicable["MA"]) <= truck_maker.fit.not_asked
        assert not {a.item.id for a in truck_maker.plan.actions} & battery_only

    def test_each_market_has_an_earliest_realistic_entry(
        self, truck_maker: AssessmentResult
    ) -> None:
        for schedule in truck_maker.plan.markets.values():
            assert schedule.earliest_entry >= TODAY
            assert schedule.budget.effort.high > 0


class TestPartsMakerInTheEu:
    def test_one_eu_action_serves_italy_and_catalonia(self, parts_maker: AssessmentResult) -> None:
        merged = [a for a in parts_maker.plan.actions if a.covers == "eu"]
        assert merged, "the content marks no action as done once for the EU"
        for action in merged:
            assert action.markets == ("IT", "ES-CT")
            assert _keys(parts_maker.plan, action.item.id) == [action.key]

    def test_a_held_iatf_certificate_answers_what_its_audit_proves(
        self, parts_maker: AssessmentResult
    ) -> None:
        proven = {key[0]: certificate for key, certificate in parts_maker.pre_answered.items()}
        assert "iatf_16949" in {c.value for c in proven.values()}
        for action in parts_maker.plan.actions:
            proof = action.item.proven_by
            if action.item.id in proven and proof is not None:
                assert action.gap.level == proof.level

    def test_the_budget_adds_up(self, parts_maker: AssessmentResult) -> None:
        plan = parts_maker.plan
        total = sum(m.budget.effort.high for m in plan.markets.values())
        assert total == pytest.approx(plan.budget.effort.high)
