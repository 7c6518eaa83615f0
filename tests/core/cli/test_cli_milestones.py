"""An assessment's history from the command line: the points, what changed at one, and
milestones renamed or deleted."""

from __future__ import annotations

import pytest

from readiness.cli import main

pytestmark = pytest.mark.both_backends


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(store_location: str, capsys: pytest.CaptureFixture[str]) -> str:
    run(capsys, "new", "--db", store_location, "--company", "Acme", "--markets", "IT")
    run(capsys, "answer", "--db", store_location, "--assessment", "1", "--item", "CERT-004",
        "--market", "IT", "--value", "1")  # fmt: skip
    return store_location


def _save(db: str, name: str) -> None:
    from readiness.storage.opening import open_store

    with open_store(db) as store:
        store.save_milestone(1, name)


def test_the_points_and_what_changed_at_one(capsys: pytest.CaptureFixture[str], db: str) -> None:
    _save(db, "Q1")
    run(capsys, "answer", "--db", db, "--assessment", "1", "--item", "CERT-004",
        "--market", "IT", "--value", "4")  # fmt: skip
    code, out, _ = run(capsys, "milestones", "--db", db, "--assessment", "1")
    lines = out.splitlines()
    assert code == 0 and lines[1].split()[:2] == ["1", "1"] and lines[1].endswith("Q1")
    assert lines[2].split() == ["2", "-", "now"]
    code, out, _ = run(capsys, "milestones", "--db", db, "--assessment", "1", "--changes", "2")
    assert code == 0 and out.startswith("now since Q1")
    assert "answers changed: 1" in out and "CERT-004   IT             1 -> 4" in out
    code, _, err = run(capsys, "milestones", "--db", db, "--assessment", "1", "--changes", "3")
    assert code == 1 and "points 1 to 2" in err


def test_rename_and_delete_a_milestone(capsys: pytest.CaptureFixture[str], db: str) -> None:
    _save(db, "Q1")
    code, out, _ = run(capsys, "milestones", "--db", db, "--assessment", "1", "--rename", "1",
                       "--name", "Kick-off")  # fmt: skip
    assert code == 0 and out.strip() == "renamed milestone 1 to Kick-off"
    code, _, err = run(capsys, "milestones", "--db", db, "--assessment", "1", "--rename", "1")
    assert code == 1 and "--name" in err
    code, _, err = run(capsys, "milestones", "--db", db, "--assessment", "1", "--delete", "1")
    assert code == 1 and "add --yes" in err
    code, _, err = run(capsys, "milestones", "--db", db, "--assessment", "1", "--delete", "7",
                       "--yes")  # fmt: skip
    assert code == 1 and "has no milestone 7" in err
    code, out, _ = run(capsys, "milestones", "--db", db, "--assessment", "1", "--delete", "1",
                       "--yes")  # fmt: skip
    assert code == 0 and "deleted milestone 1 (Kick-off)" in out
    _, out, _ = run(capsys, "milestones", "--db", db, "--assessment", "1")
    assert "Kick-off" not in out
