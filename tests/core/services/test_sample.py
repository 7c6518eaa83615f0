"""The sample assessment: reused when the database has it, created when it has not."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.records import MarketChoice
from readiness.services.assessments import create_company_assessment
from readiness.services.sample import DEMO_COMPANY, open_sample
from readiness.storage.store import Store


@pytest.mark.both_backends
def test_the_sample_is_created_once_and_then_reopened(
    store: Store, bundled_catalog: Catalog
) -> None:
    first = open_sample(store, bundled_catalog, today=dt.date(2026, 11, 22))
    answers = len(store.answers(first.assessment_id))
    again = open_sample(store, bundled_catalog)
    assert first.created and not again.created
    assert again.assessment_id == first.assessment_id
    assert [s.company for s in store.list_assessments()] == [DEMO_COMPANY]
    assert len(store.answers(again.assessment_id)) == answers


def test_the_sample_is_found_among_other_companies(store: Store, bundled_catalog: Catalog) -> None:
    create_company_assessment(store, bundled_catalog, "Acme", "review", [MarketChoice("IT")])
    sample = open_sample(store, bundled_catalog)
    create_company_assessment(store, bundled_catalog, "Beta", "review", [MarketChoice("MA")])
    again = open_sample(store, bundled_catalog)
    assert sample.created and not again.created
    assert again.assessment_id == sample.assessment_id
