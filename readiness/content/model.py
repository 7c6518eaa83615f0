"""Typed model of the questionnaire content: dimensions, questions, markets, sources.

Every class forbids unknown keys, so a typo in a YAML file is an error with a
location rather than a silently ignored setting.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Z]{4}-\d{3}$")]
# At most 20 characters: the longest code an assessment stores (readiness.domain.text).
DimensionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$", max_length=20)]
RegionTag = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]*$", max_length=20)]
MarketCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")]

_HAN = re.compile(r"[\u4e00-\u9fff]")

# The ids the product promises; content may add more dimensions but never fewer.
REQUIRED_DIMENSIONS = (
    "compliance",
    "certification",
    "logistics",
    "localization",
    "talent",
    "after_sales",
    "quality_delivery",
    "brand_market",
    "partners_finance",
)

MAX_ANSWER = 4

# Wording a question may not use (see docs/content-authoring.md, "Fair questions").
# A contrast in the question ("... rather than ...") tells the user the right answer.
_LEADING = re.compile(r"\b(rather than|instead of)\b", re.IGNORECASE)
_LEADING_ZH = ("而不是", "而非", "而不只")
# "Don't know" is an answer of its own, scored 0; a level must not be labelled so.
_DONT_KNOW = ("don't know", "do not know", "unknown", "not known")
_DONT_KNOW_ZH = ("不知道", "不清楚")
# An unchecked assumption is worth no more than "not checked" (level 0).
_ASSUMED = re.compile(r"\bassum", re.IGNORECASE)
_ASSUMED_ZH = ("默认", "想当然")
_FULLWIDTH_QUESTION = "\uff1f"


class ContentModel(BaseModel):
    """Base for all content: immutable and strict about keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(ContentModel):
    """The same text in English and Simplified Chinese."""

    en: NonEmpty
    zh: NonEmpty

    @model_validator(mode="after")
    def _chinese_is_chinese(self) -> LocalizedText:
        if not _HAN.search(self.zh):
            raise ValueError("the zh text contains no Chinese characters (translation missing?)")
        return self

    def get(self, language: str) -> str:
        """Return the text for ``language`` ("zh" or "en"); English for anything else."""
        return self.zh if language == "zh" else self.en


class Scope(StrEnum):
    """Whether a question is answered once for the company or once per target market."""

    COMPANY = "company"
    MARKET = "market"


class ScaleKind(StrEnum):
    """How a question is answered."""

    MATURITY = "maturity"  # 0-4 with a label per level
    YES_NO = "yes_no"  # no = 0, yes = 4


class Speaker(ContentModel):
    """A person quoted in a seed text."""

    name: NonEmpty
    role: LocalizedText
    organisation: LocalizedText


class Seed(ContentModel):
    """One of the forum texts the content is derived from."""

    file: Annotated[str, StringConstraints(pattern=r"^\d{3}_[0-9a-f]+\.txt$")]
    event: LocalizedText
    date: dt.date | None = None
    speakers: list[Speaker] = Field(min_length=1)


class PublicReference(ContentModel):
    """A public document (regulation, standard, official guide) cited where no speaker spoke."""

    id: Annotated[str, StringConstraints(pattern=r"^REF-[A-Z0-9-]+$")]
    title: NonEmpty
    issuer: NonEmpty
    # The day the document's status (in force, amended, postponed) was last checked,
    # and the day by which it must be checked again; both are required, so no rule
    # is cited without saying when it was last seen in force. ``readiness validate``
    # lists references past review so a rule that changed is not cited as it was.
    as_of: dt.date
    review_by: dt.date

    @model_validator(mode="after")
    def _review_after_check(self) -> PublicReference:
        if self.review_by <= self.as_of:
            raise ValueError("review_by must come after as_of")
        return self

    def due_for_review(self, today: dt.date) -> bool:
        """Whether the reference's status must be checked again before it is relied on."""
        return self.review_by < today


class SourceRegistry(ContentModel):
    """Seeds with their speakers, and public references, that content may cite.

    The registry may be split over several files (say, one of extra references).
    """

    seeds: list[Seed] = []
    references: list[PublicReference] = []


