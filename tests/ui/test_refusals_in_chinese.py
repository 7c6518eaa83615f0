"""A database's refusal reads in the chosen language: a team server's, whose own words
(which may quote SQL) stay out of the sentence, in the message box's details and the
log, and a file's that cannot be opened as asked."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import ProgrammingError

from readiness import APP_NAME_ZH
from readiness.content.catalog import Catalog
from readiness.domain.answers import AnswerValue
from readiness.storage.engine import database_error
from readiness.storage.opening import open_store
from readiness.storage.store import Store
from ui.app import Localizer, open_store_interactively
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


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[Localizer]:
    localizer = Localizer(qapp)
    localizer.apply("zh")
    yield localizer
    localizer.apply("en")


def _english_words(text: str, *, besides: str) -> list[str]:
    return re.findall(r"[A-Za-z]{3,}", text.replace(besides, ""))


def test_a_database_open_elsewhere_is_explained_in_chinese(
    chinese: Localizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "busy.sqlite3"
    holder = open_store(str(path))
    asked: list[str] = []

    def no(*args: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    try:
        assert open_store_interactively(str(path)) is None
    finally:
        holder.close()
    assert len(asked) == 1 and str(path) in asked[0] and "只读" in asked[0]
    assert _english_words(asked[0], besides=str(path)) == []
    assert "already open" in details_of(asked[0].split("\n\n")[0])  # the store's own words


def test_a_file_that_is_not_ours_is_refused_in_chinese(
    chinese: Localizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("not a database", encoding="utf-8")
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: messages.append(args[2]))
    assert open_store_interactively(str(path)) is None
    assert APP_NAME_ZH in messages[0] and _english_words(messages[0], besides=str(path)) == []
