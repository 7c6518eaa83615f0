"""Subcommands on the assessment store: create, answer, list, check, back up, move data."""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from readiness.cli.common import (
    CommandError,
    bundled_catalog,
    command_store,
    refuse_read_only,
)
from readiness.cli.content_updates import behind_lines
from readiness.cli.evidence import export_zip, import_zip
from readiness.cli.imports import import_each
from readiness.cli.manage import ON_EXISTING_HINT, imported_line
from readiness.content.catalog import Catalog
from readiness.domain.answers import (
    AnswerRejected,
    AnswerValue,
    applicable_items_by_market,
    check_answer,
)
from readiness.domain.records import MarketChoice
from readiness.domain.statuses import AssignmentScope
from readiness.domain.text import clean_text
from readiness.exchange.document import (
    ExchangeError,
    document_json,
    export_document,
    read_document,
)
from readiness.files import write_text_atomically
from readiness.services.assessments import create_company_assessment
from readiness.services.importing import AlreadyThereError, OnExisting, import_choosing
from readiness.services.restore import restore_database
from readiness.services.sample import DEMO_COMPANY, open_sample
from readiness.storage.backup import make_backup
from readiness.storage.errors import StoreError
from readiness.storage.location import resolve_location, sqlite_path


def _chinese_names(specs: list[str], customs: list[MarketChoice]) -> dict[str, str]:
    """The ``--name-zh`` values by custom market code."""
    codes = [market.code for market in customs]
    names: dict[str, str] = {}
    for spec in specs:
        code, equals, chinese = spec.partition("=")
        if not equals:
            if len(codes) != 1:
                raise CommandError(
                    f"--name-zh '{spec}': say which custom market it names, e.g. VN=越南"
                )
            code, chinese = codes[0], spec
        code = code.strip().upper()
        if code not in codes:
            raise CommandError(
                f"--name-zh '{spec}': {code} is not one of the --custom-market codes"
            )
        try:
            names[code] = clean_text(chinese.strip())
        except ValueError as error:
            raise CommandError(f"--name-zh '{spec}': the name {error}") from None
        if not names[code]:
            raise CommandError(f"--name-zh '{spec}': the Chinese name is empty")
    return names


def _parse_markets(
    catalog: Catalog, codes: str, customs: list[str], names_zh: Sequence[str] = ()
) -> list[MarketChoice]:
    markets: list[MarketChoice] = []
    for code in filter(None, (part.strip().upper() for part in codes.split(","))):
        if code not in catalog.markets:
            known = ", ".join(catalog.markets)
            raise CommandError(
                f"unknown market '{code}' (known: {known}); "
                "use --custom-market CODE:NAME:REGION for others"
            )
        markets.append(MarketChoice(code))
    for spec in customs:
        parts = spec.split(":")
        if len(parts) != 3 or not all(part.strip() for part in parts):
            raise CommandError(f"--custom-market '{spec}' should look like VN:Vietnam:asean")
        code, name, region = (part.strip() for part in parts)
        try:
            name = clean_text(name)
        except ValueError as error:
            raise CommandError(f"--custom-market '{spec}': the name {error}") from None
        if not re.fullmatch(r"[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?", code):
            raise CommandError(f"'{code}' is not a country code such as VN or SA")
        if region not in catalog.regions:
            raise CommandError(f"unknown region '{region}' (known: {', '.join(catalog.regions)})")
        if code.upper() in catalog.markets:
            raise CommandError(f"{code} is a catalog market; list it in --markets instead")
        markets.append(MarketChoice(code.upper(), custom_name=name, custom_region=region))
    seen = [market.code for market in markets]
    if len(set(seen)) != len(seen):
        raise CommandError("a market is listed twice")
    chinese = _chinese_names(list(names_zh), [m for m in markets if m.custom_name])
    return [
        dataclasses.replace(market, custom_name_zh=chinese[market.code])
        if market.code in chinese
        else market
        for market in markets
    ]


def run_new(args: argparse.Namespace) -> int:
    """Create a company and its assessment; print the id last."""
    catalog = bundled_catalog()
    if not args.company.strip():
        raise CommandError("--company must name the company")
    markets = _parse_markets(catalog, args.markets, args.custom_market, args.name_zh)
    with command_store(args) as store:
        assessment_id = create_company_assessment(
            store,
            catalog,
            args.company,
            args.title,
            markets,
            industry=args.industry,
            products=args.products,
            province=args.province,
        )
    print(f"created assessment for {args.company} ({len(markets)} markets)")
    print(assessment_id)
    return 0


