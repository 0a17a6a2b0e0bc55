"""Benchmark: the app starting to an interactive Sell screen over a 200,000-variant cache.

    python tests/bench/bench_startup.py [--styles 7828]

Builds a tablet data folder whose cache holds a 200,000-variant catalog (the
real seed, applied through `Cache.apply`) and a saved login for a server
that is not running (the app must start offline just as fast). Then, in
fresh processes, times `shopguide` from process start until the Sell screen
is shown and the event loop is idle, against the baseline of a process that
only runs `import PySide6.QtWidgets`. Prints JSON lines; exits 1 over 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shopguide.client import settings as opts
from shopguide.client.credentials import CredentialStore
from shopguide.client.settings import Settings
from shopguide.server.seed import styles_for_variants

sys.path.insert(0, str(Path(__file__).parent))
from bench_search import build_cache

STARTUP = r"""
import os, sys, time
started = float(sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from shopguide.client.tablet import Tablet
from shopguide.ui.app import AppController, application
from shopguide.ui.screens import default_screens
app = application()
controller = AppController(Tablet(), default_screens)
controller.start()
def ready():
    assert controller.window is not None and controller.window.isVisible()
    print(time.time() - started, flush=True)
    os._exit(0)
QTimer.singleShot(0, ready)
app.exec()
"""


def figure(name: str, value: float | int) -> None:
    print(json.dumps({"bench": "startup", "figure": name, "value": value}), flush=True)


def timed(code: str, env: dict[str, str]) -> float:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, str(started)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.strip()
    return float(out.splitlines()[-1]) if out else time.time() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--styles", type=int, default=styles_for_variants(200_000))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tablet_dir = folder / "tablet"
        tablet_dir.mkdir()
        cache = build_cache(folder, args.styles)
        cache.close()
        (folder / "cache.db").rename(tablet_dir / "cache.db")
        settings = Settings(tablet_dir / "settings.json")
        settings.set(opts.SERVER_URL, "http://127.0.0.1:9")
        settings.set(opts.USERNAME, "sz01.guide1")
        settings.set(opts.FULL_NAME, "王芳")
        settings.set(opts.ROLE, "guide")
        settings.set(opts.STORE_ID, 1)
        CredentialStore(tablet_dir, use_keyring=False).save("sz01.guide1", "x.y")
        env = {**os.environ, "SHOPGUIDE_DATA_DIR": str(tablet_dir), "QT_QPA_PLATFORM": "offscreen"}
        baseline_code = (
            "import sys, time; started = float(sys.argv[1]); "
            "import PySide6.QtWidgets; print(time.time() - started)"
        )
        app_times = [timed(STARTUP, env) for _ in range(args.runs)]
        base_times = [timed(baseline_code, env) for _ in range(args.runs)]
    app_s = statistics.median(app_times)
    base_s = statistics.median(base_times)
    figure("startup_to_sell_s", round(app_s, 3))
    figure("baseline_import_qtwidgets_s", round(base_s, 3))
    figure("ratio", round(app_s / base_s, 2))
    return 0 if app_s < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
