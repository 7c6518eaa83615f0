"""The portfolio as a workbook: every firm's readiness for one market, for filtering and totals.

One sheet of firms (ranked firms in rank order, then those with not enough
answers), one of benchmarks (quartiles overall, per dimension and by group) and
one of the most common gaps. Figures stay figures; names stay text, never
formulas (see :func:`~readiness.exchange.spreadsheet.keep_text_as_text`).
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook

from readiness.content.catalog import Catalog
from readiness.domain.benchmarks import size_band
from readiness.domain.portfolio import Portfolio
from readiness.domain.portfolio_insight import (
    GROUPINGS,
    OVERALL,
    benchmarks,
    is_stuck,
    progress,
)
from readiness.domain.rounding import round_half_up
from readiness.exchange.sheet_style import style_header
from readiness.exchange.spreadsheet import keep_text_as_text
from readiness.files import write_atomically

FIRM_COLUMNS: dict[str, tuple[str, ...]] = {
    "en": (
        "Rank",
        "Company",
        "Assessment ID",
        "Score",
        "Level",
        "Answered (%)",
        "Ranked",
        "Percentile",
        "Provisional",
        "Blockers",
        "Industry segment",
        "Home province",
        "Company size",
        "Last change",
        "Stuck",
    ),
    "zh": (
        "名次",
        "企业",
        "评估编号",
        "得分",
        "等级",
        "已答（%）",
        "参与排名",
        "百分位",
        "暂定",
        "阻碍项",
        "细分行业",
        "所在省份",
        "企业规模",
        "最近更改",
        "停滞",
    ),
}
_WORDS = {
    "en": {
        "firms": "Firms",
        "benchmarks": "Benchmarks",
        "gaps": "Common gaps",
        "bench": (
            "Grouping",
            "Group",
            "Measure",
            "Firms",
            "Lowest",
            "Lower quartile",
            "Median",
            "Upper quartile",
            "Highest",
        ),
        "gap": ("Question ID", "Question", "Dimension", "Critical", "Firms"),
        "yes": "yes",
        "no": "no",
        "overall": "Overall readiness",
        "all": "All ranked firms",
    },
    "zh": {
        "firms": "企业",
        "benchmarks": "基准",
        "gaps": "共有差距",
        "bench": (
            "分组方式",
            "组别",
            "指标",
            "企业数",
            "最低",
            "下四分位数",
            "中位数",
            "上四分位数",
            "最高",
        ),
        "gap": ("题目编号", "问题", "维度", "关键", "企业数"),
        "yes": "是",
        "no": "否",
        "overall": "总体准备度",
        "all": "全部参与排名的企业",
    },
}


def _figure(value: float | None) -> float | None:
    return None if value is None else round_half_up(value, 1)


def write_portfolio_workbook(
    portfolio: Portfolio, catalog: Catalog, out: Path, *, language: str = "en"
) -> Path:
    """Write the portfolio's firms, benchmarks and common gaps to ``out`` (.xlsx), atomically."""
    lang = "zh" if language == "zh" else "en"
    words = _WORDS[lang]
    yes, no = str(words["yes"]), str(words["no"])
    book = Workbook()
    firms = book.active
    assert firms is not None
    firms.title = str(words["firms"])
    firms.append(list(FIRM_COLUMNS[lang]))
    for row in portfolio.rows:
        firms.append(
            [
                row.rank,
                row.company,
                row.assessment_id,
                _figure(row.overall),
                row.level.label.get(lang),
                round_half_up(row.completeness * 100, 1),
                yes if row.ranked else no,
                _figure(row.percentile),
                yes if row.provisional else no,
                ", ".join(row.blockers),
                row.segment,
                row.province,
                size_band(row.employees),
                row.updated_at.date(),
                yes if is_stuck(row, portfolio.today) else no,
            ]
        )
    style_header(firms, [7, 40, 10, 8, 12, 11, 9, 10, 10, 30, 20, 16, 12, 12, 8])

    bench = book.create_sheet(str(words["benchmarks"]))
    bench.append(list(words["bench"]))
    names = {d: str(catalog.dimensions[d].name.get(lang)) for d in portfolio.dimensions}
    names[OVERALL] = str(words["overall"])
    figures = benchmarks(portfolio)
    for grouping in ("all", *GROUPINGS):
        for group in figures[grouping]:
            for measure, spread in group.scores.items():
                bench.append(
                    [
                        grouping,
                        str(words["all"]) if grouping == "all" else group.group,
                        names[measure],
                        spread.firms if spread else 0,
                        *(
                            [
                                _figure(spread.low),
                                _figure(spread.lower_quartile),
                                _figure(spread.median),
                                _figure(spread.upper_quartile),
                                _figure(spread.high),
                            ]
                            if spread
                            else [None] * 5
                        ),
                    ]
                )
    style_header(bench, [12, 24, 30, 8, 9, 11, 9, 11, 9])

    gaps = book.create_sheet(str(words["gaps"]))
    gaps.append(list(words["gap"]))
    for gap in progress(portfolio).common_gaps:
        item = catalog.all_items.get(gap.item_id)
        dimension = catalog.dimensions.get(gap.dimension)
        gaps.append(
            [
                gap.item_id,
                str(item.text.get(lang)) if item else gap.item_id,
                str(dimension.name.get(lang)) if dimension else gap.dimension,
                yes if gap.critical else no,
                gap.firms,
            ]
        )
    style_header(gaps, [12, 70, 26, 8, 8])

    keep_text_as_text(book)
    content = io.BytesIO()
    book.save(content)
    write_atomically(out, lambda stream: stream.write(content.getbuffer()), suffix=".xlsx")
    return out
