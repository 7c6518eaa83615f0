"""The text a store write refuses: the product's text policy, applied where rows are written.

Every way in (the app, a command, an import, a copy) writes through the store,
so these checks keep a control character, an over-long name or a code that
could leave a folder out of everything that reads the database later. A refused
write raises :class:`RefusedValueError` before the transaction starts: nothing
is written.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum

from readiness.content.facts import MarketFact, check_fact
from readiness.content.model import (
    CURRENCIES,
    Certificate,
    CostBasis,
    ExportChannel,
    ProductType,
)
from readiness.domain.assignments import same_person
from readiness.domain.attractiveness import checked_weights
from readiness.domain.dates import plausible_date
from readiness.domain.records import (
    COMPANY_SCOPE,
    AssessmentSnapshot,
    MarketChoice,
    PlanFigures,
    SavedAction,
    SavedAnswer,
    SavedAssignment,
    SavedRate,
)
from readiness.domain.text import (
    ASSIGNEE,
    NAME,
    TEXT,
    TextKind,
    check_code,
    check_market_code,
    clean_text,
)
from readiness.storage.errors import StoreError


class RefusedValueError(StoreError):
    """A value the product does not store (see :mod:`readiness.domain.text`); nothing was saved."""


def refuse_bad_text(text: str, what: str, kind: TextKind = TEXT) -> str:
    """``text`` as stored (line breaks made line feeds), or a :class:`RefusedValueError`."""
    try:
        return clean_text(text, kind)
    except ValueError as error:
        raise RefusedValueError(f"The {what} {error}; nothing was saved.") from None


def refuse_bad_code(code: str, what: str) -> str:
    """``code`` when it is a safe code or id, or a :class:`RefusedValueError`."""
    try:
        return check_code(code)
    except ValueError as error:
        raise RefusedValueError(f"The {what} {error}; nothing was saved.") from None


def refuse_bad_market(code: str) -> str:
    """A target market's code when valid, or a :class:`RefusedValueError`."""
    try:
        return check_market_code(code)
    except ValueError as error:
        raise RefusedValueError(f"The market code {error}; nothing was saved.") from None


def refuse_bad_scope(code: str | None) -> str | None:
    """The market of an answer or action: None or ``""`` (company-wide), or a valid code.

    A valid code is also a lowercase region tag such as ``eu``: the key of an
    action done once for every target market in that region.
    """
    return code if code is None or code == COMPANY_SCOPE else refuse_bad_market(code)


def refuse_bad_day(day: dt.date | None, what: str) -> dt.date | None:
    """``day`` when None or a plausible date (1900 to 2199), else a :class:`RefusedValueError`."""
    if day is None:
        return None
    try:
        return plausible_date(day)
    except ValueError as error:
        raise RefusedValueError(f"The {what} {error}; nothing was saved.") from None


def refuse_bad_choices(values: Iterable[str], kind: type[StrEnum], what: str) -> list[str]:
    """The values, each once in the given order, when every one is a ``kind`` value."""
    known = [member.value for member in kind]
    chosen: list[str] = []
    for value in values:
        if value not in known:
            raise RefusedValueError(
                f"The {what} '{value[:40]}' is not one of {', '.join(known)}; nothing was saved."
            )
        if value not in chosen:
            chosen.append(value)
    return chosen


def refuse_bad_employees(employees: int | None) -> int | None:
    """A headcount: None (not given) or a whole number from 0 to ten million."""
    if employees is not None and (
        isinstance(employees, bool) or not isinstance(employees, int) or not 0 <= employees <= 10**7
    ):
        raise RefusedValueError(
            f"The number of employees {employees!r} is not a whole number from 0 to 10000000; "
            "nothing was saved."
        )
    return employees


# The company fields the user writes in words, and the fields that hold choices.
PROFILE_TEXT = (
    "name",
    "industry_segment",
    "products",
    "home_province",
    "notes",
    "other_certificates",
)
PROFILE_CHOICES: dict[str, tuple[type[StrEnum], str]] = {
    "export_channels": (ExportChannel, "export channel"),
    "product_types": (ProductType, "product type"),
    "certificates": (Certificate, "certificate"),
}


def refuse_bad_profile(profile: Mapping[str, object]) -> dict[str, object]:
    """Company profile fields to save, each checked: text by the text policy (the name
    as a name), ``employees`` a headcount or None, the choice lists by their vocabularies.

    Raises:
        RefusedValueError: a field is unknown or its value is refused; nothing was saved.
    """
    checked: dict[str, object] = {}
    for key, value in profile.items():
        what = key.replace("_", " ")
        if key in PROFILE_TEXT and isinstance(value, str):
            checked[key] = refuse_bad_text(value, what, NAME if key == "name" else TEXT)
        elif key == "employees" and (value is None or isinstance(value, int)):
            checked[key] = refuse_bad_employees(value)
        elif key in PROFILE_CHOICES and isinstance(value, list | tuple):
            kind, word = PROFILE_CHOICES[key]
            checked[key] = refuse_bad_choices([str(v) for v in value], kind, word)
        else:
            raise RefusedValueError(
                f"The company profile has no field {key} taking {value!r}; nothing was saved."
            )
    return checked


