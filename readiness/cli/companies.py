"""The ``companies`` and ``company`` subcommands: the register of member firms."""

from __future__ import annotations

import argparse
import json

from readiness.cli.columns import table
from readiness.cli.common import CommandError, command_store
from readiness.services.companies import delete_company, merge_companies


def run_companies(args: argparse.Namespace) -> int:
    """List the member firms by name: those in use, the archived ones, or all."""
    archived: bool | None = None if args.all else bool(args.archived)
    with command_store(args, reading=True) as store:
        found = store.companies(archived=archived)
        hidden = len(store.companies(archived=True)) if archived is False else 0
    if args.json:
        rows = [
            {
                "id": entry.company.id,
                "name": entry.company.name,
                "exchange_id": entry.company.exchange_id,
                "archived_at": (
                    entry.company.archived_at.isoformat() if entry.company.archived_at else None
                ),
                "assessments": entry.assessments,
            }
            for entry in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("no archived companies" if args.archived else "no companies in the register")
    else:
        lines = [["ID", "ASSESSMENTS", "ARCHIVED", "COMPANY"]] + [
            [
                str(entry.company.id),
                str(entry.assessments),
                f"{entry.company.archived_at:%Y-%m-%d}" if entry.company.archived_at else "-",
                entry.company.name,
            ]
            for entry in found
        ]
        for line in table(lines, right={0, 1}):
            print(line)
    if hidden:
        print(f"({hidden} archived not shown: 'readiness companies --archived' or --all)")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    """Merge one company into another after a backup; name the backup."""
    with command_store(args) as store:
        done = merge_companies(store, args.into, args.source)
    into = done.into
    assert into is not None
    print(
        f"merged company {done.company.id} ({done.company.name}) into company {into.id} "
        f"({into.name}): {done.assessments} assessment(s) moved"
    )
    _backups(done.backups)
    return 0


def run_archive(args: argparse.Namespace) -> int:
    """Archive a firm, or bring it back with ``--undo``."""
    with command_store(args) as store:
        saved = store.set_company_archived(args.company, not args.undo)
    if args.undo:
        print(f"brought back company {saved.id} ({saved.name}): it is in the lists again")
    else:
        print(
            f"archived company {saved.id} ({saved.name}): it and its assessments leave the "
            "lists and the portfolio; 'readiness companies --archived' shows it, "
            f"'readiness company archive --company {saved.id} --undo' brings it back"
        )
    return 0


def run_delete(args: argparse.Namespace) -> int:
    """Delete a firm with its assessments after a checked backup; name the backup."""
    with command_store(args) as store:
        company = store.company(args.company)
        if not args.yes:
            count = sum(1 for s in store.list_assessments() if s.company_id == company.id)
            raise CommandError(
                f"deleting company {company.id} ({company.name}) removes its {count} "
                "assessment(s) with their answers; add --yes to delete it (a backup is taken "
                "first). Nothing was deleted."
            )
        done = delete_company(store, args.company)
    print(
        f"deleted company {done.company.id} ({done.company.name}) with its "
        f"{done.assessments} assessment(s)"
    )
    _backups(done.backups)
    return 0


def _backups(paths: tuple[object, ...]) -> None:
    for path in paths:
        how = "import" if str(path).endswith(".json") else "restore"
        print(f"a backup taken just before is {path} ('readiness {how} {path}' brings it back)")
