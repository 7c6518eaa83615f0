"""The assessment exchange file: a versioned, documented JSON format.

One file holds one assessment with its company, target markets, answers,
actions and milestones. It is lossless: exporting, importing into an empty
database and exporting again gives the same document. Database ids are not
part of it, so a file can be imported into any database. See
``docs/exchange-format.md`` for the field reference.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, model_validator

from readiness.content.catalog import Catalog
from readiness.domain.answers import (
    AnswerRejected,
    AnswerValue,
    applicable_items_by_market,
    check_answer,
)
from readiness.domain.dates import plausible_date, plausible_moment
from readiness.domain.records import (
    COMPANY_SCOPE,
    AssessmentSnapshot,
    SavedAction,
    SavedAnswer,
    SavedAssessment,
    SavedAssignment,
    SavedCompany,
    SavedMarket,
    SavedMilestone,
)
from readiness.domain.statuses import ActionStatus, AssessmentStatus, AssignmentScope
from readiness.domain.text import Assignee, Code, MarketCode, Name, Text
from readiness.files import MEGABYTE, read_user_file
from readiness.storage.store import Store

FORMAT = "market-entry-readiness/assessment"
FORMAT_VERSION = 3
# An assessment with every question answered at length is a few megabytes.
MAX_FILE_BYTES = 50 * MEGABYTE

# Text, names, codes: the product's one text policy (readiness.domain.text).
# Dates and times outside 1900-2199 are refused here rather than crashing later.
Day = Annotated[dt.date, AfterValidator(plausible_date)]
Moment = Annotated[dt.datetime, AfterValidator(plausible_moment)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CompanyRecord(_Record):
    """The company profile."""

    name: Name
    industry_segment: Text = ""
    products: Text = ""
    home_province: Text = ""
    notes: Text = ""
    created_at: Moment


class AssessmentRecord(_Record):
    """The assessment's own fields."""

    title: Name
    catalog_version: Name
    status: AssessmentStatus
    created_at: Moment
    updated_at: Moment


class MarketRecord(_Record):
    """A target market."""

    code: MarketCode
    custom_name: Text | None = None
    custom_region: Code | None = None
    planned_entry: Day | None = None


class AnswerRecord(_Record):
    """One answer; ``market`` is None for a company-wide question."""

    item_id: Code
    market: MarketCode | None
    value: AnswerValue
    note: Text = ""
    evidence: list[Text] = []
    updated_at: Moment
    updated_by: Text = ""
    # The catalog version the answer was given against (format version 3); absent
    # in older files, where the assessment's version applies.
    catalog_version: Name | None = None


class ActionRecord(_Record):
    """Follow-up on one gap."""

    item_id: Code
    market: MarketCode | None
    owner: Text = ""
    due_date: Day | None = None
    status: ActionStatus = ActionStatus.OPEN
    note: Text = ""
    updated_at: Moment
    updated_by: Text = ""


class AssignmentRecord(_Record):
    """A dimension or question given to a colleague (format version 2 on)."""

    scope: AssignmentScope
    code: Code
    assignee: Assignee
    assigned_by: Text = ""
    assigned_at: Moment


class SnapshotAnswer(_Record):
    """An answer as it stood when a milestone was saved."""

    item_id: Code
    market: MarketCode | None
    value: AnswerValue


class MilestoneRecord(_Record):
    """A saved snapshot."""

    name: Name
    catalog_version: Name
    created_at: Moment
    answers: list[SnapshotAnswer]


class AssessmentDocument(_Record):
    """The whole exchange file."""

    format: Literal["market-entry-readiness/assessment"]
    # Version 2 added who changed each action, and assignments; version 3 the
    # catalog version of each answer. Older files are read as they are.
    format_version: Literal[1, 2, 3]
    company: CompanyRecord
    assessment: AssessmentRecord
    markets: list[MarketRecord]
    answers: list[AnswerRecord]
    actions: list[ActionRecord] = []
    milestones: list[MilestoneRecord] = []
    assignments: list[AssignmentRecord] = []

    @model_validator(mode="after")
    def _answers_default_to_the_assessments_version(self) -> AssessmentDocument:
        # An older file (or an answer without it) was given against the assessment's version.
        for answer in self.answers:
            if answer.catalog_version is None:
                answer.catalog_version = self.assessment.catalog_version
        return self


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
        ),
        assessment=AssessmentRecord(
            title=assessment.title,
            catalog_version=assessment.catalog_version,
            status=AssessmentStatus(assessment.status),
            created_at=assessment.created_at,
            updated_at=assessment.updated_at,
        ),
        markets=[
            MarketRecord(
                code=m.market_code,
                custom_name=m.custom_name,
                custom_region=m.custom_region,
                planned_entry=m.planned_entry,
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
            )
            for a in snapshot.actions
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
    store: Store, document: AssessmentDocument, *, catalog: Catalog | None = None
) -> int:
    """Write a validated document as a new assessment, all in one transaction.

    With a catalog, every answer must also fit its question. Returns the new
    assessment's id. Either everything is written or nothing.
    """
    problem = consistency_problem(document) or (
        catalog_problem(document, catalog) if catalog is not None else None
    )
    if problem is not None:
        raise ExchangeError(problem)
    return store.import_assessment(_snapshot(document), _assignments(document))


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
            if row.market is not None and row.market not in codes:
                return f"{kind} refer to market {row.market}, which the file does not list"
            key = (row.item_id, row.market)
            if key in seen:
                return f"{kind} list {row.item_id} ({row.market or 'company'}) twice"
            seen.add(key)
    assigned = [(a.scope, a.code) for a in document.assignments]
    if len(set(assigned)) != len(assigned):
        return "assignments list the same dimension or question twice"
    return None


# Ids are the receiving database's to give: the records carry 0 until then.
_NEW = 0


def _snapshot(document: AssessmentDocument) -> AssessmentSnapshot:
    """The document as the store's records; new rows start at version 1, revision 0."""
    record = document.assessment
    return AssessmentSnapshot(
        company=SavedCompany(id=_NEW, **document.company.model_dump()),
        assessment=SavedAssessment(
            id=_NEW,
            company_id=_NEW,
            title=record.title,
            catalog_version=record.catalog_version,
            status=record.status.value,
            created_at=record.created_at,
            updated_at=record.updated_at,
            revision=0,
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
            )
            for action in document.actions
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
