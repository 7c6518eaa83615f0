"""Attractiveness, as docs/methodology.md §10 states it: fixed anchors, weights, gaps not zeros."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.content.facts import FactKey, FactSource, MarketFact
from readiness.content.model import ProductType
from readiness.domain.attractiveness import (
    DEFAULT_WEIGHTS,
    Factor,
    checked_weights,
    market_attractiveness,
    scale,
)

SOURCE = FactSource(title="A table", publisher="A publisher")
DAY = dt.date(2026, 1, 31)


def fact(key: FactKey, value: str, qualifier: str = "", unit: str = "") -> MarketFact:
    units = {
        FactKey.NEW_VEHICLE_SALES: "vehicles",
        FactKey.LPI_SCORE: "score 1-5",
        FactKey.TRANSIT_DAYS: "days",
        FactKey.SEA_DISTANCE: "nautical miles",
        FactKey.COUNTRY_RISK: "class 0-7",
    }
    return MarketFact(
        market="AL",
        fact=key,
        qualifier=qualifier,
        value=value,
        unit=unit or units.get(key, "%"),
        source=SOURCE,
        as_of=DAY,
    )


# The methodology's worked example: "Alpha", for a vehicle maker.
ALPHA = (
    fact(FactKey.NEW_VEHICLE_SALES, "1000000", "2024"),
    fact(FactKey.NEW_VEHICLE_SALES_GROWTH, "5", "2023-2024"),
    fact(FactKey.DUTY_MFN_CARS, "10", "8703.80"),
    fact(FactKey.LPI_SCORE, "3.7", "2023"),
    fact(FactKey.TRANSIT_DAYS, "30", "Shanghai"),
    fact(FactKey.COUNTRY_RISK, "3"),
)
VEHICLES = (ProductType.VEHICLES,)


class TestWorkedExample:
    def test_each_factor_on_its_fixed_scale(self) -> None:
        result = market_attractiveness("AL", ALPHA, products=VEHICLES)
        scores = {factor: f.score for factor, f in result.factors.items()}
        assert scores[Factor.SIZE] == pytest.approx(66.667, abs=0.01)  # log10: 4 -> 0, 7 -> 100
        assert scores[Factor.GROWTH] == pytest.approx(50.0)  # -10% -> 0, +20% -> 100
        assert scores[Factor.ACCESS] == pytest.approx(75.0)  # 40% -> 0, 0% -> 100
        assert scores[Factor.LOGISTICS] == pytest.approx(77.27, abs=0.01)  # 2.0 -> 0, 4.2 -> 100
        assert scores[Factor.DISTANCE] == pytest.approx(37.5)  # 45 days -> 0, 5 -> 100
        assert scores[Factor.RISK] == pytest.approx(57.14, abs=0.01)  # class 7 -> 0, 0 -> 100

    def test_the_weighted_mean_of_the_factors(self) -> None:
        result = market_attractiveness("AL", ALPHA, products=VEHICLES)
        assert result.score == pytest.approx(63.32, abs=0.01)
        assert result.coverage == 1.0
        assert result.missing == ()

    def test_missing_facts_are_left_out_not_counted_as_zero(self) -> None:
        partial = [f for f in ALPHA if f.fact not in (FactKey.LPI_SCORE, FactKey.TRANSIT_DAYS)]
        result = market_attractiveness("AL", partial, products=VEHICLES)
        assert result.missing == (Factor.LOGISTICS, Factor.DISTANCE)
        assert result.coverage == pytest.approx(0.8)
        # (25 x 66.67 + 10 x 50 + 25 x 75 + 20 x 57.14) / 80, not / 100
        assert result.score == pytest.approx(64.81, abs=0.01)

    def test_less_than_half_the_weight_covered_gives_no_score(self) -> None:
        result = market_attractiveness("AL", ALPHA[3:5], products=VEHICLES)
        assert result.coverage == pytest.approx(0.2)
        assert result.score is None
        assert set(result.missing) == {Factor.SIZE, Factor.GROWTH, Factor.ACCESS, Factor.RISK}

    def test_a_market_with_no_facts_has_no_score_and_every_factor_missing(self) -> None:
        result = market_attractiveness("AL", ())
        assert result.score is None
        assert result.coverage == 0.0
        assert result.missing == tuple(Factor)
        assert result.oldest is None


class TestDuties:
    def test_a_preference_under_an_agreement_beats_the_mfn_rate(self) -> None:
        facts = [
            fact(FactKey.DUTY_MFN_CARS, "10"),
            fact(FactKey.DUTY_PREF_CARS, "0", "ACFTA"),
            fact(FactKey.DUTY_PREF_CARS, "5", "RCEP"),
        ]
        (line,) = market_attractiveness("AL", facts, products=VEHICLES).duties
        assert line.duty == 0.0
        assert line.preference is not None and line.preference.qualifier == "ACFTA"

    def test_the_highest_trade_defence_duty_is_added_for_vehicle_makers_only(self) -> None:
        facts = [
            fact(FactKey.DUTY_MFN_CARS, "10"),
            fact(FactKey.DUTY_MFN_PARTS, "4.5"),
            fact(FactKey.TRADE_DEFENCE_BEV, "17.0", "BYD"),
            fact(FactKey.TRADE_DEFENCE_BEV, "35.3", "All others"),
        ]
        cars = market_attractiveness("AL", facts, products=VEHICLES)
        assert cars.duties[0].duty == pytest.approx(45.3)
        assert cars.factors[Factor.ACCESS].score == 0.0
        parts = market_attractiveness("AL", facts, products=(ProductType.PARTS,))
        assert parts.duties[0].duty == pytest.approx(4.5)
        assert parts.duties[0].trade_defence is None

    def test_the_highest_rate_of_a_heading_is_used_when_subheadings_differ(self) -> None:
        facts = [
            fact(FactKey.DUTY_MFN_TRUCKS, "10", "8704.60"),
            fact(FactKey.DUTY_MFN_TRUCKS, "22", "8704.21.31"),
        ]
        result = market_attractiveness("AL", facts, products=(ProductType.SPECIAL_VEHICLES,))
        assert result.duties[0].duty == 22.0

    def test_without_a_profile_every_product_line_with_data_counts(self) -> None:
        facts = [fact(FactKey.DUTY_MFN_CARS, "40"), fact(FactKey.DUTY_MFN_PARTS, "0")]
        result = market_attractiveness("AL", facts)
        assert [d.product for d in result.duties] == [ProductType.VEHICLES, ProductType.PARTS]
        assert result.factors[Factor.ACCESS].score == pytest.approx(50.0)


class TestWeights:
    def test_the_user_weights_change_the_score(self) -> None:
        weights = checked_weights({"size": 100, "growth": 0, "access": 0, "logistics": 0})
        weights.update({Factor.DISTANCE: 0.0, Factor.RISK: 0.0})
        result = market_attractiveness("AL", ALPHA, weights=weights, products=VEHICLES)
        assert result.score == pytest.approx(66.667, abs=0.01)

    def test_a_factor_weighted_zero_is_not_reported_as_missing(self) -> None:
        weights = {**DEFAULT_WEIGHTS, Factor.LOGISTICS: 0.0}
        partial = [f for f in ALPHA if f.fact is not FactKey.LPI_SCORE]
        assert market_attractiveness("AL", partial, weights=weights).missing == ()

    @pytest.mark.parametrize(
        "weights",
        [{"size": -1}, {"size": 101}, {"beauty": 10}, dict.fromkeys(f.value for f in Factor)],
    )
    def test_bad_weights_are_refused(self, weights: dict[str, float | None]) -> None:
        cleaned = {k: (0.0 if v is None else v) for k, v in weights.items()}
        with pytest.raises(ValueError):
            checked_weights(cleaned)


@given(st.floats(-1e6, 1e6), st.floats(-1e3, 1e3), st.floats(-1e3, 1e3))
def test_scale_stays_between_0_and_100(value: float, zero: float, hundred: float) -> None:
    if zero != hundred:
        assert 0.0 <= scale(value, (zero, hundred)) <= 100.0


@given(
    st.integers(1, 50_000_000),
    st.integers(1, 50_000_000),
    st.floats(0, 200),
    st.floats(0, 200),
)
def test_more_sales_never_less_attractive_and_more_duty_never_more(
    sales: int, other_sales: int, duty: float, other_duty: float
) -> None:
    def appeal(units: int, rate: float) -> float:
        facts = [
            fact(FactKey.NEW_VEHICLE_SALES, str(units), "2024"),
            fact(FactKey.DUTY_MFN_PARTS, f"{rate:.3f}"),
        ]
        result = market_attractiveness("AL", facts, products=(ProductType.PARTS,))
        assert result.score is not None and 0.0 <= result.score <= 100.0
        return result.score

    low, high = sorted((sales, other_sales))
    assert appeal(low, duty) <= appeal(high, duty) + 1e-9
    cheap, dear = sorted((duty, other_duty))
    assert appeal(sales, dear) <= appeal(sales, cheap) + 1e-9


def test_the_methodology_states_what_the_engine_computes() -> None:
    from pathlib import Path

    document = Path(__file__).parents[3] / "docs" / "methodology.md"
    text = " ".join(document.read_text(encoding="utf-8").split())
    full = market_attractiveness("AL", ALPHA, products=VEHICLES).score
    partial = market_attractiveness(
        "AL",
        [f for f in ALPHA if f.fact not in (FactKey.LPI_SCORE, FactKey.TRANSIT_DAYS)],
        products=VEHICLES,
    ).score
    assert full is not None and partial is not None
    for heading in ("#### Worked example: attractiveness", "#### 计算示例：吸引力"):
        example = text[text.index(heading) :]
        assert f"**{full:.2f}**" in example
        assert f"**{partial:.2f}**" in example
