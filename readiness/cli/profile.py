"""``readiness profile`` and ``readiness rates``: the company facts the plan reads, and the
currency and dated rates its budget is totalled in. Given no change, each prints what is set."""

from __future__ import annotations

import argparse

from readiness.cli.common import CommandError, command_store
from readiness.cli.parsers.profile import CLEARED
from readiness.domain.records import SavedCompany
from readiness.services.plan_settings import (
    BudgetSettings,
    budget_settings,
    change_budget,
    company_of,
    update_profile,
)


def run_profile(args: argparse.Namespace) -> int:
    """Save the profile fields given, then print the profile."""
    changes: dict[str, object] = {CLEARED[name]: None for name in args.clear}
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
