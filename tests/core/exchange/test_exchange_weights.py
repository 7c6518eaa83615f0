"""Format version 5: the attractiveness weights and custom markets' Chinese names travel;
a version 4 file still imports, with the default weights and no Chinese names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.records import MarketChoice
from readiness.exchange.document import (
    ExchangeError,
    document_json,
    export_document,
    import_document,
    read_document,
)
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store
from readiness.storage.store import Store


@pytest.fixture
def demo_id(store: Store, bundled_catalog: Catalog) -> int:
    demo = create_demo(store, bundled_catalog)
    store.add_market(
        demo,
        MarketChoice("XK", custom_name="Kosovo", custom_region="eu", custom_name_zh="科索沃"),
    )
    store.set_attractiveness_weights(demo, {"size": 40, "risk": 5})
    return demo


def _export(store: Store, assessment_id: int) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(document_json(export_document(store, assessment_id)))
    return result


def _write(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.both_backends
def test_weights_and_chinese_names_travel_and_come_back_the_same(
    store: Store, demo_id: int, tmp_path: Path
) -> None:
    document = _export(store, demo_id)
    assert document["format_version"] == 7
    assert document["assessment"]["attractiveness_weights"] == {
        "size": 40.0,
        "growth": 10.0,
        "access": 25.0,
        "logistics": 10.0,
        "distance": 10.0,
        "risk": 5.0,
    }
    kosovo = document["markets"][-1]
    assert (kosovo["custom_name"], kosovo["custom_name_zh"]) == ("Kosovo", "科索沃")
    assert document["markets"][0]["custom_name_zh"] is None
    with open_store(str(tmp_path / "other.sqlite3")) as other:
        new_id = import_document(other, read_document(_write(tmp_path, document)))
        assert _export(other, new_id) == document
        copy = other.snapshot(new_id)
    original = store.snapshot(demo_id)
    assert copy.assessment.attractiveness_weights == original.assessment.attractiveness_weights
    assert [m.custom_name_zh for m in copy.markets] == [m.custom_name_zh for m in original.markets]


def test_a_version_4_file_imports_with_default_weights_and_no_chinese_names(
    store: Store, demo_id: int, tmp_path: Path
) -> None:
    document = _export(store, demo_id)
    document["format_version"] = 4
    del document["assessment"]["attractiveness_weights"]
    for market in document["markets"]:
        del market["custom_name_zh"]
    with open_store(str(tmp_path / "other.sqlite3")) as other:
        new_id = import_document(other, read_document(_write(tmp_path, document)))
        copy = other.snapshot(new_id)
        again = _export(other, new_id)
    assert copy.assessment.attractiveness_weights == ()
    assert [(m.market_code, m.custom_name, m.custom_name_zh) for m in copy.markets][-1] == (
        "XK",
        "Kosovo",
        None,
    )
    assert again["assessment"]["attractiveness_weights"] == {}


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"size": 140}, r"assessment\.attractiveness_weights\.size"),
        ({"beauty": 10}, r"assessment\.attractiveness_weights\.beauty"),
        (
            {"size": 0, "growth": 0, "access": 0, "logistics": 0, "distance": 0, "risk": 0},
            "all zero",
        ),
    ],
)
def test_bad_weights_in_a_file_are_refused_with_nothing_imported(
    store: Store, demo_id: int, tmp_path: Path, weights: dict[str, float], message: str
) -> None:
    document = _export(store, demo_id)
    document["assessment"]["attractiveness_weights"] = weights
    with open_store(str(tmp_path / "other.sqlite3")) as other:
        with pytest.raises(ExchangeError, match=message):
            import_document(other, read_document(_write(tmp_path, document)))
        assert other.list_assessments() == []
