"""The workbook's plan sheet and the calendar file carry the plan as the app shows it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import openpyxl
import pytest

from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult
from readiness.exchange.calendar import plan_calendar, write_plan_calendar
from readiness.exchange.spreadsheet import write_workbook
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.store import Store
from tests.plan_cases import with_figures


@pytest.fixture
def result(store: Store, bundled_catalog: Catalog) -> AssessmentResult:
    return with_figures(load_result(store, bundled_catalog, create_demo(store, bundled_catalog)))


@pytest.mark.parametrize(
    ("language", "sheet", "header"),
    [
        ("en", "Action plan", ("Rank", "Question ID", "Recommended action", "Markets", "Phase")),
        ("zh", "行动计划", ("排序", "题号", "建议行动", "市场", "阶段")),
    ],
)
def test_the_plan_sheet_has_the_tables_columns_and_figures(
    result: AssessmentResult,
    bundled_catalog: Catalog,
    tmp_path: Path,
    language: str,
    sheet: str,
    header: tuple[str, ...],
) -> None:
    out = tmp_path / "plan.xlsx"
    write_workbook(result, bundled_catalog, out, language=language)
    rows = list(openpyxl.load_workbook(out)[sheet].iter_rows(values_only=True))
    assert rows[0][:5] == header
    assert len(rows[0]) == 22
    body = rows[1:]
    assert len(body) == len(result.plan.actions)
    costed, merged, ranked_down = body[0], body[1], body[2]
    # Figures stay figures: effort and cost as numbers, dates as dates.
    assert costed[10:16] == (2, 4, 20000, 50000, "EUR", "one-off" if language == "en" else "一次性")
    assert costed[16] == ("estimate" if language == "en" else "估算")
    assert isinstance(costed[5], dt.datetime) and isinstance(costed[6], dt.datetime)
    assert costed[9] == ("yes" if language == "en" else "是")
    # One EU action lists every market it serves, and says whose figures it carries.
    names = result.market_names(bundled_catalog, language)
    separator = "、" if language == "zh" else ", "
    assert merged[3] == separator.join(names[m.code] for m in result.markets)
    assert merged[14:17] == (
        "CNY",
        "yearly" if language == "en" else "每年",
        bundled_catalog.citation_text(result.plan.actions[1].cost.source, language),  # type: ignore[union-attr]
    )
    assert merged[17] == "Ms Zhou"
    assert merged[19] == ("cost, owner" if language == "en" else "费用, 负责人")
    assert ranked_down[20] == result.plan.actions[2].ranked_down.get(language)  # type: ignore[union-attr]
    assert body[4][21] == ("yes" if language == "en" else "是")


def test_the_calendar_has_one_all_day_event_per_open_action(
    result: AssessmentResult, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    out = tmp_path / "due.ics"
    count = write_plan_calendar(result, bundled_catalog, out, language="zh")
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    open_actions = [a for a in result.plan.actions if a.status.value not in ("done", "dropped")]
    assert count == len(events) == len(open_actions) == len(result.plan.actions) - 1
    merged = result.plan.actions[1]
    [event] = [e for e in events if merged.item_id in str(e["description"]) and "eu" in e["uid"]]
    assert event.decoded("dtstart") == merged.due
    assert event.decoded("dtend") == merged.due + dt.timedelta(days=1)
    assert str(event["summary"]) == "截止：" + merged.item.action.zh
    description = str(event["description"])
    names = result.market_names(bundled_catalog, "zh")
    assert all(names[m.code] in description for m in result.markets)
    assert "负责人：Ms Zhou" in description
    # The same action keeps its UID from one export to the next.
    again = icalendar.Calendar.from_ical(plan_calendar(result, bundled_catalog, language="zh"))
    assert sorted(str(e["uid"]) for e in again.walk("VEVENT")) == sorted(
        str(e["uid"]) for e in events
    )
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_the_calendar_in_english_names_the_owner_or_says_none_is_named(
    result: AssessmentResult, bundled_catalog: Catalog
) -> None:
    text = plan_calendar(
        result, bundled_catalog, stamp=dt.datetime(2026, 12, 7, tzinfo=dt.UTC)
    ).decode()
    assert "DTSTAMP:20261207T000000Z" in text
    assert "Owner: not named yet" in text.replace("\r\n ", "")
    assert "PRODID:-//Market Entry Readiness//" in text


@pytest.mark.parametrize(
    ("language", "sheet"), [("en", "Entry and budget"), ("zh", "进入日期与预算")]
)
def test_the_workbook_gives_each_markets_entry_dates_and_the_budget(
    result: AssessmentResult, bundled_catalog: Catalog, tmp_path: Path, language: str, sheet: str
) -> None:
    out = tmp_path / "entry.xlsx"
    write_workbook(result, bundled_catalog, out, language=language)
    rows = list(openpyxl.load_workbook(out)[sheet].iter_rows(values_only=True))
    names = result.market_names(bundled_catalog, language)
    plan = result.plan
    by_name = {row[0]: row for row in rows[1 : len(result.markets) + 1]}
    for market in result.markets:
        schedule = plan.markets[market.code]
        row = by_name[names[market.code]]
        assert row[2].date() == schedule.earliest_entry  # type: ignore[union-attr]
        assert row[3] == schedule.late_days
        assert row[10] == schedule.budget.currency
    total = rows[len(result.markets) + 1]
    assert total[4:11] == (
        plan.budget.effort.low,
        plan.budget.effort.high,
        plan.budget.one_off.low,
        plan.budget.one_off.high,
        plan.budget.yearly.low,
        plan.budget.yearly.high,
        plan.budget.currency,
    )
    separator = "、" if language == "zh" else ", "
    sequence = separator.join(names[c] for c in plan.entry_sequence)
    assert any(row[1] == sequence for row in rows)


@pytest.mark.parametrize(
    ("language", "sheet", "where", "close"),
    [
        ("en", "Comparison", "Where to go first", "Too close to call"),
        ("zh", "市场对比", "优先进入哪个市场", "难分高下"),
    ],
)
def test_the_comparison_sheet_gives_the_verdict_and_confidence(
    result: AssessmentResult,
    bundled_catalog: Catalog,
    tmp_path: Path,
    language: str,
    sheet: str,
    where: str,
    close: str,
) -> None:
    out = tmp_path / "verdict.xlsx"
    write_workbook(result, bundled_catalog, out, language=language)
    rows = [row for row in openpyxl.load_workbook(out)[sheet].iter_rows(values_only=True) if row]
    labels = [row[0] for row in rows]
    # The sample is not decided: Laos leads Morocco by a few points with many open questions.
    assert result.verdict is not None and not result.verdict.decisive
    headline = rows[labels.index(where)][1]
    assert isinstance(headline, str) and headline.startswith(
        result.market_names(bundled_catalog, language)["LA"]
    )
    decision = rows[labels.index(where) + 1][1]
    assert isinstance(decision, str) and decision.startswith(close)
    assert (
        len(
            [
                label
                for label in labels
                if label in ("To decide, answer or fix", "需回答或解决以作判断")
            ]
        )
        == 5
    )


def test_the_answers_sheet_follows_the_questionnaires_order(
    result: AssessmentResult, bundled_catalog: Catalog, tmp_path: Path
) -> None:
    out = tmp_path / "answers.xlsx"
    write_workbook(result, bundled_catalog, out, language="en")
    rows = list(openpyxl.load_workbook(out)["Answers"].iter_rows(values_only=True))[1:]
    order = {item.id: n for n, item in enumerate(bundled_catalog.questions_in_order)}
    ranks = [order[row[1]] for row in rows]
    assert ranks == sorted(ranks) and len(rows) == len(result.answers)
    first = bundled_catalog.questions_in_order[0].dimension
    assert rows[0][0] == bundled_catalog.dimensions[first].name.en
