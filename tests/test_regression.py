"""Regression runs with a scripted judge: checks and their evidence, baselines, drift, stability,
and the exit codes of ``answer-eval regress``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from answer_eval.cli import main, regress_cmd
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeRequest
from answer_eval.judgment import Verdict
from answer_eval.regression.baseline import Baseline, baseline_of, load_baseline
from answer_eval.regression.drift import compare, stability
from answer_eval.regression.golden import golden_set_from_text, load_golden_sets
from answer_eval.regression.run import check_expectations, run_golden
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.rubrics.models import RubricSet
from answer_eval.testing import FakeJudge, judgment_for
from batch_servers import small_library

QUESTION = "difficult-customer-issue"
STRONG = (
    "Last spring a customer was double-billed for her annual plan. I listened and let her "
    "explain. I found the root cause in our billing sync and refunded her within 4 hours."
)
BLAME = "It was their fault, they typed the wrong address. I passed it to my manager and moved on."

GOLDEN = f"""\
# yaml-language-server: $schema=golden.schema.json
question_id: {QUESTION}
answers:
  - id: strong
    kind: strong
    answer: "{STRONG}"
    expect:
      overall: {{min: 3.0}}
      recommendation: [strong_yes, yes, mixed]
      dimensions:
        empathy: {{min: 3}}
      red_flags:
        absent: [harsh-blame]
      star: [situation, action]
  - id: blame
    kind: red_flag
    answer: "{BLAME}"
    expect:
      recommendation: [mixed, no, definitely_not]
      red_flags:
        present: [harsh-blame]
"""


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return small_library(tmp_path / "rubrics")


@pytest.fixture
def rubric(library: Path) -> RubricSet:
    return load_rubric_set(library)


@pytest.fixture
def golden_file(tmp_path: Path) -> Path:
    path = tmp_path / "golden" / f"{QUESTION}.yaml"
    path.parent.mkdir()
    path.write_text(GOLDEN, encoding="utf-8")
    return path


def scripted(
    score: int,
    flags: Mapping[str, Mapping[str, str]] | None = None,
    verdict: Verdict = "met",
) -> FakeJudge:
    """A judge giving ``score`` and ``verdict`` everywhere and, per answer prefix, red flags
    with their quote; it quotes the answer's first sentence."""

    def reply(request: JudgeRequest) -> dict[str, Any]:
        first = request.answer.split(".")[0]
        chosen = next((f for key, f in (flags or {}).items() if first.startswith(key)), {})
        return judgment_for(
            request.question, quote=first, score=score, verdict=verdict, red_flags=chosen
        )

    return FakeJudge(reply=reply)


BLAME_FLAG = {"It was": {"harsh-blame": "It was their fault, they typed the wrong address"}}
# A judge-only red flag on the strong answer (no cue phrase in it), so a judge can flip it.
VAGUE_FLAG = {**BLAME_FLAG, "Last spring": {"vague-best-effort": "I listened and let her explain"}}


@pytest.fixture
def judge_in_cli(monkeypatch: pytest.MonkeyPatch) -> list[FakeJudge]:
    """Make ``answer-eval regress`` use the judges appended to the returned list, in turn."""
    judges: list[FakeJudge] = []
    monkeypatch.setattr(regress_cmd, "judge_from_args", lambda args: judges.pop(0))
    return judges


def test_checks_pass_and_fail_with_evidence(rubric: RubricSet) -> None:
    evaluator = Evaluator(judge=scripted(4, BLAME_FLAG), rubric_set=rubric)
    strong = golden_set_from_text(GOLDEN).answers[0]
    checks = check_expectations(strong.expect, evaluator.evaluate(QUESTION, STRONG))
    assert [c.name for c in checks] == [
        "overall",
        "recommendation",
        "empathy",
        "red flag harsh-blame",
        "STAR situation",
        "STAR action",
    ]
    assert all(c.passed for c in checks)
    assert all(c.evidence == () for c in checks)
    # The blame answer judged against the strong answer's expectations: the flag fires.
    failed = [
        c
        for c in check_expectations(strong.expect, evaluator.evaluate(QUESTION, BLAME))
        if not c.passed
    ]
    flag = next(c for c in failed if c.name == "red flag harsh-blame")
    assert (flag.expected, flag.actual) == ("absent", "present")
    assert '"It was their fault, they typed the wrong address"' in flag.evidence
    assert any("found by" in e and "judge" in e and "cue" in e for e in flag.evidence)


