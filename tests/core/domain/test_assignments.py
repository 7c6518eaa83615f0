"""Who answers a question: its own assignee wins over its dimension's."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from readiness.content.catalog import Catalog
from readiness.domain.assignments import TeamAssignments, same_person
from readiness.domain.records import SavedAssignment


def _row(scope: str, code: str, assignee: str) -> SavedAssignment:
    return SavedAssignment(
        id=1,
        assessment_id=1,
        scope=scope,
        code=code,
        assignee=assignee,
        assigned_by="",
        assigned_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )


def test_a_question_given_to_someone_beats_its_dimension(bundled_catalog: Catalog) -> None:
    item = next(iter(bundled_catalog.all_items.values()))
    other = next(
        i
        for i in bundled_catalog.all_items.values()
        if i.dimension == item.dimension and i.id != item.id
    )
    team = TeamAssignments.from_rows(
        [_row("dimension", item.dimension, "Zhang Min"), _row("item", item.id, "Chen Jie")]
    )
    assert team.assignee(item) == "Chen Jie"
    assert team.assignee(other) == "Zhang Min"
    assert team.is_assigned_to(other, " zhang  min ")
    assert not team.is_assigned_to(item, "Zhang Min")
    assert team.people() == ["Chen Jie", "Zhang Min"]


def test_nobody_has_an_unassigned_question_not_even_an_empty_name(
    bundled_catalog: Catalog,
) -> None:
    item = next(iter(bundled_catalog.all_items.values()))
    assert TeamAssignments().assignee(item) is None
    assert not TeamAssignments.from_rows([_row("item", item.id, "Li")]).is_assigned_to(item, " ")


@given(st.text(min_size=1))
def test_a_name_is_always_the_same_person_as_itself_respaced(name: str) -> None:
    assert same_person(name, f"  {name.upper() if name.isascii() else name} ")
