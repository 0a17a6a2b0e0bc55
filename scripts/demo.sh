#!/usr/bin/env bash
# The README's first command: install ShopGuide into .venv and run the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/shopguide demo "$@"
