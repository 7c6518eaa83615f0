"""What ``report`` accepts."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id, file_path
from readiness.cli.parsers import db_option, deferred


class SectionsNamed(argparse.HelpFormatter):
    """The help of ``readiness report``, whose ``--sections`` names the report's sections.

    The names are read from the report package only when the help is shown: it
    loads the scoring and plan code, which building the parser does not need.
    """

    def _get_help_string(self, action: argparse.Action) -> str | None:
        shown = super()._get_help_string(action)
        if shown is None or action.dest != "sections":
            return shown
        from readiness.report.context import SECTIONS

        return shown + ",".join(SECTIONS)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the report subcommand to the command line."""
    report = sub.add_parser(
        "report",
        parents=[db_option()],
        help="write the management report (PDF, HTML)",
        formatter_class=SectionsNamed,
    )
    report.add_argument("--assessment", type=assessment_id, required=True)
    report.add_argument(
        "--lang",
        choices=("en", "zh", "both"),
        default="en",
        help="en, zh, or both: one file per language, named e.g. 'FILE (English).pdf'",
    )
    report.add_argument("--out", type=file_path, help="FILE.pdf")
    report.add_argument("--html", type=file_path, help="also (or only) write FILE.html")
    report.add_argument("--markets", help="only these target markets, e.g. IT,MA")
    report.add_argument(
        "--sections",
        help="only these sections (default all): ",
    )
    report.add_argument(
        "--summary", action="store_true", help="the cover and executive summary only (4 pages)"
    )
    report.add_argument("--logo", type=file_path, help="company logo image for the cover")
    report.add_argument(
        "--prepared-for", default="", help="whom the report is for (default: the company)"
    )
    report.add_argument("--prepared-by", default="", help="who prepared the report")
    report.add_argument(
        "--confidentiality",
        default="",
        help='the cover\'s confidentiality line, e.g. "Confidential"',
    )
    report.set_defaults(handler=deferred("report", "run_report"))
