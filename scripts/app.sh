#!/usr/bin/env bash
# Set up and start the app on its embedded defaults: Chroma on disk under data/, no server, no LLM.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run app.py --server.headless true --browser.gatherUsageStats false "$@"
