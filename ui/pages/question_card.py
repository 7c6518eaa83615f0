"""The question card: a question's text, guidance, source and assignee, with one answer row
per market where it applies (scale, note, evidence, history)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readiness.content.model import Item, ScaleKind
from readiness.domain.answers import AnswerValue, fits_scale
from readiness.domain.evidence import evidence_name
from readiness.domain.records import SavedAnswer
from readiness.domain.statuses import AssignmentScope
from ui.custom_markets import generic_note, generic_tag
from ui.dialogs.answer_history import add_history_button
from ui.pages.profile_marks import profile_mark
from ui.theme import ANSWER_STYLE, alert_colour, keep_words_whole
from ui.workspace import Workspace

_CHANGED_STYLE = "color: palette(placeholder-text);"
CHOICES: list[tuple[str, AnswerValue]] = [(level, AnswerValue(level)) for level in "01234"]


def _market(market: object) -> str | None:
    """A market code from a signal's ``object`` argument (None: company-wide)."""
    return market if isinstance(market, str) else None


class AnswerRow(QFrame):
    """The answer to one question for the company or one market: scale, note, evidence.

    Picking the chosen answer again changes nothing: clearing is the row's
    "Clear answer" button (or Delete on the questionnaire), never a second click.

    Signals:
        chosen(object): an answer (AnswerValue) was picked, or None: "Clear answer".
        note_edited(str): the note was edited and left.
        focused(): the row became the current one.
    """

    chosen = Signal(object)
    note_edited = Signal(str)
    focused = Signal()

    def __init__(self, title: str, item: Item, labels: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("answerRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.item = item
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        # The market's name and its markers on a line of their own, above the answers:
        # beside them, a long name or marker widened the row past its pane (a
        # horizontal scroll bar, answer buttons cut off at the window's default size).
        heading = QHBoxLayout()
        heading.setSpacing(12)
        self.title = QLabel(f"<b>{html.escape(title)}</b>")
        heading.addWidget(self.title)
        top = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)  # one value at most is ever shown chosen
        self.buttons: dict[AnswerValue, QPushButton] = {}
        choices = [(text, value) for text, value in CHOICES if fits_scale(item, value)]
        if item.scale is ScaleKind.YES_NO:
            words = {AnswerValue("0"): self.tr("No"), AnswerValue("4"): self.tr("Yes")}
            choices = [(words[value], value) for _, value in choices]
        if item.allow_na:
            choices.append((self.tr("N/A"), AnswerValue.NOT_APPLICABLE))
        choices.append((self.tr("Don't know"), AnswerValue.UNKNOWN))
        for text, value in choices:
            button = QPushButton(text)
            button.setObjectName("answerChoice")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            level = value.level
            if value not in (AnswerValue.NOT_APPLICABLE, AnswerValue.UNKNOWN) and (
                item.scale is ScaleKind.MATURITY and level is not None
            ):
                button.setToolTip(labels[level])
                button.setAccessibleName(f"{text}: {labels[level]}")
            else:
                button.setAccessibleName(text)
            keep_words_whole(button)
            self.group.addButton(button)
            self.buttons[value] = button
            top.addWidget(button)
        self.clear = QPushButton(self.tr("Clear answer"))
        self.clear.setObjectName("clearAnswer")
        self.clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear.setToolTip(self.tr("Remove this answer (Delete)"))
        self.clear.clicked.connect(self._clear_clicked)
        top.addWidget(self.clear)
        top.addStretch(1)
        # The question changed since this answer was given (a new content version).
        self.review = QLabel(self.tr("Review"))
        self.review.setObjectName("reviewMarker")
        self.review.setStyleSheet(f"color: {alert_colour().name()}; font-weight: bold;")
        self.review.setToolTip(
            self.tr(
                "This question changed since it was answered: check the answer and give it "
                "again (picking the same answer confirms it)."
            )
        )
        self.review.hide()
        self.reviewing = False
        heading.addWidget(self.review)
        # What the company profile makes of the row: not counted, or a certificate's answer.
        self.profile = QLabel()
        self.profile.setObjectName("profileMarker")
        self.profile.setStyleSheet("font-style: italic;")
        self.profile.setWordWrap(True)
        self.profile.hide()
        heading.addWidget(self.profile, 1)
        layout.addLayout(heading)
        self.state = QLabel()
        self.state.setObjectName("answerState")
        # A long level label wraps rather than widening the row past the window,
        # which would squeeze the answer buttons and push the question out of view.
        self.state.setWordWrap(True)
        self.state.setMinimumWidth(80)
        self.state.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        top.addWidget(self.state, 1)
        layout.addLayout(top)
        self.bottom = bottom = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (saved when you leave the field)"))
        self.note.setAccessibleName(self.tr("Note for %1").replace("%1", title))
        self.note.editingFinished.connect(lambda: self.note_edited.emit(self.note.text()))
        self.note.installEventFilter(self)
        bottom.addWidget(self.note, 1)
        self.evidence = QToolButton()
        self.evidence.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.evidence.setAccessibleName(self.tr("Evidence files"))
        self.evidence.setMenu(QMenu(self.evidence))
        bottom.addWidget(self.evidence)
        layout.addLayout(bottom)
        self.changed = QLabel()
        self.changed.setObjectName("answerChanged")
        self.changed.setWordWrap(True)
        self.changed.setStyleSheet(_CHANGED_STYLE)
        layout.addWidget(self.changed)
        self.group.buttonClicked.connect(self._clicked)
        self._value: AnswerValue | None = None
        self.note_version = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusIn:
            self.focused.emit()
        return False

    def _clicked(self, button: QAbstractButton) -> None:
        value = next(v for v, b in self.buttons.items() if b is button)
        self.focused.emit()
        if value != self._value or self.reviewing:  # the same answer again confirms it
            self.chosen.emit(value)

    def _clear_clicked(self) -> None:
        self.focused.emit()
        if self._value is not None:
            self.chosen.emit(None)

    def show_value(self, value: AnswerValue | None, label: str, *, pending: bool = False) -> None:
        """Reflect the answer: the stored one, or (``pending``) the one being saved."""
        self._value = value
        # An exclusive group cannot uncheck its last button: let go while setting.
        self.group.setExclusive(False)
        for candidate, button in self.buttons.items():
            button.setChecked(candidate == value)
        self.group.setExclusive(True)
        self.clear.setEnabled(value is not None)
        self.setProperty("pending", pending)
        if pending:
            label = self.tr("Saving… %1").replace("%1", label)
        self.state.setText(label)
        self.state.setToolTip("")
        self.state.setStyleSheet("font-style: italic;" if pending else "")

    def show_review(self, review: bool) -> None:
        """Mark (or unmark) the answer as given against an older version of the question."""
        self.reviewing = review
        self.review.setVisible(review)

    def show_failure(self, message: str) -> None:
        """Say that the last answer picked here was not saved, and why (on its own line,
        so a long reason never squeezes the buttons)."""
        alert = f"color: {alert_colour().name()};"
        self.state.setText(self.tr("Not saved"))
        self.state.setToolTip(message)
        self.state.setStyleSheet(alert)
        self.changed.setText(self.tr("Not saved: %1").replace("%1", html.escape(message)))
        self.changed.setStyleSheet(alert)

    def show_changed(self, saved: SavedAnswer | None) -> None:
        """Say who last changed the answer, and when (in local time)."""
        self.changed.setStyleSheet(_CHANGED_STYLE)
        if saved is None:
            self.changed.clear()
            self.changed.setToolTip("")
            return
        when = saved.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        who = saved.updated_by or self.tr("unknown")
        self.changed.setText(
            self.tr("Changed by %1 · %2").replace("%1", html.escape(who)).replace("%2", when)
        )
        self.changed.setToolTip(
            self.tr("Version %1 of this answer").replace("%1", str(saved.version))
        )

    def set_current(self, current: bool) -> None:
        """Mark the row the keyboard answers."""
        if self.property("current") == current:
            return
        self.setProperty("current", current)
        # Only the row's own frame is restyled (the card's style sheet draws it), so its
        # buttons keep the widths the card's layout counted.
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()


class QuestionCard(QWidget):
    """One question with its guidance, source, scale labels and one answer row per market."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setStyleSheet(ANSWER_STYLE)  # the answer rows' buttons and frames
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("questionHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.text = QLabel()
        self.text.setObjectName("questionText")
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.text.setFont(font)
        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setObjectName("questionGuidance")
        self.scale = QLabel()
        self.scale.setWordWrap(True)
        self.scale.setObjectName("questionScale")
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setObjectName("questionSource")
        assignment_line = QHBoxLayout()
        self.assignment = QLabel()
        self.assignment.setObjectName("questionAssignee")
        assignment_line.addWidget(self.assignment, 1)
        self.assign_button = QToolButton()
        self.assign_button.setObjectName("assignButton")
        self.assign_button.setText(self.tr("Assign…"))
        self.assign_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.assign_button.setMenu(QMenu(self.assign_button))
        self.assign_button.menu().aboutToShow.connect(self._fill_assign_menu)
        assignment_line.addWidget(self.assign_button)
        for label in (self.heading, self.text, self.guidance, self.scale, self.source):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            if label is self.heading:
                layout.addLayout(assignment_line)
        self.rows_box = QVBoxLayout()
        layout.addLayout(self.rows_box)
        layout.addStretch(1)
        self.rows: list[tuple[str | None, AnswerRow]] = []
        self.item: Item | None = None
        # Why a row's last answer was not saved, shown until the row is saved again.
        self._failures: dict[str | None, str] = {}
        workspace.answers.pending_changed.connect(self._row_changed)
        workspace.answers.not_written.connect(self._not_written)
        workspace.answers.written.connect(self._written)

    def _row(self, item_id: str, market: object) -> AnswerRow | None:
        if self.item is None or item_id != self.item.id:
            return None
        return next((row for m, row in self.rows if m == market), None)

    def _row_changed(self, item_id: str, market: object) -> None:
        # A write started or ended: show what is being saved, or the store again.
        if self._row(item_id, market) is None:
            return
        assert self.item is not None
        if self._workspace.answers.pending((self.item.id, _market(market))) is not None:
            self._failures.pop(_market(market), None)  # another try is on its way
        self.refresh()

    def _not_written(self, item_id: str, market: object, message: str) -> None:
        if self._row(item_id, market) is not None:
            self._failures[_market(market)] = message
            self.refresh()

    def _written(self, item_id: str, market: object) -> None:
        if self._row(item_id, market) is not None:
            self._failures.pop(_market(market), None)
            self.refresh()

    def show_item(self, item: Item, position: str) -> None:
        """Lay out the card for ``item``."""
        workspace = self._workspace
        catalog = workspace.catalog
        self.item = item
        critical = self.tr("critical: a low answer blocks entry")
        red = alert_colour().name()
        badge = f' <span style="color:{red}">■ {critical}</span>' if item.critical else ""
        dimension = workspace.name(catalog.dimensions[item.dimension].name)
        self.heading.setText(f"<b>{item.id}</b> · {dimension} · {position}{badge}")
        self.text.setText(workspace.name(item.text))
        self.guidance.setText(
            "<i>" + self.tr("What good looks like:") + f"</i> {workspace.name(item.guidance)}"
        )
        if item.scale is ScaleKind.YES_NO:
            self.scale.setText(self.tr("Answer yes or no."))
        else:
            labels = [workspace.name(label) for label in catalog.level_labels(item)]
            self.scale.setText(
                "  ".join(f"<b>{level}</b> {text}" for level, text in enumerate(labels))
            )
        lead = self.tr("Lead time to close the gap: %1 weeks")
        self.source.setText(
            "<small>" + self.tr("Source:") + f" {self._sources(item)} · "
            f"{lead.replace('%1', str(item.lead_time_weeks))}</small>"
        )
        for _, row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        self._failures.clear()
        labels = [workspace.name(label) for label in catalog.level_labels(item)]
        for market in workspace.answer_rows(item):
            title = workspace.market_name(market) if market else self.tr("Company-wide")
            row = AnswerRow(title, item, labels, self)
            add_history_button(workspace, row, row.bottom, item, market)
            if market and (tag := generic_tag(workspace, market)):  # a custom market
                row.title.setText(f"{row.title.text()}<br><small>{html.escape(tag)}</small>")
                row.title.setToolTip(generic_note(workspace, market) or "")
            self.rows_box.addWidget(row)
            # Shown now rather than at the next event loop pass, so the card's
            # narrowest width counts its rows at once (its pane is kept that wide).
            row.setVisible(True)
            self.rows.append((market, row))
        self.refresh()

    def _sources(self, item: Item) -> str:
        catalog = self._workspace.catalog
        return "; ".join(catalog.citation_text(c, self._workspace.language) for c in item.sources)

    def refresh(self) -> None:
        """Show the stored answers, notes, evidence, authors and assignee."""
        if self.item is None:
            return
        self._show_assignee(self.item)
        labels = [self._workspace.name(x) for x in self._workspace.catalog.level_labels(self.item)]
        for market, row in self.rows:
            saved = self._workspace.saved_answer((self.item.id, market))
            value = AnswerValue(saved.value) if saved else None
            pending = self._workspace.answers.pending((self.item.id, market))
            if pending is not None:
                value = pending.value
            row.show_value(value, self._state_text(value, labels), pending=pending is not None)
            result = self._workspace.result
            row.show_review(
                pending is None
                and result is not None
                and (self.item.id, market) in result.to_review
            )
            mark, why = profile_mark(result, (self.item.id, market))
            row.profile.setText(mark)
            row.profile.setToolTip(why)
            row.profile.setVisible(bool(mark))
            row.show_changed(saved)
            if market in self._failures:
                row.show_failure(self._failures[market])
            if not row.note.hasFocus():
                # The version the user starts typing over: the note is saved
                # against it, so a colleague's change meanwhile is not lost.
                row.note.setText(saved.note if saved else "")
                row.note_version = saved.version if saved else 0
            row.note.setEnabled(saved is not None)
            self._fill_evidence(row, market, saved.evidence if saved else [])

    def _show_assignee(self, item: Item) -> None:
        assignments = self._workspace.assignments
        own = assignments.by_item.get(item.id)
        through_dimension = assignments.by_dimension.get(item.dimension)
        if own:
            text = self.tr("Assigned to %1").replace("%1", f"<b>{html.escape(own)}</b>")
        elif through_dimension:
            text = self.tr("Assigned to %1 (with the whole dimension)").replace(
                "%1", f"<b>{html.escape(through_dimension)}</b>"
            )
        else:
            text = self.tr("Not assigned to anyone")
        self.assignment.setText(f"<small>{text}</small>")

    def _fill_assign_menu(self) -> None:
        menu = self.assign_button.menu()
        menu.clear()
        item = self.item
        if item is None:
            return
        assignments = self._workspace.assignments
        dimension = self._workspace.name(self._workspace.catalog.dimensions[item.dimension].name)
        menu.addAction(self.tr("Assign this question to…")).triggered.connect(
            lambda: self._ask_assignee(AssignmentScope.ITEM, item.id, item.id)
        )
        menu.addAction(
            self.tr("Assign the dimension “%1” to…").replace("%1", dimension)
        ).triggered.connect(
            lambda: self._ask_assignee(AssignmentScope.DIMENSION, item.dimension, dimension)
        )
        if item.id in assignments.by_item:
            menu.addAction(self.tr("Take this question back")).triggered.connect(
                lambda: self._workspace.assign(AssignmentScope.ITEM, item.id, None)
            )
        if item.dimension in assignments.by_dimension:
            menu.addAction(self.tr("Take the dimension back")).triggered.connect(
                lambda: self._workspace.assign(AssignmentScope.DIMENSION, item.dimension, None)
            )

    def _ask_assignee(self, scope: AssignmentScope, code: str, what: str) -> None:
        workspace = self._workspace
        # On a team server only the roster's members who may see the firm can be chosen.
        team = workspace.assignments.assignable
        people = list(team) if team is not None else workspace.assignments.people()
        if team is None and workspace.user and workspace.user not in people:
            people.append(workspace.user)
        question = self.tr("Who should answer %1?").replace("%1", what)
        name, accepted = QInputDialog.getItem(
            self, self.tr("Assign"), question, people, 0, team is None
        )
        if accepted and name.strip():
            workspace.assign(scope, code, name.strip())

    def _state_text(self, value: AnswerValue | None, labels: list[str]) -> str:
        if value is None:
            return self.tr("not answered")
        if value is AnswerValue.NOT_APPLICABLE:
            return self.tr("not applicable")
        if value is AnswerValue.UNKNOWN:
            return self.tr("don't know (counts as 0)")
        assert self.item is not None
        if self.item.scale is ScaleKind.YES_NO:
            return self.tr("Yes") if value.level == 4 else self.tr("No")
        level = value.level or 0
        return f"{level} · {labels[level]}"

    def _fill_evidence(self, row: AnswerRow, market: str | None, files: list[str]) -> None:
        assert self.item is not None
        item = self.item
        menu = row.evidence.menu()
        menu.clear()
        row.evidence.setText(self.tr("Evidence (%1)").replace("%1", str(len(files))))
        attach = menu.addAction(self.tr("Attach a file…"))
        attach.setEnabled(bool(row.note.isEnabled()))
        attach.triggered.connect(lambda: self._attach(item, market))
        for entry in files:
            sub = menu.addMenu(evidence_name(entry))
            opener = sub.addAction(self.tr("Open"))
            stored = self._workspace.evidence_path(entry)
            opener.setEnabled(stored is not None)
            if stored is not None:
                opener.triggered.connect(
                    lambda _=False, p=str(stored): QDesktopServices.openUrl(QUrl.fromLocalFile(p))
                )
            sub.addAction(self.tr("Remove")).triggered.connect(
                lambda _=False, e=entry: self._workspace.remove_evidence(item, market, e)
            )

    def _attach(self, item: Item, market: str | None) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Attach evidence"))
        if chosen:
            self._workspace.attach_evidence(item, market, Path(chosen))
