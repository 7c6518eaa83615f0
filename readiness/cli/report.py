"""The ``report`` subcommand: the management report as PDF (and self-contained HTML)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from readiness.cli.common import CommandError, bundled_catalog, command_store
from readiness.cli.progress import Progress, counted
from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult
from readiness.report.context import SECTIONS, ReportOptions
from readiness.report.errors import ReportError
from readiness.report.rendering import render_html, write_html, write_pdf
from readiness.services.results import load_result

# ``--lang both`` writes one file per language, its name saying which.
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}
SPOKEN = {"en": "English", "zh": "Chinese"}  # on the progress line


def languages(choice: str) -> list[str]:
    """The report languages of a ``--lang`` choice: ``both`` is English, then Chinese."""
    return ["en", "zh"] if choice == "both" else [choice]


def language_path(path: Path, language: str) -> Path:
    """Where the report in ``language`` goes when both languages are written.

    ``Acme report.pdf`` becomes ``Acme report (English).pdf`` and ``Acme report (中文).pdf``,
    beside each other in the same folder.
    """
    return path.with_name(f"{path.stem} ({LANGUAGE_NAMES[language]}){path.suffix}")


def run_report(args: argparse.Namespace) -> int:
    """Render the report; print each written path."""
    if args.out is None and args.html is None:
        raise CommandError("give --out FILE.pdf, --html FILE.html, or both")
    if args.out is not None and args.out.suffix.lower() != ".pdf":
        raise CommandError("--out must end in .pdf")
    options = ReportOptions(
        language=languages(args.lang)[0],
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
    progress = Progress()
    with progress.stage("Reading the assessment"):
        catalog = bundled_catalog()
        with command_store(args, reading=True) as store:
            result = load_result(store, catalog, args.assessment)
            if store.path is None:
                # On a server shared by member firms, each market's chapter says where
                # the firm stands among them, by counts alone.
                from readiness.services.portfolio import peer_positions

                options = dataclasses.replace(
                    options, positions=peer_positions(store, catalog, args.assessment)
                )
    if options.markets is not None:
        unknown = set(options.markets) - {m.code for m in result.markets}
        if unknown:
            raise CommandError(
                f"not a target market of this assessment: {', '.join(sorted(unknown))}"
            )
    chosen = languages(args.lang)
    for number, language in enumerate(chosen, start=1):
        what = counted(number, len(chosen), f"The {SPOKEN[language]} report")
        outputs = {
            "html": args.html,
            "pdf": args.out,
        }
        if len(chosen) > 1:
            outputs = {
                kind: None if path is None else language_path(path, language)
                for kind, path in outputs.items()
            }
        try:
            written = _write(
                result,
                catalog,
                dataclasses.replace(options, language=language),
                outputs,
                what,
                progress,
            )
        except ReportError as error:
            raise CommandError(str(error)) from None
        # Each path as soon as it is written: the app counts them to show its progress.
        for path in written:
            print(path, flush=True)
    return 0


def _write(
    result: AssessmentResult,
    catalog: Catalog,
    options: ReportOptions,
    outputs: dict[str, Path | None],
    what: str,
    progress: Progress,
) -> list[Path]:
    """Write one language's report to the given HTML and PDF paths; return what was written.

    ``what`` names the report on the progress line ("[1/2] The English report").
    """

    def label(text: str) -> str:
        return f"{what}: {text}"

    written = []
    stages = {"layout": "laying out the pages", "write": "writing the PDF"}
    with progress.stage(label("preparing")) as step:
        html = render_html(result, catalog, options)
        if outputs["html"] is not None:
            step(label("writing the HTML"))
            written.append(write_html(html, outputs["html"]))
        if outputs["pdf"] is not None:
            written.append(
                write_pdf(
                    html,
                    outputs["pdf"],
                    progress=lambda stage: step(label(stages.get(stage, stage))),
                )
            )
    return written
