"""`shopguide --self-test`, as a packaged build runs it: a fresh process, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys


def test_self_test_opens_the_window_in_every_language_and_exits_0() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from shopguide.cli import main; raise SystemExit(main(['--self-test']))",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Sell screen in zh_CN: 收款" in done.stdout
    assert "Sell screen in ja: お支払い" in done.stdout
    assert "self-test passed" in done.stdout
