"""Member firms of a service platform for portfolio tests: the sample assessment, varied.

Each firm is the sample company's assessment under another name, with every
0-4 answer raised or lowered by the firm's ``shift``, so firms score apart
and, with a shift of +1 or more, Italy's certification blocker is lifted.
"""

from __future__ import annotations

import datetime as dt
import random

from readiness.content.catalog import Catalog
from readiness.content.model import ScaleKind
from readiness.domain.answers import AnswerValue
from readiness.domain.statuses import AssessmentStatus
from readiness.exchange.document import import_document
from readiness.services.sample import demo_document
from readiness.storage.store import Store

TODAY = dt.date(2026, 11, 22)

# (name, shift): readiest first once shifted; one name carries markup to be escaped.
FIRMS: tuple[tuple[str, int], ...] = (
    ("Liuzhou Lamp & Mirror Co.", 2),
    ("浙江精工汽车零部件有限公司", 1),
    ("Wuhan Axle Works", 0),
    ("<b>Changchun</b> Brake Systems", -1),
)


def add_member_firm(
    store: Store,
    catalog: Catalog,
    name: str,
    shift: int,
    *,
    markets: tuple[str, ...] = ("IT", "MA", "LA"),
    status: AssessmentStatus = AssessmentStatus.IN_PROGRESS,
    updated_at: dt.datetime | None = None,
    title: str = "Export readiness review",
    profile: dict[str, object] | None = None,
    keep: int | None = None,
    noise: random.Random | None = None,
) -> int:
    """Import one firm's assessment (its own new company) and return the assessment id.

    ``profile`` sets company profile fields; ``keep`` keeps only that many answers;
    with ``noise``, each shiftable answer moves one more level up or down by chance.
    """
    document = demo_document(catalog, today=TODAY)
    applicable = {item.id for code in markets for item in catalog.items_for_market(code)}
    answers = []
    for answer in document.answers:
        if answer.market is not None and answer.market not in markets:
            continue
        if answer.item_id not in applicable:
            continue
        level = answer.value.level
        # Yes/no questions take only 0 or 4, and "don't know" stays as it is.
        shiftable = (
            level is not None
            and answer.value is not AnswerValue.UNKNOWN
            and catalog.all_items[answer.item_id].scale is not ScaleKind.YES_NO
        )
        if shiftable and level is not None:
            moved = level + shift + (noise.randint(-1, 1) if noise else 0)
            answer = answer.model_copy(
                update={"value": AnswerValue.from_level(max(0, min(4, moved)))}
            )
        answers.append(answer)
    if keep is not None:
        answers = answers[:keep]
    stamp = updated_at or dt.datetime.combine(TODAY, dt.time(9, 0), tzinfo=dt.UTC)
    changed = document.model_copy(
        update={
            "company": document.company.model_copy(update={"name": name, **(profile or {})}),
            "assessment": document.assessment.model_copy(
                update={"status": status, "updated_at": stamp, "title": title}
            ),
            "markets": [m for m in document.markets if m.code in markets],
            "answers": answers,
            "actions": [
                a
                for a in document.actions
                if (a.market is None or a.market in markets) and a.item_id in applicable
            ],
            "milestones": [],
        }
    )
    return import_document(store, changed, catalog=catalog)


def add_member_firms(store: Store, catalog: Catalog) -> list[int]:
    """The four firms of :data:`FIRMS`, updated one hour apart; their assessment ids."""
    start = dt.datetime.combine(TODAY, dt.time(9, 0), tzinfo=dt.UTC)
    return [
        add_member_firm(store, catalog, name, shift, updated_at=start + dt.timedelta(hours=number))
        for number, (name, shift) in enumerate(FIRMS)
    ]


SEGMENTS = ("Lighting", "Brakes", "Axles and drivetrain", "Body parts", "Electronics", "")
PROVINCES = ("Zhejiang", "Guangdong", "Jiangsu", "Hubei", "Jilin", "Guangxi", "")


def add_many_firms(
    store: Store, catalog: Catalog, count: int, *, markets: tuple[str, ...] = ("IT", "MA")
) -> list[int]:
    """``count`` varied member firms, as a platform with hundreds of members has them.

    Each is the sample assessment with its answers shifted by -2 to +2 and, for
    one firm in four, most answers left out (so it is not ranked); one in ten
    has not changed for two months. Segments, provinces and headcounts vary so
    that every benchmark group has firms. The same ``count`` gives the same firms.
    """
    chooser = random.Random(count)
    start = dt.datetime.combine(TODAY, dt.time(9, 0), tzinfo=dt.UTC)
    ids = []
    for number in range(1, count + 1):
        stamp = start - dt.timedelta(days=60 if number % 10 == 0 else number % 20, minutes=number)
        profile = {
            "industry_segment": chooser.choice(SEGMENTS),
            "home_province": chooser.choice(PROVINCES),
            "employees": chooser.choice((None, 12, 80, 250, 450, 1500)),
        }
        ids.append(
            add_member_firm(
                store,
                catalog,
                f"Member Firm {number:04d} Auto Parts Co., Ltd.",
                chooser.randint(-2, 2),
                markets=markets,
                updated_at=stamp,
                profile=profile,
                keep=chooser.randint(0, 15) if number % 4 == 0 else None,
                noise=chooser,
            )
        )
    return ids
