"""Editors for table cells: a calendar for dates, a list for action statuses."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from readiness.domain.dates import EARLIEST_DATE, LATEST_DATE
from readiness.domain.statuses import ActionStatus

Index = QModelIndex | QPersistentModelIndex


class DateDelegate(QStyledItemDelegate):
    """A calendar popup for a date cell; an empty cell starts a year from today."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        # The calendar offers only dates the store accepts.
        editor.setDateRange(
            QDate(EARLIEST_DATE.year, EARLIEST_DATE.month, EARLIEST_DATE.day),
            QDate(LATEST_DATE.year, LATEST_DATE.month, LATEST_DATE.day),
        )
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        assert isinstance(editor, QDateEdit)
        valid = isinstance(value, QDate) and value.isValid()
        editor.setDate(value if valid else QDate.currentDate().addYears(1))

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        index.model().setData(index, editor.date(), Qt.ItemDataRole.EditRole)


class StatusDelegate(QStyledItemDelegate):
    """A list of action statuses, shown with the words ``label`` gives them."""

    def __init__(self, label: object, parent: QWidget) -> None:
        super().__init__(parent)
        self._label = label

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for status in ActionStatus:
            combo.addItem(self._label(status.value), status.value)  # type: ignore[operator]
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        index.model().setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
