"""Users see a citation as who said it, where and when, or as a public document's title."""

from __future__ import annotations

import re

import pytest

from readiness.content.catalog import Catalog, load_catalog
from readiness.content.model import ReferenceCitation, SeedCitation


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_citation_in_the_content_reads_as_a_human_title(
    catalog: Catalog, language: str
) -> None:
    for item in catalog.all_items.values():
        for citation in item.sources:
            text = catalog.citation_text(citation, language)
            assert not re.search(r"\d{3}_[0-9a-f]+\.txt", text), (item.id, text)
            if isinstance(citation, SeedCitation):
                seed = catalog.seeds[citation.seed]
                assert citation.speaker in text
                assert seed.event.get(language) in text
                if seed.date:
                    assert seed.date.isoformat() in text


def test_a_reference_is_its_title_and_issuer(catalog: Catalog) -> None:
    reference = next(iter(catalog.references.values()))
    text = catalog.citation_text(ReferenceCitation(reference=reference.id), "en")
    assert text == f"{reference.title} ({reference.issuer})"
