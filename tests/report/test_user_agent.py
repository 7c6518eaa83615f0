"""Reports are laid out with lean default styles that change nothing on the page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest

from readiness.assets import asset_dir
from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult
from readiness.report.context import ReportOptions
from readiness.report.rendering import RefusingFetcher, render_html
from readiness.report.user_agent import lean_default_styles, report_html_class

weasyprint = pytest.importorskip("weasyprint")


def test_the_marker_rule_applies_to_list_items_only() -> None:
    assert lean_default_styles("::marker { white-space: pre }") == "li::marker { white-space: pre }"


def test_footnote_and_note_rules_are_dropped_and_every_other_rule_kept() -> None:
    source = (
        "q::before { content: open-quote }\n"
        "::footnote-call { content: counter(footnote);\n  vertical-align: super }\n"
        "::note-callback { content: ' x' }\n"
        "li { display: list-item }\n"
    )
    assert lean_default_styles(source) == (
        "q::before { content: open-quote }\n\n\nli { display: list-item }\n"
    )


def test_weasyprints_own_defaults_keep_no_rule_for_every_element() -> None:
    source = (files("weasyprint.css") / "html5_ua.css").read_text("utf-8")
    lean = lean_default_styles(source)
    assert "li::marker" in lean
    assert not [line for line in lean.splitlines() if line.startswith("::")]
    # Everything else is untouched: only the narrowed rules' lines differ.
    kept = [line for line in source.splitlines() if not line.startswith("::")]
    assert [line for line in lean.splitlines() if line and not line.startswith("li::")] == [
        line for line in kept if line
    ]


def _boxes(document: Any) -> Iterator[tuple[object, ...]]:
    """Every box of every page: its kind, place, size and text."""
    for page in document.pages:
        stack = [page._page_box]
        while stack:
            box = stack.pop()
            yield (
                type(box).__name__,
                round(box.position_x, 3),
                round(box.position_y, 3),
                round(box.width or 0, 3),
                round(box.height or 0, 3),
                getattr(box, "text", None),
            )
            stack.extend(reversed(getattr(box, "children", [])))


def _laid_out(html_class: Any, html: str) -> Any:
    return html_class(
        string=html,
        base_url=str(asset_dir("reports")) + os.sep,
        url_fetcher=RefusingFetcher(),
    ).render()


def test_the_summary_lays_out_exactly_as_with_weasyprints_own_defaults(
    demo_result: AssessmentResult, catalog: Catalog
) -> None:
    """Same pages, and every box in the same place with the same text, lists included."""
    html = render_html(demo_result, catalog, ReportOptions(language="en", summary=True))
    assert "<li" in html
    lean = _laid_out(report_html_class(), html)
    usual = _laid_out(weasyprint.HTML, html)
    assert len(lean.pages) == len(usual.pages)
    assert list(_boxes(lean)) == list(_boxes(usual))


def test_the_lean_defaults_are_what_a_report_is_laid_out_with(
    demo_result: AssessmentResult, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Guards against a WeasyPrint that no longer asks the document for its defaults."""
    asked: list[bool | None] = []
    html_class = report_html_class()
    original = html_class._ua_stylesheets

    def spying(self: Any, forms: bool | None = False) -> list[Any]:
        asked.append(forms)
        return list(original(self, forms))

    monkeypatch.setattr(html_class, "_ua_stylesheets", spying)
    html = render_html(demo_result, catalog, ReportOptions(language="zh", summary=True))
    _laid_out(html_class, html)
    assert len(asked) == 1
    assert not asked[0]  # no forms: the lean defaults are the ones used
