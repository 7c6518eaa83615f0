"""The terminology check: every Chinese text uses the glossary's preferred terms.

The glossary (``glossary.yaml``) names, per term, the Chinese to use and the
variants not to. A variant is refused wherever it stands, except inside the
preferred term itself (进口商（IOR） inside 记录进口商（IOR）) or inside a longer
wording the glossary allows (``allow_in``), so a variant that is part of a
correct term raises no false alarm.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from readiness.content.documents import ContentProblem, Document
from readiness.content.model import BannedVariant, Item, LocalizedText, Term


@dataclass(frozen=True)
class Misuse:
    """A banned variant found in a text, with the term it stands for."""

    term: Term
    variant: BannedVariant
    start: int

    def message(self) -> str:
        why = f" ({self.variant.note})" if self.variant.note else ""
        return (
            f"'{self.variant.term}' is banned by the glossary ('{self.term.en}'): "
            f"write '{self.term.zh}'{why}"
        )


def _spans(text: str, phrase: str) -> Iterator[int]:
    start = text.find(phrase)
    while start != -1:
        yield start
        start = text.find(phrase, start + 1)


def misuses(text: str, terms: Sequence[Term]) -> list[Misuse]:
    """Every banned variant in ``text`` that is not part of an allowed wording."""
    found: list[Misuse] = []
    for term in terms:
        for variant in term.banned:
            if variant.term not in text:
                continue  # the common case, and cheap
            allowed = [
                (start, start + len(context))
                for context in (term.zh, *variant.allow_in)
                if variant.term in context
                for start in _spans(text, context)
            ]
            for start in _spans(text, variant.term):
                end = start + len(variant.term)
                if not any(low <= start and end <= high for low, high in allowed):
                    found.append(Misuse(term, variant, start))
    return sorted(found, key=lambda misuse: misuse.start)


def localized_texts(
    model: BaseModel, location: tuple[int | str, ...] = ()
) -> Iterator[tuple[tuple[int | str, ...], LocalizedText]]:
    """Every bilingual text in a content model, with its location in the YAML."""
    if isinstance(model, LocalizedText):
        yield location, model
        return
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from localized_texts(value, (*location, name))
        elif isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from localized_texts(element, (*location, name, index))


def check_terminology(
    document: Document, model: BaseModel, terms: Sequence[Term], problems: list[ContentProblem]
) -> None:
    """Report each banned variant in the document's Chinese texts, on its own line."""
    if not terms:
        return
    for location, text in localized_texts(model):
        where = (*location, "zh")
        for misuse in misuses(text.zh, terms):
            line = document.line_of_text(where, misuse.variant.term)
            problems.append(ContentProblem(document.path, line, misuse.message()))


def check_glossary(
    document: Document, glossary_terms: Sequence[tuple[int, Term]], every_term: Sequence[Term]
) -> list[ContentProblem]:
    """A glossary that bans another term's preferred wording contradicts itself."""
    problems: list[ContentProblem] = []
    for index, term in glossary_terms:
        for misuse in misuses(term.zh, every_term):
            if misuse.term is not term:
                problems.append(
                    ContentProblem(
                        document.path,
                        document.line_of(("terms", index, "zh")),
                        f"the preferred term '{term.zh}' ('{term.en}') is banned as a variant "
                        f"of '{misuse.term.en}'",
                    )
                )
    return problems


# Guidance names the top answer level the way users see it: 达到“<label>”的标准是.
_QUOTED_LEVEL = re.compile(r"达到“([^”]+)”的标准")


def check_level_quote(
    document: Document,
    location: Sequence[int | str],
    item: Item,
    top_label: str,
    problems: list[ContentProblem],
) -> None:
    """Guidance that quotes the top answer level quotes the label the question shows."""
    for match in _QUOTED_LEVEL.finditer(item.guidance.zh):
        if match.group(1) != top_label:
            where = (*location, "guidance", "zh")
            problems.append(
                ContentProblem(
                    document.path,
                    document.line_of_text(where, match.group(0)),
                    f"guidance quotes the top level as “{match.group(1)}” but {item.id} shows "
                    f"“{top_label}”; quote that label, or write 达到最高一级的标准是",
                )
            )
