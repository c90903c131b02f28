"""Agreement metrics against hand-computed cases, the join, the bootstrap, ``answer-eval agree``."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import pytest

from answer_eval.batch.output import RowResult, outcome_record
from answer_eval.cli import main
from answer_eval.errors import InputError
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeRequest
from answer_eval.judgment import Verdict
from answer_eval.regression.agreement import (
    Rated,
    adjacent_agreement,
    agreement_report,
    average_ranks,
    bootstrap,
    exact_agreement,
    join_scores,
    metrics,
    pairwise_accuracy,
    quadratic_weighted_kappa,
    rating,
    spearman,
)
from answer_eval.rubrics.loading import load_rubric_set
from answer_eval.testing import FakeJudge, judgment_for
from batch_servers import small_library


def test_rating_rounds_half_up_and_clamps() -> None:
    # Python's round() would give round(2.5) == 2 (banker's rounding); ratings round half up.
    assert [rating(x) for x in (1.2, 2.49, 2.5, 3.5, 4.51, 0.2, 5.4)] == [1, 2, 3, 4, 5, 1, 5]


def test_average_ranks_share_ties() -> None:
    # 10 -> rank 1; the two 20s span ranks 2 and 3 -> 2.5 each; 30 -> rank 4.
    assert average_ranks([20, 10, 30, 20]) == [2.5, 1.0, 4.0, 2.5]


def test_spearman_with_ties() -> None:
    # x ranks: 1 2 3 4 5; y = 5 6 7 8 7 -> ranks 1 2 3.5 5 3.5 (the 7s share ranks 3 and 4).
    # Deviations from the mean rank 3: dx = -2 -1 0 1 2, dy = -2 -1 .5 2 .5
    # sum dx*dy = 4 + 1 + 0 + 2 + 1 = 8; sum dx^2 = 10; sum dy^2 = 4 + 1 + .25 + 4 + .25 = 9.5
    # rho = 8 / sqrt(10 * 9.5) = 8 / sqrt(95) = 0.820783...
    assert spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) == pytest.approx(8 / math.sqrt(95))
    assert spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)


def test_spearman_undefined_without_variance() -> None:
    assert spearman([1, 2, 3], [4, 4, 4]) is None
    assert spearman([1], [2]) is None


def test_quadratic_weighted_kappa_by_hand() -> None:
    # human 1 2 3 4 5, machine 1 2 3 4 4; weights w(i, j) = (i - j)^2 / 16.
    # Observed disagreement: one item at (5, 4): w = 1/16 -> numerator 1/16.
    # Expected counts E(i, j) = row_i * col_j / n with rows 1 1 1 1 1, cols 1 1 1 2 0, n = 5:
    # column weight sums sum_i w(i, j) = 30/16, 15/16, 10/16, 15/16, 30/16, so the
    # denominator = (1*30 + 1*15 + 1*10 + 2*15 + 0*30) / 16 / 5 = 85/80 = 17/16.
    # kappa = 1 - (1/16) / (17/16) = 16/17 = 0.941176...
    assert quadratic_weighted_kappa([1, 2, 3, 4, 5], [1, 2, 3, 4, 4]) == pytest.approx(16 / 17)
    assert quadratic_weighted_kappa([1, 3, 5], [1, 3, 5]) == pytest.approx(1.0)
    # Fully reversed on 1-5: observed = expected disagreement x 2 -> kappa = -1.
    assert quadratic_weighted_kappa([1, 5], [5, 1]) == pytest.approx(-1.0)


def test_quadratic_weighted_kappa_undefined() -> None:
    # Both raters always say 3: no chance disagreement to compare with.
    assert quadratic_weighted_kappa([3, 3], [3, 3]) is None
    assert quadratic_weighted_kappa([], []) is None


def test_exact_and_adjacent_agreement() -> None:
    # pairs (1,1) (2,3) (4,2) (5,5): equal 2 of 4; within one point 3 of 4.
    assert exact_agreement([1, 2, 4, 5], [1, 3, 2, 5]) == 0.5
    assert adjacent_agreement([1, 2, 4, 5], [1, 3, 2, 5]) == 0.75


def test_pairwise_accuracy_by_hand() -> None:
    # Group q: humans 1 2 3, machine 1.0 3.0 2.0. Pairs the humans separate:
    #   (1, 2): machine 1.0 < 3.0 agrees; (1, 3): 1.0 < 2.0 agrees; (2, 3): 3.0 > 2.0 disagrees.
    # Group r: humans 1 2, machine 2.0 2.0: one pair, a machine tie, counts half.
    # The q/r pairs across questions are not compared. (2 + 0.5) / 4 = 0.625.
    human = [1, 2, 3, 1, 2]
    machine = [1.0, 3.0, 2.0, 2.0, 2.0]
    groups = ["q", "q", "q", "r", "r"]
    assert pairwise_accuracy(human, machine, groups) == pytest.approx(0.625)
    # Equal human scores make no pair.
    assert pairwise_accuracy([3, 3], [1.0, 5.0], ["q", "q"]) is None


def test_pairwise_accuracy_matches_the_quadratic_definition() -> None:
    rng = random.Random(7)
    human = [rng.choice([1, 2, 3, 4, 5]) for _ in range(60)]
    machine = [rng.choice([1.0, 2.5, 3.0, 3.5, 4.8]) for _ in range(60)]
    groups = [rng.choice("ab") for _ in range(60)]
    total = agree = 0.0
    for i in range(60):
        for j in range(60):
            if groups[i] == groups[j] and human[i] < human[j]:
                total += 1
                agree += 1 if machine[i] < machine[j] else 0.5 if machine[i] == machine[j] else 0
    assert pairwise_accuracy(human, machine, groups) == pytest.approx(agree / total)


def _items() -> list[Rated]:
    pairs = [(1, 1.2), (2, 2.5), (3, 2.9), (4, 4.4), (5, 4.6), (2, 1.5), (4, 3.1), (3, 3.6)]
    return [Rated(f"a{i}", "q" if i < 5 else "r", h, m) for i, (h, m) in enumerate(pairs)]


def test_metrics_use_rounded_scores_for_kappa_and_raw_for_ranks() -> None:
    result = metrics(_items())
    # rounded machine: 1 3 3 4 5 2 3 4 vs humans 1 2 3 4 5 2 4 3: 5 of 8 equal, all within one.
    assert result["exact"] == 5 / 8
    assert result["adjacent"] == 1.0
    assert result["spearman"] is not None
    assert result["spearman"] > 0.9
    assert set(result) == {"qwk", "spearman", "exact", "adjacent", "pairwise"}


def test_bootstrap_is_seeded_and_brackets_the_estimate() -> None:
    items = _items()
    first = bootstrap(items, metrics, resamples=200, rng=random.Random(1), confidence=0.9)
    again = bootstrap(items, metrics, resamples=200, rng=random.Random(1), confidence=0.9)
    assert first == again
    for estimate in first.values():
        assert estimate.value is not None
        assert estimate.low is not None
        assert estimate.high is not None
        assert estimate.low <= estimate.high
    exact = first["exact"]
    assert exact.low is not None
    assert exact.high is not None
    assert exact.low <= 5 / 8 <= exact.high
    none = bootstrap(items, metrics, resamples=0, rng=random.Random(1), confidence=0.9)
    assert none["exact"].value == 5 / 8
    assert none["exact"].low is None


def test_report_groups_by_question_and_dimension() -> None:
    items = _items()
    report = agreement_report(items, {"empathy": items[:5]}, resamples=50, seed=3)
    assert report.overall.n == 8
    assert [(g.name, g.n) for g in report.questions] == [("q", 5), ("r", 3)]
    assert [(g.scope, g.name, g.n) for g in report.dimensions] == [("dimension", "empathy", 5)]
    assert report == agreement_report(items, {"empathy": items[:5]}, resamples=50, seed=3)


# ---------------------------------------------------------------------------- join


def _eval_record(ident: str, question: str, overall: float | None, **dims: int) -> dict[str, Any]:
    evaluation = {
        "question_id": question,
        "overall": overall,
        "dimensions": [{"id": d, "score": s} for d, s in dims.items()],
    }
    status = "scored" if overall is not None else "unscored"
    return {"id": ident, "status": status, "evaluation": evaluation}


def test_join_on_id_with_dimension_columns() -> None:
    labels = [
        ("l:2", {"id": "a", "question_id": "q", "overall": "4", "empathy": "3", "note": "x"}),
        ("l:3", {"id": "b", "question_id": "q", "overall": 2, "empathy": ""}),
        ("l:4", {"id": "c", "question_id": "q", "overall": 5}),
        ("l:5", {"id": "d", "question_id": "q", "overall": 3}),
    ]
    evaluations = [
        ("e:1", _eval_record("a", "q", 3.8, empathy=4)),
        ("e:2", _eval_record("b", "q", 2.2, empathy=2)),
        ("e:3", _eval_record("d", "q", None)),
    ]
    overall, dims, unmatched, unscored = join_scores(labels, evaluations)
    assert overall == [Rated("a", "q", 4.0, 3.8), Rated("b", "q", 2.0, 2.2)]
    assert dims == {"empathy": [Rated("a", "q", 3.0, 4.0)]}
    assert (unmatched, unscored) == (["c"], ["d"])


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ({"id": "a", "question_id": "q"}, "l:2: missing overall"),
        ({"id": "a", "question_id": "q", "overall": "high"}, "l:2: overall: not a number"),
        ({"id": "a", "question_id": "q", "overall": 7}, "l:2: overall: must be between 1 and 5"),
        ({"id": "a", "question_id": "other", "overall": 3}, "labelled for question 'other'"),
    ],
)
def test_join_errors_name_the_line(label: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        join_scores([("l:2", label)], [("e:1", _eval_record("a", "q", 3.0))])


# ---------------------------------------------------------------------------- CLI


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """Evaluations as ``answer-eval batch`` writes them, and a CSV of human labels."""
    rubric = load_rubric_set(small_library(tmp_path / "rubrics"))

    def reply(request: JudgeRequest) -> dict[str, Any]:
        # "answer 3 ..." -> every dimension 3 and criteria half met: overall exactly 3
        score = int(request.answer.split()[1])
        verdicts: dict[int, Verdict] = {1: "not_met", 3: "partial", 5: "met"}
        return judgment_for(
            request.question, quote=request.answer, score=score, verdict=verdicts[score]
        )

    evaluator = Evaluator(judge=FakeJudge(reply=reply), rubric_set=rubric)
    questions = ["difficult-customer-issue", "fussy-customer"]
    lines, labels = [], ["id,question_id,overall,empathy,rater"]
    for n in range(12):
        question, score = questions[n % 2], (1, 3, 5)[n % 3]
        ev = evaluator.evaluate(question, f"answer {score} about a customer.", answer_id=f"a{n}")
        lines.append(json.dumps(outcome_record(RowResult(n + 1, f"a{n}", ev))))
        human = score if n % 4 else score + 1 if score < 5 else 4  # off by one for n = 0, 4, 8
        labels.append(f"a{n},{question},{human},{score},ann")
    labels.append("zz,fussy-customer,3,,ann")
    evaluations = tmp_path / "evaluations.jsonl"
    evaluations.write_text("\n".join(lines) + "\n", encoding="utf-8")
    csv_path = tmp_path / "labels.csv"
    csv_path.write_text("\n".join(labels) + "\n", encoding="utf-8")
    return csv_path, evaluations


def test_cli_agree_table(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    labels, evaluations = files
    code = main(["agree", str(labels), "--evaluations", str(evaluations), "--bootstrap", "100"])
    out = capsys.readouterr().out
    assert code == 0
    assert "12 answers (bootstrap 100, seed 0, 95% intervals)" in out
    for row in ("overall", "question difficult-customer-issue", "dimension empathy"):
        assert any(line.startswith(row) for line in out.splitlines()), row
    assert "labels without an evaluation: 1 (zz)" in out
    assert "rounded half up" in out


def test_cli_agree_json_from_jsonl_labels(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_labels, evaluations = files
    rows = csv_labels.read_text(encoding="utf-8").splitlines()[1:]
    jsonl = tmp_path / "labels.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for row in rows:
            ident, question, overall, empathy, _ = row.split(",")
            dims = {"empathy": int(empathy)} if empathy else {}
            record = {"id": ident, "question_id": question, "overall": int(overall)}
            out.write(json.dumps({**record, "dimensions": dims}) + "\n")
    args = ["--evaluations", str(evaluations), "--format", "json", "--bootstrap", "100"]
    assert main(["agree", str(jsonl), *args]) == 0
    from_jsonl = json.loads(capsys.readouterr().out)
    assert main(["agree", str(csv_labels), *args]) == 0
    assert json.loads(capsys.readouterr().out) == from_jsonl  # same data, same seed
    assert from_jsonl["overall"]["n"] == 12
    assert from_jsonl["unmatched"] == ["zz"]
    assert from_jsonl["resamples"] == 100
    qwk = from_jsonl["overall"]["metrics"]["qwk"]
    assert qwk["low"] <= qwk["value"] <= qwk["high"]
    assert [d["name"] for d in from_jsonl["dimensions"]] == ["empathy"]
    # humans agree exactly on 9 answers, and by one point on the 3 others
    assert from_jsonl["overall"]["metrics"]["exact"]["value"] == pytest.approx(9 / 12)
    assert from_jsonl["overall"]["metrics"]["adjacent"]["value"] == 1.0


def test_cli_agree_exit_2_on_bad_input(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, evaluations = files
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a0"\n', encoding="utf-8")
    assert main(["agree", str(bad), "--evaluations", str(evaluations)]) == 2
    assert f"{bad}:1: not JSON" in capsys.readouterr().err
    other = tmp_path / "other.csv"
    other.write_text("id,question_id,overall\nx,fussy-customer,3\n", encoding="utf-8")
    assert main(["agree", str(other), "--evaluations", str(evaluations)]) == 2
    assert "no label" in capsys.readouterr().err
