"""Company profile and target markets: the picker, custom markets, and entry dates."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness.content.catalog import Catalog
from readiness.content.model import Certificate
from readiness.domain.profile import CERTIFICATE_NAMES
from readiness.domain.records import MarketChoice, SavedCompany
from readiness.domain.text import NAME
from ui.dialogs.rates import RatesDialog
from ui.models.delegates import DateDelegate
from ui.models.markets import MarketsModel
from ui.theme import alert_colour
from ui.workspace import Workspace


class MarketPicker(QWidget):
    """Catalog markets to tick, found by name in English or Chinese, filtered by region."""

    def __init__(
        self, catalog: Catalog, language: str, taken: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._language = language
        self._custom: list[MarketChoice] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search markets (English or 中文)"))
        self.search.setAccessibleName(self.tr("Search markets"))
        self.search.textChanged.connect(self._filter)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Region filter"))
        self.region.addItem(self.tr("All regions"), None)
        for tag, region in catalog.regions.items():
            self.region.addItem(region.name.get(language), tag)
        self.region.currentIndexChanged.connect(self._filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.region)
        layout.addLayout(bar)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Catalog markets"))
        for code, market in catalog.markets.items():
            entry = QListWidgetItem(f"{market.name.get(language)} ({code})")
            entry.setData(Qt.ItemDataRole.UserRole, code)
            entry.setToolTip(market.summary.get(language))
            if code in taken:
                entry.setFlags(Qt.ItemFlag.NoItemFlags)
                entry.setText(entry.text() + " ✓")
            else:
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(entry)
        layout.addWidget(self.list, 1)
        custom_box = QGroupBox(self.tr("A market the catalog does not list"))
        custom = QFormLayout(custom_box)
        self.custom_name = QLineEdit()
        self.custom_name.setAccessibleName(self.tr("Custom market name in English"))
        self.custom_name_zh = QLineEdit()
        self.custom_name_zh.setAccessibleName(self.tr("Custom market name in Chinese"))
        self.custom_code = QLineEdit()
        self.custom_code.setAccessibleName(self.tr("Custom market code"))
        self.custom_code.setPlaceholderText(self.tr("ISO code, e.g. VN"))
        self.custom_code.setMaxLength(6)
        self.custom_region = QComboBox()
        self.custom_region.setAccessibleName(self.tr("Region profile to start from"))
        for tag, region in catalog.regions.items():
            self.custom_region.addItem(region.name.get(language), tag)
        add = QPushButton(self.tr("Add custom market"))
        add.clicked.connect(self._add_custom)
        custom.addRow(self.tr("Name in English:"), self.custom_name)
        custom.addRow(self.tr("Name in Chinese:"), self.custom_name_zh)
        custom.addRow(self.tr("Code:"), self.custom_code)
        custom.addRow(self.tr("Starts from region:"), self.custom_region)
        generic = QLabel(
            self.tr(
                "A custom market gets the generic questions of the region you pick as nearest, "
                "and no market facts; the app says so wherever it is shown."
            )
        )
        generic.setWordWrap(True)
        custom.addRow(generic)
        custom.addRow(add)
        self.custom_list = QLabel()
        self.custom_list.setTextFormat(Qt.TextFormat.PlainText)
        self.custom_list.setWordWrap(True)
        custom.addRow(self.custom_list)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {alert_colour().name()}")
        custom.addRow(self.error)
        layout.addWidget(custom_box)
        self._taken = set(taken)

    def _filter(self) -> None:
        text = self.search.text().strip().lower()
        tag = self.region.currentData()
        for row in range(self.list.count()):
            entry = self.list.item(row)
            market = self._catalog.markets[entry.data(Qt.ItemDataRole.UserRole)]
            names = f"{market.name.en} {market.name.zh} {market.code}".lower()
            hidden = (bool(text) and text not in names) or (
                tag is not None and tag not in market.regions
            )
            entry.setHidden(hidden)

    def _add_custom(self) -> None:
        name = self.custom_name.text().strip()
        name_zh = self.custom_name_zh.text().strip()
        code = self.custom_code.text().strip().upper()
        if not name or not name_zh:
            self.error.setText(self.tr("Give the market a name in English and in Chinese."))
            return
        if not re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,3})?", code):
            self.error.setText(self.tr("Use a two-letter country code, such as VN or SA."))
            return
        if (
            code in self._catalog.markets
            or code in self._taken
            or any(c.code == code for c in self._custom)
        ):
            self.error.setText(self.tr("%1 is already listed.").replace("%1", code))
            return
        self.error.clear()
        self._custom.append(
            MarketChoice(
                code,
                custom_name=name,
                custom_region=self.custom_region.currentData(),
                custom_name_zh=name_zh,
            )
        )
        self.custom_list.setText(
            self.tr("To add: %1").replace(
                "%1",
                ", ".join(f"{c.custom_name} / {c.custom_name_zh} ({c.code})" for c in self._custom),
            )
        )
        self.custom_name.clear()
        self.custom_name_zh.clear()
        self.custom_code.clear()

    def check(self, code: str) -> None:
        """Tick a catalog market (for keyboard users and tests)."""
        for row in range(self.list.count()):
            entry = self.list.item(row)
            if entry.data(Qt.ItemDataRole.UserRole) == code:
                entry.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[MarketChoice]:
        """The ticked catalog markets and the custom ones, in that order."""
        picked = [
            MarketChoice(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        return picked + self._custom


class NewAssessmentDialog(QDialog):
    """Company profile and target markets for a new assessment."""

    def __init__(self, catalog: Catalog, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New assessment"))
        self.resize(620, 720)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.company = QLineEdit()
        self.company.setAccessibleName(self.tr("Company name"))
        self.title = QLineEdit(self.tr("Export readiness assessment"))
        # The store's limits, so typing stops where saving would be refused.
        for edit in (self.company, self.title):
            edit.setMaxLength(NAME.max_length)
        self.title.setAccessibleName(self.tr("Assessment title"))
        self.industry = QLineEdit()
        self.industry.setPlaceholderText(self.tr("e.g. Tier-1 brake systems, commercial vehicles"))
        self.products = QLineEdit()
        self.province = QLineEdit()
        form.addRow(self.tr("Company name:"), self.company)
        form.addRow(self.tr("Assessment title:"), self.title)
        form.addRow(self.tr("Industry segment:"), self.industry)
        form.addRow(self.tr("Products:"), self.products)
        form.addRow(self.tr("Home province:"), self.province)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Target markets:")))
        self.picker = MarketPicker(catalog, language, set(), self)
        layout.addWidget(self.picker, 1)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {alert_colour().name()}")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.company.text().strip():
            self.error.setText(self.tr("Enter the company name."))
            self.company.setFocus()
            return
        if not self.picker.chosen():
            self.error.setText(self.tr("Choose at least one target market."))
            return
        if not self.title.text().strip():
            self.title.setText(self.tr("Export readiness assessment"))
        self.accept()


class AddMarketsDialog(QDialog):
    """Add target markets to an open assessment."""

    def __init__(
        self, catalog: Catalog, language: str, taken: set[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add target markets"))
        self.resize(560, 620)
        layout = QVBoxLayout(self)
        self.picker = MarketPicker(catalog, language, taken, self)
        layout.addWidget(self.picker, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


# The most employees the store takes (readiness.storage.refusals).
MAX_EMPLOYEES = 10_000_000


class ProfileFacts(QGroupBox):
    """What the plan reads of the company: its size, how it exports today, what it makes
    and the certificates it holds. Each change is saved at once through the workspace."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Size, sales and certificates (decide which questions are asked)"))
        self._workspace = workspace
        form = QFormLayout(self)
        self.employees = QSpinBox()
        self.employees.setObjectName("employees")
        self.employees.setAccessibleName(self.tr("Number of employees"))
        self.employees.setRange(0, MAX_EMPLOYEES)
        self.employees.setGroupSeparatorShown(True)
        self.employees.setMaximumWidth(200)
        self.employees.setSpecialValueText(self.tr("not given"))
        self.employees.setToolTip(
            self.tr("Leave at 'not given' if unsure; a small company gets later steps ranked down.")
        )
        self.employees.editingFinished.connect(self._save_employees)
        form.addRow(self.tr("Employees:"), self.employees)
        self.boxes: dict[str, dict[str, QCheckBox]] = {}
        for field, label, choices in (
            (
                "export_channels",
                self.tr("Exports today through:"),
                (
                    ("traders", self.tr("Trading companies")),
                    ("distributors", self.tr("Importers or distributors abroad")),
                    ("direct", self.tr("Direct sales to customers abroad")),
                    ("oem_supply", self.tr("Supplying vehicle makers (OEM)")),
                ),
            ),
            (
                "product_types",
                self.tr("Makes:"),
                (
                    ("vehicles", self.tr("Vehicles")),
                    ("parts", self.tr("Parts and components")),
                    ("batteries", self.tr("Batteries")),
                    ("special_vehicles", self.tr("Special vehicles")),
                ),
            ),
            (
                "certificates",
                self.tr("Certificates held:"),
                (
                    *(
                        (certificate.value, name)
                        for certificate, name in CERTIFICATE_NAMES.items()
                        if certificate is not Certificate.VDA_6_3
                    ),
                    (Certificate.VDA_6_3.value, self.tr("VDA 6.3 audit passed")),
                ),
            ),
        ):
            # Two to a line, so the page fits a narrow window in either language.
            grid = QGridLayout()
            boxes: dict[str, QCheckBox] = {}
            for position, (value, text) in enumerate(choices):
                box = QCheckBox(text)
                box.setObjectName(f"{field}:{value}")
                box.setAccessibleName(f"{label.rstrip(':：')}: {text}")
                box.toggled.connect(lambda _on, f=field: self._save_choices(f))
                grid.addWidget(box, position // 2, position % 2)
                boxes[value] = box
            grid.setColumnStretch(2, 1)
            form.addRow(label, grid)
            self.boxes[field] = boxes
        self.other = QLineEdit()
        self.other.setObjectName("otherCertificates")
        self.other.setAccessibleName(self.tr("Other certificates"))
        self.other.setPlaceholderText(self.tr("e.g. CCC, E-mark, ISO/IEC 17025"))
        self.other.editingFinished.connect(self._save_other)
        form.addRow(self.tr("Other certificates:"), self.other)

    def show_company(self, company: SavedCompany) -> None:
        """Show the saved profile (a field being edited keeps the user's text)."""
        if not self.employees.hasFocus():
            self.employees.setValue(company.employees or 0)
        for field, boxes in self.boxes.items():
            held = set(getattr(company, field))
            for value, box in boxes.items():
                box.blockSignals(True)
                box.setChecked(value in held)
                box.blockSignals(False)
        if not self.other.hasFocus():
            self.other.setText(company.other_certificates)

    def _company(self) -> SavedCompany | None:
        result = self._workspace.result
        return result.company if result is not None else None

    def _save_employees(self) -> None:
        company = self._company()
        employees = self.employees.value() or None
        if company is not None and company.employees != employees:
            self._workspace.update_company(employees=employees)

    def _save_choices(self, field: str) -> None:
        company = self._company()
        chosen = [value for value, box in self.boxes[field].items() if box.isChecked()]
        if company is not None and tuple(chosen) != tuple(getattr(company, field)):
            self._workspace.update_company(**{field: chosen})

    def _save_other(self) -> None:
        company = self._company()
        if company is not None and company.other_certificates != self.other.text():
            self._workspace.update_company(other_certificates=self.other.text())


class CompanyPage(QWidget):
    """The company's profile and its target markets."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("companyPage")
        self._workspace = workspace
        layout = QVBoxLayout(self)
        profile = QGroupBox(self.tr("Company profile (saved when you leave a field)"))
        form = QFormLayout(profile)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (
            ("name", self.tr("Company name:")),
            ("industry_segment", self.tr("Industry segment:")),
            ("products", self.tr("Products:")),
            ("home_province", self.tr("Home province:")),
            ("notes", self.tr("Notes:")),
        ):
            edit = QLineEdit()
            edit.setAccessibleName(label.rstrip(":："))
            if key == "name":
                edit.setMaxLength(NAME.max_length)
            edit.editingFinished.connect(lambda k=key, e=edit: self._save(k, e.text()))
            form.addRow(label, edit)
            self.fields[key] = edit
        layout.addWidget(profile)
        self.facts = ProfileFacts(workspace, self)
        layout.addWidget(self.facts)
        markets = QGroupBox(self.tr("Target markets (double-click a date to plan the entry)"))
        markets_layout = QVBoxLayout(markets)
        self.model = MarketsModel(workspace, self)
        self.table = QTableView()
        self.table.setObjectName("marketsTable")
        self.table.setAccessibleName(self.tr("Target markets"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(MarketsModel.ENTRY, DateDelegate(self.table))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        markets_layout.addWidget(self.table)
        add = QPushButton(self.tr("Add markets…"))
        add.clicked.connect(self._add_markets)
        budget = QPushButton(self.tr("Budget currency and rates…"))
        budget.setObjectName("budgetButton")
        budget.clicked.connect(self.edit_rates)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(budget)
        markets_layout.addLayout(row)
        layout.addWidget(markets, 1)
        workspace.result_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Show the stored profile."""
        result = self._workspace.result
        if result is None:
            return
        for key, edit in self.fields.items():
            if not edit.hasFocus():
                edit.setText(str(getattr(result.company, key)))
        self.facts.show_company(result.company)

    def _save(self, key: str, value: str) -> None:
        result = self._workspace.result
        if result is None or str(getattr(result.company, key)) == value:
            return
        if key == "name" and not value.strip():
            self.fields[key].setText(result.company.name)
            return
        self._workspace.update_company(**{key: value})

    def edit_rates(self) -> None:
        """Open the budget currency and exchange rates dialog."""
        if self._workspace.result is not None:
            RatesDialog(self._workspace, self).exec()

    def _add_markets(self) -> None:
        result = self._workspace.result
        if result is None:
            return
        dialog = AddMarketsDialog(
            self._workspace.catalog,
            self._workspace.language,
            {m.code for m in result.markets},
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            for market in dialog.picker.chosen():
                self._workspace.add_market(market)
