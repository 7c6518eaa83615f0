"""The portfolio report's choices: the cover (platform, recipient, author, date,
confidentiality, logo) and whether firms are named or numbered.

Remembered with QSettings for the next portfolio report, as the assessment report
remembers its cover; the date is today's unless the user sets another one.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ui.widgets.logo_field import LogoField

SETTINGS = "portfolioReport/"  # prefix of the remembered choices

# The ``readiness portfolio`` option for each text field.
TEXT_FLAGS = {
    "platform": "--platform",
    "prepared_for": "--prepared-for",
    "prepared_by": "--prepared-by",
    "confidentiality": "--confidentiality",
}


class PortfolioCover(QDialog):
    """Ask for the portfolio report's cover and whether to anonymise the firms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioCover")
        self.setWindowTitle(self.tr("Portfolio report"))
        form = QFormLayout(self)
        self.platform = QLineEdit()
        self.platform.setPlaceholderText(
            self.tr("e.g. Zhejiang Auto Parts Export Service Platform")
        )
        self.platform.setAccessibleName(self.tr("Platform name"))
        form.addRow(self.tr("Platform:"), self.platform)
        self.prepared_for = QLineEdit()
        self.prepared_for.setPlaceholderText(self.tr("Platform management"))
        self.prepared_for.setAccessibleName(self.tr("Recipient"))
        form.addRow(self.tr("Prepared for:"), self.prepared_for)
        self.prepared_by = QLineEdit()
        self.prepared_by.setAccessibleName(self.tr("Author"))
        form.addRow(self.tr("Prepared by:"), self.prepared_by)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("Date on the cover"))
        form.addRow(self.tr("Date:"), self.date)
        self.confidentiality = QLineEdit()
        self.confidentiality.setPlaceholderText(self.tr("e.g. Confidential: management only"))
        self.confidentiality.setAccessibleName(self.tr("Confidentiality line"))
        form.addRow(self.tr("Confidentiality:"), self.confidentiality)
        self.logo = LogoField()
        form.addRow(self.tr("Logo:"), self.logo)
        self.anonymous = QCheckBox(self.tr('Anonymise: firms as "Firm 017", no names'))
        self.anonymous.setObjectName("portfolioAnonymous")
        self.anonymous.setAccessibleName(self.tr("Anonymise the firms"))
        form.addRow(self.anonymous)
        note = QLabel(self.tr("For readers outside the platform, such as a government SME centre."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._texts = {
            "platform": self.platform,
            "prepared_for": self.prepared_for,
            "prepared_by": self.prepared_by,
            "confidentiality": self.confidentiality,
        }
        self.load()

    def load(self) -> None:
        """Fill the fields with the choices remembered from the last portfolio report."""
        settings = QSettings()
        for name, field in self._texts.items():
            field.setText(str(settings.value(SETTINGS + name, "")))
        self.logo.setText(str(settings.value(SETTINGS + "logo", "")))
        self.anonymous.setChecked(
            str(settings.value(SETTINGS + "anonymous", "false")).lower() == "true"
        )

    def save(self) -> None:
        """Remember the current choices for the next portfolio report (the date is not kept)."""
        settings = QSettings()
        for name, field in self._texts.items():
            settings.setValue(SETTINGS + name, field.text().strip())
        settings.setValue(SETTINGS + "logo", self.logo.text().strip())
        settings.setValue(SETTINGS + "anonymous", self.anonymous.isChecked())

    def problem(self) -> str | None:
        """Why the choices cannot be used as they are, or None."""
        return self.logo.problem()

    def accept(self) -> None:
        """Keep the choices if they can be used; otherwise say what is wrong and stay open."""
        problem = self.problem()
        if problem is not None:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        self.save()
        super().accept()

    def arguments(self) -> list[str]:
        """The ``readiness portfolio`` options for these choices."""
        found: list[str] = []
        for name, field in self._texts.items():
            if field.text().strip():
                found += [TEXT_FLAGS[name], field.text().strip()]
        if self.logo.text().strip():
            found += ["--logo", self.logo.text().strip()]
        found += ["--date", self.date.date().toString("yyyy-MM-dd")]
        if self.anonymous.isChecked():
            found.append("--anonymous")
        return found
