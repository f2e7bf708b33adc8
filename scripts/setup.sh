#!/usr/bin/env bash
# Create .venv and install the project (and its test tools with --test). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
extra=""
[ "${1:-}" = "--test" ] && extra="[test]"
# torch is pinned to the CPU build (pyproject); everything else comes from the package registry.
.venv/bin/python -m pip install --disable-pip-version-check -q -e ".${extra}"
