"""Archives of released catalog versions: they load leniently and score as the release did."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from readiness.cli import main
from readiness.content.catalog import content_files, load_catalog
from readiness.content.history import (
    ArchiveError,
    CatalogArchive,
    archive_folder,
    archive_of,
    history_folder,
    load_history,
    read_archive,
)
from readiness.domain.answers import AnswerValue
from readiness.domain.comparison import score_assessment
from readiness.domain.scoring import MarketInput

FIXTURES = Path(__file__).parent / "history_fixture"
CONTENT_FIXTURE = Path(__file__).parent / "content_fixture"


def test_every_released_version_is_archived_and_readable() -> None:
    history = load_history()
    assert "2026.1" in history
    for version, archive in history.items():
        assert (history_folder() / f"{version}.json").is_file()
        assert archive.items


def test_archived_2026_1_scores_the_sample_exactly_as_the_2026_1_code_did() -> None:
    # The expected numbers were computed by running the 2026.1 release's own code
    # (commit 116dc80) on its own sample assessment.
    expected = json.loads((FIXTURES / "sample_2026_1.json").read_text(encoding="utf-8"))
    archive = load_history()["2026.1"]
    answers = {(i, m or None): AnswerValue(v) for i, m, v in expected["answers"]}
    markets = [MarketInput(code) for code in expected["markets"]]
    score = score_assessment(archive.to_catalog(), markets, answers)
    for code, pinned in expected["scores"].items():
        market = score.markets[code]
        assert market.overall == pinned["overall"]
        assert market.level.value == pinned["level"]
        assert list(market.blockers) == pinned["blockers"]
        assert (market.answered, market.applicable) == (pinned["answered"], pinned["applicable"])
        assert {d: s.score for d, s in market.dimensions.items()} == pinned["dimensions"]


def test_the_archive_of_todays_content_scores_as_todays_catalog() -> None:
    catalog = load_catalog()
    archive = archive_folder(history_folder().parent)
    assert archive == archive_of(catalog)  # the plain-YAML reader misses nothing
    rebuilt = archive.to_catalog()
    expected = json.loads((FIXTURES / "sample_2026_1.json").read_text(encoding="utf-8"))
    answers = {(i, m or None): AnswerValue(v) for i, m, v in expected["answers"]}
    markets = [MarketInput(code) for code in ("IT", "MA", "LA", "ES-CT")]
    live = score_assessment(catalog, markets, answers)
    again = score_assessment(rebuilt, markets, answers)
    for code in live.markets:
        assert again.markets[code].overall == live.markets[code].overall
        assert again.markets[code].blockers == live.markets[code].blockers


def test_an_archive_keeps_loading_when_it_carries_keys_it_does_not_know(tmp_path: Path) -> None:
    data = json.loads(archive_of(load_catalog(CONTENT_FIXTURE)).dump())
    data["items"][0]["a_field_added_later"] = {"anything": 1}
    data["something_new"] = True
    path = tmp_path / "9999.1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_archive(path).items[0].id == data["items"][0]["id"]


def test_an_archive_is_not_checked_against_todays_content_rules() -> None:
    # 2026.1 had critical questions without "blocks", which today's rules refuse.
    archive = load_history()["2026.1"]
    critical = [item for item in archive.items if item.critical]
    assert critical
    catalog = archive.to_catalog()
    assert all(catalog.all_items[item.id].critical for item in critical)


def test_a_damaged_archive_is_skipped_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    shutil.copy(history_folder() / "2026.1.json", tmp_path / "2026.1.json")
    assert list(load_history(tmp_path)) == ["2026.1"]
    with pytest.raises(ArchiveError, match=r"broken\.json"):
        read_archive(tmp_path / "broken.json")


def test_the_loader_never_reads_the_archives_as_content(tmp_path: Path) -> None:
    content = tmp_path / "checklists"
    shutil.copytree(CONTENT_FIXTURE, content)
    (content / "history").mkdir()
    (content / "history" / "old.yaml").write_text("items: [not an item]\n", encoding="utf-8")
    assert not any("history" in p.parts for p in content_files(content))
    load_catalog(content)  # no error from the archive folder


def test_archive_content_command_writes_the_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fixture.json"
    assert main(["archive-content", "--content", str(CONTENT_FIXTURE), "--out", str(out)]) == 0
    assert "questions archived" in capsys.readouterr().out
    archive = read_archive(out)
    assert isinstance(archive, CatalogArchive)
    assert archive == archive_of(load_catalog(CONTENT_FIXTURE))


def test_archive_content_reports_content_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["archive-content", "--content", str(tmp_path), "--out", str(tmp_path / "x")]) == 1
    assert "cannot archive" in capsys.readouterr().err
