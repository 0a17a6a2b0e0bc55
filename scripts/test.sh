#!/usr/bin/env bash
# The README's test command: installs everything the tests need into .venv
# (and the system packages the project's own set-up step provides), then runs
# the linters, the type checker and the whole test suite. Extra arguments go
# to pytest. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test

export QT_QPA_PLATFORM=offscreen
echo "== ruff" && .venv/bin/ruff check app tests && .venv/bin/ruff format --check app tests
echo "== mypy" && .venv/bin/mypy
# Two workers (SHOPGUIDE_TEST_WORKERS; 0 runs in one process): PostgreSQL tests share
# one of them and each module stays on one (tests/conftest.py says why).
workers=${SHOPGUIDE_TEST_WORKERS:-2}
parallel=()
[ "$workers" != "0" ] && parallel=(-n "$workers" --dist loadgroup)
echo "== pytest" && exec .venv/bin/python -m pytest "${parallel[@]}" "$@"
