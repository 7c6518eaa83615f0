"""Creating a company with its assessment: the one way for ``readiness new`` and the app."""

from __future__ import annotations

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.records import MarketChoice
from readiness.services.assessments import create_company_assessment
from readiness.storage.store import Store


@pytest.mark.both_backends
def test_the_company_and_its_assessment_are_created_together(
    store: Store, bundled_catalog: Catalog
) -> None:
    assessment_id = create_company_assessment(
        store,
        bundled_catalog,
        "Acme Brakes",
        "2027 review",
        [MarketChoice("IT"), MarketChoice("PH", custom_name="Philippines", custom_region="asean")],
        industry="Brakes",
        products="Drum brakes",
        province="Hubei",
    )
    assessment = store.assessment(assessment_id)
    assert (assessment.title, assessment.catalog_version) == (
        "2027 review",
        bundled_catalog.version,
    )
    company = store.company(assessment.company_id)
    assert (company.name, company.industry_segment, company.products, company.home_province) == (
        "Acme Brakes",
        "Brakes",
        "Drum brakes",
        "Hubei",
    )
    assert [m.market_code for m in store.markets(assessment_id)] == ["IT", "PH"]


def test_each_call_is_a_new_company(store: Store, bundled_catalog: Catalog) -> None:
    first = create_company_assessment(store, bundled_catalog, "Acme", "one", [])
    second = create_company_assessment(store, bundled_catalog, "Acme", "two", [])
    assert first != second
    assert store.assessment(first).company_id != store.assessment(second).company_id
