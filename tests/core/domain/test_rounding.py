"""Every number a user reads is rounded half up: 12.5 is 13 everywhere, never 12."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.domain.rounding import percent, points, round_half_up, whole
from readiness.domain.scoring import ReadinessLevel, level_for

finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
digits = st.integers(min_value=0, max_value=4)


def _by_hand(value: float, places: int) -> Fraction:
    """Half up as taught at school, on the decimal a person reads, with exact fractions."""
    exact = Fraction(Decimal(repr(value)))
    scale = Fraction(10) ** places
    magnitude = (abs(exact) * scale + Fraction(1, 2)).__floor__()
    return Fraction(magnitude if exact >= 0 else -magnitude) / scale


@pytest.mark.parametrize(
    ("value", "shown"), [(12.5, "13"), (13.5, "14"), (0.5, "1"), (99.5, "100"), (12.49, "12")]
)
def test_a_half_rounds_up_not_to_the_even_neighbour(value: float, shown: str) -> None:
    assert points(value) == shown


def test_a_share_rounds_half_up_on_the_decimal_a_person_reads() -> None:
    assert percent(0.125) == "13%"
    assert percent(0.285) == "29%"  # 0.285 * 100 is 28.4999... in binary
    assert round_half_up(2.675, 2) == 2.68


@given(finite, digits)
def test_it_is_the_nearest_number_with_ties_away_from_zero(value: float, places: int) -> None:
    assert Fraction(round_half_up(value, places)) == Fraction(float(_by_hand(value, places)))


@given(st.integers(min_value=0, max_value=2**40))
def test_every_half_goes_up(whole_part: int) -> None:
    assert round_half_up(whole_part + 0.5) == whole_part + 1
    assert whole(whole_part + 0.5) == whole_part + 1


@given(finite)
def test_whole_points_are_the_same_rounding(value: float) -> None:
    assert whole(value) == int(round_half_up(value))
    assert points(value) == str(int(round_half_up(value)))


@given(st.integers(min_value=-(2**40), max_value=2**40))
def test_a_hair_either_side_of_a_half_goes_to_the_nearer_whole(base: int) -> None:
    half = base + 0.5
    below, above = math.nextafter(half, -math.inf), math.nextafter(half, math.inf)
    assert whole(below) == int(round_half_up(below)) == base
    assert whole(above) == int(round_half_up(above)) == base + 1


@given(finite, digits)
def test_a_negative_number_rounds_as_its_mirror(value: float, places: int) -> None:
    assert round_half_up(-value, places) == -round_half_up(value, places)


@given(finite, finite)
def test_rounding_keeps_the_order(first: float, second: float) -> None:
    low, high = sorted((first, second))
    assert round_half_up(low) <= round_half_up(high)


@given(finite, digits)
def test_rounding_twice_changes_nothing(value: float, places: int) -> None:
    once = round_half_up(value, places)
    assert round_half_up(once, places) == once


def test_the_level_follows_the_score_as_shown() -> None:
    # 54.5 is shown as 55, so it is called Developing, the level that starts at 55.
    assert level_for(54.5) is ReadinessLevel.DEVELOPING
    assert level_for(54.49) is ReadinessLevel.EMERGING
