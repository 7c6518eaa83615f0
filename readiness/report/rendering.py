"""The management report: one self-contained HTML document, and the PDF made from it.

The report reads a computed :class:`~readiness.domain.results.AssessmentResult` (the
portfolio report a :class:`~readiness.domain.portfolio.Portfolio`), never the database.
All user text goes through Jinja2's autoescaping; the PDF renderer fetches
nothing but data URIs and the bundled report assets.
WeasyPrint is imported only when a PDF is rendered.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import mimetypes
import os
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from readiness import __version__
from readiness.assets import asset_dir
from readiness.content.catalog import Catalog
from readiness.content.model import Citation, ReferenceCitation, ScaleKind, SeedCitation
from readiness.domain.answers import AnswerValue
from readiness.domain.portfolio import LEVEL_ORDER, Portfolio
from readiness.domain.results import AssessmentResult
from readiness.domain.scoring import (
    LEVEL_THRESHOLDS,
    MarketReadiness,
    ReadinessLevel,
    compare,
    what_if,
)
from readiness.exchange.document import shared_file_mode
from readiness.report.charts import GanttBar, gantt, horizontal_bars, score_colour, trend

LOG = logging.getLogger(__name__)

SECTIONS = ("summary", "comparison", "markets", "plan", "trend", "appendix")
PLAN_ROWS = 40
GANTT_ROWS = 30
GAP_ROWS = 12
NOTE_LIMIT = 2000  # characters of a user note shown in the report
# Preferred Simplified-Chinese families, best first (fontconfig names).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
)
LATIN_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial")


class ReportError(Exception):
    """The report cannot be made; the message says why and what to do."""


class MissingCJKFontError(ReportError):
    """No Simplified-Chinese font is installed, so Chinese would print as boxes."""


@dataclass(frozen=True)
class ReportOptions:
    """What the user asked for."""

    language: str = "en"
    markets: Sequence[str] | None = None  # None: every target market
    sections: Sequence[str] = SECTIONS
    logo: Path | None = None


# --- fonts ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def installed_font_families() -> frozenset[str]:
    """Font families fontconfig knows (empty where fontconfig is not available)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return frozenset()
    try:
        output = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    families: set[str] = set()
    for line in output.splitlines():
        families.update(name.strip() for name in line.split(","))
    return frozenset(families)


# Where Windows and macOS keep their Simplified-Chinese system fonts, for machines
# without fontconfig's fc-list on PATH (a frozen app started from the desktop).
SYSTEM_CJK_FILES = (
    ("Microsoft YaHei", Path("C:/Windows/Fonts/msyh.ttc")),
    ("SimHei", Path("C:/Windows/Fonts/simhei.ttf")),
    ("PingFang SC", Path("/System/Library/Fonts/PingFang.ttc")),
    ("PingFang SC", Path("/System/Library/AssetsV2/com_apple_MobileAsset_Font7/PingFang.ttc")),
)


def find_cjk_font(families: Iterable[str] | None = None) -> str | None:
    """The best installed Simplified-Chinese font family, or None."""
    if families is None:
        known = installed_font_families()
        if not known:
            return next((name for name, path in SYSTEM_CJK_FILES if path.exists()), None)
    else:
        known = frozenset(families)
    return next((family for family in CJK_FAMILIES if family in known), None)


def require_cjk_font(families: Iterable[str] | None = None) -> str:
    """The CJK font to use, or a clear error before anything is rendered.

    Raises:
        MissingCJKFontError: with what to install.
    """
    font = find_cjk_font(families)
    if font is None:
        raise MissingCJKFontError(
            "No Simplified-Chinese font is installed, so Chinese text would print as empty "
            "boxes. Install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; "
            "Windows and macOS include one) and try again."
        )
    return font


def _font_stack(cjk: str, language: str) -> str:
    # Chinese reports put the CJK face first, so Latin text in them matches it.
    families = [cjk, *LATIN_FAMILIES] if language == "zh" else [*LATIN_FAMILIES, cjk]
    return ", ".join(f'"{family}"' for family in families) + ", sans-serif"


