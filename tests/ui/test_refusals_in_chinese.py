"""A team server's refusal reads in the chosen language; its own words (which may quote
SQL) stay out of the sentence, in the message box's details and the log."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import ProgrammingError

from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.storage.engine import database_error
from readiness.storage.store import Store
from ui.app import Localizer
from ui.main_window import MainWindow
from ui.store_errors import details_of
from ui.workspace import Workspace

SERVER = "postgresql://li@db.example.com:5432/readiness"
SQL = "LINE 1: INSERT INTO answer (assessment_id, item_id, market_code, value) VALUES"
# What a server says when it refuses an answer: no right to the table, or any other refusal.
SAID = {
    "no-access": f"permission denied for table answer\n{SQL}",
    "refused": f"value too long for type character varying(40)\n{SQL}",
}


def _refusing(kind: str) -> Callable[..., Any]:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        statement = "INSERT INTO answer (assessment_id, item_id) VALUES (%(a)s, %(b)s)"
        raise database_error(ProgrammingError(statement, {}, Exception(SAID[kind])), SERVER)

    return refuse


@pytest.fixture(params=["zh", "en"])
def window(
    request: pytest.FixtureRequest,
    qapp: QApplication,
    store: Store,
    catalog: Catalog,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    language = str(request.param)
    localizer = Localizer(qapp)
    localizer.apply(language)
    opened = MainWindow(Workspace(store, catalog, language))
    qtbot.addWidget(opened)
    opened.open_sample()
    yield opened
    opened.workspace.poll_timer.stop()
    opened.workspace.finish_saves()
    localizer.apply("en")


@pytest.mark.parametrize("kind", ["no-access", "refused"])
def test_a_refused_answer_says_why_in_the_chosen_language_with_the_sql_in_the_details(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr(window.workspace.store, "set_answer", _refusing(kind))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0
    )
    failures: list[str] = []
    workspace = window.workspace
    workspace.failed.connect(failures.append)
    item = workspace.catalog.all_items["CERT-002"]
    workspace.answer(item, "IT", AnswerValue("3"))
    assert workspace.finish_saves()
    assert len(failures) == 1
    message = failures[0]
    assert "LINE 1" not in message and "INSERT" not in message and "permission" not in message
    assert "db.example.com" in message
    if workspace.language == "zh":
        assert "拒绝" in message and "未做任何更改" in message
        assert not any(word in message for word in ("refused", "server", "Nothing"))
    else:
        assert "refused" in message and "Nothing was changed." in message
    assert "LINE 1: INSERT INTO answer" in details_of(message)
    assert shown == [(message, details_of(message))]  # "Show Details" holds the SQL
