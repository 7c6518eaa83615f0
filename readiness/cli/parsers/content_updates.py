"""What ``upgrade-content`` accepts."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id
from readiness.cli.parsers import db_option, deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``upgrade-content`` to the command line."""
    upgrade = sub.add_parser(
        "upgrade-content",
        parents=[db_option()],
        help="bring an assessment up to the current content (after reading readiness check)",
        description=(
            "Record that an assessment answered against an older content version has been "
            "brought up to the current one. No answer is deleted or changed; answers to "
            "changed questions stay marked for review until answered again."
        ),
    )
    upgrade.add_argument("--assessment", type=assessment_id, required=True, metavar="ID")
    upgrade.set_defaults(handler=deferred("content_updates", "run_upgrade"))
