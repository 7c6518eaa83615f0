"""The exchange file is lossless, validated before anything is written, and never half-imported."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import openpyxl
import pytest

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.domain.statuses import ActionStatus
from readiness.exchange.document import (
    ExchangeError,
    document_json,
    export_document,
    import_document,
    read_document,
)
from readiness.exchange.spreadsheet import write_workbook
from readiness.files import shared_file_mode, write_text_atomically
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.errors import StoreError
from readiness.storage.opening import open_store
from readiness.storage.store import Store


@pytest.fixture
def demo_id(store: Store, bundled_catalog: Catalog) -> int:
    return create_demo(store, bundled_catalog)


@pytest.mark.both_backends
def test_export_import_export_gives_the_same_document(
    store: Store, demo_id: int, tmp_path: Path
) -> None:
    store.set_answer(
        demo_id, "TALE-001", None, AnswerValue.AWARE, note="招聘中 <b>", evidence=["cv.pdf"]
    )
    store.set_action(demo_id, "TALE-001", None, owner="HR", status=ActionStatus.DONE)
    first = document_json(export_document(store, demo_id))
    path = tmp_path / "a.json"
    write_text_atomically(path, first)

    with open_store(str(tmp_path / "other.sqlite3")) as other:
        new_id = import_document(other, read_document(path))
        second = document_json(export_document(other, new_id))
    assert second == first


@pytest.mark.both_backends
def test_the_document_names_its_format_and_version(store: Store, demo_id: int) -> None:
    document = json.loads(document_json(export_document(store, demo_id)))
    assert document["format"] == "market-entry-readiness/assessment"
    assert document["format_version"] == 7
    assert {m["code"] for m in document["markets"]} == {"IT", "MA", "LA"}


def test_a_version_1_file_is_still_read(store: Store, demo_id: int, tmp_path: Path) -> None:
    document = json.loads(document_json(export_document(store, demo_id)))
    document["format_version"] = 1
    del document["assignments"]
    for action in document["actions"]:
        del action["updated_by"]
    path = _write(tmp_path, json.dumps(document))
    assert read_document(path).assignments == []


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match=r"in\.json:2:\d+: not valid JSON"):
        read_document(_write(tmp_path, '{"format":\n  oops}'))


def test_another_kind_of_json_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="not a Market Entry Readiness assessment file"):
        read_document(_write(tmp_path, '{"invoices": []}'))


def test_a_newer_format_version_asks_for_an_update(
    store: Store, demo_id: int, tmp_path: Path
) -> None:
    document = json.loads(document_json(export_document(store, demo_id)))
    document["format_version"] = 8
    with pytest.raises(ExchangeError, match=r"format version 8 .* Update the app"):
        read_document(_write(tmp_path, json.dumps(document)))


@pytest.mark.both_backends
def test_invalid_fields_are_located(store: Store, demo_id: int, tmp_path: Path) -> None:
    document = json.loads(document_json(export_document(store, demo_id)))
    document["answers"][3]["value"] = "7"
    with pytest.raises(ExchangeError, match=r"answers\.3\.value"):
        read_document(_write(tmp_path, json.dumps(document)))


@pytest.mark.both_backends
def test_an_inconsistent_file_writes_nothing(store: Store, demo_id: int, tmp_path: Path) -> None:
    document = json.loads(document_json(export_document(store, demo_id)))
    document["answers"][-1]["market"] = "BR"
    parsed = read_document(_write(tmp_path, json.dumps(document)))
    with open_store(str(tmp_path / "target.sqlite3")) as target:
        with pytest.raises(ExchangeError, match="market BR, which the file does not list"):
            import_document(target, parsed)
        assert target.list_assessments() == []


@pytest.mark.both_backends
def test_a_failure_midway_rolls_back_everything(
    store: Store, demo_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = export_document(store, demo_id)
    with open_store(str(tmp_path / "target.sqlite3")) as target:
        from sqlalchemy import event

        calls = {"n": 0}

        def fail_late(conn: object, cursor: object, statement: str, *rest: object) -> None:
            if statement.startswith("INSERT INTO answer"):
                calls["n"] += 1
                if calls["n"] == 1:
                    raise RuntimeError("simulated crash while importing")

        event.listen(target.engine, "before_cursor_execute", fail_late)
        with pytest.raises(RuntimeError):
            import_document(target, parsed)
        event.remove(target.engine, "before_cursor_execute", fail_late)
        assert target.list_assessments() == []


def test_importing_into_a_read_only_store_is_refused(
    store: Store, demo_id: int, db_path: Path
) -> None:
    parsed = export_document(store, demo_id)
    with open_store(str(db_path), read_only=True) as reader, pytest.raises(StoreError):
        import_document(reader, parsed)


@pytest.mark.both_backends
def test_the_workbook_reloads_with_every_answer(
    store: Store, demo_id: int, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    out = tmp_path / "answers.xlsx"
    result = load_result(store, bundled_catalog, demo_id)
    write_workbook(result, bundled_catalog, out, language="zh")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["评估概况", "答卷", "得分", "市场对比", "行动计划", "进入日期与预算"]
    rows = list(book["答卷"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(store.answers(demo_id))
    levels = [row[4] for row in rows if isinstance(row[4], int)]
    assert levels and all(0 <= level <= 4 for level in levels)
    # Written like every other export: whole or not at all, readable like any user file.
    assert stat.S_IMODE(out.stat().st_mode) == shared_file_mode()


@pytest.mark.both_backends
def test_an_import_that_breaks_the_catalogs_rules_is_refused(
    store: Store, demo_id: int, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    document = json.loads(document_json(export_document(store, demo_id)))
    target = next(a for a in document["answers"] if a["item_id"] == "CERT-002")
    target["value"] = "na"  # critical, and "not applicable" is not allowed for it
    parsed = read_document(_write(tmp_path, json.dumps(document)))
    with open_store(str(tmp_path / "strict.sqlite3")) as other:
        with pytest.raises(ExchangeError, match="CERT-002 cannot be answered 'not applicable'"):
            import_document(other, parsed, catalog=bundled_catalog)
        assert other.list_assessments() == []


@pytest.mark.both_backends
def test_answers_given_against_an_older_catalog_are_kept_though_they_no_longer_fit(
    store: Store, demo_id: int, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    # A company question answered per market, as an older catalog asked it: refused
    # when the file says it was answered against today's catalog, kept as given when
    # it says an older one (the user reviews it when the assessment is brought up).
    document = json.loads(document_json(export_document(store, demo_id)))
    company_item = next(
        a
        for a in document["answers"]
        if a["market"] is None and a["value"] not in ("na", "unknown")
    )
    markets = [m["code"] for m in document["markets"]]
    document["answers"].remove(company_item)
    for code in markets:
        document["answers"].append(dict(company_item, market=code))
    with open_store(str(tmp_path / "other.sqlite3")) as other:
        parsed = read_document(_write(tmp_path, json.dumps(document)))
        with pytest.raises(ExchangeError, match="answered once for the company"):
            import_document(other, parsed, catalog=bundled_catalog)
        assert other.list_assessments() == []

        document["assessment"]["catalog_version"] = "2026.1"
        for answer in document["answers"]:
            answer["catalog_version"] = "2026.1"
        parsed = read_document(_write(tmp_path, json.dumps(document)))
        imported = import_document(other, parsed, catalog=bundled_catalog)

        answers = other.snapshot(imported).answers
        kept = [a for a in answers if a.item_id == company_item["item_id"]]
        assert sorted(a.market_code for a in kept) == sorted(markets)


def test_a_file_saved_with_a_byte_order_mark_is_read(
    store: Store, demo_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "bom.json"
    path.write_text("\ufeff" + document_json(export_document(store, demo_id)), encoding="utf-8")
    assert read_document(path).company.name


@pytest.mark.both_backends
def test_user_text_that_looks_like_a_formula_stays_text_in_the_workbook(
    store: Store, demo_id: int, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    hostile = {
        "company": '=HYPERLINK("http://example.invalid","open me")',
        "note": "@SUM(1,2)",
        "owner": "+cmd|' /C calc'!A0",
        "market": '=WEBSERVICE("http://example.invalid")',
        "products": "\tindented",
    }
    summary = store.assessment(demo_id)
    store.update_company(summary.company_id, name=hostile["company"], products=hostile["products"])
    answer = store.answers(demo_id)[0]
    store.set_answer(
        demo_id,
        answer.item_id,
        answer.market_code or None,
        AnswerValue(answer.value),
        note=hostile["note"],
    )
    gap = load_result(store, bundled_catalog, demo_id).plan.ranked()[0].gap
    store.set_action(demo_id, gap.item_id, gap.market, owner=hostile["owner"])
    store.add_market(
        demo_id, MarketChoice("PH", custom_name=hostile["market"], custom_region="asean")
    )
    out = tmp_path / "hostile.xlsx"
    write_workbook(load_result(store, bundled_catalog, demo_id), bundled_catalog, out)

    book = openpyxl.load_workbook(out)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if isinstance(c.value, str)}
    for name in ("company", "note", "owner", "market", "products"):
        assert any(hostile[name] in text for text in texts), name
    leading = [c for c in cells if isinstance(c.value, str) and c.value in hostile.values()]
    assert leading and all(c.quotePrefix for c in leading)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_an_import_with_a_date_outside_any_plan_is_refused_at_the_door(
    store: Store, demo_id: int, tmp_path: Path, day: str
) -> None:
    document = json.loads(document_json(export_document(store, demo_id)))
    document["markets"][0]["planned_entry"] = day
    with pytest.raises(ExchangeError, match=f"{day} is outside the dates this app accepts"):
        read_document(_write(tmp_path, json.dumps(document)))
