"""Small, dependency-free SVG charts for the report: bars, a Gantt timeline, a trend.

Each function returns an ``<svg>`` element as a string. Every piece of text is
escaped, and the font family is set explicitly on the root element: left to
fallback, Chinese glyphs would come out in Japanese forms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from readiness.domain.rounding import points as whole_points
from readiness.report.chart_text import ellipsized as _ellipsized
from readiness.report.chart_text import lines_element as _lines
from readiness.report.chart_text import text_element as _text
from readiness.report.chart_text import text_width as _text_width
from readiness.report.chart_text import wrapped

PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a5a5a5")
GRID = "#d9d9d9"
INK = "#262626"
MUTED = "#7f7f7f"


def score_colour(score: float | None) -> str:
    """A background colour for a 0-100 score: red through amber to green."""
    if score is None:
        return "#f2f2f2"
    if score < 35:
        return "#f4b6b0"
    if score < 55:
        return "#f8d3a6"
    if score < 70:
        return "#fbe9a6"
    if score < 85:
        return "#c9e3b5"
    return "#9fd08a"


def _svg(width: float, height: float, body: list[str], font: str, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family={quoteattr(font)} '
        f'font-size="10" role="img" aria-label={quoteattr(label)}>' + "".join(body) + "</svg>"
    )


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    font: str,
    title: str,
    target: float | None = None,
    width: float = 480,
    no_value: str = "-",
    value_texts: Sequence[str] | None = None,
) -> str:
    """One bar per label on a 0-100 scale, coloured by score, with an optional target line.

    ``value_texts`` write the values beside the bars (a score resting on guesses
    carries its marker there); by default each is the value in whole points.
    """
    # Room for the longest label, at most half the chart; a longer label wraps onto
    # a second line and only then is cut with an ellipsis, so no name is ever clipped.
    room = min(max(140.0, max((_text_width(t) for t in labels), default=0.0)), width / 2 - 10)
    left = room + 10.0
    right = max(40.0, 8.0 + max((_text_width(t) for t in value_texts or ()), default=0.0))
    top = 8.0
    label_lines = [wrapped(label, room) for label in labels]
    rows = [20.0 if len(lines) == 1 else 28.0 for lines in label_lines]
    height = top + sum(rows) + 22
    plot = width - left - right
    body = []
    for tick in (0, 25, 50, 75, 100):
        x = left + plot * tick / 100
        body.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{height - 18:.1f}" '
            f'stroke="{GRID}" stroke-width="0.6"/>'
        )
        body.append(_text(x, height - 6, str(tick), text_anchor="middle", fill=MUTED))
    y = top
    for index, (lines, value) in enumerate(zip(label_lines, values, strict=True)):
        row = rows[index]
        middle = y + row / 2
        first = middle + 3.5 - 5.5 * (len(lines) - 1)
        body.append(_lines(left - 6, first, lines, 11.0, text_anchor="end", fill=INK))
        if value is None:
            body.append(_text(left + 4, middle + 3.5, no_value, fill=MUTED))
            y += row
            continue
        length = plot * max(0.0, min(100.0, value)) / 100
        body.append(
            f'<rect x="{left:.1f}" y="{middle - 6:.1f}" width="{length:.1f}" height="12.0" '
            f'fill="{score_colour(value)}" stroke="#8c8c8c" stroke-width="0.4"/>'
        )
        shown = value_texts[index] if value_texts else whole_points(value)
        body.append(_text(left + length + 4, middle + 3.5, shown, fill=INK))
        y += row
    if target is not None:
        x = left + plot * target / 100
        body.append(
            f'<line x1="{x:.1f}" y1="{top - 4:.1f}" x2="{x:.1f}" y2="{height - 18:.1f}" '
            f'stroke="{INK}" stroke-width="1" stroke-dasharray="3,2"/>'
        )
    return _svg(width, height, body, font, title)


@dataclass(frozen=True)
class GanttBar:
    """One row of the timeline."""

    label: str
    start: dt.date
    end: dt.date
    at_risk: bool
    done: bool = False
    critical: bool = False
    slack_until: dt.date | None = None  # the latest it may finish without delaying entry


def gantt(
    bars: Sequence[GanttBar],
    *,
    font: str,
    title: str,
    today: dt.date,
    milestones: Sequence[tuple[dt.date, str]] = (),
    earliest: Sequence[tuple[dt.date, str]] = (),
    earliest_label: str = "",
    width: float = 700,
    month_names: Sequence[str] | None = None,
) -> str:
    """A timeline: one bar per action from start to due, its slack as a thin line after it,
    with today, the planned entries (dashed) and the earliest realistic ones (dotted)."""
    row, right, top = 15.0, 16.0, 30.0
    # Labels take the room they need, up to a third of the chart; longer ones are cut.
    room = min(max(140.0, max((_text_width(b.label, 8) for b in bars), default=0.0)), width / 3)
    left = room + 10.0
    if not bars:
        return _svg(width, 30, [_text(8, 18, "-", fill=MUTED)], font, title)
    first = min(min(b.start for b in bars), today)
    last = max(
        [
            *(b.slack_until or b.end for b in bars),
            *(d for d, _ in milestones),
            *(d for d, _ in earliest),
        ]
    )
    first = first.replace(day=1)
    span = max((last - first).days, 30)
    plot = width - left - right
    height = top + row * len(bars) + 8

    def x_of(day: dt.date) -> float:
        return left + plot * (day - first).days / span

    body = []
    month = first
    step = 1 if span <= 400 else 3 if span <= 1200 else 6
    while month <= last:
        x = x_of(month)
        body.append(
            f'<line x1="{x:.1f}" y1="{top - 4:.1f}" x2="{x:.1f}" y2="{height:.1f}" '
            f'stroke="{GRID}" stroke-width="0.5"/>'
        )
        name = month_names[month.month - 1] if month_names else month.strftime("%b")
        caption = f"{name} {month.year % 100:02d}" if month.month in (1, month.month) else name
        body.append(_text(x + 2, top - 8, caption, fill=MUTED, font_size="8"))
        total = month.month - 1 + step
        month = dt.date(month.year + total // 12, total % 12 + 1, 1)
    for index, bar in enumerate(bars):
        y = top + row * index
        body.append(
            _text(
                left - 6,
                y + 10.5,
                _ellipsized(bar.label, room, 8),
                text_anchor="end",
                fill=INK,
                font_size="8",
            )
        )
        colour = (
            "#a9d18e"
            if bar.done
            else "#e06666"
            if bar.at_risk
            else "#990000"
            if bar.critical
            else "#5b9bd5"
        )
        x0, x1 = x_of(bar.start), x_of(bar.end)
        body.append(
            f'<rect x="{x0:.1f}" y="{y + 3:.1f}" width="{max(x1 - x0, 2):.1f}" '
            f'height="{row - 6:.1f}" rx="2" fill="{colour}"/>'
        )
        if bar.slack_until is not None and bar.slack_until > bar.end:
            body.append(
                f'<line x1="{x1:.1f}" y1="{y + row / 2:.1f}" x2="{x_of(bar.slack_until):.1f}" '
                f'y2="{y + row / 2:.1f}" stroke="{MUTED}" stroke-width="0.8"/>'
            )
    # Planned entries are labelled along the bottom edge, earliest ones a line above;
    # markets sharing a date share a label, turned leftwards near the right edge.
    marks: list[tuple[dt.date, str, str, float]] = [(today, "", "", 0.0)]
    for dates, dash, lift, prefix in (
        (milestones, "4,2", 2.0, ""),
        (earliest, "1,2", 11.0, f"{earliest_label}: " if earliest_label else ""),
    ):
        grouped: dict[dt.date, list[str]] = {}
        for day, label in dates:
            grouped.setdefault(day, []).append(label)
        marks.extend(
            (day, prefix + ", ".join(labels), f' stroke-dasharray="{dash}"', lift)
            for day, labels in grouped.items()
        )
    for day, label, dash, lift in marks:
        x = x_of(day)
        body.append(
            f'<line x1="{x:.1f}" y1="{top - 4:.1f}" x2="{x:.1f}" y2="{height:.1f}" '
            f'stroke="{INK}" stroke-width="0.8"{dash}/>'
        )
        if label:
            leftwards = x > left + plot * 0.6
            body.append(
                _text(
                    x - 2 if leftwards else x + 2,
                    height - lift,
                    label,
                    fill=INK,
                    font_size="8",
                    text_anchor="end" if leftwards else "start",
                )
            )
    return _svg(width, height, body, font, title)


def trend(
    points: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    font: str,
    title: str,
    width: float = 480,
    height: float = 220,
) -> str:
    """Readiness over saved milestones: one line per market on a 0-100 scale."""
    # The legend takes the room the longest market name needs, up to a third of the chart.
    legend = min(max(86.0, max((_text_width(n) for n, _ in series), default=0.0)), width / 3)
    left, right, top, bottom = 36.0, legend + 24.0, 10.0, 30.0
    plot_w = width - left - right
    plot_h = height - top - bottom
    body = []
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_h * (1 - tick / 100)
        body.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{left + plot_w:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="0.6"/>'
        )
        body.append(_text(left - 4, y + 3, str(tick), text_anchor="end", fill=MUTED))
    count = max(len(points) - 1, 1)

    def x_of(index: int) -> float:
        return left + plot_w * index / count if len(points) > 1 else left + plot_w / 2

    # Milestone names sit under their points, the first starting at the axis and the
    # last ending at the plot's right edge; where neighbours would touch they wrap,
    # so every name is whole inside the chart.
    spacing = plot_w / count if len(points) > 1 else plot_w
    for index, label in enumerate(points):
        if len(points) == 1:
            x, anchor, room = x_of(index), "middle", plot_w
        elif index == 0:
            x, anchor, room = left - 12, "start", min(spacing, plot_w / 2) - 4
        elif index == len(points) - 1:
            x, anchor, room = left + plot_w + 8, "end", min(spacing, plot_w / 2) - 4
        else:
            x, anchor, room = x_of(index), "middle", spacing - 6
        lines = wrapped(label, max(room, 30.0), lines=2)
        body.append(_lines(x, height - 17, lines, 10.0, text_anchor=anchor, fill=INK))
    for number, (name, values) in enumerate(series):
        colour = PALETTE[number % len(PALETTE)]
        coordinates = [
            (x_of(i), top + plot_h * (1 - max(0.0, min(100.0, v)) / 100))
            for i, v in enumerate(values)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
        body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.6"/>')
        for x, y in coordinates:
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.4" fill="{colour}"/>')
        legend_y = top + 12 + 14 * number
        body.append(
            f'<rect x="{left + plot_w + 10:.1f}" y="{legend_y - 7:.1f}" width="10" height="3" '
            f'fill="{colour}"/>'
        )
        body.append(_text(left + plot_w + 24, legend_y, _ellipsized(name, legend, 10), fill=INK))
    return _svg(width, height, body, font, title)


@dataclass(frozen=True)
class MatrixPoint:
    """One market on the readiness x attractiveness matrix."""

    label: str
    readiness: float
    attractiveness: float
    readiness_text: str  # as the report writes it, e.g. "57" or "≈44"


def matrix(
    points: Sequence[MatrixPoint],
    *,
    font: str,
    title: str,
    x_label: str,
    y_label: str,
    quadrants: Sequence[str],
    width: float = 400,
    height: float = 250,
) -> str:
    """Readiness (across) against attractiveness (up), both 0-100, split into quadrants at 50.

    ``quadrants`` are the labels of the top-right, top-left, bottom-right and
    bottom-left quarters. Each point is labelled with its name and both scores;
    where markets crowd together the points are numbered and named in a key below.
    """
    left, right, top, bottom = 44.0, 14.0, 10.0, 36.0
    plot_w = width - left - right
    plot_h = height - top - bottom

    def x_of(value: float) -> float:
        return left + plot_w * max(0.0, min(100.0, value)) / 100

    def y_of(value: float) -> float:
        return top + plot_h * (1 - max(0.0, min(100.0, value)) / 100)

    body = [
        f'<rect x="{x_of(50):.1f}" y="{top:.1f}" width="{plot_w / 2:.1f}" '
        f'height="{plot_h / 2:.1f}" fill="#eaf3e3"/>',
        f'<rect x="{left:.1f}" y="{y_of(50):.1f}" width="{plot_w / 2:.1f}" '
        f'height="{plot_h / 2:.1f}" fill="#f7f7f7"/>',
    ]
    for tick in (0, 25, 50, 75, 100):
        stroke = f'stroke="{INK if tick == 50 else GRID}" stroke-width="{1 if tick == 50 else 0.5}"'
        body.append(
            f'<line x1="{x_of(tick):.1f}" y1="{top:.1f}" x2="{x_of(tick):.1f}" '
            f'y2="{top + plot_h:.1f}" {stroke}/>'
        )
        body.append(
            f'<line x1="{left:.1f}" y1="{y_of(tick):.1f}" x2="{left + plot_w:.1f}" '
            f'y2="{y_of(tick):.1f}" {stroke}/>'
        )
        body.append(
            _text(x_of(tick), top + plot_h + 12, str(tick), text_anchor="middle", fill=MUTED)
        )
        body.append(_text(left - 4, y_of(tick) + 3, str(tick), text_anchor="end", fill=MUTED))
    body.append(
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{plot_w:.1f}" height="{plot_h:.1f}" '
        f'fill="none" stroke="{MUTED}" stroke-width="0.6"/>'
    )
    corners = (
        (left + plot_w - 4, top + 12, "end"),
        (left + 4, top + 12, "start"),
        (left + plot_w - 4, top + plot_h - 5, "end"),
        (left + 4, top + plot_h - 5, "start"),
    )
    for (x, y, anchor), label in zip(corners, quadrants, strict=False):
        body.append(
            _text(x, y, label, text_anchor=anchor, fill=MUTED, font_size="9", font_style="italic")
        )
    body.append(_text(left + plot_w / 2, height - 6, x_label, text_anchor="middle", fill=INK))
    body.append(
        f'<text x="12" y="{top + plot_h / 2:.1f}" text-anchor="middle" fill="{INK}" '
        f'transform="rotate(-90 12 {top + plot_h / 2:.1f})">{escape(y_label)}</text>'
    )
    spots = [(x_of(p.readiness), y_of(p.attractiveness)) for p in points]
    for number, (x, y) in enumerate(spots):
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{PALETTE[number % len(PALETTE)]}" '
            'stroke="white" stroke-width="0.8"/>'
        )
    names = [f"{p.label} ({p.readiness_text} / {whole_points(p.attractiveness)})" for p in points]
    labels = _place_labels(spots, names, right=left + plot_w, bottom=top + plot_h)
    if labels is not None:
        body.extend(
            _text(x0, baseline, name, fill=INK, font_size="9") for x0, baseline, name in labels
        )
        return _svg(width, height, body, font, title)
    # Too crowded to name every point on the plot: number them (points on the same
    # spot share a label) and name the numbers in a key below the chart.
    groups: list[tuple[float, float, list[int]]] = []
    for number, (x, y) in enumerate(spots):
        near = next((g for g in groups if abs(g[0] - x) < 7 and abs(g[1] - y) < 7), None)
        if near is None:
            groups.append((x, y, [number + 1]))
        else:
            near[2].append(number + 1)
    placed = _place_labels(
        [(x, y) for x, y, _ in groups],
        [",".join(map(str, numbers)) for _, _, numbers in groups],
        right=left + plot_w,
        bottom=height,
        limit=None,
    )
    body.extend(_text(x0, base, text, fill=INK, font_size="8") for x0, base, text in placed or ())
    column = (width - left) / 2
    rows = (len(points) + 1) // 2
    for number, name in enumerate(names):
        x = left + column * (number // rows)
        y = height + 12 + 12 * (number % rows)
        body.append(_text(x, y, f"{number + 1}  {name}", fill=INK, font_size="8.5"))
    return _svg(width, height + 16 + 12 * rows, body, font, title)


def _place_labels(
    spots: Sequence[tuple[float, float]],
    texts: Sequence[str],
    *,
    right: float,
    bottom: float,
    limit: int | None = 2,
) -> list[tuple[float, float, str]] | None:
    """Where each point's label goes (left edge, baseline): beside its point, moved down
    a line below any label it would overprint. None when a label would have to move
    more than ``limit`` lines, or below ``bottom``: too crowded to label this way."""
    placed: list[tuple[float, float, float]] = []  # left, right, baseline of each label
    result = []
    for (x, y), text in zip(spots, texts, strict=True):
        size = _text_width(text, 9)
        x0 = x - 6 - size if x + 6 + size > right else x + 6
        start = baseline = y - 5 if y > 26 else y + 12
        for other_left, other_right, other_base in sorted(placed, key=lambda p: p[2]):
            overlaps = x0 < other_right and x0 + size > other_left
            if overlaps and abs(baseline - other_base) < 11:
                baseline = other_base + 11
        if limit is not None and (baseline - start > 11 * limit or baseline > bottom):
            return None
        placed.append((x0, x0 + size, baseline))
        result.append((x0, baseline, text))
    return result
