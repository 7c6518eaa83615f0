"""The ``portfolio`` subcommand: every firm's readiness for one market, and its report."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from readiness.cli.columns import table
from readiness.cli.common import (
    CommandError,
    bundled_catalog,
    command_store,
    market_json,
)
from readiness.cli.progress import Progress
from readiness.content.catalog import Catalog
from readiness.domain.benchmarks import DEFAULT_MIN_COMPLETENESS
from readiness.domain.portfolio import Portfolio, PortfolioRow
from readiness.domain.portfolio_insight import STUCK_DAYS, anonymised, progress
from readiness.domain.rounding import decimals, percent, points, round_half_up
from readiness.report.context import PortfolioReportOptions
from readiness.report.errors import ReportError
from readiness.services.portfolio import build_portfolio, targeted_markets

OUT_KINDS = (".pdf", ".html", ".xlsx")
ANONYMOUS = {"en": "Firm {number}", "zh": "企业 {number}"}


def _portfolio(args: argparse.Namespace) -> tuple[Catalog, Portfolio]:
    catalog = bundled_catalog()
    code = args.market.strip().upper()
    minimum = DEFAULT_MIN_COMPLETENESS if args.min_completeness is None else args.min_completeness
    with command_store(args, reading=True) as store:
        portfolio = build_portfolio(store, catalog, code, min_completeness=minimum)
        if not portfolio.rows:
            targeted = ", ".join(option.code for option in targeted_markets(store, catalog))
            raise CommandError(
                f"no assessment in this database targets the market {code} "
                "(archived assessments are left out)"
                + (f"; targeted markets: {targeted}" if targeted else "")
            )
    return catalog, portfolio


def portfolio_json(portfolio: Portfolio, language: str) -> dict[str, Any]:
    """The portfolio as plain data: the rows in rank order, the level spread, shared blockers."""
    return {
        "market": portfolio.market,
        "name": portfolio.name.get(language),
        "firms": portfolio.firms,
        "min_completeness": portfolio.min_completeness,
        "ranked": len(portfolio.ranked),
        "average": round_half_up(portfolio.average, 2),
        "levels": {level.value: count for level, count in portfolio.levels.items()},
        "rows": [
            {
                "rank": row.rank,
                "ranked": row.ranked,
                "percentile": None if row.percentile is None else round_half_up(row.percentile, 1),
                "company_id": row.company_id,
                "company": row.company,
                "assessment": row.assessment_id,
                "title": row.title,
                "updated_at": row.updated_at.isoformat(),
                **market_json(row.readiness),
                "top_gaps": [gap.item_id for gap in row.top_gaps],
            }
            for row in portfolio.rows
        ],
        "shared_blockers": [
            {"item": b.item_id, "firms": b.count, "companies": list(b.companies)}
            for b in portfolio.shared_blockers()
        ],
        "superseded": list(portfolio.superseded),
        "markets": [
            {
                "code": spread.code,
                "name": spread.name.get(language),
                "firms": spread.firms,
                "average": round_half_up(spread.average, 2),
                "levels": {level.value: count for level, count in spread.levels.items()},
            }
            for spread in portfolio.overview
        ],
    }


def _write(args: argparse.Namespace, catalog: Catalog, portfolio: Portfolio, out: Path) -> Path:
    from readiness.report.rendering import render_portfolio_html, write_html, write_pdf

    step = Progress()
    if out.suffix.lower() == ".xlsx":
        from readiness.exchange.portfolio_sheet import write_portfolio_workbook

        with step.stage("Writing the workbook"):
            try:
                return write_portfolio_workbook(portfolio, catalog, out, language=args.lang)
            except OSError as error:
                raise CommandError(f"cannot write {out}: {error.strerror or error}") from None
    options = PortfolioReportOptions(
        language=args.lang,
        platform=args.platform,
        prepared_for=args.prepared_for,
        prepared_by=args.prepared_by,
        date=args.date,
        confidentiality=args.confidentiality,
        logo=args.logo,
        anonymous=args.anonymous,
    )
    stages = {"layout": "laying out the pages", "write": "writing the PDF"}
    try:
        with step.stage("The portfolio report: preparing") as tell:
            html = render_portfolio_html(portfolio, catalog, options)
            if out.suffix.lower() == ".pdf":
                return write_pdf(
                    html,
                    out,
                    progress=lambda stage: tell(
                        f"The portfolio report: {stages.get(stage, stage)}"
                    ),
                )
            return write_html(html, out)
    except ReportError as error:
        raise CommandError(str(error)) from None


def _table_rows(rows: tuple[PortfolioRow, ...], zh: bool, lang: str) -> list[list[str]]:
    provisional = "（暂定）" if zh else " (provisional)"
    return [
        [
            "" if row.rank is None else str(row.rank),
            row.company,
            decimals(row.overall, 1),
            row.level.label.get(lang),
            percent(row.completeness),
            "-" if row.percentile is None else points(row.percentile),
            f"{', '.join(row.blockers) or '-'}{provisional if row.provisional else ''}",
        ]
        for row in rows
    ]


def _print_progress(portfolio: Portfolio, catalog: Catalog, lang: str) -> None:
    zh = lang == "zh"
    seen = progress(portfolio)
    print(
        f"尚未开始：{len(seen.not_started)} 家；停滞（{STUCK_DAYS} 天无更改）：{len(seen.stuck)} 家"
        if zh
        else f"Not started: {len(seen.not_started)}; "
        f"stuck (no change for {STUCK_DAYS} days): {len(seen.stuck)}"
    )
    for title, rows in (
        ("尚未开始" if zh else "Not started", seen.not_started),
        ("停滞" if zh else "Stuck", seen.stuck),
    ):
        if rows:
            print(f"\n{title}")
            for line in table(
                [["企业", "已答", "最近更改"] if zh else ["COMPANY", "ANSWERED", "LAST CHANGE"]]
                + [
                    [r.company, percent(r.completeness), r.updated_at.date().isoformat()]
                    for r in rows
                ],
                right=(1,),
            ):
                print(line)
    print("\n各维度已答比例" if zh else "\nAnswered by dimension")
    for line in table(
        [["维度", "已答"] if zh else ["DIMENSION", "ANSWERED"]]
        + [
            [str(catalog.dimensions[d].name.get(lang)), percent(share)]
            for d, share in seen.dimension_completeness.items()
        ],
        right=(1,),
    ):
        print(line)
    print("\n最常见的差距" if zh else "\nMost common gaps")
    gaps = [["题目", "企业数", "问题"] if zh else ["QUESTION", "FIRMS", "TEXT"]]
    for gap in seen.common_gaps[:15]:
        item = catalog.all_items.get(gap.item_id)
        gaps.append([gap.item_id, str(gap.firms), str(item.text.get(lang)) if item else ""])
    for line in table(gaps, right=(1,)):
        print(line)


def run_portfolio(args: argparse.Namespace) -> int:
    """Print the ranked table, progress or JSON, or write the report or the workbook."""
    out: Path | None = args.out
    if out is not None and out.suffix.lower() not in OUT_KINDS:
        raise CommandError("--out must end in .pdf, .html or .xlsx")
    with Progress().stage("Reading every assessment"):
        catalog, portfolio = _portfolio(args)
    if out is not None:
        print(_write(args, catalog, portfolio, out))
        return 0
    if args.anonymous:
        portfolio = anonymised(portfolio, ANONYMOUS[args.lang])
    if args.json:
        print(json.dumps(portfolio_json(portfolio, args.lang), ensure_ascii=False, indent=2))
        return 0
    if args.progress:
        _print_progress(portfolio, catalog, args.lang)
        return 0
    zh = args.lang == "zh"
    minimum = percent(portfolio.min_completeness)
    print(f"{portfolio.name.get(args.lang)} ({portfolio.market})")
    print(
        f"已答至少 {minimum} 的企业参与排名：{len(portfolio.ranked)} / {portfolio.firms} 家"
        if zh
        else f"Ranked: firms that answered at least {minimum}: "
        f"{len(portfolio.ranked)} of {portfolio.firms}"
    )
    head = (
        ["#", "企业", "得分", "等级", "已答", "百分位", "阻碍项"]
        if zh
        else ["#", "COMPANY", "SCORE", "LEVEL", "ANSWERED", "PERCENTILE", "BLOCKERS"]
    )
    # By display width, and no company name cut: two long names may differ only at the end.
    for line in table([head, *_table_rows(portfolio.ranked, zh, args.lang)], right=(0, 2, 4, 5)):
        print(line)
    if portfolio.unranked:
        print(
            f"\n已答不足（低于 {minimum}），未参与排名：{len(portfolio.unranked)} 家"
            if zh
            else f"\nNot enough answers (below {minimum}), not ranked: {len(portfolio.unranked)}"
        )
        for line in table(
            [head, *_table_rows(portfolio.unranked, zh, args.lang)], right=(0, 2, 4, 5)
        ):
            print(line)
    return 0
