"""The action plan page: filters, the detail of the selected action, the Gantt view, the
notice of what is overdue, the calendar export, and the dashboard's entry dates and budget."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import icalendar
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from readiness.content.model import LocalizedText
from readiness.domain.plan import ActionPlan
from tests.plan_cases import with_figures
from ui.models.plan import ACTION_ROLE, PlanModel
from ui.pages.action_plan import ActionPlanPage
from ui.pages.dashboard import DashboardPage
from ui.widgets.gantt import ROW_HEIGHT
from ui.workspace import Workspace


def _figures(workspace: Workspace) -> None:
    """Give the open result the figures of tests.plan_cases, as if the content had them."""
    assert workspace.result is not None
    workspace.result = with_figures(workspace.result)
    workspace.result_changed.emit()


def _shown(page: ActionPlanPage) -> list[tuple[str, str | None]]:
    return [a.key for a in page.proxy.actions()]


def test_the_filters_narrow_the_plan_by_market_owner_status_and_overdue(
    sample: Workspace, qtbot: QtBot
) -> None:
    page = ActionPlanPage(sample)
    qtbot.addWidget(page)
    _figures(sample)
    assert sample.result is not None
    actions = sample.result.plan.actions
    everything = page.proxy.rowCount()
    assert everything == len(actions)

    page.market.setCurrentIndex(page.market.findData("MA"))
    assert 0 < page.proxy.rowCount() < everything
    assert all("MA" in a.markets for a in page.proxy.actions())
    page.market.setCurrentIndex(0)

    page.owner.setCurrentIndex(page.owner.findData("Ms Zhou"))
    assert _shown(page) == [actions[1].key]
    page.owner.setCurrentIndex(0)

    page.status.setCurrentIndex(page.status.findData("done"))
    assert _shown(page) == [actions[3].key]
    page.status.setCurrentIndex(0)

    page.overdue.setChecked(True)
    assert _shown(page) == [actions[4].key]
    assert page.count.text() == "1 actions"
    page.overdue.setChecked(False)
    assert page.proxy.rowCount() == everything


def test_rows_show_overdue_due_soon_your_figures_and_why_ranked_down(
    sample: Workspace, qtbot: QtBot
) -> None:
    page = ActionPlanPage(sample)
    qtbot.addWidget(page)
    _figures(sample)
    model = page.model
    assert sample.result is not None
    actions = sample.result.plan.actions

    def row(number: int) -> int:
        found = model.row_of(actions[number].key)
        assert found is not None
        return found

    costed = row(0)
    assert (
        model.data(model.index(costed, PlanModel.COST))
        == "EUR 20,000\u201350,000 one-off (estimate)"
    )
    assert model.data(model.index(costed, PlanModel.EFFORT)) == "2\u20134"
    assert model.data(model.index(costed, PlanModel.SLACK)) == "Critical"
    assert "estimate" in model.data(
        model.index(costed, PlanModel.COST), Qt.ItemDataRole.ToolTipRole
    )

    merged = row(1)
    markets = model.data(model.index(merged, PlanModel.MARKETS))
    assert markets == "Italy, Morocco, Laos"
    cost = model.index(merged, PlanModel.COST)
    assert model.data(cost) == "CNY 3,000 yearly (sourced)"
    assert "Source: Directive (EU) 2025/794" in model.data(cost, Qt.ItemDataRole.ToolTipRole)
    assert model.data(cost, Qt.ItemDataRole.FontRole).italic()
    assert "Your figure" in model.data(cost, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(merged, PlanModel.DUE), Qt.ItemDataRole.FontRole) is None

    reason = model.data(model.index(row(2), PlanModel.ACTION), Qt.ItemDataRole.ToolTipRole)
    assert "Ranked down: Not a first step for a company of this size" in reason

    overdue = model.data(model.index(row(4), PlanModel.DUE), Qt.ItemDataRole.BackgroundRole)
    soon = model.data(model.index(row(5), PlanModel.DUE), Qt.ItemDataRole.BackgroundRole)
    plain = model.data(model.index(row(0), PlanModel.DUE), Qt.ItemDataRole.BackgroundRole)
    assert overdue is not None and soon is not None and plain is None
    assert overdue.color() != soon.color()


def test_selecting_an_action_shows_its_detail_and_links_to_what_it_needs(
    sample: Workspace, qtbot: QtBot
) -> None:
    page = ActionPlanPage(sample)
    qtbot.addWidget(page)
    assert sample.result is not None
    result = with_figures(sample.result)
    # The first action waits for the second: the detail links them both ways.
    actions = list(result.plan.actions)
    first, second = actions[0], actions[1]
    actions[0] = dataclasses.replace(first, requires=(second.key,))
    actions[1] = dataclasses.replace(second, unblocks=(first.key,))
    sample.result = dataclasses.replace(
        result, plan=dataclasses.replace(result.plan, actions=tuple(actions))
    )
    sample.result_changed.emit()

    page.table.selectRow(page.proxy.mapFromSource(page.model.index(0, 0)).row())
    text = page.detail.browser.toPlainText()
    item = first.item
    assert item.action.en in text
    assert item.text.en in text  # why: the question
    assert item.guidance.en in text
    for citation in item.sources:
        assert sample.catalog.citation_text(citation, "en") in text
    assert "Needs first" in text and second.item_id in text
    assert "EUR 20,000\u201350,000 one-off (estimate)" in text
    assert page.gantt.selected == first.key

    # Clicking the prerequisite selects it.
    page.detail.select_requested.emit(second.key)
    assert page.detail.action is not None and page.detail.action.key == second.key
    selected = page.table.currentIndex()
    assert page.proxy.data(selected, ACTION_ROLE).key == second.key
    assert "Italy, Morocco, Laos" in page.detail.browser.toPlainText()
    assert "your figure" in page.detail.browser.toPlainText()

    with qtbot.waitSignal(page.edit_requested) as asked:
        page.detail.edit.click()
    assert asked.args == [second.key]


def test_selecting_an_action_a_filter_hides_shows_every_action_again(
    sample: Workspace, qtbot: QtBot
) -> None:
    page = ActionPlanPage(sample)
    qtbot.addWidget(page)
    assert sample.result is not None
    elsewhere = next(a for a in sample.result.plan.actions if "IT" not in a.markets)
    page.market.setCurrentIndex(page.market.findData("IT"))
    page.select_action(elsewhere.key)
    assert page.market.currentData() is None
    assert page.detail.action is not None and page.detail.action.key == elsewhere.key


def test_opening_an_assessment_with_overdue_actions_says_so_once(
    sample: Workspace, qtbot: QtBot
) -> None:
    page = ActionPlanPage(sample)
    qtbot.addWidget(page)
    assert sample.result is not None and sample.assessment_id is not None
    with qtbot.assertNotEmitted(page.attention):
        _figures(sample)  # a change to the open assessment is not an opening
    assert page.banner.isHidden()
    assert sample.result is not None
    with qtbot.waitSignal(page.attention) as said:
        sample.assessment_opened.emit(sample.assessment_id)
    assert not page.banner.isHidden()
    today = sample.result.today
    soon = sum(1 for a in sample.result.plan.actions if a.due_soon(today))
    assert soon >= 1
    assert said.args == [f"1 actions are overdue and {soon} are due within 14 days."]
    assert page.banner_text.text() == said.args[0]
    page.banner_show.click()
    assert page.overdue.isChecked() and page.proxy.rowCount() == 1
    # Said once: later changes to the result do not repeat it.
    with qtbot.assertNotEmitted(page.attention):
        sample.result_changed.emit()


def test_the_gantt_view_paints_hundreds_of_actions_with_long_chinese_names(
    sample: Workspace, qtbot: QtBot
) -> None:
    page = ActionPlanPage(sample)
    qtbot.addWidget(page)
    assert sample.result is not None
    result = with_figures(sample.result)
    long_name = LocalizedText.model_construct(
        en="A very long action " * 8,
        zh="在目标市场申请整车型式认证并委托当地技术服务机构完成全部试验项目" * 3,
    )
    many = [
        dataclasses.replace(
            action,
            key=(action.item_id, f"X{copy}{action.key[1] or ''}"),
            item=action.item.model_copy(update={"action": long_name}),
        )
        for copy in range(3)
        for action in result.plan.actions
    ]
    assert len(many) > 300
    sample.result = dataclasses.replace(
        result, plan=ActionPlan(actions=tuple(many), markets=result.plan.markets)
    )
    sample.language = "zh"
    sample.result_changed.emit()
    page.resize(1100, 700)
    page.show()
    page.views.setCurrentWidget(page.gantt)
    qtbot.waitExposed(page)
    gantt = page.gantt
    assert len(gantt.planned) == len(many)
    assert gantt.rows.minimumHeight() == len(many) * ROW_HEIGHT
    image = gantt.grab().toImage()
    assert image.width() > 500 and image.height() > 300
    # The bars are painted: the critical path's colour appears in the first row.
    first_row = {
        image.pixelColor(x, gantt.axis.height() + ROW_HEIGHT // 2).name()
        for x in range(image.width())
    }
    assert len(first_row) > 3
    # Scrolled to the last action, it is in view and selected.
    page.select_action(many[-1].key)
    bar = gantt.area.verticalScrollBar()
    assert bar.value() == bar.maximum()
    assert gantt.selected == many[-1].key
    assert "Laos" in gantt.legend.text() or "老挝" in gantt.legend.text()


def test_the_due_dates_export_as_a_calendar_off_the_ui_thread(
    sample: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    page = ActionPlanPage(sample)
    qtbot.addWidget(page)
    _figures(sample)
    assert sample.result is not None
    out = tmp_path / "due.ics"
    with qtbot.waitSignal(page.calendar_written, timeout=10_000):
        page.export_calendar_to(out)
    events = list(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    open_actions = [
        a for a in sample.result.plan.actions if a.status.value not in ("done", "dropped")
    ]
    assert len(events) == len(open_actions)
    merged = sample.result.plan.actions[1]
    [event] = [
        e for e in events if str(e["uid"]).endswith(f"-{merged.item_id}-eu@market-entry-readiness")
    ]
    assert event.decoded("dtstart") == merged.due
    assert "Owner: Ms Zhou" in str(event["description"])
    assert page.calendar.isEnabled()


def test_the_dashboard_shows_entry_dates_the_order_of_entry_and_the_budget(
    sample: Workspace, qtbot: QtBot
) -> None:
    page = DashboardPage(sample)
    qtbot.addWidget(page)
    assert sample.result is not None
    plan = sample.result.plan
    entries = [label.text() for label in page.findChildren(type(page.best), "marketEntry")]
    assert len(entries) == len(sample.result.markets)
    italy = plan.markets["IT"]
    assert any(
        f"Earliest realistic: {italy.earliest_entry.isoformat()}" in text for text in entries
    )
    if italy.late_days:
        assert any(f"{italy.late_days} days late" in text for text in entries)
    summary = page.plan_summary.text()
    order = " → ".join(sample.market_name(c) for c in plan.entry_sequence)
    assert f"Suggested order of entry: {order}" in summary
    assert "Budget of the plan" in summary


def test_the_dashboard_names_costs_left_out_for_want_of_a_rate(
    sample: Workspace, qtbot: QtBot
) -> None:
    from readiness.domain.budget import Budget, Range

    page = DashboardPage(sample)
    qtbot.addWidget(page)
    assert sample.result is not None
    result = with_figures(sample.result)
    budget = Budget(
        "CNY",
        Range(3, 5),
        Range(3000, 3000),
        Range(0, 0),
        (result.plan.actions[0].item_id,),
        ("EUR",),
    )
    sample.result = dataclasses.replace(
        result, plan=dataclasses.replace(result.plan, budget=budget)
    )
    sample.result_changed.emit()
    summary = page.plan_summary.text()
    assert "One-off CNY 3,000 · yearly CNY 0 · effort 3\u20135 person-weeks" in summary
    assert "no exchange rate entered for EUR: the costs of 1 actions" in summary
    assert dt.date.today()  # the dashboard reads no clock of its own


def test_the_selected_action_stays_selected_when_the_plan_is_computed_again(
    sample: Workspace, qtbot: QtBot
) -> None:
    page = ActionPlanPage(sample)
    qtbot.addWidget(page)
    assert sample.result is not None
    chosen = sample.result.plan.actions[7]
    page.select_action(chosen.key)
    owner = page.proxy.index(page.table.currentIndex().row(), PlanModel.OWNER)
    assert page.proxy.setData(owner, "Mr Gao")
    sample.finish_saves()
    assert page.detail.action is not None and page.detail.action.key == chosen.key
    assert page.detail.action.owner == "Mr Gao"
    assert "Mr Gao" in page.detail.browser.toPlainText()
