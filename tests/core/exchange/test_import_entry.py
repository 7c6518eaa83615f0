"""What an exchange file may bring in: the text policy, safe codes, and a bounded read.

Each case is refused by reading the file, before anything is written, with one
message that says what and where.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from readiness.content.catalog import Catalog
from readiness.exchange import document as exchange
from readiness.exchange.document import (
    ExchangeError,
    document_json,
    export_document,
    read_document,
)
from readiness.services.sample import create_demo
from readiness.storage.store import Store


@pytest.fixture
def demo(store: Store, bundled_catalog: Catalog) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        document_json(export_document(store, create_demo(store, bundled_catalog)))
    )
    return data


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


@pytest.mark.parametrize("code", ["x/../../../../../", "..", "IT\\..\\..", "a b", "NUL"])
def test_a_market_code_that_could_leave_a_folder_is_refused(
    demo: dict[str, Any], tmp_path: Path, code: str
) -> None:
    """Issue 14, item 2: only a strict pattern passes, not just a length."""
    old = demo["markets"][0]["code"]
    demo["markets"][0]["code"] = code
    for row in demo["answers"] + demo["actions"]:
        if row["market"] == old:
            row["market"] = code
    with pytest.raises(ExchangeError, match=r"markets\.0\.code: .*not a valid code"):
        read_document(_write(tmp_path, demo))


def test_question_ids_and_assigned_codes_follow_the_same_pattern(
    demo: dict[str, Any], tmp_path: Path
) -> None:
    demo["answers"][0]["item_id"] = "../CERT-001"
    with pytest.raises(ExchangeError, match=r"answers\.0\.item_id: .*not a valid code"):
        read_document(_write(tmp_path, demo))


@pytest.mark.parametrize(
    ("place", "character"),
    [
        (("company", "name"), "\x00"),
        (("answers", 0, "note"), "\x00"),
        (("answers", 0, "note"), "\x08"),
        (("assessment", "title"), "\x1b"),
        (("company", "notes"), "\ud800"),
        (("actions", 0, "owner"), "\x9f"),
    ],
)
def test_control_characters_are_refused_in_every_text(
    demo: dict[str, Any], tmp_path: Path, place: tuple[str | int, ...], character: str
) -> None:
    """Issue 14, item 7: NUL and other control characters never come in through a file."""
    target: Any = demo
    for part in place[:-1]:
        target = target[part]
    target[place[-1]] = f"ok{character}"
    dotted = ".".join(str(part) for part in place)
    with pytest.raises(ExchangeError, match=f"{dotted}: .*U\\+{ord(character):04X}"):
        read_document(_write(tmp_path, demo))


def test_line_breaks_of_a_note_arrive_as_line_feeds(demo: dict[str, Any], tmp_path: Path) -> None:
    demo["answers"][0]["note"] = "first\r\nsecond"
    assert read_document(_write(tmp_path, demo)).answers[0].note == "first\nsecond"


def test_a_one_line_name_with_a_line_break_is_refused(demo: dict[str, Any], tmp_path: Path) -> None:
    demo["company"]["name"] = "Acme\nBrakes"
    with pytest.raises(ExchangeError, match=r"company\.name: .*must be one line"):
        read_document(_write(tmp_path, demo))


def test_json_nested_thousands_deep_is_refused_in_one_line(tmp_path: Path) -> None:
    """Issue 14, item 9: not a RecursionError."""
    with pytest.raises(ExchangeError, match="nested too deeply"):
        read_document(_write(tmp_path, "[" * 3000 + "]" * 3000))


def test_a_format_version_of_thousands_of_digits_is_refused_in_one_line(tmp_path: Path) -> None:
    """Issue 14, item 9: not Python's limit on integer digits."""
    text = '{"format": "market-entry-readiness/assessment", "format_version": ' + "9" * 5000 + "}"
    with pytest.raises(ExchangeError, match="a number is too long"):
        read_document(_write(tmp_path, text))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_without_reading_it() -> None:
    """Issue 14, item 10: ``/dev/zero`` never fills the memory."""
    with pytest.raises(ExchangeError, match="device, pipe or folder"):
        read_document(Path("/dev/zero"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(ExchangeError, match="device, pipe or folder"):
        read_document(pipe)


def test_a_file_larger_than_the_limit_is_refused(
    demo: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, demo)
    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", path.stat().st_size - 1)
    with pytest.raises(ExchangeError, match="larger than the"):
        read_document(path)


def test_the_documented_limit_is_fifty_megabytes() -> None:
    assert exchange.MAX_FILE_BYTES == 50 * 1024 * 1024
