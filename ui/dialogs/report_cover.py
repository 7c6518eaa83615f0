"""The report dialog's cover choices: summary only, prepared for and by, confidentiality, logo.

They are remembered with QSettings for the next report (of any assessment): a firm
sets its name, its confidentiality line and its logo once.
"""

from __future__ import annotations

import argparse
from functools import lru_cache

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QWidget,
)

from ui.widgets.logo_field import LogoField

SETTINGS = "report/"  # prefix of the remembered choices

# The ``readiness report`` option for each text field.
TEXT_FLAGS = {
    "prepared_for": "--prepared-for",
    "prepared_by": "--prepared-by",
    "confidentiality": "--confidentiality",
}


@lru_cache(maxsize=1)
def report_flags() -> frozenset[str]:
    """The options the ``readiness report`` command of this version understands."""
    from readiness.cli.parsers.report import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    flags = ["--summary", "--logo", *TEXT_FLAGS.values()]
    known = set()
    for flag in flags:
        value = [] if flag == "--summary" else ["x"]
        _, unknown = parser.parse_known_args(["report", "--assessment", "1", flag, *value])
        if flag not in unknown:
            known.add(flag)
    return frozenset(known)


class CoverFields(QGroupBox):
    """Summary-only choice and the cover's branding, each remembered for the next report."""

    def __init__(self, company: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Cover"))
        form = QFormLayout(self)
        self.summary_only = QCheckBox(self.tr("Summary only (at most four pages)"))
        self.summary_only.setAccessibleName(self.tr("Summary only"))
        form.addRow(self.summary_only)
        self.prepared_for = QLineEdit()
        self.prepared_for.setPlaceholderText(company)
        self.prepared_for.setAccessibleName(self.tr("Prepared for"))
        form.addRow(self.tr("Prepared for:"), self.prepared_for)
        self.prepared_by = QLineEdit()
        self.prepared_by.setAccessibleName(self.tr("Prepared by"))
        form.addRow(self.tr("Prepared by:"), self.prepared_by)
        self.confidentiality = QLineEdit()
        self.confidentiality.setPlaceholderText(self.tr("e.g. Confidential: management only"))
        self.confidentiality.setAccessibleName(self.tr("Confidentiality line"))
        form.addRow(self.tr("Confidentiality:"), self.confidentiality)
        self.logo = LogoField()
        form.addRow(self.tr("Logo:"), self.logo)
        self._texts = {
            "prepared_for": self.prepared_for,
            "prepared_by": self.prepared_by,
            "confidentiality": self.confidentiality,
        }
        # A choice the report command of this version cannot make is not offered.
        known = report_flags()
        form.setRowVisible(self.summary_only, "--summary" in known)
        for name, field in self._texts.items():
            form.setRowVisible(field, TEXT_FLAGS[name] in known)
        self.load()

    def load(self) -> None:
        """Fill the fields with the choices remembered from the last report."""
        settings = QSettings()
        self.summary_only.setChecked(
            str(settings.value(SETTINGS + "summaryOnly", "false")).lower() == "true"
        )
        for name, field in self._texts.items():
            field.setText(str(settings.value(SETTINGS + name, "")))
        self.logo.setText(str(settings.value(SETTINGS + "logo", "")))

    def save(self) -> None:
        """Remember the current choices for the next report."""
        settings = QSettings()
        settings.setValue(SETTINGS + "summaryOnly", self.summary_only.isChecked())
        for name, field in self._texts.items():
            settings.setValue(SETTINGS + name, field.text().strip())
        settings.setValue(SETTINGS + "logo", self.logo.text().strip())

    def problem(self) -> str | None:
        """Why the choices cannot be used as they are, or None."""
        return self.logo.problem()

    def arguments(self) -> list[str]:
        """The ``readiness report`` options for these choices (those this version knows)."""
        known = report_flags()
        found: list[str] = []
        if self.summary_only.isChecked() and "--summary" in known:
            found.append("--summary")
        for name, field in self._texts.items():
            flag = TEXT_FLAGS[name]
            if field.text().strip() and flag in known:
                found += [flag, field.text().strip()]
        if self.logo.text().strip() and "--logo" in known:
            found += ["--logo", self.logo.text().strip()]
        return found
