"""A report with 20 markets and long notes stays inside its pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.report.context import ReportOptions
from readiness.report.rendering import render_html, write_pdf
from readiness.services.results import load_result
from readiness.storage.opening import open_store
from tests.report.conftest import TODAY, pdf_text

LONG_NOTE = (
    "Distributor feedback from the March visit: "
    + "very long remark, " * 60
    + "https://example.invalid/"
    + "a" * 260
    + " 备注：需要补充第三方检测报告。" * 8
)


CUSTOM = 4


@pytest.fixture(scope="module")
def twenty_market_pdf(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    folder = tmp_path_factory.mktemp("twenty")
    regions = sorted(catalog.regions)
    # Twenty markets: sixteen from the catalog and four of the user's own.
    markets = [MarketChoice(code) for code in list(catalog.markets)[:16]] + [
        MarketChoice(f"Q{n:02}", custom_name=f"Custom market {n:02}", custom_region=regions[n % 5])
        for n in range(CUSTOM)
    ]
    with open_store(str(folder / "many.sqlite3")) as store:
        company = store.create_company("Twenty Markets Heavy Truck Parts Group Co., Ltd.")
        assert company.id is not None
        assessment = store.create_assessment(company.id, "Global scan", catalog.version, markets)
        assert assessment.id is not None
        for index, item in enumerate(catalog.items.values()):
            level = AnswerValue(str(index % 5))
            note = LONG_NOTE if index % 12 == 0 else "short note"
            if item.scope.value == "company":
                store.set_answer(assessment.id, item.id, None, level, note=note)
            else:
                for market in markets[index % 3 :: 3]:
                    store.set_answer(assessment.id, item.id, market.code, level, note=note)
        result = load_result(store, catalog, assessment.id, today=TODAY)
    html = render_html(result, catalog, ReportOptions(language="en"))
    return write_pdf(html, folder / "twenty.pdf")


def test_every_market_is_in_the_report(twenty_market_pdf: Path, catalog: Catalog) -> None:
    text = pdf_text(twenty_market_pdf)
    for n in range(CUSTOM):
        assert f"Custom market {n:02}" in text
    for profile in list(catalog.markets.values())[:16]:
        assert profile.name.en in text


def test_no_word_runs_off_the_page(twenty_market_pdf: Path) -> None:
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(twenty_market_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    overflowing = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S):
        width = float(page.group(1))
        for word in re.finditer(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            page.group(3),
        ):
            if float(word.group(1)) < 0 or float(word.group(2)) > width - 30:  # inside 10 mm
                overflowing.append(word.group(3))
    assert overflowing == []
