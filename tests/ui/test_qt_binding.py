"""The Qt binding does not leak or drop references in the calls the app makes all day."""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    """A binding that forgets to take a reference to None aborts a long session."""
    button = QPushButton("x")
    label = QLabel()
    qtbot.addWidget(button)
    qtbot.addWidget(label)
    button.setCheckable(True)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        button.setChecked(False)
        label.setText("x")
        label.setStyleSheet("")
    gc.collect()
    assert sys.getrefcount(None) - before > -100
