"""Qt's own dialogs (the file dialog's labels, its file types, standard buttons) speak
the chosen language, in the source tree and in the bundle, and a missing catalogue
leaves them in English rather than stopping the app."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

import ui.app
from ui.app import TRANSLATIONS, Localizer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def localizer(qapp: QApplication) -> Iterator[Localizer]:
    chosen = Localizer(qapp)
    yield chosen
    chosen.apply("en")  # the next test starts in English


def _file_dialog(qtbot: QtBot) -> QFileDialog:
    dialog = QFileDialog(None, "", str(ROOT), "JSON (*.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _labels(dialog: QFileDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel) if label.text()]


def test_the_file_dialog_speaks_chinese_when_chinese_is_chosen(
    localizer: Localizer, qtbot: QtBot
) -> None:
    localizer.apply("zh")
    assert localizer.missing == []
    dialog = _file_dialog(qtbot)
    labels = _labels(dialog)
    assert "查找范围(&L)：" in labels  # "Look in"
    assert "文件类型(&T)：" in labels  # "Files of type"
    assert "文件名称(&N)：" in labels
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    words = [button.text() for button in buttons.buttons()]
    assert "取消" in words and not any(re.search("[A-Za-z]{2}", w) for w in words)
    # Every label that names something is Chinese (no English word left).
    assert not [text for text in labels if re.fullmatch(r"[A-Za-z &:]+", text)]


def test_english_stays_english(localizer: Localizer, qtbot: QtBot) -> None:
    localizer.apply("en")
    labels = _labels(_file_dialog(qtbot))
    assert "&Look in:" in labels and "Files of &type:" in labels


def test_a_missing_qt_catalogue_leaves_english_words_and_says_which(
    localizer: Localizer, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(ui.app, "qt_translation_folders", lambda: (tmp_path,))
    localizer.apply("zh")
    assert localizer.missing == ["qtbase_zh_CN"]
    labels = _labels(_file_dialog(qtbot))
    assert "文件名称(&N)：" not in labels  # Qt's catalogue is what translates it
    assert "查找范围(&L)：" in labels  # the supplement still loads


def test_the_bundle_carries_qts_catalogue_and_the_supplement() -> None:
    spec = (ROOT / "packaging" / "readiness.spec").read_text(encoding="utf-8")
    assert '"qtbase_zh_CN.qm"), "ui/translations"' in spec
    assert '"qt_supplement_zh_CN.qm"), "ui/translations"' in spec
    # The bundle's copy is found where the app looks after Qt's own folder.
    assert TRANSLATIONS in ui.app.qt_translation_folders()
    assert (TRANSLATIONS / "qt_supplement_zh_CN.qm").is_file()


def test_the_compiled_supplement_matches_its_source(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    source = TRANSLATIONS / "qt_supplement_zh_CN.ts"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(source), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == source.with_suffix(".qm").read_bytes(), "run `make translations`"


def test_qts_own_formats_follow_the_chosen_language_and_come_back(localizer: Localizer) -> None:
    before = QLocale().name()
    localizer.apply("zh")
    # Qt words file types (the file dialog's "Type" column) and sizes in this locale.
    assert QLocale().name() == "zh_CN" and QLocale().formattedDataSize(0) == "0 字节"
    localizer.apply("en")
    assert QLocale().name() == before
