"""A score of 12.5 reads 13 on the dashboard, as on the command line and in the report."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from readiness.domain.results import AssessmentResult
from ui.models.comparison import OVERALL
from ui.pages.dashboard import DashboardPage
from ui.workspace import Workspace


def with_overall(result: AssessmentResult, code: str, overall: float) -> AssessmentResult:
    """The same result, with one market's overall score set to ``overall``."""
    market = dataclasses.replace(result.score.markets[code], overall=overall)
    markets = {**result.score.markets, code: market}
    comparison = dataclasses.replace(
        result.score.comparison,
        markets=tuple(market if m.code == code else m for m in result.score.comparison.markets),
    )
    score = dataclasses.replace(result.score, markets=markets, comparison=comparison)
    return dataclasses.replace(result, score=score)


def test_the_dashboard_shows_a_half_point_rounded_up(sample: Workspace, qtbot: QtBot) -> None:
    assert sample.result is not None
    code = next(iter(sample.result.score.markets))
    sample.result = with_overall(sample.result, code, 12.5)
    page = DashboardPage(sample)
    qtbot.addWidget(page)
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.market_at(r) == code)
    assert model.data(model.index(row, model.summary_column(OVERALL))) == "13"
    name = sample.market_name(code)
    card = next(
        c for c in page.cards_host.findChildren(type(page.best), "marketName") if name in c.text()
    ).parentWidget()
    score = card.findChild(type(page.best), "marketScore")
    assert score.text().lstrip("≈") == "13"
