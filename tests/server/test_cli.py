"""`shopguide-server`: migrate, seed, create-user and serve, as an operator runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import requests

from shopguide.server.embedded import free_port


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from shopguide.cli import server_main; raise SystemExit(server_main())",
            *args,
        ],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHOPGUIDE_")}
    env["SHOPGUIDE_DATABASE_URL"] = f"sqlite:///{tmp_path / 'server.db'}"
    env.update(extra)
    return env


def serve(port: int, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from shopguide.cli import server_main; raise SystemExit(server_main())",
            "serve",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return
        except requests.ConnectionError:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)


def test_seed_then_serve_answers_a_logged_in_guides_queries(tmp_path: Path) -> None:
    env = environment(tmp_path, SHOPGUIDE_SECRET_KEY="k" * 40)
    seeded = run(["seed", "--stores", "4", "--styles", "30", "--members", "50"], env)
    assert seeded.returncode == 0, seeded.stderr
    created = run(
        [
            "create-user",
            "--username",
            "sz01.guide9",
            "--full-name",
            "张敏",
            "--role",
            "guide",
            "--store",
            "SZ01",
            "--password-stdin",
        ],
        env,
        stdin="a long password\n",
    )
    assert created.returncode == 0, created.stderr
    port = free_port()
    server = serve(port, env)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        wait_until_up(port)
        login = requests.post(
            f"{base}/auth/login",
            timeout=5,
            json={"username": "sz01.guide9", "password": "a long password"},
        )
        assert login.status_code == 200
        auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
        styles = requests.get(f"{base}/catalog/styles", headers=auth, timeout=5).json()
        assert styles["total"] == 30
        style = requests.get(
            f"{base}/catalog/styles/{styles['items'][0]['id']}", headers=auth, timeout=5
        ).json()
        stock = requests.get(
            f"{base}/stock/variants/{style['variants'][0]['id']}", headers=auth, timeout=5
        ).json()
        assert stock[0]["store_code"] == "SZ01"
        assert stock[0]["distance_km"] == 0
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_on_an_unmigrated_database_logs_and_answers_why_it_is_not_ready(
    tmp_path: Path,
) -> None:
    port = free_port()
    server = serve(port, environment(tmp_path, SHOPGUIDE_SECRET_KEY="k" * 40))
    try:
        wait_until_up(port)
        ready = requests.get(
            f"http://127.0.0.1:{port}/readyz", headers={"X-Request-ID": "probe-1"}, timeout=5
        )
    finally:
        server.terminate()
        _, log = server.communicate(timeout=10)
    assert ready.status_code == 503
    assert ready.json()["detail"] == (
        "the database has no ShopGuide schema yet: run `shopguide-server migrate`"
    )
    lines = [json.loads(line) for line in log.splitlines()]  # JSON logs by default
    assert any(
        line["level"] == "warning" and "run `shopguide-server migrate`" in line["message"]
        for line in lines
    )
    [access] = [line for line in lines if line.get("request_id") == "probe-1"]
    assert (access["route"], access["status"]) == ("/readyz", 503)


def test_serve_refuses_the_demo_secret_with_a_clear_message(tmp_path: Path) -> None:
    result = run(["serve"], environment(tmp_path))
    assert result.returncode == 2
    assert "SHOPGUIDE_SECRET_KEY is the built-in demo secret" in result.stderr


def test_create_user_for_an_unknown_store_fails_cleanly(tmp_path: Path) -> None:
    env = environment(tmp_path)
    assert run(["migrate"], env).returncode == 0
    result = run(
        [
            "create-user",
            "--username",
            "x.guide",
            "--full-name",
            "X",
            "--role",
            "guide",
            "--store",
            "NOPE",
            "--password-stdin",
        ],
        env,
        stdin="long enough pw\n",
    )
    assert result.returncode == 2
    assert "no store with code NOPE" in result.stderr
