"""Shown when an assessment answered against an older content version is opened: what
changed in the questionnaire, and each market's readiness before and after.

The core computes everything (:mod:`readiness.services.content_updates`); this
dialog only shows it. Acknowledging records the current version on the
assessment; no answer is deleted or altered, and answers to changed questions
stay marked "review" in the questionnaire until they are answered again.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness.domain.content_changes import ChangeKind, ContentChanges, is_behind
from readiness.domain.rounding import points
from readiness.domain.scoring import MarketReadiness
from readiness.services.content_updates import acknowledge_changes, pending_changes
from readiness.storage.errors import StoreError
from ui.store_errors import store_error_text
from ui.workspace import Workspace


class ContentChangesDialog(QDialog):
    """New, removed and changed questions, and a before/after score table per market."""

    def __init__(
        self,
        changes: ContentChanges,
        language: str,
        market_names: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contentChangesDialog")
        self.setWindowTitle(self.tr("The questionnaire has changed"))
        self.resize(1040, 640)
        self._language = language
        self._names = market_names
        self._to_version = changes.to_version
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This assessment was answered against questionnaire version %1; this version "
                "of the app uses %2. All your answers are kept: nothing is deleted or changed."
            )
            .replace("%1", html.escape(changes.from_version))
            .replace("%2", html.escape(changes.to_version))
        )
        intro.setWordWrap(True)
        intro.setObjectName("contentChangesIntro")
        layout.addWidget(intro)
        self.questions = QTableWidget(0, 4)
        self.questions.setObjectName("changedQuestions")
        self.scores = QTableWidget(0, 3)
        self.scores.setObjectName("scoresBeforeAfter")
        if changes.known:
            summary = QLabel(self._summary(changes))
            summary.setWordWrap(True)
            summary.setObjectName("contentChangesSummary")
            layout.addWidget(summary)
            self._fill_questions(changes)
            layout.addWidget(self.questions, 2)
            layout.addWidget(QLabel(self.tr("Readiness per market, before and after:")))
            self._fill_scores(changes)
            layout.addWidget(self.scores, 1)
        else:
            unknown = QLabel(
                self.tr(
                    "The content of version %1 is not known to this version of the app, so "
                    "what changed cannot be listed. Your answers are kept as they are."
                ).replace("%1", html.escape(changes.from_version))
            )
            unknown.setWordWrap(True)
            unknown.setObjectName("contentChangesUnknown")
            layout.addWidget(unknown)
        buttons = QDialogButtonBox()
        self.update_button = buttons.addButton(
            self.tr("Update to %1").replace("%1", changes.to_version),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.update_button.setObjectName("acknowledgeContent")
        self.update_button.setToolTip(
            self.tr("Record that you have seen these changes; this message will not come back")
        )
        self.later_button = buttons.addButton(
            self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def acknowledged_text(self) -> str:
        """What the status bar says once the assessment moved to the current content."""
        return self.tr("The assessment now uses questionnaire version %1").replace(
            "%1", self._to_version
        )

    def _summary(self, changes: ContentChanges) -> str:
        return (
            self.tr(
                "%1 new questions, %2 removed (their answers are kept but no longer count), "
                "%3 changed (their answers are kept and marked “review” in the questionnaire "
                "until you answer them again)."
            )
            .replace("%1", str(len(changes.of_kind(ChangeKind.NEW))))
            .replace("%2", str(len(changes.of_kind(ChangeKind.REMOVED))))
            .replace("%3", str(len(changes.of_kind(ChangeKind.CHANGED))))
        )

    def _kind(self, kind: ChangeKind) -> str:
        return {
            ChangeKind.NEW: self.tr("New"),
            ChangeKind.REMOVED: self.tr("Removed"),
            ChangeKind.CHANGED: self.tr("Changed"),
        }[kind]

    def _aspects(self, aspects: tuple[str, ...]) -> str:
        words = {
            "text": self.tr("wording"),
            "levels": self.tr("answer levels"),
            "scale": self.tr("answer scale"),
            "scope": self.tr("company-wide or per market"),
            "weight": self.tr("weight"),
            "critical": self.tr("critical flag"),
            "dimension": self.tr("dimension"),
            "applies_to": self.tr("markets it applies to"),
            "relevant_if": self.tr("when it is asked"),
            "allow_na": self.tr("“not applicable” allowed"),
        }
        return self._list(words.get(aspect, aspect) for aspect in aspects)

    def _list(self, parts: Iterable[str]) -> str:
        return ("、" if self._language == "zh" else ", ").join(parts)

    def _fill_questions(self, changes: ContentChanges) -> None:
        table = self.questions
        table.setHorizontalHeaderLabels(
            [self.tr("Change"), self.tr("Question"), self.tr("Markets"), self.tr("Text")]
        )
        table.setRowCount(len(changes.questions))
        for row, change in enumerate(changes.questions):
            kind = self._kind(change.kind)
            if change.aspects:
                kind = (
                    self.tr("%1 (%2)")
                    .replace("%1", kind)
                    .replace("%2", self._aspects(change.aspects))
                )
            if change.kind is not ChangeKind.NEW and change.answered:
                kind += " · " + self.tr("answered")
            markets = self._list(self._names.get(code, code) for code in change.markets)
            for column, text in enumerate(
                (kind, change.item_id, markets, change.text_in(self._language))
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                table.setItem(row, column, cell)
        self._finish(table, stretch=3)

    def _side(self, market: MarketReadiness) -> str:
        text = f"{points(market.overall)} · {market.level.label.get(self._language)}"
        if market.blockers:
            text = (
                self.tr("%1 (blocked by %2)")
                .replace("%1", text)
                .replace("%2", self._list(market.blockers))
            )
        return text

    def _fill_scores(self, changes: ContentChanges) -> None:
        table = self.scores
        table.setHorizontalHeaderLabels([self.tr("Market"), self.tr("Before"), self.tr("After")])
        table.setRowCount(len(changes.markets))
        for row, shift in enumerate(changes.markets):
            texts = (
                self._names.get(shift.code, shift.code),
                self._side(shift.before),
                self._side(shift.after),
            )
            for column, text in enumerate(texts):
                table.setItem(row, column, QTableWidgetItem(text))
        self._finish(table, stretch=2)

    @staticmethod
    def _finish(table: QTableWidget, *, stretch: int) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def offer_content_update(parent: QWidget, workspace: Workspace) -> ContentChangesDialog | None:
    """When the open assessment is behind the current content, show what changed; on
    "Update", record the current version (on the save worker, in order with the answers).

    Returns the dialog shown (already open, window-modal), or None when up to date.
    """
    assessment_id = workspace.assessment_id
    result = workspace.result
    if assessment_id is None or result is None:
        return None
    # The version was just read with the result: an assessment up to date (the
    # usual case) costs no second read of the store on opening.
    if not is_behind(result.assessment.catalog_version, workspace.catalog.version):
        return None
    try:
        changes = pending_changes(workspace.store, workspace.catalog, assessment_id)
    except StoreError as error:
        workspace.failed.emit(store_error_text(error))
        return None
    if changes is None:
        return None
    names = {code: workspace.market_name(code) for code in changes.after}
    dialog = ContentChangesDialog(changes, workspace.language, names, parent)
    store, catalog = workspace.store, workspace.catalog
    done = dialog.acknowledged_text()

    def acknowledge() -> None:
        if workspace.assessment_id == assessment_id and not store.read_only:
            workspace.details.write(lambda aid: acknowledge_changes(store, catalog, aid), done)

    dialog.update_button.setEnabled(not store.read_only)
    dialog.accepted.connect(acknowledge)
    dialog.open()
    return dialog
