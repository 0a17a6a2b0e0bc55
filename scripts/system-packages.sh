#!/usr/bin/env bash
# Debian packages the tablet app needs beyond PyPI: CJK fonts (Chinese and
# Japanese names and, later, the zh_CN and ja translations), and the runtime
# libraries the PySide6 wheels expect (libpulse0 lets QtMultimedia, and so
# the camera scanner, load), and Debian's chromium with its driver for the
# tests that pay on the wallet page in a real browser; the xcb libraries let
# the built tablet app open a real window under X. Installs only what is
# missing; does nothing where apt-get is not available.
set -euo pipefail
command -v apt-get >/dev/null || exit 0
needed=()
for package in fonts-noto-cjk libegl1 libxkbcommon0 libfontconfig1 libgl1 libdbus-1-3 libpulse0 \
               libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 \
               chromium chromium-driver; do
    dpkg -s "$package" >/dev/null 2>&1 || needed+=("$package")
done
[ ${#needed[@]} -eq 0 ] && exit 0
echo "== installing ${needed[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
