"""The ``history`` subcommand: every change of one answer or action, newest first."""

from __future__ import annotations

import argparse
import json
from typing import Any

from readiness.cli.columns import table
from readiness.cli.common import CommandError, bundled_catalog, command_store
from readiness.domain.history import HistoryChange, HistoryEntry, HistoryRecord
from readiness.domain.text import CODE_PATTERN

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "when": "When",
        "who": "Who",
        "change": "Change",
        "value": "Value",
        "note": "Note",
        "evidence": "Evidence",
        "owner": "Owner",
        "status": "Status",
        "due": "Due",
        "created": "answered",
        "created_action": "created",
        "changed": "changed",
        "cleared": "cleared",
        "company": "company",
        "none": "No change of {what} is recorded.",
        "title": "History of {what}: {count} change(s), newest first",
        "answer": "the answer to {item} ({scope})",
        "action": "the action on {item} ({scope})",
        "someone": "(unknown)",
    },
    "zh": {
        "when": "时间",
        "who": "修改人",
        "change": "修改",
        "value": "答案",
        "note": "备注",
        "evidence": "证明材料",
        "owner": "负责人",
        "status": "状态",
        "due": "截止日期",
        "created": "已回答",
        "created_action": "已创建",
        "changed": "已修改",
        "cleared": "已清除",
        "company": "企业",
        "none": "{what}没有修改记录。",
        "title": "{what}：共 {count} 次修改，最新的在前",
        "answer": "{item}（{scope}）的答案",
        "action": "{item}（{scope}）的行动",
        "someone": "（未知）",
    },
}


def change_word(entry: HistoryEntry, language: str) -> str:
    """What the change did, in the user's language: answered (an action: created),
    changed or cleared."""
    words = WORDS[language]
    if entry.change is HistoryChange.CLEARED:
        return words["cleared"]
    if entry.before is not None:
        return words["changed"]
    return words["created"] if entry.record is HistoryRecord.ANSWER else words["created_action"]


def entry_json(entry: HistoryEntry) -> dict[str, Any]:
    """One change as plain data, with its state before and after."""
    return {
        "id": entry.id,
        "record": entry.record.value,
        "item": entry.item_id,
        "market": entry.market_code,
        "change": entry.change.value,
        "changed_at": entry.changed_at.isoformat(),
        "changed_by": entry.changed_by,
        "version": entry.version,
        "before": entry.before,
        "after": entry.after,
    }


def _row(entry: HistoryEntry, language: str) -> list[str]:
    words = WORDS[language]
    state = entry.state if entry.change is HistoryChange.SET else {}
    when = f"{entry.changed_at:%Y-%m-%d %H:%M} UTC"
    cells = [when, entry.changed_by or words["someone"], change_word(entry, language)]
    if entry.record is HistoryRecord.ANSWER:
        cells += [entry.value or "", entry.note, ", ".join(entry.evidence)]
    else:
        cells += [
            str(state.get("owner") or ""),
            str(state.get("status") or ""),
            str(state.get("due_date") or ""),
            str(state.get("note") or ""),
        ]
    # One line per change: a note's line breaks would break the table's columns.
    return [" ".join(cell.split()) for cell in cells]


def run_history(args: argparse.Namespace) -> int:
    """Print every change of one answer (or action), newest first."""
    item = args.item.strip().upper()
    if not CODE_PATTERN.fullmatch(item):
        raise CommandError(f"--item: '{args.item}' is not a question id (such as CERT-004)")
    market = args.market.strip().upper() if args.market else None
    record = HistoryRecord.ACTION if args.action else HistoryRecord.ANSWER
    with command_store(args, reading=True) as store:
        entries = store.history(args.assessment, item, market, record)
    if not entries and item not in bundled_catalog().all_items:
        raise CommandError(f"--item: unknown question '{args.item}', and no history for it")
    if args.json:
        print(json.dumps([entry_json(entry) for entry in entries], ensure_ascii=False, indent=2))
        return 0
    words = WORDS[args.lang]
    what = words[record.value].format(item=item, scope=market or words["company"])
    if not entries:
        print(words["none"].format(what=what))
        return 0
    print(words["title"].format(what=what, count=len(entries)))
    if record is HistoryRecord.ANSWER:
        header = ["when", "who", "change", "value", "note", "evidence"]
    else:
        header = ["when", "who", "change", "owner", "status", "due", "note"]
    rows = [[words[key] for key in header], *(_row(entry, args.lang) for entry in entries)]
    for line in table(rows):
        print(line)
    return 0
