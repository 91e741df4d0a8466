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
# Once the server answers, one session runs the app: a visitor's link to a page then opens that page,
# even as the first visit (scripts/first_session.py says why), and the shared caches are warm.
port=8501
arguments=("$@")
for i in "${!arguments[@]}"; do
  case "${arguments[$i]}" in
    --server.port) port=${arguments[$((i + 1))]:-$port} ;;
    --server.port=*) port=${arguments[$i]#*=} ;;
  esac
done
.venv/bin/python scripts/first_session.py "http://127.0.0.1:$port" >/dev/null 2>&1 &
exec .venv/bin/python -m streamlit run app.py "$@"
