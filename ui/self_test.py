"""``readiness-app --self-test``: prove an installation works, headless, in under a minute.

On a temporary database: load the content, create the sample assessment, score
it, render a Chinese and an English report, and read the PDFs back. One line
per step; the exit code is 0 only if every step passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from readiness import APP_NAME, __version__
from readiness.domain.rounding import points


def run_self_test() -> int:
    """Run every step, print one line each, return the exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="readiness-self-test-"))
    state: dict[str, object] = {}
    print(f"{APP_NAME} {__version__} self-test in {folder}")

    def content() -> str:
        from readiness.content.catalog import load_catalog

        catalog = load_catalog()
        state["catalog"] = catalog
        return f"{len(catalog.all_items)} questions, {len(catalog.markets)} markets"

    def sample() -> str:
        from readiness.services.sample import open_sample
        from readiness.storage.opening import open_store

        store = open_store(str(folder / "self-test.sqlite3"))
        state["store"] = store
        sample = open_sample(store, state["catalog"])  # type: ignore[arg-type]
        state["assessment"] = sample.assessment_id
        return f"assessment {state['assessment']} with {len(store.answers(1))} answers"

    def score() -> str:
        from readiness.services.results import load_result

        result = load_result(state["store"], state["catalog"], 1)  # type: ignore[arg-type]
        state["result"] = result
        markets = result.score.markets
        if set(markets) != {"IT", "MA", "LA"}:
            raise AssertionError(f"unexpected markets {sorted(markets)}")
        return ", ".join(f"{code} {points(m.overall)}" for code, m in markets.items())

    def report(language: str) -> Callable[[], str]:
        def render() -> str:
            from readiness.report.context import ReportOptions
            from readiness.report.rendering import render_html, write_pdf

            html = render_html(state["result"], state["catalog"], ReportOptions(language))  # type: ignore[arg-type]
            out = write_pdf(html, folder / f"report-{language}.pdf")
            return f"{out.name}, {out.stat().st_size // 1024} KiB"

        return render

    def check_pdfs() -> str:
        from PySide6.QtPdf import QPdfDocument

        pages = []
        for language, expected in (("zh", "执行摘要"), ("en", "Executive summary")):
            document = QPdfDocument()
            document.load(str(folder / f"report-{language}.pdf"))
            count = document.pageCount()
            text = "".join(document.getAllText(page).text() for page in range(min(count, 4)))
            if count < 5 or expected not in text:
                raise AssertionError(f"the {language} report reads wrong ({count} pages)")
            pages.append(f"{language} {count} pages")
        return ", ".join(pages)

    def team_mode() -> str:
        from readiness.storage.credentials import server_support

        return server_support()

    steps: list[tuple[str, Callable[[], str]]] = [
        ("load content", content),
        ("create the sample assessment", sample),
        ("score it", score),
        ("render the Chinese report", report("zh")),
        ("render the English report", report("en")),
        ("read the PDFs back", check_pdfs),
        ("team server support", team_mode),
    ]
    failed = 0
    for name, step in steps:
        started = time.perf_counter()
        try:
            detail = step()
        except Exception as error:
            failed += 1
            print(f"FAIL {name}: {error}")
            traceback.print_exc(file=sys.stderr)
            break
        print(f"ok   {name} ({time.perf_counter() - started:.1f} s): {detail}")
    store = state.get("store")
    if store is not None:
        store.close()  # type: ignore[attr-defined]
    del app
    print("self-test passed" if not failed else "self-test FAILED")
    return 1 if failed else 0
