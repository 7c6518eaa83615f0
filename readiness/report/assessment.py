"""The assessment report's template context: summary, comparison, plan, trend and appendix.

:func:`build_context` turns a computed
:class:`~readiness.domain.results.AssessmentResult` into the values the report
template shows, already worded in the report's language.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from readiness.content.catalog import Catalog
from readiness.content.model import Phase
from readiness.domain.results import AssessmentResult
from readiness.domain.statuses import ActionStatus
from readiness.domain.verdict import MIN_MARGIN
from readiness.files import MEGABYTE, read_user_file
from readiness.report.appendix import answers_appendix, cited_sources
from readiness.report.charts import GanttBar, gantt, horizontal_bars, trend
from readiness.report.context import ReportContext, ReportOptions
from readiness.report.decision import comparison_rows, confidence, matrix_chart, verdict_block
from readiness.report.errors import ReportError
from readiness.report.fitting import COMPANY_COLUMNS, TITLE_COLUMNS, fitted_result
from readiness.report.frame import document_frame
from readiness.report.labels import Labels, display_clip, labels, shorten
from readiness.report.market_facts import attractiveness_method
from readiness.report.markets import market_chapter
from readiness.report.plan import action_row, plan_summary
from readiness.report.summary import start_now, summary_markets

GANTT_ROWS = 30
MARKET_ACTION_COLUMNS = 54  # an action in a market chapter: one line of its table


def build_context(
    result: AssessmentResult, catalog: Catalog, options: ReportOptions, *, font: str
) -> dict[str, Any]:
    """Everything the template shows, already worded in the report's language."""
    result = fitted_result(result)
    context = ReportContext(result, catalog, options, font)
    lang = context.lang
    words = labels(lang)
    chosen = [m for m in result.markets if options.markets is None or m.code in options.markets]
    if not chosen:
        raise ReportError("none of the chosen markets is a target market of this assessment")
    names = result.market_names(catalog, lang)
    scores = result.score.markets
    chosen_codes = {m.code for m in chosen}
    sections = ["summary"] if options.summary else list(options.sections)
    dimension_ids = list(catalog.dimensions)
    # Every action of the plan for these markets, by rank: none is left out of the report.
    ranked = sorted(
        (a for a in result.plan.actions if set(a.markets) & chosen_codes), key=lambda a: a.rank
    )
    plan_rows = [action_row(context, action, names) for action in ranked]
    markets = []
    # The comparison's heat map reads the same per-market figures as the chapters.
    if {"markets", "comparison"} & set(sections):
        for market in chosen:
            block = market_chapter(context, market.code, names[market.code], scores[market.code])
            # The market's own path to entry, one line an action; what comes after
            # entry, and every action's full text, are in the appendix's full plan.
            own = [
                (row, action)
                for row, action in zip(plan_rows, ranked, strict=True)
                if action.key[1] is not None and market.code in action.markets
            ]
            block["actions"] = [
                {**row, "action": shorten(row["action"], MARKET_ACTION_COLUMNS)}
                for row, action in own
                if action.phase is not Phase.AFTER_ENTRY
            ]
            block["after_entry_count"] = len(own) - len(block["actions"])
            markets.append(block)
    else:
        markets = [{"name": names[m.code]} for m in chosen]

    chosen_scores = [scores[m.code] for m in chosen]
    # The verdict speaks of the markets in this report only.
    verdict = verdict_block(context, chosen, names)
    plan_actions = [a for a in result.plan.actions if set(a.markets) & chosen_codes]
    entries = sorted(
        {(m.planned_entry, names[m.code]) for m in chosen if m.planned_entry is not None}
    )
    schedules = [result.plan.markets[m.code] for m in chosen if m.code in result.plan.markets]
    summary = {
        "summary_markets": summary_markets(context, chosen, names),
        "top_actions": start_now(context, ranked, names),
        **matrix_chart(context, chosen, names),
        **_branding(context),
    }
    if options.summary:
        return {
            **_frame(context, sections),
            "verdict": verdict,
            **summary,
            "toc": [],
            "markets": markets,
            "any_provisional": any(m.provisional for m in chosen_scores),
        }
    gantt_svg = gantt(
        [
            GanttBar(
                label=f"{a.item.id} · "
                + (
                    ", ".join(names[code] for code in a.markets)
                    if a.key[1] is not None
                    else str(words.company_wide)
                ),
                start=a.start,
                end=a.due,
                at_risk=a.at_risk,
                done=a.status is ActionStatus.DONE,
                critical=a.critical,
                slack_until=(a.ready_for_entry or a.due) + dt.timedelta(days=a.slack_days)
                if a.slack_days
                else None,
            )
            for a in plan_actions[:GANTT_ROWS]
        ],
        font=font,
        title=str(words.action_plan),
        today=result.today,
        milestones=[(day, name) for day, name in entries],
        earliest=[
            (s.earliest_entry, names[s.code])
            for s in schedules
            if s.planned_entry is None or s.late_days
        ],
        earliest_label=str(words.earliest_label),
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

    return {
        **_frame(context, sections),
        "verdict": verdict,
        **summary,
        "comparison_rows": comparison_rows(context, chosen, names),
        "attractiveness_method": attractiveness_method(lang),
        "verdict_method": str(words.verdict_method).format(minimum=f"{MIN_MARGIN:g}"),
        "toc": _contents(words, sections, markets, has_trend=bool(trend_svg)),
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
            value_texts=[
                " ".join(filter(None, (c["score"], c["marker"])))
                for c in (confidence(scores[m.code], lang) for m in chosen)
            ],
        ),
        "plan": plan_rows,
        "gantt": gantt_svg,
        **plan_summary(context, schedules, names),
        "trend_chart": trend_svg,
        "appendix": answers_appendix(context, chosen_codes, names),
        **cited_sources(context, chosen_codes),
    }


