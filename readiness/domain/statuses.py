"""Where an assessment, an action or an assignment stands: the domain's own words.

The store's tables keep these as plain text checked by constraints; the rest
of the product reads and writes them through these enums.
"""

from __future__ import annotations

from enum import StrEnum


class AssessmentStatus(StrEnum):
    """Where an assessment stands."""

    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    ARCHIVED = "archived"


class ActionStatus(StrEnum):
    """Progress on one action of the plan."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class AssignmentScope(StrEnum):
    """What a colleague is asked to answer: a whole dimension or one question."""

    DIMENSION = "dimension"
    ITEM = "item"
