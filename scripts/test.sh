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
# The PostgreSQL tests and the others run side by side in two processes (the machine
# has two cores); tests/conftest.py says why PostgreSQL tests never run in both.
# SHOPGUIDE_TEST_HALVES=0 runs everything in one process.
if [ "${SHOPGUIDE_TEST_HALVES:-1}" = "0" ]; then
    echo "== pytest" && exec .venv/bin/python -m pytest "$@"
fi
echo "== pytest, in two halves side by side: PostgreSQL tests, and the rest"
logs=$(mktemp -d)
.venv/bin/python -m pytest --half=postgresql "$@" >"$logs/postgresql.log" 2>&1 &
pg=$!
.venv/bin/python -m pytest --half=rest "$@" >"$logs/rest.log" 2>&1 &
rest=$!
status=0
for half in postgresql rest; do
    pid=$pg
    [ "$half" = "rest" ] && pid=$rest
    code=0
    wait "$pid" || code=$?
    echo "== pytest: the $half half (exit $code)"
    cat "$logs/$half.log"
    # 5 is "no tests collected": fine for one half when arguments pick tests of one kind.
    [ "$code" -ne 0 ] && [ "$code" -ne 5 ] && status=1
    [ "$code" -eq 5 ] && touch "$logs/$half.empty"
done
[ -f "$logs/postgresql.empty" ] && [ -f "$logs/rest.empty" ] && status=5
# One closing line for both halves.
.venv/bin/python - "$logs" <<'PY'
import re, sys
from pathlib import Path
totals = {"passed": 0, "failed": 0, "skipped": 0, "errors": 0}
for log in Path(sys.argv[1]).glob("*.log"):
    lines = log.read_text(errors="replace").strip().splitlines()
    last = lines[-1] if lines else ""
    for count, word in re.findall(r"(\d+) (passed|failed|skipped|errors?)", last):
        totals["errors" if word.startswith("error") else word] += int(count)
failed = totals["failed"] + totals["errors"]
print(f"{totals['passed']} passed, {failed} failed, {totals['skipped']} skipped")
PY
rm -rf "$logs"
exit "$status"
