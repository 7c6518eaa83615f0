"""What the app's table models share: the index type, the extra roles, Qt dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


def qdate(day: dt.date) -> QDate:
    """A Python date as a Qt date (for date editors)."""
    return QDate(day.year, day.month, day.day)
