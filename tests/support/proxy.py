"""A loopback TCP proxy that breaks connections on purpose, for the fault tests.

Each request takes the next fault from a schedule (or none), whether it opens
a new connection or reuses a kept-alive one:
- "drop_request": close after forwarding part of the request, before the
  server has all of it;
- "drop_response": forward the request, then close after part of the response;
- "lose_response": let the server answer in full, but never give the answer
  to the client (the server committed; the client never heard);
- "refuse": close at once, as a server that is down;
- "delay" (in SLOW_FAULTS, not in FAULTS): hold the request 0.1-0.8 s before
  forwarding it, as a congested mobile network.
Only loopback addresses are used.
"""

from __future__ import annotations

import contextlib
import random
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Iterable

FAULTS = ("drop_request", "drop_response", "lose_response", "refuse")
SLOW_FAULTS = ("delay",)


class FaultyProxy:
    def __init__(self, upstream_port: int, *, seed: int = 0) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._faults: deque[str | None] = deque()
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self._stopped = threading.Event()
        self.requests = 0
        self.faults_done: list[str] = []
        self._down = False
        self._open: set[socket.socket] = set()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def schedule(self, faults: Iterable[str | None]) -> None:
        """Faults for the next requests, in order; after them requests pass cleanly."""
        with self._lock:
            self._faults.extend(faults)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def go_down(self) -> None:
        """Cut every open connection and refuse new ones, like a dead network."""
        with self._lock:
            self._down = True
            open_now = list(self._open)
        for sock in open_now:
            _hard_close(sock)

    def come_back(self) -> None:
        with self._lock:
            self._down = False

    def close(self) -> None:
        self._stopped.set()
        self._listener.close()

    def _next_fault(self) -> str | None:
        with self._lock:
            self.requests += 1
            if self._down:
                return "refuse"
            return self._faults.popleft() if self._faults else None

    def _accept_loop(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        """Forward one connection; each request on it draws the next fault."""
        with self._lock:
            down = self._down
        if down:
            _hard_close(client)
            return
        try:
            server = socket.create_connection(self.upstream, timeout=30)
        except OSError:
            _hard_close(client)
            return
        with self._lock:
            self._open.update((client, server))
        state: dict[str, object] = {"fault": None, "cut": 0}
        done = threading.Event()

        def close_both() -> None:
            done.set()
            _hard_close(client)
            _hard_close(server)
            with self._lock:
                self._open.difference_update((client, server))

        def upstream() -> None:
            try:
                while not done.is_set():
                    data = client.recv(65536)
                    if not data:
                        break
                    if _REQUEST_START.match(data):
                        fault = self._next_fault()
                        if fault:
                            self.faults_done.append(fault)
                        state["fault"] = fault
                        state["cut"] = self._rng.randint(1, 300)
                        if fault == "refuse":
                            break
                        if fault == "drop_request":
                            server.sendall(data[: min(int(state["cut"]), len(data) - 1)])
                            break
                        if fault == "delay":
                            time.sleep(self._rng.uniform(0.1, 0.8))
                    server.sendall(data)
            except OSError:
                pass
            close_both()

        threading.Thread(target=upstream, daemon=True).start()
        received = 0
        try:
            while not done.is_set():
                data = server.recv(65536)
                if not data:
                    break
                fault = state["fault"]
                if fault == "lose_response":
                    # The answer is complete once the server falls silent; keep-alive
                    # connections never close on their own.
                    server.settimeout(0.3)
                    continue
                if fault == "drop_response":
                    received += len(data)
                    if received >= int(state["cut"]):
                        client.sendall(data[: max(int(state["cut"]) - (received - len(data)), 0)])
                        break
                client.sendall(data)
        except OSError:
            pass
        close_both()


_REQUEST_START = re.compile(rb"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /")


def _hard_close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
