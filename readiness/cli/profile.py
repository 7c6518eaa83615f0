"""``readiness profile`` and ``readiness rates``: the company facts the plan reads, and the
currency and dated rates its budget is totalled in. Given no change, each prints what is set."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id, text
from readiness.cli.common import CommandError, command_store, db_option
from readiness.content.model import CURRENCIES, Certificate, ExportChannel, ProductType
from readiness.domain.records import SavedCompany, SavedRate
from readiness.services.plan_settings import (
    BudgetSettings,
    budget_settings,
    change_budget,
    company_of,
    parse_rate,
    update_profile,
)
from readiness.storage.refusals import RefusedValueError

# What --clear takes, and the profile field each one empties.
_CLEARED = {
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
    profile.add_argument("--employees", type=_employees, metavar="N", help="number of employees")
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
        choices=sorted(_CLEARED),
        help="empty one field (repeatable)",
    )
    profile.set_defaults(handler=run_profile)

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
        type=_rate,
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
    rates.set_defaults(handler=run_rates)


def _employees(value: str) -> int:
    stripped = value.strip()
    if not stripped.isdigit() or len(stripped) > 8 or int(stripped) > 10_000_000:
        raise argparse.ArgumentTypeError(
            f"'{stripped[:30]}' is not a number of employees (a whole number from 0 to 10000000)"
        )
    return int(stripped)


def _rate(value: str) -> SavedRate:
    try:
        return parse_rate(value)
    except RefusedValueError as error:
        raise argparse.ArgumentTypeError(
            str(error).removesuffix("; nothing was saved.").removeprefix("The ")
        ) from None


def run_profile(args: argparse.Namespace) -> int:
    """Save the profile fields given, then print the profile."""
    changes: dict[str, object] = {_CLEARED[name]: None for name in args.clear}
    for name in ("export_channels", "product_types", "certificates"):
        if changes.get(name, 0) is None:
            changes[name] = []
    given = {
        "employees": args.employees,
        "export_channels": args.channel,
        "product_types": args.product,
        "certificates": args.certificate,
        "other_certificates": args.other_certificates,
    }
    for key, value in given.items():
        if value is not None:
            if key in changes:
                raise CommandError(f"--clear and a new value for {key.replace('_', ' ')} at once")
            changes[key] = value
    with command_store(args, reading=not changes) as store:
        company = (
            update_profile(store, args.assessment, **changes)
            if changes
            else company_of(store, args.assessment)
        )
    print("\n".join(profile_lines(company)))
    return 0


def profile_lines(company: SavedCompany) -> list[str]:
    """The profile as ``field: value`` lines."""

    def listed(values: tuple[str, ...]) -> str:
        return ", ".join(values) if values else "-"

    return [
        f"company: {company.name}",
        f"employees: {company.employees if company.employees is not None else '-'}",
        f"export channels: {listed(company.export_channels)}",
        f"product types: {listed(company.product_types)}",
        f"certificates: {listed(company.certificates)}",
        f"other certificates: {company.other_certificates or '-'}",
    ]


def run_rates(args: argparse.Namespace) -> int:
    """Save the currency and rates given, then print them."""
    writes = args.currency is not None or args.rates or args.remove
    with command_store(args, reading=not writes) as store:
        settings = (
            change_budget(
                store,
                args.assessment,
                currency=args.currency,
                rates=args.rates,
                remove=args.remove,
            )
            if writes
            else budget_settings(store, args.assessment)
        )
    print("\n".join(rates_lines(settings)))
    return 0


def rates_lines(settings: BudgetSettings) -> list[str]:
    """The budget currency and one line per rate."""
    lines = [f"budget currency: {settings.currency}"]
    if not settings.rates:
        lines.append("exchange rates: none (costs in other currencies are not converted)")
    for rate in settings.rates:
        lines.append(
            f"{rate.currency}: 1 {rate.currency} = {rate.cny_per_unit:g} CNY "
            f"as of {rate.as_of.isoformat()}"
        )
    return lines
