"""What ``portfolio`` accepts."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import file_path
from readiness.cli.parsers import db_option, deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the portfolio subcommand to the command line."""
    portfolio = sub.add_parser(
        "portfolio",
        parents=[db_option()],
        help="every company's readiness for one market (table, JSON, PDF or HTML report)",
    )
    portfolio.add_argument("--market", required=True, help="market code, e.g. IT")
    portfolio.add_argument("--json", action="store_true", help="as JSON for scripts")
    portfolio.add_argument("--lang", choices=("en", "zh"), default="en")
    portfolio.add_argument("--out", type=file_path, help="write the report: FILE.pdf or FILE.html")
    portfolio.set_defaults(handler=deferred("portfolio", "run_portfolio"))
