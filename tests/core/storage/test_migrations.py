"""Schema upgrades: from every earlier revision, in one transaction, never half-done."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine

from readiness.domain.answers import AnswerValue
from readiness.storage.backup import list_backups
from readiness.storage.errors import StoreError
from readiness.storage.migrate import (
    MigrationError,
    all_revisions,
    current_revision,
    head_revision,
    upgrade_to,
)
from readiness.storage.opening import open_store
from readiness.storage.sqlite_file import APPLICATION_ID
from readiness.storage.store import Store

TABLES = {"company", "assessment", "targetmarket", "answer", "action", "milestone"}
# Revision 0009 on: every change of an answer or action is kept.
HISTORY_TABLE = "answer_history"


def _populate_0001(connection: sqlite3.Connection) -> None:
    connection.execute(
        "INSERT INTO company (id, name, industry_segment, products, home_province, notes, "
        "created_at) VALUES (1, '十堰制动系统', 'brakes', 'drums', 'Hubei', '', "
        "'2026-01-01 00:00:00')"
    )
    connection.execute(
        "INSERT INTO assessment (id, company_id, title, catalog_version, status, created_at, "
        "updated_at) VALUES (1, 1, 'review', '2026.1', 'in_progress', '2026-01-01 00:00:00', "
        "'2026-01-02 00:00:00')"
    )
    connection.execute(
        "INSERT INTO targetmarket (assessment_id, market_code, position) VALUES (1, 'IT', 0)"
    )
    for index in range(40):
        connection.execute(
            "INSERT INTO answer (assessment_id, item_id, market_code, value, note, evidence, "
            "updated_at, updated_by) VALUES (1, ?, 'IT', '3', '', '[]', "
            "'2026-01-02 00:00:00', 'li')",
            (f"CERT-{index:03}",),
        )
    connection.execute(
        "INSERT INTO action (assessment_id, item_id, market_code, owner, status, note, "
        "updated_at) VALUES (1, 'CERT-001', 'IT', 'Wang', 'open', '', '2026-01-02 00:00:00')"
    )
    connection.execute(
        "INSERT INTO milestone (assessment_id, name, catalog_version, created_at, answers) "
        "VALUES (1, 'Q1', '2026.1', '2026-01-02 00:00:00', '[]')"
    )


def _populate_0002(connection: sqlite3.Connection) -> None:
    _populate_0001(connection)
    connection.execute("UPDATE answer SET version = 3 WHERE item_id = 'CERT-001'")
    connection.execute("UPDATE action SET version = 2, updated_by = 'wang'")
    connection.execute("UPDATE assessment SET revision = 44")
    connection.execute(
        "INSERT INTO assignment (assessment_id, scope, code, assignee, assigned_by, "
        "assigned_at) VALUES (1, 'dimension', 'compliance', 'Zhang Min', 'li', "
        "'2026-01-02 00:00:00')"
    )


def _populate_0003(connection: sqlite3.Connection) -> None:
    _populate_0002(connection)
    entry = "sha256:" + "ab" * 32 + ":licence.pdf"
    connection.execute(
        "UPDATE answer SET evidence = ? WHERE item_id = 'CERT-002'", (f'["{entry}"]',)
    )


def _populate_0004(connection: sqlite3.Connection) -> None:
    _populate_0003(connection)
    connection.execute("UPDATE answer SET catalog_version = '2026.2' WHERE item_id = 'CERT-003'")


def _populate_0005(connection: sqlite3.Connection) -> None:
    _populate_0004(connection)
    connection.execute(
        "UPDATE company SET employees = 280, export_channels = '[\"traders\"]', "
        "product_types = '[\"vehicles\"]', certificates = '[\"iatf_16949\"]', "
        "other_certificates = 'CCC'"
    )
    connection.execute("UPDATE assessment SET budget_currency = 'EUR'")
    connection.execute(
        "UPDATE action SET start_date = '2027-01-04', effort_min = 2.5, effort_max = 4, "
        "cost_min = 10000, cost_max = 20000, cost_currency = 'EUR', cost_basis = 'one_off'"
    )
    connection.execute(
        "INSERT INTO exchange_rate (assessment_id, currency, cny_per_unit, as_of) "
        "VALUES (1, 'EUR', 7.85, '2026-12-01')"
    )


def _populate_0006(connection: sqlite3.Connection) -> None:
    _populate_0005(connection)
    connection.execute(
        'UPDATE assessment SET attractiveness_weights = \'{"size": 40, "risk": 10}\''
    )
    connection.execute(
        "INSERT INTO targetmarket (assessment_id, market_code, custom_name, custom_region, "
        "position, custom_name_zh) VALUES (1, 'XK', 'Kosovo', 'eu', 1, '科索沃')"
    )
    connection.execute(
        "INSERT INTO market_fact (market, fact, qualifier, value, unit, source_title, "
        "source_publisher, source_reference, as_of, note, imported_at) VALUES ('IT', "
        "'lpi_score', '2023', '3.7', 'score 1-5', 'Logistics Performance Index 2023', "
        "'World Bank', 'https://lpi.worldbank.org', '2023-04-21', '', '2026-12-01 00:00:00')"
    )


def _populate_0007(connection: sqlite3.Connection) -> None:
    connection.execute(
        "INSERT INTO company (id, name, industry_segment, products, home_province, notes, "
        "created_at) VALUES (1, '十堰制动系统', 'brakes', 'drums', 'Hubei', '', "
        "'2026-01-01 00:00:00')"
    )
    for key, previous, status in ((1, None, "archived"), (2, 1, "in_progress")):
        connection.execute(
            "INSERT INTO assessment (id, company_id, title, catalog_version, status, "
            "created_at, updated_at, previous_id, exchange_id) VALUES (?, 1, 'review', "
            "'2026.1', ?, '2026-01-01 00:00:00', '2026-01-02 00:00:00', ?, ?)",
            (key, status, previous, f"{key:032x}"),
        )
        connection.execute(
            "INSERT INTO targetmarket (assessment_id, market_code, position) VALUES (?, 'IT', 0)",
            (key,),
        )
        connection.execute(
            "INSERT INTO answer (assessment_id, item_id, market_code, value, note, evidence, "
            "updated_at, updated_by) VALUES (?, 'CERT-004', 'IT', '3', '', '[]', "
            "'2026-01-02 00:00:00', 'li')",
            (key,),
        )
        connection.execute(
            "INSERT INTO milestone (assessment_id, name, catalog_version, created_at, answers) "
            "VALUES (?, 'Q1', '2026.1', '2026-01-02 00:00:00', '[]')",
            (key,),
        )


def _populate_0008(connection: sqlite3.Connection) -> None:
    _populate_0007(connection)
    connection.execute(
        "INSERT INTO team_member (login, display_name, role, company_id) "
        "VALUES ('chen_jie', 'Chen Jie 陈杰', 'firm', 1)"
    )
    connection.execute("INSERT INTO company_access (login, company_id) VALUES ('chen_jie', 1)")


def _populate_0009(connection: sqlite3.Connection) -> None:
    connection.execute(
        "INSERT INTO company (id, name, industry_segment, products, home_province, notes, "
        "created_at, exchange_id, archived_at) VALUES (1, '十堰制动系统', 'brakes', 'drums', "
        "'Hubei', '', '2026-01-01 00:00:00', ?, '2026-02-01 00:00:00')",
        (f"{7:032x}",),
    )
    connection.execute(
        "INSERT INTO assessment (id, company_id, title, catalog_version, status, created_at, "
        "updated_at, exchange_id) VALUES (1, 1, 'review', '2026.1', 'draft', "
        "'2026-01-01 00:00:00', '2026-01-02 00:00:00', ?)",
        (f"{1:032x}",),
    )
    # The answer's own trigger writes its first history entry.
    connection.execute(
        "INSERT INTO answer (assessment_id, item_id, market_code, value, note, evidence, "
        "updated_at, updated_by) VALUES (1, 'CERT-004', 'IT', '3', 'kept', '[\"a.pdf\"]', "
        "'2026-01-02 00:00:00', 'li')"
    )


def _populate_0010(connection: sqlite3.Connection) -> None:
    _populate_0009(connection)
    connection.execute(
        "INSERT INTO market_fact (market, fact, qualifier, qualifier_zh, value, unit, "
        "source_title, source_publisher, source_reference, as_of, note, imported_at) VALUES "
        "('LA', 'transit_days', 'Kunming (rail)', '昆明（铁路）', '1.1', 'days', 'Timetable', "
        "'Railway', '', '2026-01-01', '', '2026-12-01 00:00:00')"
    )


# Every revision a user's file may be at gets a function that fills it with
# realistic rows, written in that revision's own schema.
POPULATE: dict[str, Callable[[sqlite3.Connection], None]] = {
    "0001": _populate_0001,
    "0002": _populate_0002,
    "0003": _populate_0003,
    "0004": _populate_0004,
    "0005": _populate_0005,
    "0006": _populate_0006,
    "0007": _populate_0007,
    "0008": _populate_0008,
    "0009": _populate_0009,
    "0010": _populate_0010,
}


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in sorted(TABLES)
        }


def test_every_revision_has_a_populated_fixture() -> None:
    assert set(POPULATE) == set(all_revisions())


@pytest.mark.parametrize("revision", all_revisions())
def test_upgrade_from_a_populated_database_at_each_revision(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, revision)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # as every real file
        POPULATE[revision](connection)
    before = _counts(path)

    with open_store(str(path)) as store:
        assert store.check() == []
        engine = store.engine
        assert current_revision(engine) == head_revision()
    assert _counts(path) == before
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    if revision != head_revision():
        assert [b.reason for b in list_backups(path)] == ["before-upgrade"]


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    with open_store(str(path)):
        pass
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(MigrationError, match="newer version"):
        open_store(str(path))
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def test_an_upgrade_that_would_break_references_is_rolled_back(tmp_path: Path) -> None:
    path = tmp_path / "dangling.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, all_revisions()[0])
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO answer (assessment_id, item_id, market_code, value, note, evidence, "
            "updated_at, updated_by) VALUES (42, 'X', '', '1', '', '[]', '2026-01-01', '')"
        )
    engine = create_engine(f"sqlite:///{path}")
    with pytest.raises(MigrationError, match="broken references"):
        upgrade_to(engine, "head")
    engine.dispose()


def _migrate_in_child(path: str) -> None:
    open_store(path).close()


def test_a_kill_during_migration_leaves_the_old_or_the_new_schema(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    rng = random.Random(7)
    outcomes = set()
    for attempt in range(25):
        path = tmp_path / f"kill-{attempt}.sqlite3"
        child = context.Process(target=_migrate_in_child, args=(str(path),))
        child.start()
        time.sleep(rng.uniform(0.0, 0.08))
        if child.pid is not None and child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
        child.join()
        if not path.exists():
            outcomes.add("none")
            continue
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        if "alembic_version" in tables:
            assert tables >= TABLES, "a revision is recorded but tables are missing"
            with open_store(str(path)) as store:
                assert current_revision(store.engine) == head_revision()
            outcomes.add("new")
        else:
            assert not tables & TABLES, f"tables without a revision: {tables}"
            outcomes.add("old")
        # Whatever state it was left in, the file opens and works.
        with open_store(str(path)) as store:
            assert store.check() == []
    assert outcomes  # at least one attempt ran


def test_the_recorded_head_is_alembics_head() -> None:
    from readiness.storage.migrate import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


@pytest.mark.parametrize("read_only", [False, True])
def test_opening_a_current_database_does_not_load_alembic(tmp_path: Path, read_only: bool) -> None:
    import subprocess
    import sys

    path = tmp_path / "current.sqlite3"
    open_store(str(path)).close()
    script = (
        "import sys; from readiness.storage.opening import open_store; "
        f"open_store({str(path)!r}, read_only={read_only}).close(); "
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


@pytest.mark.both_backends
def test_the_migrated_schema_matches_the_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_rows_from_before_team_mode_start_at_version_one(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0001")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _populate_0001(connection)
    with open_store(str(path), user="Zhang Min") as store:
        answer = store.answer(1, "CERT-001", "IT")
        assert answer is not None and answer.version == 1
        assert store.actions(1)[0].version == 1 and store.revision(1) == 0
        updated = store.set_answer(1, "CERT-001", "IT", AnswerValue.PROVEN, expected_version=1)
        assert (updated.version, updated.updated_by) == (2, "Zhang Min")


def test_an_upgraded_database_gets_its_own_identity(tmp_path: Path) -> None:
    identities = set()
    for name in ("one", "two"):
        path = tmp_path / f"{name}.sqlite3"
        engine = create_engine(f"sqlite:///{path}")
        upgrade_to(engine, "0002")
        with sqlite3.connect(path) as connection:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            _populate_0002(connection)
        engine.dispose()
        with open_store(str(path)) as store:
            identities.add(store.identity)
            assert len(store.snapshot(1).answers) == 40
    assert len(identities) == 2


def test_answers_of_a_0003_database_keep_everything_and_get_their_assessments_version(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0003")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _populate_0003(connection)
        before = connection.execute(
            "SELECT item_id, market_code, value, note, evidence, version FROM answer "
            "ORDER BY item_id"
        ).fetchall()
    with open_store(str(path)) as store:
        answers = store.answers(1)
    assert [
        (a.item_id, a.market_code, a.value, a.note, json.dumps(a.evidence), a.version)
        for a in answers
    ] == [(i, m, v, n, json.dumps(json.loads(e)), ver) for i, m, v, n, e, ver in before]
    assert {a.catalog_version for a in answers} == {"2026.1"}


@pytest.mark.parametrize("revision", [r for r in all_revisions() if r != head_revision()])
def test_an_older_database_opened_read_only_is_refused_in_one_line_untouched(
    tmp_path: Path, revision: str
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, revision)
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        POPULATE[revision](connection)
    before = path.read_bytes()

    with pytest.raises(StoreError) as refused:
        open_store(str(path), read_only=True)

    message = str(refused.value)
    assert f"schema revision {revision}" in message and "without --read-only" in message
    assert "\n" not in message
    assert path.read_bytes() == before
    assert list_backups(path) == []


def test_a_0004_database_keeps_everything_and_gets_an_empty_profile_and_no_figures(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0004")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _populate_0004(connection)
        before = {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
            for table in sorted(TABLES | {"assignment"})
        }
    with open_store(str(path)) as store:
        snapshot = store.snapshot(1)
        assert store.revision(1) == 44
    with sqlite3.connect(path) as connection:
        for table, rows in before.items():
            width = len(rows[0]) if rows else 0
            after = connection.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()
            assert [row[:width] for row in after] == rows, table
    company = snapshot.company
    assert company.name == "十堰制动系统"
    assert (company.employees, company.export_channels, company.product_types) == (None, (), ())
    assert (company.certificates, company.other_certificates) == ((), "")
    assert snapshot.assessment.budget_currency == "CNY"
    assert snapshot.rates == ()
    action = snapshot.actions[0]
    assert (action.owner, action.version, action.updated_by) == ("Wang", 2, "wang")
    assert (action.start_date, action.effort_min, action.cost_min, action.cost_basis) == (
        None,
        None,
        None,
        None,
    )
    assert len(snapshot.answers) == 40


def test_a_0005_database_reads_its_profile_figures_and_rates(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0005")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _populate_0005(connection)
    with open_store(str(path)) as store:
        snapshot = store.snapshot(1)
    assert snapshot.company.employees == 280
    assert snapshot.company.certificates == ("iatf_16949",)
    assert snapshot.assessment.budget_currency == "EUR"
    action = snapshot.actions[0]
    assert (action.effort_min, action.effort_max, action.cost_max) == (2.5, 4.0, 20000)
    assert [(r.currency, r.cny_per_unit) for r in snapshot.rates] == [("EUR", 7.85)]


def test_a_0005_database_gets_the_default_weights_and_no_imported_facts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0005")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _populate_0005(connection)
    with open_store(str(path)) as store:
        snapshot = store.snapshot(1)
        assert store.imported_facts() == []
    assert snapshot.assessment.attractiveness_weights == ()
    assert snapshot.assessment.budget_currency == "EUR"
    assert [(m.market_code, m.custom_name_zh) for m in snapshot.markets] == [("IT", None)]
    assert snapshot.facts == ()


def test_a_0006_database_reads_its_weights_chinese_names_and_facts(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0006")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _populate_0006(connection)
    with open_store(str(path)) as store:
        snapshot = store.snapshot(1)
    assert snapshot.assessment.attractiveness_weights == (("size", 40.0), ("risk", 10.0))
    assert snapshot.markets[1].custom_name_zh == "科索沃"
    (fact,) = snapshot.facts
    assert (fact.market, fact.fact.value, fact.qualifier, fact.value) == (
        "IT",
        "lpi_score",
        "2023",
        "3.7",
    )
    assert fact.imported and fact.as_of.isoformat() == "2023-04-21"


def _downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    from readiness.storage.migrate import alembic_config

    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # as upgrade_to: no cascades while tables are rebuilt
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        with connection.begin():
            command.downgrade(alembic_config(connection), revision)
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            connection.commit()


@pytest.mark.both_backends
def test_0006_downgrades_to_0005_keeping_the_rest_and_upgrades_again(
    store: Store, assessment_id: int, store_location: str
) -> None:
    from sqlalchemy import inspect

    store.set_attractiveness_weights(assessment_id, {"size": 50})
    store.set_answer(assessment_id, "TALE-001", None, AnswerValue.PROVEN)
    store.import_facts([])
    store.close()
    location = store_location
    engine = create_engine(location if "://" in location else f"sqlite:///{location}")
    _downgrade(engine, "0005")
    assert current_revision(engine) == "0005"
    schema = inspect(engine)
    assert "market_fact" not in schema.get_table_names()
    assert "attractiveness_weights" not in {c["name"] for c in schema.get_columns("assessment")}
    assert "custom_name_zh" not in {c["name"] for c in schema.get_columns("targetmarket")}
    upgrade_to(engine, "head")
    engine.dispose()
    with open_store(location) as reopened:
        snapshot = reopened.snapshot(assessment_id)
        assert [a.item_id for a in snapshot.answers] == ["TALE-001"]
        assert [m.market_code for m in snapshot.markets] == ["IT", "MA"]
        assert snapshot.assessment.attractiveness_weights == ()
        assert reopened.check() == []


def test_a_0007_database_gets_company_identities_and_keeps_every_change_from_then_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0007")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _populate_0007(connection)
        connection.execute(
            "INSERT INTO company (id, name, industry_segment, products, home_province, notes, "
            "created_at) VALUES (2, 'Ningbo Seals', '', '', '', '', '2026-01-01 00:00:00')"
        )
    with open_store(str(path), user="Chen Jie") as store:
        identities = {store.company(key).exchange_id for key in (1, 2)}
        assert len(identities) == 2 and all(len(found) == 32 for found in identities)
        assert store.company(1).archived_at is None
        # Nothing was recorded before the upgrade; the answer as it stands is still there.
        assert store.history(2, "CERT-004", "IT") == []
        store.set_answer(2, "CERT-004", "IT", AnswerValue.PROVEN, note="now kept")
        [entry] = store.history(2, "CERT-004", "IT")
        assert entry.changed_by == "Chen Jie"
        assert entry.before == {"value": "3", "note": "", "evidence": []}
        assert entry.after == {"value": "4", "note": "now kept", "evidence": []}


def test_0009_downgrades_to_0007_keeping_the_answers_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0009")
    with sqlite3.connect(path) as connection:
        _populate_0009(connection)
    _downgrade(engine, "0007")
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert HISTORY_TABLE not in tables
        assert connection.execute("SELECT count(*) FROM answer").fetchone() == (1,)
    upgrade_to(engine, "0009")
    engine.dispose()
