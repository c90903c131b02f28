#!/usr/bin/env bash
# Re-record the OpenAI judge's cassettes against the local llama.cpp server.
#
#   scripts/record_cassettes.sh              # starts scripts/serve_local_model.sh if needed
#   scripts/record_cassettes.sh -k async     # extra arguments go to pytest
#
# Every cassette under tests/cassettes/test_openai_judge_recorded/ is rewritten (generation is
# slow on a laptop CPU: allow a few minutes). Afterwards the script checks that no account
# header reached a cassette. Normal test runs replay them with --record-mode=none.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=8765  # the tests' BASE_URL
URL="http://127.0.0.1:$PORT/v1/models"
TESTS=tests/test_openai_judge_recorded.py
CASSETTES=tests/cassettes/test_openai_judge_recorded
SERVER_PID=

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop_server EXIT

if ! curl -fsS "$URL" >/dev/null 2>&1; then
  LOG=$(mktemp -t llama-server.XXXXXX.log)
  echo "starting the local model server (log: $LOG)" >&2
  PORT=$PORT scripts/serve_local_model.sh >"$LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 1200); do  # a first start may build the venv (~10 min)
    curl -fsS "$URL" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    sleep 1
  done
fi

python -m pytest "$TESTS" --record-mode=rewrite -p no:cacheprovider -q "$@"

if grep -rniE "^ *(authorization|api-key|openai-organization|openai-project|cookie|set-cookie|x-request-id):" "$CASSETTES"; then
  echo "an account header reached a cassette: see above" >&2
  exit 1
fi
echo "cassettes in $CASSETTES recorded; no account headers found" >&2

# `answer-eval regress --cassette`: a golden set judged by the local model, with the baseline it
# produced; tests/test_regression_replay.py replays it and expects zero drift. Exit 1 is normal
# here: a 270M base model fails most golden expectations.
answer-eval regress golden/company-or-product.yaml --judge openai \
  --base-url "http://127.0.0.1:$PORT/v1" --model gemma-3-270m-q4_k_m \
  --concurrency 1 --max-tokens 1024 --seed 0 \
  --cassette tests/cassettes/regress/company-or-product.yaml --record-mode all \
  --save-baseline tests/data/replay/company-or-product.baseline.json --format json \
  > /dev/null || [ $? -eq 1 ]
