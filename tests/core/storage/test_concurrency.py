"""Many people answering at once on one PostgreSQL database: nothing acknowledged is lost,
and of two people changing the same answer exactly one wins."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest

from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.storage.errors import AnswerConflict
from readiness.storage.opening import open_store

WRITERS = 20
ANSWERS_EACH = 100
VALUES = [AnswerValue.NOT_STARTED, AnswerValue.AWARE, AnswerValue.PARTLY, AnswerValue.IN_PLACE]


def _item(index: int) -> str:
    return f"CERT-{index:03}"


def _answer_many(url: str, assessment_id: int, writer: int) -> list[tuple[str, str, str]]:
    """One colleague's session: answers 100 questions for their market, one commit each."""
    acknowledged = []
    with open_store(url, user=f"writer-{writer}") as store:
        market = f"M{writer:02}"
        for index in range(ANSWERS_EACH):
            value = VALUES[(index + writer) % len(VALUES)]
            store.set_answer(assessment_id, _item(index), market, value, expected_version=0)
            # Only what set_answer returned from is acknowledged to the user.
            acknowledged.append((_item(index), market, value.value))
    return acknowledged


def _race(url: str, assessment_id: int, writer: int, barrier: Any, rounds: int) -> list[bool]:
    """Both racers read the same version, wait for each other, then write."""
    wins = []
    with open_store(url, user=f"racer-{writer}") as store:
        for _ in range(rounds):
            seen = store.answer(assessment_id, "QUAL-001", None)
            assert seen is not None
            barrier.wait()
            try:
                store.set_answer(
                    assessment_id,
                    "QUAL-001",
                    None,
                    VALUES[writer],
                    expected_version=seen.version,
                )
                wins.append(True)
            except AnswerConflict as conflict:
                assert conflict.theirs is not None
                assert conflict.theirs.updated_by == f"racer-{1 - writer}"
                wins.append(False)
            barrier.wait()  # both done before the next round reads
    return wins


@pytest.mark.slow
def test_twenty_processes_lose_no_acknowledged_answer(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        company = store.create_company("Wenzhou Auto Parts")
        assert company.id is not None
        markets = [MarketChoice(f"M{w:02}", f"Market {w}", "eu") for w in range(WRITERS)]
        assessment = store.create_assessment(company.id, "load", "test", markets)
        assert assessment.id is not None
        revision_before = store.revision(assessment.id)
    context = multiprocessing.get_context("spawn")
    with context.Pool(WRITERS) as pool:
        results = pool.starmap(
            _answer_many, [(postgres_url, assessment.id, w) for w in range(WRITERS)]
        )
    acknowledged = {(item, market): value for batch in results for item, market, value in batch}
    assert len(acknowledged) == WRITERS * ANSWERS_EACH
    with open_store(postgres_url) as store:
        saved = {(a.item_id, a.market_code): a for a in store.answers(assessment.id)}
        assert {key: a.value for key, a in saved.items()} == acknowledged
        assert {a.updated_by for a in saved.values()} == {f"writer-{w}" for w in range(WRITERS)}
        # Every write bumped the shared revision exactly once, none was lost.
        assert store.revision(assessment.id) == revision_before + WRITERS * ANSWERS_EACH
        # And every write is in the history, once, with its writer and its value.
        assert store.history_count(assessment.id) == WRITERS * ANSWERS_EACH
        for (item, market), value in acknowledged.items():
            [entry] = store.history(assessment.id, item, market)
            assert (entry.changed_by, entry.value) == (f"writer-{int(market[1:])}", value)


def test_of_two_writers_on_one_answer_exactly_one_wins(postgres_url: str) -> None:
    rounds = 10
    with open_store(postgres_url) as store:
        company = store.create_company("Liuzhou Axles")
        assert company.id is not None
        assessment = store.create_assessment(company.id, "race", "test", [MarketChoice("IT")])
        assert assessment.id is not None
        store.set_answer(assessment.id, "QUAL-001", None, AnswerValue.AWARE)
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(2) as pool:
        barrier = manager.Barrier(2)
        first, second = pool.starmap(
            _race, [(postgres_url, assessment.id, w, barrier, rounds) for w in (0, 1)]
        )
    assert [a != b for a, b in zip(first, second, strict=True)] == [True] * rounds
    with open_store(postgres_url) as store:
        final = store.answer(assessment.id, "QUAL-001", None)
        assert final is not None and final.version == 1 + rounds
        # Only the winners' writes are history; each loser's attempt left none.
        entries = store.history(assessment.id, "QUAL-001", None)
        assert [entry.version for entry in entries] == list(range(1 + rounds, 0, -1))


def test_two_people_creating_the_same_action_at_once_is_a_conflict(postgres_url: str) -> None:
    import threading

    from sqlalchemy import text

    from readiness.storage.errors import ActionConflict

    with (
        open_store(postgres_url, user="Li Wei") as li,
        open_store(postgres_url, user="Zhang Min") as zhang,
    ):
        company = li.create_company("Ningbo Seals")
        assert company.id is not None
        assessment = li.create_assessment(company.id, "race", "test", [MarketChoice("IT")])
        assert assessment.id is not None
        # Zhang's insert is in flight (uncommitted) when Li creates the same action.
        connection = zhang.engine.connect()
        transaction = connection.begin()
        connection.execute(
            text(
                "INSERT INTO action (assessment_id, item_id, market_code, owner, status, note, "
                "updated_at, updated_by, version) VALUES (:a, 'CERT-001', 'IT', 'Wang', 'open', "
                "'', now(), 'Zhang Min', 1)"
            ),
            {"a": assessment.id},
        )
        outcome: list[BaseException | None] = []

        def create() -> None:
            try:
                li.set_action(assessment.id, "CERT-001", "IT", owner="Zhao", expected_version=0)
                outcome.append(None)
            except BaseException as error:
                outcome.append(error)

        writer = threading.Thread(target=create)
        writer.start()
        writer.join(timeout=1.0)  # blocked on Zhang's uncommitted row
        transaction.commit()
        connection.close()
        writer.join(timeout=10)
        assert len(outcome) == 1 and isinstance(outcome[0], ActionConflict)
        assert outcome[0].theirs is not None and outcome[0].theirs.owner == "Wang"
