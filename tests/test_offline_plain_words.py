"""Warning signs and credit in plain words: dismissing AI, blame, refusing to apologise and
owning a problem are found in paraphrase, with negation and concession taken into account."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from answer_eval.evaluator import Evaluator
from answer_eval.judges.offline.judge import OfflineJudge
from answer_eval.judgment import Judgment
from answer_eval.rubrics.loading import default_rubric_set, load_yaml

DATA = Path(__file__).parent / "data" / "labelled_answers.yaml"
THE_ISSUES_SENTENCE = (
    "I don't really see the point of AI tools in this job; they are useless, so I never use them."
)


@cache
def labelled() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(DATA.read_text(encoding="utf-8"))
    return data


def text(answer_id: str) -> str:
    answer: str = labelled()["answers"][answer_id]["text"]
    return answer.strip()


def judge(question_id: str, answer: str) -> Judgment:
    return OfflineJudge().assess(default_rubric_set().question(question_id), answer)


def score(judgment: Judgment, dimension: str) -> int:
    value = judgment.dimensions[dimension].score
    assert value is not None
    return value


def overall(question_id: str, answer: str) -> float:
    result = Evaluator(judge=OfflineJudge()).evaluate(question_id, answer).overall
    assert result is not None
    return result


# ------------------------------------------------------------------ dismissing AI


@pytest.mark.parametrize(
    ("question_id", "answer_id"),
    [("ai-tools", "ai-strong-2"), ("difficult-customer-issue", "dci-strong-ai"),
     ("calm-under-pressure", "calm-strong"), ("prioritize-multiple-customers", "prio-strong")],
)  # fmt: skip
@pytest.mark.parametrize(
    "dismissal",
    [
        THE_ISSUES_SENTENCE,
        "Chatbots are a gimmick, and I switched ours off in my first week.",
        "Honestly, I'd rather write every reply myself than let some program do it for me.",
        "I have no interest in ChatGPT or any of that software; it only gets in the way.",
    ],
)
def test_plain_language_dismissal_lowers_ai_fluency(
    question_id: str, answer_id: str, dismissal: str
) -> None:
    before = judge(question_id, text(answer_id))
    after = judge(question_id, f"{text(answer_id)} {dismissal}")
    assert score(after, "ai_fluency") < score(before, "ai_fluency")
    assert score(after, "ai_fluency") == 1
    assert any(dismissal[:30] in quote for quote in after.dimensions["ai_fluency"].evidence)
    assert overall(question_id, f"{text(answer_id)} {dismissal}") < overall(
        question_id, text(answer_id)
    )


@pytest.mark.parametrize(
    "nuance",
    [
        "I never send an AI draft without checking it first.",
        "I don't trust AI with billing disputes, so those go to a person.",
        "AI can't replace the human touch on an upset customer, so I take those myself.",
        "I don't use the chatbot's answer as is; I edit it for tone.",
    ],
)
def test_judgment_about_ai_is_not_dismissal(nuance: str) -> None:
    base = text("ai-strong-2")
    before = judge("ai-tools", base)
    after = judge("ai-tools", f"{base} {nuance}")
    assert score(after, "ai_fluency") >= score(before, "ai_fluency") - 1
    assert score(after, "ai_fluency") >= 3
    assert not after.red_flags["dismisses-ai"].present


def test_dismissing_ai_is_a_red_flag_with_its_quote() -> None:
    answer = f"{text('ai-strong-2')} {THE_ISSUES_SENTENCE}"
    flag = judge("ai-tools", answer).red_flags["dismisses-ai"]
    assert flag.present
    assert any("useless" in quote for quote in flag.evidence)


# ------------------------------------------------------------------ blame


@pytest.mark.parametrize(
    "blame",
    [
        "Frankly, the whole mess was down to our sales rep, who promised far too much.",
        "If the warehouse team had done their job, none of this would have happened.",
        "My manager never told me about the new policy, so that mistake wasn't on me.",
        "Our developers shipped the update without testing it, which is what broke everything.",
    ],
)
@pytest.mark.parametrize("answer_id", ["rcf-strong", "dci-strong", "cnh-strong"])
def test_blame_in_plain_words_lowers_ownership(answer_id: str, blame: str) -> None:
    question_id = labelled()["answers"][answer_id]["question_id"]
    before = judge(question_id, text(answer_id))
    after = judge(question_id, f"{text(answer_id)} {blame}")
    assert score(after, "ownership") <= 2 < score(before, "ownership")
    assert overall(question_id, f"{text(answer_id)} {blame}") < overall(
        question_id, text(answer_id)
    )


@pytest.mark.parametrize(
    "not_blame",
    [
        "I didn't blame the night shift; we all missed it.",
        "It was nobody's fault, but I made sure it was fixed.",
        "Even though it wasn't my fault, I took responsibility for the delay.",
        "I told her plainly that I had dropped the ball and apologized.",
    ],
)
def test_negated_or_owned_fault_is_not_blame(not_blame: str) -> None:
    base = text("dci-strong")
    before = judge("difficult-customer-issue", base)
    after = judge("difficult-customer-issue", f"{base} {not_blame}")
    assert score(after, "ownership") == score(before, "ownership")
    assert not after.red_flags["harsh-blame"].present


# ------------------------------------------------------------------ ownership and apologies


def test_i_took_ownership_earns_ownership() -> None:
    owned = judge("difficult-customer-issue", text("dci-took-ownership"))
    plain = judge("difficult-customer-issue", text("dci-no-ownership"))
    assert score(owned, "ownership") >= 4
    assert any("took ownership" in quote for quote in owned.dimensions["ownership"].evidence)
    assert "took responsibility" in owned.dimensions["ownership"].rationale
    assert "took responsibility" not in plain.dimensions["ownership"].rationale


def test_i_took_ownership_lifts_a_short_answer() -> None:
    bare = (
        "A customer's refund was stuck for two weeks, so I chased the payments team and fixed it."
    )
    owned = (
        "A customer's refund was stuck for two weeks. I took ownership, chased the payments team"
        " and fixed it."
    )
    assert score(judge("difficult-customer-issue", owned), "ownership") > score(
        judge("difficult-customer-issue", bare), "ownership"
    )
    assert score(judge("difficult-customer-issue", owned), "ownership") >= 3


@pytest.mark.parametrize(
    "refusal",
    [
        "I never apologize when it isn't my fault; saying sorry just makes you look weak.",
        "I don't believe in saying sorry to customers who shout.",
    ],
)
def test_refusing_to_apologise_lowers_empathy(refusal: str) -> None:
    base = text("deesc-strong")
    before = judge("deescalate-angry-customers", base)
    after = judge("deescalate-angry-customers", f"{base} {refusal}")
    assert score(after, "empathy") <= 2 < score(before, "empathy")


def test_going_beyond_an_apology_is_not_a_refusal() -> None:
    base = text("deesc-strong")
    line = "I don't just apologize; I tell them what I will do next and when."
    assert score(judge("deescalate-angry-customers", f"{base} {line}"), "empathy") >= score(
        judge("deescalate-angry-customers", base), "empathy"
    )
