"""Report rendering per page against a plain reference document of the same length.

Also: the whole ``readiness report`` command (the full report, and the summary
only) against a fresh process that renders a one-line page, each with the peak
resident memory the report process itself reached.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from readiness.content.catalog import load_catalog
from readiness.domain.answers import AnswerValue
from readiness.domain.records import MarketChoice
from readiness.report.context import ReportOptions
from readiness.report.rendering import render_html, write_pdf
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.opening import open_store

CATALOG = load_catalog()
TODAY = dt.date(2026, 11, 22)
FOLDER = Path(tempfile.mkdtemp(prefix="report-bench-"))


def _sample_html() -> str:
    with open_store(str(FOLDER / "sample.sqlite3")) as store:
        assessment_id = create_demo(store, CATALOG, today=TODAY)
        result = load_result(store, CATALOG, assessment_id, today=TODAY)
    return render_html(result, CATALOG, ReportOptions(language="zh"))


def _twenty_html() -> str:
    regions = sorted(CATALOG.regions)
    markets = [MarketChoice(code) for code in CATALOG.markets] + [
        MarketChoice(f"Q{n:02}", custom_name=f"Market {n:02}", custom_region=regions[n % 5])
        for n in range(16)
    ]
    with open_store(str(FOLDER / "twenty.sqlite3")) as store:
        company = store.create_company("Bench Motors")
        assert company.id is not None
        assessment = store.create_assessment(company.id, "bench", CATALOG.version, markets)
        assert assessment.id is not None
        for index, item in enumerate(CATALOG.items.values()):
            value = AnswerValue(str(index % 5))
            if item.scope.value == "company":
                store.set_answer(assessment.id, item.id, None, value)
            else:
                for market in markets[index % 2 :: 2]:
                    store.set_answer(assessment.id, item.id, market.code, value)
        result = load_result(store, CATALOG, assessment.id, today=TODAY)
    return render_html(result, CATALOG, ReportOptions(language="en"))


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def _reference_html(pages: int) -> str:
    """Plain paragraphs and one table per page: the floor any report costs."""
    rows = "".join(f"<tr><td>Row {n}</td><td>{n * 7}</td><td>value</td></tr>" for n in range(12))
    body = "".join(
        f'<section style="break-before: page"><h2>Section {page}</h2>'
        + "<p>"
        + "Plain reference text for the benchmark. " * 30
        + "</p>"
        + f"<table>{rows}</table></section>"
        for page in range(pages)
    )
    return f'<html lang="en"><body style="font-family: sans-serif">{body}</body></html>'


@pytest.fixture(scope="module")
def documents() -> dict[str, tuple[str, int]]:
    found = {}
    for name, html in (("sample report", _sample_html()), ("20-market report", _twenty_html())):
        out = write_pdf(html, FOLDER / f"{name}.pdf")
        found[name] = (html, _pages(out))
    return found


@pytest.mark.parametrize("name", ["sample report", "20-market report"])
def test_floor_reference_document(
    benchmark: Any, pair: Any, documents: dict[str, tuple[str, int]], name: str
) -> None:
    _, pages = documents[name]
    pair(f"{name} per page", "floor")
    html = _reference_html(pages)
    benchmark.extra_info["pages"] = pages
    benchmark.pedantic(write_pdf, args=(html, FOLDER / "reference.pdf"), rounds=2, iterations=1)


@pytest.mark.parametrize("name", ["sample report", "20-market report"])
def test_report(
    benchmark: Any, pair: Any, documents: dict[str, tuple[str, int]], name: str
) -> None:
    html, pages = documents[name]
    pair(f"{name} per page", "subject", target=1.5)
    benchmark.extra_info["pages"] = pages
    benchmark.pedantic(write_pdf, args=(html, FOLDER / "subject.pdf"), rounds=2, iterations=1)


def _run(args: list[str]) -> None:
    subprocess.run(args, check=True, capture_output=True)


def _one_line_page(benchmark: Any) -> None:
    """The floor of every report command: a fresh process renders a one-line page."""
    script = (
        "import weasyprint; weasyprint.HTML(string='<p>one line</p>')"
        f".write_pdf({str(FOLDER / 'line.pdf')!r})"
    )
    benchmark.pedantic(_run, args=([sys.executable, "-c", script],), rounds=3, iterations=1)


def test_floor_one_line_page_in_a_fresh_process(benchmark: Any, pair: Any) -> None:
    pair("readiness report command", "floor")
    _one_line_page(benchmark)


# Runs the report command in this process and prints its own peak resident memory
# (VmHWM: the high-water mark of this process image alone; ru_maxrss would carry over
# the benchmark process's own size through fork and exec).
MEASURED = (
    "import re, sys; from readiness.cli import main; code = main(sys.argv[1:]); "
    "status = open('/proc/self/status').read(); "
    "print('peak_kib', re.search(r'VmHWM:\\s+(\\d+)', status).group(1)); sys.exit(code)"
)
PEAK_TARGET_MIB = 300


def _report_args(db: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        MEASURED,
        "report",
        "--db",
        str(db),
        "--assessment",
        "1",
        "--lang",
        "en",
        "--out",
        str(out),
        *extra,
    ]


def _sample_db() -> Path:
    db = FOLDER / "command.sqlite3"
    if not db.exists():
        _run([sys.executable, "-m", "readiness", "demo", "--db", str(db)])
    return db


def _measured(benchmark: Any, args: list[str], rounds: int = 3) -> None:
    peaks: list[float] = []

    def run() -> None:
        done = subprocess.run(args, check=True, capture_output=True, text=True)
        line = next(x for x in done.stdout.splitlines() if x.startswith("peak_kib"))
        peaks.append(int(line.split()[1]) / 1024)

    benchmark.pedantic(run, rounds=rounds, iterations=1)
    benchmark.extra_info["peak_rss_mib"] = round(max(peaks), 1)
    benchmark.extra_info["peak_target_mib"] = PEAK_TARGET_MIB


def test_report_command(benchmark: Any, pair: Any) -> None:
    """The sample's full report, from the command line in a fresh process."""
    pair("readiness report command", "subject", target=5.0)
    _measured(benchmark, _report_args(_sample_db(), FOLDER / "command.pdf"))


