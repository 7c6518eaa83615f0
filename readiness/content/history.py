"""Released catalog versions, kept so that an older assessment can still be scored as it was.

Each released version is archived as one compact JSON file under
``checklists/history/<version>.json``: the dimensions and their weights, the
markets and regions with their weight adjustments, and every question with the
fields scoring reads and its wording in both languages. The archive has its own
small schema, read leniently (unknown keys are ignored, nothing is checked
against today's content rules), so a file written years ago keeps loading when
the content model gains fields or rules; :meth:`CatalogArchive.to_catalog`
builds the objects the scoring code needs from it without re-validating them.

Write the archive of a release with ``readiness archive-content`` (see
``docs/content-authoring.md``); it reads the YAML as plain data, so it also
works on content written under older rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from readiness.assets import asset_dir
from readiness.content.catalog import ARCHIVE_FOLDER, Catalog
from readiness.content.model import (
    Dimension,
    Item,
    LocalizedText,
    MarketProfile,
    RegionProfile,
    RelevantIf,
    ScaleKind,
    Scope,
)

ARCHIVE_FORMAT = 1
# What makes a question "changed" between two versions, in the order users read it.
ASPECTS = (
    "text",
    "levels",
    "scale",
    "scope",
    "weight",
    "critical",
    "dimension",
    "applies_to",
    "relevant_if",
    "allow_na",
)


class _Archived(BaseModel):
    # Lenient on purpose: a later format may add keys an older reader skips.
    model_config = ConfigDict(extra="ignore", frozen=True)


class ArchivedText(_Archived):
    """A text in English and Chinese, as it was released."""

    en: str
    zh: str

    def localized(self) -> LocalizedText:
        """The text as content objects carry it (not re-validated)."""
        return LocalizedText.model_construct(en=self.en, zh=self.zh)


class ArchivedCondition(_Archived):
    """Skip logic as it was released: shown when another answer reaches a level."""

    item: str
    at_least: int


class ArchivedItem(_Archived):
    """One question as it was released: what scoring reads and what users read."""

    id: str
    market: str | None = None  # the market whose own question it is; None: general
    dimension: str
    scope: str
    scale: str = "maturity"
    weight: int
    critical: bool = False
    allow_na: bool = False
    applies_to: tuple[str, ...] = ("all",)
    relevant_if: ArchivedCondition | None = None
    lead_time_weeks: int = 0
    text: ArchivedText
    levels: tuple[ArchivedText, ...] | None = None  # own labels; None: the catalog's

    def aspects(self, maturity_levels: tuple[ArchivedText, ...]) -> dict[str, object]:
        """What is compared to tell whether the question changed (see :data:`ASPECTS`)."""
        labels: tuple[ArchivedText, ...] | None = None
        if self.scale != ScaleKind.YES_NO.value:
            labels = self.levels or maturity_levels
        return {
            "text": self.text,
            "levels": labels,
            "scale": self.scale,
            "scope": self.scope,
            "weight": self.weight,
            "critical": self.critical,
            "dimension": self.dimension,
            "applies_to": (self.market, *sorted(self.applies_to)),
            "relevant_if": self.relevant_if,
            "allow_na": self.allow_na,
        }

    def to_item(self) -> Item:
        """The question as the scoring code reads it (not re-validated)."""
        empty = LocalizedText.model_construct(en="", zh="")
        return Item.model_construct(
            id=self.id,
            dimension=self.dimension,
            text=self.text.localized(),
            guidance=empty,
            scope=Scope(self.scope),
            scale=ScaleKind(self.scale),
            levels=[level.localized() for level in self.levels] if self.levels else None,
            allow_na=self.allow_na,
            weight=self.weight,
            critical=self.critical,
            blocks=None,
            lead_time_weeks=self.lead_time_weeks,
            action=empty,
            applies_to=list(self.applies_to),
            relevant_if=(
                RelevantIf.model_construct(
                    item=self.relevant_if.item, at_least=self.relevant_if.at_least
                )
                if self.relevant_if
                else None
            ),
            sources=[],
        )


class ArchivedDimension(_Archived):
    """A dimension and its default weight."""

    id: str
    weight: float
    name: ArchivedText


class ArchivedRegion(_Archived):
    """A region and how it adjusts dimension weights."""

    tag: str
    name: ArchivedText
    weight_adjustments: dict[str, float] = {}


class ArchivedMarket(_Archived):
    """A catalog market: its regions and how it adjusts dimension weights."""

    code: str
    name: ArchivedText
    regions: tuple[str, ...]
    weight_adjustments: dict[str, float] = {}


class CatalogArchive(_Archived):
    """One released catalog version, as much of it as scoring and the change list need."""

    format: int = ARCHIVE_FORMAT
    version: str
    maturity_levels: tuple[ArchivedText, ...]
    dimensions: tuple[ArchivedDimension, ...]
    regions: tuple[ArchivedRegion, ...] = ()
    markets: tuple[ArchivedMarket, ...] = ()
    items: tuple[ArchivedItem, ...]

    def __hash__(self) -> int:  # immutable, compared by value: kept in the caches below
        return hash((self.version, len(self.items)))

    def item_map(self) -> dict[str, ArchivedItem]:
        """Every question by id (general ones and markets' own)."""
        return {item.id: item for item in self.items}

    def to_catalog(self) -> Catalog:
        """A catalog the scoring code can score with, built from the archive (kept per archive)."""
        return _catalog_of(self)

    def dump(self) -> str:
        """The archive as the JSON text kept in ``checklists/history``."""
        data = self.model_dump(mode="json", exclude_defaults=True)
        data["format"] = self.format

        def compact(value: object) -> str:
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

        # One entry a line: small, and a new release reads as a diff of questions.
        lines = []
        for key, value in data.items():
            if isinstance(value, list):
                entries = ",\n  ".join(compact(entry) for entry in value)
                lines.append(f" {compact(key)}: [\n  {entries}\n ]")
            else:
                lines.append(f" {compact(key)}: {compact(value)}")
        return "{\n" + ",\n".join(lines) + "\n}\n"


@lru_cache(maxsize=16)
def _catalog_of(archive: CatalogArchive) -> Catalog:
    def text(value: ArchivedText) -> LocalizedText:
        return value.localized()

    extra: dict[str, list[Item]] = {}
    general: dict[str, Item] = {}
    for archived in archive.items:
        if archived.market is None:
            general[archived.id] = archived.to_item()
        else:
            extra.setdefault(archived.market, []).append(archived.to_item())
    return Catalog(
        version=archive.version,
        maturity_levels=tuple(text(level) for level in archive.maturity_levels),
        dimensions={
            d.id: Dimension.model_construct(
                id=d.id, name=text(d.name), description=text(d.name), weight=d.weight
            )
            for d in archive.dimensions
        },
        items=general,
        markets={
            m.code: MarketProfile.model_construct(
                kind="market",
                code=m.code,
                name=text(m.name),
                summary=text(m.name),
                regions=list(m.regions),
                weight_adjustments=dict(m.weight_adjustments),
                incentives=[],
                notes=[],
                extra_items=extra.get(m.code, []),
            )
            for m in archive.markets
        },
        regions={
            r.tag: RegionProfile.model_construct(
                kind="region",
                tag=r.tag,
                name=text(r.name),
                summary=text(r.name),
                weight_adjustments=dict(r.weight_adjustments),
                notes=[],
            )
            for r in archive.regions
        },
        seeds={},
        references={},
    )


class ArchiveError(ValueError):
    """An archive file that cannot be read; the message names the file."""


# --- the current catalog in the archive's shape -------------------------------------


def _archived_text(text: LocalizedText) -> ArchivedText:
    return ArchivedText(en=text.en, zh=text.zh)


def _archived_item(item: Item, market: str | None) -> ArchivedItem:
    return ArchivedItem(
        id=item.id,
        market=market,
        dimension=item.dimension,
        scope=item.scope.value,
        scale=item.scale.value,
        weight=item.weight,
        critical=item.critical,
        allow_na=item.allow_na,
        applies_to=tuple(item.applies_to),
        relevant_if=(
            ArchivedCondition(item=item.relevant_if.item, at_least=item.relevant_if.at_least)
            if item.relevant_if
            else None
        ),
        lead_time_weeks=item.lead_time_weeks,
        text=_archived_text(item.text),
        levels=tuple(_archived_text(level) for level in item.levels) if item.levels else None,
    )


@lru_cache(maxsize=16)
def archive_of(catalog: Catalog) -> CatalogArchive:
    """The catalog as its archive would hold it (to compare versions, or to write one)."""
    items = [_archived_item(item, None) for item in catalog.items.values()]
    for market in catalog.markets.values():
        items.extend(_archived_item(item, market.code) for item in market.extra_items)
    return CatalogArchive(
        version=catalog.version,
        maturity_levels=tuple(_archived_text(level) for level in catalog.maturity_levels),
        dimensions=tuple(
            ArchivedDimension(id=d.id, weight=d.weight, name=_archived_text(d.name))
            for d in catalog.dimensions.values()
        ),
        regions=tuple(
            ArchivedRegion(
                tag=r.tag,
                name=_archived_text(r.name),
                weight_adjustments=dict(r.weight_adjustments),
            )
            for r in catalog.regions.values()
        ),
        markets=tuple(
            ArchivedMarket(
                code=m.code,
                name=_archived_text(m.name),
                regions=tuple(m.regions),
                weight_adjustments=dict(m.weight_adjustments),
            )
            for m in catalog.markets.values()
        ),
        items=tuple(items),
    )


# --- reading and writing archives ----------------------------------------------------


def read_archive(path: Path) -> CatalogArchive:
    """Read one archive file.

    Raises:
        ArchiveError: the file is missing, not JSON, or not an archive.
    """
    try:
        return CatalogArchive.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as error:
        raise ArchiveError(f"{path}: not a readable catalog archive ({error})") from None


def history_folder(content: Path | None = None) -> Path:
    """Where the archives of released versions are kept (inside the content folder)."""
    return (content if content is not None else asset_dir("checklists")) / ARCHIVE_FOLDER


def load_history(folder: Path | None = None) -> dict[str, CatalogArchive]:
    """Every archived catalog version by its version; a file that cannot be read is skipped,
    so one damaged archive never stops the app (its version is then reported as unknown)."""
    where = folder if folder is not None else history_folder()
    archives: dict[str, CatalogArchive] = {}
    if not where.is_dir():
        return archives
    for path in sorted(where.glob("*.json")):
        try:
            archive = read_archive(path)
        except ArchiveError:
            continue
        archives[archive.version] = archive
    return archives


# Plain YAML, read without today's content rules: old content stays archivable.
def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _text(raw: Mapping[str, Any]) -> ArchivedText:
    return ArchivedText(en=str(raw["en"]).strip(), zh=str(raw["zh"]).strip())


def _raw_item(raw: Mapping[str, Any], market: str | None) -> ArchivedItem:
    levels = raw.get("levels")
    condition = raw.get("relevant_if")
    return ArchivedItem(
        id=raw["id"],
        market=market,
        dimension=raw["dimension"],
        scope=raw["scope"],
        scale=raw.get("scale", "maturity"),
        weight=raw["weight"],
        critical=bool(raw.get("critical", False)),
        allow_na=bool(raw.get("allow_na", False)),
        applies_to=tuple(raw.get("applies_to", ["all"])),
        relevant_if=ArchivedCondition(**condition) if condition else None,
        lead_time_weeks=raw.get("lead_time_weeks", 0),
        text=_text(raw["text"]),
        levels=tuple(_text(level) for level in levels) if levels else None,
    )


def archive_folder(content: Path) -> CatalogArchive:
    """Archive the content in ``content`` (a ``checklists`` folder of any release).

    Reads the YAML as plain data: content released under older rules (which
    today's loader would refuse) is archived as it was.

    Raises:
        ArchiveError: a file is missing a field the archive needs.
    """
    try:
        header = _yaml(content / "catalog.yaml")
        items: list[ArchivedItem] = []
        markets: list[ArchivedMarket] = []
        regions: list[ArchivedRegion] = []
        for path in sorted((content / "items").glob("*.yaml")):
            items.extend(_raw_item(raw, None) for raw in _yaml(path)["items"])
        for path in sorted((content / "regions").glob("*.yaml")):
            raw = _yaml(path)
            regions.append(
                ArchivedRegion(
                    tag=raw["tag"],
                    name=_text(raw["name"]),
                    weight_adjustments=raw.get("weight_adjustments") or {},
                )
            )
        extra: list[ArchivedItem] = []
        for path in sorted((content / "markets").glob("*.yaml")):
            raw = _yaml(path)
            markets.append(
                ArchivedMarket(
                    code=raw["code"],
                    name=_text(raw["name"]),
                    regions=tuple(raw["regions"]),
                    weight_adjustments=raw.get("weight_adjustments") or {},
                )
            )
            extra.extend(_raw_item(item, raw["code"]) for item in raw.get("extra_items") or ())
        return CatalogArchive(
            version=str(header["version"]),
            maturity_levels=tuple(_text(level) for level in header["maturity_levels"]),
            dimensions=tuple(
                ArchivedDimension(id=d["id"], weight=d["weight"], name=_text(d["name"]))
                for d in header["dimensions"]
            ),
            regions=tuple(regions),
            markets=tuple(markets),
            items=tuple(items + extra),
        )
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as error:
        raise ArchiveError(f"{content}: cannot archive this content ({error!r})") from None
