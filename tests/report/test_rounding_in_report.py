"""The report rounds as every other view does: half up, so 12.5 reads 13, not 12."""

from __future__ import annotations

from readiness.report.charts import horizontal_bars
from readiness.report.labels import percent


def test_a_share_on_a_half_reads_the_next_whole_percent() -> None:
    assert percent(0.125) == "13%"
    assert percent(0.285) == "29%"  # 28.499999... in binary, 28.5 to a reader


def test_a_bar_labelled_with_a_tie_shows_the_rounded_up_score() -> None:
    svg = horizontal_bars(["Compliance", "Logistics"], [12.5, 13.5], font="sans", title="t")
    assert ">13<" in svg and ">14<" in svg
    assert ">12<" not in svg
