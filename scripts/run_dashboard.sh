#!/usr/bin/env bash
# Sets up (first time only) and runs the dashboard on http://localhost:8501.
# The first start builds data/thidua.duckdb from the demo data in data/demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
exec .venv/bin/python -m streamlit run app.py "$@"
