"""Bringing an assessment up to the current content: what changed, and acknowledging it.

The app (when an assessment is opened) and the command line (``readiness
check``, ``readiness upgrade-content``) run the same steps: read the
assessment, find the archive of the content version it was last brought up to
(``checklists/history``), and let the domain say what changed. Acknowledging
records the current version on the assessment and nothing else: no answer is
deleted or altered, and answers to changed questions stay marked for review
until they are answered again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from readiness.content.catalog import Catalog
from readiness.content.history import CatalogArchive, load_history
from readiness.domain.content_changes import (
    ContentChanges,
    answers_to_review,
    content_changes,
    is_behind,
)
from readiness.domain.records import AssessmentSnapshot, SavedAnswer
from readiness.domain.scoring import AnswerKey
from readiness.storage.store import Store

History = Mapping[str, CatalogArchive]


@lru_cache(maxsize=1)
def bundled_history() -> History:
    """The archives of every released content version that ship with the product."""
    return load_history()


def changes_for(
    snapshot: AssessmentSnapshot, catalog: Catalog, history: History | None = None
) -> ContentChanges | None:
    """What bringing the assessment up to ``catalog`` changes; None when it is up to date."""
    version = snapshot.assessment.catalog_version
    if not is_behind(version, catalog.version):
        return None
    archives = history if history is not None else bundled_history()
    return content_changes(snapshot, archives.get(version), catalog)


def pending_changes(
    store: Store, catalog: Catalog, assessment_id: int, history: History | None = None
) -> ContentChanges | None:
    """Read the assessment and say what the current content changes for it (None: nothing)."""
    return changes_for(store.snapshot(assessment_id), catalog, history)


def acknowledge_changes(store: Store, catalog: Catalog, assessment_id: int) -> bool:
    """Record that the user has seen what changed: the assessment moves to the current
    content version. Returns False when it was already there (nothing written)."""
    if not is_behind(store.assessment(assessment_id).catalog_version, catalog.version):
        return False
    store.set_catalog_version(assessment_id, catalog.version)
    return True


def to_review(
    answers: Iterable[SavedAnswer],
    assessment_version: str,
    catalog: Catalog,
    history: History | None = None,
) -> frozenset[AnswerKey]:
    """The answers to show for review: given against an older wording of their question."""
    archives = history if history is not None else bundled_history()
    return answers_to_review(answers, assessment_version, catalog, archives)
