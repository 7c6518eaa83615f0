"""Readiness against attractiveness: where each target market stands on both, in four quadrants.

Readiness (how ready the company is, 0-100) runs along the bottom, the
market's attractiveness on its facts (0-100) up the side; both split at 50
into "Enter first", "Build readiness", "Ready, less attractive" and "Not now".
Each market is a labelled point giving both scores. A market without an
attractiveness score (too few facts) cannot be placed: it is listed under the
chart as "no market data" with the share of the weight its facts cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from readiness.domain import rounding
from readiness.report.charts import PALETTE
from ui.theme import is_dark

SPLIT = 50.0


@dataclass(frozen=True, slots=True)
class MatrixPoint:
    """One market on the matrix (``attractiveness`` None: it cannot be placed)."""

    code: str
    name: str
    readiness: float
    readiness_text: str  # as the views write it, "≈" when the confidence is low
    attractiveness: float | None
    coverage: float  # share of the attractiveness weight the market's facts cover (0-1)


class MatrixCanvas(QWidget):
    """The painted chart: axes, the four quadrants and the placed markets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixCanvas")
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.points: list[MatrixPoint] = []
        self.label_rects: dict[str, QRectF] = {}  # where each market's label went (for tests)

    def sizeHint(self) -> QSize:
        return QSize(480, 340)

    def quadrant_names(self) -> tuple[str, str, str, str]:
        """Top right, top left, bottom right, bottom left."""
        return (
            self.tr("Enter first"),
            self.tr("Build readiness"),
            self.tr("Ready, less attractive"),
            self.tr("Not now"),
        )

    def _plot_area(self) -> QRectF:
        metrics = QFontMetricsF(self.font())
        left = metrics.height() * 2 + metrics.horizontalAdvance("100") + 6
        bottom = metrics.height() * 2 + 8
        return QRectF(left, 8, max(10.0, self.width() - left - 12), self.height() - bottom - 8)

    def position(self, readiness: float, attractiveness: float) -> QPointF:
        """Where a market with these scores is drawn."""
        area = self._plot_area()
        x = area.left() + area.width() * max(0.0, min(100.0, readiness)) / 100
        y = area.bottom() - area.height() * max(0.0, min(100.0, attractiveness)) / 100
        return QPointF(x, y)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = is_dark()
        ink = QColor("#e6e6e6") if dark else QColor("#262626")
        muted = QColor("#9a9a9a") if dark else QColor("#7f7f7f")
        area = self._plot_area()
        middle = self.position(SPLIT, SPLIT)
        fills = (  # (light theme, dark theme)
            ("#e2f0d9", "#23402a"),
            ("#fdf2d0", "#4a3d1c"),
            ("#deebf7", "#1f3b4d"),
            ("#f2f2f2", "#333333"),
        )
        quadrants = (
            QRectF(middle.x(), area.top(), area.right() - middle.x(), middle.y() - area.top()),
            QRectF(area.left(), area.top(), middle.x() - area.left(), middle.y() - area.top()),
            QRectF(middle.x(), middle.y(), area.right() - middle.x(), area.bottom() - middle.y()),
            QRectF(area.left(), middle.y(), middle.x() - area.left(), area.bottom() - middle.y()),
        )
        bold = QFont(self.font())
        bold.setBold(True)
        for rect, (light_fill, dark_fill), name in zip(
            quadrants, fills, self.quadrant_names(), strict=True
        ):
            painter.fillRect(rect, QColor(dark_fill if dark else light_fill))
            painter.setFont(bold)
            painter.setPen(muted)
            painter.drawText(
                rect.adjusted(6, 4, -6, -4),
                int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter),
                name,
            )
        painter.setFont(self.font())
        painter.setPen(QPen(muted, 1))
        painter.drawRect(area)
        painter.drawLine(QPointF(middle.x(), area.top()), QPointF(middle.x(), area.bottom()))
        painter.drawLine(QPointF(area.left(), middle.y()), QPointF(area.right(), middle.y()))
        metrics = QFontMetricsF(self.font())
        painter.setPen(ink)
        for tick in (0, 50, 100):
            where = self.position(tick, tick)
            text = str(tick)
            painter.drawText(
                QPointF(where.x() - metrics.horizontalAdvance(text) / 2, area.bottom() + 14),
                text,
            )
            painter.drawText(
                QPointF(
                    area.left() - metrics.horizontalAdvance(text) - 4,
                    where.y() + metrics.ascent() / 2 - 1,
                ),
                text,
            )
        readiness = self.tr("Readiness →")
        painter.drawText(
            QRectF(
                area.left(), self.height() - metrics.height() - 2, area.width(), metrics.height()
            ),
            int(Qt.AlignmentFlag.AlignCenter),
            readiness,
        )
        painter.save()
        painter.translate(metrics.height() * 0.9, area.center().y())
        painter.rotate(-90)
        attractiveness = self.tr("Attractiveness →")
        painter.drawText(
            QRectF(-area.height() / 2, -metrics.height(), area.height(), metrics.height() * 1.2),
            int(Qt.AlignmentFlag.AlignCenter),
            attractiveness,
        )
        painter.restore()
        self._draw_points(painter, area, ink)
        painter.end()

    def _draw_points(self, painter: QPainter, area: QRectF, ink: QColor) -> None:
        metrics = QFontMetricsF(self.font())
        taken: list[QRectF] = []
        self.label_rects = {}
        for number, point in enumerate(self.points):
            if point.attractiveness is None:
                continue
            centre = self.position(point.readiness, point.attractiveness)
            colour = QColor(PALETTE[number % len(PALETTE)])
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(colour)
            painter.drawEllipse(centre, 6, 6)
            text = self.tr("%1 (readiness %2, attractiveness %3)")
            text = (
                text.replace("%1", point.name)
                .replace("%2", point.readiness_text)
                .replace("%3", rounding.points(point.attractiveness))
            )
            rect = _place_label(
                centre, metrics.horizontalAdvance(text) + 8, metrics.height() + 2, area, taken
            )
            taken.append(rect)
            self.label_rects[point.code] = rect
            backdrop = QColor(self.palette().base().color())
            backdrop.setAlpha(210)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(backdrop)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(ink)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)


