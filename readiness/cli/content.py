"""Subcommands about the checklist content: ``validate`` and ``catalog``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from readiness.assets import asset_dir
from readiness.content.catalog import Catalog, content_files, load_catalog, load_files
from readiness.content.documents import ContentError
from readiness.content.history import ArchiveError, archive_folder, history_folder
from readiness.content.model import SeedCitation
from readiness.files import write_text_atomically


def _files_to_check(paths: list[Path]) -> list[Path]:
    folders = [path for path in paths if path.is_dir()]
    singles = [path for path in paths if not path.is_dir()]
    if folders:
        files = [file for folder in folders for file in content_files(folder)]
        return files + singles
    replaced = {path.name for path in singles}
    bundled = [file for file in content_files(asset_dir("checklists")) if file.name not in replaced]
    return bundled + singles


def run_validate(args: argparse.Namespace) -> int:
    """Validate content; print located problems, or a one-line summary."""
    try:
        catalog = (
            load_files(_files_to_check(args.paths))
            if args.paths
            # Always in full: the cache of the validated catalog is never taken for valid here.
            else load_catalog(use_cache=False)
        )
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return 1
    print(summary(catalog))
    for line in past_review(catalog, dt.date.today()):
        print(line)
    return 0


def past_review(catalog: Catalog, today: dt.date) -> list[str]:
    """One line per public reference whose review date has passed, oldest first.

    A warning, not a failure: the content is still valid, but a rule it cites
    may have changed since it was last checked.
    """
    due = sorted(
        (ref for ref in catalog.references.values() if ref.due_for_review(today)),
        key=lambda ref: (ref.review_by, ref.id),
    )
    return [
        f"review due: {ref.id} ({ref.title}), checked {ref.as_of}, "
        f"to be reviewed by {ref.review_by}"
        for ref in due
    ]


def summary(catalog: Catalog) -> str:
    """One line describing a valid catalog."""
    general = len(catalog.items)
    own = len(catalog.all_items) - general
    return (
        f"valid: catalog {catalog.version}: {len(catalog.dimensions)} dimensions, "
        f"{general + own} items ({general} general, {own} market-specific), "
        f"{len(catalog.markets)} markets, {len(catalog.regions)} regions"
    )


def catalog_document(catalog: Catalog) -> dict[str, Any]:
    """The catalog as plain data for scripts."""
    items = []
    for item in catalog.questions_in_order:  # the questionnaire's order
        speakers = sorted(
            {citation.speaker for citation in item.sources if isinstance(citation, SeedCitation)}
        )
        items.append(
            {
                "id": item.id,
                "dimension": item.dimension,
                "scope": item.scope.value,
                "critical": item.critical,
                "weight": item.weight,
                "lead_time_weeks": item.lead_time_weeks,
                "applies_to": list(item.applies_to),
                "market": next(
                    (m.code for m in catalog.markets.values() if item in m.extra_items), None
                ),
                "source_speakers": speakers,
            }
        )
    return {
        "version": catalog.version,
        "dimensions": [
            {"id": d.id, "name": d.name.model_dump(), "weight": d.weight}
            for d in catalog.dimensions.values()
        ],
        "items": items,
        "markets": [
            {"code": m.code, "name": m.name.model_dump(), "regions": list(m.regions)}
            for m in catalog.markets.values()
        ],
        "regions": [{"tag": r.tag, "name": r.name.model_dump()} for r in catalog.regions.values()],
    }


def run_catalog(args: argparse.Namespace) -> int:
    """Print the bundled catalog as JSON."""
    try:
        catalog = load_catalog()
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    json.dump(catalog_document(catalog), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def run_archive(args: argparse.Namespace) -> int:
    """Write the archive of a content release; print where it went."""
    content = args.content if args.content is not None else asset_dir("checklists")
    try:
        archive = archive_folder(content)
    except ArchiveError as error:
        print(error, file=sys.stderr)
        return 1
    out = args.out if args.out is not None else history_folder() / f"{archive.version}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(out, archive.dump())
    print(f"catalog {archive.version}: {len(archive.items)} questions archived to {out}")
    return 0
