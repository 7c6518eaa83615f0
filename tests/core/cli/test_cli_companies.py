"""The register of member firms from the command line: a firm copied or imported again
joins its company instead of registering it twice; companies are listed, archived,
merged and deleted, with a backup before what cannot be undone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.services import managing
from readiness.storage.opening import open_store

pytestmark = pytest.mark.both_backends


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(store_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    # A server's assessments are kept in the user's data folder before a change: a tmp one.
    monkeypatch.setattr(managing, "server_copies_folder", lambda: tmp_path / "kept")
    return store_location


def _companies(capsys: pytest.CaptureFixture[str], db: str, *flags: str) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "companies", "--db", db, "--json", *flags)
    assert code == 0
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def _firm(capsys: pytest.CaptureFixture[str], db: str, name: str, *markets: str) -> str:
    code, out, _ = run(capsys, "new", "--db", db, "--company", name, "--markets", *markets)
    assert code == 0
    return out.strip().splitlines()[-1]


def test_a_copy_round_trip_keeps_the_company_count(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", db)
    laptop = str(tmp_path / "laptop.sqlite3")
    code, _, _ = run(capsys, "copy", "--from", db, "--to", laptop, "--assessment", "1")
    assert code == 0
    run(capsys, "answer", "--db", laptop, "--assessment", "1", "--item", "CERT-004",
        "--market", "IT", "--value", "4")  # fmt: skip
    code, out, _ = run(capsys, "copy", "--from", laptop, "--to", db, "--assessment", "1")
    assert code == 0 and "already registered there as company 1: the copy joined it" in out
    [firm] = _companies(capsys, db)
    assert (firm["id"], firm["assessments"]) == (1, 2)
    code, out, _ = run(capsys, "copy", "--from", laptop, "--to", db, "--assessment", "1",
                       "--replace")  # fmt: skip
    assert code == 0 and len(_companies(capsys, db)) == 1
    # The firm's identity travelled with it both ways.
    with open_store(laptop) as there, open_store(db) as here:
        assert there.company(1).exchange_id == here.company(1).exchange_id


def test_importing_an_existing_firms_new_assessment_asks_first(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", db)
    exported = tmp_path / "firm.json"
    run(capsys, "export", "--db", db, "--assessment", "1", "--out", str(exported))
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["assessment"]["exchange_id"] = "a" * 32  # another assessment of the same firm
    document["company"]["home_province"] = "Hubei (Wuhan)"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(document), encoding="utf-8")

    code, _, err = run(capsys, "import", "--db", db, str(other))
    assert code == 1 and "its company is already in the database as company 1" in err
    assert "Nothing was imported" in err and len(_companies(capsys, db)) == 1
    code, out, _ = run(capsys, "import", "--db", db, str(other), "--on-existing", "keep-both")
    assert code == 0 and "(joined company 1, already registered)" in out
    with open_store(db) as store:
        assert store.company(1).home_province == "Hubei (Shiyan)"  # its own profile kept
    document["assessment"]["exchange_id"] = "b" * 32
    other.write_text(json.dumps(document), encoding="utf-8")
    code, _, _ = run(capsys, "import", "--db", db, str(other), "--on-existing", "replace")
    with open_store(db) as store:
        assert code == 0 and store.company(1).home_province == "Hubei (Wuhan)"
    [firm] = _companies(capsys, db)
    assert firm["assessments"] == 3


def test_an_older_file_imported_again_joins_the_firm_of_its_assessment(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "demo", "--db", db)
    exported = tmp_path / "firm.json"
    run(capsys, "export", "--db", db, "--assessment", "1", "--out", str(exported))
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["format_version"] = 6  # before firms had an identity
    del document["company"]["exchange_id"]
    exported.write_text(json.dumps(document), encoding="utf-8")
    code, _, _ = run(capsys, "import", "--db", db, str(exported), "--on-existing", "keep-both")
    assert code == 0 and [f["assessments"] for f in _companies(capsys, db)] == [2]


def test_archiving_a_firm_takes_it_out_of_the_lists_and_the_portfolio(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    _firm(capsys, db, "Ningbo Seals", "IT")
    _firm(capsys, db, "Liuzhou Axles", "IT")
    code, out, _ = run(capsys, "company", "archive", "--db", db, "--company", "1")
    assert code == 0 and out.startswith("archived company 1 (Ningbo Seals)")
    assert [f["name"] for f in _companies(capsys, db)] == ["Liuzhou Axles"]
    assert [f["name"] for f in _companies(capsys, db, "--archived")] == ["Ningbo Seals"]
    assert len(_companies(capsys, db, "--all")) == 2
    code, out, _ = run(capsys, "companies", "--db", db)
    assert "(1 archived not shown" in out
    code, out, _ = run(capsys, "list", "--db", db)
    assert "Ningbo Seals" not in out and "Liuzhou Axles" in out
    code, out, _ = run(capsys, "portfolio", "--db", db, "--market", "IT", "--json")
    assert [row["company"] for row in json.loads(out)["rows"]] == ["Liuzhou Axles"]
    code, out, _ = run(capsys, "company", "archive", "--db", db, "--company", "1", "--undo")
    assert code == 0 and len(_companies(capsys, db)) == 2


def test_merging_moves_the_assessments_after_a_backup(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    _firm(capsys, db, "Ningbo Seals", "IT")
    _firm(capsys, db, "Ningbo Seals Co.", "MA")
    code, out, _ = run(capsys, "company", "merge", "--db", db, "--into", "1", "--from", "2")
    assert code == 0
    assert out.startswith(
        "merged company 2 (Ningbo Seals Co.) into company 1 (Ningbo Seals): 1 assessment(s) moved"
    )
    backup = out.split("a backup taken just before is ")[1].split(" (")[0]
    assert Path(backup).is_file()
    [firm] = _companies(capsys, db)
    assert (firm["id"], firm["assessments"]) == (1, 2)


def test_deleting_a_firm_needs_yes_and_names_its_backup(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    _firm(capsys, db, "Ningbo Seals", "IT")
    code, _, err = run(capsys, "company", "delete", "--db", db, "--company", "1")
    assert code == 1 and "add --yes" in err and "Nothing was deleted" in err
    code, out, _ = run(capsys, "company", "delete", "--db", db, "--company", "1", "--yes")
    assert code == 0 and out.startswith("deleted company 1 (Ningbo Seals) with its 1 assessment")
    backup = out.split("a backup taken just before is ")[1].split(" (")[0]
    assert Path(backup).is_file()
    assert _companies(capsys, db, "--all") == []
    code, out, _ = run(capsys, "list", "--db", db)
    assert "Ningbo Seals" not in out


def test_bad_input_says_what_and_where(capsys: pytest.CaptureFixture[str], db: str) -> None:
    _firm(capsys, db, "Ningbo Seals", "IT")
    code, _, err = run(capsys, "company", "merge", "--db", db, "--into", "1", "--from", "1")
    assert code == 1 and "company 1 cannot be merged into itself" in err
    code, _, err = run(capsys, "company", "merge", "--db", db, "--into", "1", "--from", "9")
    assert code == 1 and "no company with id 9" in err
    code, _, err = run(capsys, "company", "archive", "--db", db, "--company", "9")
    assert code == 1 and "no company with id 9" in err
    code, _, err = run(capsys, "company", "delete", "--db", db, "--company", "9", "--yes")
    assert code == 1 and "no company with id 9" in err
    with pytest.raises(SystemExit):
        main(["company", "archive", "--db", db, "--company", "x"])
    assert "'x' is not a company id" in capsys.readouterr().err
