"""What ``profile`` and ``rates`` accept."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from readiness.cli.arguments import assessment_id, text
from readiness.cli.parsers import db_option, deferred
from readiness.content.model import CURRENCIES, Certificate, ExportChannel, ProductType

if TYPE_CHECKING:
    from readiness.domain.records import SavedRate

# What --clear takes, and the profile field each one empties.
CLEARED = {
    "employees": "employees",
    "channels": "export_channels",
    "products": "product_types",
    "certificates": "certificates",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``profile`` and ``rates`` to the command line."""
    db = db_option()

    profile = sub.add_parser(
        "profile",
        parents=[db],
        help="show or change the company profile the plan reads (size, channels, products, "
        "certificates)",
    )
    profile.add_argument("--assessment", type=assessment_id, required=True)
    profile.add_argument("--employees", type=employees, metavar="N", help="number of employees")
    profile.add_argument(
        "--channel",
        action="append",
        choices=[c.value for c in ExportChannel],
        help="how the company exports today (repeatable; the list given replaces the saved one)",
    )
    profile.add_argument(
        "--product",
        action="append",
        choices=[p.value for p in ProductType],
        help="what the company makes (repeatable; replaces the saved list)",
    )
    profile.add_argument(
        "--certificate",
        action="append",
        choices=[c.value for c in Certificate],
        help="a certificate held (repeatable; replaces the saved list)",
    )
    profile.add_argument(
        "--other-certificates", type=text, metavar="TEXT", help="other certificates, in words"
    )
    profile.add_argument(
        "--clear",
        action="append",
        default=[],
        choices=sorted(CLEARED),
        help="empty one field (repeatable)",
    )
    profile.set_defaults(handler=deferred("profile", "run_profile"))

    rates = sub.add_parser(
        "rates",
        parents=[db],
        help="show or change the currency the plan's budget is totalled in and its exchange rates",
    )
    rates.add_argument("--assessment", type=assessment_id, required=True)
    rates.add_argument("--currency", choices=CURRENCIES, help="the budget's currency")
    rates.add_argument(
        "--set",
        dest="rates",
        action="append",
        default=[],
        type=rate,
        metavar="EUR=7.85@2026-12-01",
        help="yuan per unit of EUR or USD, as of a day (repeatable; replaces that currency's)",
    )
    rates.add_argument(
        "--remove",
        action="append",
        default=[],
        choices=("EUR", "USD"),
        help="forget the rate of a currency (repeatable)",
    )
    rates.set_defaults(handler=deferred("profile", "run_rates"))


def employees(value: str) -> int:
    """A number of employees: a whole number from 0 to 10,000,000."""
    stripped = value.strip()
    if not stripped.isdigit() or len(stripped) > 8 or int(stripped) > 10_000_000:
        raise argparse.ArgumentTypeError(
            f"'{stripped[:30]}' is not a number of employees (a whole number from 0 to 10000000)"
        )
    return int(stripped)


def rate(value: str) -> SavedRate:
    """An exchange rate written ``EUR=7.85@2026-12-01``, checked as the store checks it."""
    # The rule lives with the budget settings, which load the store: read only when a
    # rate is given, so that building the parser stays light.
    from readiness.services.plan_settings import parse_rate
    from readiness.storage.refusals import RefusedValueError

    try:
        return parse_rate(value)
    except RefusedValueError as error:
        raise argparse.ArgumentTypeError(
            str(error).removesuffix("; nothing was saved.").removeprefix("The ")
        ) from None
