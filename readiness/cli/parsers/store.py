"""What the store commands accept: create, answer, list, check, back up, move data."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id, assignee, file_path, name, text
from readiness.cli.parsers import db_option, deferred


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the store subcommands to the command line."""
    db = db_option()

    new = sub.add_parser("new", parents=[db], help="create a company and an assessment")
    new.add_argument("--company", type=name, required=True, help="company name")
    new.add_argument("--markets", default="", help="catalog market codes, e.g. IT,MA,LA")
    new.add_argument(
        "--custom-market",
        action="append",
        default=[],
        metavar="CODE:NAME:REGION",
        help="a market the catalog does not know, e.g. VN:Vietnam:asean (repeatable)",
    )
    new.add_argument(
        "--name-zh",
        action="append",
        default=[],
        metavar="[CODE=]NAME",
        help="a custom market's Chinese name, e.g. VN=越南 (repeatable; the code may be left "
        "out with one custom market)",
    )
    new.add_argument("--title", type=name, default="Export readiness assessment")
    new.add_argument("--industry", type=text, default="", help="industry segment")
    new.add_argument("--products", type=text, default="")
    new.add_argument("--province", type=text, default="", help="home province")
    new.set_defaults(handler=deferred("store", "run_new"))

    answer = sub.add_parser("answer", parents=[db], help="record one answer (autosaved)")
    answer.add_argument("--assessment", type=assessment_id, required=True)
    answer.add_argument("--item", required=True, help="question id, e.g. CERT-004")
    answer.add_argument("--market", help="market code, for per-market questions")
    answer.add_argument("--value", required=True, help="0-4, yes, no, na or unknown")
    answer.add_argument("--note", type=text)
    answer.set_defaults(handler=deferred("store", "run_answer"))

    listing = sub.add_parser("list", parents=[db], help="list the assessments")
    shown = listing.add_mutually_exclusive_group()
    shown.add_argument("--archived", action="store_true", help="only the archived ones")
    shown.add_argument("--all", action="store_true", help="archived ones too")
    listing.set_defaults(handler=deferred("store", "run_list"))

    check = sub.add_parser(
        "check",
        parents=[db],
        help="check integrity and references; list what newer content changes for each assessment",
    )
    check.set_defaults(handler=deferred("store", "run_check"))

    demo = sub.add_parser("demo", parents=[db], help="create the sample assessment")
    demo.set_defaults(handler=deferred("store", "run_demo"))

    backup = sub.add_parser("backup", parents=[db], help="take a checked backup now")
    backup.set_defaults(handler=deferred("store", "run_backup"))

    restore = sub.add_parser(
        "restore", parents=[db], help="replace the database with a backup (current one kept)"
    )
    restore.add_argument("backup", type=file_path, metavar="BACKUP")
    restore.set_defaults(handler=deferred("store", "run_restore"))

    export = sub.add_parser(
        "export", parents=[db], help="export an assessment (.zip with its evidence, .json, .xlsx)"
    )
    export.add_argument("--assessment", type=assessment_id, required=True)
    export.add_argument(
        "--out", type=file_path, required=True, help="FILE.zip, FILE.json or FILE.xlsx"
    )
    export.add_argument("--lang", choices=("en", "zh"), default="en", help="for .xlsx")
    export.set_defaults(handler=deferred("store", "run_export"))

    importing = sub.add_parser(
        "import", parents=[db], help="import an assessment archive (.zip) or file (.json)"
    )
    importing.add_argument("files", type=file_path, nargs="+", metavar="FILE")
    importing.add_argument(
        "--on-existing",
        # the values of readiness.services.importing.OnExisting (tests hold them equal)
        choices=("replace", "keep-both", "cancel"),
        help="when the assessment or its firm is already in the database: replace it (after a "
        "backup; a firm takes the file's profile), "
        "keep both (the new title says 'imported <date>'), or import nothing",
    )
    importing.set_defaults(handler=deferred("store", "run_import_files"))

    assign = sub.add_parser(
        "assign",
        parents=[db],
        help="give a dimension or question to a colleague (without one: list who has what)",
    )
    assign.add_argument("--assessment", type=assessment_id, required=True)
    target = assign.add_mutually_exclusive_group()
    target.add_argument("--dimension", help="dimension code, e.g. compliance")
    target.add_argument("--item", help="question id, e.g. CERT-004")
    assign.add_argument(
        "--to", type=assignee, default="", metavar="NAME", help="leave out to take it back"
    )
    assign.set_defaults(handler=deferred("store", "run_assign"))
