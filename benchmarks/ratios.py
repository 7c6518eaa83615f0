"""Every measure one benchmark run reports, gathered for the table printed at its end.

A benchmark records a measure with :func:`record`: a ratio against a floor
measured in the same run (unit ``x``), or an absolute figure such as a peak
memory (``MiB``) or a longest stall (``ms``), with the target it should stay
under. Pairs tagged with the ``pair`` fixture are recorded for their benchmarks
at the end of the run, so every measure lands in the one table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    """One line of the closing table."""

    name: str
    value: float
    unit: str
    target: float | None
    detail: str = ""

    @property
    def over(self) -> bool:
        """Whether the measure is above its target (never, without one)."""
        return self.target is not None and self.value > self.target


RECORDED: list[Measure] = []


def record(
    name: str, value: float, *, target: float | None = None, unit: str = "x", detail: str = ""
) -> Measure:
    """Keep a measure for the closing table; a later one of the same name and unit replaces it."""
    measure = Measure(name, float(value), unit, target, detail)
    RECORDED[:] = [m for m in RECORDED if (m.name, m.unit) != (name, unit)]
    RECORDED.append(measure)
    return measure


def table(measures: list[Measure]) -> list[str]:
    """The closing table's lines: measure, value, target and whether it is over."""
    rows = [("measure", "value", "target", "verdict", "detail")]
    for m in measures:
        value = f"{m.value:.2f}x" if m.unit == "x" else f"{m.value:.1f} {m.unit}"
        if m.target is None:
            target, verdict = "-", "no target"
        else:
            target = f"{m.target:g}x" if m.unit == "x" else f"{m.target:g} {m.unit}"
            verdict = "OVER TARGET" if m.over else "ok"
        rows.append((m.name, value, target, verdict, m.detail))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        + (f"  {row[4]}" if row[4] else "")
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    over = [m.name for m in measures if m.over]
    aimed = sum(m.target is not None for m in measures)
    lines.append("")
    lines.append(
        f"{len(over)} of {len(measures)} over target: " + "; ".join(over)
        if over
        else f"all {aimed} measures with a target are within it"
    )
    return lines
