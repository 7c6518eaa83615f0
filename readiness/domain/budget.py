"""What a plan costs: effort and money as ranges, converted at the user's dated rates.

Pure functions. An action serving several markets is shared equally among
them, so the markets' budgets add up to the whole (docs/methodology.md, "The
plan").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from readiness.content.model import Citation, CostBasis, Currency
from readiness.domain.records import SavedRate
from readiness.domain.rounding import round_half_up
from readiness.domain.statuses import ActionStatus


@dataclass(frozen=True, slots=True)
class Range:
    """A low-high range of an amount (person-weeks, or money in one currency)."""

    low: float = 0.0
    high: float = 0.0

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.high + other.high)

    def scaled(self, factor: float) -> Range:
        """The range multiplied by ``factor``."""
        return Range(self.low * factor, self.high * factor)


@dataclass(frozen=True, slots=True)
class ActionCost:
    """An action's external cost: a range in one currency, paid once or yearly, and its source.

    ``source`` is a citation, ``"estimate"`` (the content's own estimate), ``"user"``
    (the user's figure) or ``"none"`` (the content gives no figure).
    """

    amount: Range
    currency: Currency
    basis: CostBasis
    source: Citation | str


class Costed(Protocol):
    """What the budget reads of an action of the plan."""

    @property
    def item_id(self) -> str: ...
    @property
    def markets(self) -> tuple[str, ...]: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def effort(self) -> Range: ...
    @property
    def cost(self) -> ActionCost | None: ...
    @property
    def status(self) -> ActionStatus: ...


@dataclass(frozen=True, slots=True)
class Budget:
    """What a set of actions costs, in one currency: effort, one-off and yearly money."""

    currency: Currency
    effort: Range = Range()  # person-weeks
    one_off: Range = Range()
    yearly: Range = Range()
    # Items whose cost is left out because no exchange rate to the currency was entered,
    # and the currencies whose rate is missing.
    unconverted: tuple[str, ...] = ()
    missing_rates: tuple[str, ...] = ()


def number_text(value: float) -> str:
    """A figure with thousands separators and no needless decimals (1,500 · 2.5)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{round_half_up(value, 1):,.1f}"


def range_text(amount: Range) -> str:
    """``low-high`` (with an en dash), or one figure when both ends are the same."""
    if amount.low == amount.high:
        return number_text(amount.low)
    return f"{number_text(amount.low)}\u2013{number_text(amount.high)}"


def convert(
    amount: Range, source: str, target: str, rates: Mapping[str, SavedRate]
) -> Range | None:
    """``amount`` in ``source`` currency expressed in ``target``, or None without a rate.

    Rates are CNY per unit, as the user entered them; CNY itself needs none.
    """
    if source == target:
        return amount

    def cny_per(currency: str) -> float | None:
        if currency == "CNY":
            return 1.0
        rate = rates.get(currency)
        return rate.cny_per_unit if rate is not None and rate.cny_per_unit > 0 else None

    into, out_of = cny_per(source), cny_per(target)
    if into is None or out_of is None:
        return None
    return amount.scaled(into / out_of)


def quarter_of(day: dt.date) -> str:
    """The calendar quarter of a date, as ``2027-Q1``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def counted_in_budget(action: Costed) -> bool:
    """Whether an action's cost counts in the budget: every action except a dropped one."""
    return action.status is not ActionStatus.DROPPED


def budget_of(
    actions: Sequence[Costed],
    currency: Currency,
    rates: Mapping[str, SavedRate],
    *,
    market: str | None = None,
) -> Budget:
    """The budget of the actions, or of one market's share of them.

    An action serving several markets is shared equally among them, so the
    markets' budgets add up to the whole.
    """
    effort, one_off, yearly = Range(), Range(), Range()
    unconverted: list[str] = []
    missing: set[str] = set()
    for action in actions:
        if not counted_in_budget(action):
            continue
        if market is not None and market not in action.markets:
            continue
        share = 1.0 / len(action.markets) if market is not None and action.markets else 1.0
        effort = effort + action.effort.scaled(share)
        if action.cost is None:
            continue
        amount = convert(action.cost.amount, action.cost.currency, currency, rates)
        if amount is None:
            unconverted.append(action.item_id)
            missing.update({action.cost.currency, currency} - {"CNY"} - set(rates))
            continue
        if action.cost.basis is CostBasis.YEARLY:
            yearly = yearly + amount.scaled(share)
        else:
            one_off = one_off + amount.scaled(share)
    return Budget(
        currency,
        effort,
        one_off,
        yearly,
        tuple(dict.fromkeys(unconverted)),
        tuple(sorted(missing)),
    )


def by_quarter(
    actions: Sequence[Costed], currency: Currency, rates: Mapping[str, SavedRate]
) -> dict[str, Range]:
    """One-off costs by the quarter each action starts in (yearly costs run on: see budget)."""
    quarters: dict[str, Range] = {}
    for action in actions:
        if not counted_in_budget(action) or action.cost is None:
            continue
        if action.cost.basis is not CostBasis.ONE_OFF:
            continue
        amount = convert(action.cost.amount, action.cost.currency, currency, rates)
        if amount is None:
            continue
        quarter = quarter_of(action.start)
        quarters[quarter] = quarters.get(quarter, Range()) + amount
    return dict(sorted(quarters.items()))
