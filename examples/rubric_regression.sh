#!/usr/bin/env bash
# Use 3 of 3: regression-testing a rubric edit before it reaches candidates.
#
#   examples/rubric_regression.sh
#
# 1. Run the shipped golden answers and store the run as a baseline.
# 2. Copy the rubric library and reword one criterion (as a rubric author would).
# 3. Run again with the edited library against the baseline: the report names the question whose
#    rubric changed (by content hash) and any score, red-flag or recommendation drift.
# Uses the offline judge so it runs anywhere; pass --judge openai (and a model) to test an LLM.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

answer-eval regress golden/ --judge offline --save-baseline "$work/baseline.json" > /dev/null
echo "baseline stored: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["answers"]), "answers")' "$work/baseline.json")"

cp -r rubrics "$work/rubrics"
python3 - "$work/rubrics/questions/ai-tools.yaml" <<'PY'
import sys
from pathlib import Path
path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
path.write_text(text.replace("description: ", "description: (reworded) ", 1), encoding="utf-8")
PY

echo "after rewording one criterion of ai-tools:"
answer-eval regress golden/ --judge offline --rubrics "$work/rubrics" --baseline "$work/baseline.json" \
  | tail -n 8 || echo "(exit $?: regress found failures or drift)"
