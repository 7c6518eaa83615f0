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
from dataclasses import dataclass

from readiness.content.catalog import Catalog
from readiness.content.model import (
    Certificate,
    ExportChannel,
    Item,
    ProductType,
    ScaleKind,
    Scope,
)
from readiness.domain.answers import AnswerValue
from readiness.domain.statuses import ActionStatus, AssessmentStatus
from readiness.exchange.document import (
    FORMAT,
    FORMAT_VERSION,
    ActionRecord,
    AnswerRecord,
    AssessmentDocument,
    AssessmentRecord,
    CompanyRecord,
    MarketRecord,
    MilestoneRecord,
    SnapshotAnswer,
    import_document,
)
from readiness.storage.store import Store

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
_NOTE_DIMENSIONS = ("localization", "certification", "partners_finance")
_OWNERS = ("Export manager", "Quality manager", "R&D lead", "General manager")
_ENTRY_DAYS = {"IT": 540, "MA": 360, "LA": 180}
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
    if roll > 0.95 and not item.critical:
        return AnswerValue.UNKNOWN
    level = max(0, min(4, round(rng.gauss(centre, 0.9))))
    if item.critical:
        # The story of the sample: Italy is blocked by the missing EU approval,
        # the other markets have their show-stoppers under control.
        # (A yes/no show-stopper under control is a yes.)
        under_control = 3 if item.scale is ScaleKind.YES_NO else 2
        blocked = market == "IT" and item.dimension == "certification"
        level = 1 if blocked else max(level, under_control)
    if item.scale is ScaleKind.YES_NO:
        level = 4 if level >= 3 else 0
    return AnswerValue.from_level(level)


def demo_document(catalog: Catalog, *, today: dt.date | None = None) -> AssessmentDocument:
    """The sample assessment as an exchange document (deterministic for a given day)."""
    start = today or dt.date.today()
    stamp = dt.datetime.combine(start, dt.time(9, 0), tzinfo=dt.UTC)
    rng = random.Random(2025)
    answers: list[AnswerRecord] = []
    # Show-stoppers are always answered: the sample's story rests on them (Italy
    # blocked by the missing EU approval), whatever questions the catalog adds.
    for item in catalog.items.values():
        if item.scope is Scope.COMPANY and (item.critical or rng.random() < _ANSWERED_SHARE["*"]):
            answers.append(
                AnswerRecord(
                    item_id=item.id,
                    market=None,
                    value=_value_for(item, "*", rng),
                    updated_at=stamp,
                    updated_by="demo",
                )
            )
    for code in DEMO_MARKETS:
        first_note = True
        for item in catalog.items_for_market(code):
            if item.scope is not Scope.MARKET or (
                not item.critical and rng.random() >= _ANSWERED_SHARE[code]
            ):
                continue
            note = ""
            if first_note and item.dimension in _NOTE_DIMENSIONS:
                note, first_note = _NOTES[code], False
            answers.append(
                AnswerRecord(
                    item_id=item.id,
                    market=code,
                    value=_value_for(item, code, rng),
                    note=note,
                    updated_at=stamp,
                    updated_by="demo",
                )
            )
    low = [a for a in answers if a.value in (AnswerValue.NOT_STARTED, AnswerValue.AWARE)]
    actions = [
        ActionRecord(
            item_id=answer.item_id,
            market=answer.market,
            owner=_OWNERS[index % len(_OWNERS)],
            due_date=start
            + dt.timedelta(weeks=max(catalog.all_items[answer.item_id].lead_time_weeks, 4)),
            status=ActionStatus.IN_PROGRESS if index == 0 else ActionStatus.OPEN,
            updated_at=stamp,
        )
        for index, answer in enumerate(low[:4])
    ]
    baseline = [
        SnapshotAnswer(
            item_id=a.item_id,
            market=a.market,
            value=AnswerValue.from_level(max(0, (a.value.level or 0) - 1))
            if a.value.level is not None and a.value is not AnswerValue.UNKNOWN
            else a.value,
        )
        for a in answers
    ]
    return AssessmentDocument(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        company=CompanyRecord(
            name=DEMO_COMPANY,
            industry_segment="Tier-2 supplier, thermal management",
            products="Radiators, charge-air coolers and HVAC modules for light and heavy "
            "commercial vehicles",
            home_province="Hubei (Shiyan)",
            notes="Sample company for exploring the app; all data is fictional.",
            created_at=stamp,
            # A mid-sized parts maker selling through traders and to one OEM today.
            employees=420,
            export_channels=[ExportChannel.TRADERS, ExportChannel.OEM_SUPPLY],
            product_types=[ProductType.PARTS],
            certificates=[Certificate.IATF_16949, Certificate.ISO_9001],
        ),
        assessment=AssessmentRecord(
            title="First export readiness review",
            catalog_version=catalog.version,
            status=AssessmentStatus.IN_PROGRESS,
            created_at=stamp,
            updated_at=stamp,
        ),
        markets=[
            MarketRecord(code=code, planned_entry=start + dt.timedelta(days=_ENTRY_DAYS[code]))
            for code in DEMO_MARKETS
        ],
        answers=answers,
        actions=actions,
        milestones=[
            MilestoneRecord(
                name="Baseline",
                catalog_version=catalog.version,
                created_at=stamp - dt.timedelta(days=90),
                answers=baseline,
            )
        ],
    )


def create_demo(store: Store, catalog: Catalog, *, today: dt.date | None = None) -> int:
    """Create the sample company and its assessment in one transaction; return its id."""
    return import_document(store, demo_document(catalog, today=today), catalog=catalog)


@dataclass(frozen=True)
class SampleAssessment:
    """The sample assessment a user asked for, and whether it was created just now."""

    assessment_id: int
    created: bool


def open_sample(
    store: Store, catalog: Catalog, *, today: dt.date | None = None
) -> SampleAssessment:
    """The database's sample assessment: the existing one, else a new one.

    Asking again reopens the sample, answers and all, instead of piling up copies
    of the fictional company.
    """
    for summary in store.list_assessments():
        if summary.company == DEMO_COMPANY:
            return SampleAssessment(summary.id, created=False)
    return SampleAssessment(create_demo(store, catalog, today=today), created=True)
