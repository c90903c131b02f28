"""Library overhead per evaluation, judge excluded: render, validate, ground, score.

Run: python benchmarks/overhead.py [--runs 2000]

A 300-word answer to difficult-customer-issue and a complete judgment whose quotes come from it
(exact, re-cased/re-spaced, one with a typo so the fuzzy path runs, one invented). Prints median
and p95 milliseconds per stage and in total. Target: total well under 5 ms.

Two audit costs are printed apart, since both are opt-in: appending one line to a hash-chained
audit log (flushed, not fsynced), and redacting the answer (plus a signature with a name, an
email and a phone number) and mapping the judge's quotes back.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from answer_eval.audit.log import AuditLog
from answer_eval.evaluator import Evaluator
from answer_eval.judges.contract import JudgeReply
from answer_eval.judgment import parse_judgment
from answer_eval.privacy.redaction import Redactor
from answer_eval.testing import FakeJudge, judgment_for

QID = "difficult-customer-issue"
ANSWER = (
    "Last spring I was the support lead for a mid-sized logistics customer whose invoices had "
    "doubled overnight after a plan migration. Their finance manager called us three times in one "
    "morning and was understandably furious, because the overcharge had already hit their "
    "quarterly budget review. My task was to stop the bleeding quickly and win back their trust "
    "before the renewal conversation the following month. I started by letting her explain the "
    "whole story without interrupting, and I repeated back what I heard so she knew I had "
    "understood the impact on her team. I apologised for the stress we had caused, and I told her "
    "exactly what I would check and when she would hear from me. I pulled the billing history, "
    "compared it with the migration logs, and found that the new plan had been applied on top of "
    "the old one instead of replacing it, so every seat was billed twice. I worked with our "
    "billing engineer to remove the duplicate subscription, issued a full refund for the "
    "overcharge, and added a credit for the inconvenience. Because the root cause was a gap in our "
    "migration checklist, I wrote a short fix for the checklist and shared it with the team so "
    "the same mistake would not hit other accounts. I used our helpdesk's AI summary to brief the "
    "engineer, but I rewrote the customer update myself, because an upset customer deserves a "
    "human reply. The refund reached them within two days. A week later I followed up to confirm "
    "the next invoice was correct, and she thanked us for being transparent. They renewed for "
    "two more years, and the checklist change has prevented at least four similar cases since."
)


def _judgment() -> dict[str, object]:
    evaluator = Evaluator(judge=FakeJudge())
    question = evaluator.rubric_set.question(QID)
    data = judgment_for(question, quote="I pulled the billing history", score=4)
    quotes = [
        "I started by letting her explain the whole story without interrupting",
        "i apologised for the stress   we had caused",  # normalized match
        "I worked with our billing engineer to remove the duplicat subscription",  # fuzzy match
        "I escalated to my manager immediately",  # invented: stays unverified
    ]
    for dim in data["dimensions"].values():  # type: ignore[attr-defined]
        dim["evidence"] = quotes
    return data


def _time(fn: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()
    evaluator = Evaluator(judge=FakeJudge())
    question = evaluator.rubric_set.question(QID)
    data = _judgment()
    request = evaluator.request(QID, ANSWER)
    reply = JudgeReply(judgment=parse_judgment(data, question), model="bench", output_mode="none")
    for _ in range(50):  # warm caches
        evaluator.finish(request, reply)

    def total() -> None:
        req = evaluator.request(QID, ANSWER)
        judged = parse_judgment(data, question)
        evaluator.finish(req, JudgeReply(judgment=judged, model="bench", output_mode="none"))

    evaluation = evaluator.finish(request, reply)
    signed = ANSWER + " I'm Maria Lopez; write to maria.lopez@example.com or call (212) 555-0147."
    quoting = _judgment()  # ... and the judge quotes the redacted signature once per dimension
    for dim in quoting["dimensions"].values():  # type: ignore[attr-defined]
        dim["evidence"].append("I'm [NAME_1]; write to [EMAIL_1]")
    judged_redacted = parse_judgment(quoting, question)
    redactor = Redactor()

    def redacted() -> None:  # find personal data, then map the judge's quotes back
        redactor.redact(signed).restore_judgment(judged_redacted)

    with tempfile.TemporaryDirectory() as folder:
        log = AuditLog(Path(folder) / "audit.jsonl")
        stages = {
            "render": lambda: evaluator.request(QID, ANSWER),
            "validate": lambda: parse_judgment(data, question),
            "ground+score": lambda: evaluator.finish(request, reply),
            "total": total,
            "audit log": lambda: log.record(evaluation, answer=ANSWER),
            "redaction": redacted,
        }
        print(f"answer: {len(ANSWER.split())} words; runs: {args.runs}")
        for name, fn in stages.items():
            samples = sorted(_time(fn, args.runs))
            p95 = samples[int(len(samples) * 0.95) - 1]
            print(f"{name:14} median {statistics.median(samples):7.3f} ms   p95 {p95:7.3f} ms")


if __name__ == "__main__":
    main()
