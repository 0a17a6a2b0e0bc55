"""A loopback TCP proxy that breaks connections on purpose, for the fault tests.

Each new connection takes the next fault from a schedule (or none):
- "drop_request": close after forwarding part of the request, before the
  server has all of it;
- "drop_response": forward the request, then close after part of the response;
- "lose_response": let the server answer in full, but never give the answer
  to the client (the server committed; the client never heard);
- "refuse": close at once, as a server that is down.
Only loopback addresses are used.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
from collections import deque
from collections.abc import Iterable

FAULTS = ("drop_request", "drop_response", "lose_response", "refuse")


class FaultyProxy:
    def __init__(self, upstream_port: int, *, seed: int = 0) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._faults: deque[str | None] = deque()
        self._lock = threading.Lock()
        self._rng = random.Random(seed)
        self._stopped = threading.Event()
        self.connections = 0
        self.faults_done: list[str] = []
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def schedule(self, faults: Iterable[str | None]) -> None:
        """Faults for the next connections, in order; after them connections pass cleanly."""
        with self._lock:
            self._faults.extend(faults)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def close(self) -> None:
        self._stopped.set()
        self._listener.close()

    def _next_fault(self) -> str | None:
        with self._lock:
            self.connections += 1
            return self._faults.popleft() if self._faults else None

    def _accept_loop(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            fault = self._next_fault()
            if fault:
                self.faults_done.append(fault)
            threading.Thread(target=self._serve, args=(client, fault), daemon=True).start()

    def _serve(self, client: socket.socket, fault: str | None) -> None:
        if fault == "refuse":
            _hard_close(client)
            return
        try:
            server = socket.create_connection(self.upstream, timeout=30)
        except OSError:
            _hard_close(client)
            return
        cut_request = self._rng.randint(1, 200) if fault == "drop_request" else None
        cut_response = self._rng.randint(1, 300) if fault == "drop_response" else None
        lose = fault == "lose_response"
        done = threading.Event()

        def upstream() -> None:
            sent = 0
            try:
                while not done.is_set():
                    data = client.recv(65536)
                    if not data:
                        break
                    if cut_request is not None and sent + len(data) >= cut_request:
                        server.sendall(data[: max(cut_request - sent, 0)])
                        break
                    server.sendall(data)
                    sent += len(data)
            except OSError:
                pass
            finally:
                done.set()
                _hard_close(client)
                _hard_close(server)

        threading.Thread(target=upstream, daemon=True).start()
        received = 0
        try:
            while not done.is_set():
                data = server.recv(65536)
                if not data:
                    break
                received += len(data)
                if lose:
                    # The answer is complete once the server falls silent; keep-alive
                    # connections never close on their own.
                    server.settimeout(0.3)
                    continue
                if cut_response is not None and received >= cut_response:
                    client.sendall(data[: max(cut_response - (received - len(data)), 0)])
                    break
                client.sendall(data)
        except OSError:
            pass
        finally:
            done.set()
            _hard_close(client)
            _hard_close(server)


def _hard_close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
