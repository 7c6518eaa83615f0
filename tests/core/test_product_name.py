"""The product's name in both languages is written once, and the report's title says it."""

from __future__ import annotations

from pathlib import Path

import yaml

from readiness import APP_NAME, APP_NAME_ZH, product_name

LABELS = Path(__file__).resolve().parents[2] / "reports" / "labels.yaml"


def test_each_language_has_its_name() -> None:
    assert product_name("en") == APP_NAME
    assert product_name("zh") == APP_NAME_ZH
    assert product_name("fr") == APP_NAME  # any other language: the English name
    assert APP_NAME_ZH and all("\u4e00" <= c <= "\u9fff" for c in APP_NAME_ZH)


def test_the_report_title_carries_the_products_name_in_each_language() -> None:
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    assert APP_NAME in labels["en"]["report_title"]
    assert APP_NAME_ZH in labels["zh"]["report_title"]
