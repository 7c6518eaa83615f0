"""``readiness milestones``: an assessment's history, what changed at a point since the one
before, and renaming or deleting a saved milestone."""

from __future__ import annotations

import argparse

from readiness.cli.common import CommandError, bundled_catalog, command_store
from readiness.domain.milestone_changes import changes_at, point_count
from readiness.domain.records import SavedMilestone
from readiness.services.results import load_result


def run_milestones(args: argparse.Namespace) -> int:
    """List the points of the history, or act on one."""
    if args.rename is not None:
        if not args.name:
            raise CommandError("--rename needs --name TEXT, the milestone's new name")
        with command_store(args) as store:
            _own(store.milestones(args.assessment), args.rename, args.assessment)
            saved = store.rename_milestone(args.rename, args.name)
        print(f"renamed milestone {saved.id} to {saved.name}")
        return 0
    if args.delete is not None:
        with command_store(args) as store:
            found = _own(store.milestones(args.assessment), args.delete, args.assessment)
            if not args.yes:
                raise CommandError(
                    f"deleting milestone {args.delete} ({found}) removes the answers it kept "
                    "from the history; add --yes to delete it. Nothing was deleted."
                )
            store.delete_milestone(args.delete)
        print(f"deleted milestone {args.delete} ({found}); the assessment's answers are unchanged")
        return 0
    catalog = bundled_catalog()
    with command_store(args, reading=True) as store:
        result = load_result(store, catalog, args.assessment)
    if args.changes is None:
        print(f"{'POINT':>5}  {'MILESTONE':>9}  {'SAVED (UTC)':16}  NAME")
        for number, point in enumerate(result.trend, start=1):
            key = str(point.milestone_id) if point.milestone_id else "-"
            print(f"{number:>5}  {key:>9}  {point.saved_at:%Y-%m-%d %H:%M}  {point.name}")
        print(f"{point_count(result):>5}  {'-':>9}  {'':16}  now")
        return 0
    if not 1 <= args.changes <= point_count(result):
        raise CommandError(
            f"--changes {args.changes}: the history has points 1 to {point_count(result)}"
        )
    changes = changes_at(catalog, result, args.changes - 1, now="now")
    since = f"since {changes.before}" if changes.before else "(nothing saved before it)"
    print(f"{changes.after} {since}")
    for score in changes.scores:
        print(
            f"  {score.market:6} {score.before:5.1f} -> {score.after:5.1f}  ({score.change:+.1f})"
        )
    print(f"answers changed: {len(changes.answers)}")
    for answer in changes.answers:
        where = answer.key[1] or "company"
        before = answer.before.value if answer.before else "-"
        after = answer.after.value if answer.after else "-"
        print(f"  {answer.key[0]:10} {where:8} {before:>7} -> {after}")
    for heading, actions in (
        ("actions no longer needed", changes.closed),
        ("new actions", changes.opened),
    ):
        print(f"{heading}: {len(actions)}")
        for item_id, scope in actions:
            print(f"  {item_id} {scope or 'company'}")
    return 0


def _own(saved: list[SavedMilestone], milestone_id: int, assessment: int) -> str:
    """The name of the assessment's milestone ``milestone_id``, or a :class:`CommandError`."""
    for milestone in saved:
        if milestone.id == milestone_id:
            return milestone.name
    raise CommandError(
        f"assessment {assessment} has no milestone {milestone_id}; "
        f"'readiness milestones --assessment {assessment}' lists them"
    )
