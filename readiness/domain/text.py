"""What text the product stores, and how long it may be: one policy for every way in.

A company name typed in the app, a note given to ``readiness answer``, a field of
an imported file and a row written by the store all pass the same checks, so
nothing is stored that an export, a copy or the spreadsheet would refuse later.

The policy:

- Text is Unicode without control characters: no NUL, no C0 control other than
  tab and line feed, no DEL, no C1 control (U+0080-U+009F), no lone surrogate
  (what undecodable bytes in an argument become) and no U+FFFE/U+FFFF. That is
  also everything a spreadsheet cell or an XML document refuses.
- Line breaks are stored as line feeds: a carriage return, alone or before a line
  feed (as Windows and old Mac text has it), becomes one line feed.
- A one-line field (a name, a title, a person) holds no tab and no line break.
- Every kind of field has a maximum length, the same the exchange format states.
- A code or id that may become part of a file path or an identifier (a market
  code, a question id, a dimension code, a region tag) is a letter or digit
  followed by letters, digits, ``-`` and ``_``, at most 20 in all, and never a name
  Windows reserves for a device (``CON``, ``NUL``, ``COM1`` ...): no ``/``, ``\\``,
  ``.``, space or anything else that could leave a folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator


@dataclass(frozen=True)
class TextKind:
    """One kind of stored text: what it is called, its length bounds and whether it has lines."""

    label: str
    max_length: int
    min_length: int = 0
    multiline: bool = True


# The limits the exchange format has always stated, now the limits of every entry.
TEXT = TextKind("text", 100_000)
NAME = TextKind("name", 500, min_length=1, multiline=False)
ASSIGNEE = TextKind("assignee", 200, min_length=1, multiline=False)

CODE_MAX_LENGTH = 20
MARKET_CODE_MIN_LENGTH = 2
CODE_PATTERN = re.compile(rf"[A-Za-z0-9][A-Za-z0-9_-]{{0,{CODE_MAX_LENGTH - 1}}}")
# Names Windows gives to devices, in any case and whatever follows a dot.
_DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10)}
)

# Control characters, lone surrogates and the two non-characters XML refuses.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n?")
_NOT_ONE_LINE = re.compile("[\t\n]")


def _character(text: str, found: re.Match[str]) -> str:
    return f"character U+{ord(found.group()):04X} at position {found.start() + 1}"


def clean_text(text: str, kind: TextKind = TEXT) -> str:
    """``text`` as the product stores it (carriage returns made line feeds), if allowed.

    Raises:
        ValueError: the text holds a character the product does not store, a line
            break in a one-line field, or is too long or too short; the message
            says which and where.
    """
    cleaned = _LINE_BREAKS.sub("\n", text) if "\r" in text else text
    found = _FORBIDDEN.search(cleaned)
    if found is not None:
        raise ValueError(f"contains a control or invalid {_character(cleaned, found)}")
    if not kind.multiline:
        found = _NOT_ONE_LINE.search(cleaned)
        if found is not None:
            what = "a tab" if found.group() == "\t" else "a line break"
            raise ValueError(f"must be one line, but has {what} at position {found.start() + 1}")
    if len(cleaned) > kind.max_length:
        raise ValueError(
            f"is {len(cleaned):,} characters long; at most {kind.max_length:,} are allowed"
        )
    if len(cleaned) < kind.min_length:
        raise ValueError("is empty")
    return cleaned


def check_code(code: str, *, min_length: int = 1) -> str:
    """``code`` itself when it is a safe code or id (see the module's policy).

    Raises:
        ValueError: the code is empty, too short or long, holds another character,
            or is a device name; the message says what a code may be.
    """
    if len(code) < min_length or not CODE_PATTERN.fullmatch(code):
        shown = code if len(code) <= 40 and not _FORBIDDEN.search(code) else f"{code[:40]!r}..."
        raise ValueError(
            f"'{shown}' is not a valid code: use {min_length} to {CODE_MAX_LENGTH} letters, "
            "digits, '-' or '_', starting with a letter or digit"
        )
    if code.upper() in _DEVICE_NAMES:
        raise ValueError(f"'{code}' is not a valid code: the name is reserved for a device")
    return code


def check_market_code(code: str) -> str:
    """``code`` itself when it is a valid market code: a safe code of 2 to 20 characters."""
    return check_code(code, min_length=MARKET_CODE_MIN_LENGTH)


def _cleaned(kind: TextKind) -> AfterValidator:
    return AfterValidator(lambda text: clean_text(text, kind))


# The same rules as pydantic field types, for files that bring text in.
Text = Annotated[str, _cleaned(TEXT)]
Name = Annotated[str, _cleaned(NAME)]
Assignee = Annotated[str, _cleaned(ASSIGNEE)]
Code = Annotated[str, AfterValidator(check_code)]
MarketCode = Annotated[str, AfterValidator(check_market_code)]
