"""Text in the report's SVG charts: how wide it is drawn, and fitting it to its room.

A chart label is laid out by the chart, not by the page, so nothing wraps it and
nothing stops it at the chart's edge: each label is measured here (on the
generous side), wrapped at spaces onto a second line where there is room for
one, and cut with an ellipsis only after that.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr


def text_element(x: float, y: float, text: str, **attributes: str) -> str:
    extra = "".join(f" {key.replace('_', '-')}={quoteattr(v)}" for key, v in attributes.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(text)}</text>'


_NARROW = frozenset("iljtfrI.,:;'|!()[] ")
_WIDE = frozenset("mwMW@%")


def text_width(text: str, size: float = 10) -> float:
    """How wide ``text`` is drawn at ``size`` points, estimated on the generous side.

    A Chinese character is square; Latin letters are weighed by their shape, so
    that a label laid out by this estimate is never wider on the page than here.
    """
    total = 0.0
    for c in text:
        if unicodedata.east_asian_width(c) in "WF":
            total += 1.0
        elif c in _NARROW:
            total += 0.36
        elif c in _WIDE:
            total += 0.92
        elif c.isupper():
            total += 0.72
        else:
            total += 0.6
    return total * size


def ellipsized(text: str, room: float, size: float) -> str:
    """``text`` cut with an ellipsis to fit ``room`` points."""
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def wrapped(text: str, room: float, size: float = 10, lines: int = 2) -> list[str]:
    """``text`` broken into at most ``lines`` lines of ``room`` points each.

    Lines break at spaces (between any two Chinese characters); a word wider
    than a line, or text left over after the last line, is cut with an ellipsis.
    Never empty.
    """
    words = _break_units(text)
    result: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = current + word
        if not current or text_width(candidate.rstrip(), size) <= room:
            current = candidate
            continue
        if len(result) == lines - 1:
            current = current + "".join(words[index:])
            break
        result.append(current.rstrip())
        current = word.lstrip()
    result.append(current.strip())
    return [ellipsized(line, room, size) for line in result]


def _break_units(text: str) -> list[str]:
    # Each unit keeps its trailing space; a wide (Chinese) character is a unit of its own.
    units: list[str] = []
    for c in text:
        wide = unicodedata.east_asian_width(c) in "WF"
        if units and not wide and not units[-1].endswith(" ") and not _is_wide(units[-1][-1]):
            units[-1] += c
        else:
            units.append(c)
    return units


def _is_wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def lines_element(
    x: float, y: float, lines: Sequence[str], leading: float, **attributes: str
) -> str:
    """A text of one or more lines, the first baseline at ``y``."""
    if len(lines) == 1:
        return text_element(x, y, lines[0], **attributes)
    extra = "".join(f" {key.replace('_', '-')}={quoteattr(v)}" for key, v in attributes.items())
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{y + leading * n:.1f}">{escape(line)}</tspan>'
        for n, line in enumerate(lines)
    )
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{spans}</text>'
