"""Every documented exit-2 case ends with one line saying what is wrong, never a traceback;
and the README's quick start works word for word with OPENAI_API_KEY set and no model."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
ANSWER = "Last spring a customer was double-billed. I listened, refunded her and fixed the cause."


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ANSWER_EVAL_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    return {**env, **extra}


def _cli(
    *args: str | Path, cwd: Path, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "answer_eval.cli", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env or _env(),
        timeout=120,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode("utf-8", "replace")
    )


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    (folder / "a-folder").mkdir()
    (folder / "answers.jsonl").write_bytes((EXAMPLES / "answers.jsonl").read_bytes())
    (folder / "answers.csv").write_bytes((EXAMPLES / "answers.csv").read_bytes())
    (folder / "no-answer-column.csv").write_text(
        "id,question_id,text\n" + "".join(f"c{i},ai-tools,{ANSWER}\n" for i in range(5)),
        encoding="utf-8",
    )
    (folder / "results.jsonl").write_text(
        '{"id": "x", "row": 1, "status": "error", "error": "row 1: boom"}\n', encoding="utf-8"
    )
    golden = REPO / "golden"
    (folder / "golden.yaml").write_bytes(next(golden.glob("*.yaml")).read_bytes())
    stub = folder / "no-vcr" / "vcr"  # an environment without vcrpy
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise ImportError('No module named vcr')\n")
    return folder


CASES = {
    "score-latin1-stdin": (["score", "--question", "ai-tools", "-"], "not UTF-8"),
    "batch-output-is-a-folder": (["batch", "answers.jsonl", "-o", "a-folder"], "is a folder"),
    "batch-summary-is-a-folder": (
        ["batch", "answers.jsonl", "-o", "r.jsonl", "--summary-json", "a-folder"],
        "is a folder",
    ),
    "batch-missing-answer-column": (
        ["batch", "no-answer-column.csv", "-o", "r2.jsonl"],
        "has no field 'answer'",
    ),
    "batch-missing-input": (["batch", "missing.jsonl", "-o", "r3.jsonl"], "not found"),
    "report-a-readme": (["report", str(REPO / "README.md")], "not a results log"),
    "report-a-csv": (["report", "answers.csv"], "it is a CSV file"),
    "report-an-input-file": (["report", "answers.jsonl"], "an answer to judge"),
    "report-html-into-a-folder": (
        ["report", "answers.jsonl", "--html", "a-folder"],
        "not a results",
    ),
    "export-an-input-file": (
        ["export", "answers.jsonl", "--to", "ats", "-o", "x"],
        "not a results",
    ),
    "regress-cassette-without-vcrpy": (
        [
            "regress",
            "golden.yaml",
            "--judge",
            "openai",
            "--model",
            "m",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--cassette",
            "c.yaml",
        ],
        "needs vcrpy",
    ),
    "api-key-with-a-typographic-quote": (
        [
            "score",
            "--question",
            "ai-tools",
            "--answer",
            ANSWER,
            "--judge",
            "openai",
            "--model",
            "m",
        ],
        "the API key has a character an HTTP header cannot carry",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_documented_usage_error_is_one_line_and_exit_2(work: Path, case: str) -> None:
    args, message = CASES[case]
    env = _env()
    stdin = b""
    if case == "score-latin1-stdin":
        stdin = "Je me suis occup\u00e9 du client, caf\u00e9 offert.".encode("latin-1")
    if case == "regress-cassette-without-vcrpy":
        env["PYTHONPATH"] = os.pathsep.join([str(work / "no-vcr"), env["PYTHONPATH"]])
    if case == "api-key-with-a-typographic-quote":
        env["OPENAI_API_KEY"] = "sk-\u201cabc123\u201d"
    done = _cli(*args, cwd=work, stdin=stdin, env=env)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("answer-eval: error:")]
    assert len(errors) == 1, done.stderr
    assert message in errors[0]
    if case == "api-key-with-a-typographic-quote":
        assert "abc123" not in done.stderr


def test_the_readme_quick_start_works_word_for_word_with_a_key_and_no_model(
    tmp_path: Path,
) -> None:
    """Run the README's first command as written, in a copy of the checkout, with
    OPENAI_API_KEY set and no model: the auto judge falls back to offline, with one notice."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    quick = blocks[0]
    assert quick.startswith("python3 -m venv .venv && .venv/bin/pip install -q -e . && ")
    assert blocks[1] == "scripts/test"
    # the set-up part (a venv with answer-eval) is what this test suite runs in: provide it
    checkout = tmp_path / "checkout"
    (checkout / ".venv" / "bin").mkdir(parents=True)
    (checkout / "examples").mkdir()
    (checkout / "examples" / "answers.jsonl").write_bytes((EXAMPLES / "answers.jsonl").read_bytes())
    shim = checkout / ".venv" / "bin" / "answer-eval"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m answer_eval.cli "$@"\n')
    shim.chmod(0o755)
    command = quick.split(" && ", 2)[2]  # everything after the set-up, word for word
    env = _env(OPENAI_API_KEY="placeholder-not-a-key")
    done = subprocess.run(
        ["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "judge: offline rule-based judge (an endpoint or key is set but no model" in done.stderr
    records = [json.loads(line) for line in (checkout / "results.jsonl").read_text().splitlines()]
    assert len(records) == 24
    assert {r["status"] for r in records} == {"scored"}
    assert "24 answers:" in done.stdout
    again = subprocess.run(
        ["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 0, again.stderr
    assert len((checkout / "results.jsonl").read_text().splitlines()) == 24  # resumed, not doubled
