"""The assessment being reported and what the user asked of the report.

:class:`ReportContext` carries the computed result, the catalogue and the
options into every chapter of the assessment report, and reads catalogue text
in the report's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness.content.catalog import Catalog
from readiness.content.model import Citation
from readiness.domain.benchmarks import PeerPosition
from readiness.domain.results import AssessmentResult
from readiness.report.labels import report_language

SECTIONS = ("summary", "comparison", "markets", "plan", "trend", "appendix")


@dataclass(frozen=True)
class ReportOptions:
    """What the user asked for."""

    language: str = "en"
    markets: Sequence[str] | None = None  # None: every target market
    sections: Sequence[str] = SECTIONS
    summary: bool = False  # the cover and the executive summary only
    prepared_for: str = ""  # empty: the company's name
    prepared_by: str = ""
    confidentiality: str = ""  # e.g. "Confidential: for the board only"
    logo: Path | None = None  # a PNG, JPEG or SVG file, read from this path only
    # Per market, where the firm stands among the other firms on a shared server
    # (counts only, no other firm named); empty for a firm alone in its file.
    positions: Mapping[str, PeerPosition] = field(default_factory=dict)


@dataclass(frozen=True)
class PortfolioReportOptions:
    """What the platform asked of its portfolio report: the cover, and whether to name firms."""

    language: str = "en"
    platform: str = ""  # the platform's name on the cover
    prepared_for: str = ""  # empty: the platform's management
    prepared_by: str = ""
    date: dt.date | None = None  # the date on the cover; None: the portfolio's day
    confidentiality: str = ""  # e.g. "Confidential: for the SME centre only"
    logo: Path | None = None  # a PNG, JPEG or SVG file, read from this path only
    anonymous: bool = False  # firms as "Firm 017": no name, no title anywhere


@dataclass
class ReportContext:
    """One assessment report being built: its result, catalogue, options and font."""

    result: AssessmentResult
    catalog: Catalog
    options: ReportOptions
    font: str

    @property
    def lang(self) -> str:
        """The report's language, ``en`` or ``zh``."""
        return report_language(self.options.language)

    def text(self, localized: Any) -> str:
        """A catalogue text in the report's language."""
        return str(localized.get(self.lang))

    def item_text(self, item_id: str) -> str:
        """A question's text, or its id where the catalogue no longer has it."""
        item = self.catalog.all_items.get(item_id)
        return self.text(item.text) if item else item_id

    def citations(self, citations: Sequence[Citation]) -> str:
        """Who or what a statement cites, as one line."""
        return "; ".join(self.catalog.citation_text(c, self.lang) for c in citations)
