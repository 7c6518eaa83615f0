"""Market facts: duties, sales, logistics and risk figures, each with its source and date.

The bundled snapshot lives in ``checklists/facts/*.csv``; a user refreshes or
adds figures offline by importing a CSV with the same columns. Every row names
the market, the fact, what the value is of (a year, an agreement, an exporter
group), the value in the fact's unit, the source (title, publisher, identifier
or address) and the day the value held. A row without source or date is
refused: a management report never shows an unsourced figure.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from readiness.content.documents import ContentError, ContentProblem, read_text_file
from readiness.content.fact_kinds import (
    DEFINITIONS,
    REQUIRED_QUALIFIER,
    FactDefinition,
    FactKey,
    ValueKind,
)
from readiness.content.model import MarketCode

# The fact kinds (readiness.content.fact_kinds) are exported here too: one import for users.
__all__ = [
    "COLUMNS",
    "DEFINITIONS",
    "FactDefinition",
    "FactKey",
    "FactSource",
    "MarketFact",
    "ValueKind",
    "check_fact",
    "facts_by_market",
    "overlay",
    "parse_facts",
    "read_facts",
    "write_facts",
]

COLUMNS = (
    "market",
    "fact",
    "qualifier",
    "qualifier_zh",
    "value",
    "unit",
    "source_title",
    "source_publisher",
    "source_reference",
    "as_of",
    "note",
)


# Files written before the Chinese qualifier existed lack its column; they still read.
OPTIONAL_COLUMNS = frozenset({"qualifier_zh"})

_WORDS = {ValueKind.YES_NO: ("yes", "no"), ValueKind.SIDE: ("right", "left")}


class FactSource(BaseModel):
    """Where a figure comes from: title and publisher, and an act number or address."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    reference: str = ""

    def text(self) -> str:
        """The source as one line: "title (publisher), reference"."""
        tail = f", {self.reference}" if self.reference else ""
        return f"{self.title} ({self.publisher}){tail}"


