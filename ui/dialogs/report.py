"""Export the management report: choose markets, language and sections, render in the background.

The PDF is rendered by the same ``readiness report`` command scripts use, in a
separate process: the window stays responsive, Cancel really stops the work,
and the app and the command line produce the same document. "Both languages"
writes an English and a Chinese PDF in one go, named by language. The folder
and the language chosen last are remembered for the next report.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.cli.report import language_path, languages
from readiness.report.context import SECTIONS
from readiness.report.fonts import MissingCJKFontError, require_cjk_font
from ui.dialogs.pdf_preview import offer_pdfs
from ui.dialogs.report_cover import SETTINGS, CoverFields
from ui.dialogs.report_render import RenderTexts, ReportRender
from ui.workspace import Workspace


class ReportDialog(QDialog):
    """Choose what goes into the report, render it, then open, preview or print it.

    Signals:
        finished_pdf(str): a PDF was written to this path.
    """

    finished_pdf = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export report"))
        self.setObjectName("reportDialog")
        self._workspace = workspace
        layout = QVBoxLayout(self)
        result = workspace.result
        assert result is not None
        markets_box = QGroupBox(self.tr("Markets"))
        markets_layout = QHBoxLayout(markets_box)
        self.market_boxes: dict[str, QCheckBox] = {}
        for market in result.markets:
            box = QCheckBox(workspace.market_name(market.code))
            box.setChecked(True)
            markets_layout.addWidget(box)
            self.market_boxes[market.code] = box
        layout.addWidget(markets_box)
        sections_box = QGroupBox(self.tr("Sections"))
        sections_layout = QHBoxLayout(sections_box)
        names = {
            "summary": self.tr("Executive summary"),
            "comparison": self.tr("Comparison"),
            "markets": self.tr("Market sections"),
            "plan": self.tr("Action plan"),
            "trend": self.tr("Trend"),
            "appendix": self.tr("Appendix"),
        }
        self.section_boxes: dict[str, QCheckBox] = {}
        for section in SECTIONS:
            box = QCheckBox(names[section])
            box.setChecked(True)
            sections_layout.addWidget(box)
            self.section_boxes[section] = box
        layout.addWidget(sections_box)
        self.cover = CoverFields(result.company.name)
        # The summary has its own fixed contents: the section choice does not apply.
        self.cover.summary_only.toggled.connect(lambda on: sections_box.setEnabled(not on))
        sections_box.setEnabled(not self.cover.summary_only.isChecked())
        layout.addWidget(self.cover)
        form = QFormLayout()
        settings = QSettings()
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.addItem(self.tr("Both: English and 中文"), "both")
        remembered = self.language.findData(settings.value(SETTINGS + "language", ""))
        self.language.setCurrentIndex(
            remembered if remembered >= 0 else (0 if workspace.language == "zh" else 1)
        )
        self.language.setAccessibleName(self.tr("Report language"))
        form.addRow(self.tr("Language:"), self.language)
        path_row = QHBoxLayout()
        safe_name = "".join(ch for ch in result.company.name if ch.isalnum() or ch in " -_")[:40]
        folder = Path(str(settings.value(SETTINGS + "folder", "")) or Path.home())
        if not folder.is_dir():  # moved, deleted or on a drive not plugged in
            folder = Path.home()
        default = folder / f"{safe_name.strip() or 'readiness'} report.pdf"
        self.path = QLineEdit(str(default))
        self.path.setAccessibleName(self.tr("Save the PDF as"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(self.tr("Save as:"), path_row)
        # With both languages, which two files the one name becomes.
        self.files_note = QLabel()
        self.files_note.setObjectName("reportFiles")
        self.files_note.setWordWrap(True)
        form.addRow("", self.files_note)
        self.language.currentIndexChanged.connect(self._show_files)
        self.path.textChanged.connect(self._show_files)
        self._show_files()
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.render_button = self.buttons.addButton(
            self.tr("Create PDF"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.render_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.buttons)
        texts = RenderTexts(
            working=self.tr("Laying out the report…"),
            ticking=self.tr("Laying out the report… %1 s"),
            failed=self.tr("The report could not be made."),
            failure=self.tr("The report could not be made:\n%1\nYour answers are not affected."),
        )
        self._render = ReportRender(self, self.status, self.progress, texts)
        self._render.ended.connect(lambda: self.render_button.setEnabled(True))
        self._render.all_written.connect(self._written)

    def outputs(self) -> list[Path]:
        """The PDF files the current choices write: one, or one per language."""
        path = Path(self.path.text())
        chosen = languages(str(self.language.currentData()))
        if len(chosen) == 1:
            return [path]
        return [language_path(path, language) for language in chosen]

    def _show_files(self) -> None:
        outputs = self.outputs()
        self.files_note.setVisible(len(outputs) > 1)
        self.files_note.setText(
            self.tr("Writes %1 and %2")
            .replace("%1", outputs[0].name)
            .replace("%2", outputs[-1].name)
            if len(outputs) > 1
            else ""
        )

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), self.path.text(), "PDF (*.pdf)"
        )
        if path:
            self.path.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def arguments(self) -> list[str]:
        """The ``readiness report`` arguments for the current choices."""
        assert self._workspace.assessment_id is not None
        markets = [code for code, box in self.market_boxes.items() if box.isChecked()]
        sections = [name for name, box in self.section_boxes.items() if box.isChecked()]
        return [
            "--db",
            self._workspace.store.location,
            "--assessment",
            str(self._workspace.assessment_id),
            "--lang",
            str(self.language.currentData()),
            "--out",
            self.path.text(),
            "--markets",
            ",".join(markets),
            "--sections",
            ",".join(sections),
            *self.cover.arguments(),
        ]

    def start(self) -> None:
        """Check the choices and the font, then render in a separate process."""
        if not any(box.isChecked() for box in self.market_boxes.values()):
            self.status.setText(self.tr("Choose at least one market."))
            return
        if not any(box.isChecked() for box in self.section_boxes.values()):
            self.status.setText(self.tr("Choose at least one section."))
            return
        problem = self.cover.problem()
        if problem is not None:
            self.status.setText(problem)
            return
        self.cover.save()
        settings = QSettings()
        settings.setValue(SETTINGS + "language", self.language.currentData())
        settings.setValue(SETTINGS + "folder", str(Path(self.path.text()).parent))
        try:
            require_cjk_font()
        except MissingCJKFontError as error:
            QMessageBox.warning(self, self.tr("No Chinese font"), str(error))
            return
        self.render_button.setEnabled(False)
        self._render.start(self._workspace.store, ["report", *self.arguments()], *self.outputs())

    def _cancel(self) -> None:
        if not self._render.cancel():
            self.reject()

    def _written(self, paths: list[str]) -> None:
        shown = self.tr(" and ").join(paths)
        self._workspace.saved.emit(self.tr("Report saved to %1").replace("%1", shown))
        for path in paths:
            self.finished_pdf.emit(path)
        self._offer([Path(path) for path in paths])

    def _offer(self, paths: list[Path]) -> None:
        message = (
            self.tr("The report was saved to %1.")
            if len(paths) == 1
            else self.tr("The reports were saved to %1.")
        )
        shown = self.tr(" and ").join(str(path) for path in paths)
        offer_pdfs(self, paths, message.replace("%1", shown))
        self.accept()

    def is_running(self) -> bool:
        """Whether a render is under way."""
        return self._render.is_running()
