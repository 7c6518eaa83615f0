"""The table models behave as Qt expects and show the engine's numbers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester

from ui.models.cells import SORT_ROLE
from ui.models.comparison import OVERALL, ComparisonModel
from ui.models.markets import MarketsModel
from ui.models.plan import ACTION_ROLE, PlanFilter, PlanModel
from ui.workspace import Workspace


def test_comparison_model_is_a_sound_model(sample: Workspace, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(ComparisonModel(sample))


def test_comparison_cells_are_the_engines_scores(sample: Workspace) -> None:
    model = ComparisonModel(sample)
    assert sample.result is not None
    for row in range(model.rowCount()):
        market = sample.result.score.markets[model.market_at(row)]
        for column in range(model.summary_column(OVERALL)):
            dimension = model.dimension_at(column)
            assert dimension is not None
            expected = market.dimensions[dimension].score
            value = model.data(model.index(row, column), SORT_ROLE)
            assert value == (-1.0 if expected is None else expected)
        overall = model.data(model.index(row, model.summary_column(OVERALL)))
        assert overall == f"{market.overall:.0f}"


def test_plan_model_is_a_sound_model(sample: Workspace, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(PlanModel(sample))


def test_plan_filter_is_a_sound_model(sample: Workspace, qtmodeltester: ModelTester) -> None:
    proxy = PlanFilter()
    proxy.setSourceModel(PlanModel(sample))
    proxy.set_filters("LA", status="open")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() > 0
    for row in range(proxy.rowCount()):
        action = proxy.data(proxy.index(row, 0), ACTION_ROLE)
        assert "LA" in action.markets and action.status.value == "open"


def test_editing_the_owner_and_status_is_stored(sample: Workspace) -> None:
    model = PlanModel(sample)
    index = model.index(0, PlanModel.OWNER)
    key = model.data(index, Qt.ItemDataRole.UserRole + 2)
    assert model.setData(index, "Ms Zhou")
    assert model.setData(model.index(0, PlanModel.STATUS), "done")
    sample.finish_saves()
    assert sample.assessment_id is not None
    stored = {
        (a.item_id, a.market_code or None): a for a in sample.store.actions(sample.assessment_id)
    }
    assert stored[key].owner == "Ms Zhou"
    assert stored[key].status == "done"
    # A finished action moves to the end of the plan: find its row again by its key.
    [row] = [
        r
        for r in range(model.rowCount())
        if model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 2) == key
    ]
    tip = model.data(model.index(row, PlanModel.OWNER), Qt.ItemDataRole.ToolTipRole)
    assert f"Changed by {sample.user} · " in tip
    # The owner is the user's own figure, shown in italics.
    assert model.data(model.index(row, PlanModel.OWNER), Qt.ItemDataRole.FontRole).italic()


def test_editing_the_due_date_is_stored(sample: Workspace) -> None:
    model = PlanModel(sample)
    row = next(r for r in range(model.rowCount()) if model.flags(model.index(r, PlanModel.DUE)))
    key = model.data(model.index(row, PlanModel.DUE), Qt.ItemDataRole.UserRole + 2)
    assert model.setData(model.index(row, PlanModel.DUE), QDate(2027, 3, 1))
    sample.finish_saves()
    assert sample.result is not None
    assert sample.result.actions[key].due_date == dt.date(2027, 3, 1)


def test_markets_model(sample: Workspace, qtmodeltester: ModelTester) -> None:
    model = MarketsModel(sample)
    qtmodeltester.check(model)
    assert [model.data(model.index(r, MarketsModel.CODE)) for r in range(3)] == ["IT", "MA", "LA"]
    assert model.setData(model.index(0, MarketsModel.ENTRY), QDate(2028, 1, 15))
    sample.finish_saves()
    assert model.data(model.index(0, MarketsModel.ENTRY)) == "2028-01-15"


def test_an_entry_date_outside_pythons_years_is_refused(sample: Workspace) -> None:
    # A valid QDate before year 1 has no Python date: refused, not a crash.
    model = MarketsModel(sample)
    assert model.setData(model.index(0, MarketsModel.ENTRY), QDate(2028, 1, 15))
    assert not model.setData(model.index(0, MarketsModel.ENTRY), QDate(-5, 1, 1))
    sample.finish_saves()
    assert model.data(model.index(0, MarketsModel.ENTRY)) == "2028-01-15"
    assert model.setData(model.index(0, MarketsModel.ENTRY), QDate())
    sample.finish_saves()
    assert model.data(model.index(0, MarketsModel.ENTRY)) == "not set"
