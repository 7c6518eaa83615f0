"""The attractiveness weights of the open assessment: how much each factor counts.

One spin box per factor (points; the score is the weighted mean of the factors
a market has facts for, so only their proportions matter). Reset to defaults
puts back the method's weights; saving the defaults stores none, so the
assessment follows the method if it changes. Saved off the UI thread through
the workspace, like the budget currency and rates.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness.domain.attractiveness import DEFAULT_WEIGHTS, Factor, checked_weights
from ui.theme import alert_colour
from ui.workspace import Workspace


class WeightsDialog(QDialog):
    """A spin box per attractiveness factor, Reset to defaults, and Save."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightsDialog")
        self._workspace = workspace
        self.setWindowTitle(self.tr("Attractiveness weights"))
        self.setMinimumWidth(440)
        result = workspace.result
        self.saved: Mapping[Factor, float] = result.weights if result else DEFAULT_WEIGHTS
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "How much each factor counts in a market's attractiveness, in points. Only the "
                "proportions matter; a factor a market has no facts for is left out, never "
                "counted as zero. These weights apply to this assessment only."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.spins: dict[Factor, QDoubleSpinBox] = {}
        for factor in Factor:
            spin = QDoubleSpinBox()
            spin.setObjectName(f"weight-{factor.value}")
            spin.setRange(0.0, 100.0)
            spin.setDecimals(0)
            spin.setSingleStep(5.0)
            spin.setValue(self.saved.get(factor, 0.0))
            name = workspace.name(factor.label)
            spin.setAccessibleName(self.tr("Weight of %1").replace("%1", name))
            spin.valueChanged.connect(self._check)
            form.addRow(self.tr("%1:").replace("%1", name), spin)
            self.spins[factor] = spin
        layout.addLayout(form)
        self.total = QLabel()
        layout.addWidget(self.total)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {alert_colour().name()}")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.reset_button = QPushButton(self.tr("Reset to defaults"))
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.reset_button.clicked.connect(self.reset)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)
        self._check()

    def weights(self) -> dict[Factor, float]:
        """The weights as entered."""
        return {factor: spin.value() for factor, spin in self.spins.items()}

    def reset(self) -> None:
        """Put the method's default weights back in the boxes (saved with Save)."""
        for factor, spin in self.spins.items():
            spin.setValue(DEFAULT_WEIGHTS.get(factor, 0.0))

    def _check(self) -> None:
        weights = self.weights()
        self.total.setText(self.tr("Total: %1 points").replace("%1", f"{sum(weights.values()):g}"))
        try:
            checked_weights({factor.value: value for factor, value in weights.items()})
        except ValueError:
            self.error.setText(self.tr("Give at least one factor a weight above zero."))
            self.save_button.setEnabled(False)
            return
        self.error.clear()
        self.save_button.setEnabled(True)

    def save(self) -> None:
        """Save the weights when they changed (the defaults are saved as none) and close."""
        weights = self.weights()
        if weights != dict(self.saved):
            is_default = weights == dict(DEFAULT_WEIGHTS)
            self._workspace.set_attractiveness_weights(
                None if is_default else {factor.value: value for factor, value in weights.items()}
            )
        self.accept()