class SeedCitation(ContentModel):
    """A citation of what a speaker said in a seed text."""

    seed: NonEmpty
    speaker: NonEmpty


class ReferenceCitation(ContentModel):
    """A citation of a public document, by its id in the source registry."""

    reference: NonEmpty


Citation = SeedCitation | ReferenceCitation


class RelevantIf(ContentModel):
    """Skip logic: the question is shown only when another answer is high enough."""

    item: ItemId
    at_least: int = Field(ge=1, le=MAX_ANSWER)


class ShowStopper(StrEnum):
    """Why a critical question blocks entry: the methodology's show-stoppers, nothing else."""

    NO_APPROVAL = "no_approval"  # no approval or legal right to sell
    SANCTIONS = "sanctions"  # sanctions or export-control exposure
    NO_DELIVERY = "no_delivery"  # no lawful way to get the goods there
    NO_SERVICE = "no_service"  # no way to service what was sold


class Phase(StrEnum):
    """When an action is done relative to the market opening (docs/methodology.md, "The plan")."""

    NOW = "now"  # a decision: name an owner, set a budget, choose a route; done first
    BEFORE_ENTRY = "before_entry"  # must be finished before the market opens
    AFTER_ENTRY = "after_entry"  # goes on after opening; never holds the entry date back


class ProductType(StrEnum):
    """What a company makes, as its profile says (one company may tick several)."""

    VEHICLES = "vehicles"
    PARTS = "parts"
    BATTERIES = "batteries"
    SPECIAL_VEHICLES = "special_vehicles"


class ExportChannel(StrEnum):
    """How a company sells abroad today."""

    TRADERS = "traders"
    DISTRIBUTORS = "distributors"
    DIRECT = "direct"
    OEM_SUPPLY = "oem_supply"


class Certificate(StrEnum):
    """Management-system certificates and audits a profile can record as held."""

    IATF_16949 = "iatf_16949"
    ISO_9001 = "iso_9001"
    ISO_14001 = "iso_14001"
    ISO_45001 = "iso_45001"
    VDA_6_3 = "vda_6_3"


class CostBasis(StrEnum):
    """Whether an external cost is paid once or every year."""

    ONE_OFF = "one_off"
    YEARLY = "yearly"


Currency = Literal["CNY", "EUR", "USD"]
CURRENCIES: tuple[Currency, ...] = ("CNY", "EUR", "USD")


class Effort(ContentModel):
    """Typical internal effort of an action, in person-weeks, as a range."""

    min: float = Field(ge=0, le=520)
    max: float = Field(ge=0, le=520)

    @model_validator(mode="after")
    def _ordered(self) -> Effort:
        if self.max < self.min:
            raise ValueError("effort max is below its min")
        return self


class Cost(ContentModel):
    """Typical external cost of an action (fees, advisers, tests), as a range.

    ``source`` is a citation where a published fee schedule or survey gives the
    figure, else the word ``estimate``: a range nobody published is shown as one.
    """

    min: int = Field(ge=0, le=1_000_000_000)
    max: int = Field(ge=0, le=1_000_000_000)
    currency: Currency
    basis: CostBasis = CostBasis.ONE_OFF
    source: Literal["estimate"] | SeedCitation | ReferenceCitation

    @model_validator(mode="after")
    def _ordered(self) -> Cost:
        if self.max < self.min:
            raise ValueError("cost max is below its min")
        return self

    @property
    def estimate(self) -> bool:
        """Whether the range is the content's own estimate rather than a published figure."""
        return self.source == "estimate"


class ProvenBy(ContentModel):
    """A certificate whose audit proves a question's answer up to ``level``."""

    certificates: list[Certificate] = Field(min_length=1)
    level: int = Field(ge=1, le=MAX_ANSWER)


