"""The readiness levels and confidence bands a market's score falls in, in both languages.

Thresholds are documented for managers in ``docs/methodology.md``.
"""

from __future__ import annotations

from enum import StrEnum

from readiness.content.model import LocalizedText
from readiness.domain.rounding import whole


class ReadinessLevel(StrEnum):
    """How ready a company is for one market, from blocked to advanced."""

    BLOCKED = "blocked"
    NOT_READY = "not_ready"
    EMERGING = "emerging"
    DEVELOPING = "developing"
    READY = "ready"
    ADVANCED = "advanced"

    @property
    def label(self) -> LocalizedText:
        """The level's name in both languages."""
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    ReadinessLevel.BLOCKED: LocalizedText(en="Blocked", zh="受阻"),
    ReadinessLevel.NOT_READY: LocalizedText(en="Not ready", zh="尚未就绪"),
    ReadinessLevel.EMERGING: LocalizedText(en="Emerging", zh="起步"),
    ReadinessLevel.DEVELOPING: LocalizedText(en="Developing", zh="发展中"),
    ReadinessLevel.READY: LocalizedText(en="Ready", zh="已就绪"),
    ReadinessLevel.ADVANCED: LocalizedText(en="Advanced", zh="领先"),
}

# Lower bounds of each level on the 0-100 scale (documented in the methodology).
LEVEL_THRESHOLDS: tuple[tuple[float, ReadinessLevel], ...] = (
    (85.0, ReadinessLevel.ADVANCED),
    (70.0, ReadinessLevel.READY),
    (55.0, ReadinessLevel.DEVELOPING),
    (35.0, ReadinessLevel.EMERGING),
    (0.0, ReadinessLevel.NOT_READY),
)


class ConfidenceBand(StrEnum):
    """How far a score can be relied on, from the share of questions answered for real."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> LocalizedText:
        """The band's name in both languages."""
        return CONFIDENCE_LABELS[self]


CONFIDENCE_LABELS = {
    ConfidenceBand.HIGH: LocalizedText(en="High confidence", zh="可信度高"),
    ConfidenceBand.MEDIUM: LocalizedText(en="Medium confidence", zh="可信度中等"),
    ConfidenceBand.LOW: LocalizedText(en="Low confidence", zh="可信度低"),
}
HIGH_CONFIDENCE = 0.8
MEDIUM_CONFIDENCE = 0.5


def confidence_band(confidence: float) -> ConfidenceBand:
    """The band of a confidence (0-1): high from 0.8, medium from 0.5, low below."""
    if confidence >= HIGH_CONFIDENCE:
        return ConfidenceBand.HIGH
    if confidence >= MEDIUM_CONFIDENCE:
        return ConfidenceBand.MEDIUM
    return ConfidenceBand.LOW


def level_for(score: float) -> ReadinessLevel:
    """The readiness level of an (unblocked) 0-100 score.

    Read from the score in whole points, as every view and the report show it,
    so that a 69.6 (or a 69.5) shown as "70" is not called Developing beside it.
    """
    shown = whole(score)
    for bound, level in LEVEL_THRESHOLDS:
        if shown >= bound:
            return level
    return ReadinessLevel.NOT_READY
