"""Counterfactual checks: the rewrites themselves, the word lists, and runs over real judges.

The offline judge must not move at all over every shipped golden answer; a model judge that
does move (scripted here through a real local HTTP server) fails the run, and the same run
replays offline from a cassette.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from answer_eval.audit.counterfactual import Case, cases_from_golden, run_counterfactual
from answer_eval.audit.rewriting import VARIANTS, _load, rewrite, variant
from answer_eval.cli import main
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeRequest
from answer_eval.judges.offline import OfflineJudge
from answer_eval.regression.golden import load_golden_sets
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge, judgment_for
from fault_server import FaultServer, Reply

ROOT = Path(__file__).resolve().parents[1]
QID = "difficult-customer-issue"


@pytest.fixture(autouse=True)
def _no_ambient_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "ANSWER_EVAL_MODEL", "OPENAI_MODEL"):
        monkeypatch.delenv(name, raising=False)


# ---------------------------------------------------------------------------- rewriting


SEX_CASES = [
    # "her" as an object: at a clause end, before a function word, a number, an adverb, a verb
    (
        "I called her back and gave her the refund.",
        "I called him back and gave him the refund.",
    ),
    (
        "I gave her 20% off.",
        "I gave him 20% off.",
    ),
    (
        "I told her exactly why.",
        "I told him exactly why.",
    ),
    (
        "I helped her understand the bill.",
        "I helped him understand the bill.",
    ),
    (
        "I thanked her.",
        "I thanked him.",
    ),
    # "her" as a possessive: before the start of a noun phrase
    (
        "Her manager called about her elderly mother.",
        "His manager called about his elderly father.",
    ),
    # "his" before a word, "hers" standing alone; he/she, him, himself
    (
        "He said his refund was late and the fault was his.",
        "She said her refund was late and the fault was hers.",
    ),
    (
        "I gave him the form; he signed it himself.",
        "I gave her the form; she signed it herself.",
    ),
    (
        "It was hers, so she kept it.",
        "It was his, so he kept it.",
    ),
    # case is kept; possessive endings stay; titles
    (
        "HER ORDER was late. She's fine.",
        "HIS ORDER was late. He's fine.",
    ),
    (
        "Mrs. Jones and the man's wife",
        "Mr. Jones and the woman's husband",
    ),
    (
        "Emily's manager met Greg.",
        "Greg's manager met Emily.",
    ),
    # whole words only: not inside words or hyphenated compounds; names only capitalised
    (
        "The hero shared herbs; she-wolf; shell; anywhere; jill.",
        "The hero shared herbs; she-wolf; shell; anywhere; jill.",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEX_CASES)
def test_sex_rewrites(text: str, expected: str) -> None:
    assert rewrite(text, "sex") == expected


def test_name_and_spelling_rewrites() -> None:
    assert rewrite("Lakisha and Emily met JAMAL.", "names:white-black") == (
        "Emily and Lakisha met GREG."
    )
    assert rewrite("Maria called Greg.", "names:white-hispanic") == "Emily called Jose."
    text = "I apologised, prioritised the Colour issue and CANCELLED the order."
    american = rewrite(text, "spelling:american")
    assert american == "I apologized, prioritized the Color issue and CANCELED the order."
    assert rewrite(american, "spelling:british") == text
    assert rewrite("He apologised.", "spelling:american") == "He apologized."  # no pronoun swap


def test_signed_variants_rotate_rows_and_sexes() -> None:
    signed = variant("signed:white-black")
    assert signed.texts("I fixed it.", 0) == (
        "I fixed it.\n\nThanks,\nEmily",
        "I fixed it.\n\nThanks,\nLakisha",
    )
    assert signed.texts("I fixed it.", 1) == (
        "I fixed it.\n\nThanks,\nGreg",
        "I fixed it.\n\nThanks,\nJamal",
    )
    assert signed.texts("I fixed it.", 2)[1].endswith("Tamika")  # row 1, female
    assert signed.texts("I fixed it.", 17)[1].endswith("Jamal")  # rows wrap after 16 answers
    assert variant("sex").texts("She called.", 5) == ("She called.", "He called.")


def test_the_name_table_is_balanced_and_every_swap_is_undone_by_itself() -> None:
    table = _load("counterfactual_names.yaml")
    cells = [names for sex in ("female", "male") for names in table[sex].values()]
    assert {len(cell) for cell in cells} == {8}
    everyone = [name for cell in cells for name in cell]
    assert len(everyone) == len(set(everyone)) == 64
    assert set(table["female"]) == set(table["male"]) == {"white", "black", "hispanic", "asian"}
    text = " ".join(f"{name} met {name}'s friend." for name in everyone)
    for name in VARIANTS:
        if name.startswith(("names:", "sex")):
            assert rewrite(rewrite(text, name), name) == text, name


def test_spelling_pairs_are_one_to_one() -> None:
    pairs = _load("spelling.yaml")["pairs"]
    british, american = [p[0] for p in pairs], [p[1] for p in pairs]
    assert len(set(british)) == len(british)
    assert len(set(american)) == len(american)
    assert not set(british) & set(american)


def test_unknown_variant() -> None:
    with pytest.raises(KeyError, match="unknown variant"):
        variant("age")


# ---------------------------------------------------------------------------- runs


def test_the_offline_judge_does_not_move_on_any_golden_answer(rubric_set: RubricSet) -> None:
    cases = cases_from_golden(load_golden_sets([ROOT / "golden"], rubric_set))
    evaluator = Evaluator(judge=OfflineJudge(), rubric_set=rubric_set)
    report = run_counterfactual(evaluator, cases)
    assert report.answers == len(cases) >= 69
    assert report.passed
    for pair in report.pairs:
        assert not pair.flipped, (pair.case, pair.variant)
        assert set(pair.shifts.values()) == {0.0}, (pair.case, pair.variant, pair.shifts)
    changed = {v.variant: v.changed for v in report.variants}
    # the check is not empty: the sex and both spelling rewrites change golden answers
    assert changed["sex"] >= 10
    assert changed["spelling:american"] >= 5
    assert changed["spelling:british"] >= 1
    assert changed["signed:white-black"] == changed["signed:white-asian"] == len(cases)


def test_a_judge_that_favours_one_sex_fails() -> None:
    def reply(request: JudgeRequest) -> dict[str, Any]:
        score = 4 if " she " in f" {request.answer.lower()} " else 2
        return judgment_for(request.question, quote="refunded her the same day", score=score)

    cases = [
        Case(f"a{i}", QID, f"She was upset, so {verb} and refunded her the same day.")
        for i, verb in enumerate(["I listened", "I called", "I apologised"])
    ]
    report = run_counterfactual(Evaluator(judge=FakeJudge(reply=reply)), cases, variants=["sex"])
    sex = report.variants[0]
    assert (sex.changed, sex.compared) == (3, 3)
    assert sex.mean_shift["overall"] < -0.25
    assert "overall" in sex.beyond_tolerance
    assert not report.passed


def test_a_judge_that_favours_one_groups_names_fails() -> None:
    black = set(_load("counterfactual_names.yaml")["female"]["black"])
    black |= set(_load("counterfactual_names.yaml")["male"]["black"])

    def reply(request: JudgeRequest) -> dict[str, Any]:
        signed_by = request.answer.rsplit("\n", 1)[-1]
        return judgment_for(
            request.question,
            quote="refunded her the same day",
            score=2 if signed_by in black else 4,
        )

    cases = [
        Case(f"a{i}", QID, f"I listened and refunded her the same day ({i}).") for i in range(4)
    ]
    report = run_counterfactual(
        Evaluator(judge=FakeJudge(reply=reply)),
        cases,
        variants=["signed:white-black", "signed:white-asian"],
    )
    by_name = {v.variant: v for v in report.variants}
    assert by_name["signed:white-black"].beyond_tolerance
    assert by_name["signed:white-black"].mean_shift["overall"] < -0.25
    assert not by_name["signed:white-asian"].beyond_tolerance
    assert not report.passed


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as running:
        yield running


def _model_run(server_url: str, input_file: Path, *extra: str) -> list[str]:
    return [
        "audit", "counterfactual", str(input_file), "--variants", "sex", "--concurrency", "1",
        "--judge", "openai", "--base-url", server_url, "--model", "m", *extra,
    ]  # fmt: skip


def test_a_model_judge_that_shifts_fails_and_replays_from_a_cassette(
    tmp_path: Path, rubric_set: RubricSet, capsys: pytest.CaptureFixture[str]
) -> None:
    question = rubric_set.question(QID)
    rows = tmp_path / "answers.jsonl"
    answer = "She was upset, so I called her back and refunded her the same day."
    rows.write_text(json.dumps({"id": "c1", "question_id": QID, "answer": answer}) + "\n", "utf-8")
    cassette = tmp_path / "counterfactual.yaml"
    with FaultServer() as server:
        url = server.url
        server.script(  # the original first, then its rewrite, one call at a time
            Reply.ok(
                json.dumps(judgment_for(question, quote="refunded her the same day", score=4))
            ),
            Reply.ok(
                json.dumps(judgment_for(question, quote="refunded her the same day", score=2))
            ),
        )
        args = _model_run(url, rows, "--cassette", str(cassette), "--record-mode", "once")
        assert main([*args, "--format", "json"]) == 1
        recorded = json.loads(capsys.readouterr().out)
        assert "him back" in json.dumps(server.requests[1])  # the rewrite reached the judge
    assert recorded["variants"][0]["mean_shift"]["overall"] < 0
    assert recorded["pairs"][0]["rewritten"] == (
        "He was upset, so I called him back and refunded him the same day."
    )
    # the server is gone: the same run replays from the cassette, with the same result
    assert main([*_model_run(url, rows, "--cassette", str(cassette), "--format", "json")]) == 1
    captured = capsys.readouterr()
    assert "not fully played" not in captured.err
    assert json.loads(captured.out) == recorded


def test_regress_counterfactual_flag(capsys: pytest.CaptureFixture[str]) -> None:
    golden = ROOT / "golden" / "difficult-customer-issue.yaml"
    assert main(["regress", str(golden), "--judge", "offline", "--counterfactual"]) == 0
    out = capsys.readouterr().out
    assert "counterfactual check passed" in out
    assert main(["regress", str(golden), "--judge", "offline", "--counterfactual",
                 "--format", "json"]) == 0  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert report["counterfactual"]["passed"] is True
    assert report["counterfactual"]["answers"] == 4


def test_counterfactual_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    golden = str(ROOT / "golden" / "ai-tools.yaml")
    assert main(["audit", "counterfactual", golden, "--variants", "age"]) == 2
    assert "unknown variant(s) age" in capsys.readouterr().err
    assert main(["audit", "counterfactual", str(tmp_path / "none.jsonl")]) == 2
