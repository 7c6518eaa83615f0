"""Starting an assessment: one way for ``readiness new`` and the app's New assessment."""

from __future__ import annotations

from collections.abc import Sequence

from readiness.content.catalog import Catalog
from readiness.domain.records import MarketChoice
from readiness.domain.text import NAME
from readiness.storage.refusals import refuse_bad_choice, refuse_bad_text
from readiness.storage.store import Store


def create_company_assessment(
    store: Store,
    catalog: Catalog,
    company: str,
    title: str,
    markets: Sequence[MarketChoice],
    *,
    industry: str = "",
    products: str = "",
    province: str = "",
) -> int:
    """Create a company with its profile and an assessment of its target markets on the
    catalog's version; return the assessment's id.

    Raises:
        RefusedValueError: a field or market breaks the text policy; nothing was saved.
    """
    # Two transactions: check everything the second one takes before the first one,
    # so a refused market does not leave a company without its assessment.
    for market in markets:
        refuse_bad_choice(market)
    refuse_bad_text(title, "assessment title", NAME)
    created = store.create_company(
        company, industry_segment=industry, products=products, home_province=province
    )
    assert created.id is not None
    assessment = store.create_assessment(created.id, title, catalog.version, markets)
    assert assessment.id is not None
    return assessment.id
