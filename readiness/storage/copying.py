"""Writing a whole assessment, read elsewhere, into a database as a new one.

An exchange file or another database gives the records; ids are not carried
over (each database numbers its own rows), everything else is kept as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from readiness.domain.records import AssessmentSnapshot, SavedAssignment
from readiness.storage.database import get_row, row_id
from readiness.storage.errors import StoreError
from readiness.storage.tables import (
    Action,
    Answer,
    Assessment,
    Assignment,
    Company,
    ExchangeRate,
    Milestone,
    TargetMarket,
)


def insert_snapshot(
    session: Session,
    snapshot: AssessmentSnapshot,
    assignments: Sequence[SavedAssignment],
    *,
    location: str,
    company_id: int | None = None,
    assessment_id: int | None = None,
    update_profile: bool = True,
) -> int:
    """Add the snapshot's company and assessment with all they hold; return the new id.

    With ``company_id`` the assessment joins that company (whose profile takes the
    snapshot's, unless ``update_profile`` is False) instead of a new one; with
    ``assessment_id`` it takes that free id, as when an assessment is replaced in place.

    Raises:
        StoreError: the database refused a row; the caller's transaction is
            rolled back, so nothing was imported.
    """
    try:
        return _insert(session, snapshot, assignments, company_id, assessment_id, update_profile)
    except SQLAlchemyError as error:
        session.rollback()
        raise StoreError(
            f"Importing into {location} failed ({error.__class__.__name__}: "
            f"{getattr(error, 'orig', error)}); nothing was imported."
        ) from error


def _insert(
    session: Session,
    snapshot: AssessmentSnapshot,
    assignments: Sequence[SavedAssignment],
    company_id: int | None,
    assessment_id: int | None,
    update_profile: bool,
) -> int:
    profile = snapshot.company
    fields: dict[str, object] = dict(
        name=profile.name,
        industry_segment=profile.industry_segment,
        products=profile.products,
        home_province=profile.home_province,
        notes=profile.notes,
        created_at=profile.created_at,
        employees=profile.employees,
        export_channels=list(profile.export_channels),
        product_types=list(profile.product_types),
        certificates=list(profile.certificates),
        other_certificates=profile.other_certificates,
    )
    if company_id is None:
        if profile.exchange_id:  # the firm keeps its identity wherever it travels
            fields["exchange_id"] = profile.exchange_id
        company = Company.model_validate(fields)
    else:
        company = get_row(session, Company, company_id)
        for key, value in fields.items() if update_profile else ():
            setattr(company, key, value)
    session.add(company)
    session.flush()
    header = snapshot.assessment
    assessment = Assessment(
        id=assessment_id,
        company_id=row_id(company),
        title=header.title,
        catalog_version=header.catalog_version,
        status=header.status,
        created_at=header.created_at,
        updated_at=header.updated_at,
        revision=header.revision,
        budget_currency=header.budget_currency,
        attractiveness_weights=dict(header.attractiveness_weights),
        previous_id=header.previous_id,
    )
    if header.exchange_id:
        assessment.exchange_id = header.exchange_id
    session.add(assessment)
    session.flush()
    new_id = row_id(assessment)
    for market in snapshot.markets:
        session.add(
            TargetMarket(
                assessment_id=new_id,
                market_code=market.market_code,
                custom_name=market.custom_name,
                custom_region=market.custom_region,
                planned_entry=market.planned_entry,
                position=market.position,
                custom_name_zh=market.custom_name_zh,
            )
        )
    for answer in snapshot.answers:
        session.add(
            Answer(
                assessment_id=new_id,
                item_id=answer.item_id,
                market_code=answer.market_code,
                value=answer.value,
                note=answer.note,
                evidence=list(answer.evidence),
                updated_at=answer.updated_at,
                updated_by=answer.updated_by,
                version=answer.version,
                catalog_version=answer.catalog_version or header.catalog_version,
            )
        )
    for action in snapshot.actions:
        session.add(
            Action(
                assessment_id=new_id,
                item_id=action.item_id,
                market_code=action.market_code,
                owner=action.owner,
                due_date=action.due_date,
                status=action.status,
                note=action.note,
                updated_at=action.updated_at,
                updated_by=action.updated_by,
                version=action.version,
                start_date=action.start_date,
                effort_min=action.effort_min,
                effort_max=action.effort_max,
                cost_min=action.cost_min,
                cost_max=action.cost_max,
                cost_currency=action.cost_currency,
                cost_basis=action.cost_basis,
            )
        )
    for rate in snapshot.rates:
        session.add(
            ExchangeRate(
                assessment_id=new_id,
                currency=rate.currency,
                cny_per_unit=rate.cny_per_unit,
                as_of=rate.as_of,
            )
        )
    for assignment in assignments:
        session.add(
            Assignment(
                assessment_id=new_id,
                scope=assignment.scope,
                code=assignment.code,
                assignee=assignment.assignee,
                assigned_by=assignment.assigned_by,
                assigned_at=assignment.assigned_at,
            )
        )
    for milestone in snapshot.milestones:
        session.add(
            Milestone(
                assessment_id=new_id,
                name=milestone.name,
                catalog_version=milestone.catalog_version,
                created_at=milestone.created_at,
                answers=[dict(answer) for answer in milestone.answers],
            )
        )
    session.flush()
    return new_id
