"""The plan's table view: says when a cell editor opens and closes, so the model holds its
rows while the user types; keeps its column titles whole when a column is narrowed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyle,
    QTableView,
    QWidget,
)


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

    def keep_headers_whole(self) -> None:
        """From now on, a column narrowed by hand keeps its title whole."""
        self.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: self._keep_header_whole(column)
        )

    def _keep_header_whole(self, column: int) -> None:
        """The column stays as wide as its title's longest word, and the header grows to
        the lines its wrapped titles need."""
        header = self.horizontalHeader()
        model = self.model()
        metrics = header.fontMetrics()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)

        def title(section: int) -> str:
            return str(model.headerData(section, Qt.Orientation.Horizontal))

        # Chinese wraps between any two characters, English only between words.
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        widest = max(
            (
                metrics.boundingRect(QRect(0, 0, 10_000, 100), flags, w).width()
                for w in title(column).split()
            ),
            default=0,
        )
        if header.sectionSize(column) < widest + 2 * margin:
            header.resizeSection(column, widest + 2 * margin)
            return  # resized again: called back for the new width
        tallest = max(
            (
                metrics.boundingRect(
                    QRect(0, 0, max(header.sectionSize(section) - 2 * margin, 1), 10_000),
                    flags,
                    title(section),
                ).height()
                for section in range(header.count())
            ),
            default=0,
        )
        header.setMinimumHeight(max(44, tallest + 2 * margin))
