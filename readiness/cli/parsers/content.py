"""What ``validate``, ``catalog`` and ``archive-content`` accept."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import file_path
from readiness.cli.parsers import deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the content subcommands to the command line."""
    validate = sub.add_parser(
        "validate",
        help="check checklist content (the bundled catalog, or the given files)",
        description=(
            "Check the bundled content, or the given files. A folder is read as a complete "
            "catalog; single files are checked together with the bundled catalog, replacing "
            "the bundled file of the same name."
        ),
    )
    validate.add_argument("paths", nargs="*", type=file_path, metavar="PATH")
    validate.set_defaults(handler=deferred("content", "run_validate"))

    catalog = sub.add_parser("catalog", help="print the catalog for scripts")
    catalog.add_argument("--json", action="store_true", required=True, help="as JSON")
    catalog.set_defaults(handler=deferred("content", "run_catalog"))

    archive = sub.add_parser(
        "archive-content",
        help="write the archive of a released catalog version (checklists/history)",
        description=(
            "Write the compact archive of a content release, which older assessments are "
            "scored and compared with once the content has moved on. Run it on the "
            "content of each release; it reads the YAML as plain data, so content "
            "released under older rules is archived as it was."
        ),
    )
    archive.add_argument(
        "--content",
        type=file_path,
        metavar="DIR",
        help="the checklists folder of the release (default: the bundled content)",
    )
    archive.add_argument(
        "--out",
        type=file_path,
        metavar="FILE",
        help="where to write it (default: history/VERSION.json in the bundled content)",
    )
    archive.set_defaults(handler=deferred("content", "run_archive"))
