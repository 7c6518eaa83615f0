"""The ``report`` subcommand: the management report as PDF (and self-contained HTML)."""

from __future__ import annotations

import argparse

from readiness.cli.common import CommandError, bundled_catalog, command_store
from readiness.report.context import SECTIONS, ReportOptions
from readiness.report.errors import ReportError
from readiness.report.rendering import render_html, write_html, write_pdf
from readiness.services.results import load_result


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