def refuse_bad_currency(currency: str, what: str, allowed: Sequence[str] = CURRENCIES) -> str:
    """A currency code the product totals in (CNY, EUR or USD), or a :class:`RefusedValueError`."""
    if currency not in allowed:
        raise RefusedValueError(
            f"The {what} '{currency[:40]}' is not one of {', '.join(allowed)}; nothing was saved."
        )
    return currency


# The most a figure of one action may be: person-weeks of effort, and an amount of
# money that a 32-bit database column holds (two billion in any currency).
MAX_EFFORT = 100_000.0
MAX_COST = 2_000_000_000


def _amount(value: float | None, what: str, where: str, most: float) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not math.isfinite(value) or not 0 <= value <= most:
        raise RefusedValueError(
            f"The {what} of {where} is {value!r}: give a number from 0 to {most:,.0f}; "
            "nothing was saved."
        )


def _range(low: float | None, high: float | None, what: str, where: str, most: float) -> None:
    _amount(low, f"least {what}", where, most)
    _amount(high, f"most {what}", where, most)
    if high is not None and low is None:
        raise RefusedValueError(
            f"The {what} of {where} has a most ({high}) but no least; give the least too "
            "(the same number for an exact figure); nothing was saved."
        )
    if low is not None and high is not None and low > high:
        raise RefusedValueError(
            f"The least {what} of {where} ({low}) is more than its most ({high}); "
            "nothing was saved."
        )


def refuse_bad_figures(figures: PlanFigures, where: str) -> PlanFigures:
    """The user's figures for one action (``where`` names it) when they make sense together.

    Dates lie between 1900 and 2199 and the start is not after the due date;
    effort (person-weeks) and cost are ranges from 0 up with the least given;
    a cost names its currency (CNY, EUR or USD) and its basis is one-off or yearly.
    """
    refuse_bad_day(figures.start_date, f"start date of {where}")
    refuse_bad_day(figures.due_date, f"due date of {where}")
    start, due = figures.start_date, figures.due_date
    if start is not None and due is not None and start > due:
        raise RefusedValueError(
            f"The start date of {where} ({start.isoformat()}) is after its due date "
            f"({due.isoformat()}); nothing was saved."
        )
    _range(figures.effort_min, figures.effort_max, "effort", where, MAX_EFFORT)
    for value, what in ((figures.cost_min, "least cost"), (figures.cost_max, "most cost")):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise RefusedValueError(
                f"The {what} of {where} is {value!r}: give a whole amount; nothing was saved."
            )
    _range(figures.cost_min, figures.cost_max, "cost", where, MAX_COST)
    if figures.cost_currency is not None:
        refuse_bad_currency(figures.cost_currency, f"cost currency of {where}")
    elif figures.cost_min is not None:
        raise RefusedValueError(
            f"The cost of {where} has no currency: give CNY, EUR or USD; nothing was saved."
        )
    if figures.cost_basis is not None and figures.cost_basis not in {b.value for b in CostBasis}:
        raise RefusedValueError(
            f"The cost basis of {where} '{figures.cost_basis[:40]}' is not one_off or yearly; "
            "nothing was saved."
        )
    return figures


def refuse_bad_rate(rate: SavedRate) -> SavedRate:
    """An exchange rate: CNY per unit of EUR or USD, above 0, dated between 1900 and 2199."""
    refuse_bad_currency(rate.currency, "exchange rate's currency", ("EUR", "USD"))
    value = rate.cny_per_unit
    if isinstance(value, bool) or not math.isfinite(value) or not 0 < value <= 1e6:
        raise RefusedValueError(
            f"The rate for {rate.currency} is {value!r}: give the yuan one {rate.currency} buys, "
            "above 0; nothing was saved."
        )
    refuse_bad_day(rate.as_of, f"date of the {rate.currency} rate")
    return rate


def refuse_bad_choice(choice: MarketChoice) -> MarketChoice:
    """A target market to add, when its code, names and region are valid."""
    refuse_bad_market(choice.code)
    refuse_optional_text(choice.custom_name, "market name")
    refuse_optional_text(choice.custom_name_zh, "market's Chinese name")
    if choice.custom_region is not None:
        refuse_bad_code(choice.custom_region, "market region")
    return choice


def refuse_optional_text(text: str | None, what: str) -> str | None:
    """Like :func:`refuse_bad_text`, for a field that may be left unset (None)."""
    return None if text is None else refuse_bad_text(text, what)


