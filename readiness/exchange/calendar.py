"""The plan's due dates as an iCalendar file (.ics) for any calendar program.

One all-day event per open action on its due date: the action as its title,
the question id, the markets it serves, its owner and status in the
description. Each event keeps the same UID from one export to the next, so a
calendar that imports the file again updates the events instead of doubling
them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar, Event

from readiness import APP_NAME, __version__
from readiness.content.catalog import Catalog
from readiness.domain.plan import PlannedAction
from readiness.domain.results import AssessmentResult
from readiness.exchange.plan_text import markets_text, words
from readiness.files import write_atomically

_LABELS = {
    "en": {
        "due": "Due",
        "colon": ": ",
        "question": "Question",
        "markets": "Markets",
        "owner": "Owner",
        "nobody": "not named yet",
        "status": "Status",
        "phase": "Phase",
        "critical": "On the critical path: a delay moves the market entry.",
        "slack": "Can slip %1 days without moving the entry.",
    },
    "zh": {
        "due": "截止",
        "colon": "：",
        "question": "题号",
        "markets": "市场",
        "owner": "负责人",
        "nobody": "尚未指定",
        "status": "状态",
        "phase": "阶段",
        "critical": "在关键路径上：一旦延误，进入市场的日期随之推迟。",
        "slack": "可推迟 %1 天而不影响进入市场的日期。",
    },
}


def _description(
    action: PlannedAction, names: dict[str, str], language: str, labels: dict[str, str]
) -> str:
    said = words(language)
    colon = labels["colon"]
    lines = [
        action.item.action.get(language),
        "",
        f"{labels['question']}{colon}{action.item_id} · {action.item.text.get(language)}",
        f"{labels['markets']}{colon}{markets_text(action, names, language)}",
        f"{labels['owner']}{colon}{action.owner or labels['nobody']}",
        f"{labels['status']}{colon}{said[action.status.value]}",
        f"{labels['phase']}{colon}{said[action.phase.value]}",
    ]
    if action.critical:
        lines.append(labels["critical"])
    elif action.slack_days is not None:
        lines.append(labels["slack"].replace("%1", str(action.slack_days)))
    return "\n".join(lines)


def plan_calendar(
    result: AssessmentResult,
    catalog: Catalog,
    *,
    language: str = "en",
    stamp: dt.datetime | None = None,
) -> bytes:
    """The open actions of ``result``'s plan as an iCalendar document.

    ``stamp`` is when the file is made (UTC; now unless given).
    """
    labels = _LABELS["zh" if language == "zh" else "en"]
    names = result.market_names(catalog, language)
    made = stamp or dt.datetime.now(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{__version__}//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{result.company.name} \u2014 {result.assessment.title}")
    for action in result.plan.actions:
        if action.status.value in ("done", "dropped"):
            continue
        event = Event()
        scope = action.key[1] or "company"
        event.add("uid", f"{result.assessment.id}-{action.item_id}-{scope}@market-entry-readiness")
        event.add("dtstamp", made)
        event.add("dtstart", action.due)
        event.add("dtend", action.due + dt.timedelta(days=1))
        event.add("summary", f"{labels['due']}{labels['colon']}{action.item.action.get(language)}")
        event.add("description", _description(action, names, language, labels))
        event.add("categories", [names.get(code, code) for code in action.markets] or [scope])
        if action.critical:
            event.add("priority", 1)
        calendar.add_component(event)
    content: bytes = calendar.to_ical()
    return content


def write_plan_calendar(
    result: AssessmentResult, catalog: Catalog, out: Path, *, language: str = "en"
) -> int:
    """Write the plan's due dates to ``out`` (.ics), atomically; the number of events."""
    content = plan_calendar(result, catalog, language=language)
    write_atomically(out, lambda stream: stream.write(content), suffix=".ics")
    return sum(1 for a in result.plan.actions if a.status.value not in ("done", "dropped"))
