"""What ``markets``, ``weights`` and ``market-data`` accept."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id, file_path
from readiness.cli.parsers import db_option, deferred
from readiness.domain.attractiveness import Factor


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the market subcommands to the command line."""
    db = db_option()
    markets = sub.add_parser(
        "markets",
        parents=[db],
        help="every catalog market's attractiveness, its facts with sources and dates, and gaps",
    )
    markets.add_argument(
        "--assessment",
        type=assessment_id,
        help="use this assessment's weights and product types, and list its custom markets",
    )
    markets.add_argument("--json", action="store_true", help="as JSON for scripts")
    markets.add_argument("--lang", choices=("en", "zh"), default="en")
    markets.set_defaults(handler=deferred("markets", "run_markets"))

    weights = sub.add_parser(
        "weights", parents=[db], help="show or change an assessment's attractiveness weights"
    )
    weights.add_argument("--assessment", type=assessment_id, required=True)
    change = weights.add_mutually_exclusive_group()
    change.add_argument(
        "--set",
        nargs="+",
        metavar="FACTOR=POINTS",
        help=f"new weights, 0-100 each ({', '.join(f.value for f in Factor)}); "
        "factors not named keep their weight",
    )
    change.add_argument("--reset", action="store_true", help="back to the default weights")
    weights.add_argument("--json", action="store_true", help="as JSON for scripts")
    weights.set_defaults(handler=deferred("markets", "run_weights"))

    data = sub.add_parser("market-data", help="import, export or forget market facts (CSV tables)")
    actions = data.add_subparsers(dest="market_data", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import", parents=[db], help="import a facts table; all rows or none are saved"
    )
    importing.add_argument("file", type=file_path, metavar="FILE.csv")
    importing.set_defaults(handler=deferred("markets", "run_import"))
    export = actions.add_parser(
        "export", parents=[db], help="write the facts in force (bundled and imported) as CSV"
    )
    export.add_argument("--out", type=file_path, help="the CSV file (default: standard output)")
    export.set_defaults(handler=deferred("markets", "run_export"))
    forget = actions.add_parser(
        "forget", parents=[db], help="delete imported facts; the bundled ones apply again"
    )
    forget.add_argument("--market", help="only this market's (default: every market's)")
    forget.set_defaults(handler=deferred("markets", "run_forget"))
