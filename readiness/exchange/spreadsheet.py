"""The assessment as an Excel workbook, for managers who live in spreadsheets."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

from readiness.content.catalog import Catalog
from readiness.content.model import ScaleKind
from readiness.domain.answers import AnswerValue
from readiness.domain.evidence import evidence_name
from readiness.domain.results import AssessmentResult
from readiness.domain.rounding import round_half_up
from readiness.domain.verdict_text import explain
from readiness.exchange.plan_sheet import entry_sheet, plan_sheet
from readiness.exchange.sheet_style import style_header
from readiness.files import write_atomically

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


# What makes a spreadsheet read a cell as a formula, or makes it one once the
# user edits the cell (the usual spreadsheet-injection leaders).
FORMULA_LEADERS = ("=", "+", "-", "@", "\t", "\r")


def keep_text_as_text(book: Workbook) -> None:
    """Make every text cell plain text: the workbook holds no formula at all.

    Company names, titles, notes, owners and market names are the user's (or an
    imported file's) words: ``=HYPERLINK(...)`` typed as a company name must stay
    those characters. openpyxl turns any string starting with ``=`` into a
    formula, so each text cell is typed as a string; one starting with a leader
    is also quote-prefixed, so editing it in Excel does not turn it into one.
    """
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    if cell.value.startswith(FORMULA_LEADERS):
                        cell.quotePrefix = True


def write_workbook(
    result: AssessmentResult, catalog: Catalog, out: Path, *, language: str = "en"
) -> None:
    """Write profile, answers, scores, comparison and action plan to ``out`` (.xlsx), atomically."""
    labels = _LABELS["zh" if language == "zh" else "en"]
    assessment = result.assessment
    company = result.company
    names = result.market_names(catalog, language)

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
        ("markets", ", ".join(names[m.code] for m in result.markets)),
    ):
        summary.append([str(labels[key]), value])
    summary.column_dimensions["A"].width = 22
    summary.column_dimensions["B"].width = 80

    sheet = book.create_sheet(str(labels["answers"]))
    sheet.append(list(labels["columns"]))
    items = catalog.all_items
    # In the questionnaire's order (dimension by dimension), each question's rows by market.
    question_rank = {item.id: n for n, item in enumerate(catalog.questions_in_order)}
    market_rank = {m.code: n for n, m in enumerate(result.markets)}
    in_order = sorted(
        result.answers.values(),
        key=lambda a: (
            question_rank.get(a.item_id, len(question_rank)),
            market_rank.get(a.market_code or "", -1),
        ),
    )
    for answer in in_order:
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
                "; ".join(evidence_name(entry) for entry in answer.evidence),
                answer.updated_at.strftime("%Y-%m-%d %H:%M"),
                answer.updated_by,
            ]
        )
    style_header(sheet, [18, 12, 60, 16, 8, 24, 40, 24, 17, 14])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)

    _score_sheets(book, result, catalog, names, language)

    keep_text_as_text(book)
    # Built in memory, then written: a full disk fails the plain write (whose
    # temporary file is removed), not openpyxl's zip archive half-way, which
    # would be left open and complain when collected.
    content = io.BytesIO()
    book.save(content)
    write_atomically(out, lambda stream: stream.write(content.getbuffer()), suffix=".xlsx")


_SCORE_LABELS = {
    "en": {
        "scores": "Scores",
        "comparison": "Comparison",
        "score_columns": (
            "Market",
            "Dimension",
            "Score (0-100)",
            "Weight",
            "Answered",
            "Applicable",
        ),
        "dimension": "Dimension",
        "overall": "Readiness (0-100)",
        "level": "Level",
        "completeness": "Completeness",
        "provisional": "Provisional",
        "blockers": "Blockers",
        "best": "Where to go first",
        "decision": "Verdict",
        "to_decide": "To decide, answer or fix",
        "confidence": "Confidence",
        "attractiveness": "Attractiveness (0-100)",
        "coverage": "Attractiveness: share of weight with data",
        "no_data": "no data",
        "yes": "yes",
        "no": "no",
    },
    "zh": {
        "scores": "得分",
        "comparison": "市场对比",
        "score_columns": ("市场", "维度", "得分（0-100）", "权重", "已答", "适用"),
        "dimension": "维度",
        "overall": "准备度（0-100）",
        "level": "等级",
        "completeness": "完成度",
        "provisional": "暂定",
        "blockers": "阻碍项",
        "best": "优先进入哪个市场",
        "decision": "结论",
        "to_decide": "需回答或解决以作判断",
        "confidence": "可信度",
        "attractiveness": "吸引力（0-100）",
        "coverage": "吸引力：有数据的权重占比",
        "no_data": "无数据",
        "yes": "是",
        "no": "否",
    },
}


def _score_sheets(
    book: Workbook,
    result: AssessmentResult,
    catalog: Catalog,
    names: dict[str, str],
    language: str,
) -> None:
    labels = _SCORE_LABELS["zh" if language == "zh" else "en"]
    yes, no = str(labels["yes"]), str(labels["no"])
    markets = result.score.markets

    scores = book.create_sheet(str(labels["scores"]))
    scores.append(list(labels["score_columns"]))
    for code, market in markets.items():
        for dimension, score in market.dimensions.items():
            scores.append(
                [
                    names[code],
                    catalog.dimensions[dimension].name.get(language),
                    None if score.score is None else round_half_up(score.score, 1),
                    round_half_up(score.weight, 3),
                    score.answered,
                    score.applicable,
                ]
            )
    style_header(scores, [18, 26, 14, 10, 10, 10])

    matrix = book.create_sheet(str(labels["comparison"]))
    codes = list(markets)
    matrix.append([str(labels["dimension"]), *(names[c] for c in codes)])
    for dimension in catalog.dimensions:
        row: list[object] = [catalog.dimensions[dimension].name.get(language)]
        for code in codes:
            value = markets[code].dimensions[dimension].score
            row.append(None if value is None else round_half_up(value, 1))
        matrix.append(row)
    matrix.append([str(labels["overall"]), *(round_half_up(markets[c].overall, 1) for c in codes)])
    matrix.append([str(labels["level"]), *(markets[c].level.label.get(language) for c in codes)])
    matrix.append(
        [str(labels["completeness"]), *(round_half_up(markets[c].completeness, 3) for c in codes)]
    )
    matrix.append(
        [str(labels["provisional"]), *(yes if markets[c].provisional else no for c in codes)]
    )
    matrix.append([str(labels["blockers"]), *(", ".join(markets[c].blockers) for c in codes)])
    matrix.append(
        [
            str(labels["confidence"]),
            *(markets[c].confidence_band.label.get(language) for c in codes),
        ]
    )
    appeal = result.attractiveness
    matrix.append(
        [
            str(labels["attractiveness"]),
            *(
                str(labels["no_data"])
                if appeal[c].score is None
                else round_half_up(appeal[c].score or 0, 1)
                for c in codes
            ),
        ]
    )
    matrix.append([str(labels["coverage"]), *(round_half_up(appeal[c].coverage, 3) for c in codes)])
    matrix.append([])
    if result.verdict is not None:
        said = explain(result.verdict, catalog, names, appeal, language)
        matrix.append([str(labels["best"]), said.headline])
        matrix.append(
            [str(labels["decision"]), " ".join(filter(None, (said.decision, said.facts)))]
        )
        for line in said.to_decide:
            matrix.append([str(labels["to_decide"]), line])
    style_header(matrix, [26, *([16] * len(codes))])

    plan_sheet(book, result, catalog, names, language)
    entry_sheet(book, result, names, language)