def test_failed_band_shows_dimension_quotes(rubric: RubricSet) -> None:
    evaluator = Evaluator(judge=scripted(2, verdict="not_met"), rubric_set=rubric)
    strong = golden_set_from_text(GOLDEN).answers[0]
    checks = check_expectations(strong.expect, evaluator.evaluate(QUESTION, STRONG))
    empathy = next(c for c in checks if c.name == "empathy")
    assert not empathy.passed
    assert (empathy.expected, empathy.actual) == (">= 3", "2")
    assert '"Last spring a customer was double-billed for her annual plan"' in empathy.evidence
    overall = next(c for c in checks if c.name == "overall")
    assert not overall.passed
    assert any(e.startswith("dimension scores: ") and "empathy 2" in e for e in overall.evidence)
    assert any(
        e.startswith("criteria met: none; not met: star-narrative") for e in overall.evidence
    )


def test_unscored_answer_fails_on_status(rubric: RubricSet) -> None:
    evaluator = Evaluator(judge=FakeJudge(fail="refusal"), rubric_set=rubric)
    strong = golden_set_from_text(GOLDEN).answers[0]
    [check] = check_expectations(strong.expect, evaluator.evaluate(QUESTION, STRONG))
    assert (check.name, check.passed, check.actual) == ("status", False, "unscored (refusal)")
    assert "fake judge configured to fail" in check.evidence[0]


def _baseline(rubric: RubricSet, golden_file: Path, judge: FakeJudge) -> Baseline:
    run = run_golden(
        Evaluator(judge=judge, rubric_set=rubric), load_golden_sets([golden_file], rubric)
    )
    return baseline_of(run)


def test_baseline_records_scores_hashes_and_model(rubric: RubricSet, golden_file: Path) -> None:
    base = _baseline(rubric, golden_file, scripted(4, BLAME_FLAG))
    assert base.questions[QUESTION].rubric_hash == rubric.content_hash(QUESTION)
    assert base.questions[QUESTION].model == "fake-judge"
    assert len(base.questions[QUESTION].prompt_hash) == 64
    strong, blame = base.answers
    assert strong.dimensions["empathy"] == 4.0
    assert strong.red_flags == []
    assert blame.red_flags == ["harsh-blame", "immediate-escalation"]  # judge + cue check
    assert Baseline.model_validate_json(base.model_dump_json()) == base


def test_compare_reports_mean_shift_beyond_tolerance_and_flips(
    rubric: RubricSet, golden_file: Path
) -> None:
    before = _baseline(rubric, golden_file, scripted(4, VAGUE_FLAG))
    same = compare(before, _baseline(rubric, golden_file, scripted(4, VAGUE_FLAG)))
    assert not same.has_drift
    assert same.questions() == []
    after = _baseline(rubric, golden_file, scripted(3, BLAME_FLAG))
    drift = compare(before, after, tolerance=0.25)
    assert drift.has_drift
    empathy = next(s for s in drift.drifted if s.dimension == "empathy")
    assert (empathy.before, empathy.after, empathy.answers) == (4.0, 3.0, 2)
    assert pytest.approx(empathy.shift) == -1.0
    flips = {(f.answer_id, f.what): (f.before, f.after) for f in drift.flips}
    assert flips[("strong", "red flag vague-best-effort")] == ("present", "absent")
    assert ("blame", "red flag harsh-blame") not in flips  # the cue check keeps it present
    assert drift.questions() == [QUESTION]
    assert drift.rubric_changed == []
    # A shift within the tolerance is not drift (a score of 4 -> 3 is a mean shift of 1).
    assert not any(s.drifted for s in compare(before, after, tolerance=1.0).shifts)


def test_stability_of_a_judge_that_wavers(rubric: RubricSet, golden_file: Path) -> None:
    scores = iter([5, 5, 4, 2, 2, 2])

    def reply(request: JudgeRequest) -> dict[str, Any]:
        return judgment_for(
            request.question, quote=request.answer.split(".")[0], score=next(scores)
        )

    evaluator = Evaluator(judge=FakeJudge(reply=reply), rubric_set=rubric)
    golden = load_golden_sets([golden_file], rubric)
    report = stability(run_golden(evaluator, golden, repeat=3, concurrency=1))
    strong, blame = report.answers
    assert (strong.runs, strong.identical, strong.dimension_spread) == (3, 2 / 3, 1)
    assert strong.overall_spread > 0
    assert (blame.identical, blame.overall_spread) == (1.0, 0.0)
    assert report.identical_share == 0.5


