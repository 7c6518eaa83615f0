"""``readiness check`` lists what newer content changes (read only); ``upgrade-content``
acknowledges it."""

from __future__ import annotations

import pytest

from readiness.cli import main
from readiness.content.catalog import Catalog
from readiness.storage.opening import open_store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def behind(capsys: pytest.CaptureFixture[str], store_location: str) -> str:
    """A database whose sample assessment was last brought up to catalog 2026.1."""
    assert run(capsys, "demo", "--db", store_location)[0] == 0
    with open_store(store_location) as store:
        store.set_catalog_version(1, "2026.1")
    return store_location


def test_check_lists_the_changes_and_the_scores_without_upgrading(
    capsys: pytest.CaptureFixture[str], behind: str, bundled_catalog: Catalog
) -> None:
    code, out, _ = run(capsys, "check", "--db", behind)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("ok: integrity check passed")
    assert lines[1].startswith("assessment 1 (Hubei Chutian")
    assert f"answered against catalog 2026.1; the current one is {bundled_catalog.version}" in out
    assert "readiness before -> after:" in out
    for code_ in ("IT", "MA", "LA"):
        assert any(line.startswith(f"    {code_}: ") and " -> " in line for line in lines)
    assert "readiness upgrade-content --assessment 1" in out
    # Read only: it reports, it does not upgrade.
    with open_store(behind) as store:
        assert store.assessment(1).catalog_version == "2026.1"
    assert run(capsys, "check", "--db", behind)[1] == out


def test_check_says_nothing_more_when_every_assessment_is_current(
    capsys: pytest.CaptureFixture[str], store_location: str
) -> None:
    run(capsys, "demo", "--db", store_location)
    code, out, _ = run(capsys, "check", "--db", store_location)
    assert code == 0 and out == "ok: integrity check passed, no broken references\n"


def test_upgrade_content_acknowledges_once_and_keeps_every_answer(
    capsys: pytest.CaptureFixture[str], behind: str, bundled_catalog: Catalog
) -> None:
    with open_store(behind) as store:
        answers = store.answers(1)
    code, out, _ = run(capsys, "upgrade-content", "--db", behind, "--assessment", "1")
    assert code == 0
    assert "readiness before -> after:" in out
    assert out.splitlines()[-1] == f"assessment 1 now on catalog {bundled_catalog.version}"
    with open_store(behind) as store:
        assert store.assessment(1).catalog_version == bundled_catalog.version
        assert store.answers(1) == answers
    code, out, _ = run(capsys, "upgrade-content", "--db", behind, "--assessment", "1")
    assert code == 0 and "already on catalog" in out
    assert "answered against" not in run(capsys, "check", "--db", behind)[1]


def test_an_assessment_of_an_unarchived_version_is_reported_as_such(
    capsys: pytest.CaptureFixture[str], store_location: str
) -> None:
    run(capsys, "demo", "--db", store_location)
    with open_store(store_location) as store:
        store.set_catalog_version(1, "2025.9")
    out = run(capsys, "check", "--db", store_location)[1]
    assert "the content of catalog 2025.9 is not archived here" in out