def _contents(
    words: Labels, sections: Sequence[str], markets: list[dict[str, Any]], *, has_trend: bool
) -> list[dict[str, Any]]:
    """The table of contents: one entry a chosen section, a market each, appendix parts."""
    toc: list[dict[str, Any]] = []
    if "summary" in sections:
        toc.append({"id": "summary", "title": words.summary, "sub": False})
    if "comparison" in sections:
        toc.append({"id": "comparison", "title": words.comparison, "sub": False})
    if "markets" in sections:
        for block in markets:
            toc.append({"id": f"market-{block['anchor']}", "title": block["name"], "sub": False})
    if "plan" in sections:
        toc.append({"id": "plan", "title": words.action_plan, "sub": False})
    if "trend" in sections and has_trend:
        toc.append({"id": "trend", "title": words.trend, "sub": False})
    if "appendix" in sections:
        toc.append({"id": "appendix", "title": words.appendix, "sub": False})
        for anchor, title in (
            ("full-plan", words.full_plan),
            ("answers", words.answers),
            ("sources", words.sources),
            ("methodology", words.methodology),
        ):
            toc.append({"id": anchor, "title": title, "sub": True})
    return toc


def _frame(context: ReportContext, sections: list[str]) -> dict[str, Any]:
    """What every page needs: the document frame, company, assessment and chosen sections."""
    result = context.result
    words = labels(context.lang)
    title = f"{words.report_title}: {result.company.name}"
    return {
        **document_frame(context.lang, font=context.font, title=title, today=result.today),
        "company": result.company,
        "assessment": result.assessment,
        "sections": sections,
        "summary_only": context.options.summary,
    }


def _branding(context: ReportContext) -> dict[str, Any]:
    """The cover's logo, who the report is for and by, and its confidentiality line."""
    options = context.options
    return {
        "logo": logo_data_uri(options.logo) if options.logo else None,
        "prepared_for": display_clip(options.prepared_for.strip(), COMPANY_COLUMNS)
        or context.result.company.name,
        "prepared_by": display_clip(options.prepared_by.strip(), COMPANY_COLUMNS),
        "confidentiality": display_clip(options.confidentiality.strip(), TITLE_COLUMNS),
    }


# A logo on a cover page; a larger image would only slow the report down.
MAX_LOGO_BYTES = 10 * MEGABYTE


def logo_data_uri(path: Path) -> str:
    """The logo image at ``path`` inlined as a data URI; a clear error for anything else."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if not kind.startswith("image/"):
        raise ReportError(f"{path} is not an image; choose a PNG, JPEG or SVG logo")
    try:
        payload = base64.b64encode(read_user_file(path, limit=MAX_LOGO_BYTES)).decode("ascii")
    except OSError as error:
        raise ReportError(f"cannot read the logo {path}: {error.strerror or error}") from None
    return f"data:{kind};base64,{payload}"
