"""Reading an assessment from the store and computing its result, the one way every caller does."""

from __future__ import annotations

import datetime as dt

from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult, compute_result
from readiness.storage.store import Store


def load_result(
    store: Store, catalog: Catalog, assessment_id: int, *, today: dt.date | None = None
) -> AssessmentResult:
    """Read an assessment from the store (in one go) and compute scores, plan and trend.

    Raises:
        StoreError: the assessment cannot be read.
    """
    return compute_result(store.snapshot(assessment_id), catalog, today=today)
