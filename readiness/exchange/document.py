"""The assessment exchange file: a versioned, documented JSON format.

One file holds one assessment with its company, target markets, answers,
actions and milestones. It is lossless: exporting, importing into an empty
database and exporting again gives the same document. Database ids are not
part of it, so a file can be imported into any database. See
``docs/exchange-format.md`` for the field reference.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import ValidationError

from readiness.content.catalog import Catalog
from readiness.domain.answers import (
    AnswerRejected,
    AnswerValue,
    applicable_items_by_market,
    check_answer,
)
from readiness.domain.attractiveness import Factor
from readiness.domain.records import (
    COMPANY_SCOPE,
    AssessmentSnapshot,
    PlanFigures,
    SavedAction,
    SavedAnswer,
    SavedAssessment,
    SavedAssignment,
    SavedCompany,
    SavedMarket,
    SavedMilestone,
    SavedRate,
)
from readiness.domain.statuses import ActionStatus, AssessmentStatus, AssignmentScope
from readiness.exchange.schema import (
    FORMAT,
    FORMAT_VERSION,
    ActionRecord,
    AnswerRecord,
    AssessmentDocument,
    AssessmentRecord,
    AssignmentRecord,
    CompanyRecord,
    MarketRecord,
    MilestoneRecord,
    RateRecord,
    SnapshotAnswer,
)
from readiness.files import MEGABYTE, read_user_file
from readiness.storage.refusals import RefusedValueError, refuse_bad_figures
from readiness.storage.store import Store

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ActionRecord",
    "AnswerRecord",
    "AssessmentDocument",
    "AssessmentRecord",
    "CompanyRecord",
    "ExchangeError",
    "MarketRecord",
    "MilestoneRecord",
    "RateRecord",
    "SnapshotAnswer",
    "export_document",
    "import_document",
    "parse_document",
    "read_document",
]

# An assessment with every question answered at length is a few megabytes.
MAX_FILE_BYTES = 50 * MEGABYTE


class ExchangeError(Exception):
    """An exchange file that cannot be read; the message says what and where."""


def _market(code: str) -> str | None:
    return code or None


def export_document(store: Store, assessment_id: int) -> AssessmentDocument:
    """Build the exchange document for one assessment."""
    snapshot = store.snapshot(assessment_id)
    company = snapshot.company
    assessment = snapshot.assessment
    return AssessmentDocument(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        company=CompanyRecord(
            name=company.name,
            industry_segment=company.industry_segment,
            products=company.products,
            home_province=company.home_province,
            notes=company.notes,
            created_at=company.created_at,
            employees=company.employees,
            export_channels=list(company.export_channels),
            product_types=list(company.product_types),
            certificates=list(company.certificates),
            other_certificates=company.other_certificates,
            exchange_id=company.exchange_id or None,
        ),
        assessment=AssessmentRecord(
            title=assessment.title,
            catalog_version=assessment.catalog_version,
            status=AssessmentStatus(assessment.status),
            created_at=assessment.created_at,
            updated_at=assessment.updated_at,
            budget_currency=assessment.budget_currency,
            attractiveness_weights={
                Factor(name): weight
                for name, weight in assessment.attractiveness_weights
                if name in _FACTORS
            },
            exchange_id=assessment.exchange_id or None,
        ),
        markets=[
            MarketRecord(
                code=m.market_code,
                custom_name=m.custom_name,
                custom_region=m.custom_region,
                planned_entry=m.planned_entry,
                custom_name_zh=m.custom_name_zh,
            )
            for m in snapshot.markets
        ],
        answers=[
            AnswerRecord(
                item_id=a.item_id,
                market=_market(a.market_code),
                value=AnswerValue(a.value),
                note=a.note,
                evidence=list(a.evidence),
                updated_at=a.updated_at,
                updated_by=a.updated_by,
                catalog_version=a.catalog_version or assessment.catalog_version,
            )
            for a in snapshot.answers
        ],
        actions=[
            ActionRecord(
                item_id=a.item_id,
                market=_market(a.market_code),
                owner=a.owner,
                due_date=a.due_date,
                status=ActionStatus(a.status),
                note=a.note,
                updated_at=a.updated_at,
                updated_by=a.updated_by,
                start_date=a.start_date,
                effort_min=a.effort_min,
                effort_max=a.effort_max,
                cost_min=a.cost_min,
                cost_max=a.cost_max,
                cost_currency=a.cost_currency,
                cost_basis=a.cost_basis,
            )
            for a in snapshot.actions
        ],
        rates=[
            RateRecord(currency=r.currency, cny_per_unit=r.cny_per_unit, as_of=r.as_of)
            for r in snapshot.rates
        ],
        assignments=[
            AssignmentRecord(
                scope=AssignmentScope(a.scope),
                code=a.code,
                assignee=a.assignee,
                assigned_by=a.assigned_by,
                assigned_at=a.assigned_at,
            )
            for a in store.assignments(assessment_id)
        ],
        milestones=[
            MilestoneRecord(
                name=m.name,
                catalog_version=m.catalog_version,
                created_at=m.created_at,
                answers=[
                    SnapshotAnswer(
                        item_id=s["item_id"],
                        market=_market(s["market_code"]),
                        value=AnswerValue(s["value"]),
                    )
                    for s in m.answers
                ],
            )
            for m in snapshot.milestones
        ],
    )


def document_json(document: AssessmentDocument) -> str:
    """The document as pretty, stable JSON text."""
    return document.model_dump_json(indent=2) + "\n"


def read_document(path: Path) -> AssessmentDocument:
    """Read and validate an exchange file.

    Raises:
        ExchangeError: unreadable, not JSON, another format or version, or invalid
            fields; the message names the file and the place.
    """
    try:
        content = read_user_file(path, limit=MAX_FILE_BYTES)
    except OSError as error:
        raise ExchangeError(f"{path}: cannot read the file ({error.strerror or error})") from None
    return parse_document(content, str(path))


def parse_document(content: bytes, path: str) -> AssessmentDocument:
    """Validate the bytes of an exchange file; ``path`` says where they came from.

    Raises:
        ExchangeError: as :func:`read_document`.
    """
    try:
        raw = content.decode("utf-8-sig")  # Notepad's BOM
    except UnicodeDecodeError as error:
        raise ExchangeError(f"{path}: not UTF-8 text ({error.reason})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ExchangeError(
            f"{path}:{error.lineno}:{error.colno}: not valid JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise ExchangeError(f"{path}: not an assessment file (nested too deeply)") from None
    except ValueError:  # a number of thousands of digits
        raise ExchangeError(f"{path}: not an assessment file (a number is too long)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeError(f"{path}: not a Market Entry Readiness assessment file")
    version = data.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise ExchangeError(
            f"{path}: written in format version {version} by a newer version of the app; "
            f"this version reads up to {FORMAT_VERSION}. Update the app to import it."
        )
    try:
        return AssessmentDocument.model_validate(data)
    except ValidationError as error:
        details = "; ".join(
            f"{'.'.join(_shown(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()[:5]
        )
        more = f" (and {error.error_count() - 5} more)" if error.error_count() > 5 else ""
        raise ExchangeError(f"{path}: invalid assessment file: {details}{more}") from None


def _shown(part: int | str) -> str:
    """A place in the file as a message can show it: short, control characters escaped."""
    text = str(part)
    if len(text) > 40:
        text = text[:40] + "..."
    return text if text.isprintable() else ascii(text)


def catalog_problem(document: AssessmentDocument, catalog: Catalog) -> str | None:
    """An answer the catalog forbids (not applicable where it may not be, a yes/no
    question at 1-3, a market question without its market), or None.

    Questions the catalog does not know (a newer catalog wrote the file) are kept:
    they do not count in scores until the catalog knows them. So are answers given
    against another catalog version: a question may since have changed its scope,
    scale or markets, and the answer is kept as given, for the user to review when
    the assessment is brought up to the current content.
    """
    markets = {m.code: m.custom_region for m in document.markets}
    applicable = applicable_items_by_market(catalog, markets.items())
    for answer in document.answers:
        item = catalog.all_items.get(answer.item_id)
        # Every answer carries its version: the document defaults it to the assessment's.
        if item is None or answer.catalog_version != catalog.version:
            continue
        try:
            check_answer(item, answer.market, answer.value, applicable_items_by_market=applicable)
        except AnswerRejected as error:
            return f"answer to {answer.item_id}: {error}"
    return None


def import_document(
    store: Store,
    document: AssessmentDocument,
    *,
    catalog: Catalog | None = None,
    replacing: int | None = None,
    company: tuple[int | None, bool] = (None, True),
) -> int:
    """Write a validated document as a new assessment (or in place of the assessment
    ``replacing``; or of the registered company ``company``: its id, and whether its
    profile takes the file's), all in one transaction. With a catalog, every answer
    must also fit its question. Returns the assessment's id; all is written or nothing.
    """
    problem = consistency_problem(document) or (
        catalog_problem(document, catalog) if catalog is not None else None
    )
    if problem is not None:
        raise ExchangeError(problem)
    if replacing is not None:
        return store.replace_assessment(replacing, _snapshot(document), _assignments(document))
    snapshot, assignments = _snapshot(document), _assignments(document)
    joined, update = company
    return store.import_assessment(snapshot, assignments, company_id=joined, update_profile=update)


def consistency_problem(document: AssessmentDocument) -> str | None:
    """What makes a well-formed document unusable, or None.

    Answers and actions must belong to the markets the file lists, and no
    question may be answered twice: such a file is refused, not half-understood.
    """
    codes = [market.code for market in document.markets]
    if len(set(codes)) != len(codes):
        return "the file lists a target market twice"
    for kind, rows in (("answers", document.answers), ("actions", document.actions)):
        seen: set[tuple[str, str | None]] = set()
        for row in rows:
            region = kind == "actions" and row.market is not None and _REGION.fullmatch(row.market)
            if row.market is not None and row.market not in codes and not region:
                return f"{kind} refer to market {row.market}, which the file does not list"
            key = (row.item_id, row.market)
            if key in seen:
                return f"{kind} list {row.item_id} ({row.market or 'company'}) twice"
            seen.add(key)
    for index, action in enumerate(document.actions):
        try:
            refuse_bad_figures(
                _figures(action), f"the action on {action.item_id} ({action.market or 'company'})"
            )
        except RefusedValueError as error:
            return f"actions.{index}: {str(error).removesuffix('; nothing was saved.')}"
    weights = document.assessment.attractiveness_weights
    if weights and not any(weights.values()):
        return "the attractiveness weights are all zero: at least one needs a weight above zero"
    assigned = [(a.scope, a.code) for a in document.assignments]
    if len(set(assigned)) != len(assigned):
        return "assignments list the same dimension or question twice"
    return None


_FACTORS = frozenset(factor.value for factor in Factor)

# An action done once for a region's markets is kept under the region's tag (``eu``).
_REGION = re.compile(r"[a-z][a-z_]*")

# Ids are the receiving database's to give: the records carry 0 until then.
_NEW = 0


def _snapshot(document: AssessmentDocument) -> AssessmentSnapshot:
    """The document as the store's records; new rows start at version 1, revision 0."""
    record = document.assessment
    return AssessmentSnapshot(
        company=_company(document),
        assessment=SavedAssessment(
            id=_NEW,
            company_id=_NEW,
            title=record.title,
            catalog_version=record.catalog_version,
            status=record.status.value,
            created_at=record.created_at,
            updated_at=record.updated_at,
            revision=0,
            budget_currency=record.budget_currency,
            attractiveness_weights=tuple(
                (factor.value, weight) for factor, weight in record.attractiveness_weights.items()
            ),
            exchange_id=record.exchange_id or "",
        ),
        markets=tuple(
            SavedMarket(
                id=_NEW,
                assessment_id=_NEW,
                market_code=market.code,
                custom_name=market.custom_name,
                custom_region=market.custom_region,
                planned_entry=market.planned_entry,
                position=position,
                custom_name_zh=market.custom_name_zh,
            )
            for position, market in enumerate(document.markets)
        ),
        answers=tuple(
            SavedAnswer(
                id=_NEW,
                assessment_id=_NEW,
                item_id=answer.item_id,
                market_code=answer.market or COMPANY_SCOPE,
                value=answer.value.value,
                note=answer.note,
                evidence=list(answer.evidence),
                updated_at=answer.updated_at,
                updated_by=answer.updated_by,
                version=1,
                catalog_version=answer.catalog_version or record.catalog_version,
            )
            for answer in document.answers
        ),
        actions=tuple(
            SavedAction(
                id=_NEW,
                assessment_id=_NEW,
                item_id=action.item_id,
                market_code=action.market or COMPANY_SCOPE,
                owner=action.owner,
                due_date=action.due_date,
                status=action.status.value,
                note=action.note,
                updated_at=action.updated_at,
                updated_by=action.updated_by,
                version=1,
                start_date=action.start_date,
                effort_min=action.effort_min,
                effort_max=action.effort_max,
                cost_min=action.cost_min,
                cost_max=action.cost_max,
                cost_currency=action.cost_currency,
                cost_basis=action.cost_basis.value if action.cost_basis else None,
            )
            for action in document.actions
        ),
        rates=tuple(
            SavedRate(currency=r.currency, cny_per_unit=r.cny_per_unit, as_of=r.as_of)
            for r in document.rates
        ),
        milestones=tuple(
            SavedMilestone(
                id=_NEW,
                assessment_id=_NEW,
                name=milestone.name,
                catalog_version=milestone.catalog_version,
                created_at=milestone.created_at,
                answers=[
                    {
                        "item_id": s.item_id,
                        "market_code": s.market or COMPANY_SCOPE,
                        "value": s.value.value,
                    }
                    for s in milestone.answers
                ],
            )
            for milestone in document.milestones
        ),
    )


def _figures(action: ActionRecord) -> PlanFigures:
    return PlanFigures(
        start_date=action.start_date,
        due_date=action.due_date,
        effort_min=action.effort_min,
        effort_max=action.effort_max,
        cost_min=action.cost_min,
        cost_max=action.cost_max,
        cost_currency=action.cost_currency,
        cost_basis=action.cost_basis.value if action.cost_basis else None,
    )


def _company(document: AssessmentDocument) -> SavedCompany:
    record = document.company
    return SavedCompany(
        id=_NEW,
        name=record.name,
        industry_segment=record.industry_segment,
        products=record.products,
        home_province=record.home_province,
        notes=record.notes,
        created_at=record.created_at,
        employees=record.employees,
        export_channels=tuple(dict.fromkeys(c.value for c in record.export_channels)),
        product_types=tuple(dict.fromkeys(p.value for p in record.product_types)),
        certificates=tuple(dict.fromkeys(c.value for c in record.certificates)),
        other_certificates=record.other_certificates,
        exchange_id=record.exchange_id or "",
    )


def _assignments(document: AssessmentDocument) -> list[SavedAssignment]:
    return [
        SavedAssignment(
            id=_NEW,
            assessment_id=_NEW,
            scope=assignment.scope.value,
            code=assignment.code,
            assignee=assignment.assignee,
            assigned_by=assignment.assigned_by,
            assigned_at=assignment.assigned_at,
        )
        for assignment in document.assignments
    ]
