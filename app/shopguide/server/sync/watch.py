"""Waking long-polling pulls when the change feed grows in the scopes they follow.

A tablet that is up to date asks to pull with `wait`: the server holds the
request until a change lands in one of its scopes, so a stock change reaches
connected tablets within a fraction of a second without them polling.

One watcher per process asks the database (which every server process
shares, so a change written through another process is seen too) for what
was added to the feed since it last looked, every `interval` seconds and
only while someone is waiting; each waiter is woken only for its own scopes.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, Engine, func, select
from starlette.concurrency import run_in_threadpool

from shopguide.server.models.sync import ChangeLog
from shopguide.server.models.types import utcnow
from shopguide.server.ops.metrics import LONG_POLLS, SYNC_WAKEUP_SECONDS
from shopguide.server.sync.shapes import table_of

CHANGE_LOG = table_of(ChangeLog)


class FeedWatcher:
    def __init__(self, engine: Engine, *, interval: float = 0.1) -> None:
        self._engine = engine
        self._interval = interval
        self._waiters: dict[asyncio.Future[None], frozenset[str]] = {}
        self._head: int | None = None
        self._task: asyncio.Task[None] | None = None

    def head(self, conn: Connection | None = None) -> int:
        """The newest change id in the feed (blocking: call it from a worker thread).

        On `conn` if given (a request's own connection), else on one of the pool's.
        """
        if conn is not None:
            return int(conn.execute(select(func.max(CHANGE_LOG.c.id))).scalar_one() or 0)
        with self._engine.connect() as own:
            return self.head(own)

    def _changed_since(self, head: int) -> tuple[int, dict[str, datetime]]:
        """The newest change id after `head`, and each scope changed after it with the time
        of its oldest such change (how long that change has waited to be heard of)."""
        query = select(
            CHANGE_LOG.c.scope, func.max(CHANGE_LOG.c.id), func.min(CHANGE_LOG.c.at)
        ).where(CHANGE_LOG.c.id > head)
        with self._engine.connect() as conn:
            rows = conn.execute(query.group_by(CHANGE_LOG.c.scope)).all()
        newest = max((int(r[1]) for r in rows), default=head)
        return newest, {str(r[0]): r[2] for r in rows}

    async def wait(self, scopes: Iterable[str], *, after: int, timeout: float) -> bool:
        """True once a change after the `after` head lands in one of `scopes`, else at timeout."""
        wanted = frozenset(scopes)
        watching = self._task is not None and not self._task.done()
        if not (watching and self._head is not None and self._head <= after):
            # Unless the running watcher will itself look at everything after
            # `after` (hundreds of tablets waiting on a quiet feed: no query each),
            # what landed since `after` is checked for this waiter now.
            newest, landed = await run_in_threadpool(self._changed_since, after)
            if wanted & landed.keys():
                return True
            # Everything up to `newest` was just checked for this waiter; the watcher
            # must look at anything after it, even if it had already moved further.
            self._head = newest if self._head is None else min(self._head, newest)
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters[future] = wanted
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._watch())
        try:
            with LONG_POLLS.labels("sync").track_inprogress():
                await asyncio.wait_for(future, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            self._waiters.pop(future, None)

    async def _watch(self) -> None:
        while self._waiters:
            await asyncio.sleep(self._interval)
            head = self._head or 0
            newest, landed = await run_in_threadpool(self._changed_since, head)
            self._head = newest
            now = utcnow()
            for future, wanted in list(self._waiters.items()):
                waited = [landed[scope] for scope in wanted if scope in landed]
                if waited and not future.done():
                    future.set_result(None)
                    SYNC_WAKEUP_SECONDS.observe(max(0.0, (now - min(waited)).total_seconds()))

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
