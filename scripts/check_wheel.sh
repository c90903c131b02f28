#!/usr/bin/env bash
# Build a wheel from the checkout, install it in a fresh venv, and check from another folder
# that the installed package finds its rubrics and prompts.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python -m build --wheel --outdir "$work/dist" . > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$work"/dist/*.whl
cd "$work"
count=$("$work/venv/bin/answer-eval" rubrics list --format json | "$work/venv/bin/python" -c 'import json,sys; print(len(json.load(sys.stdin)))')
"$work/venv/bin/answer-eval" rubrics validate > /dev/null
"$work/venv/bin/answer-eval" score --judge offline --question difficult-customer-issue \
  --answer "Last year a customer was double-billed. I listened, found the root cause and refunded her within 4 hours." \
  --format json > "$work/score.json"
"$work/venv/bin/answer-eval" score --judge offline --redact --question difficult-customer-issue \
  --answer "I'm Maria Lopez. A customer was double-billed; I listened and refunded her." \
  --format json > "$work/redacted.json"  # the audit word lists load from the wheel
"$work/venv/bin/python" - "$work/score.json" "$work/redacted.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
assert result["status"] == "scored", result
assert json.load(open(sys.argv[2]))["provenance"]["redacted"] == {"name": 1}
assert "/_data/" in __import__("answer_eval.resources", fromlist=["x"]).prompts_dir().as_posix()
from answer_eval.manipulation.resemblance import load_model
assert len(load_model().weights) > 1000  # the resemblance model ships inside the package
PY
# the report's page assets and the ATS mapping are package data: they must be in the wheel
head -3 "$OLDPWD/examples/answers.jsonl" > "$work/answers.jsonl"
"$work/venv/bin/answer-eval" batch "$work/answers.jsonl" -o "$work/results.jsonl" --judge offline --no-progress 2> /dev/null
"$work/venv/bin/answer-eval" report "$work/results.jsonl" --html "$work/report.html" 2> /dev/null
grep -q "@media print" "$work/report.html"
"$work/venv/bin/answer-eval" export "$work/results.jsonl" --to ats -o "$work/cards" 2> /dev/null
[ "$(ls "$work/cards" | wc -l)" -eq 3 ]
echo "wheel ok: installed wheel lists $count questions from $(pwd), scores offline, writes the HTML report and ATS scorecards"
[ "$count" -ge 23 ]
