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
from readiness.domain.portfolio import Portfolio
from readiness.domain.rounding import decimals, percent, round_half_up
from readiness.report.errors import ReportError
from readiness.report.rendering import render_portfolio_html, write_html, write_pdf
from readiness.services.portfolio import build_portfolio, targeted_markets


def _portfolio(args: argparse.Namespace) -> tuple[Catalog, Portfolio]:
    catalog = bundled_catalog()
    code = args.market.strip().upper()
    with command_store(args, reading=True) as store:
        portfolio = build_portfolio(store, catalog, code)
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
        "average": round_half_up(portfolio.average, 2),
        "levels": {level.value: count for level, count in portfolio.levels.items()},
        "rows": [
            {
                "rank": row.rank,
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


def run_portfolio(args: argparse.Namespace) -> int:
    """Print the ranked table or JSON, or write the portfolio report."""
    out: Path | None = args.out
    if out is not None and out.suffix.lower() not in (".pdf", ".html"):
        raise CommandError("--out must end in .pdf or .html")
    progress = Progress()
    with progress.stage("Reading every assessment"):
        catalog, portfolio = _portfolio(args)
    if out is not None:
        stages = {"layout": "laying out the pages", "write": "writing the PDF"}
        try:
            with progress.stage("The portfolio report: preparing") as step:
                html = render_portfolio_html(portfolio, catalog, args.lang)
                if out.suffix.lower() == ".pdf":
                    written = write_pdf(
                        html,
                        out,
                        progress=lambda stage: step(
                            f"The portfolio report: {stages.get(stage, stage)}"
                        ),
                    )
                else:
                    written = write_html(html, out)
        except ReportError as error:
            raise CommandError(str(error)) from None
        print(written)
        return 0
    if args.json:
        print(json.dumps(portfolio_json(portfolio, args.lang), ensure_ascii=False, indent=2))
        return 0
    zh = args.lang == "zh"
    print(f"{portfolio.name.get(args.lang)} ({portfolio.market})")
    head = (
        ("#", "企业", "得分", "等级", "已答", "阻碍项")
        if zh
        else ("#", "COMPANY", "SCORE", "LEVEL", "ANSWERED", "BLOCKERS")
    )
    provisional = "（暂定）" if zh else " (provisional)"
    rows = [list(head)]
    for row in portfolio.rows:
        rows.append(
            [
                str(row.rank),
                row.company,
                decimals(row.overall, 1),
                row.level.label.get(args.lang),
                percent(row.completeness),
                f"{', '.join(row.blockers) or '-'}{provisional if row.provisional else ''}",
            ]
        )
    # By display width, and no company name cut: two long names may differ only at the end.
    for line in table(rows, right=(0, 2, 4)):
        print(line)
    return 0
