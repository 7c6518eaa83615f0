"""Two small releases of a made-up catalog, for tests of what a content release changes.

Version 1.0 and version 1.1 differ in every way a release can: a question
removed (BRND-001), one added (BRND-002), one reworded (CERT-001, in Chinese
only), one made critical (COMP-001), one re-weighted (LOGI-001), one that no
longer applies in ASEAN (LOGI-002), one untouched (QUAL-001), and a market's own
question whose levels were relabelled (XITA-001). The bundled content is being
revised; these stay put.
"""

from __future__ import annotations

import datetime as dt

from readiness.content.catalog import Catalog
from readiness.content.history import (
    ArchivedDimension,
    ArchivedItem,
    ArchivedMarket,
    ArchivedRegion,
    ArchivedText,
    CatalogArchive,
)
from readiness.domain.records import (
    AssessmentSnapshot,
    SavedAnswer,
    SavedAssessment,
    SavedCompany,
    SavedMarket,
)

MOMENT = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC)


def _t(en: str, zh: str) -> ArchivedText:
    return ArchivedText(en=en, zh=zh)


LEVELS = tuple(_t(f"Level {n}", f"第{n}级") for n in range(5))
DIMENSIONS = tuple(
    ArchivedDimension(id=d, weight=1.0, name=_t(d.title(), "维度"))
    for d in (
        "compliance",
        "certification",
        "logistics",
        "quality_delivery",
        "brand_market",
        "partners_finance",
    )
)


def _item(item_id: str, dimension: str, **fields: object) -> ArchivedItem:
    values: dict[str, object] = {
        "id": item_id,
        "dimension": dimension,
        "scope": "company",
        "weight": 2,
        "text": _t(f"Question {item_id}?", f"问题{item_id}吗"),
    }
    values.update(fields)
    return ArchivedItem.model_validate(values)


OLD_ITEMS = (
    _item("BRND-001", "brand_market"),
    _item("CERT-001", "certification", scope="market", critical=True),
    _item("COMP-001", "compliance"),
    _item("LOGI-001", "logistics"),
    _item("LOGI-002", "logistics", applies_to=("eu", "asean")),
    _item("QUAL-001", "quality_delivery"),
    _item(
        "XITA-001",
        "partners_finance",
        market="IT",
        scope="market",
        levels=tuple(_t(f"Own {n}", f"自定{n}") for n in range(5)),
    ),
)

NEW_ITEMS = (
    _item("BRND-002", "brand_market"),
    _item(
        "CERT-001",
        "certification",
        scope="market",
        critical=True,
        text=_t("Question CERT-001?", "新问题CERT-001吗"),
    ),
    _item("COMP-001", "compliance", critical=True),
    _item("LOGI-001", "logistics", weight=3),
    _item("LOGI-002", "logistics", applies_to=("eu",)),
    _item("QUAL-001", "quality_delivery"),
    _item(
        "XITA-001",
        "partners_finance",
        market="IT",
        scope="market",
        levels=(*(_t(f"Own {n}", f"自定{n}") for n in range(4)), _t("Proven", "已验证")),
    ),
)

REGIONS = (
    ArchivedRegion(tag="eu", name=_t("EU", "欧盟"), weight_adjustments={"certification": 1.5}),
    ArchivedRegion(tag="asean", name=_t("ASEAN", "东盟")),
)
MARKETS = (
    ArchivedMarket(code="IT", name=_t("Italy", "意大利"), regions=("eu",)),
    ArchivedMarket(code="LA", name=_t("Laos", "老挝"), regions=("asean",)),
)

OLD = CatalogArchive(
    version="1.0",
    maturity_levels=LEVELS,
    dimensions=DIMENSIONS,
    regions=REGIONS,
    markets=MARKETS,
    items=OLD_ITEMS,
)
NEW = OLD.model_copy(update={"version": "1.1", "items": NEW_ITEMS})


def current_catalog() -> Catalog:
    """Version 1.1 as the product would load it."""
    return NEW.to_catalog()


def answer(
    item_id: str, market: str, value: str, catalog_version: str | None = "1.0"
) -> SavedAnswer:
    """An answer as the store gives it back."""
    return SavedAnswer(0, 3, item_id, market, value, "", [], MOMENT, "li.wei", 1, catalog_version)


ANSWERS = (
    answer("BRND-001", "", "4"),
    answer("CERT-001", "IT", "3"),
    answer("CERT-001", "LA", "1"),
    answer("COMP-001", "", "1"),
    answer("LOGI-001", "", "2"),
    answer("LOGI-002", "", "3"),
    answer("QUAL-001", "", "3"),
    answer("XITA-001", "IT", "2"),
)


def snapshot(
    answers: tuple[SavedAnswer, ...] = ANSWERS, version: str = "1.0"
) -> AssessmentSnapshot:
    """An assessment of Italy and Laos answered against ``version``."""
    return AssessmentSnapshot(
        company=SavedCompany(7, "Shiyan Brake Systems", "", "", "Hubei", "", MOMENT),
        assessment=SavedAssessment(3, 7, "2027 review", version, "in_progress", MOMENT, MOMENT, 4),
        markets=(
            SavedMarket(1, 3, "IT", None, None, None, 0),
            SavedMarket(2, 3, "LA", None, None, None, 1),
        ),
        answers=answers,
        actions=(),
        milestones=(),
    )
