"""The dashboard: the verdict, a card per market, the comparison heat map, a chart,
the readiness and attractiveness matrix, and what-if.

Signals:
    jump_requested(str, str): show the questions of a dimension for a market.
    question_requested(str, str): show one question (item id) for a market ("" company-wide).
"""

from __future__ import annotations

import html

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSlider,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness.domain.plan import MarketSchedule, what_if
from readiness.domain.rounding import points, whole
from readiness.domain.scoring import ConfidenceBand, MarketReadiness, ReadinessLevel
from readiness.report.charts import PALETTE
from ui.charts import add_axes, chart_view, clear_chart, plot, score_axis, still_chart
from ui.custom_markets import generic_note, generic_tag
from ui.models.cells import SORT_ROLE
from ui.models.comparison import ComparisonModel
from ui.models.plan_words import PlanWords
from ui.scores import score_text
from ui.theme import alert_colour
from ui.widgets.matrix import MatrixPoint, MatrixWidget
from ui.widgets.verdict import VerdictPanel
from ui.workspace import Workspace


class MarketCard(QFrame):
    """One market at a glance: score, level, completeness, blockers and when it can open.

    Signals:
        question_requested(str, str): a blocking question was clicked (id, market).
    """

    question_requested = Signal(str, str)

    def __init__(
        self,
        workspace: Workspace,
        market: MarketReadiness,
        schedule: MarketSchedule | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setObjectName("marketCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(220)
        layout = QVBoxLayout(self)
        name = QLabel(f"<b>{html.escape(workspace.market_name(market.code))}</b>")
        name.setObjectName("marketName")
        layout.addWidget(name)
        generic = generic_tag(workspace, market.code)
        if generic is not None:
            tag = QLabel(generic)
            tag.setObjectName("genericProfile")
            tag.setTextFormat(Qt.TextFormat.PlainText)
            tag.setWordWrap(True)
            tag.setToolTip(generic_note(workspace, market.code) or "")
            tag.setStyleSheet(f"color: {alert_colour().name()}")
            layout.addWidget(tag)
        score = QLabel(score_text(market, workspace.language))
        font = score.font()
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        score.setFont(font)
        score.setObjectName("marketScore")
        score_line = QHBoxLayout()  # the confidence right beside the score
        score_line.addWidget(score)
        confidence = QLabel(market.confidence_band.label.get(workspace.language))
        confidence.setWordWrap(True)
        confidence.setObjectName("marketConfidence")
        confidence.setToolTip(
            self.tr("%1% of the questions answered with something other than don't know").replace(
                "%1", points(market.confidence * 100)
            )
        )
        if market.confidence_band is ConfidenceBand.LOW:
            confidence.setStyleSheet(f"color: {alert_colour().name()}; font-weight: bold")
        score_line.addWidget(confidence, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(score_line)
        level = QLabel(market.level.label.get(workspace.language))
        level.setObjectName("marketLevel")
        if market.level is ReadinessLevel.BLOCKED:
            level.setStyleSheet(f"color: {alert_colour().name()}; font-weight: bold")
        else:
            level.setStyleSheet("font-weight: bold")
        layout.addWidget(level)
        progress = QProgressBar()
        progress.setRange(0, 100)
        progress.setValue(whole(market.completeness * 100))
        progress.setFormat(self.tr("%p% answered"))
        progress.setAccessibleName(self.tr("Share of questions answered"))
        layout.addWidget(progress)
        if market.provisional:
            provisional = QLabel(self.tr("Provisional: fewer than 80% answered"))
            provisional.setWordWrap(True)
            layout.addWidget(provisional)
        if market.blockers:
            layout.addWidget(self._blockers(market))
        if schedule is not None:
            layout.addWidget(self._entry(schedule))
        layout.addStretch(1)

    def _blockers(self, market: MarketReadiness) -> QLabel:
        """The critical questions blocking the market, in words, each a link to its
        question; the id in small type after it, for finding it in the list."""
        workspace = self._workspace
        colour = alert_colour().name()
        lines = []
        for item_id in market.blockers:
            item = workspace.catalog.all_items.get(item_id)
            words = html.escape(workspace.name(item.text)) if item is not None else ""
            lines.append(
                f'<p style="margin-top: 4px">• <a href="{html.escape(item_id)}"'
                f' style="color: {colour}">{words}</a>'
                f' <small style="color: palette(placeholder-text)">{html.escape(item_id)}'
                "</small></p>"
            )
        heading = html.escape(self.tr("Blocked by:"))
        blockers = QLabel(f'<span style="color: {colour}">{heading}</span>' + "".join(lines))
        blockers.setObjectName("marketBlockers")
        blockers.setTextFormat(Qt.TextFormat.RichText)
        blockers.setWordWrap(True)
        blockers.setToolTip(self.tr("Click a question to answer it"))
        blockers.linkActivated.connect(
            lambda item_id: self.question_requested.emit(item_id, market.code)
        )
        return blockers

    def _entry(self, schedule: MarketSchedule) -> QLabel:
        """Planned and earliest realistic entry, and by how much the plan runs late."""
        planned = (
            schedule.planned_entry.isoformat() if schedule.planned_entry else self.tr("not set")
        )
        lines = [
            self.tr("Planned entry: %1").replace("%1", planned),
            self.tr("Earliest realistic: %1").replace("%1", schedule.earliest_entry.isoformat()),
        ]
        if schedule.late_days:
            lines.append(self.tr("%1 days late").replace("%1", str(schedule.late_days)))
        entry = QLabel("\n".join(lines))
        entry.setObjectName("marketEntry")
        entry.setTextFormat(Qt.TextFormat.PlainText)
        if schedule.late_days:
            entry.setStyleSheet(f"color: {alert_colour().name()}")
        explained = self.tr(
            "The earliest realistic entry is when every action needed before entry can be "
            "finished, each after what it needs"
        )
        budget = self.tr("This market's share of the budget: %1").replace(
            "%1", PlanWords(self._workspace, self).budget(schedule.budget)
        )
        entry.setToolTip(f"{explained}\n{budget}")
        return entry


class DashboardPage(QWidget):
    """Readiness per market and dimension, and what the top actions would change."""

    jump_requested = Signal(str, str)
    question_requested = Signal(str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._workspace = workspace
        # Everything scrolls together on a small screen rather than squeezing the charts.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll)
        outer = QVBoxLayout(body)
        self.verdict = VerdictPanel(workspace, self)
        self.verdict.question_requested.connect(self.question_requested)
        self.best = self.verdict.headline  # the verdict's first line
        outer.addWidget(self.verdict)
        cards_area = QScrollArea()
        cards_area.setWidgetResizable(True)
        cards_area.setFrameShape(QFrame.Shape.NoFrame)
        cards_area.setMinimumHeight(200)
        cards_area.setMaximumHeight(320)
        self.cards_area = cards_area
        self.cards_host = QWidget()
        self.cards = QHBoxLayout(self.cards_host)
        cards_area.setWidget(self.cards_host)
        # The matrix beside the cards: both scores of each market at a glance.
        self.matrix = MatrixWidget()
        self.matrix.setMinimumWidth(440)
        self.matrix.setMaximumHeight(300)
        top = QHBoxLayout()
        top.addWidget(cards_area, 1)
        top.addWidget(self.matrix)
        outer.addLayout(top)
        self.plan_summary = QLabel()
        self.plan_summary.setObjectName("planSummary")
        self.plan_summary.setTextFormat(Qt.TextFormat.PlainText)  # carries users' market names
        self.plan_summary.setWordWrap(True)
        outer.addWidget(self.plan_summary)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("dashboardSplitter")
        self.model = ComparisonModel(workspace, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("heatMap")
        self.table.setAccessibleName(self.tr("Comparison of markets by dimension"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.proxy.sort(-1)  # markets in the user's order until a header is clicked
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        # Each column as wide as its longest word or cell (see _fit_columns); the table
        # scrolls sideways on a narrow screen rather than cutting words off.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        # Long dimension names wrap onto two lines instead of being cut off.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        small = header.font()
        small.setPointSizeF(small.pointSizeF() * 0.92)
        header.setFont(small)
        header.setMinimumHeight(header.fontMetrics().height() * 3 + 10)
        self.table.setWordWrap(True)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.table.setToolTip(self.tr("Click a score to see that dimension's questions"))
        self.splitter.addWidget(self.table)

        self.chart = still_chart()
        self.chart_view = chart_view(self.chart, minimum_height=150)
        self.splitter.addWidget(self.chart_view)
        self.splitter.setSizes([200, 300])
        outer.addWidget(self.splitter, 1)

        what_if_box = QHBoxLayout()
        self.what_if_label = QLabel()
        self.what_if_label.setTextFormat(Qt.TextFormat.PlainText)
        self.what_if_label.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(self.tr("Number of top actions done"))
        self.slider.setMinimumWidth(220)
        self.slider.valueChanged.connect(self._what_if)
        what_if_box.addWidget(QLabel(self.tr("What if the top actions are done:")))
        what_if_box.addWidget(self.slider)
        what_if_box.addWidget(self.what_if_label, 1)
        outer.addLayout(what_if_box)
        workspace.result_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Redraw everything from the workspace's result."""
        result = self._workspace.result
        while self.cards.count():
            taken = self.cards.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.deleteLater()
        if result is None:
            return
        self.verdict.reload()
        self.matrix.set_points(self._matrix_points())
        for market in result.score.markets.values():
            schedule = result.plan.markets.get(market.code)
            card = MarketCard(self._workspace, market, schedule, self.cards_host)
            card.question_requested.connect(self.question_requested)
            self.cards.addWidget(card)
        self.cards.addStretch(1)
        # Room for a card with blockers and the entry dates, without a scroll bar.
        self.cards_area.setMinimumHeight(270)
        self.plan_summary.setText(self._plan_summary())
        self._fit_columns()
        self.table.resizeRowsToContents()
        self._draw_chart()
        self.slider.blockSignals(True)
        self.slider.setRange(0, min(len(result.plan.actions), 30))
        self.slider.blockSignals(False)
        self._what_if(self.slider.value())

    def _fit_columns(self) -> None:
        """Widen each column to its longest header word or cell, sharing any room left."""
        header = self.table.horizontalHeader()
        words, cells = header.fontMetrics(), self.table.fontMetrics()
        widths = []
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            texts = [
                str(self.model.data(self.model.index(row, column)))
                for row in range(self.model.rowCount())
            ]
            # Chinese wraps between any two characters, English between words.
            chinese = any(ord(c) >= 0x2E80 for c in title)
            pieces = [title[:4]] if chinese else title.split() or [""]
            heading = max(
                max(words.horizontalAdvance(w) for w in pieces),
                words.horizontalAdvance(title) // 3,  # the header in three lines
            )
            content = max((cells.horizontalAdvance(t) for t in texts), default=0)
            widths.append(max(heading + 18, content + 10))  # room for the sort arrow
        room = self.table.viewport().width() - sum(widths) - 2
        extra = max(0, room) // max(1, len(widths))
        for column, width in enumerate(widths):
            header.resizeSection(column, width + extra)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Once the table has its new width; tied to the table, so a page deleted
        # meanwhile (the window replaced while a dialog runs its own loop) is left alone.
        QTimer.singleShot(0, self.table, self._fit_columns)

    def _matrix_points(self) -> list[MatrixPoint]:
        result = self._workspace.result
        assert result is not None
        points = []
        for code, market in result.score.markets.items():
            found = result.attractiveness.get(code)
            points.append(
                MatrixPoint(
                    code=code,
                    name=self._workspace.market_name(code),
                    readiness=market.overall,
                    readiness_text=score_text(market, self._workspace.language),
                    attractiveness=found.score if found is not None else None,
                    coverage=found.coverage if found is not None else 0.0,
                )
            )
        return points

    def _plan_summary(self) -> str:
        """The suggested order of entry and the plan's budget, with what it leaves out."""
        result = self._workspace.result
        assert result is not None
        plan = result.plan
        words = PlanWords(self._workspace, self)
        lines = []
        if plan.entry_sequence:
            order = " → ".join(self._workspace.market_name(c) for c in plan.entry_sequence)
            lines.append(self.tr("Suggested order of entry: %1").replace("%1", order))
        budget = plan.budget
        if any(a.cost is not None or a.effort.high > 0 for a in plan.actions):
            lines.append(self.tr("Budget of the plan: %1").replace("%1", words.budget(budget)))
        else:
            lines.append(
                self.tr("Budget of the plan: no action gives an effort or cost figure yet")
            )
        if budget.unconverted:
            lines.append(
                self.tr("Not counted, no exchange rate entered for %1: the costs of %2 actions")
                .replace("%1", ", ".join(budget.missing_rates))
                .replace("%2", str(len(budget.unconverted)))
            )
        return "\n".join(lines)

    def _draw_chart(self) -> None:
        result = self._workspace.result
        assert result is not None
        catalog = self._workspace.catalog
        clear_chart(self.chart)
        series = QBarSeries()
        for number, (code, market) in enumerate(result.score.markets.items()):
            bar = QBarSet(self._workspace.market_name(code))
            bar.setColor(QColor(PALETTE[number % len(PALETTE)]))
            for dimension in catalog.dimensions:
                bar.append(market.dimensions[dimension].score or 0.0)
            series.append(bar)
        categories = QBarCategoryAxis()
        categories.append([self._workspace.name(d.name) for d in catalog.dimensions.values()])
        values = score_axis(tick_count=5)
        add_axes(self.chart, categories, values)
        plot(self.chart, series, categories, values)
        self.chart.setTitle(self.tr("Readiness by dimension"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)

    def _what_if(self, done: int) -> None:
        result = self._workspace.result
        if result is None:
            return
        if done == 0:
            self.what_if_label.setText(
                self.tr("Move the slider to see readiness after the top actions.")
            )
            return
        projected = what_if(
            self._workspace.catalog, result.markets, result.scored_values, result.plan, done
        )
        parts = []
        for code, market in result.score.markets.items():
            after = projected.markets[code]
            parts.append(
                f"{self._workspace.market_name(code)} "
                f"{points(market.overall)} → {points(after.overall)} "
                f"({after.level.label.get(self._workspace.language)})"
            )
        self.what_if_label.setText(
            self.tr("Top %1 actions done: ").replace("%1", str(done)) + " · ".join(parts)
        )

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        dimension = self.model.dimension_at(source.column())
        if dimension is not None:
            self.jump_requested.emit(dimension, self.model.market_at(source.row()))
