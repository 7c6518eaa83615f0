"""The report's appendix of answers: every question once, each market's answer on its
own line with its note and evidence names; the sources grouped by forum."""

from __future__ import annotations

import re
from pathlib import Path

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.report.context import ReportOptions
from readiness.report.rendering import render_html
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store
from tests.report.conftest import TODAY


def _answers_tables(html: str) -> str:
    part = html.split('id="answers"')[1].split('id="sources"')[0]
    return part


def test_every_question_that_applies_has_one_row_with_a_line_a_market(
    tmp_path: Path, catalog: Catalog
) -> None:
    with open_store(str(tmp_path / "demo.sqlite3")) as store:
        assessment_id = create_demo(store, catalog, today=TODAY)
        result = load_result(store, catalog, assessment_id, today=TODAY)
    html = render_html(result, catalog, ReportOptions(language="en"))
    answers = _answers_tables(html)
    ids = re.findall(r'<td class="id">([A-Z]+-\d+)</td>', answers)
    codes = {m.code for m in result.markets}
    expected = [
        item.id
        for item in catalog.all_items.values()
        if any(m is None or m in codes for m in result.answer_rows(catalog, item))
    ]
    # each question once, in the dimensions' order
    assert sorted(ids) == sorted(expected)
    assert len(ids) == len(set(ids))
    names = result.market_names(catalog, "en")
    for item_id in ids[:40]:
        item = catalog.all_items[item_id]
        row = answers.split(f'<td class="id">{item_id}</td>')[1].split("</tr>")[0]
        markets = [m for m in result.answer_rows(catalog, item) if m in codes]
        for market in markets:
            assert f'<span class="user-text market">{names[market]}: </span>' in row


def test_a_note_and_the_evidence_names_are_beside_their_answer(
    tmp_path: Path, catalog: Catalog
) -> None:
    with open_store(str(tmp_path / "demo.sqlite3")) as store:
        assessment_id = create_demo(store, catalog, today=TODAY)
        store.set_answer(
            assessment_id,
            "CERT-002",
            "LA",
            AnswerValue("2"),
            note="Lab quote expected in January",
            evidence=["/home/user/quotes/vientiane-lab-quote.pdf"],
        )
        result = load_result(store, catalog, assessment_id, today=TODAY)
    html = render_html(result, catalog, ReportOptions(language="en"))
    row = _answers_tables(html).split('<td class="id">CERT-002</td>')[1].split("</tr>")[0]
    laos = row.split('<span class="user-text market">Laos: </span>')[1].split("</div></div>")[0]
    assert "Note: Lab quote expected in January" in laos
    assert "Evidence: vientiane-lab-quote.pdf" in laos
    assert "/home/user" not in row


def test_sources_name_each_forum_once_with_its_speakers(tmp_path: Path, catalog: Catalog) -> None:
    with open_store(str(tmp_path / "demo.sqlite3")) as store:
        assessment_id = create_demo(store, catalog, today=TODAY)
        result = load_result(store, catalog, assessment_id, today=TODAY)
    html = render_html(result, catalog, ReportOptions(language="zh"))
    sources = html.split('id="sources"')[1].split('id="methodology"')[0]
    events = re.findall(r'<p class="source-event"><strong>(.*?)</strong>', sources)
    assert events and len(events) == len(set(events))
    assert len(events) <= len(catalog.seeds)
