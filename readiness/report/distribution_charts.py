"""Charts of many firms at once: a histogram of scores and box plots per dimension.

One bar per firm turns into hairlines above a few dozen firms; a portfolio of
hundreds is shown by how its scores are spread instead. Both charts are plain
SVG strings with every text escaped, like those of :mod:`readiness.report.charts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from readiness.domain.benchmarks import Distribution
from readiness.domain.rounding import points
from readiness.report.chart_text import ellipsized, text_element, text_width
from readiness.report.charts import GRID, INK, MUTED, score_colour

BIN_WIDTH = 10  # points per histogram bar: 0-9, 10-19, ... 90-100


def _svg(width: float, height: float, body: list[str], font: str, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family={quoteattr(font)} '
        f'font-size="10" role="img" aria-label={quoteattr(label)}>' + "".join(body) + "</svg>"
    )


def score_bins(scores: Sequence[float]) -> list[int]:
    """How many scores fall in each band of ``BIN_WIDTH`` points (100 counts in the last)."""
    bins = [0] * (100 // BIN_WIDTH)
    for score in scores:
        bins[min(len(bins) - 1, max(0, int(score // BIN_WIDTH)))] += 1
    return bins


def histogram(
    scores: Sequence[float],
    *,
    font: str,
    title: str,
    firms_label: str,
    target: float | None = None,
    width: float = 520,
    height: float = 200,
) -> str:
    """How many firms score in each band of ten points, coloured as the scores are."""
    bins = score_bins(scores)
    tallest = max(bins, default=0) or 1
    left, right, top, bottom = 34.0, 10.0, 14.0, 30.0
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / len(bins)
    body = [text_element(4, top - 4, firms_label, fill=MUTED)]
    for tick in range(5):
        count = tallest * tick / 4
        y = top + plot_h - plot_h * tick / 4
        body.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{width - right:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="0.6"/>'
        )
        body.append(text_element(left - 4, y + 3.5, f"{count:.0f}", text_anchor="end", fill=MUTED))
    for index, count in enumerate(bins):
        x = left + index * step
        bar = plot_h * count / tallest
        middle = index * BIN_WIDTH + BIN_WIDTH / 2
        if count:
            body.append(
                f'<rect x="{x + 2:.1f}" y="{top + plot_h - bar:.1f}" width="{step - 4:.1f}" '
                f'height="{bar:.1f}" fill="{score_colour(middle)}" stroke="#8c8c8c" '
                'stroke-width="0.4"/>'
            )
            body.append(
                text_element(
                    x + step / 2, top + plot_h - bar - 3, str(count), text_anchor="middle", fill=INK
                )
            )
        body.append(
            text_element(x, height - bottom + 14, str(index * BIN_WIDTH), text_anchor="middle")
        )
    body.append(text_element(width - right, height - bottom + 14, "100", text_anchor="end"))
    if target is not None:
        x = left + plot_w * target / 100
        body.append(
            f'<line x1="{x:.1f}" y1="{top - 6:.1f}" x2="{x:.1f}" y2="{top + plot_h:.1f}" '
            f'stroke="{INK}" stroke-width="1" stroke-dasharray="3,2"/>'
        )
    return _svg(width, height, body, font, title)


def box_plots(
    rows: Sequence[tuple[str, Distribution | None]],
    *,
    font: str,
    title: str,
    no_value: str = "-",
    width: float = 520,
) -> str:
    """One box per row on a 0-100 scale: whiskers from lowest to highest, the box the
    middle half of the firms, the median a bold line, the median's value beside it."""
    room = min(max(110.0, max((text_width(label) for label, _ in rows), default=0.0)), width / 3)
    left, right, top, row_h = room + 10.0, 34.0, 6.0, 22.0
    height = top + row_h * len(rows) + 22
    plot = width - left - right

    def x_of(score: float) -> float:
        return left + plot * max(0.0, min(100.0, score)) / 100

    body = []
    for tick in (0, 25, 50, 75, 100):
        x = x_of(tick)
        body.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{height - 18:.1f}" '
            f'stroke="{GRID}" stroke-width="0.6"/>'
        )
        body.append(text_element(x, height - 6, str(tick), text_anchor="middle", fill=MUTED))
    for index, (label, spread) in enumerate(rows):
        middle = top + row_h * index + row_h / 2
        body.append(
            text_element(
                left - 6, middle + 3.5, ellipsized(label, room, 10), text_anchor="end", fill=INK
            )
        )
        if spread is None:
            body.append(text_element(left + 4, middle + 3.5, no_value, fill=MUTED))
            continue
        low, q1, median = x_of(spread.low), x_of(spread.lower_quartile), x_of(spread.median)
        q3, high = x_of(spread.upper_quartile), x_of(spread.high)
        body.append(
            f'<line x1="{low:.1f}" y1="{middle:.1f}" x2="{high:.1f}" y2="{middle:.1f}" '
            f'stroke="{INK}" stroke-width="0.8"/>'
        )
        for end in (low, high):
            body.append(
                f'<line x1="{end:.1f}" y1="{middle - 4:.1f}" x2="{end:.1f}" '
                f'y2="{middle + 4:.1f}" stroke="{INK}" stroke-width="0.8"/>'
            )
        body.append(
            f'<rect x="{q1:.1f}" y="{middle - 7:.1f}" width="{max(1.0, q3 - q1):.1f}" '
            f'height="14.0" fill="{score_colour(spread.median)}" stroke="{INK}" '
            'stroke-width="0.6"/>'
        )
        body.append(
            f'<line x1="{median:.1f}" y1="{middle - 7:.1f}" x2="{median:.1f}" '
            f'y2="{middle + 7:.1f}" stroke="{INK}" stroke-width="2"/>'
        )
        body.append(text_element(width - right + 4, middle + 3.5, points(spread.median), fill=INK))
    return _svg(width, height, body, font, title)
