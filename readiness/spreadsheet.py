"""The assessment as an Excel workbook, for managers who live in spreadsheets."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from readiness.answers import AnswerValue
from readiness.catalog import Catalog
from readiness.content_model import ScaleKind
from readiness.store import Store

_HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
_HEADER_FONT = Font(bold=True, color="FFFFFF")

_LABELS = {
    "en": {
        "summary": "Assessment",
        "answers": "Answers",
        "company": "Company",
        "title": "Assessment",
        "industry": "Industry segment",
        "products": "Products",
        "province": "Home province",
        "catalog": "Catalog version",
        "markets": "Target markets",
        "columns": (
            "Dimension",
            "Question ID",
            "Question",
            "Market",
            "Answer",
            "Answer label",
            "Note",
            "Evidence files",
            "Updated (UTC)",
            "Updated by",
        ),
        "company_scope": "Company-wide",
        "na": "Not applicable",
        "unknown": "Don't know",
        "yes": "Yes",
        "no": "No",
    },
    "zh": {
        "summary": "评估概况",
        "answers": "答卷",
        "company": "企业",
        "title": "评估",
        "industry": "行业细分",
        "products": "产品",
        "province": "所在省份",
        "catalog": "题库版本",
        "markets": "目标市场",
        "columns": (
            "维度",
            "题号",
            "问题",
            "市场",
            "答案",
            "答案说明",
            "备注",
            "证明材料",
            "更新时间（UTC）",
            "更新人",
        ),
        "company_scope": "全公司",
        "na": "不适用",
        "unknown": "不清楚",
        "yes": "是",
        "no": "否",
    },
}


def _style_header(sheet: Worksheet, widths: list[int]) -> None:
    for cell in sheet[1]:
        cell.fill = _HEADER_FILL
        cell.font = _HEADER_FONT
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def write_workbook(
    store: Store, catalog: Catalog, assessment_id: int, out: Path, *, language: str = "en"
) -> None:
    """Write the assessment's profile and answers to ``out`` (.xlsx), atomically."""
    labels = _LABELS["zh" if language == "zh" else "en"]
    assessment = store.assessment(assessment_id)
    company = store.company(assessment.company_id)
    markets = store.markets(assessment_id)
    names = {
        m.market_code: (
            catalog.markets[m.market_code].name.get(language)
            if m.market_code in catalog.markets
            else m.custom_name or m.market_code
        )
        for m in markets
    }

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = str(labels["summary"])
    for key, value in (
        ("company", company.name),
        ("title", assessment.title),
        ("industry", company.industry_segment),
        ("products", company.products),
        ("province", company.home_province),
        ("catalog", assessment.catalog_version),
        ("markets", ", ".join(names[m.market_code] for m in markets)),
    ):
        summary.append([str(labels[key]), value])
    summary.column_dimensions["A"].width = 22
    summary.column_dimensions["B"].width = 80

    sheet = book.create_sheet(str(labels["answers"]))
    sheet.append(list(labels["columns"]))
    items = catalog.all_items
    for answer in store.answers(assessment_id):
        item = items.get(answer.item_id)
        value = AnswerValue(answer.value)
        if value is AnswerValue.NOT_APPLICABLE:
            cell_value: int | str = str(labels["na"])
            label = str(labels["na"])
        elif value is AnswerValue.UNKNOWN:
            cell_value = str(labels["unknown"])
            label = str(labels["unknown"])
        else:
            level = int(value.value)
            cell_value = level
            if item is not None and item.scale is ScaleKind.YES_NO:
                label = str(labels["yes"] if level == 4 else labels["no"])
            elif item is not None:
                label = catalog.level_labels(item)[level].get(language)
            else:
                label = ""
        sheet.append(
            [
                catalog.dimensions[item.dimension].name.get(language) if item else "",
                answer.item_id,
                item.text.get(language) if item else "",
                names.get(answer.market_code, str(labels["company_scope"]))
                if answer.market_code
                else str(labels["company_scope"]),
                cell_value,
                label,
                answer.note,
                "; ".join(answer.evidence),
                answer.updated_at.strftime("%Y-%m-%d %H:%M"),
                answer.updated_by,
            ]
        )
    _style_header(sheet, [18, 12, 60, 16, 8, 24, 40, 24, 17, 14])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)

    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".xlsx", dir=out.parent)
    os.close(handle)
    try:
        book.save(temporary)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
