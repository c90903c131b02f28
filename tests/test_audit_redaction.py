"""Redaction: what is found, the placeholders, the offset map, quotes mapped back, the default.

The figures test measures the detector on hand-labelled answers (tests/data/pii_answers*.yaml)
against floors stated here; the server test proves that with redaction on, no contact detail or
name reaches an HTTP endpoint while every quote the endpoint sends back lands on the right span
of the real answer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from answer_eval.cli import main
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeRequest
from answer_eval.judges.openai_compatible import OpenAIJudge
from answer_eval.judges.retry import RetryPolicy
from answer_eval.privacy.pii import find_pii, iban_valid, luhn_valid
from answer_eval.privacy.redaction import Redactor, is_local_endpoint, redaction_default
from answer_eval.privacy.redaction_quality import labelled_answers, score_detection
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge, judgment_for
from fault_server import FaultServer, Reply

DATA = Path(__file__).parent / "data"
QID = "difficult-customer-issue"
ANSWER = (
    "My name is Maria Lopez and you can reach me at maria.lopez@example.com or (212) 555-0147. "
    "Last spring a customer, Keisha Washington, was double-billed. I listened to Keisha, "
    "refunded her within 4 hours and fixed the cause with our billing team."
)
SECRETS = ("Maria", "Lopez", "maria.lopez@example.com", "555-0147", "Keisha", "Washington")


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in find_pii(text)]


# ---------------------------------------------------------------------------- detection


def test_each_kind_is_found_with_its_exact_span() -> None:
    text = (
        "I'm Jordan Price (jordan@example.org, +44 20 7946 0958, www.jordanprice.dev). Card "
        "4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, account number 55779911; "
        "ship to 42 Elm Street, Springfield."
    )
    assert _kinds(text) == [
        ("name", "Jordan Price"),
        ("email", "jordan@example.org"),
        ("phone", "+44 20 7946 0958"),
        ("url", "www.jordanprice.dev"),
        ("card", "4111 1111 1111 1111"),
        ("account", "GB82 WEST 1234 5698 7654 32"),
        ("account", "55779911"),
        ("address", "42 Elm Street, Springfield"),
    ]


def test_checksums_separate_cards_and_ibans_from_other_numbers() -> None:
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
    assert iban_valid("GB82 WEST 1234 5698 7654 32")
    assert not iban_valid("GB83 WEST 1234 5698 7654 32")
    # a 16-digit number that fails Luhn is not a card (and, with no cue, nothing else)
    assert _kinds("The promo batch 4111 1111 1111 1112 shipped.") == []


def test_ordinary_numbers_and_capitalised_words_are_left_alone() -> None:
    text = (
        "On Monday 03/04/2023 at 14:30 we got 1,204 tickets (35% more); order #A-55821 and "
        "ticket #48213 were refunded $1,140.00 in Zendesk. May was calm. Grace under pressure."
    )
    assert _kinds(text) == []


def test_names_recur_and_ambiguous_names_need_context() -> None:
    text = "My manager, Sarah Kim, approved it. Sarah's note said so. Will you help? Ask Mark."
    assert _kinds(text) == [("name", "Sarah Kim"), ("name", "Sarah"), ("name", "Mark")]


def test_names_the_caller_knows_are_found_in_any_case() -> None:
    redaction = Redactor(names=["Zed Quill"]).redact("zed quill here; ZED QUILL again.")
    assert redaction.text == "[NAME_1] here; [NAME_1] again."


def _figures(name: str) -> dict[str, Any]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return score_detection(labelled_answers(data))


def test_the_labelled_set_is_as_large_as_promised() -> None:
    answers = labelled_answers(yaml.safe_load((DATA / "pii_answers.yaml").read_text("utf-8")))
    assert len(answers) >= 50
    assert sum(len(a.expected) for a in answers) >= 100


# Floors stated in docs/fairness.md. The main set was written before the detector; the harder set
# after it, then used to fix general causes of its misses, so both are optimistic for text unlike
# them. Names with no cue and not in the list (two in the harder set) are the known gap.
@pytest.mark.parametrize(
    ("name", "recall_floor", "precision_floor", "kind_floor"),
    [("pii_answers.yaml", 0.97, 0.97, 0.9), ("pii_answers_hard.yaml", 0.85, 0.9, 0.75)],
)
def test_precision_and_recall_meet_their_floors(
    name: str, recall_floor: float, precision_floor: float, kind_floor: float
) -> None:
    scores = _figures(name)
    overall = scores["all"]
    assert overall.recall >= recall_floor, overall.misses
    assert overall.precision >= precision_floor, overall.false_alarms
    for kind, score in scores.items():
        if score.recall is not None:
            assert score.recall >= kind_floor, (kind, score.misses)
        if score.precision is not None:
            assert score.precision >= kind_floor, (kind, score.false_alarms)


# ---------------------------------------------------------------------------- placeholders


def test_the_same_value_gets_the_same_placeholder() -> None:
    text = "Mail A@Example.com or a@example.com; call 212-555-0147 or (212) 555 0147. Mail b@x.io."
    redaction = Redactor().redact(text)
    assert redaction.text == (
        "Mail [EMAIL_1] or [EMAIL_1]; call [PHONE_1] or [PHONE_1]. Mail [EMAIL_2]."
    )
    assert redaction.counts() == {"email": 3, "phone": 2}


def test_a_placeholder_the_answer_already_contains_is_never_reused() -> None:
    redaction = Redactor().redact("Write [EMAIL_1] to me at jo@example.com please.")
    assert redaction.text == "Write [EMAIL_1] to me at [EMAIL_2] please."


def test_the_offset_map_widens_edges_inside_a_placeholder() -> None:
    redaction = Redactor().redact(ANSWER)
    sent = redaction.text
    assert sent.startswith("My name is [NAME_1] and you can reach me at [EMAIL_1] or [PHONE_1].")
    at = sent.index("[EMAIL_1]")
    assert redaction.to_original(at, at + len("[EMAIL_1]")) == (
        ANSWER.index("maria"),
        ANSWER.index("maria") + len("maria.lopez@example.com"),
    )
    # an edge inside a placeholder widens to the whole value
    assert redaction.to_original(at + 3, at + 5) == redaction.to_original(at, at + 9)
    # after the placeholders, positions shift by the length differences
    tail = sent.index("refunded")
    at = ANSWER.index("refunded")
    assert redaction.to_original(tail, tail + 8) == (at, at + 8)


def test_quotes_come_back_in_the_answers_own_words() -> None:
    redaction = Redactor().redact(ANSWER)
    assert redaction.restore("I listened to [NAME_3], refunded her") == (
        "I listened to Keisha, refunded her"
    )
    assert redaction.restore("a customer, [NAME_2], was double-billed") == (
        "a customer, Keisha Washington, was double-billed"
    )
    assert redaction.restore("NAME_1") == "Maria Lopez"  # a partial placeholder widens
    assert redaction.restore("fixed the cause") == "fixed the cause"  # untouched quotes stay
    # an invented quote has its placeholders filled in and stays unverifiable
    assert redaction.restore("[NAME_2] thanked me") == "Keisha Washington thanked me"


# ---------------------------------------------------------------------------- the default


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8765/v1", True),
        ("http://localhost:11434/v1", True),
        ("http://[::1]:8000/v1", True),
        ("http://10.1.2.3/v1", True),
        ("http://192.168.0.7:8000/v1", True),
        ("https://api.openai.com/v1", False),
        ("https://my-llm.internal.example/v1", False),  # a name is not known to be local
        (None, False),
    ],
)
def test_local_endpoints(url: str | None, local: bool) -> None:
    assert is_local_endpoint(url) is local


def test_redaction_is_on_by_default_only_for_non_local_endpoints() -> None:
    remote = OpenAIJudge(model="m", base_url="https://llm.example.com/v1", api_key="k")
    local = OpenAIJudge(model="m", base_url="http://127.0.0.1:9/v1", api_key="k")
    try:
        assert redaction_default(remote.kind, remote.settings.endpoint) is True
        assert redaction_default(local.kind, local.settings.endpoint) is False
        assert Evaluator(judge=remote).redactor is not None
        assert Evaluator(judge=remote, redact=False).redactor is None
        assert Evaluator(judge=local).redactor is None
        assert Evaluator(judge=local, redact=True).redactor is not None
    finally:
        remote.close()
        local.close()
    assert redaction_default("offline", None) is False
    assert redaction_default("fake", None) is False


# ---------------------------------------------------------------------------- end to end


def test_the_judge_sees_placeholders_and_the_result_points_at_the_answer() -> None:
    seen: list[str] = []

    def reply(request: JudgeRequest) -> dict[str, Any]:
        seen.append(request.answer)
        return judgment_for(request.question, quote="I listened to [NAME_3], refunded her")

    evaluator = Evaluator(judge=FakeJudge(reply=reply), redact=True)
    evaluation = evaluator.evaluate(QID, ANSWER)
    assert not any(secret in seen[0] for secret in SECRETS)
    evidence = evaluation.dimensions[0].evidence[0]
    assert evidence.verified
    assert evidence.span is not None
    assert ANSWER[evidence.span.start : evidence.span.end] == "I listened to Keisha, refunded her"
    assert evaluation.provenance.redacted == {"email": 1, "phone": 1, "name": 3}
    assert Evaluator(judge=FakeJudge()).evaluate(QID, ANSWER).provenance.redacted is None


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


def test_nothing_personal_reaches_the_endpoint_and_quotes_map_back(
    server: FaultServer, rubric_set: RubricSet
) -> None:
    question = rubric_set.question(QID)
    reply = judgment_for(question, quote="I listened to [NAME_3], refunded her within 4 hours")
    reply["star"] = {
        "situation": "Last spring a customer, [NAME_2], was double-billed",
        "task": None,
        "action": "I listened to [NAME_3]",
        "result": "fixed the cause with our billing team",
    }
    server.script(Reply.ok(json.dumps(reply)))
    judge = OpenAIJudge(
        model="m", base_url=server.url, api_key="k", retry=RetryPolicy(sleep=lambda _: None)
    )
    try:
        evaluation = Evaluator(judge=judge, redact=True).evaluate(QID, ANSWER, answer_id="c-1")
    finally:
        judge.close()
    assert evaluation.status == "scored"
    bodies = json.dumps(server.requests)
    assert server.requests
    assert not [s for s in SECRETS if s in bodies]
    assert "[EMAIL_1]" in bodies
    assert "[NAME_2]" in bodies
    star = evaluation.star
    assert star is not None
    expected = {
        "situation": "Last spring a customer, Keisha Washington, was double-billed",
        "action": "I listened to Keisha",
        "result": "fixed the cause with our billing team",
    }
    for part, text in expected.items():
        found = getattr(star, part)
        assert found.verified, part
        assert found.span is not None
        assert ANSWER[found.span.start : found.span.end] == text
        assert found.span.start == ANSWER.index(text)
    for dim in evaluation.dimensions:
        for ev in dim.evidence:
            assert ev.span is not None
            assert ANSWER[ev.span.start : ev.span.end] == (
                "I listened to Keisha, refunded her within 4 hours"
            )


def test_score_redacts_on_request_through_the_cli(
    server: FaultServer, rubric_set: RubricSet, capsys: pytest.CaptureFixture[str]
) -> None:
    question = rubric_set.question(QID)
    server.script(Reply.ok(json.dumps(judgment_for(question, quote="I listened to [NAME_3]"))))
    args = ["score", "--judge", "openai", "--base-url", server.url, "--model", "m",
            "--question", QID, "--answer", ANSWER, "--format", "json"]  # fmt: skip
    assert main([*args, "--redact"]) == 0
    assert not [s for s in SECRETS if s in json.dumps(server.requests)]
    result = json.loads(capsys.readouterr().out)
    assert result["provenance"]["redacted"] == {"email": 1, "phone": 1, "name": 3}
    assert main(args) == 0  # a local endpoint: off by default
    assert "maria.lopez@example.com" in json.dumps(server.requests[-1])
    assert json.loads(capsys.readouterr().out)["provenance"]["redacted"] is None
