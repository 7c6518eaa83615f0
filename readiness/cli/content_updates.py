"""What a content release changed for each assessment: listed by ``readiness check``,
acknowledged by ``readiness upgrade-content``."""

from __future__ import annotations

import argparse

from readiness.cli.common import bundled_catalog, command_store
from readiness.domain.content_changes import ChangeKind, ContentChanges, MarketShift
from readiness.domain.rounding import points
from readiness.domain.scoring import MarketReadiness
from readiness.services.content_updates import acknowledge_changes, pending_changes
from readiness.storage.store import Store

_HEADINGS = {
    ChangeKind.NEW: "new questions",
    ChangeKind.REMOVED: "removed questions (answers kept, no longer counted)",
    ChangeKind.CHANGED: "changed questions (answers kept, to review)",
}


def _shift(shift: MarketShift) -> str:
    def side(market: MarketReadiness) -> str:
        blocked = f", blocked by {', '.join(market.blockers)}" if market.blockers else ""
        return f"{points(market.overall)} {market.level.label.en}{blocked}"

    return f"    {shift.code}: {side(shift.before)} -> {side(shift.after)}"


def change_lines(changes: ContentChanges, language: str = "en") -> list[str]:
    """The change list and the scores before and after, as ``readiness check`` prints them."""
    if not changes.known:
        return [
            f"  the content of catalog {changes.from_version} is not archived here: "
            "what changed cannot be listed"
        ]
    lines: list[str] = []
    for kind in ChangeKind:
        found = changes.of_kind(kind)
        if not found:
            continue
        lines.append(f"  {len(found)} {_HEADINGS[kind]}:")
        for change in found:
            where = ",".join(change.markets)
            detail = f" [{', '.join(change.aspects)}]" if change.aspects else ""
            answered = " (answered)" if change.answered and kind is not ChangeKind.NEW else ""
            lines.append(
                f"    {change.item_id} ({where}){detail}{answered}: {change.text_in(language)}"
            )
    if not changes.questions:
        lines.append("  no question of its markets changed")
    lines.append("  readiness before -> after:")
    lines.extend(_shift(shift) for shift in changes.markets)
    return lines


def behind_lines(store: Store) -> list[str]:
    """For every assessment behind the current content: what changed (read only)."""
    catalog = bundled_catalog()
    lines: list[str] = []
    for summary in store.list_assessments():
        changes = pending_changes(store, catalog, summary.id)
        if changes is None:
            continue
        lines.append(
            f"assessment {summary.id} ({summary.company}: {summary.title}) was answered against "
            f"catalog {changes.from_version}; the current one is {changes.to_version}"
        )
        lines.extend(change_lines(changes))
        lines.append(
            f"  to bring it up to {changes.to_version}: open it in the app, or run "
            f"readiness upgrade-content --assessment {summary.id}"
        )
    return lines


def run_upgrade(args: argparse.Namespace) -> int:
    """Print what changed, then record the current content version on the assessment."""
    catalog = bundled_catalog()
    with command_store(args) as store:
        changes = pending_changes(store, catalog, args.assessment)
        if changes is None:
            print(f"assessment {args.assessment} is already on catalog {catalog.version}")
            return 0
        for line in change_lines(changes):
            print(line)
        acknowledge_changes(store, catalog, args.assessment)
    print(f"assessment {args.assessment} now on catalog {catalog.version}")
    return 0
