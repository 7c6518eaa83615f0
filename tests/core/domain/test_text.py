"""The product's one text policy: which characters are stored, how long, and which codes."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from readiness.content.catalog import Catalog
from readiness.domain.text import (
    ASSIGNEE,
    NAME,
    TEXT,
    TextKind,
    check_code,
    check_market_code,
    clean_text,
)


def test_the_limits_are_the_exchange_formats() -> None:
    assert (TEXT.max_length, NAME.max_length, ASSIGNEE.max_length) == (100_000, 500, 200)


@pytest.mark.parametrize(("kind", "length"), [(TEXT, 100_000), (NAME, 500), (ASSIGNEE, 200)])
def test_a_text_at_its_limit_is_kept_and_one_more_character_is_refused(
    kind: TextKind, length: int
) -> None:
    assert clean_text("a" * length, kind) == "a" * length
    with pytest.raises(ValueError, match=f"{length + 1:,} characters long; at most {length:,}"):
        clean_text("a" * (length + 1), kind)


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x0b", "\x1b", "\x7f", "\x85", "\ud800"])
def test_control_characters_and_lone_surrogates_are_refused(character: str) -> None:
    with pytest.raises(ValueError, match=f"U\\+{ord(character):04X} at position 3"):
        clean_text(f"ab{character}cd")


def test_line_breaks_are_stored_as_line_feeds() -> None:
    assert clean_text("one\r\ntwo\rthree\nfour\tend") == "one\ntwo\nthree\nfour\tend"


@pytest.mark.parametrize("text", ["Acme\nBrakes", "Acme\tBrakes", "Acme\r\n"])
def test_a_one_line_field_has_no_tab_or_line_break(text: str) -> None:
    with pytest.raises(ValueError, match="must be one line"):
        clean_text(text, NAME)


def test_a_name_is_not_empty() -> None:
    with pytest.raises(ValueError, match="empty"):
        clean_text("", NAME)


@given(st.text())
def test_stored_text_is_always_what_a_spreadsheet_takes(text: str) -> None:
    try:
        cleaned = clean_text(text)
    except ValueError:
        return
    assert not ILLEGAL_CHARACTERS_RE.search(cleaned)
    assert "\r" not in cleaned
    cleaned.encode("utf-8")  # no lone surrogate reaches a file or a database
    assert clean_text(cleaned) == cleaned


@pytest.mark.parametrize(
    "code",
    ["x/../../../../../", "..", ".", "IT/..", "a b", "C:", "IT\\x", "-IT", "", "A" * 21, "nul"],
)
def test_codes_that_could_leave_a_folder_are_refused(code: str) -> None:
    with pytest.raises(ValueError, match="not a valid code"):
        check_code(code)


def test_a_market_code_has_two_characters_at_least() -> None:
    with pytest.raises(ValueError, match="2 to 20"):
        check_market_code("I")
    assert check_market_code("ES-CT") == "ES-CT"


@given(st.text(max_size=25))
def test_every_accepted_code_is_one_plain_path_part(code: str) -> None:
    try:
        check_code(code)
    except ValueError:
        return
    for path in (PurePosixPath(code), PureWindowsPath(code)):
        assert path.parts == (code,)
    assert code not in (".", "..") and "." not in code


def test_every_code_of_the_bundled_catalog_is_accepted(bundled_catalog: Catalog) -> None:
    for code in bundled_catalog.markets:
        check_market_code(code)
    for code in (*bundled_catalog.all_items, *bundled_catalog.dimensions, *bundled_catalog.regions):
        check_code(code)
