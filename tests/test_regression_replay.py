"""Replaying a recorded LLM run of a golden set shows zero drift against its stored baseline.

The cassette and the baseline were recorded together from llama.cpp's OpenAI-compatible server
with a 270M base model (scripts/record_cassettes.sh). Its judgments are meaningless as grades;
what this pins is the regression machinery: the same recorded replies, the same rubric and the
same prompts must give the same scores, flags and recommendations, with every call replayed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from answer_eval.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "golden" / "company-or-product.yaml"
CASSETTE = ROOT / "tests" / "cassettes" / "regress" / "company-or-product.yaml"
BASELINE = ROOT / "tests" / "data" / "replay" / "company-or-product.baseline.json"
JUDGE = [
    "--judge", "openai", "--base-url", "http://127.0.0.1:8765/v1",
    "--model", "gemma-3-270m-q4_k_m", "--concurrency", "1", "--max-tokens", "1024", "--seed", "0",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_ambient_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "ANSWER_EVAL_MODEL", "OPENAI_MODEL"):
        monkeypatch.delenv(name, raising=False)


def test_replayed_cassette_has_zero_drift(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        ["regress", str(GOLDEN), *JUDGE, "--cassette", str(CASSETTE),
         "--baseline", str(BASELINE), "--format", "json"]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert "not fully played" not in captured.err
    report = json.loads(captured.out)
    drift = report["drift"]
    assert drift["has_drift"] is False
    assert all(shift["shift"] == 0 for shift in drift["shifts"])
    for key in ("flips", "rubric_changed", "prompt_changed", "model_changed", "missing", "added"):
        assert drift[key] == [], key
    stored = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert len(report["answers"]) == len(stored["answers"]) == 3
    assert any(a["overall"] != [None] for a in report["answers"])  # real scored replies


def test_an_edited_answer_cannot_reach_the_network(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = tmp_path / "company-or-product.yaml"
    edited.write_text(
        GOLDEN.read_text(encoding="utf-8").replace(
            "answer: >-\n      ", "answer: >-\n      Honestly, ", 1
        ),
        "utf-8",
    )
    code = main(["regress", str(edited), *JUDGE, "--cassette", str(CASSETTE)])
    assert code == 2
    assert "the judge made a call the cassette has not recorded" in capsys.readouterr().err
