"""A database's refusal comes with its parts, so an interface can word it in the user's
language and keep the database's own words (which may quote SQL) for the details."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from readiness.storage.engine import database_error
from readiness.storage.errors import ConstraintViolated

SERVER = "postgresql://li@db.example.com:5432/readiness"
SAID = (
    "value too long for type character varying(40)\n"
    "LINE 1: INSERT INTO answer (assessment_id) VALUES"
)


def test_a_refused_write_keeps_the_servers_words_apart() -> None:
    error = database_error(ProgrammingError("INSERT INTO answer", {}, Exception(SAID)), SERVER)
    assert error.problem is not None
    assert error.problem.kind == "refused" and error.problem.location == SERVER
    assert error.problem.detail == " ".join(SAID.split())  # one line, for a log
    # The command line's English message still quotes the server, as before.
    assert "refused the change" in str(error) and "value too long" in str(error)


def test_a_server_refusing_access_names_the_reason_and_keeps_its_words() -> None:
    said = "permission denied for table answer\nLINE 1: INSERT INTO answer (value) VALUES"
    error = database_error(ProgrammingError("INSERT", {}, Exception(said)), SERVER)
    assert error.problem is not None and error.problem.kind == "no-access"
    assert error.problem.server and "LINE 1: INSERT INTO answer" in error.problem.detail


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("database is locked", "busy"),
        ("attempt to write a readonly database", "read-only"),
        ("database or disk is full", "disk-full"),
    ],
)
def test_a_files_refusal_has_its_kind(said: str, kind: str, tmp_path: object) -> None:
    location = f"{tmp_path}/team.sqlite3"
    error = database_error(OperationalError("UPDATE answer", {}, Exception(said)), location)
    assert error.problem is not None and error.problem.kind == kind


def test_a_broken_rule_is_still_a_constraint_violation() -> None:
    error = database_error(IntegrityError("INSERT", {}, Exception("UNIQUE failed")), SERVER)
    assert isinstance(error, ConstraintViolated) and error.problem is not None


def test_a_server_that_went_away_names_its_reason() -> None:
    gone = OperationalError("SELECT 1", {}, Exception("timeout expired"))
    error = database_error(gone, SERVER)
    assert error.problem is not None and error.problem.kind == "timeout"
    assert error.problem.server  # the account, for the interface's words
