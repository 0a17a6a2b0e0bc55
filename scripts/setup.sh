#!/usr/bin/env bash
# Creates .venv with Python 3.11 and installs ShopGuide into it.
#   scripts/setup.sh        the app and the server (extra `tablet`: Qt, barcodes)
#   scripts/setup.sh test   also what the tests need (extra `test`, which includes `tablet`)
# Safe to run again: it only installs what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/system-packages.sh || echo "warning: could not install system packages (fonts, Qt libraries); see README" >&2

python=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv with $python"
    "$python" -m venv .venv
fi
extras="[tablet]"
[ "${1:-}" = "test" ] && extras="[test]"
stamp=".venv/.installed${extras}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "== installing shopguide${extras}"
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
    touch "$stamp"
fi
