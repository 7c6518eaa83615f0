"""``readiness attach`` and the .zip archive: evidence travels with the assessment."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.services.evidence import EvidenceStore
from readiness.storage.opening import open_store


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def sender(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "sender" / "readiness.sqlite3")
    assert run(capsys, "demo", "--db", db)[0] == 0
    return db


def test_attach_stores_the_file_and_lists_it_on_the_answer(
    capsys: pytest.CaptureFixture[str], sender: str, tmp_path: Path
) -> None:
    certificate = tmp_path / "e-mark certificate.pdf"
    certificate.write_bytes(b"%PDF e-mark")
    code, out, err = run(
        capsys, "attach", "--db", sender, "--assessment", "1", "--item", "CERT-002",
        "--market", "IT", str(certificate),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "attached e-mark certificate.pdf" in out
    with open_store(sender) as store:
        answer = next(
            a for a in store.snapshot(1).answers if (a.item_id, a.market_code) == ("CERT-002", "IT")
        )
        (entry,) = answer.evidence
        path = EvidenceStore(store).path_of(entry)
        assert path is not None and path.read_bytes() == b"%PDF e-mark"
    certificate.unlink()  # the copy is the database's own
    assert path.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--item", "CERT-002", "--market", "x/../../.."], "not a valid code"),
        (["--item", "CERT-002", "--market", "ZZ"], "has no answer"),
        (["--item", "NOPE-001"], "unknown question"),
    ],
)
def test_attach_refuses_in_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    sender: str,
    tmp_path: Path,
    arguments: list[str],
    message: str,
) -> None:
    certificate = tmp_path / "c.pdf"
    certificate.write_bytes(b"x")
    code, _, err = run(
        capsys, "attach", "--db", sender, "--assessment", "1", *arguments, str(certificate)
    )
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert not (Path(sender).parent / "evidence").exists()


def test_an_archive_carries_answers_and_files_to_another_computer(
    capsys: pytest.CaptureFixture[str], sender: str, tmp_path: Path
) -> None:
    certificate = tmp_path / "approval.pdf"
    certificate.write_bytes(b"approval")
    run(capsys, "attach", "--db", sender, "--assessment", "1", "--item", "CERT-002",
        "--market", "IT", str(certificate))  # fmt: skip
    archive = tmp_path / "handover.zip"
    code, out, _ = run(capsys, "export", "--db", sender, "--assessment", "1", "--out", str(archive))
    assert code == 0 and "1 evidence file" in out
    assert sorted(zipfile.ZipFile(archive).namelist())[0] == "assessment.json"

    receiver = str(tmp_path / "receiver" / "readiness.sqlite3")
    code, out, _ = run(capsys, "import", "--db", receiver, str(archive))
    assert code == 0 and out.strip().splitlines()[-1] == "1"
    with open_store(receiver) as store:
        entries = [e for a in store.snapshot(1).answers for e in a.evidence]
        assert len(entries) == 1
        path = EvidenceStore(store).path_of(entries[0])
        assert path is not None and path.read_bytes() == b"approval"


def test_a_zip_slip_archive_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], sender: str, tmp_path: Path
) -> None:
    archive = tmp_path / "evil.zip"
    run(capsys, "export", "--db", sender, "--assessment", "1", "--out", str(archive))
    with zipfile.ZipFile(archive, "a") as zipped:
        zipped.writestr("../../../../tmp/owned", b"x")
    receiver = str(tmp_path / "receiver" / "readiness.sqlite3")
    code, _, err = run(capsys, "import", "--db", receiver, str(archive))
    assert code == 1 and "not part of an assessment archive" in err
    assert "nothing was imported" in err.lower()
    with open_store(receiver) as store:
        assert store.list_assessments() == []
