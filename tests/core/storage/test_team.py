"""Working as a team: who changed what, no silent overwrites, assignments, live revision."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.domain.statuses import ActionStatus, AssignmentScope
from readiness.storage.errors import ActionConflict, AnswerConflict, StoreError
from readiness.storage.opening import open_store
from readiness.storage.store import Store

pytestmark = pytest.mark.both_backends


@pytest.fixture
def team(store_location: str, backend: str) -> Iterator[tuple[Store, Store]]:
    """Two colleagues on one database: Li writes, Zhang too (on a server, her own connection)."""
    li = open_store(store_location, user="Li Wei")
    if backend == "sqlite":
        # One file has one writer at a time; the same connection with another name
        # still proves the rules the store applies.
        zhang = Store(li.engine, location=li.location, user="Zhang Min")
    else:
        zhang = open_store(store_location, user="Zhang Min")
    yield li, zhang
    if zhang.engine is not li.engine:
        zhang.close()
    li.close()


@pytest.fixture
def shared_assessment(team: tuple[Store, Store]) -> int:
    li, _ = team
    company = li.create_company("Ningbo Lighting")
    assert company.id is not None
    assessment = li.create_assessment(company.id, "2027", "test", [MarketChoice("IT")])
    assert assessment.id is not None
    return assessment.id


def test_every_answer_records_who_when_and_a_new_version(
    team: tuple[Store, Store], shared_assessment: int
) -> None:
    li, zhang = team
    first = li.set_answer(shared_assessment, "CERT-001", "IT", AnswerValue.PARTLY)
    assert (first.version, first.updated_by) == (1, "Li Wei")
    second = zhang.set_answer(
        shared_assessment, "CERT-001", "IT", AnswerValue.IN_PLACE, expected_version=1
    )
    assert (second.version, second.updated_by, second.value) == (2, "Zhang Min", "3")
    assert second.updated_at >= first.updated_at
    assert li.answer(shared_assessment, "CERT-001", "IT") == second


def test_a_stale_writer_gets_a_conflict_naming_who_when_and_what(
    team: tuple[Store, Store], shared_assessment: int
) -> None:
    li, zhang = team
    seen = li.set_answer(shared_assessment, "CERT-001", "IT", AnswerValue.AWARE)
    zhang.set_answer(
        shared_assessment, "CERT-001", "IT", AnswerValue.IN_PLACE, expected_version=seen.version
    )
    with pytest.raises(AnswerConflict) as raised:
        li.set_answer(
            shared_assessment,
            "CERT-001",
            "IT",
            AnswerValue.NOT_STARTED,
            expected_version=seen.version,
        )
    theirs = raised.value.theirs
    assert theirs is not None and (theirs.value, theirs.updated_by) == ("3", "Zhang Min")
    assert "Zhang Min" in str(raised.value) and "to 3" in str(raised.value)
    # Nothing of the loser was written; keeping theirs needs no write at all.
    assert li.answer(shared_assessment, "CERT-001", "IT") == theirs
    # "Keep yours": write again against the version now seen.
    kept = li.set_answer(
        shared_assessment,
        "CERT-001",
        "IT",
        AnswerValue.NOT_STARTED,
        expected_version=theirs.version,
    )
    assert (kept.value, kept.updated_by, kept.version) == ("0", "Li Wei", theirs.version + 1)


def test_two_first_answers_to_the_same_question_conflict(
    team: tuple[Store, Store], shared_assessment: int
) -> None:
    li, zhang = team
    zhang.set_answer(shared_assessment, "QUAL-001", None, AnswerValue.PROVEN, expected_version=0)
    with pytest.raises(AnswerConflict) as raised:
        li.set_answer(
            shared_assessment, "QUAL-001", None, AnswerValue.NOT_STARTED, expected_version=0
        )
    assert raised.value.theirs is not None and raised.value.theirs.value == "4"


def test_clearing_an_answer_someone_changed_is_a_conflict(
    team: tuple[Store, Store], shared_assessment: int
) -> None:
    li, zhang = team
    seen = li.set_answer(shared_assessment, "CERT-001", "IT", AnswerValue.AWARE)
    zhang.set_answer(shared_assessment, "CERT-001", "IT", AnswerValue.IN_PLACE, expected_version=1)
    with pytest.raises(AnswerConflict):
        li.clear_answer(shared_assessment, "CERT-001", "IT", expected_version=seen.version)
    assert li.answer(shared_assessment, "CERT-001", "IT") is not None
    li.clear_answer(shared_assessment, "CERT-001", "IT", expected_version=2)
    assert li.answer(shared_assessment, "CERT-001", "IT") is None


def test_changing_an_answer_someone_cleared_is_a_conflict(
    team: tuple[Store, Store], shared_assessment: int
) -> None:
    li, zhang = team
    li.set_answer(shared_assessment, "CERT-001", "IT", AnswerValue.AWARE)
    zhang.clear_answer(shared_assessment, "CERT-001", "IT", expected_version=1)
    with pytest.raises(AnswerConflict) as raised:
        li.set_answer(shared_assessment, "CERT-001", "IT", AnswerValue.PROVEN, expected_version=1)
    assert raised.value.theirs is None and "cleared" in str(raised.value)


def test_a_missing_assessment_is_not_reported_as_a_conflict(team: tuple[Store, Store]) -> None:
    li, _ = team
    with pytest.raises(StoreError) as raised:
        li.set_answer(999, "CERT-001", "IT", AnswerValue.PROVEN, expected_version=4)
    assert not isinstance(raised.value, AnswerConflict)


def test_actions_record_who_and_refuse_stale_writes(
    team: tuple[Store, Store], shared_assessment: int
) -> None:
    li, zhang = team
    first = li.set_action(shared_assessment, "CERT-001", "IT", owner="Wang", expected_version=0)
    assert (first.version, first.updated_by) == (1, "Li Wei")
    second = zhang.set_action(
        shared_assessment, "CERT-001", "IT", status=ActionStatus.DONE, expected_version=1
    )
    assert (second.version, second.updated_by, second.owner) == (2, "Zhang Min", "Wang")
    with pytest.raises(ActionConflict) as raised:
        li.set_action(shared_assessment, "CERT-001", "IT", owner="Zhao", expected_version=1)
    assert raised.value.theirs is not None and raised.value.theirs.status == "done"
    assert li.actions(shared_assessment)[0].owner == "Wang"


def test_assignments_can_be_given_changed_and_taken_back(
    team: tuple[Store, Store], shared_assessment: int
) -> None:
    li, _ = team
    li.assign(shared_assessment, AssignmentScope.DIMENSION, "compliance", "Zhang Min")
    li.assign(shared_assessment, AssignmentScope.ITEM, "CERT-001", "Chen Jie")
    li.assign(shared_assessment, AssignmentScope.DIMENSION, "compliance", " Zhao Lei ")
    given = {(a.scope, a.code): (a.assignee, a.assigned_by) for a in li.assignments(1)}
    assert given == {
        ("dimension", "compliance"): ("Zhao Lei", "Li Wei"),
        ("item", "CERT-001"): ("Chen Jie", "Li Wei"),
    }
    li.assign(shared_assessment, AssignmentScope.ITEM, "CERT-001", "")
    assert [a.code for a in li.assignments(shared_assessment)] == ["compliance"]


def test_every_change_raises_the_revision_others_poll(
    team: tuple[Store, Store], shared_assessment: int
) -> None:
    li, zhang = team
    seen = [li.revision(shared_assessment)]
    zhang.set_answer(shared_assessment, "CERT-001", "IT", AnswerValue.AWARE)
    seen.append(li.revision(shared_assessment))
    zhang.set_action(shared_assessment, "CERT-001", "IT", owner="Wang")
    seen.append(li.revision(shared_assessment))
    zhang.assign(shared_assessment, AssignmentScope.ITEM, "CERT-001", "Wang")
    seen.append(li.revision(shared_assessment))
    zhang.clear_answer(shared_assessment, "CERT-001", "IT")
    seen.append(li.revision(shared_assessment))
    zhang.update_company(li.assessment(shared_assessment).company_id, products="wipers")
    seen.append(li.revision(shared_assessment))
    zhang.save_milestone(shared_assessment, "Q1")
    seen.append(li.revision(shared_assessment))
    assert seen == sorted(set(seen)), seen
    # A refused write changes nothing, so nobody reloads for it.
    with pytest.raises(AnswerConflict):
        zhang.set_answer(shared_assessment, "QUAL-001", None, AnswerValue.AWARE, expected_version=3)
    assert li.revision(shared_assessment) == seen[-1]


def test_the_servers_own_address_settings_win_over_the_apps_defaults(postgres_url: str) -> None:
    address = f"{postgres_url}?keepalives_idle=42&application_name=platform-desk"
    with open_store(address) as store, store.engine.connect() as connection:
        parameters = connection.connection.driver_connection.info.get_parameters()
        name = connection.exec_driver_sql("SHOW application_name").scalar()
    assert parameters["keepalives_idle"] == "42"
    assert parameters["tcp_user_timeout"] == "15000"  # the app's default where none is given
    assert name == "platform-desk"