def test_peak_memory_of_the_chinese_report(benchmark: Any) -> None:
    """The sample's full report in Chinese (the larger fonts), in a fresh process."""
    args = _report_args(_sample_db(), FOLDER / "memory.pdf")
    args[args.index("en")] = "zh"
    _measured(benchmark, args, rounds=1)


def _has_summary() -> bool:
    from readiness.report.context import ReportOptions

    return "summary" in getattr(ReportOptions, "__dataclass_fields__", {})


def test_floor_one_line_page_for_the_summary(benchmark: Any, pair: Any) -> None:
    if not _has_summary():
        pytest.skip("this version has no summary-only report")
    pair("readiness report --summary command", "floor")
    _one_line_page(benchmark)


def test_summary_command(benchmark: Any, pair: Any) -> None:
    """The sample's summary-only report, from the command line in a fresh process."""
    if not _has_summary():
        pytest.skip("this version has no summary-only report")
    pair("readiness report --summary command", "subject", target=2.0)
    _measured(benchmark, _report_args(_sample_db(), FOLDER / "summary.pdf", "--summary"))


def test_floor_one_line_page_for_a_plain_document(benchmark: Any, pair: Any) -> None:
    pair("plain document as long as the sample report, in a fresh process", "floor")
    _one_line_page(benchmark)


def test_plain_document_as_long_as_the_sample_report(
    benchmark: Any, pair: Any, documents: dict[str, tuple[str, int]]
) -> None:
    """No target: what any document of the sample report's length costs at the least
    (plain paragraphs and one table a page), to read the report command's ratio by."""
    pair("plain document as long as the sample report, in a fresh process", "subject")
    _, pages = documents["sample report"]
    source = FOLDER / "plain.html"
    source.write_text(_reference_html(pages), encoding="utf-8")
    script = (
        "import weasyprint; weasyprint.HTML(filename="
        f"{str(source)!r}).write_pdf({str(FOLDER / 'plain.pdf')!r})"
    )
    benchmark.extra_info["pages"] = 1  # compared whole, as the command is
    benchmark.pedantic(_run, args=([sys.executable, "-c", script],), rounds=3, iterations=1)