class Item(ContentModel):
    """One question of the questionnaire."""

    id: ItemId
    dimension: DimensionId
    text: LocalizedText
    guidance: LocalizedText
    scope: Scope
    scale: ScaleKind = ScaleKind.MATURITY
    # Item-specific labels for levels 0-4; when absent the catalog's default
    # maturity labels apply. Not allowed on yes/no questions.
    levels: list[LocalizedText] | None = None
    allow_na: bool = False
    weight: int = Field(ge=1, le=3)
    critical: bool = False
    # Required with critical, refused without: which show-stopper a low answer means.
    blocks: ShowStopper | None = None
    lead_time_weeks: int = Field(ge=0, le=260)
    action: LocalizedText
    applies_to: list[Literal["all"] | RegionTag] = Field(default=["all"], min_length=1)
    relevant_if: RelevantIf | None = None
    sources: list[Citation] = Field(min_length=1)
    # The plan (docs/methodology.md, "The plan"): what the action needs done first,
    # when it is done relative to entry, what it takes, and what one action covers.
    requires: list[ItemId] = []
    phase: Phase = Phase.BEFORE_ENTRY
    effort: Effort | None = None
    cost: Cost | None = None
    # A market question whose action is done once for every target market in this
    # region (one EU type approval, one EU trademark), not once per market.
    covers: RegionTag | None = None
    # The level at which the market can open as far as this action goes (a trade mark
    # filed, not yet registered); the rest of the work goes on after entry.
    entry_level: int | None = Field(default=None, ge=1, le=MAX_ANSWER - 1)
    # Fit to the company profile: asked only of these product types (empty: all);
    # ranked down as not a first step below this many employees; pre-answered
    # from a certificate the profile records as held.
    asked_of: list[ProductType] = []
    later_below_employees: int | None = Field(default=None, ge=1)
    proven_by: ProvenBy | None = None

    @model_validator(mode="after")
    def _plan_fields_fit(self) -> Item:
        if self.id in self.requires:
            raise ValueError("an action cannot require itself")
        if len(set(self.requires)) != len(self.requires):
            raise ValueError("requires lists an item twice")
        if self.entry_level is not None and self.phase is Phase.AFTER_ENTRY:
            raise ValueError(
                "entry_level is for an action that holds entry; this one is after entry"
            )
        if self.covers is not None and self.scope is Scope.COMPANY:
            raise ValueError("covers is for a market question; a company question is one action")
        yes_no = self.scale is ScaleKind.YES_NO
        if self.proven_by is not None and yes_no and self.proven_by.level != MAX_ANSWER:
            raise ValueError("a certificate proves a yes/no question only as 'yes' (level 4)")
        return self

    @model_validator(mode="after")
    def _levels_fit_the_scale(self) -> Item:
        if self.levels is not None:
            if self.scale is ScaleKind.YES_NO:
                raise ValueError("a yes_no question takes no levels")
            if len(self.levels) != MAX_ANSWER + 1:
                raise ValueError(f"levels needs exactly {MAX_ANSWER + 1} labels (0-4)")
        if self.relevant_if is not None and self.relevant_if.item == self.id:
            raise ValueError("relevant_if cannot point at the question itself")
        if self.critical and self.blocks is None:
            raise ValueError(
                "a critical question names the show-stopper it stands for (blocks: "
                + " | ".join(s.value for s in ShowStopper)
                + "); a question that is none of them is not critical"
            )
        if self.blocks is not None and not self.critical:
            raise ValueError("blocks is only for a critical question")
        return self

    @model_validator(mode="after")
    def _wording_is_fair(self) -> Item:
        en, zh = self.text.en.strip(), self.text.zh.strip()
        if en.count("?") != 1 or not en.endswith("?"):
            raise ValueError("the en text must be one question, ending with its only '?'")
        marks = ("?", _FULLWIDTH_QUESTION)
        if sum(zh.count(mark) for mark in marks) != 1 or not zh.endswith(marks):
            raise ValueError("the zh text must be one question, ending with its only question mark")
        leading = _LEADING.search(en)
        if leading is not None or any(phrase in zh for phrase in _LEADING_ZH):
            found = leading.group(0) if leading is not None else "而不是/而非"
            raise ValueError(
                f"the question suggests its answer ('{found}'): ask what is in place "
                "and let the levels describe the alternatives"
            )
        for level, label in enumerate(self.levels or []):
            if label.en.strip().rstrip(".").casefold().startswith(_DONT_KNOW) or (
                label.zh.strip().startswith(_DONT_KNOW_ZH)
            ):
                raise ValueError(
                    f"level {level} is labelled like the separate Don't-know answer "
                    f"('{label.en}' / '{label.zh}'): say what state level {level} stands for"
                )
            if level > 0 and (
                _ASSUMED.search(label.en) or any(word in label.zh for word in _ASSUMED_ZH)
            ):
                raise ValueError(
                    f"level {level} ('{label.en}') rewards an unchecked assumption over "
                    "'not checked': an assumption is level 0 at most"
                )
        if self.levels is not None and (
            len({label.en.casefold() for label in self.levels}) != len(self.levels)
            or len({label.zh for label in self.levels}) != len(self.levels)
        ):
            raise ValueError("two levels have the same label; each level needs its own")
        return self

    def applies_in(self, region_tags: frozenset[str]) -> bool:
        """Whether the question applies to a market carrying these region tags."""
        return "all" in self.applies_to or bool(region_tags.intersection(self.applies_to))


