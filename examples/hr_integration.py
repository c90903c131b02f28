"""Use 1 of 3: answer-eval imported into HR tooling (an ATS or assessment product).

Run: python examples/hr_integration.py
     OPENAI_BASE_URL=... ANSWER_EVAL_MODEL=... python examples/hr_integration.py   # with an LLM

Scores one candidate's answers and turns each Evaluation into the record an ATS would store:
the recommendation, the scores with their evidence quotes, the review flags that route the
result to a human, and the provenance an auditor needs.
"""

from __future__ import annotations

import json
from pathlib import Path

from answer_eval import Evaluation, Evaluator, choose_judge

EXAMPLES = Path(__file__).resolve().parent


def ats_record(evaluation: Evaluation) -> dict[str, object]:
    """What an applicant tracking system stores for one screening answer."""
    if evaluation.status == "unscored":
        return {
            "answer_id": evaluation.answer_id,
            "status": "needs_manual_scoring",
            "reason": evaluation.unscored_reason,
        }
    return {
        "answer_id": evaluation.answer_id,
        "question": evaluation.question_id,
        "recommendation": evaluation.recommendation,
        "score_100": evaluation.overall_100,
        "route_to_human": evaluation.needs_review,
        "why_review": [f.message for f in evaluation.review_flags],
        "evidence": {
            d.id: [e.span.text for e in d.evidence if e.span is not None][:2]
            for d in evaluation.dimensions
            if d.status == "scored"
        },
        "red_flags": [f.id for f in evaluation.red_flags if f.present],
        "audit": evaluation.provenance.model_dump(
            mode="json",
            include={
                "library_version",
                "rubric_set",
                "rubric_hash",
                "prompt_hash",
                "judge",
                "model",
            },
        ),
    }


def main() -> None:
    evaluator = Evaluator(judge=choose_judge("auto"))
    rows = [json.loads(line) for line in (EXAMPLES / "answers.jsonl").open(encoding="utf-8")]
    for row in rows[:3]:
        evaluation = evaluator.evaluate(row["question_id"], row["answer"], answer_id=row["id"])
        print(json.dumps(ats_record(evaluation), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
