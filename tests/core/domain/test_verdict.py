"""The verdict, as docs/methodology.md §11 states it: decisive only when the lead survives."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

import pytest

from readiness.content.facts import FactKey
from readiness.domain.answers import AnswerValue
from readiness.domain.attractiveness import Factor, MarketAttractiveness, market_attractiveness
from readiness.domain.comparison import score_assessment
from readiness.domain.scoring import AnswerKey, MarketInput
from readiness.domain.verdict import MIN_MARGIN, Undecided, Verdict, decide
from readiness.domain.verdict_text import explain
from tests.core.domain.test_attractiveness import fact
from tests.core.domain.test_scoring import example_catalog

CATALOG = example_catalog()
ALPHA = MarketInput("XX")
BETA = MarketInput("YY", custom_region="eu", custom_name="Beta")
NAMES = {"XX": "Alpha", "YY": "Beta"}
QUESTIONS = ("CERT-001", "CERT-002", "CERT-003", "LOGI-001", "LOGI-002", "LOGI-003")


def answers(market: str, *levels: str | None) -> dict[AnswerKey, AnswerValue]:
    """One market's answers to the six questions, in order; None leaves one unanswered."""
    return {
        (item, market): AnswerValue(level)
        for item, level in zip(QUESTIONS, levels, strict=True)
        if level is not None
    }


def verdict(
    given: Mapping[AnswerKey, AnswerValue],
    markets: tuple[MarketInput, ...] = (ALPHA, BETA),
    appeal: Mapping[str, MarketAttractiveness] | None = None,
) -> Verdict:
    score = score_assessment(CATALOG, markets, given)
    return decide(CATALOG, score, markets, given, appeal or {})


def words(result: Verdict, language: str = "en", appeal: object = None) -> str:
    text = explain(result, CATALOG, NAMES, appeal or {}, language)  # type: ignore[arg-type]
    return "\n".join((text.headline, text.decision, text.facts, *text.to_decide))


# The methodology's worked example: Alpha answered 3 throughout (75 points); Beta
# answered 3 for certification, 2 for two logistics questions, the third open.
WORKED = {**answers("XX", *"333333"), **answers("YY", "3", "3", "3", "2", "2", None)}


class TestWorkedExample:
    def test_a_lead_the_open_questions_cannot_reverse_is_decisive(self) -> None:
        result = verdict(WORKED)
        assert (result.recommended, result.runner_up) == ("XX", "YY")
        assert result.margin == pytest.approx(11.36, abs=0.01)  # 75 against 63.64
        # Beta's open question at 4 gives it 68.18: Alpha still leads by 6.82.
        assert result.worst_margin == pytest.approx(6.82, abs=0.01)
        assert result.swing == pytest.approx(4.55, abs=0.01)
        assert result.decisive and result.undecided is None
        assert "Enter Alpha first: it leads Beta by 11 points" in words(result)

    def test_a_lead_the_open_questions_could_reverse_is_too_close_to_call(self) -> None:
        # Alpha does not know about one logistics question: Beta now leads by 2.27,
        # but Beta's open question at 0 and Alpha's at 4 would put Alpha 20 ahead.
        given = {**WORKED, ("LOGI-002", "XX"): AnswerValue.UNKNOWN}
        result = verdict(given)
        assert result.recommended == "YY"
        assert result.margin == pytest.approx(2.27, abs=0.01)
        assert not result.decisive
        assert result.undecided is Undecided.OPEN_QUESTIONS
        assert {(q.item_id, q.market) for q in result.to_decide} == {
            ("LOGI-002", "XX"),
            ("LOGI-003", "YY"),
        }
        text = words(result)
        assert "Too close to call: Beta leads Alpha by 2.3 points" in text
        assert "LOGI-002 (Alpha): A question?" in text
        assert "难分高下" in words(result, "zh")


def test_a_tie_is_never_decisive() -> None:
    result = verdict({**answers("XX", *"333333"), **answers("YY", *"333333")})
    assert result.margin == 0.0
    assert result.open_count == 0
    assert not result.decisive
    assert result.undecided is Undecided.SMALL_MARGIN
    assert f"a lead under {MIN_MARGIN:.0f} points is not called" in words(result)


def test_a_complete_lead_under_the_minimum_margin_is_not_called() -> None:
    result = verdict({**answers("XX", *"333333"), **answers("YY", *"333332")})
    assert 0 < (result.margin or 0) < MIN_MARGIN
    assert result.undecided is Undecided.SMALL_MARGIN


