"""The one way the UI runs work off the main thread.

`run_task(work, on_success, on_error)` runs `work` on Qt's thread pool and
calls one of the handlers on the main thread with its result or exception,
so the UI never waits on disk or network. Work given the same `queue` name
runs one piece at a time in the order given (two quick taps on "+" must not
race); other work runs side by side. Tests install `InlineRunner` to run
everything at once, in order, on the calling thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")


class Runner(Protocol):
    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        queue: str | None = None,
    ) -> None: ...


class _Relay(QObject):
    """Lives on the main thread; its signals carry results back there."""

    succeeded = Signal(object, object)
    failed = Signal(object, object)

    @Slot(object, object)
    def _deliver_success(self, handler: Callable[[Any], None], value: object) -> None:
        handler(value)

    @Slot(object, object)
    def _deliver_failure(self, handler: Callable[[Exception], None], error: object) -> None:
        assert isinstance(error, Exception)
        handler(error)


class _Job(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__()
        self._relay, self._work = relay, work
        self._on_success, self._on_error = on_success, on_error

    def run(self) -> None:
        try:
            value = self._work()
        except Exception as exc:
            self._relay.failed.emit(self._on_error, exc)
            return
        self._relay.succeeded.emit(self._on_success, value)


class ThreadPoolRunner:
    def __init__(self) -> None:
        self._relay = _Relay()
        self._relay.succeeded.connect(self._relay._deliver_success)
        self._relay.failed.connect(self._relay._deliver_failure)
        self._pool = QThreadPool.globalInstance()
        self._queues: dict[str, QThreadPool] = {}

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        queue: str | None = None,
    ) -> None:
        pool = self._pool if queue is None else self._queue(queue)
        pool.start(_Job(self._relay, work, on_success, on_error))

    def _queue(self, name: str) -> QThreadPool:
        """One thread per named queue: its jobs run one at a time, first in first out."""
        if name not in self._queues:
            pool = QThreadPool()
            pool.setMaxThreadCount(1)
            self._queues[name] = pool
        return self._queues[name]

    def wait_for_done(self, msecs: int = 10_000) -> bool:
        pools = [self._pool, *self._queues.values()]
        return all(pool.waitForDone(msecs) for pool in pools)


class InlineRunner:
    """Runs work at once on the calling thread: deterministic UI tests."""

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        queue: str | None = None,
    ) -> None:
        try:
            value = work()
        except Exception as exc:
            on_error(exc)
            return
        on_success(value)


_runner: Runner | None = None


def set_runner(runner: Runner) -> None:
    global _runner
    _runner = runner


def run_task(
    work: Callable[[], T],
    on_success: Callable[[T], None],
    on_error: Callable[[Exception], None],
    *,
    queue: str | None = None,
) -> None:
    global _runner
    if _runner is None:
        _runner = ThreadPoolRunner()
    _runner.run(work, on_success, on_error, queue)
