"""The sample assessment a first-time user can open to see the app at work.

A fictional Hubei maker of thermal-management parts for commercial vehicles,
looking at Italy, Morocco and Laos: strong at home on quality and cost, early
on certification for Europe, with field knowledge of hot, mountainous markets.
The answers are generated deterministically from that profile, so the sample
is the same on every machine and partly answered, as a real one would be.
"""

from __future__ import annotations

import datetime as dt
import random

from readiness.answers import AnswerValue
from readiness.catalog import Catalog
from readiness.content_model import Item, ScaleKind, Scope
from readiness.store import MarketChoice, Store
from readiness.store_models import ActionStatus

DEMO_MARKETS = ("IT", "MA", "LA")
DEMO_COMPANY = "Hubei Chutian Auto Thermal Systems Co., Ltd."

# Typical maturity per dimension, per market ("*" = company-wide questions).
_PROFILE: dict[str, dict[str, float]] = {
    "*": {
        "compliance": 2.0,
        "certification": 2.2,
        "logistics": 2.4,
        "localization": 2.0,
        "talent": 1.6,
        "after_sales": 1.8,
        "quality_delivery": 3.2,
        "brand_market": 1.4,
        "partners_finance": 2.0,
    },
    "IT": {"certification": 1.4, "compliance": 1.8, "localization": 1.6, "after_sales": 1.2},
    "MA": {"certification": 2.4, "logistics": 2.2, "partners_finance": 2.6},
    "LA": {"localization": 3.2, "after_sales": 2.6, "logistics": 2.8, "certification": 2.8},
}
_ANSWERED_SHARE = {"*": 0.9, "IT": 0.75, "MA": 0.65, "LA": 0.85}
_NOTES = {
    "LA": "Field trip with two fleet customers in Luang Prabang province; overheating on "
    "long climbs confirmed.",
    "IT": "Distributor in Turin asked for E-mark approval documents before any price talk.",
    "MA": "Tangier Automotive City visit planned with the chamber of commerce.",
}


def _value_for(item: Item, market: str, rng: random.Random) -> AnswerValue:
    profile = _PROFILE.get(market, {})
    centre = profile.get(item.dimension, _PROFILE["*"][item.dimension])
    roll = rng.random()
    if item.allow_na and roll < 0.08:
        return AnswerValue.NOT_APPLICABLE
    if roll > 0.95:
        return AnswerValue.UNKNOWN
    level = max(0, min(4, round(rng.gauss(centre, 0.9))))
    if item.scale is ScaleKind.YES_NO:
        level = 4 if level >= 3 else 0
    return AnswerValue.from_level(level)


def create_demo(store: Store, catalog: Catalog, *, today: dt.date | None = None) -> int:
    """Create the sample company and its assessment; return the assessment id."""
    start = today or dt.date.today()
    company = store.create_company(
        DEMO_COMPANY,
        industry_segment="Tier-2 supplier, thermal management",
        products="Radiators, charge-air coolers and HVAC modules for light and heavy "
        "commercial vehicles",
        home_province="Hubei (Shiyan)",
        notes="Sample company for exploring the app; all data is fictional.",
    )
    assert company.id is not None
    entries = {"IT": 540, "MA": 360, "LA": 180}
    assessment = store.create_assessment(
        company.id,
        "First export readiness review",
        catalog.version,
        [
            MarketChoice(code, planned_entry=start + dt.timedelta(days=entries[code]))
            for code in DEMO_MARKETS
        ],
    )
    assert assessment.id is not None
    rng = random.Random(2025)
    company_items = [item for item in catalog.items.values() if item.scope is Scope.COMPANY]
    for item in company_items:
        if rng.random() < _ANSWERED_SHARE["*"]:
            store.set_answer(assessment.id, item.id, None, _value_for(item, "*", rng))
    for code in DEMO_MARKETS:
        first_note = True
        for item in catalog.items_for_market(code):
            if item.scope is not Scope.MARKET or rng.random() >= _ANSWERED_SHARE[code]:
                continue
            value = _value_for(item, code, rng)
            note = None
            if first_note and item.dimension in (
                "localization",
                "certification",
                "partners_finance",
            ):
                note, first_note = _NOTES[code], False
            store.set_answer(assessment.id, item.id, code, value, note=note)
    store.save_milestone(assessment.id, "Baseline")
    _demo_actions(store, catalog, assessment.id, start)
    return assessment.id


def _demo_actions(store: Store, catalog: Catalog, assessment_id: int, start: dt.date) -> None:
    owners = ("Export manager", "Quality manager", "R&D lead", "General manager")
    answered = [a for a in store.answers(assessment_id) if a.value in ("0", "1")]
    for index, answer in enumerate(answered[:4]):
        item = catalog.all_items.get(answer.item_id)
        if item is None:
            continue
        store.set_action(
            assessment_id,
            answer.item_id,
            answer.market_code or None,
            owner=owners[index % len(owners)],
            due_date=start + dt.timedelta(weeks=max(item.lead_time_weeks, 4)),
            status=ActionStatus.IN_PROGRESS if index == 0 else ActionStatus.OPEN,
        )
