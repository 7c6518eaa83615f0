"""The verdict in plain words: which market leads, why, and whether that is decided.

The sentences are the core's (``readiness.domain.verdict_text.explain``), so the
dashboard, the command line and the report never disagree. When the lead is
not decisive the panel says "Too close to call" in plain sight and lists what
to answer or fix to decide; each entry opens that question.

Signals:
    question_requested(str, str): open a question (item id) for a market ("" company-wide).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from readiness.domain.verdict_text import explain
from ui.theme import alert_colour
from ui.workspace import Workspace

ITEM_ROLE = Qt.ItemDataRole.UserRole
MARKET_ROLE = Qt.ItemDataRole.UserRole + 1


class VerdictPanel(QFrame):
    """Headline, decision, what the facts say, and the questions that would decide."""

    question_requested = Signal(str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._workspace = workspace
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(3)
        self.headline = self._label("verdictHeadline", 1.15, bold=True)
        self.decision = self._label("verdictDecision", 1.0, bold=True)
        self.facts = self._label("verdictFacts", 1.0)
        layout.addWidget(self.headline)
        layout.addWidget(self.decision)
        layout.addWidget(self.facts)
        self.to_decide_title = QLabel(self.tr("To decide, answer or fix:"))
        self.to_decide_title.setObjectName("verdictToDecideTitle")
        layout.addWidget(self.to_decide_title)
        self.to_decide = QListWidget()
        self.to_decide.setObjectName("verdictToDecide")
        self.to_decide.setAccessibleName(self.tr("Questions that would decide the verdict"))
        self.to_decide.setToolTip(self.tr("Click a question to open it in the questionnaire"))
        self.to_decide.setWordWrap(True)
        self.to_decide.setMaximumHeight(74)  # four lines; the rest scroll
        self.to_decide.itemActivated.connect(self._open)
        self.to_decide.itemClicked.connect(self._open)
        layout.addWidget(self.to_decide)
        self.reload()

    def _label(self, name: str, scale: float, *, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # carries users' market names
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
        return label

    def reload(self) -> None:
        """Say the open assessment's verdict in the UI language."""
        result = self._workspace.result
        self.to_decide.clear()
        verdict = result.verdict if result is not None else None
        if result is None or verdict is None:
            for label in (self.headline, self.decision, self.facts):
                label.clear()
            self.to_decide_title.hide()
            self.to_decide.hide()
            return
        language = self._workspace.language
        catalog = self._workspace.catalog
        text = explain(
            verdict,
            catalog,
            result.market_names(catalog, language),
            result.attractiveness,
            language,
        )
        self.headline.setText(text.headline)
        self.decision.setText(text.decision)
        self.decision.setStyleSheet("" if verdict.decisive else f"color: {alert_colour().name()}")
        self.facts.setText(text.facts)
        self.facts.setVisible(bool(text.facts))
        for words, question in zip(text.to_decide, verdict.to_decide, strict=False):
            entry = QListWidgetItem(words)
            entry.setData(ITEM_ROLE, question.item_id)
            entry.setData(MARKET_ROLE, question.market or "")
            entry.setToolTip(words)
            self.to_decide.addItem(entry)
        shown = not verdict.decisive and bool(text.to_decide)
        self.to_decide_title.setVisible(shown)
        self.to_decide.setVisible(shown)

    def _open(self, entry: QListWidgetItem) -> None:
        self.question_requested.emit(str(entry.data(ITEM_ROLE)), str(entry.data(MARKET_ROLE)))