# --- wording ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _all_labels() -> dict[str, dict[str, Any]]:
    path = asset_dir("reports") / "labels.yaml"
    data: dict[str, dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


class Labels(dict[str, Any]):
    """Report wording in one language; attribute access for templates."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def labels(language: str) -> Labels:
    """The report's fixed wording in ``language``."""
    return Labels(_all_labels()["zh" if language == "zh" else "en"])


def format_date(day: dt.date, language: str) -> str:
    """A date as a reader of ``language`` writes it."""
    words = labels(language)
    return str(words["date_format"]).format(
        day=day.day, month=words["months"][day.month - 1], month_number=day.month, year=day.year
    )


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _clip(text: str, limit: int = NOTE_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the context the template renders -------------------------------------------------


@dataclass
class _Context:
    result: AssessmentResult
    catalog: Catalog
    options: ReportOptions
    font: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return "zh" if self.options.language == "zh" else "en"

    def text(self, localized: Any) -> str:
        return str(localized.get(self.lang))

    def item_text(self, item_id: str) -> str:
        item = self.catalog.all_items.get(item_id)
        return self.text(item.text) if item else item_id

    def citations(self, citations: Sequence[Citation]) -> str:
        parts = []
        for citation in citations:
            if isinstance(citation, SeedCitation):
                speaker = self.catalog.speaker(citation)
                parts.append(f"{speaker.name}, {self.text(speaker.organisation)}")
            elif isinstance(citation, ReferenceCitation):
                reference = self.catalog.references[citation.reference]
                parts.append(reference.title)
        return "; ".join(parts)


def build_context(
    result: AssessmentResult, catalog: Catalog, options: ReportOptions, *, font: str
) -> dict[str, Any]:
    """Everything the template shows, already worded in the report's language."""
    context = _Context(result, catalog, options, font)
    lang = context.lang
    words = labels(lang)
    chosen = [m for m in result.markets if options.markets is None or m.code in options.markets]
    if not chosen:
        raise ReportError("none of the chosen markets is a target market of this assessment")
    names = result.market_names(catalog, lang)
    scores = result.score.markets
    chosen_codes = {m.code for m in chosen}
    dimension_ids = list(catalog.dimensions)
    markets = []
    for market in chosen:
        readiness = scores[market.code]
        markets.append(_market_block(context, market.code, names[market.code], readiness))

    chosen_scores = [scores[m.code] for m in chosen]
    # The verdict speaks of the markets in this report only.
    best_reason = compare(chosen_scores).reason(lang, names)
    plan_actions = [a for a in result.plan.actions if set(a.markets) & chosen_codes]
    ranked = sorted(plan_actions, key=lambda a: a.rank)
    top = [_action_row(context, action, names) for action in ranked[:5]]
    plan_rows = [_action_row(context, action, names) for action in plan_actions[:PLAN_ROWS]]
    entries = sorted(
        {(m.planned_entry, names[m.code]) for m in chosen if m.planned_entry is not None}
    )
    gantt_svg = gantt(
        [
            GanttBar(
                label=f"{a.gap.item_id} · "
                + (
                    ", ".join(names[code] for code in a.markets)
                    if a.gap.market is not None
                    else str(words.company_wide)
                ),
                start=a.start,
                end=a.due,
                at_risk=a.at_risk,
                done=_status(result, a.gap.item_id, a.gap.market) == "done",
            )
            for a in plan_actions[:GANTT_ROWS]
        ],
        font=font,
        title=str(words.action_plan),
        today=result.today,
        milestones=[(day, name) for day, name in entries],
        month_names=words.months,
    )
    trend_svg = ""
    if result.trend:
        points = [point.name for point in result.trend] + [str(words.now)]
        series = [
            (
                names[m.code],
                [point.overall.get(m.code, 0.0) for point in result.trend]
                + [scores[m.code].overall],
            )
            for m in chosen
        ]
        trend_svg = trend(points, series, font=font, title=str(words.trend))

    toc = []
    if "summary" in options.sections:
        toc.append({"id": "summary", "title": words.summary, "sub": False})
    if "comparison" in options.sections:
        toc.append({"id": "comparison", "title": words.comparison, "sub": False})
    if "markets" in options.sections:
        for block in markets:
            toc.append({"id": f"market-{block['anchor']}", "title": block["name"], "sub": False})
    if "plan" in options.sections:
        toc.append({"id": "plan", "title": words.action_plan, "sub": False})
    if "trend" in options.sections and trend_svg:
        toc.append({"id": "trend", "title": words.trend, "sub": False})
    if "appendix" in options.sections:
        toc.append({"id": "appendix", "title": words.appendix, "sub": False})
        for anchor, title in (
            ("answers", words.answers),
            ("methodology", words.methodology),
            ("sources", words.sources),
        ):
            toc.append({"id": anchor, "title": title, "sub": True})

    page_template = str(words.page_of)
    before, _, rest = page_template.partition("{page}")
    between, _, after = rest.partition("{pages}")
    return {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "L": words,
        "css": (asset_dir("reports") / "report.css").read_text(encoding="utf-8"),
        "font_stack": _font_stack(font, lang),
        "page_before": before,
        "page_between": between,
        "page_after": after,
        "document_title": f"{words.report_title}: {result.company.name}",
        "app_version": __version__,
        "today": format_date(result.today, lang),
        "today_iso": result.today.isoformat(),
        "company": result.company,
        "assessment": result.assessment,
        "logo": _data_uri(options.logo) if options.logo else None,
        "verdict": best_reason,
        "best_reason": best_reason,
        "sections": list(options.sections),
        "toc": toc,
        "markets": markets,
        "any_provisional": any(m.provisional for m in chosen_scores),
        "dimensions": [
            {"id": d, "name": context.text(catalog.dimensions[d].name)} for d in dimension_ids
        ],
        "comparison_chart": horizontal_bars(
            [names[m.code] for m in chosen],
            [scores[m.code].overall for m in chosen],
            font=font,
            title=str(words.comparison_chart),
        ),
        "top_actions": top,
        "plan": plan_rows,
        "plan_more": str(words.more_actions).format(n=len(plan_actions) - PLAN_ROWS)
        if len(plan_actions) > PLAN_ROWS
        else "",
        "gantt": gantt_svg,
        "trend_chart": trend_svg,
        "appendix": _appendix(context, chosen_codes, names),
        "level_bands": _level_bands(lang),
        **_sources(context, chosen_codes),
    }


def _status(result: AssessmentResult, item_id: str, market: str | None) -> str:
    stored = result.actions.get((item_id, market))
    return stored.status if stored else "open"


def _action_row(context: _Context, action: Any, names: dict[str, str]) -> dict[str, Any]:
    result = context.result
    words = labels(context.lang)
    gap = action.gap
    item = context.catalog.all_items.get(gap.item_id)
    stored = result.actions.get((gap.item_id, gap.market))
    owner = stored.owner if stored and stored.owner else ""
    return {
        "rank": action.rank,
        "item_id": gap.item_id,
        "action": context.text(item.action) if item else "",
        "markets": ", ".join(names[code] for code in action.markets)
        if gap.market is not None
        else words.company_wide,
        "lead": str(words.weeks).format(n=gap.lead_time_weeks),
        # Tables use compact ISO dates; prose uses the language's long form.
        "start": action.start.isoformat(),
        "due": (stored.due_date if stored and stored.due_date else action.due).isoformat(),
        "at_risk": action.at_risk,
        "owner": owner or words.owners.get(gap.dimension, ""),
        "status": words[f"status_{_status(result, gap.item_id, gap.market)}"],
    }


def _market_block(
    context: _Context, code: str, name: str, readiness: MarketReadiness
) -> dict[str, Any]:
    catalog = context.catalog
    words = labels(context.lang)
    profile = catalog.markets.get(code)
    region = None
    if profile is None:
        market = next(m for m in context.result.markets if m.code == code)
        region = catalog.regions.get(market.custom_region or "")
    dimension_ids = list(catalog.dimensions)
    cells = [
        {
            "text": "-" if (score := readiness.dimensions[d].score) is None else f"{score:.0f}",
            "colour": score_colour(readiness.dimensions[d].score),
        }
        for d in dimension_ids
    ]
    chart = horizontal_bars(
        [context.text(catalog.dimensions[d].name) for d in dimension_ids],
        [readiness.dimensions[d].score for d in dimension_ids],
        font=context.font,
        title=f"{name}: {words.dimension_chart}",
        target=75.0,
    )
    gaps = [
        {
            "item_id": gap.item_id,
            "text": context.item_text(gap.item_id),
            "level": gap.level,
            "critical": gap.critical,
            "action": context.text(catalog.all_items[gap.item_id].action),
            "lead": str(words.weeks).format(n=gap.lead_time_weeks),
        }
        for gap in readiness.gaps[:GAP_ROWS]
    ]
    plan = context.result.plan
    markets = [m for m in context.result.markets if m.code == code]
    answers = context.result.answer_values
    projections = []
    for done in (0, 3, 5, 10):
        if done == 0:
            projected = readiness
        else:
            projected = what_if(catalog, markets, answers, plan, done).markets[code]
        projections.append(
            {
                "done": done,
                "overall": f"{projected.overall:.0f}",
                "level": projected.level.label.get(context.lang),
            }
        )
    summary = (
        context.text(profile.summary)
        if profile
        else (context.text(region.summary) if region else "")
    )
    notes_source = profile.notes if profile else (region.notes if region else [])
    return {
        "code": code,
        "anchor": code.lower(),
        "name": name,
        "overall_text": f"{readiness.overall:.0f}",
        "overall": readiness.overall,
        "colour": score_colour(readiness.overall),
        "level": readiness.level.label.get(context.lang),
        "level_key": readiness.level.value,
        "completeness_text": _percent(readiness.completeness),
        "provisional": readiness.provisional,
        "blockers": [{"id": b, "text": context.item_text(b)} for b in readiness.blockers],
        "strengths": [{"id": s, "text": context.item_text(s)} for s in readiness.strengths[:8]],
        "cells": cells,
        "chart": chart,
        "gaps": gaps,
        "summary": summary,
        "incentives": [
            {
                "programme": context.text(i.programme),
                "benefit": context.text(i.benefit),
                "threshold": context.text(i.threshold) if i.threshold else "",
                "sources": context.citations(i.sources),
            }
            for i in (profile.incentives if profile else [])
        ],
        "notes": [
            {"text": context.text(n.text), "sources": context.citations(n.sources)}
            for n in notes_source
        ],
        "what_if": projections,
        "what_if_text": str(words.what_if_text).format(name=name),
    }


def _answer_text(context: _Context, item_id: str, value: AnswerValue) -> str:
    words = labels(context.lang)
    if value is AnswerValue.NOT_APPLICABLE:
        return str(words.na)
    if value is AnswerValue.UNKNOWN:
        return str(words.unknown)
    level = int(value.value)
    item = context.catalog.all_items.get(item_id)
    if item is not None and item.scale is ScaleKind.YES_NO:
        return str(words.yes if level == 4 else words.no)
    label = context.text(context.catalog.level_labels(item)[level]) if item else ""
    return f"{level} · {label}" if label else str(level)


def _appendix(context: _Context, codes: set[str], names: dict[str, str]) -> list[dict[str, Any]]:
    words = labels(context.lang)
    answers = context.result.answers
    catalog = context.catalog
    by_dimension: dict[str, list[dict[str, Any]]] = {d: [] for d in catalog.dimensions}
    for item in catalog.all_items.values():
        # The same rows the questionnaire asks: what applies, after skip logic.
        targets = [
            market
            for market in context.result.answer_rows(catalog, item)
            if market is None or market in codes
        ]
        rows: list[dict[str, Any]] = []
        for market in targets:
            saved = answers.get((item.id, market))
            rows.append(
                {
                    "first": not rows,
                    "item_id": item.id,
                    "text": context.text(item.text),
                    "market": names[market] if market else words.company_wide,
                    "answer": _answer_text(context, item.id, AnswerValue(saved.value))
                    if saved
                    else words.not_answered,
                    "note": _clip(saved.note) if saved else "",
                    "evidence": ", ".join(Path(e).name for e in saved.evidence) if saved else "",
                }
            )
        by_dimension[item.dimension].extend(rows)
    return [
        {"name": context.text(catalog.dimensions[d].name), "rows": rows}
        for d, rows in by_dimension.items()
        if rows
    ]


def _level_bands(language: str) -> list[dict[str, str]]:
    bands = []
    upper = 100.0
    for bound, level in LEVEL_THRESHOLDS:
        top = "100" if upper == 100.0 else f"<{upper:.0f}"
        bands.append({"level": level.label.get(language), "range": f"{bound:.0f}-{top}"})
        upper = bound
    blocked = ReadinessLevel.BLOCKED.label.get(language)
    rule = "关键题目低于 2" if language == "zh" else "a critical question below 2"
    bands.append({"level": blocked, "range": rule})
    return bands


def _sources(context: _Context, codes: set[str]) -> dict[str, Any]:
    catalog = context.catalog
    cited: list[Citation] = []
    for item in catalog.all_items.values():
        cited.extend(item.sources)
    for code in codes:
        profile = catalog.markets.get(code)
        if profile:
            for incentive in profile.incentives:
                cited.extend(incentive.sources)
            for note in profile.notes:
                cited.extend(note.sources)
    seeds = []
    seen_seeds: set[tuple[str, str]] = set()
    references = []
    seen_references: set[str] = set()
    for citation in cited:
        if isinstance(citation, SeedCitation):
            key = (citation.seed, citation.speaker)
            if key in seen_seeds:
                continue
            seen_seeds.add(key)
            speaker = catalog.speaker(citation)
            seed = catalog.seeds[citation.seed]
            seeds.append(
                {
                    "speaker": f"{speaker.name} ({context.text(speaker.role)})",
                    "organisation": context.text(speaker.organisation),
                    "event": context.text(seed.event)
                    + (f", {format_date(seed.date, context.lang)}" if seed.date else ""),
                    "file": seed.file,
                }
            )
        elif citation.reference not in seen_references:
            seen_references.add(citation.reference)
            reference = catalog.references[citation.reference]
            references.append({"title": reference.title, "issuer": reference.issuer})
    seeds.sort(key=lambda s: (s["file"], s["speaker"]))
    references.sort(key=lambda r: r["title"])
    return {"seed_sources": seeds, "reference_sources": references}


def _data_uri(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if not kind.startswith("image/"):
        raise ReportError(f"{path} is not an image; choose a PNG, JPEG or SVG logo")
    try:
        payload = base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError as error:
        raise ReportError(f"cannot read the logo {path}: {error.strerror}") from None
    return f"data:{kind};base64,{payload}"


# --- rendering ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(asset_dir("reports"))),
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
    chosen_font = font or require_cjk_font()
    context = build_context(result, catalog, options, font=chosen_font)
    return _environment().get_template("report.html.j2").render(**context)


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
            from urllib.parse import unquote, urlsplit

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
    """Render HTML to a PDF at ``out``, atomically (temporary name, then rename).

    Raises:
        ReportError: the PDF could not be written; no partial file is left.
    """
    if progress:
        progress("layout")
    import weasyprint  # heavy: loaded only when a report is actually rendered

    url_fetcher = fetcher or RefusingFetcher()
    document = weasyprint.HTML(
        string=html, base_url=str(asset_dir("reports")) + os.sep, url_fetcher=url_fetcher
    ).render()
    if progress:
        progress("write")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".pdf", dir=out.parent)
    except OSError as error:
        raise ReportError(f"cannot write {out}: {error.strerror or error}") from None
    os.close(handle)
    try:
        document.write_pdf(temporary)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, shared_file_mode())
        os.replace(temporary, out)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ReportError(f"cannot write {out}: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out


def write_html(html: str, out: Path) -> Path:
    """Write the self-contained HTML report atomically.

    Raises:
        ReportError: the file could not be written.
    """
    from readiness.exchange.document import write_text_atomically

    try:
        write_text_atomically(out, html)
    except OSError as error:
        raise ReportError(f"cannot write {out}: {error.strerror or error}") from None
    return out


# --- the portfolio report -----------------------------------------------------------------

CHART_LABEL_WIDTH = 26  # display columns a company name may take beside its bar
CHART_ROWS = 40
GAP_TEXT_COLUMNS = 48


def _display_clip(text: str, width: int) -> str:
    """Shorten to ``width`` display columns (a Chinese character takes two), marking the cut."""
    columns = 0
    for position, character in enumerate(text):
        columns += 2 if unicodedata.east_asian_width(character) in "WF" else 1
        if columns > width:
            return text[: max(position - 1, 1)] + "…"
    return text


def _shorten(text: str, columns: int) -> str:
    """Cut a question to ``columns`` display columns, at a word boundary where it has words."""
    clipped = _display_clip(text, columns)
    if clipped == text:
        return text
    cut = clipped[:-1]
    space = cut.rfind(" ")
    if space > len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:，；：") + "…"


def build_portfolio_context(
    portfolio: Portfolio, catalog: Catalog, language: str, *, font: str
) -> dict[str, Any]:
    """Everything the portfolio template shows, already worded in ``language``."""
    lang = "zh" if language == "zh" else "en"
    words = labels(lang)
    chapter = Labels(words["portfolio"])
    market = str(portfolio.name.get(lang))

    def item_text(item_id: str) -> str:
        item = catalog.all_items.get(item_id)
        return str(item.text.get(lang)) if item else item_id

    def level_cell(level: ReadinessLevel) -> dict[str, str]:
        return {"key": level.value, "text": level.label.get(lang)}

    rows = []
    for row in portfolio.rows:
        rows.append(
            {
                "rank": row.rank,
                "company": row.company,
                "title": row.title,
                # Tables use compact ISO dates, as in the assessment report.
                "updated": row.updated_at.date().isoformat(),
                "overall": row.overall,
                "overall_text": f"{row.overall:.0f}",
                "colour": score_colour(row.overall),
                "level": level_cell(row.level),
                "completeness_text": _percent(row.completeness),
                "provisional": row.provisional,
                "blockers": list(row.blockers),
                "gaps": [
                    {
                        "item_id": gap.item_id,
                        "critical": gap.critical,
                        "text": _shorten(item_text(gap.item_id), GAP_TEXT_COLUMNS),
                    }
                    for gap in row.top_gaps
                ],
                "cells": [
                    {
                        "text": "-" if (score := row.dimensions.get(d)) is None else f"{score:.0f}",
                        "colour": score_colour(score),
                    }
                    for d in portfolio.dimensions
                ],
            }
        )
    averages = portfolio.dimension_averages()
    levels = portfolio.levels
    ready = levels[ReadinessLevel.READY] + levels[ReadinessLevel.ADVANCED]
    shared = portfolio.shared_blockers()
    all_blockers = {item for row in portfolio.rows for item in row.blockers}
    single = len(all_blockers) - len(shared)
    page_before, _, rest = str(words.page_of).partition("{page}")
    page_between, _, page_after = rest.partition("{pages}")
    return {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "L": words,
        "P": chapter,
        "css": (asset_dir("reports") / "report.css").read_text(encoding="utf-8"),
        "font_stack": _font_stack(font, lang),
        "page_before": page_before,
        "page_between": page_between,
        "page_after": page_after,
        "document_title": f"{chapter.title}: {market}",
        "app_version": __version__,
        "today": format_date(portfolio.today, lang),
        "today_iso": portfolio.today.isoformat(),
        "market": market,
        "market_code": portfolio.market,
        "subtitle": str(chapter.subtitle).format(market=market),
        "firms": portfolio.firms,
        "verdict": str(chapter.verdict).format(
            firms=portfolio.firms,
            market=market,
            ready=ready,
            blocked=portfolio.blocked,
            average=f"{portfolio.average:.0f}",
        ),
        "superseded": str(chapter.superseded).format(n=len(portfolio.superseded))
        if portfolio.superseded
        else "",
        "any_provisional": portfolio.provisional > 0,
        "level_spread": [
            {
                **level_cell(level),
                "count": count,
                "share": _percent(count / portfolio.firms) if portfolio.firms else "-",
            }
            for level, count in levels.items()
        ],
        "level_columns": [level_cell(level) for level in LEVEL_ORDER],
        "overview": [
            {
                "name": str(spread.name.get(lang)),
                "current": spread.code == portfolio.market,
                "firms": spread.firms,
                "counts": [spread.levels.get(level, 0) for level in LEVEL_ORDER],
                "average": f"{spread.average:.0f}",
            }
            for spread in portfolio.overview
        ],
        "rows": rows,
        "dimensions": [
            {"id": d, "name": str(catalog.dimensions[d].name.get(lang))}
            for d in portfolio.dimensions
        ],
        "averages": [
            {
                "text": "-" if (score := averages[d]) is None else f"{score:.0f}",
                "colour": score_colour(score),
            }
            for d in portfolio.dimensions
        ],
        "average_text": f"{portfolio.average:.0f}",
        "average_colour": score_colour(portfolio.average if portfolio.rows else None),
        # A page holds about forty bars; a longer portfolio gets one chart per forty firms.
        "charts": [
            horizontal_bars(
                [_display_clip(row.company, CHART_LABEL_WIDTH) for row in chunk],
                [row.overall for row in chunk],
                font=font,
                title=str(chapter.chart),
                target=LEVEL_THRESHOLDS[1][0],
                width=600,
            )
            for chunk in (
                portfolio.rows[start : start + CHART_ROWS]
                for start in range(0, len(portfolio.rows), CHART_ROWS)
            )
        ],
        "chart_caption": str(chapter.chart_caption).format(market=market),
        "shared_blockers": [
            {
                "item_id": blocker.item_id,
                "text": item_text(blocker.item_id),
                "count": blocker.count,
                "share": _percent(blocker.count / portfolio.firms),
                "companies": ("、" if lang == "zh" else ", ").join(blocker.companies),
            }
            for blocker in shared
        ],
        "single_blockers": str(chapter.single_blockers).format(n=single) if single else "",
        "level_bands": _level_bands(lang),
    }


def render_portfolio_html(
    portfolio: Portfolio, catalog: Catalog, language: str, *, font: str | None = None
) -> str:
    """The portfolio report as one self-contained HTML document.

    Raises:
        MissingCJKFontError: no Simplified-Chinese font is installed.
        ReportError: the portfolio has no firm, so there is nothing to report.
    """
    if not portfolio.rows:
        raise ReportError(f"no assessment in this database targets the market {portfolio.market}")
    chosen_font = font or require_cjk_font()
    context = build_portfolio_context(portfolio, catalog, language, font=chosen_font)
    return _environment().get_template("portfolio.html.j2").render(**context)


def write_portfolio_pdf(
    portfolio: Portfolio,
    catalog: Catalog,
    out: Path,
    language: str,
    *,
    font: str | None = None,
    fetcher: RefusingFetcher | None = None,
) -> Path:
    """Render the portfolio report to a PDF at ``out`` (atomically, as :func:`write_pdf`).

    Raises:
        MissingCJKFontError: no Simplified-Chinese font is installed.
        ReportError: nothing to report, or the PDF could not be written.
    """
    html = render_portfolio_html(portfolio, catalog, language, font=font)
    return write_pdf(html, out, fetcher=fetcher)
