"""The plan as a Gantt chart: a bar per action from start to due, the critical path in its own
colour, slack as a thin line after the bar, today, and each market's planned and earliest
realistic entry as vertical lines.

The time axis fits the width (no sideways scrolling); the rows scroll, with the axis kept
in view above them, so a plan of a few hundred actions stays readable. Painted with
QPainter: no chart library.

Signals (GanttView):
    action_clicked(object): the key of the action the user clicked.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QToolTip, QVBoxLayout, QWidget

from readiness.content.model import Phase
from readiness.domain.plan import PlanKey, PlannedAction
from readiness.report.charts import PALETTE
from ui.theme import alert_colour, is_dark

ROW_HEIGHT = 22
HEADER_HEIGHT = 40
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)


@dataclass(frozen=True)
class EntryMarker:
    """One market's entry dates, drawn as vertical lines in the market's colour."""

    code: str
    name: str
    planned: dt.date | None
    earliest: dt.date
    colour: str


def bar_colours() -> dict[str, QColor]:
    """The bars' colours: the critical path, other actions, work after entry, finished."""
    return {
        "critical": alert_colour(),
        "normal": QColor("#6fa8dc") if is_dark() else QColor("#2e75b6"),
        "after": QColor("#93c47d") if is_dark() else QColor("#548235"),
        "closed": QColor("#7f7f7f"),
    }


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


class _Scale:
    """Where a date falls across the chart's width."""

    def __init__(self, first: dt.date, last: dt.date, left: int, width: int) -> None:
        self.first = first
        self.days = max(1, (last - first).days)
        self.left = left
        self.width = max(1, width)

    def x(self, day: dt.date) -> float:
        return self.left + (day - self.first).days * self.width / self.days

    def ticks(self, metrics: QFontMetrics) -> list[tuple[dt.date, str]]:
        """Month starts to mark, spaced so their labels never overlap."""
        room = metrics.horizontalAdvance("2027-10") + 16
        per_month = self.width * 30.44 / self.days
        step = next((s for s in _MONTH_STEPS if s * per_month >= room), _MONTH_STEPS[-1])
        day = _add_months(self.first.replace(day=1), 1)
        ticks = []
        while day <= self.first + dt.timedelta(days=self.days):
            if (day.month - 1) % step == 0:
                label = str(day.year) if step >= 12 else f"{day.year}-{day.month:02d}"
                ticks.append((day, label))
            day = _add_months(day, 1)
        return ticks


class _Rows(QWidget):
    """The bars, one row per action; scrolls under the axis."""

    clicked = Signal(object)

    def __init__(self, chart: GanttView) -> None:
        super().__init__()
        self._chart = chart
        self.setMouseTracking(False)
        self.setObjectName("ganttRows")

    def row_at(self, y: float) -> int | None:
        row = int(y // ROW_HEIGHT)
        return row if 0 <= row < len(self._chart.planned) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if row is not None:
            self.clicked.emit(self._chart.planned[row].key)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.pos().y())
            if row is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._chart.describe(row), self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._chart.paint_rows(self, event.rect())


class _Axis(QWidget):
    """The months above the rows, with today and each market's entries marked."""

    def __init__(self, chart: GanttView) -> None:
        super().__init__()
        self._chart = chart
        self.setFixedHeight(HEADER_HEIGHT)
        self.setObjectName("ganttAxis")

    def paintEvent(self, event: QPaintEvent) -> None:
        self._chart.paint_axis(self)


