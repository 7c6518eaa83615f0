"""The sample report, read back from the PDF itself, prints cleanly in both languages.

Every word on the page is one of the report's own words, whole: nothing is
hyphenated automatically, no word, id or date is broken inside a table cell,
no chart label is clipped at the chart's edge and nothing runs into the margins.
"""

from __future__ import annotations

import html as markup
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult
from readiness.report.context import ReportOptions
from readiness.report.fitting import BREAK
from readiness.report.rendering import render_html, write_pdf

MARGIN = 18 * 72 / 25.4  # the page's left and right margin in points (reports/report.css)
AUTOMATIC_HYPHEN = "\u2010"  # what the layout engine draws where it hyphenates a word
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Word:
    page: int
    left: float
    right: float
    text: str
    top: float = 0.0
    bottom: float = 0.0


@dataclass(frozen=True)
class Rendered:
    source: str  # every text of the HTML document, the charts' labels included
    words: list[Word]
    page_width: float
    page_height: float
    chapters: list[str]  # the chapters' titles: each starts a page
    headings: set[str]  # every heading's text


def _source_text(html: str) -> str:
    body = re.sub(r"<(style|title|head)\b.*?</\1>", " ", html, flags=re.S)
    return markup.unescape(re.sub(r"<[^>]+>", " ", body)).replace(BREAK, "")


def _words(pdf: Path) -> tuple[list[Word], float, float]:
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words, width, height = [], 0.0, 0.0
    pages = re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S)
    for number, page in enumerate(pages, 1):
        width, height = float(page.group(1)), float(page.group(2))
        for found in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page.group(3),
        ):
            text = markup.unescape(found.group(5)).replace(BREAK, "")
            left, top, right, bottom = (float(found.group(n)) for n in range(1, 5))
            words.append(Word(number, left, right, text, top, bottom))
    return words, width, height


@pytest.fixture(scope="module", params=["en", "zh"])
def rendered(
    request: pytest.FixtureRequest,
    demo_result: AssessmentResult,
    catalog: Catalog,
    tmp_path_factory: pytest.TempPathFactory,
) -> Rendered:
    html = render_html(demo_result, catalog, ReportOptions(language=request.param))
    pdf = write_pdf(html, tmp_path_factory.mktemp("layout") / f"{request.param}.pdf")
    words, width, height = _words(pdf)
    chapters = [
        " ".join(_source_text(title).split())
        for title in re.findall(r'<section class="chapter[^"]*"[^>]*>\s*<h1>(.*?)</h1>', html, re.S)
    ]
    headings = {
        " ".join(_source_text(title).split())
        for title in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", html, re.S)
    }
    return Rendered(_source_text(html), words, width, height, chapters, headings)


def _is_page_furniture(word: Word) -> bool:
    # The running footer's page numbers are made by the layout, not the document.
    return word.text.isdigit() or word.text in {"Page", "of", "第", "页", "共"}


def test_no_word_is_hyphenated_by_the_layout(rendered: Rendered) -> None:
    hyphenated = [w for w in rendered.words if AUTOMATIC_HYPHEN in w.text]
    assert hyphenated == []


def test_a_word_ending_in_a_hyphen_has_that_hyphen_in_the_source(rendered: Rendered) -> None:
    # "after-" on one line and "sales" on the next is the source's own hyphen;
    # "Statu-" or "2026-12-" would be a break the document never had.
    broken = [
        w
        for w in rendered.words
        if w.text.endswith("-") and not re.search(re.escape(w.text) + r"\S", rendered.source)
    ]
    assert broken == []


def test_every_date_appears_whole(rendered: Rendered) -> None:
    on_page = {found for w in rendered.words for found in DATE.findall(w.text)}
    in_source = set(DATE.findall(rendered.source))
    assert in_source  # the sample's plan has dates
    assert in_source - on_page == set()
    fragments = [w for w in rendered.words if re.fullmatch(r"\d{4}-\d{2}-\d?|\d{4}-\d?", w.text)]
    assert fragments == []


