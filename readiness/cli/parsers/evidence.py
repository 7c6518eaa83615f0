"""What ``attach`` accepts."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id, file_path
from readiness.cli.parsers import db_option, deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``attach`` to the command line."""
    attach = sub.add_parser(
        "attach",
        parents=[db_option()],
        help="attach an evidence file to an answer (kept in the database's evidence folder)",
    )
    attach.add_argument("--assessment", type=assessment_id, required=True)
    attach.add_argument("--item", required=True, help="question id, e.g. CERT-004")
    attach.add_argument("--market", help="market code, for per-market questions")
    attach.add_argument("file", type=file_path, metavar="FILE")
    attach.set_defaults(handler=deferred("evidence", "run_attach"))
