"""The portfolio's progress: who has not started, who is stuck, answered share per
dimension, and the gaps most firms share (the platform's training and service needs).

Every figure is :func:`readiness.domain.portfolio_insight.progress`'s; this dialog
only lays it out for the market the portfolio window shows.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from readiness.domain.portfolio import Portfolio
from readiness.domain.portfolio_insight import STUCK_DAYS, progress
from readiness.domain.rounding import percent
from ui.models.cells import SORT_ROLE
from ui.models.portfolio_progress import ProgressRowsModel
from ui.workspace import Workspace


def _table(model: ProgressRowsModel, name: str) -> QTableView:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class PortfolioProgress(QDialog):
    """Who has not started or is stuck, the answered share per dimension, the common gaps."""

    def __init__(self, workspace: Workspace, portfolio: Portfolio, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioProgress")
        self.setWindowTitle(
            self.tr("Progress for %1").replace("%1", workspace.name(portfolio.name))
        )
        self.resize(900, 600)
        seen = progress(portfolio)
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr("%1 firms have not started; %2 are stuck (no change for %3 days).")
            .replace("%1", str(len(seen.not_started)))
            .replace("%2", str(len(seen.stuck)))
            .replace("%3", str(STUCK_DAYS))
        )
        self.summary.setObjectName("progressSummary")
        layout.addWidget(self.summary)
        tabs = QTabWidget()
        layout.addWidget(tabs, 1)

        self.firms = ProgressRowsModel(
            [self.tr("Company"), self.tr("Where"), self.tr("Answered"), self.tr("Last change")],
            self,
        )
        not_started, stuck = self.tr("Not started"), self.tr("Stuck")
        self.firms.set_rows(
            [
                [
                    (row.company, row.company.casefold()),
                    (where, where),
                    (percent(row.completeness), row.completeness),
                    (row.updated_at.date().isoformat(), row.updated_at.timestamp()),
                ]
                for where, rows in ((not_started, seen.not_started), (stuck, seen.stuck))
                for row in rows
            ],
            right=(2,),
        )
        firms_view = _table(self.firms, "progressFirms")
        firms_view.setColumnWidth(0, 340)
        # The longest idle first: who most needs a call from the platform.
        firms_view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        tabs.addTab(firms_view, self.tr("Not started or stuck"))

        items = workspace.catalog.all_items
        dimensions = workspace.catalog.dimensions
        self.gaps = ProgressRowsModel(
            [self.tr("Question"), self.tr("Dimension"), self.tr("Firms"), self.tr("Share")], self
        )
        firms = portfolio.firms or 1
        self.gaps.set_rows(
            [
                [
                    (
                        f"{gap.item_id} "
                        + (workspace.name(items[gap.item_id].text) if gap.item_id in items else ""),
                        gap.item_id,
                    ),
                    (
                        workspace.name(dimensions[gap.dimension].name)
                        if gap.dimension in dimensions
                        else gap.dimension,
                        gap.dimension,
                    ),
                    (str(gap.firms), gap.firms),
                    (percent(gap.firms / firms), gap.firms),
                ]
                for gap in seen.common_gaps
            ],
            right=(2, 3),
        )
        gaps_view = _table(self.gaps, "progressGaps")
        gaps_view.setColumnWidth(0, 520)
        gaps_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        tabs.addTab(gaps_view, self.tr("Most common gaps"))

        self.dimensions = ProgressRowsModel([self.tr("Dimension"), self.tr("Answered")], self)
        self.dimensions.set_rows(
            [
                [(workspace.name(dimensions[d].name), d), (percent(share), share)]
                for d, share in seen.dimension_completeness.items()
            ],
            right=(1,),
        )
        dimensions_view = _table(self.dimensions, "progressDimensions")
        dimensions_view.setColumnWidth(0, 340)
        tabs.addTab(dimensions_view, self.tr("Answered by dimension"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