# ---------------------------------------------------------------------------- CLI


def _regress(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main(["regress", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_exit_0_when_all_pass(
    library: Path,
    golden_file: Path,
    judge_in_cli: list[FakeJudge],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    judge_in_cli += [scripted(4, BLAME_FLAG), scripted(4, BLAME_FLAG)]
    base = tmp_path / "base.json"
    code, out, _ = _regress(
        capsys, golden_file.parent, "--rubrics", library, "--save-baseline", base
    )
    assert code == 0, out
    assert (
        "2 answers in 1 question(s): 2 passed, 0 failed (8 checks; judge: fake fake-judge)" in out
    )
    assert load_baseline(base).questions[QUESTION].judge == "fake"
    code, out, _ = _regress(capsys, golden_file, "--rubrics", library, "--baseline", base)
    assert code == 0
    assert "no drift; questions named: none" in out


def test_cli_exit_1_on_a_failed_expectation_with_evidence(
    library: Path,
    golden_file: Path,
    judge_in_cli: list[FakeJudge],
    capsys: pytest.CaptureFixture[str],
) -> None:
    judge_in_cli.append(scripted(4, BLAME_FLAG))
    text = golden_file.read_text(encoding="utf-8")
    golden_file.write_text(text.replace("present: [harsh-blame]", "absent: [harsh-blame]"), "utf-8")
    code, out, _ = _regress(capsys, golden_file, "--rubrics", library)
    assert code == 1
    assert f"pass    {QUESTION}/strong" in out
    assert f"FAIL    {QUESTION}/blame" in out
    assert "x red flag harsh-blame: expected absent, got present" in out
    assert '"It was their fault, they typed the wrong address"' in out
    assert "1 passed, 1 failed" in out


def test_cli_json_report_with_repeats(
    library: Path,
    golden_file: Path,
    judge_in_cli: list[FakeJudge],
    capsys: pytest.CaptureFixture[str],
) -> None:
    judge_in_cli.append(scripted(4, BLAME_FLAG))
    args = ("--rubrics", library, "--format", "json", "--repeat", "2")
    code, out, _ = _regress(capsys, golden_file, *args)
    report = json.loads(out)
    assert code == 0
    assert report["passed"] is True
    assert [a["answer_id"] for a in report["answers"]] == ["strong", "blame"]
    assert len(report["answers"][0]["overall"]) == 2
    assert report["stability"]["identical_share"] == 1.0
    assert report["drift"] is None


def test_cli_exit_1_on_drift(
    library: Path,
    golden_file: Path,
    judge_in_cli: list[FakeJudge],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    judge_in_cli += [scripted(4, VAGUE_FLAG), scripted(3, BLAME_FLAG)]
    base = tmp_path / "base.json"
    assert _regress(capsys, golden_file, "--rubrics", library, "--save-baseline", base)[0] == 0
    code, out, _ = _regress(capsys, golden_file, "--rubrics", library, "--baseline", base)
    assert code == 1
    assert f"DRIFT {QUESTION} empathy: 4.00 -> 3.00 (-1.00, 2 answers)" in out
    assert f"FLIP  {QUESTION}/strong red flag vague-best-effort: present -> absent" in out
    assert f"drift; questions named: {QUESTION}" in out
    assert "rubric changed" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.yaml"], "missing.yaml: no such file or folder"),
        (["GOLDEN", "--repeat", "0"], "--repeat and --concurrency must be at least 1"),
        (["GOLDEN", "--baseline", "nothere.json"], "nothere.json: cannot read the baseline"),
    ],
)
def test_cli_exit_2_on_input_errors(
    library: Path,
    golden_file: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    args = [str(golden_file) if a == "GOLDEN" else a for a in args]
    code, _, err = _regress(capsys, *args, "--judge", "offline", "--rubrics", library)
    assert code == 2
    assert message in err


def test_cli_exit_2_on_a_baseline_that_is_not_one(
    library: Path, golden_file: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1}', encoding="utf-8")
    code, _, err = _regress(
        capsys, golden_file, "--judge", "offline", "--rubrics", library, "--baseline", bad
    )
    assert code == 2
    assert f"{bad}: not a baseline file" in err