def test_every_latin_word_on_the_page_is_a_whole_word_of_the_source(rendered: Rendered) -> None:
    # A word broken inside a cell ("Compan" / "y-wide", "homologati" / "on") or a
    # chart label cut at the edge ("ality") is not a word of the document.
    tokens = set(re.split(r"[\s\u3000-\u9fff\uff00-\uffef]+", rendered.source))
    tokens |= {t.strip(".,;:()[]\"'!?·") for t in tokens}
    # A word may break after its own hyphen or slash ("door-to-" / "door").
    tokens |= {part for t in tokens for part in re.split(r"[/?&=]+", t)}
    tokens |= {part for t in tokens for part in re.split(r"[-/\u2013_.=?&]+", t)}
    fragments = [
        w
        for w in rendered.words
        if re.fullmatch(r"[A-Za-z][A-Za-z-]*", w.text)
        and w.text not in tokens
        and not w.text.endswith("-")  # checked above: a hyphen of the source
        # the rest of a word the line broke after its own hyphen or slash (addresses)
        and not re.search(r"[-/]" + re.escape(w.text) + r"(?![A-Za-z])", rendered.source)
        and not _is_page_furniture(w)
    ]
    assert fragments == []


def test_no_word_runs_into_the_margins_or_off_the_page(rendered: Rendered) -> None:
    outside = [
        w
        for w in rendered.words
        if w.left < MARGIN - 2 or w.right > rendered.page_width - MARGIN + 2
    ]
    assert outside == []


@pytest.fixture(scope="module")
def chinese(
    demo_result: AssessmentResult, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> list[Word]:
    html = render_html(demo_result, catalog, ReportOptions(language="zh"))
    pdf = write_pdf(html, tmp_path_factory.mktemp("layout-zh") / "zh.pdf")
    return _words(pdf)[0]


TOP, BOTTOM = 22 * 72 / 25.4, 20 * 72 / 25.4  # the page's top and bottom margins


def _body_words(rendered: Rendered) -> list[Word]:
    """The words between the page margins: the running header and footer left out."""
    bottom = rendered.page_height - BOTTOM
    return [w for w in rendered.words if w.top > TOP - 2 and w.bottom < bottom]


def test_no_page_is_less_than_a_third_full_unless_a_chapter_follows(rendered: Rendered) -> None:
    body = _body_words(rendered)
    last = max(w.page for w in rendered.words)
    usable = rendered.page_height - TOP - BOTTOM
    sparse = []
    for page in range(2, last):  # the cover is a page of its own
        filled = max((w.bottom for w in body if w.page == page), default=TOP) - TOP
        if filled >= usable / 3:
            continue
        following = " ".join(w.text for w in body if w.page == page + 1)
        if not any(following.startswith(title) for title in rendered.chapters):
            sparse.append((page, following[:60]))
    assert rendered.chapters
    assert sparse == []


def test_a_chinese_market_name_is_never_split_over_lines_in_a_cell(
    chinese: list[Word], demo_result: AssessmentResult, catalog: Catalog
) -> None:
    # Chinese may break between any two characters: a narrow column once showed
    # 意 / 大 / 利 one character a line.
    names = [
        catalog.markets[m.code].name.zh for m in demo_result.markets if m.code in catalog.markets
    ]
    assert names
    pieces = {name[:n] for name in names for n in range(1, len(name))}
    split = [w for w in chinese if w.text in pieces]
    assert split == []


def test_no_heading_is_left_at_the_foot_of_a_page(rendered: Rendered) -> None:
    body = _body_words(rendered)
    last_lines = []
    for page in sorted({w.page for w in body}):
        on_page = [w for w in body if w.page == page]
        bottom = max(w.top for w in on_page)
        last_lines.append(" ".join(w.text for w in on_page if abs(w.top - bottom) < 2))
    assert rendered.headings
    assert [line for line in last_lines if line in rendered.headings] == []
