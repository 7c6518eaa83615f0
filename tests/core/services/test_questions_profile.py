"""The questions the company profile does not ask are not shown until answered; a row a
held certificate answers counts as answered."""

from __future__ import annotations

import dataclasses

from readiness.content.catalog import Catalog, load_catalog
from readiness.content.model import Certificate, ProductType, ProvenBy
from readiness.domain.answers import AnswerValue
from readiness.domain.assignments import TeamAssignments
from readiness.domain.records import MarketChoice
from readiness.services.questions import (
    QuestionFilter,
    asked_rows,
    dimension_progress,
    matching_questions,
)
from readiness.services.results import load_result
from readiness.storage.store import Store


def _catalog() -> Catalog:
    catalog = load_catalog()
    items = dict(catalog.items)
    for item_id in ("AFTS-003", "AFTS-004"):
        items[item_id] = items[item_id].model_copy(update={"asked_of": [ProductType.BATTERIES]})
    # Asked of everyone here, so the vehicle maker below is asked it and its ISO 9001 answers it.
    items["QUAL-001"] = items["QUAL-001"].model_copy(
        update={
            "proven_by": ProvenBy(certificates=[Certificate.ISO_9001], level=2),
            "asked_of": [],
        }
    )
    return dataclasses.replace(catalog, items=items)


CATALOG = _catalog()


def _assessment(store: Store) -> int:
    company = store.create_company("Shiyan Dump Trucks")
    assert company.id is not None
    created = store.create_assessment(company.id, "2027", "test", [MarketChoice("MA")])
    assert created.id is not None
    store.set_answer(created.id, "AFTS-003", None, AnswerValue("2"))
    store.update_company(company.id, product_types=["vehicles"], certificates=["iso_9001"])
    return created.id


def test_an_unanswered_question_not_asked_is_not_shown_an_answered_one_is(li: Store) -> None:
    assessment = _assessment(li)
    result = load_result(li, CATALOG, assessment)
    shown = [
        item.id for item in matching_questions(CATALOG, result, TeamAssignments(), QuestionFilter())
    ]
    assert "AFTS-003" in shown and "AFTS-004" not in shown
    assert asked_rows(CATALOG, result, CATALOG.all_items["AFTS-004"]) == []
    assert asked_rows(CATALOG, result, CATALOG.all_items["AFTS-003"]) == [None]


def test_progress_counts_what_is_asked_and_a_certificates_answer(li: Store) -> None:
    assessment = _assessment(li)
    result = load_result(li, CATALOG, assessment)
    unfitted = load_result(li, load_catalog(), assessment)
    after_sales = dimension_progress(CATALOG, result, "after_sales")
    assert (
        after_sales.total == dimension_progress(load_catalog(), unfitted, "after_sales").total - 1
    )
    quality = dimension_progress(CATALOG, result, "quality_delivery")
    assert (
        quality.answered
        == dimension_progress(load_catalog(), unfitted, "quality_delivery").answered + 1
    )
    unanswered = matching_questions(
        CATALOG, result, TeamAssignments(), QuestionFilter(unanswered_only=True)
    )
    assert "QUAL-001" not in [item.id for item in unanswered]
