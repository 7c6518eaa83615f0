"""What the company profile changes: questions not asked, answers a certificate gives, and
actions that are not a first step for a firm of this size.

Pure functions; the rules are the content's (``asked_of``, ``proven_by``,
``later_below_employees``) and are explained in ``docs/methodology.md``.
An answer the user gave is never dropped: a question that does not fit the
profile keeps its answer, which is shown as "not counted for this profile".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from readiness.content.catalog import Catalog
from readiness.content.model import (
    Certificate,
    ExportChannel,
    Item,
    LocalizedText,
    ProductType,
    Scope,
)
from readiness.domain.answers import AnswerValue, applicable_items_by_market
from readiness.domain.records import SavedCompany
from readiness.domain.scoring import AnswerKey, MarketInput

_Vocabulary = TypeVar("_Vocabulary", ProductType, ExportChannel, Certificate)


def _known(kind: type[_Vocabulary], values: Sequence[str]) -> frozenset[_Vocabulary]:
    members = {member.value: member for member in kind}
    return frozenset(members[v] for v in values if v in members)


@dataclass(frozen=True, slots=True)
class CompanyProfile:
    """The facts of the company profile that decide what is asked and planned."""

    employees: int | None = None
    channels: frozenset[ExportChannel] = frozenset()
    products: frozenset[ProductType] = frozenset()
    certificates: frozenset[Certificate] = frozenset()

    @classmethod
    def of(cls, company: SavedCompany) -> CompanyProfile:
        """The profile a saved company records (values this version does not know are ignored)."""
        return cls(
            employees=company.employees,
            channels=_known(ExportChannel, company.export_channels),
            products=_known(ProductType, company.product_types),
            certificates=_known(Certificate, company.certificates),
        )

    def asks(self, item: Item) -> bool:
        """Whether the question fits the products the company makes (all do until they are set)."""
        if not item.asked_of or not self.products:
            return True
        return bool(self.products.intersection(item.asked_of))

    def proof(self, item: Item) -> tuple[int, Certificate] | None:
        """The level a held certificate proves for the question, and which certificate."""
        rule = item.proven_by
        if rule is None:
            return None
        held = [c for c in rule.certificates if c in self.certificates]
        return (rule.level, held[0]) if held else None

    def later_step(self, item: Item) -> LocalizedText | None:
        """Why the action is not a first step for a company this size, or None when it is."""
        threshold = item.later_below_employees
        if threshold is None or self.employees is None or self.employees >= threshold:
            return None
        return LocalizedText(
            en=(
                f"Not a first step for a company of {self.employees} people: "
                f"the content puts it after entry below {threshold}."
            ),
            zh=(
                f"对 {self.employees} 人规模的企业，这不是第一步："
                f"人数少于 {threshold} 时放在进入市场之后。"
            ),
        )


CERTIFICATE_NAMES: Mapping[Certificate, str] = {
    Certificate.IATF_16949: "IATF 16949",
    Certificate.ISO_9001: "ISO 9001",
    Certificate.ISO_14001: "ISO 14001",
    Certificate.ISO_45001: "ISO 45001",
    Certificate.VDA_6_3: "VDA 6.3",
}


@dataclass(frozen=True)
class ProfileFit:
    """The answers as scoring reads them once the profile is applied, and what changed."""

    answers: Mapping[AnswerKey, AnswerValue]
    # Answers the user gave to questions this profile does not ask: kept, not counted.
    not_counted: frozenset[AnswerKey] = frozenset()
    # Questions the profile does not ask (whether answered or not): not shown to ask.
    not_asked: frozenset[str] = frozenset()
    # Unanswered questions a held certificate answers, with the certificate.
    pre_answered: Mapping[AnswerKey, Certificate] = field(default_factory=dict)


def fit_to_profile(
    catalog: Catalog,
    markets: Sequence[MarketInput],
    answers: Mapping[AnswerKey, AnswerValue],
    profile: CompanyProfile,
) -> ProfileFit:
    """Apply the profile to the answers: unfitting questions count as not applicable,
    and an unanswered question a held certificate proves counts at the level it proves."""
    if not profile.products and not profile.certificates:
        return ProfileFit(answers=answers)  # nothing to fit: every question is asked
    applicable = applicable_items_by_market(catalog, ((m.code, m.custom_region) for m in markets))
    items = catalog.all_items
    fitted = dict(answers)
    not_counted: set[AnswerKey] = set()
    not_asked: set[str] = set()
    pre_answered: dict[AnswerKey, Certificate] = {}
    for code, ids in applicable.items():
        for item_id in ids:
            item = items[item_id]
            key: AnswerKey = (item.id, code if item.scope is Scope.MARKET else None)
            if not profile.asks(item):
                not_asked.add(item.id)
                if key in answers:
                    not_counted.add(key)
                fitted[key] = AnswerValue.NOT_APPLICABLE
                continue
            proof = profile.proof(item)
            if proof is not None and key not in answers:
                level, certificate = proof
                fitted[key] = AnswerValue.from_level(level)
                pre_answered[key] = certificate
    return ProfileFit(
        answers=fitted,
        not_counted=frozenset(not_counted),
        not_asked=frozenset(not_asked),
        pre_answered=pre_answered,
    )
