"""The guided questionnaire: dimensions on the left, one question card at a time.

Keyboard: 0-4 answer the current row, N marks it not applicable, U or ? "don't
know", Delete clears it; Up/Down change the row; Right, Left, Enter and Page
Up/Down move between questions; Ctrl+F finds a question. Every answer is saved
at once through the workspace, off the UI thread (and can be undone with Ctrl+Z).
An answer moves on to the next row at once, but to the next question only once
the card's last answer is saved: a refused one keeps the question on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from readiness.content.model import Item
from readiness.domain.answers import AnswerValue, fits_scale
from readiness.services.questions import (
    Progress,
    QuestionFilter,
    dimension_progress,
    keeping_current,
    matching_questions,
)
from ui.pages.question_card import QuestionCard
from ui.workspace import Workspace

_NO_ANSWER_KEY = object()  # a key press that is not an answer


class _CardScroll(QScrollArea):
    """Scrolls the card up and down only: never narrower than the card's narrowest
    layout, so no answer button is cut off or needs a sideways scroll."""

    narrowest_changed = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handled = super().eventFilter(watched, event)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            # The card's content changed (a new question, a restyled row): so may its
            # narrowest width, which this pane keeps.
            self.updateGeometry()
            self.narrowest_changed.emit()
        return handled

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        card = self.widget()
        if card is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        width = card.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())


class QuestionnairePage(QWidget):
    """Dimensions with progress, filters, and the question card."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionnaire")
        self._workspace = workspace
        self._items: list[Item] = []  # the questions the filters let through
        self._index = 0
        self._current_row = 0
        # The row whose save, once done, moves the keyboard on to the next question.
        self._advance_after: tuple[str, str | None] | None = None
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a question (Ctrl+F): id or words"))
        self.search.setAccessibleName(self.tr("Find a question"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.search.returnPressed.connect(self._focus_card)
        bar.addWidget(self.search, 1)
        self.unanswered = QCheckBox(self.tr("Unanswered only"))
        self.critical = QCheckBox(self.tr("Critical only"))
        self.mine = QCheckBox(self.tr("My questions"))
        self.review = QCheckBox(self.tr("To review"))
        self.review.setToolTip(self.tr("Answers given before their question changed"))
        self.mine.setToolTip(
            self.tr("Questions assigned to you (%1), alone or with their dimension").replace(
                "%1", workspace.user or "?"
            )
        )
        for box in (self.unanswered, self.critical, self.mine, self.review):
            box.toggled.connect(self._filter_changed)
            bar.addWidget(box)
        outer.addLayout(bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("questionnaireSplitter")
        self.dimensions = QListWidget()
        self.dimensions.setAccessibleName(self.tr("Dimensions"))
        self.dimensions.currentRowChanged.connect(self._dimension_chosen)
        self.splitter.addWidget(self.dimensions)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        self.card = QuestionCard(workspace)
        self.card_scroll = _CardScroll()
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setWidget(self.card)
        self.card_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The card wraps to its pane's width and never scrolls sideways: the pane keeps
        # the card's narrowest width (_CardScroll), the list beside it gives way.
        self.card_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_layout.addWidget(self.card_scroll, 1)
        self.card_scroll.narrowest_changed.connect(self._keep_card_whole)
        nav = QHBoxLayout()
        self.previous = QPushButton(self.tr("◀ Previous"))
        self.next = QPushButton(self.tr("Next ▶"))
        self.previous.clicked.connect(lambda: self.step_question(-1))
        self.next.clicked.connect(lambda: self.step_question(1))
        self.position = QLabel()
        nav.addWidget(self.previous)
        nav.addStretch(1)
        nav.addWidget(self.position)
        nav.addStretch(1)
        nav.addWidget(self.next)
        right_layout.addLayout(nav)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([320, 900])
        outer.addWidget(self.splitter, 1)
        self.empty = QLabel(self.tr("No question matches the filters."))
        self.empty.hide()
        outer.addWidget(self.empty)
        QShortcut(QKeySequence.StandardKey.Find, self, self._find)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        workspace.result_changed.connect(self._result_changed)
        workspace.assessment_opened.connect(self._assessment_opened)
        workspace.answers.written.connect(self._answer_written)
        workspace.answers.not_written.connect(self._answer_not_written)
        self._rebuild(keep_position=False)

    # --- building ---------------------------------------------------------------------

    def _matching(self) -> list[Item]:
        workspace = self._workspace
        if workspace.result is None:
            return []
        wanted = QuestionFilter(
            text=self.search.text(),
            unanswered_only=self.unanswered.isChecked(),
            critical_only=self.critical.isChecked(),
            assigned_to=workspace.user if self.mine.isChecked() else None,
            review_only=self.review.isChecked(),
        )
        return matching_questions(
            workspace.catalog, workspace.result, workspace.assignments, wanted
        )

    def _rebuild(self, *, keep_position: bool = True) -> None:
        current = self._items[self._index].id if keep_position and self._items else None
        self._items = self._matching()
        self._fill_dimensions()
        if current is not None:
            ids = [item.id for item in self._items]
            self._index = (
                ids.index(current)
                if current in ids
                else min(self._index, max(len(self._items) - 1, 0))
            )
        else:
            self._index = 0
        self._show_current()

    def _fill_dimensions(self) -> None:
        workspace = self._workspace
        self.dimensions.blockSignals(True)
        self.dimensions.clear()
        for dimension_id, dimension in workspace.catalog.dimensions.items():
            progress = (
                dimension_progress(workspace.catalog, workspace.result, dimension_id)
                if workspace.result is not None
                else Progress(0, 0)
            )
            label = f"{workspace.name(dimension.name)}   {progress.answered}/{progress.total}"
            if progress.to_review:
                label += "   · " + self.tr("%1 to review").replace("%1", str(progress.to_review))
            assignee = workspace.assignments.by_dimension.get(dimension_id)
            if assignee:
                label += f"   · {assignee}"
            entry = QListWidgetItem(label)
            entry.setData(Qt.ItemDataRole.UserRole, dimension_id)
            entry.setToolTip(workspace.name(dimension.description))
            self.dimensions.addItem(entry)
        self.dimensions.blockSignals(False)

    def _show_current(self) -> None:
        has_items = bool(self._items)
        self.splitter.setVisible(True)
        self.empty.setVisible(not has_items)
        self.card.setVisible(has_items)
        if not has_items:
            self.position.setText("")
            return
        item = self._items[self._index]
        self._advance_after = None  # the user moved: no longer waiting to move on
        position = (
            self.tr("%1 of %2")
            .replace("%1", str(self._index + 1))
            .replace("%2", str(len(self._items)))
        )
        self.card.show_item(item, position)
        self.position.setText(position)
        for row_index, (market, row) in enumerate(self.card.rows):
            row.chosen.connect(
                lambda value, m=market, it=item: self._workspace.answer(it, m, value)
            )
            row.note_edited.connect(
                lambda text, m=market, it=item, r=row: self._workspace.set_note(
                    it, m, text, seen_version=r.note_version
                )
            )
            row.focused.connect(lambda r=row_index: self._set_row(r))
        self._current_row = min(self._first_unanswered_row(), max(len(self.card.rows) - 1, 0))
        self._mark_row()
        self._select_dimension(item.dimension)
        self.previous.setEnabled(self._index > 0)
        self.next.setEnabled(self._index < len(self._items) - 1)

    def _keep_card_whole(self) -> None:
        """After the card changed: its pane's narrowest width follows the card's, and a
        divider dragged (or restored) too far right gives the card its room back."""
        self.card_scroll.updateGeometry()
        needed = self.card_scroll.minimumSizeHint().width()
        left, right = self.splitter.sizes()
        if self.splitter.isVisible() and right < needed and left + right > 0:
            self.splitter.setSizes([max(left + right - needed, 0), needed])

    def _select_dimension(self, dimension: str) -> None:
        keys = [
            self.dimensions.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.dimensions.count())
        ]
        self.dimensions.blockSignals(True)
        self.dimensions.setCurrentRow(keys.index(dimension))
        self.dimensions.blockSignals(False)

    def _first_unanswered_row(self) -> int:
        item = self.card.item
        for index, (market, _) in enumerate(self.card.rows):
            if item is None:
                break
            key = (item.id, market)
            pending = self._workspace.answers.pending(key)
            if (pending.value if pending else self._workspace.saved_answer(key)) is None:
                return index  # neither stored nor on its way
        return 0

    def _set_row(self, row: int) -> None:
        self._current_row = row
        self._mark_row()

    def _mark_row(self) -> None:
        for index, (_, row) in enumerate(self.card.rows):
            row.set_current(index == self._current_row)
        self._keep_card_whole()  # the current row's frame is drawn thicker

    def _result_changed(self) -> None:
        # An answer can reveal or hide follow-up questions, and changes the progress.
        if not self._items:
            self._rebuild()
            return
        current = self._items[self._index]
        # The question being answered stays on screen until the user moves on.
        matching = keeping_current(self._workspace.catalog, self._matching(), current)
        if [item.id for item in matching] != [item.id for item in self._items]:
            self._items = matching
            self._index = [item.id for item in matching].index(current.id)
        self._fill_dimensions()
        if [m for m, _ in self.card.rows] != self._workspace.answer_rows(current):
            self._show_current()
        else:
            self.card.refresh()
            self._keep_card_whole()
            self._select_dimension(current.dimension)
            self.previous.setEnabled(self._index > 0)
            self.next.setEnabled(self._index < len(self._items) - 1)
            self.position.setText(
                self.tr("%1 of %2")
                .replace("%1", str(self._index + 1))
                .replace("%2", str(len(self._items)))
            )

    def _assessment_opened(self, _assessment_id: int) -> None:
        self._rebuild(keep_position=False)

    def _filter_changed(self) -> None:
        self._rebuild(keep_position=False)

    # --- navigation -------------------------------------------------------------------------

    def step_question(self, step: int) -> None:
        """Go to the next (1) or previous (-1) question."""
        if not self._items:
            return
        self._index = max(0, min(len(self._items) - 1, self._index + step))
        if self.unanswered.isChecked():
            self._items = self._matching() or self._items
            self._index = min(self._index, len(self._items) - 1)
        self._show_current()

    def show_dimension(self, dimension: str, market: str | None = None) -> None:
        """Jump to the first question of a dimension (and to a market's row)."""
        self.search.clear()
        self.critical.setChecked(False)
        self.unanswered.setChecked(False)
        self.mine.setChecked(False)
        for index, item in enumerate(self._items):
            if item.dimension == dimension:
                self._index = index
                self._show_current()
                markets = [m for m, _ in self.card.rows]
                if market in markets:
                    self._set_row(markets.index(market))
                break
        self.setFocus()

    def show_question(self, item_id: str, market: str | None = None) -> None:
        """Jump to one question (and to a market's row)."""
        ids = [item.id for item in self._items]
        if item_id not in ids:
            self.search.clear()
            self.critical.setChecked(False)
            self.unanswered.setChecked(False)
            self.mine.setChecked(False)
            ids = [item.id for item in self._items]
        if item_id in ids:
            self._index = ids.index(item_id)
            self._show_current()
            markets = [m for m, _ in self.card.rows]
            if market in markets:
                self._set_row(markets.index(market))
        self.setFocus()

    def _dimension_chosen(self, row: int) -> None:
        if row < 0:
            return
        dimension = self.dimensions.item(row).data(Qt.ItemDataRole.UserRole)
        for index, item in enumerate(self._items):
            if item.dimension == dimension:
                self._index = index
                self._show_current()
                return

    def _find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_card(self) -> None:
        self.setFocus()

    def current_item(self) -> Item | None:
        """The question on the card."""
        return self._items[self._index] if self._items else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text().lower()
        item = self.current_item()
        rows = self.card.rows
        if (
            item is not None
            and rows
            and event.modifiers()
            in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
                Qt.KeyboardModifier.ShiftModifier,
            )
        ):
            market = rows[self._current_row][0]
            value: AnswerValue | object | None = _NO_ANSWER_KEY
            if text in ("0", "1", "2", "3", "4"):
                # A digit the question's scale does not take does nothing.
                if fits_scale(item, AnswerValue(text)):
                    value = AnswerValue(text)
            elif text == "n" and item.allow_na:
                value = AnswerValue.NOT_APPLICABLE
            elif text in ("u", "?"):
                value = AnswerValue.UNKNOWN
            elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                value = None
            if value is not _NO_ANSWER_KEY:
                assert value is None or isinstance(value, AnswerValue)
                if self._workspace.answer(item, market, value) and value is not None:
                    self._advance_after_answer(item, market)
                return
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown):
            self.step_question(1)
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.step_question(-1)
            return
        if key == Qt.Key.Key_Down and rows:
            self._set_row(min(self._current_row + 1, len(rows) - 1))
            return
        if key == Qt.Key.Key_Up and rows:
            self._set_row(max(self._current_row - 1, 0))
            return
        super().keyPressEvent(event)

    def _advance_after_answer(self, item: Item, market: str | None) -> None:
        """After a keyboard answer: the next row, or the next question once the card's
        last answer is saved."""
        rows = self.card.rows
        if self._current_row < len(rows) - 1:
            self._set_row(self._current_row + 1)
            return
        if self._workspace.answers.pending((item.id, market)) is None:
            self.step_question(1)  # nothing to write: the answer was already stored
            return
        self._advance_after = (item.id, market)

    def _answer_written(self, item_id: str, market: object) -> None:
        key = (item_id, market if isinstance(market, str) else None)
        if self._advance_after == key and self._workspace.answers.pending(key) is None:
            self._advance_after = None
            self.step_question(1)

    def _answer_not_written(self, item_id: str, market: object, _message: str) -> None:
        # The question stays, on the row that was not saved, for another try.
        if self._advance_after == (item_id, market):
            self._advance_after = None
        item = self.current_item()
        markets = [m for m, _ in self.card.rows]
        if item is not None and item.id == item_id and market in markets:
            self._set_row(markets.index(market))
