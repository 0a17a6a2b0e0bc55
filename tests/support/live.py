"""A seeded central server over real HTTP on loopback, for client and UI tests."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.embedded import EmbeddedServer, free_port
from shopguide.server.migrate import upgrade
from shopguide.server.seed import seed_database

PASSWORD = "seeded-password"
SECRET = "client-tests-secret-" + "z" * 40
ACQUIRER_SECRET = "client-tests-acquirer-secret"


@dataclass
class LiveServer:
    server: EmbeddedServer
    engine: Engine

    @property
    def url(self) -> str:
        return self.server.url

    def scalar(self, sql: str, **params: object) -> object:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar_one()

    def rows(self, sql: str, **params: object) -> list[tuple[object, ...]]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params).all()]

    def restart(self) -> None:
        """Stop and start again on the same port, as after a deploy or a crash."""
        port = self.server.port
        self.server.stop()
        self.server = EmbeddedServer(self.server.settings, port=port)
        self.server.start()


@contextmanager
def running_server(url: str) -> Iterator[LiveServer]:
    """Migrate and seed a small brand (4 stores) at `url` and serve it on loopback."""
    engine = make_engine(url)
    upgrade(engine)
    seed_database(engine, stores=4, styles=30, members=60, password=PASSWORD)
    server = EmbeddedServer(
        Settings(
            database_url=url,
            secret_key=SECRET,
            sandbox_payments=True,
            emv_acquirer_secret=ACQUIRER_SECRET,
        )
    )
    server.start()
    live = LiveServer(server, engine)
    try:
        yield live
    finally:
        live.server.stop()
        engine.dispose()


class ServerProcess:
    """The server in its own process, so that a test can SIGKILL it and start it again.

    It serves the database at `database_url` (migrated and seeded already)
    with the same settings as `running_server`, on a fixed port. A spare
    process (`tests.support.server_process`) is kept with the server already
    imported, so a restart takes a fraction of a second.
    """

    def __init__(self, database_url: str, port: int | None = None) -> None:
        self.database_url = database_url
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._spare: subprocess.Popen[bytes] | None = None
        self.kills = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _spawn(self) -> subprocess.Popen[bytes]:
        root = Path(__file__).resolve().parents[2]
        env = {
            **os.environ,
            "PYTHONPATH": f"{root}{os.pathsep}{root / 'app'}",
            "SHOPGUIDE_DATABASE_URL": self.database_url,
            "SHOPGUIDE_SECRET_KEY": SECRET,
            "SHOPGUIDE_SANDBOX_PAYMENTS": "1",
            "SHOPGUIDE_EMV_ACQUIRER_SECRET": ACQUIRER_SECRET,
        }
        return subprocess.Popen(
            [sys.executable, "-m", "tests.support.server_process", str(self.port)],
            cwd=root,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def start(self, timeout: float = 30.0) -> None:
        process = self._spare or self._spawn()
        self._spare = None
        assert process.stdin is not None
        process.stdin.write(b"go\n")
        process.stdin.flush()
        self.process = process
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the server process exited with {process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as answer:  # noqa: S310
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.02)
        else:
            raise RuntimeError(f"the server process did not start on {self.url}")
        self._spare = self._spawn()

    def kill(self) -> None:
        """SIGKILL: no shutdown, whatever it was doing (a transaction half done) is cut."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)
            self._close_pipe(self.process)
            self.process = None
            self.kills += 1

    def stop(self) -> None:
        for process in (self.process, self._spare):
            if process is None:
                continue
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)
            self._close_pipe(process)
        self.process = self._spare = None

    @staticmethod
    def _close_pipe(process: subprocess.Popen[bytes]) -> None:
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
