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
from readiness.domain.plan import PlannedAction
from readiness.domain.results import AssessmentResult
from readiness.domain.statuses import ActionStatus
from readiness.domain.verdict import MIN_MARGIN
from readiness.files import MEGABYTE, read_user_file
from readiness.report.appendix import answers_appendix, cited_sources
from readiness.report.charts import GanttBar, gantt, horizontal_bars, trend
from readiness.report.context import ReportContext, ReportOptions
from readiness.report.decision import comparison_rows, confidence, matrix_chart, verdict_block
from readiness.report.errors import ReportError
from readiness.report.fitting import fitted_result
from readiness.report.frame import document_frame
from readiness.report.labels import Labels, labels
from readiness.report.market_facts import attractiveness_method
from readiness.report.markets import market_chapter
from readiness.report.plan import cost_text, plan_summary

PLAN_ROWS = 40
GANTT_ROWS = 30


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
    dimension_ids = list(catalog.dimensions)
    markets = []
    for market in chosen:
        readiness = scores[market.code]
        markets.append(market_chapter(context, market.code, names[market.code], readiness))

    chosen_scores = [scores[m.code] for m in chosen]
    # The verdict speaks of the markets in this report only.
    verdict = verdict_block(context, chosen, names)
    plan_actions = [a for a in result.plan.actions if set(a.markets) & chosen_codes]
    ranked = sorted(plan_actions, key=lambda a: a.rank)
    top = [_action_row(context, action, names) for action in ranked[:5]]
    plan_rows = [_action_row(context, action, names) for action in plan_actions[:PLAN_ROWS]]
    entries = sorted(
        {(m.planned_entry, names[m.code]) for m in chosen if m.planned_entry is not None}
    )
    schedules = [result.plan.markets[m.code] for m in chosen if m.code in result.plan.markets]
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

    title = f"{words.report_title}: {result.company.name}"
    return {
        **document_frame(lang, font=font, title=title, today=result.today),
        "company": result.company,
        "assessment": result.assessment,
        "logo": _data_uri(options.logo) if options.logo else None,
        "verdict": verdict,
        "comparison_rows": comparison_rows(context, chosen, names),
        **matrix_chart(context, chosen, names),
        "attractiveness_method": attractiveness_method(lang),
        "verdict_method": str(words.verdict_method).format(minimum=f"{MIN_MARGIN:g}"),
        "sections": list(options.sections),
        "toc": _contents(words, options.sections, markets, has_trend=bool(trend_svg)),
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
        "top_actions": top,
        "plan": plan_rows,
        "plan_more": str(words.more_actions).format(n=len(plan_actions) - PLAN_ROWS)
        if len(plan_actions) > PLAN_ROWS
        else "",
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
            ("answers", words.answers),
            ("methodology", words.methodology),
            ("sources", words.sources),
        ):
            toc.append({"id": anchor, "title": title, "sub": True})
    return toc


def _action_row(
    context: ReportContext, action: PlannedAction, names: dict[str, str]
) -> dict[str, Any]:
    words = labels(context.lang)
    item = action.item
    if action.slack_days is None:
        slack = str(words.after_entry) if action.phase is Phase.AFTER_ENTRY else "-"
    else:
        slack = str(words.days).format(n=action.slack_days)
    return {
        "rank": action.rank,
        "item_id": item.id,
        "action": context.text(item.action),
        "markets": ", ".join(names[code] for code in action.markets)
        if action.key[1] is not None
        else words.company_wide,
        "lead": str(words.weeks).format(n=item.lead_time_weeks),
        # Tables use compact ISO dates; prose uses the language's long form.
        "start": action.start.isoformat(),
        "due": action.due.isoformat(),
        "at_risk": action.at_risk,
        "critical": action.critical,
        "do_now": action.phase is Phase.NOW,
        "slack": slack,
        "cost": cost_text(context.lang, action),
        "owner": action.owner or words.owners.get(item.dimension, ""),
        "status": words[f"status_{action.status.value}"],
    }


# A logo on a cover page; a larger image would only slow the report down.
MAX_LOGO_BYTES = 10 * MEGABYTE


def _data_uri(path: Path) -> str:
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if not kind.startswith("image/"):
        raise ReportError(f"{path} is not an image; choose a PNG, JPEG or SVG logo")
    try:
        payload = base64.b64encode(read_user_file(path, limit=MAX_LOGO_BYTES)).decode("ascii")
    except OSError as error:
        raise ReportError(f"cannot read the logo {path}: {error.strerror or error}") from None
    return f"data:{kind};base64,{payload}"
