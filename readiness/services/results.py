"""Reading an assessment from the store and computing its result, the one way every caller does."""

from __future__ import annotations

import dataclasses
import datetime as dt

from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult, compute_result
from readiness.services.content_updates import to_review
from readiness.storage.store import Store


def load_result(
    store: Store,
    catalog: Catalog,
    assessment_id: int,
    *,
    today: dt.date | None = None,
    currency: str | None = None,
) -> AssessmentResult:
    """Read an assessment from the store (in one go) and compute scores, plan and trend,
    with the answers to review since the content changed; the budget is totalled in
    ``currency`` (default: the assessment's own budget currency).

    Raises:
        StoreError: the assessment cannot be read.
    """
    snapshot = store.snapshot(assessment_id)
    result = compute_result(snapshot, catalog, today=today, currency=currency)
    review = to_review(snapshot.answers, snapshot.assessment.catalog_version, catalog)
    return dataclasses.replace(result, to_review=review) if review else result
