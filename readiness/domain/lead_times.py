"""How long an action still takes: what is left of its lead time from where the answers stand.

Pure functions; the rule is in ``docs/methodology.md`` ("The plan"). A lead
time runs from "not started" to the target level; an answer already above 0
has covered its share of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from readiness.content.model import Item
from readiness.domain.scoring import Gap


def remaining_weeks(item: Item, gaps: Sequence[Gap]) -> int:
    """The lead time left from the lowest answer among ``gaps``: all of it from
    "not started", two thirds from level 1, a third from level 2 (rounded up).

    Gaps carry the shortfall to the target level, so the share is shortfall / target.
    """
    shortfall = max(g.shortfall for g in gaps)
    target = max(g.level + g.shortfall for g in gaps)
    if target <= 0:
        return 0
    return -(-item.lead_time_weeks * min(shortfall, target) // target)


def weeks_to_entry(item: Item, gaps: Sequence[Gap]) -> int | None:
    """Weeks from the start until the market can open as far as this action goes:
    up to the content's ``entry_level`` (a trade mark filed, not yet registered), or
    the whole remaining lead time without one; None when the answers reach that level."""
    if item.entry_level is None:
        return remaining_weeks(item, gaps)
    level = min(g.level for g in gaps)
    target = max(g.level + g.shortfall for g in gaps)
    if level >= item.entry_level or target <= 0:
        return None
    return -(-item.lead_time_weeks * (item.entry_level - level) // target)
