#!/usr/bin/env bash
# Sets up (first time only) and runs every benchmark; the figures go to bench/RESULTS.md.
# Options pass through to bench/run_all.py: --quick (small sizes), --runs N.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt
exec .venv/bin/python -m bench.run_all "$@"