def run_answer(args: argparse.Namespace) -> int:
    """Record one answer; print ``saved`` once it is committed."""
    catalog = bundled_catalog()
    item = catalog.all_items.get(args.item.strip().upper())
    if item is None:
        raise CommandError(f"unknown question '{args.item}'")
    try:
        value = AnswerValue.parse(args.value)
    except ValueError as error:
        raise CommandError(str(error)) from None
    market = args.market.strip().upper() if args.market else None
    with command_store(args) as store:
        applicable = applicable_items_by_market(
            catalog, ((m.market_code, m.custom_region) for m in store.markets(args.assessment))
        )
        try:
            check_answer(item, market, value, applicable_items_by_market=applicable)
        except AnswerRejected as error:
            raise CommandError(str(error)) from None
        store.set_answer(
            args.assessment, item.id, market, value, note=args.note, catalog_version=catalog.version
        )
    print("saved")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print one line per assessment."""
    with command_store(args, reading=True) as store:
        every = store.list_assessments()
    rows = [r for r in every if args.all or r.archived == args.archived]
    hidden = sum(r.archived for r in every) if not (args.all or args.archived) else 0
    if not rows:
        if args.archived:
            print("no archived assessments")
        elif hidden:
            print(f"no assessments in the list; {hidden} archived ('readiness list --archived')")
        else:
            print("no assessments yet: create one with 'readiness new' or 'readiness demo'")
        return 0
    print(f"{'ID':>4}  {'UPDATED (UTC)':16}  {'STATUS':11}  {'ANSWERS':>7}  MARKETS / COMPANY")
    for row in rows:
        print(
            f"{row.id:>4}  {row.updated_at:%Y-%m-%d %H:%M}  {row.status:11}  {row.answers:>7}  "
            f"{','.join(row.markets) or '-'}  {row.company}: {row.title}"
        )
    if hidden:
        print(f"({hidden} archived not shown: 'readiness list --archived' or --all)")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Print integrity problems, or that there are none; then list what the current
    content changes for each assessment behind it (read only: nothing is upgraded)."""
    with command_store(args, reading=True) as store:
        problems = store.check()
        behind = [] if problems else behind_lines(store)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("ok: integrity check passed, no broken references")
    for line in behind:
        print(line)
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """Create the sample assessment, or keep the one the database has; print its id last."""
    catalog = bundled_catalog()
    with command_store(args) as store:
        sample = open_sample(store, catalog)
    if sample.created:
        print(f"created the sample assessment for {DEMO_COMPANY}")
    else:
        print(f"kept the existing sample assessment for {DEMO_COMPANY}")
    print(sample.assessment_id)
    return 0


def _file_of(args: argparse.Namespace) -> Path:
    path = sqlite_path(resolve_location(args.db))
    if path is None:
        raise CommandError("backups are for the embedded SQLite store; use your server's tools")
    return path


def run_backup(args: argparse.Namespace) -> int:
    """Take a checked backup; print its path."""
    path = _file_of(args)
    with command_store(args):
        try:
            backup = make_backup(path, reason="manual")
        except StoreError as error:
            raise CommandError(str(error)) from None
    print(backup.path)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore a backup over the database, keeping a backup of the current one."""
    refuse_read_only(args)
    path = _file_of(args)
    try:
        safety = restore_database(path, args.backup)
    except StoreError as error:
        raise CommandError(str(error)) from None
    if safety is not None:
        print(f"the previous database was backed up to {safety.path}")
    with command_store(args):
        pass  # reopening upgrades an older backup to the current schema
    print(f"restored {args.backup} to {path}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write an assessment to a .json or .xlsx file; print the path."""
    suffix = args.out.suffix.lower()
    if suffix == ".zip":
        return export_zip(args)
    if suffix not in (".json", ".xlsx"):
        raise CommandError("--out must end in .zip, .json or .xlsx")
    with command_store(args, reading=True) as store:
        try:
            if suffix == ".json":
                write_text_atomically(
                    args.out, document_json(export_document(store, args.assessment))
                )
            else:
                from readiness.exchange.spreadsheet import write_workbook
                from readiness.services.results import load_result

                catalog = bundled_catalog()
                result = load_result(store, catalog, args.assessment)
                write_workbook(result, catalog, args.out, language=args.lang)
        except OSError as error:
            raise CommandError(f"cannot write {args.out}: {error.strerror or error}") from None
        except ValidationError as error:
            raise CommandError(
                f"assessment {args.assessment} cannot be exported: {error.errors()[0]['msg']}"
            ) from None
    print(args.out)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Validate and import an exchange file or archive as a new assessment; print its id last."""
    if args.file.suffix.lower() == ".zip":
        return import_zip(args, args.file)
    try:
        document = read_document(args.file)
    except ExchangeError as error:
        raise CommandError(f"{error}; nothing was imported") from None
    with command_store(args) as store:
        try:
            done = import_choosing(
                store,
                document,
                bundled_catalog(),
                on_existing=OnExisting(args.on_existing) if args.on_existing else None,
            )
        except AlreadyThereError as error:
            raise CommandError(f"{args.file}: {error}; {ON_EXISTING_HINT}") from None
        except ExchangeError as error:
            raise CommandError(f"{args.file}: {error}; nothing was imported") from None
    print(imported_line(done, document.company.name))
    print(done.assessment_id)
    return 0


def run_import_files(args: argparse.Namespace) -> int:
    """Import each FILE in turn, as ``run_import`` imports one, with progress on a terminal."""
    return import_each(args, run_import)


def run_assign(args: argparse.Namespace) -> int:
    """Give a dimension or question to someone, take it back, or list who has what."""
    if args.dimension is None and args.item is None:
        with command_store(args, reading=True) as store:
            rows = store.assignments(args.assessment)
        if not rows:
            print("nothing is assigned yet")
        for row in rows:
            print(f"{row.scope:9}  {row.code:14}  {row.assignee}  (by {row.assigned_by or '?'})")
        return 0
    catalog = bundled_catalog()
    if args.dimension is not None:
        scope, code = AssignmentScope.DIMENSION, args.dimension.strip().lower()
        if code not in catalog.dimensions:
            known = ", ".join(catalog.dimensions)
            raise CommandError(f"unknown dimension '{args.dimension}' (known: {known})")
    else:
        scope, code = AssignmentScope.ITEM, args.item.strip().upper()
        if code not in catalog.all_items:
            raise CommandError(f"unknown question '{args.item}'")
    with command_store(args) as store:
        store.assessment(args.assessment)
        store.assign(args.assessment, scope, code, args.to)
    print(f"{code} assigned to {args.to.strip()}" if args.to.strip() else f"{code} taken back")
    return 0
