"""What an answer can be, and how a typed value is read from the user."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from enum import StrEnum

from readiness.content.catalog import Catalog
from readiness.content.model import Item, ScaleKind, Scope


class AnswerValue(StrEnum):
    """An answer: a maturity level 0-4, "not applicable", or "don't know"."""

    NOT_STARTED = "0"
    AWARE = "1"
    PARTLY = "2"
    IN_PLACE = "3"
    PROVEN = "4"
    NOT_APPLICABLE = "na"
    UNKNOWN = "unknown"

    @property
    def level(self) -> int | None:
        """The 0-4 level used for scoring; "don't know" counts as 0, "not applicable" as none."""
        if self is AnswerValue.NOT_APPLICABLE:
            return None
        if self is AnswerValue.UNKNOWN:
            return 0
        return int(self.value)

    @classmethod
    def parse(cls, text: str) -> AnswerValue:
        """Read ``0``-``4``, ``na`` or ``unknown`` (also ``yes``/``no`` for yes/no questions).

        Raises:
            ValueError: with a message listing what is accepted.
        """
        cleaned = text.strip().lower()
        aliases = {"yes": "4", "no": "0", "n/a": "na", "dk": "unknown", "?": "unknown"}
        try:
            return cls(aliases.get(cleaned, cleaned))
        except ValueError:
            raise ValueError(
                f"'{text}' is not an answer: use 0-4, yes, no, na (not applicable) "
                "or unknown (don't know)"
            ) from None

    @classmethod
    def from_level(cls, level: int) -> AnswerValue:
        """The answer for a 0-4 level."""
        if not 0 <= level <= 4:
            raise ValueError(f"level {level} is outside 0-4")
        return cls(str(level))


def fits_scale(item: Item, value: AnswerValue) -> bool:
    """Whether the question's scale takes ``value``: a yes/no question takes 0 and 4 only."""
    return item.scale is not ScaleKind.YES_NO or value.level in (None, 0, 4)


class AnswerRejected(ValueError):
    """An answer that does not fit its question or market; the message says why."""


def check_answer(
    item: Item,
    market_code: str | None,
    value: AnswerValue,
    *,
    applicable_items_by_market: Mapping[str, Collection[str]],
) -> None:
    """Refuse an answer that does not fit the question.

    ``applicable_items_by_market`` maps each target market of the assessment to
    the ids of the questions that apply there.

    Raises:
        AnswerRejected: the market is missing, superfluous or unknown, the question
            does not apply there, or the value is not allowed for this question.
    """
    if item.scope is Scope.COMPANY and market_code is not None:
        raise AnswerRejected(f"{item.id} is answered once for the company; give no market")
    if item.scope is Scope.COMPANY and not any(
        item.id in ids for ids in applicable_items_by_market.values()
    ):
        raise AnswerRejected(f"{item.id} does not apply to any target market of this assessment")
    if item.scope is Scope.MARKET:
        if market_code is None:
            markets = ", ".join(applicable_items_by_market) or "none"
            raise AnswerRejected(f"{item.id} is answered per market; give one of: {markets}")
        if market_code not in applicable_items_by_market:
            markets = ", ".join(applicable_items_by_market) or "none"
            raise AnswerRejected(
                f"{market_code} is not a target market of this assessment (it has: {markets})"
            )
        if item.id not in applicable_items_by_market[market_code]:
            raise AnswerRejected(f"{item.id} does not apply to {market_code}")
    if value is AnswerValue.NOT_APPLICABLE and not item.allow_na:
        raise AnswerRejected(f"{item.id} cannot be answered 'not applicable'")
    if not fits_scale(item, value):
        raise AnswerRejected(f"{item.id} is a yes/no question: answer yes (4) or no (0)")


def applicable_items_by_market(
    catalog: Catalog, markets: Iterable[tuple[str, str | None]]
) -> dict[str, set[str]]:
    """For each target market (code, custom region), the ids of the questions that apply there."""
    return {
        code: {item.id for item in catalog.items_for_market(code, region)}
        for code, region in markets
    }
