"""Attractiveness weights per assessment, imported market facts and a custom market's
Chinese name: saved on both backends in one transaction each, a refused value saves nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness.content.facts import FactKey, FactSource, MarketFact
from readiness.domain.attractiveness import Factor
from readiness.domain.records import MarketChoice
from readiness.storage.refusals import RefusedValueError
from readiness.storage.store import Store

SOURCE = FactSource(title="Logistics Performance Index 2023", publisher="World Bank")


def fact(
    market: str = "IT",
    key: FactKey = FactKey.LPI_SCORE,
    qualifier: str = "2023",
    value: str = "3.7",
    unit: str = "score 1-5",
    as_of: dt.date = dt.date(2023, 4, 21),
) -> MarketFact:
    return MarketFact(
        market=market,
        fact=key,
        qualifier=qualifier,
        value=value,
        unit=unit,
        source=SOURCE,
        as_of=as_of,
        imported=True,
    )


@pytest.mark.both_backends
def test_weights_are_saved_complete_and_reset_to_the_defaults(
    store: Store, assessment_id: int
) -> None:
    before = store.revision(assessment_id)
    saved = store.set_attractiveness_weights(assessment_id, {"size": 40, "risk": 0})
    assert dict(saved.attractiveness_weights) == {
        "size": 40.0,
        "growth": 10.0,
        "access": 25.0,
        "logistics": 10.0,
        "distance": 10.0,
        "risk": 0.0,
    }
    assert [name for name, _ in saved.attractiveness_weights][:2] == ["size", "growth"]
    assert store.snapshot(assessment_id).assessment == saved
    assert store.revision(assessment_id) == before + 1
    reset = store.set_attractiveness_weights(assessment_id, None)
    assert reset.attractiveness_weights == ()
    assert store.assessment(assessment_id).attractiveness_weights == ()


@pytest.mark.both_backends
@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"size": -1}, "between 0 and 100"),
        ({"size": 101}, "between 0 and 100"),
        ({"size": float("nan")}, "between 0 and 100"),
        ({"beauty": 10}, "unknown attractiveness factor 'beauty'"),
        ({"size": True}, "give a number"),
        ({"size": "30"}, "give a number"),
        ({f.value: 0 for f in Factor}, "above zero"),
    ],
)
def test_bad_weights_are_refused_and_nothing_is_saved(
    store: Store, assessment_id: int, weights: dict[str, object], message: str
) -> None:
    store.set_attractiveness_weights(assessment_id, {"size": 30})
    before = store.snapshot(assessment_id).assessment
    with pytest.raises(RefusedValueError, match=message) as refused:
        store.set_attractiveness_weights(assessment_id, weights)  # type: ignore[arg-type]
    assert "nothing was saved" in str(refused.value)
    assert store.snapshot(assessment_id).assessment == before


@pytest.mark.both_backends
def test_imported_facts_are_added_replaced_read_back_and_in_every_snapshot(
    store: Store, assessment_id: int
) -> None:
    first = [fact(), fact("MA", value="2.5"), fact("XK", value="2.9")]
    assert store.import_facts(first) == 0
    assert [(f.market, f.value, f.imported) for f in store.imported_facts()] == [
        ("IT", "3.7", True),
        ("MA", "2.5", True),
        ("XK", "2.9", True),
    ]
    newer = fact("MA", value="2.6", as_of=dt.date(2024, 1, 1))
    sales = fact("MA", FactKey.NEW_VEHICLE_SALES, "2024", "180000", "vehicles")
    assert store.import_facts([newer, sales]) == 1
    facts = store.imported_facts()
    assert len(facts) == 4
    assert next(f for f in facts if f.key == newer.key) == newer
    assert store.snapshot(assessment_id).facts == tuple(facts)


@pytest.mark.both_backends
def test_a_refused_fact_saves_none_of_the_import(store: Store) -> None:
    store.import_facts([fact()])
    before = store.imported_facts()
    wrong_unit = fact("MA", unit="points")
    with pytest.raises(RefusedValueError, match="unit must be 'score 1-5'"):
        store.import_facts([fact("DE", value="4.1"), wrong_unit])
    control = fact("DE", qualifier="2023\x00")
    with pytest.raises(RefusedValueError, match="qualifier"):
        store.import_facts([control])
    with pytest.raises(RefusedValueError, match="given twice"):
        store.import_facts([fact("DE"), fact("DE", value="4.0")])
    future = fact("DE", as_of=dt.date.today() + dt.timedelta(days=2))
    with pytest.raises(RefusedValueError, match="in the future"):
        store.import_facts([future])
    assert store.imported_facts() == before


@pytest.mark.both_backends
def test_forgetting_imported_facts_by_market_or_all(store: Store) -> None:
    store.import_facts([fact(), fact("MA"), fact("MA", FactKey.CURRENCY, "", "MAD", "-")])
    assert store.forget_imported_facts("MA") == 2
    assert [f.market for f in store.imported_facts()] == ["IT"]
    assert store.forget_imported_facts("MA") == 0
    assert store.forget_imported_facts() == 1
    assert store.imported_facts() == []
    with pytest.raises(RefusedValueError):
        store.forget_imported_facts("../x")


@pytest.mark.both_backends
def test_a_custom_markets_chinese_name_is_saved_and_copied(
    store: Store, assessment_id: int
) -> None:
    added = store.add_market(
        assessment_id,
        MarketChoice("XK", custom_name="Kosovo", custom_region="eu", custom_name_zh="科索沃"),
    )
    assert added.custom_name_zh == "科索沃"
    store.set_attractiveness_weights(assessment_id, {"access": 50})
    snapshot = store.snapshot(assessment_id)
    assert [m.custom_name_zh for m in snapshot.markets] == [None, None, "科索沃"]
    copy = store.snapshot(store.import_assessment(snapshot))
    assert [m.custom_name_zh for m in copy.markets] == [None, None, "科索沃"]
    assert copy.assessment.attractiveness_weights == snapshot.assessment.attractiveness_weights
    with pytest.raises(RefusedValueError, match="Chinese name"):
        store.add_market(
            assessment_id, MarketChoice("XS", custom_name="X", custom_name_zh="坏\x07")
        )
    assert len(store.markets(assessment_id)) == 3
