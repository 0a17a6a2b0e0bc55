"""Holding a tablet's status request open until its payment changes.

The tablet learns of a payment within a second by asking with `wait`: the
request returns as soon as the payment's status differs from what the
tablet knows. One watcher per process looks at the database (so a wallet
notification handled by another process is seen too) every `interval`
seconds, and only for the payments someone is waiting on.
"""

from __future__ import annotations

import asyncio
import contextlib

from sqlalchemy import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from shopguide.server.ops.metrics import LONG_POLLS
from shopguide.server.payments import service


class PaymentWatcher:
    def __init__(self, engine: Engine, *, interval: float = 0.1) -> None:
        self._engine = engine
        self._interval = interval
        self._waiters: dict[asyncio.Future[str], tuple[int, str]] = {}
        self._task: asyncio.Task[None] | None = None

    def _statuses(self, payment_ids: list[int]) -> dict[int, str]:
        with Session(self._engine) as session:
            return service.statuses(session, payment_ids)

    async def wait(self, payment_id: int, known: str, timeout: float) -> str | None:
        """The new status once it differs from `known`, or None when `timeout` runs out."""
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._waiters[future] = (payment_id, known)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._watch())
        try:
            with LONG_POLLS.labels("payment").track_inprogress():
                return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            return None
        finally:
            self._waiters.pop(future, None)

    async def _watch(self) -> None:
        while self._waiters:
            ids = sorted({pid for pid, _ in self._waiters.values()})
            now = await run_in_threadpool(self._statuses, ids)
            for future, (payment_id, known) in list(self._waiters.items()):
                status = now.get(payment_id)
                if status is not None and status != known and not future.done():
                    future.set_result(status)
            await asyncio.sleep(self._interval)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
