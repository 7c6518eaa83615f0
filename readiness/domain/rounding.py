"""How the product rounds a number for people: half up, the same in every view.

Python's ``round()`` and ``format(x, ".0f")`` round a tie to the even neighbour
(12.5 becomes 12, 13.5 becomes 14), so the same score could read 12 on the
dashboard and 13 in a spreadsheet a user checks by hand. Every score, share and
amount a user reads (app, command line, workbook, report) is rounded here,
half away from zero, as taught at school: 12.5 is 13, -12.5 is -13.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

# Enough digits for any float at any scale: quantize never runs out of precision.
_EXACT = Context(prec=800)


def round_half_up(value: float, digits: int = 0) -> float:
    """``value`` rounded to ``digits`` decimals, a tie away from zero (12.5 -> 13.0).

    The tie is judged on the shortest decimal that reads back as ``value`` (what
    ``repr`` prints), so 2.675, stored a hair below, still rounds to 2.68 as a
    person reading 2.675 expects. Infinities and NaN come back unchanged.
    """
    if not math.isfinite(value):
        return value
    return _half_up(Decimal(repr(value)), digits)


def _half_up(value: Decimal, digits: int) -> float:
    step = Decimal(1).scaleb(-digits)
    rounded = value.quantize(step, rounding=ROUND_HALF_UP, context=_EXACT)
    # float(Decimal("-0")) is -0.0, which would print as "-0".
    return float(rounded) + 0.0


def whole(value: float) -> int:
    """``value`` as a whole number, half up (12.5 -> 13): the points a view shows.

    The same as ``int(round_half_up(value))``, without decimals: scoring asks it
    for every market's level. A binary fraction at or above one half is exactly
    one whose shortest decimal is, since 0.5 itself is exact.
    """
    size = abs(value)
    floor = math.floor(size)
    rounded = floor + 1 if size - floor >= 0.5 else floor
    return rounded if value >= 0 else -rounded


def points(value: float) -> str:
    """A score as every view writes it, in whole points half up ("13" for 12.5)."""
    return str(whole(value))


def percent(share: float) -> str:
    """A 0-1 share as a whole percentage, half up ("13%" for 0.125)."""
    # Scaled as decimals: 0.285 * 100 is 28.499999999999996 in binary floating point.
    if not math.isfinite(share):
        return f"{share}%"
    return f"{int(_half_up(Decimal(repr(share)).scaleb(2), 0))}%"


def decimals(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals, half up ("12.35" -> "12.4" for one decimal)."""
    return f"{round_half_up(value, digits):.{digits}f}"
