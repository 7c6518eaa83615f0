"""Colours that stay readable in light and dark system themes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication


def is_dark() -> bool:
    """Whether the current palette has a dark window background."""
    return QGuiApplication.palette().window().color().lightness() < 128


def alert_colour() -> QColor:
    """The red used for blockers and critical questions, legible on the background."""
    return QColor("#ff7b72") if is_dark() else QColor("#b3261e")
