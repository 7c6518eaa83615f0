"""Plain-text tables for a terminal: columns lined up by display width, nothing cut.

A Chinese character takes two columns of a terminal, an accent that combines
with the letter before it none; counting characters would push every column
after a Chinese name out of line. A cell is never shortened: a long market
name widens its column instead of losing its end.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence


def char_width(char: str) -> int:
    """How many terminal columns one character takes: 0, 1 or 2."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes ("意大利" takes 6, "Italy" 5)."""
    return sum(char_width(char) for char in text)


def fill(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` columns (never cut when it is wider)."""
    space = " " * max(0, width - display_width(text))
    return space + text if right else text + space


def table(rows: Sequence[Sequence[str]], *, right: Collection[int] = (), gap: int = 2) -> list[str]:
    """The rows as lines whose columns line up; columns in ``right`` are right-aligned.

    Each column is as wide as its widest cell; lines carry no trailing spaces.
    """
    count = max((len(row) for row in rows), default=0)
    widths = [
        max((display_width(row[column]) for row in rows if column < len(row)), default=0)
        for column in range(count)
    ]
    lines = []
    for row in rows:
        cells = [
            fill(cell, widths[column], right=column in right) for column, cell in enumerate(row)
        ]
        lines.append((" " * gap).join(cells).rstrip())
    return lines
