"""Argument types of the command line: every value is checked where it enters.

An id, a text, a file name or a database address that the store, the file
system or the exchange format would refuse later is refused while the
arguments are read, in one line that names the option. Texts follow the
product's one text policy (:mod:`readiness.domain.text`), with the same
limits an exchange file has.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from readiness.domain.text import ASSIGNEE, NAME, TEXT, TextKind, clean_text

# SQLite's rowids are signed 64-bit integers.
MAX_ID = 2**63 - 1
# What the common file systems allow for one name, and for a whole path, in bytes.
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 4096

_DIGITS = re.compile(r"[0-9]{1,19}")
# argparse repeats a refused value in its message; this much of it is enough.
MAX_MESSAGE_LENGTH = 400


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, whose refusal repeats the user's value escaped and shortened.

    A control character in a refused value would otherwise reach the terminal
    as it is (an escape sequence, a line break), and a 100,000-character value
    would fill the screen.
    """

    def error(self, message: str) -> NoReturn:
        """Print the usage and the refusal as one line, then exit with code 2."""
        shown = printable(message)
        if len(shown) > MAX_MESSAGE_LENGTH:
            shown = f"{shown[:MAX_MESSAGE_LENGTH]}..."
        super().error(shown)


def printable(text: str) -> str:
    """``text`` with every character a terminal would not show as-is written as an escape."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def company_id(text: str) -> int:
    """A company id: a whole number from 1 to SQLite's largest id."""
    stripped = text.strip()
    number = int(stripped) if _DIGITS.fullmatch(stripped) else 0
    if not 1 <= number <= MAX_ID:
        shown = stripped if len(stripped) <= 30 else f"{stripped[:30]}..."
        raise argparse.ArgumentTypeError(
            f"'{shown}' is not a company id (a whole number from 1 to {MAX_ID}); "
            "'readiness companies --all' shows them"
        )
    return number


def assessment_id(text: str) -> int:
    """An assessment id: a whole number from 1 to SQLite's largest id."""
    stripped = text.strip()
    number = int(stripped) if _DIGITS.fullmatch(stripped) else 0
    if not 1 <= number <= MAX_ID:
        shown = stripped if len(stripped) <= 30 else f"{stripped[:30]}..."
        raise argparse.ArgumentTypeError(
            f"'{shown}' is not an assessment id (a whole number from 1 to {MAX_ID}); "
            "'readiness list' shows them"
        )
    return number


def text_of(kind: TextKind, *, optional: bool = False) -> Callable[[str], str]:
    """The argument type of a text of ``kind``; ``optional`` also takes an empty value."""

    def checked(text: str) -> str:
        if optional and not text.strip():
            return ""
        try:
            return clean_text(text, kind)
        except ValueError as error:
            raise argparse.ArgumentTypeError(f"the value {error}") from None

    checked.__name__ = kind.label
    return checked


text = text_of(TEXT)
name = text_of(NAME)
assignee = text_of(ASSIGNEE, optional=True)


def _path_problem(value: str) -> str | None:
    encoded = os.fsencode(value)
    if not encoded:
        return "the file name is empty"
    if b"\0" in encoded:
        return "a file name cannot contain a NUL character"
    if len(encoded) > MAX_PATH_BYTES:
        return f"the path is longer than the {MAX_PATH_BYTES:,} bytes a file system allows"
    for part in Path(value).parts:
        if len(os.fsencode(part)) > MAX_NAME_BYTES:
            shown = f"{part[:40]}..." if len(part) > 40 else part
            return (
                f"the name '{shown}' is longer than the {MAX_NAME_BYTES} bytes "
                "a file system allows for one name"
            )
    return None


def file_path(value: str) -> Path:
    """A file name the file system can hold (each name at most 255 bytes)."""
    problem = _path_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return Path(value)


def database(value: str) -> str:
    """A database file (checked like any file name) or a server address (checked on opening).

    An empty value means the default, as when the option is left out.
    """
    if value and "://" not in value:
        file_path(value)
    return value


def undecodable_argument(argv: Sequence[str]) -> str | None:
    """The first argument that is not valid text (bytes that are not UTF-8), shown escaped."""
    for argument in argv:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            shown = argument if len(argument) <= 40 else f"{argument[:40]}..."
            return ascii(shown)
    return None
