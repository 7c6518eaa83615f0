"""The one map of which questions apply in which target market."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness.content.catalog import load_catalog
from readiness.domain.answers import applicable_items_by_market

CATALOG = load_catalog()
CODES = sorted(CATALOG.markets)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([*CODES, "XX"]),
            st.one_of(st.none(), st.sampled_from(sorted(CATALOG.regions))),
        ),
        max_size=5,
    )
)
def test_each_market_gets_exactly_its_applicable_questions(
    markets: list[tuple[str, str | None]],
) -> None:
    applicable = applicable_items_by_market(CATALOG, markets)
    assert set(applicable) == {code for code, _ in markets}
    last = dict(markets)
    for code, ids in applicable.items():
        assert ids == {item.id for item in CATALOG.items_for_market(code, last[code])}
