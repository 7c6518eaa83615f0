"""The appendix of the assessment report: every answer, and the sources the content cites."""

from __future__ import annotations

from typing import Any

from readiness.content.model import Citation, ScaleKind, SeedCitation
from readiness.domain.answers import AnswerValue
from readiness.domain.evidence import evidence_name
from readiness.report.context import ReportContext
from readiness.report.fitting import EVIDENCE_COLUMNS, fit
from readiness.report.labels import clip, format_date, labels


def _answer_text(context: ReportContext, item_id: str, value: AnswerValue) -> str:
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


def answers_appendix(
    context: ReportContext, codes: set[str], names: dict[str, str]
) -> list[dict[str, Any]]:
    """Every question that applies to the chosen markets, by dimension: one row a
    question, with one line a market it is asked for (none for a company-wide one),
    each with its answer, note and evidence names."""
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
        if not targets:
            continue
        lines: list[dict[str, Any]] = []
        for market in targets:
            saved = answers.get((item.id, market))
            lines.append(
                {
                    "market": names[market] if market else "",
                    "answer": _answer_text(context, item.id, AnswerValue(saved.value))
                    if saved
                    else words.not_answered,
                    "answered": saved is not None,
                    "note": clip(saved.note) if saved else "",
                    "evidence": ", ".join(
                        fit(evidence_name(e), EVIDENCE_COLUMNS) for e in saved.evidence
                    )
                    if saved
                    else "",
                }
            )
        by_dimension[item.dimension].append(
            {"item_id": item.id, "text": context.text(item.text), "lines": lines}
        )
    return [
        {"name": context.text(catalog.dimensions[d].name), "rows": rows}
        for d, rows in by_dimension.items()
        if rows
    ]


def cited_sources(context: ReportContext, codes: set[str]) -> dict[str, Any]:
    """The people and documents cited by the questions and notes of these markets, each once,
    sorted: a Laos report lists no Saudi certificate rule."""
    catalog = context.catalog
    applicable = context.result.applicable_by_market(catalog)
    asked = set().union(*(applicable.get(code, set()) for code in codes))
    cited: list[Citation] = []
    for item_id, item in catalog.all_items.items():
        if item_id in asked:
            cited.extend(item.sources)
    for code in codes:
        profile = catalog.markets.get(code)
        if profile:
            for incentive in profile.incentives:
                cited.extend(incentive.sources)
            for note in profile.notes:
                cited.extend(note.sources)
    places = _places(context, codes)
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
                    "when": seed.date.isoformat() if seed.date else "",
                }
            )
        elif citation.reference not in seen_references and _concerns(citation.reference, places):
            seen_references.add(citation.reference)
            reference = catalog.references[citation.reference]
            references.append({"title": reference.title, "issuer": reference.issuer})
    seeds.sort(key=lambda s: (s["when"], s["event"], s["speaker"]))
    references.sort(key=lambda r: r["title"])
    # One paragraph a forum: its speakers side by side, not the forum's name on every row.
    events: list[dict[str, Any]] = []
    for row in seeds:
        if not events or events[-1]["event"] != row["event"]:
            events.append({"event": row["event"], "speakers": []})
        events[-1]["speakers"].append(row)
    return {"seed_events": events, "reference_sources": references}


# Prefixes of reference ids that name a country by more than its two letters.
_COUNTRY_ALIASES = {"LAO": "LA"}
# Two-letter prefixes that are not another market's country: China's own rules
# bind every exporter, the UN's and the US's export rules reach every shipment.
_EVERYWHERE = {"CN", "UN", "US"}


def _places(context: ReportContext, codes: set[str]) -> set[str]:
    """The countries and regions (upper case) of the report's markets."""
    places = set()
    for market in context.result.markets:
        if market.code not in codes:
            continue
        places.add(market.code.split("-")[0])
        profile = context.catalog.markets.get(market.code)
        regions = profile.regions if profile else [market.custom_region or ""]
        places.update(str(region).upper() for region in regions if region)
    return places


def _concerns(reference: str, places: set[str]) -> bool:
    """Whether a reference (``REF-SA-SABER``) bears on the report's markets: one whose id
    names another country or region (Saudi Arabia's, the EU's) is left out."""
    prefix = reference.split("-")[1] if reference.count("-") >= 1 else ""
    prefix = _COUNTRY_ALIASES.get(prefix, prefix)
    regional = {"EU", "ASEAN"}
    if prefix in _EVERYWHERE:
        return True
    if len(prefix) == 2 or prefix in regional:
        return prefix in places
    return True
