"""The plan's table view: says when a cell editor opens and closes, so the model holds its
rows while the user types."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableView, QWidget


class PlanTable(QTableView):
    """The plan's table; says when a cell editor opens and closes."""

    editing_changed = Signal(bool)

    def edit(  # type: ignore[override]
        self,
        index: QModelIndex | QPersistentModelIndex,
        trigger: QAbstractItemView.EditTrigger | None = None,
        event: QEvent | None = None,
    ) -> bool:
        if trigger is None:
            # The public slot edit(index): Qt calls back here with a trigger.
            super().edit(index)
            return self.state() == QAbstractItemView.State.EditingState
        # Qt calls back with no event for triggers such as a key or a program call.
        opened = super().edit(index, trigger, event)  # type: ignore[arg-type]
        # Held only once an editor really exists: a click on a selected cell
        # returns True before one opens (and may never open one).
        if opened and self.state() == QAbstractItemView.State.EditingState:
            self.editing_changed.emit(True)
        return opened

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        self.editing_changed.emit(False)
