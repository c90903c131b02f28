"""Prompt tokens per answer, per output mode, for every shipped question; what they cost.

Run (the tokenizer is an extra, not a runtime dependency):

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python benchmarks/prompt_tokens.py [--encoding cl100k_base] [--answers 100000]
        [--price NAME=INPUT,CACHED_INPUT,OUTPUT ...] [--save FILE.json]

Counting method (the one behind the figures quoted in issue 15): the text of every message the
judge sends, plus, in ``json_schema`` mode, the ``response_format`` object as JSON (OpenAI puts
the strict schema into the prompt and bills it as prompt tokens). In ``json_object`` mode the
schema travels too, but OpenAI ignores it and llama.cpp compiles it into a grammar, so it is
not counted; ``text`` mode sends no schema. Chat framing (a few tokens per message) is left
out. The answer is each question's *strong* golden answer (``golden/<question>.yaml``).

* **prefix**: the tokens before the first answer-specific character (schema, system message,
  any fixed text of the user message): what providers' prompt caching can reuse across a
  batch of answers to one question.
* **completion**: the size of a typical full judgment: every dimension, criterion, red flag and
  STAR part answered, each with one quote of 12 words and a 25-word rationale.
* **four-dimension cut**: ``difficult-customer-issue`` with only the four core dimensions
  (STAR, empathy, ownership, AI fluency), its first criterion and no red flag: the reduced
  question of the side-by-side comparison with instructor (reconstructed from the issue's
  figures: it gives exactly the quoted 791-token schema and 279-token reply shape).

The cost table uses **example** list prices (USD per 1M tokens: input, cached input, output),
given as inputs; pass your own with ``--price``. Cached input applies to the prefix only when
it reaches the provider's minimum (OpenAI: 1,024 tokens, then 128-token steps); the table shows
the cost with and without that discount. Figures recorded on the code before issue 15 are in
``benchmarks/prompt_tokens_before.json``; when present they are printed beside today's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from answer_eval.judges.contract import JudgeRequest
from answer_eval.judges.openai_protocol import MODES, OutputMode, chat_body, schema_enforced
from answer_eval.judgment import STAR_PARTS
from answer_eval.regression.golden import golden_set_from_file
from answer_eval.rubrics.loading import default_rubric_set
from answer_eval.rubrics.models import Question, RubricSet

ROOT = Path(__file__).resolve().parent.parent
BEFORE = Path(__file__).with_name("prompt_tokens_before.json")
FOCUS = "difficult-customer-issue"
CUT_DIMENSIONS = ("star", "empathy", "ownership", "ai_fluency")
OTHER_ANSWER = "A different answer, to find where the prompts of two answers part."

# Example price points, USD per 1M tokens (input, cached input, output): OpenAI's published list
# prices in 2025. Examples only: prices change and differ by provider; pass yours with --price.
EXAMPLE_PRICES: dict[str, tuple[float, float, float]] = {
    "gpt-4o-mini (example)": (0.15, 0.075, 0.60),
    "gpt-4.1-mini (example)": (0.40, 0.10, 1.60),
    "gpt-4.1 (example)": (2.00, 0.50, 8.00),
    "gpt-4o (example)": (2.50, 1.25, 10.00),
}
CACHE_MIN, CACHE_STEP = 1024, 128  # OpenAI: prompts of 1,024+ tokens, cached in 128-token steps

Count = Callable[[str], int]


@dataclass(frozen=True)
class Figures:
    """Tokens one answer costs in one output mode."""

    prompt: int
    prefix: int
    schema: int
    completion: int

    @property
    def prefix_share(self) -> float:
        """Share of the prompt that precedes the answer (cacheable across answers)."""
        return self.prefix / self.prompt if self.prompt else 0.0


def bodies(question: Question, rubric: RubricSet, answer: str) -> dict[OutputMode, dict[str, Any]]:
    """The request body the OpenAI judge sends for ``answer`` in each output mode."""
    dims = tuple(rubric.dimension(d) for d in question.applicable_dimensions())
    request = JudgeRequest.render(question=question, dimensions=dims, answer=answer)
    return {
        mode: chat_body(
            model="m",
            messages=request.messages_for(schema_enforced=schema_enforced(mode)),
            schema=request.schema,
            mode=mode,
        )
        for mode in MODES
    }


def _sent_text(body: dict[str, Any], mode: OutputMode) -> tuple[str, str]:
    """(schema text counted as prompt, the messages' text joined) for one body."""
    schema = json.dumps(body["response_format"]) if mode == "json_schema" else ""
    return schema, "\n".join(m["content"] for m in body["messages"])


def typical_judgment(question: Question, answer: str) -> dict[str, Any]:
    """A full judgment of typical size: one 12-word quote per item, 25-word rationales."""
    words = answer.split()
    quote = " ".join(words[:12])
    rationale = " ".join((words * 3)[12:37])
    return {
        "dimensions": {
            d: {"evidence": [quote], "rationale": rationale, "score": 4}
            for d in question.applicable_dimensions()
        },
        "star": dict.fromkeys(STAR_PARTS, quote),
        "criteria": {c.id: {"evidence": [quote], "verdict": "met"} for c in question.criteria},
        "red_flags": {r.id: {"evidence": [], "present": False} for r in question.red_flags},
        "injection": {"evidence": [], "detected": False},
    }


def figures(question: Question, rubric: RubricSet, answer: str, count: Count) -> dict[str, Figures]:
    """Prompt, prefix, schema and completion tokens of ``answer`` in every output mode."""
    sent = bodies(question, rubric, answer)
    other = bodies(question, rubric, OTHER_ANSWER)
    completion = count(json.dumps(typical_judgment(question, answer)))
    result = {}
    for mode in MODES:
        schema, text = _sent_text(sent[mode], mode)
        _, other_text = _sent_text(other[mode], mode)
        shared = next(
            (i for i, (a, b) in enumerate(zip(text, other_text, strict=False)) if a != b),
            min(len(text), len(other_text)),
        )
        result[mode] = Figures(
            prompt=count(schema) + count(text),
            prefix=count(schema) + count(text[:shared]),
            schema=count(schema),
            completion=completion,
        )
    return result


def four_dimension_cut(question: Question) -> Question:
    """The reduced question of the side-by-side comparison (see the module docstring)."""
    weights = {d: w for d, w in question.weights.items() if d in CUT_DIMENSIONS}
    return question.model_copy(
        update={"weights": weights, "criteria": question.criteria[:1], "red_flags": []}
    )


def cached_tokens(prefix: int) -> int:
    """Prompt tokens a provider with OpenAI's caching rule serves from cache."""
    if prefix < CACHE_MIN:
        return 0
    return CACHE_MIN + (prefix - CACHE_MIN) // CACHE_STEP * CACHE_STEP


def cost(fig: Figures, price: tuple[float, float, float], answers: int) -> tuple[float, float]:
    """USD for ``answers`` answers: (no cache hits, every prefix a cache hit)."""
    inp, cached, out = (p / 1_000_000 for p in price)
    plain = fig.prompt * inp + fig.completion * out
    hit = cached_tokens(fig.prefix)
    warm = (fig.prompt - hit) * inp + hit * cached + fig.completion * out
    return plain * answers, warm * answers


def measure(rubric: RubricSet, count: Count) -> dict[str, Any]:
    """Every shipped question's figures, plus the four-dimension cut of the focus question."""
    rows: dict[str, Any] = {}
    for question in rubric.questions:
        golden = golden_set_from_file(ROOT / "golden" / f"{question.id}.yaml")
        answer = next(a.answer for a in golden.answers if a.kind == "strong")
        rows[question.id] = {
            m: asdict(f) for m, f in figures(question, rubric, answer, count).items()
        }
        if question.id == FOCUS:
            cut = figures(four_dimension_cut(question), rubric, answer, count)
            rows[f"{FOCUS} (four-dimension cut)"] = {m: asdict(f) for m, f in cut.items()}
    return rows


def _price(text: str) -> tuple[str, tuple[float, float, float]]:
    name, _, values = text.partition("=")
    parts = [float(v) for v in values.split(",")]
    if not name or len(parts) != 3:
        raise argparse.ArgumentTypeError("expected NAME=INPUT,CACHED_INPUT,OUTPUT")
    return name, (parts[0], parts[1], parts[2])


def _load(row: dict[str, Any]) -> dict[str, Figures]:
    return {m: Figures(**f) for m, f in row.items()}


def report(rows: dict[str, Any], before: dict[str, Any] | None, args: argparse.Namespace) -> None:
    """Print the tables."""
    out = sys.stdout
    print(f"tokenizer: {args.encoding} (bpe-openai); answer: each question's strong golden answer")
    print("\n# Prompt tokens per answer, json_schema mode (before -> now)\n", file=out)
    print(f"{'question':44} {'before':>7} {'now':>6} {'change':>7}  {'prefix':>6}  {'compl.':>6}")
    for qid, row in rows.items():
        now = _load(row)["json_schema"]
        was = _load(before[qid])["json_schema"] if before and qid in before else None
        change = f"{now.prompt / was.prompt - 1:+.0%}" if was else "-"
        print(
            f"{qid:44} {was.prompt if was else '-':>7} {now.prompt:>6} {change:>7}  "
            f"{now.prefix_share:>6.0%}  {now.completion:>6}"
        )
    for qid in (FOCUS, f"{FOCUS} (four-dimension cut)"):
        print(f"\n# {qid}: per output mode\n")
        print(f"{'mode':12} {'prompt':>7} {'schema':>7} {'prefix':>7} {'share':>6} {'compl.':>7}")
        for mode, fig in _load(rows[qid]).items():
            was = _load(before[qid])[mode] if before and qid in before else None
            note = f"   (before: {was.prompt}, {fig.prompt / was.prompt - 1:+.0%})" if was else ""
            print(
                f"{mode:12} {fig.prompt:>7} {fig.schema:>7} {fig.prefix:>7} "
                f"{fig.prefix_share:>6.0%} {fig.completion:>7}{note}"
            )
    prices = dict(args.price) if args.price else EXAMPLE_PRICES
    print(f"\n# Cost of {args.answers:,} answers to {FOCUS}, json_schema mode (USD)")
    print("# prices per 1M tokens (input / cached input / output) are inputs: examples, not quotes")
    print("# 'cached': the prefix billed at the cached rate when it is >= 1,024 tokens\n")
    print(f"{'':45} {'no cache hits':>19}  {'every prefix cached':>19}")
    columns = f"{'before':>9} {'now':>9}"
    print(f"{'price point':26} {'in/cached/out':>18} {columns}  {columns}")
    now = _load(rows[FOCUS])["json_schema"]
    was = _load(before[FOCUS])["json_schema"] if before and FOCUS in before else None
    for name, price in prices.items():
        plain, warm = cost(now, price, args.answers)
        old_plain, old_warm = cost(was, price, args.answers) if was else (float("nan"),) * 2
        rates = "/".join(f"{p:g}" for p in price)
        print(f"{name:26} {rates:>18} {old_plain:9.2f} {plain:9.2f}  {old_warm:9.2f} {warm:9.2f}")


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print, optionally save."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--encoding", default="cl100k_base", choices=["cl100k_base", "o200k_base"])
    parser.add_argument("--answers", type=int, default=100_000, help="answers in the cost table")
    parser.add_argument("--price", type=_price, action="append", help="NAME=IN,CACHED,OUT")
    parser.add_argument("--save", type=Path, help="write the figures as JSON to this file")
    args = parser.parse_args(argv)
    try:
        import bpe_openai
    except ImportError:
        print('needs the tokenizer: pip install -e ".[bench]"', file=sys.stderr)
        return 2
    encoding = bpe_openai.get_encoding(args.encoding)

    def count(text: str) -> int:
        return len(encoding.encode_ordinary(text))

    rows = measure(default_rubric_set(), count)
    before = None
    if BEFORE.exists():
        recorded = json.loads(BEFORE.read_text(encoding="utf-8"))
        before = recorded.get(args.encoding)
    report(rows, before, args)
    if args.save:
        args.save.write_text(json.dumps({args.encoding: rows}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
