"""Colours that stay readable in light and dark system themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QPushButton


def is_dark() -> bool:
    """Whether the current palette has a dark window background."""
    return QGuiApplication.palette().window().color().lightness() < 128


def alert_colour() -> QColor:
    """The red used for blockers and critical questions, legible on the background."""
    return QColor("#ff7b72") if is_dark() else QColor("#b3261e")


# The chosen answer must stand out in light and dark themes alike; the row the
# keyboard answers is framed.
ANSWER_STYLE = (
    'QFrame#answerRow[current="true"] { border: 2px solid palette(highlight);'
    " border-radius: 4px; }"
    "QPushButton#answerChoice { padding: 4px 8px; }"
    "QPushButton#answerChoice:checked { background: palette(highlight);"
    " color: palette(highlighted-text); font-weight: bold; border: 1px solid palette(dark); }"
)
_BUTTON_WIDTH = 60  # an answer button's narrowest width: an easy target for a digit
_BUTTON_PADDING = 24  # the style sheet's padding and the frame around the words


def keep_words_whole(button: QPushButton) -> None:
    """Hold an answer button at least as wide as its words in bold (the chosen one is
    bold): a style sheet's min-width would let a layout squeeze it below them."""
    bold = QFont(button.font())
    bold.setBold(True)
    drawn = QFontMetrics(bold).horizontalAdvance(button.text())
    button.setMinimumWidth(max(_BUTTON_WIDTH, drawn + _BUTTON_PADDING))
