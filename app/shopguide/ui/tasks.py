"""The one way the UI runs work off the main thread.

`run_task(work, on_success, on_error)` runs `work` on Qt's thread pool and
calls one of the handlers on the main thread with its result or exception,
so the UI never waits on disk or network. Tests install `InlineRunner` to
run everything at once, in order, on the calling thread.
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

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self._pool.start(_Job(self._relay, work, on_success, on_error))

    def wait_for_done(self, msecs: int = 10_000) -> bool:
        return bool(self._pool.waitForDone(msecs))


class InlineRunner:
    """Runs work at once on the calling thread: deterministic UI tests."""

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[Exception], None],
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
    work: Callable[[], T], on_success: Callable[[T], None], on_error: Callable[[Exception], None]
) -> None:
    global _runner
    if _runner is None:
        _runner = ThreadPoolRunner()
    _runner.run(work, on_success, on_error)
