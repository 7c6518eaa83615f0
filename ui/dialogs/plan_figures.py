"""Editing one action's own figures: start and due dates, effort, cost, owner and status.

Each figure can be left to the plan ("use the plan's figure"): the editors then
show what the plan has and are not saved. The figures are saved together, off
the UI thread, through the workspace; a colleague's change since the dialog
opened is a conflict, not overwritten.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
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
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from readiness.content.model import CURRENCIES
from readiness.domain.dates import EARLIEST_DATE, LATEST_DATE
from readiness.domain.plan import PlanKey, PlannedAction
from readiness.domain.records import PlanFigures, SavedAction
from readiness.domain.rounding import whole
from readiness.domain.statuses import ActionStatus
from readiness.domain.text import ASSIGNEE
from readiness.storage.refusals import MAX_COST, MAX_EFFORT, RefusedValueError, refuse_bad_figures
from ui.theme import alert_colour
from ui.workspace import Workspace


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class PlanFiguresDialog(QDialog):
    """One action's figures, each the user's own or the plan's, with its owner and status.

    ``key`` is the action's key in the plan: (question id, market code, region
    tag such as ``eu``, or None for the company).
    """

    def __init__(self, workspace: Workspace, key: PlanKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.key = key
        result = workspace.result
        self.planned: PlannedAction | None = result.plan.action(key) if result else None
        self.saved: SavedAction | None = result.actions.get(key) if result else None
        # The version the user sees: a colleague's change after it is a conflict.
        self._seen = self.saved.version if self.saved is not None else 0
        self.setWindowTitle(self.tr("Action figures: %1").replace("%1", self._where()))
        layout = QVBoxLayout(self)
        if self.planned is not None:
            text = QLabel(workspace.name(self.planned.item.action))
            text.setWordWrap(True)
            layout.addWidget(text)
        form = QFormLayout()
        self.owner = QLineEdit(self.saved.owner if self.saved else "")
        self.owner.setAccessibleName(self.tr("Owner"))
        self.owner.setMaxLength(ASSIGNEE.max_length)
        form.addRow(self.tr("Owner:"), self.owner)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status, label in (
            (ActionStatus.OPEN, self.tr("Open")),
            (ActionStatus.IN_PROGRESS, self.tr("In progress")),
            (ActionStatus.DONE, self.tr("Done")),
            (ActionStatus.DROPPED, self.tr("Dropped")),
        ):
            self.status.addItem(label, status.value)
        current = self.saved.status if self.saved else ActionStatus.OPEN.value
        self.status.setCurrentIndex(self.status.findData(current))
        form.addRow(self.tr("Status:"), self.status)

        self.start = self._date_edit(self.tr("Start date"))
        self.due = self._date_edit(self.tr("Due date"))
        self.effort_min = self._effort_edit(self.tr("Least effort (person-weeks)"))
        self.effort_max = self._effort_edit(self.tr("Most effort (person-weeks)"))
        self.cost_min = self._cost_edit(self.tr("Least cost"))
        self.cost_max = self._cost_edit(self.tr("Most cost"))
        self.currency = QComboBox()
        self.currency.setAccessibleName(self.tr("Cost currency"))
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.basis = QComboBox()
        self.basis.setAccessibleName(self.tr("Paid"))
        self.basis.addItem(self.tr("once"), "one_off")
        self.basis.addItem(self.tr("every year"), "yearly")
        self.plan_start = self._plan_box()
        self.plan_due = self._plan_box()
        self.plan_effort = self._plan_box()
        self.plan_cost = self._plan_box()
        form.addRow(self.tr("Start:"), self._row(self.start, self.plan_start))
        form.addRow(self.tr("Due:"), self._row(self.due, self.plan_due))
        form.addRow(
            self.tr("Effort (person-weeks):"),
            self._row(self.effort_min, QLabel(self.tr("to")), self.effort_max, self.plan_effort),
        )
        form.addRow(
            self.tr("External cost:"),
            self._row(
                self.cost_min,
                QLabel(self.tr("to")),
                self.cost_max,
                self.currency,
                self.basis,
                self.plan_cost,
            ),
        )
        layout.addLayout(form)
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
        self._fill()
        for box in (self.plan_start, self.plan_due, self.plan_effort, self.plan_cost):
            box.toggled.connect(self._enable)
        self._enable()

    # --- building --------------------------------------------------------------------

    def _where(self) -> str:
        item_id, market = self.key
        if market is None:
            company = self.tr("company")  # outside the f-string, where lupdate finds it
            return f"{item_id} · {company}"
        name = market.upper() if market.islower() else self._workspace.market_name(market)
        return f"{item_id} · {name}"

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDateRange(_qdate(EARLIEST_DATE), _qdate(LATEST_DATE))
        return edit

    def _effort_edit(self, name: str) -> QDoubleSpinBox:
        edit = QDoubleSpinBox()
        edit.setAccessibleName(name)
        edit.setRange(0.0, MAX_EFFORT)
        edit.setDecimals(1)
        edit.setSingleStep(0.5)
        return edit

    def _cost_edit(self, name: str) -> QSpinBox:
        edit = QSpinBox()
        edit.setAccessibleName(name)
        edit.setRange(0, MAX_COST)
        edit.setGroupSeparatorShown(True)
        edit.setSingleStep(1000)
        return edit

    def _plan_box(self) -> QCheckBox:
        box = QCheckBox(self.tr("use the plan's figure"))
        return box

    def _row(self, *widgets: QWidget) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return holder

    def _fill(self) -> None:
        """Show the user's own figures where set, else the plan's."""
        saved, planned = self.saved, self.planned
        today = self._workspace.result.today if self._workspace.result else dt.date.today()
        own_start = saved.start_date if saved else None
        own_due = saved.due_date if saved else None
        self.start.setDate(_qdate(own_start or (planned.start if planned else today)))
        self.due.setDate(_qdate(own_due or (planned.due if planned else today)))
        self.plan_start.setChecked(own_start is None)
        self.plan_due.setChecked(own_due is None)
        if saved is not None and saved.effort_min is not None:
            self.effort_min.setValue(saved.effort_min)
            self.effort_max.setValue(saved.effort_max or saved.effort_min)
            self.plan_effort.setChecked(False)
        else:
            effort = planned.effort if planned else None
            self.effort_min.setValue(effort.low if effort else 0.0)
            self.effort_max.setValue(effort.high if effort else 0.0)
            self.plan_effort.setChecked(True)
        if saved is not None and saved.cost_min is not None and saved.cost_currency:
            self.cost_min.setValue(saved.cost_min)
            self.cost_max.setValue(saved.cost_max or saved.cost_min)
            self.currency.setCurrentIndex(self.currency.findData(saved.cost_currency))
            self.basis.setCurrentIndex(self.basis.findData(saved.cost_basis or "one_off"))
            self.plan_cost.setChecked(False)
        else:
            cost = planned.cost if planned else None
            self.cost_min.setValue(whole(min(cost.amount.low, MAX_COST)) if cost else 0)
            self.cost_max.setValue(whole(min(cost.amount.high, MAX_COST)) if cost else 0)
            if cost is not None:
                self.currency.setCurrentIndex(self.currency.findData(cost.currency))
                self.basis.setCurrentIndex(self.basis.findData(cost.basis.value))
            self.plan_cost.setChecked(True)

    def _enable(self) -> None:
        self.start.setEnabled(not self.plan_start.isChecked())
        self.due.setEnabled(not self.plan_due.isChecked())
        for edit in (self.effort_min, self.effort_max):
            edit.setEnabled(not self.plan_effort.isChecked())
        for widget in (self.cost_min, self.cost_max, self.currency, self.basis):
            widget.setEnabled(not self.plan_cost.isChecked())

    # --- saving ----------------------------------------------------------------------

    def figures(self) -> PlanFigures:
        """The figures as the dialog stands: None for each left to the plan."""
        own_effort = not self.plan_effort.isChecked()
        own_cost = not self.plan_cost.isChecked()
        return PlanFigures(
            start_date=None if self.plan_start.isChecked() else _day(self.start.date()),
            due_date=None if self.plan_due.isChecked() else _day(self.due.date()),
            effort_min=self.effort_min.value() if own_effort else None,
            effort_max=self.effort_max.value() if own_effort else None,
            cost_min=self.cost_min.value() if own_cost else None,
            cost_max=self.cost_max.value() if own_cost else None,
            cost_currency=str(self.currency.currentData()) if own_cost else None,
            cost_basis=str(self.basis.currentData()) if own_cost else None,
        )

    def _saved_figures(self) -> PlanFigures:
        return self.saved.figures if self.saved is not None else PlanFigures()

    def save(self) -> None:
        """Check the figures; save what changed through the workspace and close, or say
        what is wrong and stay open."""
        figures = self.figures()
        try:
            refuse_bad_figures(figures, self._where())
        except RefusedValueError as error:
            self.error.setText(str(error).removesuffix("; nothing was saved."))
            return
        owner = self.owner.text().strip()
        status = ActionStatus(str(self.status.currentData()))
        before_owner = self.saved.owner if self.saved else ""
        before_status = self.saved.status if self.saved else ActionStatus.OPEN.value
        changed_figures = figures != self._saved_figures()
        if owner != before_owner or status.value != before_status or changed_figures:
            self._workspace.set_action(
                self.key[0],
                self.key[1],
                owner=owner if owner != before_owner else None,
                status=status if status.value != before_status else None,
                figures=figures if changed_figures else None,
                seen_version=self._seen,
            )
        self.accept()
