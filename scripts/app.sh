#!/usr/bin/env bash
# Set up and start the app on its embedded defaults: Chroma on disk under data/, no server, no LLM.
# Before the server listens, the retrieval index is built (progress bar below) or checked, and the models are
# loaded, so the first question is answered at once. Extra arguments go to Streamlit, e.g. --server.port 8502.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m navigator.serve "$@"
