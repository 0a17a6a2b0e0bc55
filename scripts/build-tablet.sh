#!/usr/bin/env bash
# Build the tablet app as one folder with PyInstaller: build/tablet/dist/shopguide/.
# Compiles the translations (.ts -> .qm) first, then runs the build's own
# `shopguide --self-test` offscreen. Needs the `test` extra (it has pyinstaller).
#   scripts/build-tablet.sh [--no-self-test]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT=build/tablet

"$PY" scripts/translations.py compile
"$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/work" packaging/shopguide.spec
install -m 644 packaging/shopguide.desktop "$OUT/dist/shopguide/shopguide.desktop"
install -m 644 resources/icons/shopguide.svg "$OUT/dist/shopguide/shopguide.svg"

if [[ "${1:-}" != "--no-self-test" ]]; then
    QT_QPA_PLATFORM=offscreen "$OUT/dist/shopguide/shopguide" --self-test
fi
echo "built $OUT/dist/shopguide"
