#!/usr/bin/env bash
# Sets up (first time only) and runs the whole test suite, browser tests included.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements-dev.txt || exit 1
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: the suite is broken." >&2
  exit 1
fi
exit "$status"
