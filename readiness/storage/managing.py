"""Managing whole assessments: renaming, archiving, deleting, re-assessing, replacing,
and renaming or deleting their milestones.

Each change is one transaction. Deleting and replacing lose answers; the store
does what it is told, and the services take a checked backup first
(:mod:`readiness.services.managing`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from readiness.domain.records import (
    AssessmentSnapshot,
    SavedAssessment,
    SavedAssignment,
    SavedMilestone,
)
from readiness.domain.statuses import AssessmentStatus
from readiness.domain.text import NAME
from readiness.storage.copying import insert_snapshot
from readiness.storage.database import Database, get_row, row_id, touch
from readiness.storage.history import kept_history, put_back_history
from readiness.storage.refusals import refuse_bad_snapshot, refuse_bad_text
from readiness.storage.tables import (
    Action,
    Answer,
    AnswerHistory,
    Assessment,
    Company,
    ExchangeRate,
    Milestone,
    TargetMarket,
    utc_now,
)


def clear_recording(session: Session, assessment_id: int, user: str) -> list[dict[str, Any]]:
    """Clear the assessment's answers and actions, each change named as ``user``'s, and
    return its whole history (to put back once it is replaced)."""
    table = AnswerHistory.__table__  # type: ignore[attr-defined]
    before = session.execute(select(func.max(table.c.id))).scalar() or 0
    for cleared in (Answer, Action):
        session.execute(delete(cleared).where(col(cleared.assessment_id) == assessment_id))
    session.execute(
        update(table)
        .where(table.c.assessment_id == assessment_id, table.c.id > before)
        .values(changed_by=user, changed_at=utc_now())
    )
    return kept_history(session, assessment_id)


# How far back a re-assessment's lineage is followed: far more than anyone re-assesses,
# and a bound on a loop a hand-edited database could hold.
MAX_LINEAGE = 50


class AssessmentManagement:
    """Writes on whole assessments and their milestones."""

    database: Database

    @property
    def location(self) -> str:  # pragma: no cover - provided by the Store
        raise NotImplementedError

    def rename_assessment(self, assessment_id: int, title: str) -> SavedAssessment:
        """Give the assessment a new title.

        Raises:
            RefusedValueError: the title breaks the text policy; nothing was saved.
        """
        title = refuse_bad_text(title.strip(), "assessment title", NAME)
        with self.database.writing() as session:
            assessment = get_row(session, Assessment, assessment_id)
            assessment.title = title
            return _changed(session, assessment)

    def set_archived(self, assessment_id: int, archived: bool) -> SavedAssessment:
        """Archive the assessment (it leaves the default lists), or bring it back.

        Brought back, it is in progress when it holds answers, else a draft.
        """
        with self.database.writing() as session:
            assessment = get_row(session, Assessment, assessment_id)
            if archived:
                assessment.status = AssessmentStatus.ARCHIVED.value
            elif assessment.status == AssessmentStatus.ARCHIVED.value:
                answered = session.exec(
                    select(func.count()).where(Answer.assessment_id == assessment_id)
                ).one()
                assessment.status = (
                    AssessmentStatus.IN_PROGRESS.value if answered else AssessmentStatus.DRAFT.value
                )
            # Where it stood in the list is kept: only the revision moves.
            assessment.revision += 1
            session.add(assessment)
            session.flush()
            return assessment.saved()

    def delete_assessment(self, assessment_id: int) -> SavedAssessment:
        """Delete the assessment with everything it holds; its company goes with its last one.

        A re-assessment of it stays, standing on its own. Returns what was deleted.
        """
        with self.database.writing() as session:
            assessment = get_row(session, Assessment, assessment_id)
            header = assessment.saved()
            session.execute(delete(Assessment).where(col(Assessment.id) == assessment_id))
            _forget_company_if_unused(session, header.company_id)
        return header

    def duplicate_assessment(self, assessment_id: int, title: str) -> SavedAssessment:
        """Start a re-assessment: a new assessment of the same company with the same
        markets, answers, plan actions, budget settings and weights, linked to this one.

        Raises:
            RefusedValueError: the title breaks the text policy; nothing was saved.
        """
        title = refuse_bad_text(title.strip(), "assessment title", NAME)
        with self.database.writing() as session:
            old = get_row(session, Assessment, assessment_id)
            new = Assessment(
                company_id=old.company_id,
                title=title,
                catalog_version=old.catalog_version,
                budget_currency=old.budget_currency,
                attractiveness_weights=dict(old.attractiveness_weights),
                previous_id=assessment_id,
            )
            session.add(new)
            session.flush()
            new_id = row_id(new)
            answered = False
            for table in (TargetMarket, Answer, Action, ExchangeRate):
                rows = session.exec(select(table).where(col(table.assessment_id) == assessment_id))
                for row in rows.all():
                    fields = row.model_dump(exclude={"id", "assessment_id", "version"})
                    session.add(table(assessment_id=new_id, **fields))
                    answered = answered or table is Answer
            if answered:
                new.status = AssessmentStatus.IN_PROGRESS.value
                session.add(new)
            session.flush()
            return new.saved()

    def replace_assessment(
        self,
        assessment_id: int,
        snapshot: AssessmentSnapshot,
        assignments: Sequence[SavedAssignment] = (),
    ) -> int:
        """Replace the assessment, in place, by a whole one read elsewhere, in one transaction.

        It keeps its id, its company (whose profile takes the snapshot's) and its
        place in a lineage of re-assessments; everything else is the snapshot's.
        Returns the id (the same one).
        """
        refuse_bad_snapshot(snapshot, assignments)
        with self.database.writing() as session:
            old = get_row(session, Assessment, assessment_id)
            company_id, previous = old.company_id, old.previous_id
            followers = list(
                session.exec(
                    select(Assessment.id).where(Assessment.previous_id == assessment_id)
                ).all()
            )
            # The answers and actions replaced are recorded as cleared, and the history
            # outlives the replacement (the assessment keeps its id, so it stays its own).
            kept = clear_recording(session, assessment_id, self.database.user)
            session.execute(delete(Assessment).where(col(Assessment.id) == assessment_id))
            session.expunge_all()
            header = dataclasses.replace(snapshot.assessment, previous_id=previous)
            new_id = insert_snapshot(
                session,
                dataclasses.replace(snapshot, assessment=header),
                assignments,
                location=self.location,
                company_id=company_id,
                assessment_id=assessment_id,
            )
            if followers:
                session.execute(
                    update(Assessment)
                    .where(col(Assessment.id).in_(followers))
                    .values(previous_id=new_id)
                )
            put_back_history(session, kept)
            return new_id

    def assessments_with_exchange_id(self, exchange_id: str) -> list[SavedAssessment]:
        """The assessments that came from the same exchange identity, newest change first."""
        with self.database.reading() as session:
            rows = session.exec(
                select(Assessment)
                .where(Assessment.exchange_id == exchange_id)
                .order_by(col(Assessment.updated_at).desc(), col(Assessment.id).desc())
            ).all()
            return [row.saved() for row in rows]

    def lineage(self, assessment_id: int) -> list[SavedAssessment]:
        """The assessments this one re-assesses, oldest first (empty for a first one)."""
        found: list[SavedAssessment] = []
        with self.database.reading() as session:
            current = get_row(session, Assessment, assessment_id).previous_id
            seen = {assessment_id}
            while current is not None and current not in seen and len(found) < MAX_LINEAGE:
                seen.add(current)
                row = session.get(Assessment, current)
                if row is None:
                    break
                found.append(row.saved())
                current = row.previous_id
        return list(reversed(found))

    # --- milestones -------------------------------------------------------------------

    def rename_milestone(self, milestone_id: int, name: str) -> SavedMilestone:
        """Give a milestone a new name.

        Raises:
            RefusedValueError: the name breaks the text policy; nothing was saved.
        """
        name = refuse_bad_text(name.strip(), "milestone name", NAME)
        with self.database.writing() as session:
            milestone = get_row(session, Milestone, milestone_id)
            milestone.name = name
            session.add(milestone)
            touch(session, milestone.assessment_id)
            session.flush()
            return milestone.saved()

    def delete_milestone(self, milestone_id: int) -> SavedMilestone:
        """Delete a milestone (the answers it kept); returns what was deleted."""
        with self.database.writing() as session:
            milestone = get_row(session, Milestone, milestone_id)
            saved = milestone.saved()
            session.execute(delete(Milestone).where(col(Milestone.id) == milestone_id))
            touch(session, saved.assessment_id)
        return saved


def earlier_milestones(session: Session, assessment_id: int) -> list[SavedMilestone]:
    """Where a re-assessment's trend starts (see ``AssessmentSnapshot.earlier``)."""
    chain: list[Assessment] = []
    current = get_row(session, Assessment, assessment_id).previous_id
    seen = {assessment_id}
    while current is not None and current not in seen and len(chain) < MAX_LINEAGE:
        seen.add(current)
        row = session.get(Assessment, current)
        if row is None:
            break
        chain.append(row)
        current = row.previous_id
    points: list[SavedMilestone] = []
    for earlier in reversed(chain):
        key = row_id(earlier)
        saved = session.exec(
            select(Milestone)
            .where(Milestone.assessment_id == key)
            .order_by(col(Milestone.created_at), col(Milestone.id))
        ).all()
        points.extend(row.saved() for row in saved)
        answers = session.exec(select(Answer).where(Answer.assessment_id == key)).all()
        points.append(
            SavedMilestone(
                id=0,
                assessment_id=key,
                name=earlier.title,
                catalog_version=earlier.catalog_version,
                created_at=earlier.updated_at,
                answers=[
                    {"item_id": a.item_id, "market_code": a.market_code, "value": a.value}
                    for a in sorted(answers, key=lambda a: (a.item_id, a.market_code))
                ],
            )
        )
    return points


def _changed(session: Session, assessment: Assessment) -> SavedAssessment:
    """Record a change to the header: a colleague with it open sees it."""
    assessment.revision += 1
    assessment.updated_at = utc_now()
    session.add(assessment)
    session.flush()
    return assessment.saved()


def _forget_company_if_unused(session: Session, company_id: int) -> None:
    left = session.exec(select(func.count()).where(Assessment.company_id == company_id)).one()
    if not left:
        session.execute(delete(Company).where(col(Company.id) == company_id))
