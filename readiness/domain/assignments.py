"""Who answers what: dimensions and questions given to colleagues.

A question given to someone is theirs; otherwise it belongs to whoever has its
dimension; otherwise to nobody in particular.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from readiness.content.model import Item
from readiness.domain.records import SavedAssignment
from readiness.domain.statuses import AssignmentScope


def same_person(first: str, second: str) -> bool:
    """Whether two typed names mean the same colleague (case and spaces aside)."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


@dataclass(frozen=True)
class TeamAssignments:
    """The assignments of one assessment, ready to ask about any question."""

    by_dimension: Mapping[str, str] = field(default_factory=dict)
    by_item: Mapping[str, str] = field(default_factory=dict)
    # Who may be given questions (a team server's roster names), None: anyone may be named.
    assignable: tuple[str, ...] | None = None

    @classmethod
    def from_rows(
        cls, rows: Iterable[SavedAssignment], assignable: Sequence[str] | None = None
    ) -> TeamAssignments:
        """Build from the store's rows and who may be given questions."""
        dimensions: dict[str, str] = {}
        items: dict[str, str] = {}
        for row in rows:
            target = dimensions if row.scope == AssignmentScope.DIMENSION.value else items
            target[row.code] = row.assignee
        return cls(
            by_dimension=dimensions,
            by_item=items,
            assignable=None if assignable is None else tuple(assignable),
        )

    def assignee(self, item: Item) -> str | None:
        """Who is to answer ``item``: its own assignee, else its dimension's, else None."""
        return self.by_item.get(item.id) or self.by_dimension.get(item.dimension)

    def is_assigned_to(self, item: Item, person: str) -> bool:
        """Whether ``item`` is ``person``'s to answer."""
        assignee = self.assignee(item)
        return assignee is not None and bool(person.strip()) and same_person(assignee, person)

    def people(self) -> list[str]:
        """Everyone who has been given something, sorted."""
        return sorted({*self.by_dimension.values(), *self.by_item.values()}, key=str.casefold)
