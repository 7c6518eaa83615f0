"""The report's fixed wording in English and Chinese, and how its dates and text are shown.

The words come from ``reports/labels.yaml``; dates, shares and shortened text
are written here the same way for every report.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache
from typing import Any

import yaml

from readiness.assets import asset_dir
from readiness.domain.rounding import percent as rounded_percent

NOTE_LIMIT = 2000  # characters of a user note shown in the report


@lru_cache(maxsize=1)
def _all_labels() -> dict[str, dict[str, Any]]:
    path = asset_dir("reports") / "labels.yaml"
    # The C loader when PyYAML has it: the pure-Python one takes a noticeable part of a report.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, dict[str, Any]] = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return data


class Labels(dict[str, Any]):
    """Report wording in one language; attribute access for templates."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def report_language(language: str) -> str:
    """The language a report is worded in: Chinese for ``zh``, English for anything else."""
    return "zh" if language == "zh" else "en"


def labels(language: str) -> Labels:
    """The report's fixed wording in ``language``."""
    return Labels(_all_labels()[report_language(language)])


def format_date(day: dt.date, language: str) -> str:
    """A date as a reader of ``language`` writes it."""
    words = labels(language)
    return str(words["date_format"]).format(
        day=day.day, month=words["months"][day.month - 1], month_number=day.month, year=day.year
    )


def percent(share: float) -> str:
    """A share between 0 and 1 as a whole percentage, half up, such as ``42%``."""
    return rounded_percent(share)


def clip(text: str, limit: int = NOTE_LIMIT) -> str:
    """Shorten to ``limit`` characters, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_clip(text: str, width: int) -> str:
    """Shorten to ``width`` display columns (a Chinese character takes two), marking the cut."""
    columns = 0
    for position, character in enumerate(text):
        columns += 2 if unicodedata.east_asian_width(character) in "WF" else 1
        if columns > width:
            return text[: max(position - 1, 1)] + "…"
    return text


def shorten(text: str, columns: int) -> str:
    """Cut a question to ``columns`` display columns, at a word boundary where it has words."""
    clipped = display_clip(text, columns)
    if clipped == text:
        return text
    cut = clipped[:-1]
    space = cut.rfind(" ")
    if space > len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:，；：") + "…"
