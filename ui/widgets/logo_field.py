"""A report cover's logo: a file name with Choose… and Remove, checked before a report
is made (the assessment report and the portfolio report ask the same way)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg")


class LogoField(QWidget):
    """The logo file for a report's cover, or none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("No logo"))
        self.edit.setAccessibleName(self.tr("Logo file"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.edit.clear)
        row.addWidget(self.edit, 1)
        row.addWidget(choose)
        row.addWidget(remove)

    def text(self) -> str:
        """The logo's file name as typed or chosen ("" for none)."""
        return self.edit.text()

    def setText(self, path: str) -> None:
        """Show ``path`` as the logo."""
        self.edit.setText(path)

    def problem(self) -> str | None:
        """Why the logo cannot be used (not an image file, not there), or None."""
        logo = self.edit.text().strip()
        if not logo:
            return None
        path = Path(logo)
        if path.suffix.lower() not in LOGO_TYPES:
            return self.tr("The logo must be a PNG, JPEG or SVG file.")
        if not path.is_file():
            return self.tr("The logo file %1 does not exist.").replace("%1", logo)
        return None

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the logo"),
            self.edit.text() or str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg *.svg)"),
        )
        if path:
            self.edit.setText(path)
