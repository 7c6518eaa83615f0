"""Subcommands that manage whole assessments: rename, duplicate (a re-assessment),
archive or bring back, delete after a checked backup, and copy to another database."""

from __future__ import annotations

import argparse

from readiness.cli.common import (
    CommandError,
    bundled_catalog,
    command_store,
    open_database,
)
from readiness.exchange.document import ExchangeError
from readiness.services.archive import copy_assessment
from readiness.services.importing import Imported
from readiness.services.managing import delete_assessment, duplicate_assessment
from readiness.storage.credentials import display_location
from readiness.storage.location import resolve_location


def run_rename(args: argparse.Namespace) -> int:
    """Rename an assessment; say the old and new title."""
    with command_store(args) as store:
        old = store.assessment(args.assessment)
        new = store.rename_assessment(args.assessment, args.title)
    print(f"renamed assessment {new.id}: {old.title} -> {new.title}")
    return 0


def run_duplicate(args: argparse.Namespace) -> int:
    """Start a re-assessment; print its id last."""
    with command_store(args) as store:
        old = store.assessment(args.assessment)
        new = duplicate_assessment(store, args.assessment, args.title)
        answers = len(store.snapshot(new.id).answers)
    print(
        f"re-assessment of {old.id} ({old.title}) started as \u201c{new.title}\u201d "
        f"with its {answers} answers"
    )
    print(new.id)
    return 0


def run_archive(args: argparse.Namespace) -> int:
    """Archive an assessment, or bring it back with ``--undo``."""
    with command_store(args) as store:
        saved = store.set_archived(args.assessment, not args.undo)
    if args.undo:
        print(f"brought back assessment {saved.id} ({saved.title}): it is in the list again")
    else:
        print(
            f"archived assessment {saved.id} ({saved.title}); 'readiness list --archived' "
            f"shows it, 'readiness archive --assessment {saved.id} --undo' brings it back"
        )
    return 0


def run_delete(args: argparse.Namespace) -> int:
    """Delete an assessment after a checked backup; name the backup."""
    with command_store(args) as store:
        target = store.assessment(args.assessment)
        if not args.yes:
            answers = len(store.snapshot(args.assessment).answers)
            raise CommandError(
                f"deleting assessment {target.id} ({target.title}) removes its {answers} "
                "answers, plan and milestones; add --yes to delete it (a backup is taken "
                "first). Nothing was deleted."
            )
        deleted = delete_assessment(store, args.assessment)
    how = "import" if deleted.backup.suffix == ".json" else "restore"
    print(
        f"deleted assessment {deleted.assessment.id} ({deleted.company.name}: "
        f"{deleted.assessment.title}, {deleted.answers} answers); "
        f"a backup taken just before is {deleted.backup} "
        f"('readiness {how} {deleted.backup}' brings it back)"
    )
    return 0


ON_EXISTING_HINT = (
    "say what to do with --on-existing replace (a backup is taken first), keep-both, "
    "or cancel. Nothing was imported"
)


def imported_line(done: Imported, company: str) -> str:
    """What an import did, in one line: imported, kept beside, or replaced after a backup."""
    if done.replaced is not None:
        return (
            f"replaced assessment {done.assessment_id} with {company}: {done.title}; "
            f"the one it replaced was backed up to {done.backup}"
        )
    joined = (
        f" (joined company {done.company.id}, already registered)"
        if done.company is not None
        else ""
    )
    if done.kept_both:
        return f"imported {company}: {done.title}, beside the one already there{joined}"
    return f"imported {company}: {done.title}{joined}"


def run_copy(args: argparse.Namespace) -> int:
    """Copy one assessment, with its company, answers, actions, milestones and
    assignments, into another database; print the new id last.

    The copy is written in one transaction: it arrives whole or not at all, and
    the source is only read.
    """
    with open_database(args.source, reading=True) as source:
        source.assessment(args.assessment)  # an unknown id is refused before the target opens
        shown_source = source.location
        if resolve_location(args.target) == shown_source:
            raise CommandError("--from and --to name the same database; nothing was copied")
        with open_database(args.target, user=args.user) as target:
            shown_target = target.location
            if shown_target == shown_source:
                raise CommandError("--from and --to name the same database; nothing was copied")
            try:
                done, document = copy_assessment(
                    source, target, args.assessment, bundled_catalog(), replace=args.replace
                )
            except ExchangeError as error:
                raise CommandError(f"{error}; nothing was copied") from None
    verb = f"updated copy {done.assessment_id} with" if done.replaced else "copied"
    print(
        f"{verb} {document.company.name}: {done.title} "
        f"({len(document.answers)} answers) from {display_location(shown_source)} "
        f"to {display_location(shown_target)}"
    )
    if done.backup is not None:
        print(f"the earlier copy was backed up to {done.backup}")
    if done.kept_both:
        print("an earlier copy is there too; --replace updates it instead of adding one")
    if done.company is not None and done.replaced is None:
        print(
            f"{document.company.name} is already registered there as company "
            f"{done.company.id}: the copy joined it"
        )
    print(done.assessment_id)
    return 0
