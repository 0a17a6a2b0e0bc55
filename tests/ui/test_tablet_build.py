"""The packaged tablet app (PyInstaller, one folder) starts and passes its own self-test.

The build takes a minute or two, so it is redone only when what goes into it
changed: a fingerprint of the sources, resources and packaging files is kept
beside the build, and a matching one reuses it (the self-test always runs).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "tablet"
APP = OUT / "dist" / "shopguide" / "shopguide"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None, reason="needs the test extra"
    ),
]


def fingerprint() -> str:
    digest = hashlib.sha256()
    inputs = [ROOT / "pyproject.toml"]
    for folder, pattern in (
        ("app", "*.py"),
        ("app", "*.mako"),
        ("resources", "*"),
        ("packaging", "*"),
    ):
        inputs += (p for p in (ROOT / folder).rglob(pattern) if p.is_file())
    for path in sorted(set(inputs)):
        if path.suffix in (".qm", ".pyc"):
            continue  # built from the .ts; bytecode
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_the_packaged_app_passes_its_self_test() -> None:
    wanted = fingerprint()
    stamp = OUT / "fingerprint"
    if not APP.exists() or not stamp.exists() or stamp.read_text() != wanted:
        subprocess.run(
            [str(ROOT / "scripts" / "build-tablet.sh"), "--no-self-test"],
            check=True,
            capture_output=True,
            timeout=600,
        )
        stamp.write_text(wanted)
    done = subprocess.run(
        [str(APP), "--self-test"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "theme in " + str(APP.parent) in done.stdout  # its own resources, not the checkout's
    assert "Sell screen in ja: お支払い" in done.stdout
    assert (APP.parent / "shopguide.desktop").exists()