class TestBlockedLeader:
    def test_a_higher_score_with_a_blocker_is_not_recommended(self) -> None:
        given = {**answers("XX", *"333333"), **answers("YY", *"144444")}
        result = verdict(given)
        score = score_assessment(CATALOG, (ALPHA, BETA), given)
        assert score.markets["YY"].overall > score.markets["XX"].overall
        assert result.recommended == "XX"
        assert result.runner_blockers == ("CERT-001",)
        assert result.decisive
        text = words(result)
        assert "Alpha: no blockers, while Beta is blocked by CERT-001" in text
        assert "Enter Alpha first: Beta has a blocker." in text

    def test_an_open_critical_question_of_the_leader_leaves_the_call_open(self) -> None:
        # Answered low, Alpha's own critical question would block it too.
        given = {**answers("XX", None, *"33333"), **answers("YY", *"144444")}
        result = verdict(given)
        assert result.recommended == "XX"
        assert result.undecided is Undecided.OPEN_QUESTIONS
        assert result.to_decide[0].item_id == "CERT-001" and result.to_decide[0].critical

    def test_when_every_market_is_blocked_none_is_recommended_outright(self) -> None:
        result = verdict({**answers("XX", *"133333"), **answers("YY", *"033333")})
        assert result.undecided is Undecided.ALL_BLOCKED
        assert not result.decisive
        assert "every market has a blocker; Alpha is closest" in words(result)


def test_one_market_is_decisive_unless_blocked() -> None:
    assert verdict(answers("XX", *"333333"), (ALPHA,)).decisive
    blocked = verdict(answers("XX", *"033333"), (ALPHA,))
    assert blocked.undecided is Undecided.ALL_BLOCKED


def test_no_markets_no_verdict() -> None:
    result = verdict({}, ())
    assert result.recommended is None and not result.decisive
    assert words(result).startswith("No target markets yet.")


# Only duties weigh here, so that one fact gives a whole score.
ACCESS_ONLY = {factor: 100.0 if factor is Factor.ACCESS else 0.0 for factor in Factor}


class TestFacts:
    APPEAL: ClassVar[dict[str, MarketAttractiveness]] = {
        "XX": market_attractiveness(
            "XX",
            [fact(FactKey.DUTY_MFN_PARTS, "10"), fact(FactKey.DUTY_PREF_PARTS, "0", "ACFTA")],
            weights=ACCESS_ONLY,
        ),
        "YY": market_attractiveness(
            "YY", [fact(FactKey.DUTY_MFN_PARTS, "10")], weights=ACCESS_ONLY
        ),
    }

    def test_the_reason_names_the_fact_that_favours_the_leader(self) -> None:
        result = verdict(WORKED, appeal=self.APPEAL)
        assert result.fact_edge is Factor.ACCESS
        assert "duty-free under ACFTA (against 10%)" in words(result, appeal=self.APPEAL)
        assert "依ACFTA零关税" in words(result, "zh", appeal=self.APPEAL)

    def test_a_chinese_reason_names_the_agreement_in_chinese_where_the_content_gives_it(
        self,
    ) -> None:
        preference = fact(FactKey.DUTY_PREF_PARTS, "0", "ACFTA").model_copy(
            update={"qualifier_zh": "中国—东盟自贸区"}
        )
        appeal = {
            **self.APPEAL,
            "XX": market_attractiveness(
                "XX", [fact(FactKey.DUTY_MFN_PARTS, "10"), preference], weights=ACCESS_ONLY
            ),
        }
        result = verdict(WORKED, appeal=appeal)
        assert "依中国—东盟自贸区零关税" in words(result, "zh", appeal=appeal)
        assert "duty-free under ACFTA" in words(result, appeal=appeal)

    def test_when_too_close_the_facts_say_which_market_is_worth_more(self) -> None:
        given = {**answers("XX", *"333333"), **answers("YY", *"333333")}
        result = verdict(given, appeal=self.APPEAL)
        assert result.attractiveness == (100.0, 75.0)
        assert "On market facts, Alpha is the more attractive (100 against 75 for Beta)." in (
            words(result, appeal=self.APPEAL)
        )

    def test_a_market_without_facts_adds_no_fact_to_the_reason(self) -> None:
        appeal = {"XX": self.APPEAL["XX"], "YY": market_attractiveness("YY", ())}
        result = verdict({**answers("XX", *"333333"), **answers("YY", *"333333")}, appeal=appeal)
        assert result.attractiveness == (100.0, None)
        assert result.fact_edge is None
        assert explain(result, CATALOG, NAMES, appeal, "en").facts == ""


def test_the_methodology_states_what_the_engine_computes() -> None:
    from pathlib import Path

    document = Path(__file__).parents[3] / "docs" / "methodology.md"
    text = " ".join(document.read_text(encoding="utf-8").split())
    english = text[text.index("#### Worked example: the verdict") :]
    chinese = text[text.index("#### 计算示例：结论") :]
    decided = verdict(WORKED)
    close = verdict({**WORKED, ("LOGI-002", "XX"): AnswerValue.UNKNOWN})
    for shown in (
        f"**{decided.margin:.2f}**",
        f"{decided.margin - decided.swing:.2f}",  # the worst margin
        f"{decided.swing:.2f}",
        f"{close.margin:.2f}",
        f"{-(close.worst_margin or 0):.0f}",
    ):
        assert shown in english
        assert shown in chinese
