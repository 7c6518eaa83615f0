"""The report preview fits the screen, so its Print and Close buttons are always in reach."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from ui.dialogs.pdf_preview import WANTED, PdfPreview, fitted_geometry


def test_on_a_900_pixel_screen_the_window_and_its_frame_stay_on_it() -> None:
    # A 1440 x 900 laptop whose task bar takes 40 pixels: 860 are left.
    available = QRect(0, 0, 1440, 860)
    frame = QSize(16, 48)
    geometry = fitted_geometry(WANTED, available, frame)
    assert geometry.height() + frame.height() <= 860
    assert geometry.top() >= 0 and geometry.width() == WANTED.width()


def test_on_a_large_screen_the_page_gets_its_full_size() -> None:
    geometry = fitted_geometry(WANTED, QRect(0, 0, 2560, 1400), QSize(16, 48))
    assert geometry.size() == WANTED


def test_a_screen_with_a_task_bar_on_top_is_respected() -> None:
    geometry = fitted_geometry(WANTED, QRect(0, 30, 1280, 770), QSize(0, 0))
    assert geometry.top() >= 30 and geometry.bottom() < 800


def test_the_shown_preview_and_its_buttons_are_inside_the_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    preview = PdfPreview(tmp_path / "report.pdf")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    available = preview.screen().availableGeometry()
    assert available.contains(preview.frameGeometry())
    close = preview.buttons.button(preview.buttons.StandardButton.Close)
    for button in (preview.print_button, close):
        assert isinstance(button, QPushButton) and button.isVisible()
        where = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
        assert available.contains(where)
