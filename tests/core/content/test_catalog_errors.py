"""Broken content gives a located, readable error, never a traceback."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.content.catalog import load_catalog, load_files
from readiness.content.documents import ContentError

FIXTURE = Path(__file__).parent / "content_fixture"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def only_problem(root: Path) -> tuple[str, int | None, str]:
    with pytest.raises(ContentError) as caught:
        load_catalog(root)
    assert len(caught.value.problems) == 1, caught.value.problems
    problem = caught.value.problems[0]
    return problem.path.name, problem.line, problem.message


def test_the_fixture_itself_is_valid(content: Path) -> None:
    catalog = load_catalog(content)
    assert list(catalog.all_items) == ["CERT-001", "CERT-002", "XITA-001"]


def test_bad_yaml_names_file_and_line(content: Path) -> None:
    edit(content / "items" / "certification.yaml", "    scope: market\n    weight: 3", "  scope: [")
    name, line, message = only_problem(content)
    assert (name, line) == ("certification.yaml", 6)
    assert message.startswith("invalid YAML")


def test_unknown_key_is_refused_where_it_stands(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "    weight: 3\n",
        "    weight: 3\n    wieght: 2\n",
    )
    name, line, message = only_problem(content)
    assert (name, line) == ("certification.yaml", 8)
    assert "items[0].wieght" in message
    assert "Extra inputs are not permitted" in message


def test_duplicate_item_id_points_at_both(content: Path) -> None:
    edit(content / "markets" / "it.yaml", "id: XITA-001", "id: CERT-001")
    name, line, message = only_problem(content)
    assert (name, line) == ("it.yaml", 14)
    assert "duplicate item id 'CERT-001'" in message
    assert "certification.yaml:2" in message


def test_duplicate_yaml_key_is_an_error(content: Path) -> None:
    edit(content / "regions" / "eu.yaml", "tag: eu\n", "tag: eu\ntag: asean\n")
    name, line, message = only_problem(content)
    assert (name, line) == ("eu.yaml", 3)
    assert "duplicate key 'tag'" in message


def test_dangling_relevant_if(content: Path) -> None:
    edit(content / "items" / "certification.yaml", "item: CERT-001", "item: CERT-099")
    name, line, message = only_problem(content)
    assert (name, line) == ("certification.yaml", 25)
    assert "unknown item 'CERT-099'" in message


def test_unknown_speaker_for_a_seed(content: Path) -> None:
    edit(content / "markets" / "it.yaml", "speaker: David", "speaker: Nobody")
    name, line, message = only_problem(content)
    assert (name, line) == ("it.yaml", 12)
    assert "speaker 'Nobody' is not listed" in message


def test_unknown_region_tag(content: Path) -> None:
    edit(content / "markets" / "it.yaml", "regions: [eu]", "regions: [europe]")
    name, line, message = only_problem(content)
    assert (name, line) == ("it.yaml", 5)
    assert "unknown region tag 'europe'" in message


def test_missing_translation(content: Path) -> None:
    edit(content / "regions" / "eu.yaml", "name: {en: European Union, zh: 欧盟}", "name: {en: EU}")
    name, line, message = only_problem(content)
    assert (name, line) == ("eu.yaml", 3)
    assert "name.zh: Field required" in message


def test_english_left_in_the_chinese_slot(content: Path) -> None:
    edit(content / "regions" / "eu.yaml", "zh: 欧盟}", "zh: European Union}")
    _, _, message = only_problem(content)
    assert "no Chinese characters" in message


def test_relevant_if_cycle(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "    critical: true\n",
        "    critical: true\n    relevant_if: {item: CERT-002, at_least: 4}\n",
    )
    with pytest.raises(ContentError) as caught:
        load_catalog(content)
    assert any("cycle" in problem.message for problem in caught.value.problems)


def test_company_question_cannot_depend_on_a_market_question(content: Path) -> None:
    edit(content / "items" / "certification.yaml", "    scale: yes_no", "    scale: yes_no")
    text = (content / "items" / "certification.yaml").read_text(encoding="utf-8")
    second = text.index("id: CERT-002")
    text = text[:second] + text[second:].replace("scope: market", "scope: company", 1)
    (content / "items" / "certification.yaml").write_text(text, encoding="utf-8")
    _, _, message = only_problem(content)
    assert "cannot depend on market-scope 'CERT-001'" in message


def test_every_problem_is_reported_at_once(content: Path) -> None:
    edit(content / "markets" / "it.yaml", "regions: [eu]", "regions: [europe]")
    edit(content / "items" / "certification.yaml", "dimension: certification", "dimension: cert")
    with pytest.raises(ContentError) as caught:
        load_catalog(content)
    assert len(caught.value.problems) == 2


def test_command_line_prints_file_line_message_and_exits_1(content: Path) -> None:
    edit(content / "markets" / "it.yaml", "regions: [eu]", "regions: [europe]")
    result = subprocess.run(
        [sys.executable, "-m", "readiness", "validate", str(content)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "markets/it.yaml:5: unknown region tag 'europe'" in result.stderr
    assert "Traceback" not in result.stderr


def test_command_line_checks_a_single_file_against_the_bundled_catalog(content: Path) -> None:
    single = content / "regions" / "eu.yaml"
    edit(single, "tag: eu", "tag: 12")
    result = subprocess.run(
        [sys.executable, "-m", "readiness", "validate", str(single)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "eu.yaml:2: tag: Input should be a valid string" in result.stderr


def test_a_file_that_is_not_content(content: Path) -> None:
    (content / "notes.yaml").write_text("hello: world\n", encoding="utf-8")
    name, line, message = only_problem(content)
    assert (name, line) == ("notes.yaml", 1)
    assert "not a content file" in message


def test_binary_garbage(content: Path) -> None:
    (content / "broken.yaml").write_bytes(b"\xff\xfe\x00garbage")
    name, _, message = only_problem(content)
    assert name == "broken.yaml"
    assert "not UTF-8" in message


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["items", "id", "dimension", "text", "en", "zh", "kind", "market", "tag", "seeds"]
            )
            | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=yaml_values | st.text(max_size=80))
def test_random_documents_only_ever_give_content_errors(tmp_path: Path, document: object) -> None:
    path = tmp_path / "random.yaml"
    text = document if isinstance(document, str) else yaml.safe_dump(document, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_files([path, FIXTURE / "catalog.yaml"])
    assert all(str(problem) for problem in caught.value.problems)


def test_a_critical_question_must_name_its_show_stopper(content: Path) -> None:
    edit(content / "items" / "certification.yaml", "    blocks: no_approval\n", "")
    name, _, message = only_problem(content)
    assert name == "certification.yaml"
    assert "names the show-stopper" in message and "no_delivery" in message


def test_only_a_critical_question_names_a_show_stopper(content: Path) -> None:
    edit(content / "items" / "certification.yaml", "    critical: true\n", "")
    _, _, message = only_problem(content)
    assert "blocks is only for a critical question" in message


def test_a_market_may_not_weight_again_what_its_region_weights(content: Path) -> None:
    edit(
        content / "markets" / "it.yaml",
        "regions: [eu]\n",
        "regions: [eu]\nweight_adjustments: {certification: 1.3}\n",
    )
    name, _, message = only_problem(content)
    assert name == "it.yaml"
    assert "'certification' is already weighted x1.3 by the region 'eu'" in message


def test_a_reference_reviewed_before_it_was_checked_is_refused(content: Path) -> None:
    edit(content / "sources.yaml", "    review_by: 2027-12-01\n", "    review_by: 2026-01-01\n")
    name, _, message = only_problem(content)
    assert name == "sources.yaml"
    assert "review_by must come after as_of" in message


@pytest.mark.parametrize("field", ["as_of", "review_by"])
def test_a_reference_without_its_status_dates_is_refused(content: Path, field: str) -> None:
    sources = content / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    line = next(row for row in text.splitlines(keepends=True) if row.startswith(f"    {field}:"))
    edit(sources, line, "")
    name, line_number, message = only_problem(content)
    assert name == "sources.yaml"
    assert line_number is not None
    reference_line = text.splitlines().index("  - id: REF-HS") + 1
    assert line_number >= reference_line
    assert field in message


def test_validate_lists_references_past_their_review_date(content: Path) -> None:
    from readiness.cli.content import past_review

    edit(content / "sources.yaml", "    review_by: 2027-12-01\n", "    review_by: 2027-06-30\n")
    catalog = load_catalog(content)
    assert past_review(catalog, dt.date(2027, 6, 30)) == []
    (line,) = past_review(catalog, dt.date(2027, 7, 1))
    assert line.startswith("review due: REF-HS (HS Nomenclature), checked 2026-12-02")
    assert "2027-06-30" in line


# Fair questions (issue 15): the checks below catch what wording can be checked mechanically.
_LEVELS = "    levels:\n" + "".join(
    f"      - {{en: '{en}', zh: '{zh}'}}\n"
    for en, zh in (
        ("Not looked into", "尚未梳理"),
        ("General idea only", "只有大致了解"),
        ("List drafted", "已有初步清单"),
        ("List confirmed", "清单已确认"),
        ("Confirmed per variant", "已按型号确认"),
    )
)


def _with_levels(content: Path, old_label: str = "", new_label: str = "") -> None:
    levels = _LEVELS.replace(old_label, new_label) if old_label else _LEVELS
    edit(content / "items" / "certification.yaml", "    weight: 3\n", levels + "    weight: 3\n")


def test_the_fixture_with_its_own_levels_is_valid(content: Path) -> None:
    _with_levels(content)
    assert load_catalog(content).all_items["CERT-001"].levels is not None


def test_a_question_that_suggests_its_answer_is_refused(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "approvals you need?",
        "approvals you need rather than guess?",
    )
    name, _, message = only_problem(content)
    assert name == "certification.yaml"
    assert "suggests its answer ('rather than')" in message


def test_a_chinese_question_that_suggests_its_answer_is_refused(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "是否清楚所需认证\uff1f",
        "是否清楚所需认证，而不是凭感觉\uff1f",
    )
    _, _, message = only_problem(content)
    assert "suggests its answer" in message


def test_a_text_asking_two_questions_is_refused(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "approvals you need?",
        "approvals you need? And their cost?",
    )
    _, _, message = only_problem(content)
    assert "one question" in message


@pytest.mark.parametrize(
    ("en", "zh"),
    [("Don't know", "尚未梳理"), ("Unknown", "尚未梳理"), ("Not looked into", "不清楚")],
)
def test_a_level_labelled_like_the_dont_know_answer_is_refused(
    content: Path, en: str, zh: str
) -> None:
    _with_levels(content, "{en: 'Not looked into', zh: '尚未梳理'}", f'{{en: "{en}", zh: "{zh}"}}')
    _, _, message = only_problem(content)
    assert "level 0 is labelled like the separate Don't-know answer" in message


def test_an_unchecked_assumption_above_level_0_is_refused(content: Path) -> None:
    _with_levels(content, "General idea only", "Assumed the Chinese list is enough")
    _, _, message = only_problem(content)
    assert (
        "level 1 ('Assumed the Chinese list is enough') rewards an unchecked assumption" in message
    )


def test_an_unchecked_assumption_in_chinese_is_refused(content: Path) -> None:
    _with_levels(content, "只有大致了解", "默认国内清单即可")
    _, _, message = only_problem(content)
    assert "rewards an unchecked assumption" in message


def test_two_levels_with_the_same_label_are_refused(content: Path) -> None:
    _with_levels(content, "List confirmed", "List drafted")
    _, _, message = only_problem(content)
    assert "two levels have the same label" in message


def test_a_missing_prerequisite_is_a_located_error(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "    weight: 3\n",
        "    weight: 3\n    requires: [CERT-077]\n",
    )
    name, line, message = only_problem(content)
    assert (name, line) == ("certification.yaml", 8)
    assert "requires unknown item 'CERT-077'" in message


def test_a_cycle_of_prerequisites_is_refused_and_named(content: Path) -> None:
    items = content / "items" / "certification.yaml"
    edit(items, "    weight: 3\n", "    weight: 3\n    requires: [CERT-002]\n")
    edit(items, "    weight: 1\n", "    weight: 1\n    requires: [XITA-001]\n")
    edit(
        content / "markets" / "it.yaml",
        "    weight: 2\n",
        "    weight: 2\n    requires: [CERT-001]\n",
    )
    _, _, message = only_problem(content)
    assert "requires forms a cycle" in message
    assert all(item in message for item in ("CERT-001", "CERT-002", "XITA-001"))


def test_an_action_covering_an_unknown_region_is_refused(content: Path) -> None:
    edit(
        content / "items" / "certification.yaml",
        "    weight: 3\n",
        "    weight: 3\n    covers: europe\n",
    )
    _, _, message = only_problem(content)
    assert "unknown region tag 'europe'" in message
