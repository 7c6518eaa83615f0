"""The action plan, as the methodology states it (docs/methodology.md, "The plan")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.content.catalog import Catalog
from readiness.content.model import (
    Certificate,
    Cost,
    CostBasis,
    Currency,
    Dimension,
    Effort,
    Item,
    LocalizedText,
    MarketProfile,
    Phase,
    ProductType,
    ProvenBy,
    ReferenceCitation,
    RegionProfile,
    Scope,
    ShowStopper,
)
from readiness.domain.answers import AnswerValue
from readiness.domain.budget import Range
from readiness.domain.comparison import score_assessment
from readiness.domain.plan import ActionPlan, PlanKey, build_action_plan, what_if
from readiness.domain.profile import CompanyProfile, fit_to_profile
from readiness.domain.records import SavedAction, SavedRate
from readiness.domain.scoring import AnswerKey, MarketInput
from readiness.domain.statuses import ActionStatus

T = LocalizedText(en="text", zh="文字")
Q = LocalizedText(en="A question?", zh="一个问题?")
SOURCE = [ReferenceCitation(reference="REF-X")]
TODAY = dt.date(2027, 1, 4)


def action(
    item_id: str,
    *,
    scope: Scope = Scope.MARKET,
    lead: int = 4,
    requires: Sequence[str] = (),
    phase: Phase = Phase.BEFORE_ENTRY,
    covers: str | None = None,
    cost: tuple[int, int, Currency, CostBasis] | None = None,
    effort: tuple[float, float] = (1, 2),
    critical: bool = False,
    weight: int = 2,
    asked_of: Sequence[ProductType] = (),
    later_below: int | None = None,
    proven_by: ProvenBy | None = None,
) -> Item:
    low, high, currency, basis = cost or (0, 0, "CNY", CostBasis.ONE_OFF)
    return Item(
        id=item_id,
        dimension="certification",
        text=Q,
        guidance=T,
        scope=scope,
        weight=weight,
        critical=critical,
        blocks=ShowStopper.NO_APPROVAL if critical else None,
        lead_time_weeks=lead,
        action=T,
        sources=SOURCE,
        requires=list(requires),
        phase=phase,
        covers=covers,
        effort=Effort(min=effort[0], max=effort[1]),
        cost=Cost(min=low, max=high, currency=currency, basis=basis, source="estimate"),
        asked_of=list(asked_of),
        later_below_employees=later_below,
        proven_by=proven_by,
    )


def catalog_of(*items: Item) -> Catalog:
    return Catalog(
        version="example",
        maturity_levels=(T,) * 5,
        dimensions={
            "certification": Dimension(id="certification", name=T, description=T, weight=1.0)
        },
        items={i.id: i for i in items},
        markets={
            "XX": MarketProfile(kind="market", code="XX", name=T, summary=T, regions=["eu"]),
            "ZZ": MarketProfile(kind="market", code="ZZ", name=T, summary=T, regions=["africa"]),
        },
        regions={
            "eu": RegionProfile(kind="region", tag="eu", name=T, summary=T),
            "africa": RegionProfile(kind="region", tag="africa", name=T, summary=T),
        },
        seeds={},
        references={},
    )


# The methodology's worked example: two EU markets, one owner to name, an EU
# approval that needs its requirements list first, a logistics set-up per
# market, and brand work that goes on after entry.
EXAMPLE = catalog_of(
    action("COMP-001", scope=Scope.COMPANY, lead=2, phase=Phase.NOW, effort=(0.5, 1)),
    action(
        "CERT-001",
        lead=12,
        requires=["COMP-001"],
        covers="eu",
        cost=(20_000, 40_000, "EUR", CostBasis.ONE_OFF),
    ),
    action(
        "CERT-002",
        lead=30,
        requires=["CERT-001"],
        covers="eu",
        critical=True,
        cost=(150_000, 300_000, "EUR", CostBasis.ONE_OFF),
        effort=(8, 16),
    ),
    action(
        "LOGI-002", lead=12, requires=["COMP-001"], cost=(5_000, 10_000, "EUR", CostBasis.ONE_OFF)
    ),
    action(
        "BRND-001",
        scope=Scope.COMPANY,
        lead=26,
        phase=Phase.AFTER_ENTRY,
        cost=(200_000, 400_000, "CNY", CostBasis.YEARLY),
    ),
)
MARKETS = (
    MarketInput("XX", planned_entry=dt.date(2027, 6, 1)),
    MarketInput(
        "YY", custom_region="eu", custom_name="Elsewhere", planned_entry=dt.date(2027, 9, 1)
    ),
)
# Nothing started: every action takes its whole lead time.
LOW = {
    ("COMP-001", None): AnswerValue("0"),
    ("BRND-001", None): AnswerValue("0"),
    **{
        (i, m): AnswerValue("0") for i in ("CERT-001", "CERT-002", "LOGI-002") for m in ("XX", "YY")
    },
}
EUR = SavedRate("EUR", 7.8, dt.date(2027, 1, 4))


def plan_of(
    catalog: Catalog = EXAMPLE,
    markets: Sequence[MarketInput] = MARKETS,
    answers: dict[AnswerKey, AnswerValue] | None = None,
    **options: object,
) -> ActionPlan:
    score = score_assessment(catalog, markets, LOW if answers is None else answers)
    return build_action_plan(catalog, score, markets, today=TODAY, **options)  # type: ignore[arg-type]


def saved_action(item_id: str, market: str = "", **fields: object) -> SavedAction:
    values: dict[str, object] = {
        "id": 1,
        "assessment_id": 1,
        "item_id": item_id,
        "market_code": market,
        "owner": "",
        "due_date": None,
        "status": "open",
        "note": "",
        "updated_at": dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
        "updated_by": "",
        "version": 1,
    }
    return SavedAction(**{**values, **fields})  # type: ignore[arg-type]


class TestWorkedExample:
    def test_the_plan_starts_with_the_decision_then_the_long_lead_approval(self) -> None:
        plan = plan_of()
        assert [(a.key, a.start, a.due) for a in plan.actions] == [
            (("COMP-001", None), dt.date(2027, 1, 4), dt.date(2027, 1, 18)),
            (("CERT-001", "eu"), dt.date(2027, 1, 18), dt.date(2027, 4, 12)),
            (("CERT-002", "eu"), dt.date(2027, 4, 12), dt.date(2027, 11, 8)),
            (("LOGI-002", "XX"), dt.date(2027, 1, 18), dt.date(2027, 4, 12)),
            (("LOGI-002", "YY"), dt.date(2027, 1, 18), dt.date(2027, 4, 12)),
            (("BRND-001", None), dt.date(2027, 1, 4), dt.date(2027, 7, 5)),
        ]

    def test_one_eu_action_serves_both_eu_markets(self) -> None:
        approval = plan_of().action(("CERT-002", "eu"))
        assert approval is not None
        assert approval.markets == ("XX", "YY") and approval.covers == "eu"
        assert approval.requires == (("CERT-001", "eu"),)
        assert approval.answer_keys == (("CERT-002", "XX"), ("CERT-002", "YY"))

    def test_the_critical_path_and_slack(self) -> None:
        plan = plan_of()
        critical = {a.key for a in plan.actions if a.critical}
        assert critical == {("COMP-001", None), ("CERT-001", "eu"), ("CERT-002", "eu")}
        logistics = plan.action(("LOGI-002", "XX"))
        assert logistics is not None and logistics.slack_days == 210
        brand = plan.action(("BRND-001", None))
        assert brand is not None and brand.slack_days is None and not brand.critical

    def test_earliest_realistic_entry_says_how_late_each_market_is(self) -> None:
        plan = plan_of()
        xx, yy = plan.markets["XX"], plan.markets["YY"]
        assert xx.earliest_entry == yy.earliest_entry == dt.date(2027, 11, 8)
        assert (xx.late_days, yy.late_days) == (160, 68)

    def test_the_budget_in_cny_at_the_users_rate(self) -> None:
        plan = plan_of(rates=[EUR], currency="CNY")
        assert plan.budget.one_off == Range(180_000 * 7.8, 360_000 * 7.8)
        assert plan.budget.yearly == Range(200_000, 400_000)
        assert plan.budget.effort == Range(0.5 + 1 + 8 + 1 + 1 + 1, 1 + 2 + 16 + 2 + 2 + 2)
        xx = plan.markets["XX"].budget
        assert xx.one_off == Range(90_000 * 7.8, 180_000 * 7.8)
        assert plan.by_quarter == {
            "2027-Q1": Range(30_000 * 7.8, 60_000 * 7.8),
            "2027-Q2": Range(150_000 * 7.8, 300_000 * 7.8),
        }

    def test_without_a_rate_the_cost_is_left_out_and_named(self) -> None:
        plan = plan_of(currency="CNY")
        assert plan.budget.one_off == Range()
        assert plan.budget.unconverted == ("CERT-001", "CERT-002", "LOGI-002")
        assert plan.budget.missing_rates == ("EUR",)


class TestDuration:
    def test_work_under_way_takes_what_is_left_of_the_lead_time(self) -> None:
        started = {
            **LOW,
            ("CERT-002", "XX"): AnswerValue("1"),
            ("CERT-002", "YY"): AnswerValue("1"),
        }
        approval = plan_of(answers=started).action(("CERT-002", "eu"))
        assert approval is not None
        assert approval.due - approval.start == dt.timedelta(weeks=20)  # two thirds of 30
        partly = {**LOW, ("CERT-002", "XX"): AnswerValue("2"), ("CERT-002", "YY"): AnswerValue("0")}
        approval = plan_of(answers=partly).action(("CERT-002", "eu"))
        assert approval is not None  # the market furthest behind sets the time
        assert approval.due - approval.start == dt.timedelta(weeks=30)
        almost = {**LOW, ("CERT-002", "XX"): AnswerValue("2"), ("CERT-002", "YY"): AnswerValue("2")}
        approval = plan_of(answers=almost).action(("CERT-002", "eu"))
        assert approval is not None and approval.due - approval.start == dt.timedelta(weeks=10)


class TestOrder:
    def test_no_action_starts_before_what_it_requires_is_due(self) -> None:
        plan = plan_of()
        for planned in plan.actions:
            for required in planned.requires:
                before = plan.action(required)
                assert before is not None and planned.start >= before.due

    def test_a_prerequisite_already_met_does_not_hold_the_action_back(self) -> None:
        answers = {
            **LOW,
            ("CERT-001", "XX"): AnswerValue("4"),
            ("CERT-001", "YY"): AnswerValue("4"),
        }
        approval = plan_of(answers=answers).action(("CERT-002", "eu"))
        assert approval is not None
        assert approval.requires == () and approval.start == dt.date(2027, 1, 4)

    def test_a_finished_prerequisite_frees_its_successors(self) -> None:
        done = {("CERT-001", "eu"): saved_action("CERT-001", "eu", status="done")}
        approval = plan_of(saved=done).action(("CERT-002", "eu"))
        assert approval is not None and approval.start == TODAY

    def test_a_market_action_saved_before_the_merge_stays_with_the_merged_action(self) -> None:
        saved = {("CERT-002", "XX"): saved_action("CERT-002", "XX", owner="Wang Li")}
        approval = plan_of(saved=saved).action(("CERT-002", "eu"))
        assert approval is not None and approval.owner == "Wang Li"


class TestOverrides:
    def test_the_users_figures_replace_the_contents_and_are_marked(self) -> None:
        own = saved_action(
            "LOGI-002",
            "XX",
            owner="Li",
            status="in_progress",
            start_date=dt.date(2027, 2, 1),
            due_date=dt.date(2027, 3, 1),
            effort_min=3.0,
            effort_max=4.0,
            cost_min=1_000,
            cost_max=2_000,
            cost_currency="USD",
            cost_basis="one_off",
        )
        planned = plan_of(saved={("LOGI-002", "XX"): own}).action(("LOGI-002", "XX"))
        assert planned is not None
        assert (planned.start, planned.due) == (dt.date(2027, 2, 1), dt.date(2027, 3, 1))
        assert planned.effort == Range(3, 4)
        assert planned.cost is not None and planned.cost.currency == "USD"
        assert planned.cost.source == "user"
        assert planned.overridden == {"start", "due", "effort", "cost", "owner", "status"}

    def test_a_due_date_before_the_start_is_moved_to_the_start(self) -> None:
        own = saved_action("CERT-002", "eu", due_date=dt.date(2027, 2, 1))
        approval = plan_of(saved={("CERT-002", "eu"): own}).action(("CERT-002", "eu"))
        assert approval is not None and approval.due == approval.start == dt.date(2027, 4, 12)

    def test_a_dropped_action_holds_nothing_back_and_costs_nothing(self) -> None:
        dropped = {("CERT-002", "eu"): saved_action("CERT-002", "eu", status="dropped")}
        plan = plan_of(saved=dropped, rates=[EUR])
        assert plan.markets["XX"].earliest_entry == dt.date(2027, 4, 12)
        assert plan.budget.one_off == Range(30_000 * 7.8, 60_000 * 7.8)
        approval = plan.action(("CERT-002", "eu"))
        assert approval is not None and approval.status is ActionStatus.DROPPED


class TestProfile:
    def test_an_action_that_is_not_a_first_step_is_ranked_down_with_a_reason(self) -> None:
        catalog = catalog_of(
            action("PART-014", scope=Scope.COMPANY, lead=104, later_below=1000, weight=3),
            action("COMP-001", scope=Scope.COMPANY, lead=2, phase=Phase.NOW, weight=1),
        )
        answers = {("PART-014", None): AnswerValue("0"), ("COMP-001", None): AnswerValue("0")}
        markets = [MarketInput("ZZ", planned_entry=dt.date(2027, 6, 1))]
        plan = plan_of(catalog, markets, answers, profile=CompanyProfile(employees=280))
        listing = plan.action(("PART-014", None))
        assert listing is not None and listing.ranked_down is not None
        assert "280" in listing.ranked_down.en and "280" in listing.ranked_down.zh
        assert listing.phase is Phase.AFTER_ENTRY and listing.rank == 2
        assert plan.markets["ZZ"].earliest_entry == dt.date(2027, 1, 18)
        assert plan.actions[0].key == ("COMP-001", None)

    def test_a_question_for_other_products_is_not_counted_but_its_answer_is_kept(self) -> None:
        catalog = catalog_of(
            action("CERT-009", asked_of=[ProductType.BATTERIES]), action("CERT-001")
        )
        answers = {("CERT-009", "ZZ"): AnswerValue("0"), ("CERT-001", "ZZ"): AnswerValue("4")}
        markets = [MarketInput("ZZ")]
        trucks = CompanyProfile(products=frozenset({ProductType.SPECIAL_VEHICLES}))
        fit = fit_to_profile(catalog, markets, answers, trucks)
        assert fit.not_counted == {("CERT-009", "ZZ")} and fit.not_asked == {"CERT-009"}
        assert score_assessment(catalog, markets, fit.answers).markets["ZZ"].overall == 100.0
        unknown = fit_to_profile(catalog, markets, answers, CompanyProfile())
        assert unknown.not_counted == frozenset() and unknown.answers == answers

    def test_a_held_certificate_answers_what_its_audit_proves(self) -> None:
        proof = ProvenBy(certificates=[Certificate.IATF_16949], level=3)
        catalog = catalog_of(action("QUAL-001", scope=Scope.COMPANY, proven_by=proof))
        markets = [MarketInput("ZZ")]
        held = CompanyProfile(certificates=frozenset({Certificate.IATF_16949}))
        fit = fit_to_profile(catalog, markets, {}, held)
        assert fit.answers == {("QUAL-001", None): AnswerValue("3")}
        assert fit.pre_answered == {("QUAL-001", None): Certificate.IATF_16949}
        own = fit_to_profile(catalog, markets, {("QUAL-001", None): AnswerValue("1")}, held)
        assert own.answers[("QUAL-001", None)] == AnswerValue("1") and not own.pre_answered


def test_what_if_raises_every_market_an_eu_action_covers() -> None:
    plan = plan_of()
    top = plan.ranked()[0]
    assert top.key == ("CERT-002", "eu")
    projected = what_if(EXAMPLE, MARKETS, LOW, plan, 1)
    before = score_assessment(EXAMPLE, MARKETS, LOW)
    for code in ("XX", "YY"):
        assert projected.markets[code].overall > before.markets[code].overall


# --- properties ------------------------------------------------------------------------

KEYS: list[AnswerKey] = [
    ("COMP-001", None),
    ("BRND-001", None),
    *[(i, m) for i in ("CERT-001", "CERT-002", "LOGI-002") for m in ("XX", "YY")],
]
values = st.sampled_from(list(AnswerValue))
answer_sets = st.dictionaries(st.sampled_from(KEYS), values)
statuses = st.sampled_from(list(ActionStatus))
PLAN_KEYS: list[PlanKey] = [
    ("COMP-001", None),
    ("BRND-001", None),
    ("CERT-001", "eu"),
    ("CERT-002", "eu"),
    ("LOGI-002", "XX"),
    ("LOGI-002", "YY"),
]
saved_sets = st.dictionaries(
    st.sampled_from(PLAN_KEYS),
    st.tuples(statuses, st.none() | st.dates(dt.date(2026, 6, 1), dt.date(2028, 1, 1))),
)


def _saved(
    choices: dict[PlanKey, tuple[ActionStatus, dt.date | None]],
) -> dict[PlanKey, SavedAction]:
    return {
        key: saved_action(key[0], key[1] or "", status=status.value, start_date=start)
        for key, (status, start) in choices.items()
    }


@settings(max_examples=150)
@given(answer_sets, saved_sets)
def test_no_action_starts_before_its_prerequisites_end_or_is_due_before_it_starts(
    answers: dict[AnswerKey, AnswerValue],
    choices: dict[PlanKey, tuple[ActionStatus, dt.date | None]],
) -> None:
    plan = plan_of(answers=answers, saved=_saved(choices))
    for planned in plan.actions:
        assert planned.start <= planned.due
        for required in planned.requires:
            before = plan.action(required)
            assert before is not None and planned.start >= before.due
        if planned.slack_days is not None:
            assert planned.slack_days >= 0


@settings(max_examples=150)
@given(answer_sets, st.sampled_from(KEYS), st.sampled_from(["0", "1", "2", "3", "4"]))
def test_raising_an_answer_never_moves_the_earliest_entry_later(
    answers: dict[AnswerKey, AnswerValue], key: AnswerKey, raised: str
) -> None:
    old = answers.get(key)
    if old is None or old.level is None or old.level > int(raised):
        return  # only a level raised (an unanswered question is no level to raise)
    before = plan_of(answers=answers).markets
    after = plan_of(answers={**answers, key: AnswerValue(raised)}).markets
    for code, market in before.items():
        assert after[code].earliest_entry <= market.earliest_entry


@settings(max_examples=150)
@given(answer_sets, saved_sets, st.sampled_from(["CNY", "EUR", "USD"]))
def test_the_budget_is_the_sum_of_its_actions_and_of_its_markets(
    answers: dict[AnswerKey, AnswerValue],
    choices: dict[PlanKey, tuple[ActionStatus, dt.date | None]],
    currency: Currency,
) -> None:
    rates = [EUR, SavedRate("USD", 7.1, TODAY)]
    plan = plan_of(answers=answers, saved=_saved(choices), rates=rates, currency=currency)
    counted = [a for a in plan.actions if a.status is not ActionStatus.DROPPED]
    assert plan.budget.effort.low == pytest.approx(sum(a.effort.low for a in counted))
    assert plan.budget.effort.high == pytest.approx(sum(a.effort.high for a in counted))
    cny = {"CNY": 1.0, "EUR": 7.8, "USD": 7.1}
    expected = sum(
        a.cost.amount.high * cny[a.cost.currency] / cny[currency]
        for a in counted
        if a.cost is not None and a.cost.basis is CostBasis.ONE_OFF
    )
    assert plan.budget.one_off.high == pytest.approx(expected)
    markets = plan.markets.values()
    assert sum(m.budget.one_off.high for m in markets) == pytest.approx(expected)
    assert sum(q.high for q in plan.by_quarter.values()) == pytest.approx(expected)


def test_the_methodology_states_what_the_engine_computes() -> None:
    from pathlib import Path

    document = Path(__file__).parents[3] / "docs" / "methodology.md"
    text = " ".join(document.read_text(encoding="utf-8").split())  # lines wrap anywhere
    english = text[text.index("#### Worked example: the plan") :]
    plan = plan_of(rates=[EUR], currency="CNY")
    xx, yy = plan.markets["XX"], plan.markets["YY"]
    entry = xx.earliest_entry
    assert f"{entry.day} {entry:%B %Y}" in english
    assert f"X {xx.late_days} days after its planned entry, Y {yy.late_days} days" in english
    logistics = plan.action(("LOGI-002", "XX"))
    assert logistics is not None and f"{logistics.slack_days} days of slack" in english
    one_off = plan.budget.one_off
    assert f"CNY {one_off.low:,.0f}-{one_off.high:,.0f}" in english
    q1, q2 = plan.by_quarter.values()
    assert f"2027-Q1 CNY {q1.low:,.0f}-{q1.high:,.0f}" in english
    assert f"2027-Q2 CNY {q2.low:,.0f}-{q2.high:,.0f}" in english
    chinese = text[text.index("#### 计算示例：行动计划") :]
    assert f"X 比计划晚 {xx.late_days} 天，Y 晚 {yy.late_days} 天" in chinese
    assert f"{logistics.slack_days} 天余量" in chinese


def test_entry_waits_only_for_the_part_of_the_work_it_needs() -> None:
    catalog = catalog_of(
        action("BRND-009", lead=40, phase=Phase.BEFORE_ENTRY).model_copy(update={"entry_level": 2})
    )
    markets = [MarketInput("ZZ", planned_entry=dt.date(2027, 6, 1))]
    plan = plan_of(catalog, markets, {("BRND-009", "ZZ"): AnswerValue("0")})
    trademark = plan.action(("BRND-009", "ZZ"))
    assert trademark is not None
    assert trademark.due == TODAY + dt.timedelta(weeks=40)  # registered
    assert trademark.ready_for_entry == TODAY + dt.timedelta(weeks=27)  # filed: 2/3 of 40, up
    assert plan.markets["ZZ"].earliest_entry == trademark.ready_for_entry
    filed = plan_of(catalog, markets, {("BRND-009", "ZZ"): AnswerValue("2")})
    assert filed.markets["ZZ"].earliest_entry == TODAY
    registering = filed.action(("BRND-009", "ZZ"))
    assert registering is not None and registering.ready_for_entry is None