def _place_label(
    centre: QPointF, width: float, height: float, area: QRectF, taken: list[QRectF]
) -> QRectF:
    """Where a point's label goes: right, left, below or above the point, inside the chart,
    clear of the point and of the labels already drawn (stepped down when none is clear)."""
    gap = 9.0
    candidates = [
        QRectF(centre.x() + gap, centre.y() - height / 2, width, height),
        QRectF(centre.x() - gap - width, centre.y() - height / 2, width, height),
        QRectF(centre.x() - width / 2, centre.y() + gap, width, height),
        QRectF(centre.x() - width / 2, centre.y() - gap - height, width, height),
    ]
    for rect in candidates:
        # Kept inside the chart sideways; the point itself stays uncovered.
        rect.moveLeft(max(area.left() + 2, min(rect.left(), area.right() - 2 - rect.width())))
        inside = area.top() <= rect.top() and rect.bottom() <= area.bottom()
        covers = rect.adjusted(-6, -6, 6, 6).contains(centre)
        if inside and not covers and not any(t.intersects(rect) for t in taken):
            return rect
    rect = candidates[2] if candidates[2].bottom() <= area.bottom() else candidates[3]
    for _ in range(len(taken) + 1):  # step down past labels already drawn
        clash = next((t for t in taken if t.intersects(rect)), None)
        if clash is None:
            break
        rect.moveTop(clash.bottom() + 1)
    return rect


class MatrixWidget(QWidget):
    """The matrix and, under it, the markets it cannot place for want of market data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessMatrix")
        self.setAccessibleName(self.tr("Readiness and attractiveness of each market"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Readiness and attractiveness"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.canvas = MatrixCanvas(self)
        layout.addWidget(self.canvas, 1)
        self.without = QLabel()
        self.without.setObjectName("matrixNoData")
        self.without.setTextFormat(Qt.TextFormat.PlainText)  # carries users' market names
        self.without.setWordWrap(True)
        layout.addWidget(self.without)

    def set_points(self, points: Sequence[MatrixPoint]) -> None:
        """Show these markets: placed when they have both scores, else listed below."""
        self.canvas.points = list(points)
        missing = [p for p in points if p.attractiveness is None]
        lines = [
            self.tr("%1: no market data (facts cover %2% of the attractiveness weight)")
            .replace("%1", p.name)
            .replace("%2", rounding.points(p.coverage * 100))
            for p in missing
        ]
        self.without.setText("\n".join(lines))
        self.without.setVisible(bool(lines))
        tips = [
            f"{p.name}: {p.readiness_text} / "
            + ("-" if p.attractiveness is None else rounding.points(p.attractiveness))
            for p in points
        ]
        self.canvas.setToolTip("\n".join(tips))
        self.canvas.update()

    def placed(self) -> list[str]:
        """The codes of the markets drawn on the chart."""
        return [p.code for p in self.canvas.points if p.attractiveness is not None]

    def unplaced_text(self) -> str:
        """The list of markets without market data, as shown."""
        return self.without.text()
