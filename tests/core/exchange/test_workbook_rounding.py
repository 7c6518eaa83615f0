"""The workbook rounds its scores half up, as the app and the command line show them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl

from readiness.content.catalog import Catalog
from readiness.exchange.spreadsheet import write_workbook
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.store import Store


def test_a_score_on_a_half_is_rounded_up_in_the_comparison_sheet(
    store: Store, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    result = load_result(store, bundled_catalog, create_demo(store, bundled_catalog))
    code = next(iter(result.score.markets))
    market = dataclasses.replace(result.score.markets[code], overall=12.25)
    score = dataclasses.replace(result.score, markets={**result.score.markets, code: market})
    out = tmp_path / "halves.xlsx"
    write_workbook(dataclasses.replace(result, score=score), bundled_catalog, out)
    sheet = openpyxl.load_workbook(out)["Comparison"]
    overall = next(
        row for row in sheet.iter_rows(values_only=True) if row[0] == "Readiness (0-100)"
    )
    assert overall[1] == 12.3  # Python's round(12.25, 1) gives 12.2
