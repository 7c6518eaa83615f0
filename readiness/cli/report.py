"""The ``report`` subcommand: the management report as PDF (and self-contained HTML)."""

from __future__ import annotations

import argparse

from readiness.cli.arguments import assessment_id, file_path
from readiness.cli.common import CommandError, bundled_catalog, command_store, db_option
from readiness.report.context import SECTIONS, ReportOptions
from readiness.report.errors import ReportError
from readiness.report.rendering import render_html, write_html, write_pdf
from readiness.services.results import load_result


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the report subcommand to the command line."""
    report = sub.add_parser(
        "report", parents=[db_option()], help="write the management report (PDF, HTML)"
    )
    report.add_argument("--assessment", type=assessment_id, required=True)
    report.add_argument("--lang", choices=("en", "zh"), default="en")
    report.add_argument("--out", type=file_path, help="FILE.pdf")
    report.add_argument("--html", type=file_path, help="also (or only) write FILE.html")
    report.add_argument("--markets", help="only these target markets, e.g. IT,MA")
    report.add_argument(
        "--sections",
        help=f"only these sections (default all): {','.join(SECTIONS)}",
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
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Render the report; print each written path."""
    if args.out is None and args.html is None:
        raise CommandError("give --out FILE.pdf, --html FILE.html, or both")
    if args.out is not None and args.out.suffix.lower() != ".pdf":
        raise CommandError("--out must end in .pdf")
    options = ReportOptions(
        language=args.lang,
        markets=[code.strip().upper() for code in args.markets.split(",")]
        if args.markets
        else None,
        sections=[s.strip() for s in args.sections.split(",")] if args.sections else SECTIONS,
        summary=args.summary,
        prepared_for=args.prepared_for,
        prepared_by=args.prepared_by,
        confidentiality=args.confidentiality,
        logo=args.logo,
    )
    if args.logo is not None and not args.logo.is_file():
        raise CommandError(f"cannot read the logo {args.logo}: no such file")
    catalog = bundled_catalog()
    with command_store(args, reading=True) as store:
        result = load_result(store, catalog, args.assessment)
    if options.markets is not None:
        unknown = set(options.markets) - {m.code for m in result.markets}
        if unknown:
            raise CommandError(
                f"not a target market of this assessment: {', '.join(sorted(unknown))}"
            )
    try:
        html = render_html(result, catalog, options)
        if args.html is not None:
            print(write_html(html, args.html))
        if args.out is not None:
            print(write_pdf(html, args.out))
    except ReportError as error:
        raise CommandError(str(error)) from None
    return 0
