#!/usr/bin/env bash
# Sets up (first time only) and runs the dashboard on http://localhost:8501.
# The first start builds the database (THIDUA_DB, else data/thidua.duckdb) from the demo data in
# data/demo before the server starts, so no visitor waits on it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
if [ ! -f "${THIDUA_DB:-data/thidua.duckdb}" ]; then
  echo "Chuẩn bị dữ liệu minh họa (lần chạy đầu tiên)…"
  .venv/bin/python -m thidua demo >/dev/null
fi
exec .venv/bin/python -m streamlit run app.py "$@"
