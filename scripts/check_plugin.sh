#!/usr/bin/env bash
# Check the pytest plugin the way a team uses it: build the wheel from the checkout, install it
# with pytest in a fresh venv, write a tiny project with one golden file and one test that uses
# the answer_eval_evaluator fixture, and run pytest there. The plugin must load through its
# pytest11 entry point (no -p option), collect one item per golden answer, and show a failed
# expectation with its evidence.
#
#   scripts/check_plugin.sh                 # run by scripts/test
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python -m build --wheel --outdir "$work/dist" . > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install --quiet "$work"/dist/*.whl pytest

if ! "$py" - <<'PY'
from importlib.metadata import entry_points
import sys
found = [ep for ep in entry_points(group="pytest11") if ep.name == "answer_eval"]
sys.exit(0 if found and found[0].value == "answer_eval.regression.pytest_plugin" else 1)
PY
then
  echo "the wheel declares no pytest11 entry point answer_eval = answer_eval.regression.pytest_plugin" >&2
  exit 1
fi

project="$work/project"
mkdir -p "$project/tests"
cat > "$project/pytest.ini" <<'INI'
[pytest]
addopts = --strict-markers
filterwarnings = error
INI
cat > "$project/tests/golden_refunds.yaml" <<'YAML'
# yaml-language-server: $schema=golden.schema.json
question_id: difficult-customer-issue
answers:
  - id: strong
    kind: strong
    answer: >-
      Last spring a customer was double-billed for her annual plan and threatened to cancel.
      My task was to fix the charge and keep her. I listened and let her explain, found the root
      cause in our billing sync with the billing team, and refunded her within 4 hours. I
      followed up a week later. As a result she renewed for another year.
    expect:
      overall: {min: 2.8}
      red_flags:
        absent: [harsh-blame, immediate-escalation]
  - id: blame
    kind: red_flag
    answer: It was their fault, they typed the wrong address. I passed it to my manager.
    expect:
      recommendation: [no, definitely_not]
      red_flags:
        present: [harsh-blame, immediate-escalation]
YAML
cat > "$project/tests/test_own.py" <<'PY'
import pytest


@pytest.mark.answer_eval
def test_offline_judge_by_default(answer_eval_evaluator):
    evaluation = answer_eval_evaluator.evaluate(
        "difficult-customer-issue", "I always try my best with every customer."
    )
    assert evaluation.provenance.judge == "offline"
    assert evaluation.recommendation in ("no", "definitely_not")
PY

cd "$project"
"$work/venv/bin/pytest" -p no:cacheprovider -v > "$work/pass.log" 2>&1 || { cat "$work/pass.log"; exit 1; }
grep -q "golden_refunds.yaml::strong PASSED" "$work/pass.log" || { cat "$work/pass.log"; exit 1; }
grep -q "3 passed" "$work/pass.log" || { cat "$work/pass.log"; exit 1; }

# A broken expectation must fail and show its evidence.
sed -i 's/present: \[harsh-blame, immediate-escalation\]/absent: [harsh-blame]/' tests/golden_refunds.yaml
if "$work/venv/bin/pytest" -p no:cacheprovider > "$work/fail.log" 2>&1; then
  echo "a failing golden expectation passed:" >&2; cat "$work/fail.log"; exit 1
fi
grep -q "x red flag harsh-blame: expected absent, got present" "$work/fail.log" || { cat "$work/fail.log"; exit 1; }
grep -q '"It was their fault' "$work/fail.log" || { cat "$work/fail.log"; exit 1; }

echo "plugin ok: a fresh project with only answer-eval and pytest installed collects golden files"
