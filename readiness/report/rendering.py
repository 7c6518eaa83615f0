"""The management report: one self-contained HTML document, and the PDF made from it.

The report reads a computed :class:`~readiness.domain.results.AssessmentResult` (the
portfolio report a :class:`~readiness.domain.portfolio.Portfolio`), never the database.
All user text goes through Jinja2's autoescaping; the PDF renderer fetches
nothing but data URIs and the bundled report assets.
WeasyPrint is imported only when a PDF is rendered.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket

from readiness.assets import asset_dir
from readiness.content.cache import cache_folder
from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult
from readiness.files import write_atomically, write_text_atomically
from readiness.report.assessment import build_context
from readiness.report.context import SECTIONS, PortfolioReportOptions, ReportOptions
from readiness.report.errors import ReportError
from readiness.report.fonts import require_cjk_font
from readiness.report.user_agent import report_html_class

if TYPE_CHECKING:
    from readiness.domain.portfolio import Portfolio

LOG = logging.getLogger(__name__)


class TemplateCache(FileSystemBytecodeCache):
    """The report templates compiled once, in the user's cache folder, instead of at every
    run. Jinja checks each entry against its template's source; an entry that cannot be
    read or written (a damaged file, a read-only folder) only means compiling again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError as error:
            LOG.info("report templates not cached: %s", error)


def template_cache_folder() -> Path:
    """Where the compiled report templates are kept."""
    return cache_folder() / "report-templates"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(asset_dir("reports"))),
        bytecode_cache=TemplateCache(str(template_cache_folder())),
        autoescape=True,  # every value is text unless a template marks it safe
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(
    result: AssessmentResult,
    catalog: Catalog,
    options: ReportOptions,
    *,
    font: str | None = None,
) -> str:
    """The report as one self-contained HTML document (styles, charts and logo inline).

    Raises:
        MissingCJKFontError: no Simplified-Chinese font is installed.
        ReportError: the options do not fit the assessment.
    """
    unknown = set(options.sections) - set(SECTIONS)
    if unknown:
        raise ReportError(f"unknown report sections: {', '.join(sorted(unknown))}")
    context = build_context(result, catalog, options, font=font or require_cjk_font())
    return _environment().get_template("report.html.j2").render(**context)


def render_portfolio_html(
    portfolio: Portfolio,
    catalog: Catalog,
    options: PortfolioReportOptions | str,
    *,
    font: str | None = None,
) -> str:
    """The portfolio report as one self-contained HTML document.

    ``options`` set the cover and whether firms are named; a language code
    alone gives the plain report in that language.

    Raises:
        MissingCJKFontError: no Simplified-Chinese font is installed.
        ReportError: the portfolio has no firm, so there is nothing to report.
    """
    # The portfolio's context is read only for a portfolio report, not for every report.
    from readiness.report.portfolio import build_portfolio_context

    if not portfolio.rows:
        raise ReportError(
            f"no assessment in this database targets the market {portfolio.market} "
            "(archived assessments are left out)"
        )
    chosen = options if isinstance(options, PortfolioReportOptions) else None
    context = build_portfolio_context(
        portfolio,
        catalog,
        chosen or PortfolioReportOptions(language=str(options)),
        font=font or require_cjk_font(),
    )
    return _environment().get_template("portfolio.html.j2").render(**context)


class RefusingFetcher:
    """A URL fetcher for WeasyPrint that serves only data URIs and the bundled assets.

    Anything else (other files, http, https, ftp) is refused and logged, and the
    refusal is recorded in ``refused`` so that callers and tests can see it.
    """

    # Read by WeasyPrint when a fetch fails: a refused resource is skipped with a
    # warning, it must not stop the whole report.
    _fail_on_errors = False

    def __init__(self, allowed_roots: Sequence[Path] = ()) -> None:
        self.allowed_roots = [root.resolve() for root in (asset_dir("reports"), *allowed_roots)]
        self.refused: list[str] = []
        from weasyprint.urls import URLFetcher

        self._inner = URLFetcher(allowed_protocols={"data", "file"}, allow_redirects=False)

    def __call__(self, url: str, headers: Any = None) -> Any:
        return self.fetch(url, headers)

    def fetch(self, url: str, headers: Any = None) -> Any:
        """Serve ``url`` if it is allowed; raise otherwise."""
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return self._inner.fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(root) for root in self.allowed_roots):
                return self._inner.fetch(url, headers)
        self.refused.append(url)
        LOG.warning("report renderer refused to fetch %s", url)
        raise ValueError(f"fetching {url} is not allowed in reports")


def write_pdf(
    html: str,
    out: Path,
    *,
    fetcher: RefusingFetcher | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Render HTML (either report) to a PDF at ``out``, atomically (temporary name, then rename).

    Raises:
        ReportError: the PDF could not be written; no partial file is left.
    """
    if progress:
        progress("layout")
    url_fetcher = fetcher or RefusingFetcher()
    document = report_html_class()(
        string=html, base_url=str(asset_dir("reports")) + os.sep, url_fetcher=url_fetcher
    ).render()
    if progress:
        progress("write")
    try:
        write_atomically(out, document.write_pdf, suffix=".pdf")
    except OSError as error:
        raise ReportError(f"cannot write {out}: {error.strerror or error}") from None
    return out


def write_html(html: str, out: Path) -> Path:
    """Write the self-contained HTML report (either report) atomically.

    Raises:
        ReportError: the file could not be written.
    """
    try:
        write_text_atomically(out, html)
    except OSError as error:
        raise ReportError(f"cannot write {out}: {error.strerror or error}") from None
    return out
