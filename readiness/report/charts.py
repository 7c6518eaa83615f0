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


def _text(x: float, y: float, text: str, **attributes: str) -> str:
    extra = "".join(f" {key.replace('_', '-')}={quoteattr(v)}" for key, v in attributes.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(text)}</text>'


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    font: str,
    title: str,
    target: float | None = None,
    width: float = 480,
    no_value: str = "-",
) -> str:
    """One bar per label on a 0-100 scale, coloured by score, with an optional target line."""
    row, left, right = 20.0, 150.0, 40.0
    top = 8.0
    height = top + row * len(labels) + 22
    plot = width - left - right
    body = []
    for tick in (0, 25, 50, 75, 100):
        x = left + plot * tick / 100
        body.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{height - 18:.1f}" '
            f'stroke="{GRID}" stroke-width="0.6"/>'
        )
        body.append(_text(x, height - 6, str(tick), text_anchor="middle", fill=MUTED))
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + row * index
        body.append(_text(left - 6, y + 13, label, text_anchor="end", fill=INK))
        if value is None:
            body.append(_text(left + 4, y + 13, no_value, fill=MUTED))
            continue
        length = plot * max(0.0, min(100.0, value)) / 100
        body.append(
            f'<rect x="{left:.1f}" y="{y + 4:.1f}" width="{length:.1f}" height="{row - 8:.1f}" '
            f'fill="{score_colour(value)}" stroke="#8c8c8c" stroke-width="0.4"/>'
        )
        body.append(_text(left + length + 4, y + 13, f"{value:.0f}", fill=INK))
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
    row, left, right, top = 15.0, 150.0, 16.0, 30.0
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
            _text(left - 6, y + 10.5, bar.label, text_anchor="end", fill=INK, font_size="8")
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
    left, right, top, bottom = 36.0, 110.0, 10.0, 30.0
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

    for index, label in enumerate(points):
        body.append(_text(x_of(index), height - 12, label, text_anchor="middle", fill=INK))
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
        body.append(_text(left + plot_w + 24, legend_y, name, fill=INK))
    return _svg(width, height, body, font, title)
