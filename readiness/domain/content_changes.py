"""What a content release changed for one assessment: its questions and its scores.

An assessment records the catalog version it was last brought up to, and each
answer the version it was given against. When the content moves on, nothing the
user answered is deleted or altered; instead this module says, from the
archived old content and the current catalog, which questions are new for the
assessment's markets, which were removed (their answers kept, no longer
counted), which changed (their answers kept and to be reviewed), and each
market's readiness before and after. Pure: no store, no files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from readiness.content.catalog import Catalog
from readiness.content.history import (
    ASPECTS,
    ArchivedItem,
    ArchivedText,
    CatalogArchive,
    archive_of,
)
from readiness.domain.comparison import score_assessment
from readiness.domain.records import AssessmentSnapshot, SavedAnswer
from readiness.domain.results import market_inputs
from readiness.domain.rounding import points
from readiness.domain.scoring import AnswerKey, MarketReadiness, answer_map


class ChangeKind(StrEnum):
    """How a question changed between two catalog versions."""

    NEW = "new"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class QuestionChange:
    """One question that is new, removed or changed for the assessment's markets."""

    item_id: str
    kind: ChangeKind
    text: ArchivedText  # the wording now (as it was, for a removed question)
    aspects: tuple[str, ...]  # what changed (see readiness.content.history.ASPECTS)
    markets: tuple[str, ...]  # the assessment's markets it applies to (or applied to)
    answered: bool  # the assessment holds an answer to it

    def text_in(self, language: str) -> str:
        """The question's wording in ``language``."""
        return self.text.zh if language == "zh" else self.text.en


@dataclass(frozen=True, slots=True)
class MarketShift:
    """One market's readiness scored with the old content and with the current one."""

    code: str
    before: MarketReadiness
    after: MarketReadiness

    @property
    def moved(self) -> bool:
        """Whether the score, the level or the blockers differ."""
        return (
            points(self.before.overall) != points(self.after.overall)
            or self.before.level is not self.after.level
            or self.before.blockers != self.after.blockers
        )


@dataclass(frozen=True)
class ContentChanges:
    """Everything a user acknowledges when bringing an assessment up to the current content.

    ``known`` is False when the old version's content is not archived: the
    questions and the scores before cannot be told, only that it moved on.
    """

    from_version: str
    to_version: str
    known: bool
    questions: tuple[QuestionChange, ...]
    markets: tuple[MarketShift, ...]
    after: Mapping[str, MarketReadiness]

    def of_kind(self, kind: ChangeKind) -> tuple[QuestionChange, ...]:
        """The new, removed or changed questions, by id."""
        return tuple(change for change in self.questions if change.kind is kind)


_RELEASE = re.compile(r"^\d+(\.\d+)*$")


def version_key(version: str) -> tuple[int, ...] | None:
    """Sorts released catalog versions ("2026.2" after "2026.1", "2026.10" after both);
    None for a name that is not a release number (it cannot be ordered)."""
    return tuple(int(part) for part in version.split(".")) if _RELEASE.match(version) else None


def is_behind(version: str, current: str) -> bool:
    """Whether content of release ``version`` is older than the ``current`` catalog's.

    A version from a newer app is never "behind", nor is a name that is no
    release number: there is nothing to bring it up from.
    """
    old, new = version_key(version), version_key(current)
    return old is not None and new is not None and old < new


@lru_cache(maxsize=64)
def changed_between(old: CatalogArchive, new: CatalogArchive) -> dict[str, tuple[str, ...]]:
    """The questions present in both versions whose wording, levels, scale, scope or
    scoring fields differ, each with what differs."""
    old_items = old.item_map()
    changed: dict[str, tuple[str, ...]] = {}
    for item in new.items:
        was = old_items.get(item.id)
        if was is None:
            continue
        before = was.aspects(old.maturity_levels)
        now = item.aspects(new.maturity_levels)
        differ = tuple(aspect for aspect in ASPECTS if before[aspect] != now[aspect])
        if differ:
            changed[item.id] = differ
    return changed


def _applies(
    item: ArchivedItem, archive: CatalogArchive, markets: Iterable[tuple[str, str | None]]
) -> tuple[str, ...]:
    profiles = {m.code: m for m in archive.markets}
    found = []
    for code, custom_region in markets:
        if item.market is not None:
            if item.market == code:
                found.append(code)
            continue
        profile = profiles.get(code)
        tags = set(profile.regions) if profile else ({custom_region} if custom_region else set())
        if "all" in item.applies_to or tags.intersection(item.applies_to):
            found.append(code)
    return tuple(found)


def content_changes(
    snapshot: AssessmentSnapshot, old: CatalogArchive | None, catalog: Catalog
) -> ContentChanges:
    """What moving ``snapshot`` from the archived ``old`` content to ``catalog`` changes.

    Nothing is written: the answers are scored as they are with both contents.
    """
    markets = market_inputs(snapshot.markets)
    answers = answer_map((a.item_id, a.market_code, a.value) for a in snapshot.answers)
    after = score_assessment(catalog, markets, answers).markets
    from_version = snapshot.assessment.catalog_version
    if old is None:
        return ContentChanges(from_version, catalog.version, False, (), (), after)
    new = archive_of(catalog)
    targets = [(m.code, m.custom_region) for m in markets]
    answered = {a.item_id for a in snapshot.answers}
    questions: list[QuestionChange] = []
    old_items = old.item_map()
    new_items = new.item_map()
    changed = changed_between(old, new)
    for item in new.items:
        where = _applies(item, new, targets)
        aspects: tuple[str, ...]
        if item.id not in old_items:
            kind, aspects = ChangeKind.NEW, ()
        elif item.id in changed:
            kind, aspects = ChangeKind.CHANGED, changed[item.id]
            where = tuple(
                code
                for code in dict.fromkeys((*_applies(old_items[item.id], old, targets), *where))
            )
        else:
            continue
        if where:
            questions.append(
                QuestionChange(item.id, kind, item.text, aspects, where, item.id in answered)
            )
    for item in old.items:
        where = _applies(item, old, targets)
        if item.id not in new_items and where:
            questions.append(
                QuestionChange(
                    item.id, ChangeKind.REMOVED, item.text, (), where, item.id in answered
                )
            )
    questions.sort(key=lambda change: change.item_id)
    before = score_assessment(old.to_catalog(), markets, answers).markets
    shifts = tuple(MarketShift(m.code, before[m.code], after[m.code]) for m in markets)
    return ContentChanges(from_version, catalog.version, True, tuple(questions), shifts, after)


def answers_to_review(
    answers: Iterable[SavedAnswer],
    assessment_version: str,
    catalog: Catalog,
    history: Mapping[str, CatalogArchive],
) -> frozenset[AnswerKey]:
    """The answers given against an older version of a question that has changed since.

    An answer without a recorded version counts as given against the
    assessment's version; one whose version's content is not archived is not
    marked (what changed cannot be told).
    """
    current = archive_of(catalog)
    review: set[AnswerKey] = set()
    for answer in answers:
        version = answer.catalog_version or assessment_version
        if version == catalog.version:
            continue
        old = history.get(version)
        if old is not None and answer.item_id in changed_between(old, current):
            review.add((answer.item_id, answer.market_code or None))
    return frozenset(review)
