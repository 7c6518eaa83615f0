"""The terminology glossary: a banned Chinese variant anywhere in the content is a
located problem naming the term to use; correct texts, and variants that are part
of a correct wording, pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readiness.content.catalog import load_catalog
from readiness.content.documents import ContentError, ContentProblem
from readiness.content.model import Term
from readiness.content.terminology import misuses

FIXTURE = Path(__file__).parent / "content_fixture"

GLOSSARY = """\
terms:
  - en: importer of record
    zh: 记录进口商（IOR）
    banned:
      - term: 进口申报人
        note: the declarant may be a broker
      - term: 进口商（IOR）
  - en: marking
    zh: 标志
    banned:
      - term: 标识
        allow_in: [IPPC标识]
  - en: Development Contract (Italy)
    zh: 发展合同
    banned:
      - term: 开发合同
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    # The fixture's Italian incentive predates the glossary: written the right way here.
    edit(root / "markets" / "it.yaml", "zh: 开发合同}", "zh: 发展合同}")
    (root / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[ContentProblem]:
    with pytest.raises(ContentError) as caught:
        load_catalog(root)
    return caught.value.problems


def only_problem(root: Path) -> tuple[str, int | None, str]:
    found = problems(root)
    assert len(found) == 1, found
    return found[0].path.name, found[0].line, found[0].message


def test_correct_texts_pass_and_the_glossary_is_loaded(content: Path) -> None:
    catalog = load_catalog(content)
    assert [term.en for term in catalog.glossary] == [
        "importer of record",
        "marking",
        "Development Contract (Italy)",
    ]


def test_a_banned_variant_in_a_question_is_located_with_the_term_to_use(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "zh: 已与报关行确认。",
        "zh: 已与报关行和进口申报人确认。",
    )
    name, line, message = only_problem(content)
    assert (name, line) == ("certification.yaml", 18)
    assert "'进口申报人'" in message
    assert "'记录进口商（IOR）'" in message
    assert "the declarant may be a broker" in message


def test_a_variant_inside_the_preferred_term_is_no_fault(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "zh: 已与报关行确认。",
        "zh: 已与记录进口商（IOR）和报关行确认。",
    )
    load_catalog(content)


def test_the_bare_variant_next_to_the_preferred_term_is_still_caught(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "zh: 已与报关行确认。",
        "zh: 记录进口商（IOR）已确认，进口商（IOR）已付款。",
    )
    (_, _, message) = only_problem(content)
    assert "'进口商（IOR）'" in message


def test_an_allowed_wording_is_no_fault_but_the_word_alone_is(content: Path) -> None:
    path = content / "items" / "certification.yaml"
    edit(path, "zh: 列出所需认证。}", "zh: 列出所需认证，木箱加施IPPC标识。}")
    load_catalog(content)
    edit(path, "木箱加施IPPC标识", "木箱加施IPPC标识，产品加施CE标识")
    name, line, message = only_problem(content)
    assert (name, line) == ("certification.yaml", 11)
    assert "'标识'" in message and "'标志'" in message


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("markets/it.yaml", "zh: 发展合同}", "zh: 开发合同}"),  # an incentive
        ("regions/eu.yaml", "zh: 统一规则的单一市场。", "zh: 统一规则的单一市场，须加施CE标识。"),
        ("catalog.yaml", "zh: 等级4}", "zh: 标识齐全}"),  # a default level label
        (
            "catalog.yaml",
            "description: {en: About compliance, zh: 说明}",
            "description: {en: About compliance, zh: 进口申报人}",
        ),
    ],
)
def test_every_chinese_text_is_checked(content: Path, file: str, old: str, new: str) -> None:
    edit(content / file, old, new)
    name, _, message = only_problem(content)
    assert name == Path(file).name
    assert "banned by the glossary" in message


def test_a_variant_in_a_long_text_is_reported_on_its_own_line(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "    guidance: {en: A written list per market., zh: 每个市场都有书面清单。}\n",
        "    guidance:\n"
        "      en: A written list per market.\n"
        "      zh: >-\n"
        "        每个市场都有书面清单，\n"
        "        并写明由谁担任记录进口商（IOR）；\n"
        "        发证机构的标识要求也已列出。\n",
    )
    name, line, _ = only_problem(content)
    assert (name, line) == ("certification.yaml", 10)


def test_the_glossary_is_strict_about_its_keys(content: Path) -> None:
    edit(
        content / "glossary.yaml",
        "      - term: 进口申报人\n",
        "      - term: 进口申报人\n        becuase: typo\n",
    )
    name, line, message = only_problem(content)
    assert (name, line) == ("glossary.yaml", 6)
    assert "Extra inputs are not permitted" in message


def test_an_allowed_wording_must_contain_the_variant(content: Path) -> None:
    edit(content / "glossary.yaml", "allow_in: [IPPC标识]", "allow_in: [IPPC标志]")
    _, _, message = only_problem(content)
    assert "does not contain '标识'" in message


def test_a_glossary_that_bans_another_terms_preferred_wording_is_refused(content: Path) -> None:
    edit(content / "glossary.yaml", "    zh: 标志\n", "    zh: 进口申报人标志\n")
    name, line, message = only_problem(content)
    assert (name, line) == ("glossary.yaml", 9)
    assert "is banned as a variant of 'importer of record'" in message


def test_a_term_listed_twice_is_refused(content: Path) -> None:
    with (content / "glossary.yaml").open("a", encoding="utf-8") as glossary:
        glossary.write("  - en: Marking\n    zh: 标志\n    banned: [{term: 标记}]\n")
    _, _, message = only_problem(content)
    assert "duplicate glossary term 'marking'" in message


def test_guidance_quoting_the_top_level_must_quote_the_label_users_see(content: Path) -> None:
    path = content / "items" / "certification.yaml"
    # CERT-001 shows the catalog's default labels: level 4 is 等级4.
    edit(path, "zh: 每个市场都有书面清单。", "zh: 达到“已验证”的标准是：每个市场都有书面清单。")
    name, line, message = only_problem(content)
    assert (name, line) == ("certification.yaml", 5)
    assert "“已验证”" in message and "“等级4”" in message
    edit(path, "达到“已验证”的标准是", "达到“等级4”的标准是")
    load_catalog(content)


def test_matching_ignores_overlaps_only_inside_allowed_spans() -> None:
    term = Term.model_validate(
        {"en": "marking", "zh": "标志", "banned": [{"term": "标识", "allow_in": ["IPPC标识"]}]}
    )
    found = misuses("IPPC标识与标识", [term])
    assert [misuse.start for misuse in found] == [7]


def test_the_bundled_content_has_a_glossary_it_follows() -> None:
    catalog = load_catalog()
    preferred = {term.en: term.zh for term in catalog.glossary}
    assert preferred["importer of record (IOR)"] == "记录进口商（IOR）"
    assert preferred["competent authority"] == "主管部门"
    for item in catalog.all_items.values():
        assert "做到“已验证”是指" not in item.guidance.zh