def refuse_bad_snapshot(
    snapshot: AssessmentSnapshot, assignments: Sequence[SavedAssignment]
) -> None:
    """Refuse a whole assessment to import when any of its text breaks the policy.

    The exchange file's own types already enforce it; this keeps the store
    itself from taking what no entry could have given it.
    """
    company = snapshot.company
    refuse_bad_text(company.name, "company name", NAME)
    for field in ("industry_segment", "products", "home_province", "notes", "other_certificates"):
        refuse_bad_text(getattr(company, field), f"company's {field.replace('_', ' ')}")
    refuse_bad_employees(company.employees)
    refuse_bad_choices(company.export_channels, ExportChannel, "export channel")
    refuse_bad_choices(company.product_types, ProductType, "product type")
    refuse_bad_choices(company.certificates, Certificate, "certificate")
    refuse_bad_text(snapshot.assessment.title, "assessment title", NAME)
    refuse_bad_text(snapshot.assessment.catalog_version, "catalog version", NAME)
    for market in snapshot.markets:
        refuse_bad_market(market.market_code)
        refuse_optional_text(market.custom_name, "market name")
        refuse_optional_text(market.custom_name_zh, "market's Chinese name")
        if market.custom_region is not None:
            refuse_bad_code(market.custom_region, "market region")
    rows: list[SavedAnswer | SavedAction] = [*snapshot.answers, *snapshot.actions]
    for row in rows:
        refuse_bad_code(row.item_id, "question id")
        refuse_bad_scope(row.market_code)
        refuse_bad_text(row.note, "note")
        refuse_bad_text(row.updated_by, "author's name")
    for answer in snapshot.answers:
        for evidence in answer.evidence:
            refuse_bad_text(evidence, "evidence")
        refuse_optional_text(answer.catalog_version, "catalog version")
    for action in snapshot.actions:
        refuse_bad_text(action.owner, "owner")
        refuse_bad_figures(action.figures, f"the action on {action.item_id} ({action.market_code})")
    refuse_bad_currency(snapshot.assessment.budget_currency, "budget currency")
    if snapshot.assessment.attractiveness_weights:
        refuse_bad_weights(dict(snapshot.assessment.attractiveness_weights))
    for rate in snapshot.rates:
        refuse_bad_rate(rate)
    for milestone in snapshot.milestones:
        refuse_bad_text(milestone.name, "milestone name", NAME)
    for assignment in assignments:
        refuse_bad_code(assignment.code, "assigned code")
        refuse_bad_text(assignment.assignee, "assignee", ASSIGNEE)


def refuse_bad_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Attractiveness weights to save: every factor's points from 0 to 100, some above 0.

    Returns every factor's weight (a factor not given keeps its default), in the
    factors' order.
    """
    for name, weight in weights.items():
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            raise RefusedValueError(
                f"The weight of {str(name)[:40]} is {weight!r}: give a number from 0 to 100; "
                "nothing was saved."
            )
    try:
        checked = checked_weights(weights)
    except ValueError as error:
        raise RefusedValueError(
            f"The attractiveness weights: {error}; nothing was saved."
        ) from None
    return {factor.value: weight for factor, weight in checked.items()}


def refuse_bad_facts(facts: Sequence[MarketFact], today: dt.date) -> None:
    """Market facts to import: each a fact this version knows, with a valid market code,
    unit, value, source and a date not after ``today``, and each (market, fact,
    qualifier) once."""
    seen: set[tuple[str, str, str]] = set()
    for fact in facts:
        what = f"{fact.market} {fact.fact.value}"
        refuse_bad_market(fact.market)
        for text, field in (
            (fact.qualifier, "qualifier"),
            (fact.value, "value"),
            (fact.unit, "unit"),
            (fact.source.title, "source title"),
            (fact.source.publisher, "source publisher"),
        ):
            refuse_bad_text(text, f"{field} of {what}", ONE_LINE)
        refuse_bad_text(fact.source.reference, f"source reference of {what}")
        refuse_bad_text(fact.note, f"note of {what}")
        refuse_bad_day(fact.as_of, f"as_of date of {what}")
        problems = check_fact(fact, today)
        if problems:
            raise RefusedValueError(f"{what}: {'; '.join(problems)}; nothing was saved.")
        if fact.key in seen:
            raise RefusedValueError(f"{what} {fact.qualifier!r} is given twice; nothing was saved.")
        seen.add(fact.key)


# A one-line field of a fact that may be empty (a qualifier, a note's neighbours).
ONE_LINE = TextKind("text", 1_000, multiline=False)


def on_roster(name: str, team: Sequence[str]) -> str:
    """``name`` as the roster spells it, or a :class:`RefusedValueError` naming who may be
    chosen: on a team server, questions go only to members who may see the company."""
    for member in team:
        if same_person(member, name):
            return member
    raise RefusedValueError(
        f"{name!r} is not a team member who may see this company; choose one of: "
        f"{', '.join(team)}. Nothing was saved."
    )
