"""What ``portfolio`` accepts."""

from __future__ import annotations

import argparse
import datetime as dt

from readiness.cli.arguments import file_path, text_of
from readiness.cli.parsers import db_option, deferred
from readiness.domain.text import NAME


def share_percent(text: str) -> float:
    """A percentage from 0 to 100 (``60`` or ``60%``), as a share from 0 to 1."""
    stripped = text.strip().removesuffix("%").strip()
    try:
        value = float(stripped)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 100.0:
        raise argparse.ArgumentTypeError(
            f"'{text[:30]}' is not a percentage from 0 to 100 (such as 60)"
        )
    return value / 100


def iso_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text[:30]}' is not a date written YYYY-MM-DD (such as 2026-12-08)"
        ) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the portfolio subcommand to the command line."""
    portfolio = sub.add_parser(
        "portfolio",
        parents=[db_option()],
        help="every company's readiness for one market (table, JSON, PDF, HTML or XLSX)",
    )
    portfolio.add_argument("--market", required=True, help="market code, e.g. IT")
    portfolio.add_argument("--json", action="store_true", help="as JSON for scripts")
    portfolio.add_argument("--lang", choices=("en", "zh"), default="en")
    portfolio.add_argument(
        "--out", type=file_path, help="write the report (FILE.pdf, FILE.html) or FILE.xlsx"
    )
    portfolio.add_argument(
        "--min-completeness",
        type=share_percent,
        default=None,
        metavar="PERCENT",
        help="share of the questions a firm must have answered to be ranked (default 60)",
    )
    portfolio.add_argument(
        "--progress",
        action="store_true",
        help="who has not started, who is stuck, completeness by dimension, common gaps",
    )
    portfolio.add_argument(
        "--anonymous", action="store_true", help='firms as "Firm 017": no names in the output'
    )
    cover = portfolio.add_argument_group("the report's cover")
    cover.add_argument("--platform", type=text_of(NAME, optional=True), default="")
    cover.add_argument(
        "--prepared-for",
        type=text_of(NAME, optional=True),
        default="",
        help="the recipient (default: platform management)",
    )
    cover.add_argument("--prepared-by", type=text_of(NAME, optional=True), default="")
    cover.add_argument("--date", type=iso_date, default=None, help="YYYY-MM-DD (default today)")
    cover.add_argument("--confidentiality", type=text_of(NAME, optional=True), default="")
    cover.add_argument("--logo", type=file_path, help="the platform's logo (PNG, JPEG or SVG)")
    portfolio.set_defaults(handler=deferred("portfolio", "run_portfolio"))
