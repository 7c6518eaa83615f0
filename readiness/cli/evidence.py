"""Evidence on the command line: attaching a file to an answer, and the .zip archive
that carries an assessment with its files (``export``/``import`` call it for .zip)."""

from __future__ import annotations

import argparse
from pathlib import Path

from readiness.cli.common import CommandError, bundled_catalog, command_store
from readiness.cli.manage import ON_EXISTING_HINT, imported_line
from readiness.domain.answers import AnswerValue
from readiness.domain.text import check_market_code
from readiness.exchange.document import ExchangeError
from readiness.services.archive import export_archive, import_archive
from readiness.services.evidence import EvidenceStore
from readiness.services.importing import AlreadyThereError, OnExisting


def run_attach(args: argparse.Namespace) -> int:
    """Store a copy of FILE and list it on the answer; print its name and where it is kept."""
    item_id = args.item.strip().upper()
    if item_id not in bundled_catalog().all_items:
        raise CommandError(f"unknown question '{args.item}'; nothing was attached")
    try:
        market = check_market_code(args.market.strip().upper()) if args.market else None
    except ValueError as error:
        raise CommandError(f"--market {error}") from None
    if not args.file.is_file():
        raise CommandError(f"{args.file} is not a file; nothing was attached")
    with command_store(args) as store:
        answer = next(
            (
                a
                for a in store.snapshot(args.assessment).answers
                if a.item_id == item_id and (a.market_code or None) == market
            ),
            None,
        )
        if answer is None:
            where = f" for {market}" if market else ""
            raise CommandError(
                f"{item_id}{where} has no answer in assessment {args.assessment}; answer it "
                "first (readiness answer), then attach the file"
            )
        evidence = EvidenceStore(store)
        stored = evidence.add(args.file)
        if stored.entry in answer.evidence:
            print(f"{stored.name} is already attached")
            return 0
        try:
            store.set_answer(
                args.assessment,
                item_id,
                market,
                AnswerValue(answer.value),
                evidence=[*answer.evidence, stored.entry],
                expected_version=answer.version,
            )
        except BaseException:
            evidence.release([stored.entry])
            raise
        print(f"attached {stored.name} ({evidence.path_of_digest(stored.digest)})")
    return 0


def export_zip(args: argparse.Namespace) -> int:
    """``readiness export --out FILE.zip``: the assessment and its evidence files."""
    with command_store(args, reading=True) as store:
        try:
            files = export_archive(store, args.assessment, args.out)
        except OSError as error:
            raise CommandError(f"cannot write {args.out}: {error.strerror or error}") from None
    print(f"{args.out} ({files} evidence file{'s' if files != 1 else ''})")
    return 0


def import_zip(args: argparse.Namespace, path: Path) -> int:
    """``readiness import FILE.zip``: answers and evidence, all or nothing."""
    choice = getattr(args, "on_existing", None)
    with command_store(args) as store:
        try:
            done = import_archive(
                store,
                path,
                bundled_catalog(),
                on_existing=OnExisting(choice) if choice else None,
            )
        except AlreadyThereError as error:
            raise CommandError(f"{path}: {error}; {ON_EXISTING_HINT}") from None
        except ExchangeError as error:
            raise CommandError(f"{error}; nothing was imported") from None
    document = done.document
    files = f"{done.files} evidence file{'s' if done.files != 1 else ''}"
    if done.outcome is not None:
        print(f"{imported_line(done.outcome, document.company.name)} ({files})")
    else:
        print(f"imported {document.company.name}: {document.assessment.title} ({files})")
    if done.missing:
        print(f"{done.missing} file(s) named by the answers were not in the archive")
    print(done.assessment_id)
    return 0
