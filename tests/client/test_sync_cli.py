"""`shopguide login` and `shopguide sync`, run as a person or a script would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from tests.support.live import PASSWORD, LiveServer
from tests.support.proxy import FaultyProxy

ROOT = Path(__file__).resolve().parents[2]


def shopguide(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHOPGUIDE_")}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from shopguide.cli import main; raise SystemExit(main())",
            "--data-dir",
            str(data_dir),
            *args,
        ],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_status_with_pending_orders_and_a_dead_server_says_since_when_and_fails(
    live_server: LiveServer, proxy: FaultyProxy, tmp_path: Path
) -> None:
    data_dir = tmp_path / "tablet"
    login = shopguide(
        data_dir,
        "login",
        "--server",
        proxy.url,
        "--username",
        "sz01.guide1",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert login.returncode == 0, login.stdout + login.stderr
    assert "Logged in as" in login.stdout
    assert shopguide(data_dir, "sync", "--once").returncode == 0
    tablet = Tablet(data_dir)
    variant_id = tablet.cache.read(lambda c: c.execute("SELECT MIN(id) FROM variant").fetchone())[0]
    for _ in range(2):
        queue_order(
            tablet.outbox,
            store_id=tablet.store_id,
            lines=[OrderLine(variant_id, 1, Money(100, "CNY"), Money(0, "CNY"))],
        )
    tablet.close()
    proxy.go_down()

    status = shopguide(data_dir, "sync", "--status")
    assert status.returncode == 1
    assert "Connection: cannot reach" in status.stdout
    assert "Pending: 2 waiting for the server since" in status.stdout
    assert "catalog: as of" in status.stdout

    once = shopguide(data_dir, "sync", "--once")
    assert once.returncode == 1
    assert "Sync stopped: cannot reach" in once.stdout

    proxy.come_back()
    synced = shopguide(data_dir, "sync", "--once")
    assert synced.returncode == 0, synced.stdout
    assert "Pending: nothing" in synced.stdout


def test_refused_orders_are_listed_with_the_reason_and_exit_2(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(live_server.url)
    queue_order(
        tablet.outbox,
        store_id=tablet.store_id,
        lines=[OrderLine(987_654, 1, Money(100, "CNY"), Money(0, "CNY"))],
    )
    data_dir = tablet.data_dir
    tablet.close()
    result = shopguide(data_dir, "sync", "--once")
    assert result.returncode == 2
    assert "Needs attention: 1 refused by the server" in result.stdout
    assert "987654" in result.stdout


def test_sync_before_login_explains_what_to_do(tmp_path: Path) -> None:
    result = shopguide(tmp_path / "fresh", "sync", "--once")
    assert result.returncode == 3
    assert "Run `shopguide login` first" in result.stdout
