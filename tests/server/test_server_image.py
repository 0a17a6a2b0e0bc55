"""What the server image does, checked without Docker.

This machine has no Docker daemon, so the image itself cannot be built here.
The next best thing is to run what the image runs: the files the Dockerfile
copies, installed the way its `pip install` line installs them (a real,
non-editable install, so missing package data such as the migrations would
show), configured from deploy/server.env.example, and started through
deploy/docker-entrypoint.sh against a fresh PostgreSQL database.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from shopguide.server.embedded import free_port
from tests.support.databases import PG_URL, DatabaseFactory

pytestmark = [
    pytest.mark.pg,
    pytest.mark.slow,
    pytest.mark.skipif(not PG_URL, reason="set SHOPGUIDE_TEST_PG: the image runs on PostgreSQL"),
]

ROOT = Path(__file__).resolve().parents[2]
ENTRYPOINT = ROOT / "deploy" / "docker-entrypoint.sh"
PASSWORD = "an image trial password"


def copied_sources() -> list[str]:
    """The project files the Dockerfile copies into its build folder /tmp/src."""
    sources: list[str] = []
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        match = re.fullmatch(r"COPY\s+(.+?)\s+/tmp/src/?(\S*)", line.strip())
        if match:
            sources.extend(match.group(1).split())
    return sources


def env_example(database_url: str, port: int) -> dict[str, str]:
    """deploy/server.env.example with its placeholders filled, as the quick start does."""
    values: dict[str, str] = {}
    for line in (ROOT / "deploy" / "server.env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    filled = {
        key: value.replace("@SECRET_KEY@", "s" * 48).replace("@METRICS_TOKEN@", "m" * 32)
        for key, value in values.items()
    }
    assert "@" not in filled["SHOPGUIDE_SECRET_KEY"]
    filled["SHOPGUIDE_DATABASE_URL"] = database_url
    filled["PORT"] = str(port)
    filled["WORKERS"] = "2"
    return filled


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package installed from the Dockerfile's copy of the sources, as the image has it."""
    folder = tmp_path_factory.mktemp("image")
    src = folder / "src"
    src.mkdir()
    for name in copied_sources():
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, src / name)
    site = folder / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "--no-deps", "--target", str(site), str(src)],
        check=True,
        timeout=300,
    )  # fmt: skip
    return site


@pytest.fixture
def container_env(installed: Path, databases: DatabaseFactory) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SHOPGUIDE_", "PROMETHEUS_"))}
    env.update(env_example(databases.new_url("postgresql"), free_port()))
    env["PYTHONPATH"] = str(installed)
    env["PATH"] = f"{installed / 'bin'}{os.pathsep}{env['PATH']}"
    return env


def start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(["sh", str(ENTRYPOINT)], env=env, stdout=out, stderr=out)


def wait_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the entrypoint exited:\n{log.read_text()[-3000:]}"
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise AssertionError(f"not ready in 90 s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_the_image_install_carries_the_migrations_and_no_qt(installed: Path) -> None:
    package = installed / "shopguide"
    assert (package / "server" / "migrations" / "env.py").exists()
    assert list((package / "server" / "migrations" / "versions").glob("0001_*.py"))
    assert (installed / "bin" / "shopguide-server").exists()
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sys; import shopguide.server.app; print('PySide6' in sys.modules)"],
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert probe.stdout.strip() == "False", "the server must not import Qt"


def test_the_entrypoint_migrates_serves_and_seeds_as_the_quick_start_says(
    container_env: dict[str, str], tmp_path: Path
) -> None:
    url = f"http://127.0.0.1:{container_env['PORT']}"
    log = tmp_path / "server.log"
    server = start(container_env, log)
    try:
        wait_ready(server, url, log)
        seeded = subprocess.run(
            ["sh", str(ENTRYPOINT), "seed", "--stores", "2", "--styles", "20",
             "--members", "20", "--password", PASSWORD],
            env=container_env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert seeded.returncode == 0, seeded.stderr
        answer = requests.post(
            f"{url}/api/v1/auth/login",
            json={"username": "sz01.guide1", "password": PASSWORD},
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        token = answer.json()["access_token"]
        styles = requests.get(
            f"{url}/api/v1/catalog/styles",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert styles.status_code == 200, styles.text
        assert styles.json()["total"] == 20
        metrics = requests.get(f"{url}/metrics", timeout=5)
        assert metrics.status_code == 401, "the example's metrics token must guard /metrics"
    finally:
        stop(server)
    # A second container on the same database migrates nothing and serves again.
    again = start(container_env, log)
    try:
        wait_ready(again, url, log)
    finally:
        stop(again)
    json_lines = [line for line in log.read_text().splitlines() if line.startswith("{")]
    assert any('"request_id"' in line for line in json_lines), "the log is JSON with request ids"
