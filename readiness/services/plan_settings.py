"""The company profile the plan reads and the currency its budget is totalled in:
one way for ``readiness profile``, ``readiness rates`` and the app's pages and dialogs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from readiness.domain.records import SavedCompany, SavedRate
from readiness.storage.refusals import RefusedValueError, refuse_bad_currency, refuse_bad_rate
from readiness.storage.store import Store

# "EUR=7.85@2026-12-01": yuan per unit of a currency, as of a day.
_RATE = re.compile(r"(?P<currency>[A-Za-z]{3})=(?P<rate>[0-9]+(?:\.[0-9]+)?)@(?P<day>[0-9-]+)")


@dataclass(frozen=True)
class BudgetSettings:
    """What an assessment's budget is totalled in: its currency and the user's rates."""

    currency: str
    rates: tuple[SavedRate, ...]


def company_of(store: Store, assessment_id: int) -> SavedCompany:
    """The company profile of an assessment."""
    return store.company(store.assessment(assessment_id).company_id)


def update_profile(store: Store, assessment_id: int, **changes: object) -> SavedCompany:
    """Save profile fields of the assessment's company (see ``Store.update_company``).

    Raises:
        RefusedValueError: a field is unknown or its value is refused; nothing was saved.
    """
    company_id = store.assessment(assessment_id).company_id
    if not changes:
        return store.company(company_id)
    return store.update_company(company_id, **changes)


def budget_settings(store: Store, assessment_id: int) -> BudgetSettings:
    """The assessment's budget currency and exchange rates."""
    with store.reading_together():
        currency = store.assessment(assessment_id).budget_currency
        rates = tuple(store.rates(assessment_id))
    return BudgetSettings(currency, rates)


def parse_rate(text: str) -> SavedRate:
    """A rate written ``EUR=7.85@2026-12-01`` (yuan per unit, as of a day).

    Raises:
        RefusedValueError: not of that form, or a value the store refuses.
    """
    found = _RATE.fullmatch(text.strip())
    day: dt.date | None = None
    if found is not None:
        try:
            day = dt.date.fromisoformat(found["day"])
        except ValueError:
            day = None
    if found is None or day is None:
        raise RefusedValueError(
            f"The rate '{text[:40]}' is not of the form EUR=7.85@2026-12-01 (yuan per unit, "
            "as of a day); nothing was saved."
        )
    rate = SavedRate(found["currency"].upper(), float(found["rate"]), day)
    refuse_bad_currency(rate.currency, "exchange rate's currency", ("EUR", "USD"))
    return rate


def change_budget(
    store: Store,
    assessment_id: int,
    *,
    currency: str | None = None,
    rates: Sequence[SavedRate] = (),
    remove: Sequence[str] = (),
) -> BudgetSettings:
    """Set the budget currency, save rates and remove rates, in that order; return the result.

    Every value is checked before the first write, so a refused one leaves
    everything as it was.

    Raises:
        RefusedValueError: a currency or rate is refused; nothing was saved.
    """
    if currency is not None:
        refuse_bad_currency(currency, "budget currency")
    for rate in rates:
        refuse_bad_rate(rate)
    for code in remove:
        refuse_bad_currency(code, "currency of the rate to remove", ("EUR", "USD"))
    store.assessment(assessment_id)  # a missing assessment before any write
    if currency is not None:
        store.set_budget_currency(assessment_id, currency)
    for rate in rates:
        store.set_rate(assessment_id, rate)
    for code in remove:
        store.remove_rate(assessment_id, code)
    return budget_settings(store, assessment_id)