class Dimension(ContentModel):
    """An area of readiness, such as certification or after-sales."""

    id: DimensionId
    name: LocalizedText
    description: LocalizedText
    weight: float = Field(gt=0, le=5)


class CatalogHeader(ContentModel):
    """The catalog's version, default answer labels and dimensions (``catalog.yaml``)."""

    version: NonEmpty
    maturity_levels: list[LocalizedText] = Field(min_length=5, max_length=5)
    dimensions: list[Dimension] = Field(min_length=1)


class ItemFile(ContentModel):
    """A file of questions (``items/*.yaml``)."""

    items: list[Item] = Field(min_length=1)


class Incentive(ContentModel):
    """A programme that lowers the cost of entering a market."""

    programme: LocalizedText
    benefit: LocalizedText
    threshold: LocalizedText | None = None
    sources: list[Citation] = Field(min_length=1)
    # The day the programme's terms were last checked against its public source.
    as_of: dt.date | None = None


class Note(ContentModel):
    """A market fact or condition worth knowing, with where it comes from."""

    text: LocalizedText
    sources: list[Citation] = Field(min_length=1)
    # The day a dated fact in the note (a rate, a deadline, a figure) was last checked.
    as_of: dt.date | None = None


WeightAdjustments = dict[DimensionId, Annotated[float, Field(gt=0, le=3)]]


class RegionProfile(ContentModel):
    """A generic region (EU, ASEAN, ...); a user-defined market starts from one."""

    kind: Literal["region"]
    tag: RegionTag
    name: LocalizedText
    summary: LocalizedText
    weight_adjustments: WeightAdjustments = {}
    notes: list[Note] = []


class MarketProfile(ContentModel):
    """A target market the catalog knows: its regions, weights, incentives and own questions."""

    kind: Literal["market"]
    code: MarketCode
    name: LocalizedText
    summary: LocalizedText
    regions: list[RegionTag] = Field(min_length=1)
    weight_adjustments: WeightAdjustments = {}
    incentives: list[Incentive] = []
    notes: list[Note] = []
    extra_items: list[Item] = []


class BannedVariant(ContentModel):
    """A Chinese wording the glossary refuses, and why.

    ``allow_in`` lists longer wordings that contain the variant and are correct
    (标识 in 识别标识 is no marking): an occurrence inside one of them, or inside
    the preferred term itself, is not a problem.
    """

    term: NonEmpty
    note: NonEmpty | None = None
    allow_in: list[NonEmpty] = []

    @model_validator(mode="after")
    def _contexts_contain_the_variant(self) -> BannedVariant:
        for context in self.allow_in:
            if self.term not in context:
                raise ValueError(f"allow_in '{context}' does not contain '{self.term}'")
        return self


class Term(ContentModel):
    """One term of the terminology glossary: the English, the Chinese to use, the Chinese not to."""

    en: NonEmpty
    zh: NonEmpty
    note: NonEmpty | None = None
    banned: list[BannedVariant] = Field(min_length=1)

    @model_validator(mode="after")
    def _preferred_is_not_banned(self) -> Term:
        for variant in self.banned:
            if variant.term == self.zh:
                raise ValueError(f"the preferred term '{self.zh}' is also banned")
        return self


class Glossary(ContentModel):
    """The terminology glossary (``glossary.yaml``): ``readiness validate`` refuses
    every Chinese text that uses a banned variant."""

    terms: list[Term] = Field(min_length=1)
