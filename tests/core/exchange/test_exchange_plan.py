"""Format 4 carries the company profile, each action's own figures, the budget currency and
the rates; files of formats 1 to 3 still import, with none of them set."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.records import PlanFigures, SavedRate
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

FIGURES = PlanFigures(
    start_date=dt.date(2027, 1, 4),
    due_date=dt.date(2027, 3, 31),
    effort_min=1.5,
    effort_max=3,
    cost_min=20_000,
    cost_max=35_000,
    cost_currency="EUR",
    cost_basis="yearly",
)


@pytest.fixture
def demo_id(store: Store, bundled_catalog: Catalog) -> int:
    demo = create_demo(store, bundled_catalog)
    store.update_company(
        store.assessment(demo).company_id,
        employees=280,
        export_channels=["traders", "distributors"],
        product_types=["vehicles", "special_vehicles"],
        certificates=["iatf_16949", "iso_14001"],
        other_certificates="CCC；E-mark",
    )
    store.set_action(demo, "CERT-002", "IT", owner="Wang", figures=FIGURES)
    store.set_action(demo, "BRND-001", "eu", owner="Li", figures=PlanFigures(effort_min=2))
    store.set_budget_currency(demo, "EUR")
    store.set_rate(demo, SavedRate("EUR", 7.85, dt.date(2026, 12, 1)))
    store.set_rate(demo, SavedRate("USD", 7.12, dt.date(2026, 12, 1)))
    return demo


def _export(store: Store, assessment_id: int) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(document_json(export_document(store, assessment_id)))
    return result


def _write(tmp_path: Path, document: dict[str, Any]) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.both_backends
def test_the_profile_figures_and_rates_travel_and_come_back_the_same(
    store: Store, demo_id: int, tmp_path: Path
) -> None:
    document = _export(store, demo_id)
    assert document["format_version"] == 7
    company = document["company"]
    assert company["employees"] == 280
    assert company["certificates"] == ["iatf_16949", "iso_14001"]
    assert document["assessment"]["budget_currency"] == "EUR"
    assert document["rates"] == [
        {"currency": "EUR", "cny_per_unit": 7.85, "as_of": "2026-12-01"},
        {"currency": "USD", "cny_per_unit": 7.12, "as_of": "2026-12-01"},
    ]
    cert = next(a for a in document["actions"] if a["item_id"] == "CERT-002")
    assert (cert["start_date"], cert["cost_max"], cert["cost_basis"]) == (
        "2027-01-04",
        35_000,
        "yearly",
    )
    path = _write(tmp_path, document)
    with open_store(str(tmp_path / "other.sqlite3")) as other:
        new_id = import_document(other, read_document(path))
        assert _export(other, new_id) == document
        copy = other.snapshot(new_id)
    original = store.snapshot(demo_id)
    assert copy.company.certificates == original.company.certificates
    assert copy.rates == original.rates
    assert [(a.item_id, a.market_code, a.effort_min) for a in copy.actions] == [
        (a.item_id, a.market_code, a.effort_min) for a in original.actions
    ]


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_file_imports_with_an_empty_profile_and_the_plans_figures(
    store: Store, demo_id: int, tmp_path: Path, version: int
) -> None:
    document = _export(store, demo_id)
    document["format_version"] = version
    for key in ("employees", "export_channels", "product_types", "certificates"):
        del document["company"][key]
    del document["company"]["other_certificates"]
    del document["assessment"]["budget_currency"]
    del document["rates"]
    document["actions"] = [a for a in document["actions"] if a["market"] != "eu"]
    for action in document["actions"]:
        for key in ("start_date", "effort_min", "effort_max", "cost_min", "cost_max"):
            del action[key]
        del action["cost_currency"], action["cost_basis"]
    with open_store(str(tmp_path / "other.sqlite3")) as other:
        new_id = import_document(other, read_document(_write(tmp_path, document)))
        copy = other.snapshot(new_id)
    assert (copy.company.employees, copy.company.certificates) == (None, ())
    assert copy.assessment.budget_currency == "CNY" and copy.rates == ()
    cert = next(a for a in copy.actions if a.item_id == "CERT-002")
    assert (cert.owner, cert.due_date, cert.start_date, cert.cost_min) == (
        "Wang",
        FIGURES.due_date,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["company"].update(employees=-1), r"company\.employees"),
        (lambda d: d["company"].update(employees="many"), r"company\.employees"),
        (lambda d: d["company"].update(certificates=["iso_27001"]), r"company\.certificates\.0"),
        (lambda d: d["assessment"].update(budget_currency="GBP"), r"assessment\.budget_currency"),
        (lambda d: d["rates"][0].update(cny_per_unit=0), r"rates\.0\.cny_per_unit"),
        (lambda d: d["rates"][1].update(currency="CNY"), r"rates\.1\.currency"),
        (lambda d: d["rates"][0].update(as_of="0001-01-01"), r"rates\.0\.as_of"),
        (lambda d: _action(d).update(cost_basis="monthly"), r"actions\.\d+\.cost_basis"),
        (lambda d: _action(d).update(effort_min=-2), r"actions\.\d+\.effort_min"),
    ],
)
def test_a_bad_field_is_located_and_nothing_is_written(
    store: Store, demo_id: int, tmp_path: Path, change: Any, message: str
) -> None:
    document = _export(store, demo_id)
    change(document)
    with pytest.raises(ExchangeError, match=message):
        read_document(_write(tmp_path, document))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: _action(d).update(effort_min=5, effort_max=1),
            r"actions\.\d+: The least effort of the action on CERT-002 \(IT\) \(5.0\)",
        ),
        (
            lambda d: _action(d).update(cost_currency=None),
            r"actions\.\d+: The cost of the action on CERT-002 \(IT\) has no currency",
        ),
        (
            lambda d: _action(d).update(start_date="2027-05-01"),
            r"start date of the action on CERT-002 \(IT\) \(2027-05-01\) is after its due date",
        ),
        (
            lambda d: _action(d).update(market="ma"),
            "",
        ),
    ],
)
def test_figures_that_make_no_sense_together_are_refused_before_writing(
    store: Store, demo_id: int, tmp_path: Path, change: Any, message: str
) -> None:
    document = _export(store, demo_id)
    change(document)
    parsed = read_document(_write(tmp_path, document))
    with open_store(str(tmp_path / "target.sqlite3")) as target:
        if message:
            with pytest.raises(ExchangeError, match=message):
                import_document(target, parsed)
            assert target.list_assessments() == []
        else:  # a lowercase key is a region's action, kept as it is
            new_id = import_document(target, parsed)
            assert ("CERT-002", "ma") in {
                (a.item_id, a.market_code) for a in target.actions(new_id)
            }


def _action(document: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = next(a for a in document["actions"] if a["item_id"] == "CERT-002")
    return found