class GanttView(QWidget):
    """The plan's actions as bars on a time axis, in the order the table shows them."""

    action_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gantt")
        self.planned: list[PlannedAction] = []
        self.markers: list[EntryMarker] = []
        self.today = dt.date.today()
        self.selected: PlanKey | None = None
        self.texts: dict[PlanKey, str] = {}
        self.tips: dict[PlanKey, str] = {}
        self.today_label = "Today"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.axis = _Axis(self)
        layout.addWidget(self.axis)
        self.rows = _Rows(self)
        self.rows.clicked.connect(self.action_clicked)
        self.area = QScrollArea()
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.area.setWidget(self.rows)
        layout.addWidget(self.area, 1)
        self.legend = QLabel()
        self.legend.setObjectName("ganttLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.legend)

    def set_plan(
        self,
        actions: Sequence[PlannedAction],
        markers: Sequence[EntryMarker],
        today: dt.date,
        *,
        texts: dict[PlanKey, str],
        tips: dict[PlanKey, str],
        legend: str,
        today_label: str,
    ) -> None:
        """Show ``actions`` (in this order) against ``markers``; ``texts`` label the rows,
        ``tips`` are their tooltips, ``legend`` (rich text) explains the colours."""
        self.planned = list(actions)
        self.markers = list(markers)
        self.today = today
        self.texts = texts
        self.tips = tips
        self.today_label = today_label
        self.legend.setText(legend)
        self.rows.setMinimumHeight(max(1, len(self.planned)) * ROW_HEIGHT)
        self.rows.updateGeometry()
        self.axis.update()
        self.rows.update()

    def select(self, key: PlanKey | None) -> None:
        """Highlight the action kept under ``key`` and scroll it into view."""
        self.selected = key
        row = next((r for r, a in enumerate(self.planned) if a.key == key), None)
        if row is not None:
            self.area.ensureVisible(0, row * ROW_HEIGHT + ROW_HEIGHT // 2, 0, ROW_HEIGHT)
        self.rows.update()

    def describe(self, row: int) -> str:
        """The tooltip of a row."""
        action = self.planned[row]
        return self.tips.get(action.key, action.item_id)

    # --- geometry ------------------------------------------------------------------------

    def label_width(self) -> int:
        """The width of the action names at the left: a third of the chart at most."""
        return max(120, min(300, self.rows.width() // 3))

    def scale(self) -> _Scale:
        """The time axis for the current width."""
        days = [self.today]
        for action in self.planned:
            days += [action.start, action.due]
            if action.slack_days:
                days.append(action.due + dt.timedelta(days=action.slack_days))
        for marker in self.markers:
            days.append(marker.earliest)
            if marker.planned is not None:
                days.append(marker.planned)
        first = min(days) - dt.timedelta(days=14)
        last = max(days) + dt.timedelta(days=21)
        left = self.label_width() + 8
        return _Scale(first, last, left, self.rows.width() - left - 8)

    # --- painting ------------------------------------------------------------------------

    def _grid(self, painter: QPainter, scale: _Scale, top: int, bottom: int) -> None:
        palette = self.palette()
        grid = palette.color(QPalette.ColorRole.Mid)
        grid.setAlpha(70)
        painter.setPen(QPen(grid, 1))
        for day, _label in scale.ticks(QFontMetrics(self.font())):
            x = scale.x(day)
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))

    def _markers(self, painter: QPainter, scale: _Scale, top: int, bottom: int) -> None:
        for marker in self.markers:
            colour = QColor(marker.colour)
            if marker.planned is not None:
                pen = QPen(colour, 1.5, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                x = scale.x(marker.planned)
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            painter.setPen(QPen(colour, 2.5))
            x = scale.x(marker.earliest)
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.setPen(QPen(alert_colour(), 2, Qt.PenStyle.DotLine))
        x = scale.x(self.today)
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))

    def paint_axis(self, widget: QWidget) -> None:
        painter = QPainter(widget)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(widget.rect(), palette.color(QPalette.ColorRole.Window))
        scale = self.scale()
        metrics = QFontMetrics(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        baseline = HEADER_HEIGHT - 6
        for day, label in scale.ticks(metrics):
            x = scale.x(day)
            painter.drawLine(QPointF(x, baseline + 2), QPointF(x, HEADER_HEIGHT))
            painter.drawText(QPointF(x + 3, baseline), label)
        # Today, and each market's earliest entry, named at the top on two lines.
        placed: list[tuple[float, float, int]] = []

        def name_at(x: float, text: str, colour: QColor) -> None:
            width = metrics.horizontalAdvance(text)
            left = min(max(x - width / 2, scale.left), widget.width() - width - 2)
            line = next(
                (
                    candidate
                    for candidate in (0, 1)
                    if not any(
                        taken == candidate and left < end and left + width > start
                        for start, end, taken in placed
                    )
                ),
                0,
            )
            placed.append((left - 4, left + width + 4, line))
            painter.setPen(colour)
            y = metrics.ascent() + 1 + line * (metrics.height() - 2)
            painter.drawText(QPointF(left, y), text)

        name_at(scale.x(self.today), self.today_label, alert_colour())
        # Markets opening the same day share one label, in the first one's colour.
        by_day: dict[dt.date, list[EntryMarker]] = {}
        for marker in self.markers:
            by_day.setdefault(marker.earliest, []).append(marker)
        for day, together in sorted(by_day.items()):
            text = " · ".join(m.code for m in together)
            name_at(scale.x(day), text, QColor(together[0].colour))
        painter.end()

    def paint_rows(self, widget: QWidget, area: QRect) -> None:
        painter = QPainter(widget)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(area, palette.color(QPalette.ColorRole.Base))
        scale = self.scale()
        colours = bar_colours()
        metrics = QFontMetrics(self.font())
        label_width = self.label_width()
        first = max(0, area.top() // ROW_HEIGHT)
        last = min(len(self.planned) - 1, area.bottom() // ROW_HEIGHT)
        alternate = palette.color(QPalette.ColorRole.AlternateBase)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        highlight.setAlpha(60)
        text_colour = palette.color(QPalette.ColorRole.Text)
        for row in range(first, last + 1):
            action = self.planned[row]
            top = row * ROW_HEIGHT
            band = QRect(0, top, widget.width(), ROW_HEIGHT)
            if action.key == self.selected:
                painter.fillRect(band, highlight)
            elif row % 2:
                painter.fillRect(band, alternate)
            text = self.texts.get(action.key, action.item_id)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(4, top, label_width - 4, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, label_width - 8),
            )
        self._grid(painter, scale, area.top(), area.bottom() + 1)
        for row in range(first, last + 1):
            self._bar(painter, scale, row, colours)
        self._markers(painter, scale, area.top(), area.bottom() + 1)
        painter.end()

    def _bar(self, painter: QPainter, scale: _Scale, row: int, colours: dict[str, QColor]) -> None:
        action = self.planned[row]
        top = row * ROW_HEIGHT
        closed = action.status.value in ("done", "dropped")
        if closed:
            colour = colours["closed"]
        elif action.critical:
            colour = colours["critical"]
        elif action.phase is Phase.AFTER_ENTRY:
            colour = colours["after"]
        else:
            colour = colours["normal"]
        if action.ranked_down is not None and not closed:
            colour = QColor(colour)
            colour.setAlpha(140)
        left, right = scale.x(action.start), scale.x(action.due)
        bar = QRectF(left, top + 5, max(3.0, right - left), ROW_HEIGHT - 10)
        if action.slack_days and not closed:
            slack_end = scale.x(action.due + dt.timedelta(days=action.slack_days))
            painter.setPen(QPen(colour, 1.5))
            middle = top + ROW_HEIGHT / 2
            painter.drawLine(QPointF(bar.right(), middle), QPointF(slack_end, middle))
            painter.drawLine(QPointF(slack_end, middle - 3), QPointF(slack_end, middle + 3))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(bar, 2, 2)
        if not closed and action.overdue(self.today):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(alert_colour(), 2))
            painter.drawRoundedRect(bar.adjusted(-2, -2, 2, 2), 3, 3)
        elif not closed and action.due_soon(self.today):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#d4a017"), 2))
            painter.drawRoundedRect(bar.adjusted(-2, -2, 2, 2), 3, 3)


def legend_html(items: Sequence[tuple[str, str]]) -> str:
    """A legend line: each (colour, text) as a coloured square and its words."""
    return " &nbsp; ".join(
        f'<span style="color:{colour}">■</span> {html.escape(text)}' for colour, text in items
    )


def market_colour(number: int) -> str:
    """The colour of the ``number``-th target market, as in the report's charts."""
    return PALETTE[number % len(PALETTE)]