class MarketFact(BaseModel):
    """One sourced, dated figure about one market."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    market: MarketCode
    fact: FactKey
    qualifier: str = ""
    qualifier_zh: str = ""  # the qualifier in Chinese, where it is words (a city, a company)
    value: str = Field(min_length=1)
    unit: str
    source: FactSource
    as_of: dt.date
    note: str = ""
    imported: bool = False  # False: shipped with the content; True: added by the user

    @field_validator("qualifier", "qualifier_zh", "value", "note", "unit")
    @classmethod
    def _stripped(cls, text: str) -> str:
        return text.strip()

    @property
    def definition(self) -> FactDefinition:
        """What this fact means."""
        return DEFINITIONS[self.fact]

    @property
    def number(self) -> float | None:
        """The value as a number, for facts that are numbers."""
        return float(self.value) if self.definition.kind is ValueKind.NUMBER else None

    def qualifier_in(self, language: str) -> str:
        """The qualifier as a ``language`` reader reads it (English where no Chinese is given)."""
        return self.qualifier_zh if language == "zh" and self.qualifier_zh else self.qualifier

    @property
    def key(self) -> tuple[str, str, str]:
        """What a fact is about: (market, fact, qualifier); one value per key."""
        return (self.market, self.fact.value, self.qualifier)


def check_fact(fact: MarketFact, today: dt.date) -> list[str]:
    """What is wrong with one fact beyond its shape: unit, value, qualifier, date."""
    definition = fact.definition
    problems: list[str] = []
    if fact.unit != definition.unit:
        problems.append(f"{fact.fact}: unit must be '{definition.unit}', not '{fact.unit}'")
    if fact.fact in REQUIRED_QUALIFIER and not fact.qualifier:
        what = definition.qualifier.en if definition.qualifier else "qualifier"
        problems.append(f"{fact.fact}: the qualifier (the {what}) is required")
    if fact.qualifier_zh and not fact.qualifier:
        problems.append(f"{fact.fact}: qualifier_zh is given but the qualifier is empty")
    if definition.kind is ValueKind.NUMBER:
        try:
            number = float(fact.value)
        except ValueError:
            problems.append(f"{fact.fact}: value '{fact.value}' is not a number")
        else:
            low, high = definition.minimum, definition.maximum
            if (low is not None and number < low) or (high is not None and number > high):
                problems.append(f"{fact.fact}: value {fact.value} is outside {low:g} to {high:g}")
    elif definition.kind in _WORDS and fact.value not in _WORDS[definition.kind]:
        allowed = " or ".join(_WORDS[definition.kind])
        problems.append(f"{fact.fact}: value must be {allowed}, not '{fact.value}'")
    elif definition.kind is ValueKind.CURRENCY and not (
        len(fact.value) == 3 and fact.value.isalpha() and fact.value.isupper()
    ):
        problems.append(f"{fact.fact}: value must be an ISO 4217 code such as EUR")
    if fact.as_of > today:
        problems.append(f"as_of {fact.as_of.isoformat()} is in the future")
    return problems


def parse_facts(
    text: str, path: Path, *, today: dt.date | None = None, imported: bool = False
) -> list[MarketFact]:
    """Read facts from CSV text, checking every row; problems are located as ``file:line``.

    Raises:
        ContentError: with every problem found, none of the rows kept.
    """
    day = today or dt.date.today()
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    columns = [column.strip() for column in header or ()]
    if [c for c in COLUMNS if c in columns or c not in OPTIONAL_COLUMNS] != columns:
        expected = ",".join(COLUMNS)
        raise ContentError(
            [ContentProblem(path, 1, f"the first row must be the header {expected}")]
        )
    facts: list[MarketFact] = []
    problems: list[ContentProblem] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            problems.append(
                ContentProblem(path, line, f"{len(row)} columns, expected {len(columns)}")
            )
            continue
        cells = dict(zip(columns, (cell.strip() for cell in row), strict=True))
        try:
            fact = MarketFact.model_validate(
                {
                    "market": cells["market"],
                    "fact": cells["fact"],
                    "qualifier": cells["qualifier"],
                    "qualifier_zh": cells.get("qualifier_zh", ""),
                    "value": cells["value"],
                    "unit": cells["unit"],
                    "source": {
                        "title": cells["source_title"],
                        "publisher": cells["source_publisher"],
                        "reference": cells["source_reference"],
                    },
                    "as_of": cells["as_of"],
                    "note": cells["note"],
                    "imported": imported,
                }
            )
        except ValidationError as error:
            problems.extend(ContentProblem(path, line, _message(e)) for e in error.errors())
            continue
        row_problems = check_fact(fact, day)
        problems.extend(ContentProblem(path, line, message) for message in row_problems)
        if fact.key in seen:
            problems.append(
                ContentProblem(
                    path,
                    line,
                    f"{fact.market} {fact.fact} {fact.qualifier!r} is already given on line "
                    f"{seen[fact.key]}",
                )
            )
        seen.setdefault(fact.key, line)
        if not row_problems:
            facts.append(fact)
    if problems:
        raise ContentError(problems)
    return facts


_KEYS = frozenset(key.value for key in FactKey)

_FIELD_NAMES: dict[tuple[str, ...], str] = {
    ("source", "title"): "source_title",
    ("source", "publisher"): "source_publisher",
}


def _message(error: object) -> str:
    details = error if isinstance(error, dict) else {}
    location = tuple(str(part) for part in details.get("loc", ()))
    column = _FIELD_NAMES.get(location, location[0] if location else "row")
    if column == "fact":
        known = ", ".join(sorted(_KEYS))
        return f"fact: unknown fact '{details.get('input')}'; known facts: {known}"
    if column in ("source_title", "source_publisher", "as_of") and details.get("input") in (
        "",
        None,
    ):
        return f"{column}: every fact needs its source and as_of date"
    return f"{column}: {details.get('msg', 'invalid')}"


def read_facts(
    path: Path, *, today: dt.date | None = None, imported: bool = False
) -> list[MarketFact]:
    """Read and check a facts CSV file.

    Raises:
        ContentError: the file cannot be read or holds bad rows, located as ``file:line``.
    """
    return parse_facts(read_text_file(path), path, today=today, imported=imported)


def facts_by_market(facts: Iterable[MarketFact]) -> dict[str, tuple[MarketFact, ...]]:
    """Facts grouped by market code, each market's in fact order."""
    order = {key: position for position, key in enumerate(FactKey)}
    grouped: dict[str, list[MarketFact]] = {}
    for fact in facts:
        grouped.setdefault(fact.market, []).append(fact)
    return {
        code: tuple(sorted(rows, key=lambda f: (order[f.fact], f.qualifier)))
        for code, rows in sorted(grouped.items())
    }


def overlay(bundled: Sequence[MarketFact], imported: Sequence[MarketFact]) -> list[MarketFact]:
    """The facts in force: an imported value replaces the bundled one of the same key
    unless the bundled one is more recent."""
    merged = {fact.key: fact for fact in bundled}
    for fact in imported:
        current = merged.get(fact.key)
        if current is None or fact.as_of >= current.as_of:
            merged[fact.key] = fact
    return list(merged.values())


def write_facts(facts: Iterable[MarketFact]) -> str:
    """Facts as CSV text in the import format (the inverse of :func:`parse_facts`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in facts:
        writer.writerow(
            (
                f.market,
                f.fact.value,
                f.qualifier,
                f.qualifier_zh,
                f.value,
                f.unit,
                f.source.title,
                f.source.publisher,
                f.source.reference,
                f.as_of.isoformat(),
                f.note,
            )
        )
    return out.getvalue()
