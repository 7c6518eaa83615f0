"""The currency the plan's budget is totalled in, and the dated exchange rates it uses.

A cost in another currency is converted at the rate the user entered, as of the
day the user took it; without a rate it is left out of the total and the plan
says so. Saved off the UI thread through the workspace, all checked first.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from readiness.content.model import CURRENCIES
from readiness.domain.dates import EARLIEST_DATE, LATEST_DATE
from readiness.domain.records import SavedRate
from readiness.storage.refusals import RefusedValueError, refuse_bad_rate
from ui.theme import alert_colour
from ui.workspace import Workspace

# The currencies a rate is entered for: yuan per unit of each.
RATE_CURRENCIES = ("EUR", "USD")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _RateRow:
    """One currency's rate: whether it is entered, its value and its date."""

    def __init__(self, currency: str, saved: SavedRate | None) -> None:
        self.currency = currency
        self.saved = saved
        self.entered = QCheckBox(
            QCoreApplication.translate("RatesDialog", "1 %1 =").replace("%1", currency)
        )
        self.entered.setAccessibleName(
            QCoreApplication.translate("RatesDialog", "Use a rate for %1").replace("%1", currency)
        )
        self.value = QDoubleSpinBox()
        self.value.setAccessibleName(
            QCoreApplication.translate("RatesDialog", "Yuan per %1").replace("%1", currency)
        )
        self.value.setDecimals(4)
        self.value.setRange(0.0001, 1_000_000.0)
        self.value.setSuffix(" CNY")
        self.as_of = QDateEdit()
        self.as_of.setAccessibleName(
            QCoreApplication.translate("RatesDialog", "Date of the %1 rate").replace("%1", currency)
        )
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDateRange(_qdate(EARLIEST_DATE), _qdate(LATEST_DATE))
        self.entered.setChecked(saved is not None)
        self.value.setValue(saved.cny_per_unit if saved else 1.0)
        self.as_of.setDate(_qdate(saved.as_of) if saved else QDate.currentDate())
        self.entered.toggled.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        for widget in (self.value, self.as_of):
            widget.setEnabled(self.entered.isChecked())

    def rate(self) -> SavedRate | None:
        """The rate as entered, or None when none is."""
        if not self.entered.isChecked():
            return None
        day = self.as_of.date()
        return SavedRate(
            self.currency, self.value.value(), dt.date(day.year(), day.month(), day.day())
        )


class RatesDialog(QDialog):
    """The budget currency, and a dated rate for each other currency a cost may be in."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(self.tr("Budget currency and exchange rates"))
        result = workspace.result
        self.saved_currency = result.assessment.budget_currency if result else "CNY"
        saved = {r.currency: r for r in (result.plan.rates if result else ())}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.currency = QComboBox()
        self.currency.setAccessibleName(self.tr("Budget currency"))
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.currency.setCurrentIndex(self.currency.findData(self.saved_currency))
        form.addRow(self.tr("Total the budget in:"), self.currency)
        self.rows = {code: _RateRow(code, saved.get(code)) for code in RATE_CURRENCIES}
        for row in self.rows.values():
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(row.value)
            line.addWidget(QLabel(self.tr("as of")))
            line.addWidget(row.as_of)
            line.addStretch(1)
            form.addRow(row.entered, holder)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Enter the rate your finance team uses and the day it was taken. A cost in a "
                "currency without a rate is left out of the total, and the plan says so."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {alert_colour().name()}")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Save what changed and close, or say what is wrong and stay open."""
        rates: list[SavedRate] = []
        remove: list[str] = []
        for row in self.rows.values():
            rate = row.rate()
            if rate is None:
                if row.saved is not None:
                    remove.append(row.currency)
                continue
            try:
                refuse_bad_rate(rate)
            except RefusedValueError as error:
                self.error.setText(str(error).removesuffix("; nothing was saved."))
                return
            if rate != row.saved:
                rates.append(rate)
        currency = str(self.currency.currentData())
        changed = currency if currency != self.saved_currency else None
        if changed is not None or rates or remove:
            self._workspace.set_budget(changed, rates, remove)
        self.accept()
