"""A whole journey through the real widgets, as a new user would make it.

New assessment -> three markets -> every question answered by keyboard -> the
dashboard equals ``readiness score`` -> an action edited -> a report exported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from readiness.cli import main as cli
from ui.dialogs.report import ReportDialog
from ui.main_window import MainWindow
from ui.models.comparison import OVERALL
from ui.models.plan import PlanModel
from ui.pages.company import NewAssessmentDialog
from ui.workspace import Workspace


def _fill_new_assessment(dialog: NewAssessmentDialog) -> int:
    dialog.company.setText("Xiangyang Axle Co., Ltd.")
    dialog.industry.setText("Axles for light trucks")
    for code in ("IT", "MA", "LA"):
        dialog.picker.check(code)
    dialog._accept()
    return int(QDialog.DialogCode.Accepted)


def test_new_user_journey(
    workspace: Workspace,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()

    # 1. A new assessment with three markets, through the real dialog.
    monkeypatch.setattr(NewAssessmentDialog, "exec", _fill_new_assessment)
    window.welcome.new_button.click()
    assert window.tabs.currentWidget() is window.questionnaire
    assert workspace.result is not None
    assert {m.code for m in workspace.result.markets} == {"IT", "MA", "LA"}

    # 2. Every question answered by keyboard: the digits cycle 4, 3, 2, 3, 4...
    page = window.questionnaire
    page.setFocus()
    keys = [Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_3]
    presses = rounds = 0
    while True:
        rounds += 1
        assert rounds < 3000, "the questionnaire does not reach every question"
        result = workspace.result
        open_rows = [
            (item.id, market)
            for item in workspace.catalog.all_items.values()
            for market in result.answer_rows(workspace.catalog, item)
            if (item.id, market) not in result.answers
        ]
        if not open_rows:
            break
        item = page.current_item()
        assert item is not None
        rows = [m for m, _ in page.card.rows]
        if all((item.id, m) in result.answers for m in rows):
            page.show_question(open_rows[0][0])  # skip logic revealed an earlier follow-up
            continue
        qtbot.keyClick(page, keys[presses % len(keys)])
        assert workspace.finish_saves()  # as a user sees each answer saved
        presses += 1
        assert presses < 2000, "the questionnaire does not advance"
    for market in workspace.result.score.markets.values():
        assert market.completeness == 1.0

    # 3. The dashboard shows what `readiness score` prints for the same database.
    window.tabs.setCurrentWidget(window.dashboard)
    assert (
        cli(
            [
                "score",
                "--db",
                workspace.store.location,
                "--assessment",
                str(workspace.assessment_id),
                "--json",
            ]
        )
        == 0
    )
    printed = json.loads(capsys.readouterr().out)["markets"]
    model = window.dashboard.model
    for row in range(model.rowCount()):
        code = model.market_at(row)
        for column in range(model.summary_column(OVERALL)):
            dimension = model.dimension_at(column)
            expected = printed[code]["dimensions"][dimension]
            shown = model.data(model.index(row, column))
            assert shown == ("-" if expected is None else f"{expected:.0f}")
        assert model.data(model.index(row, model.summary_column(OVERALL))) == (
            f"{printed[code]['overall']:.0f}"
        )

    # 4. Edit an action in the plan.
    window.tabs.setCurrentWidget(window.plan)
    proxy = window.plan.proxy
    assert proxy.rowCount() > 0
    owner = proxy.index(0, PlanModel.OWNER)
    key = proxy.data(owner, Qt.ItemDataRole.UserRole + 2)
    assert proxy.setData(owner, "Ms Li (quality)")
    workspace.finish_saves()
    assert workspace.result.actions[key].owner == "Ms Li (quality)"

    # 5. Export the report in Chinese, rendered off the UI thread.
    dialog = ReportDialog(workspace, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "_offer", lambda path: None)
    out = tmp_path / "journey.pdf"
    dialog.path.setText(str(out))
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    with qtbot.waitSignal(dialog.finished_pdf, timeout=180_000) as blocker:
        dialog.start()
        assert dialog.is_running()
    assert blocker.args == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")


def test_cancelling_a_report_writes_nothing(
    sample: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ReportDialog(sample)
    qtbot.addWidget(dialog)
    out = tmp_path / "cancelled.pdf"
    dialog.path.setText(str(out))
    dialog.start()
    assert dialog.is_running()
    dialog._cancel()
    assert not dialog.is_running()
    assert "Cancelled" in dialog.status.text()
    assert not out.exists()
    assert not list(tmp_path.glob(".cancelled.pdf.*"))
