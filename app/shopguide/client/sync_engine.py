"""The background sync engine: pushes the outbox, pulls every subscribed scope.

Two worker threads: the puller keeps each scope current (long-polling the
server when up to date, so a change arrives within a second) and the pusher
sends queued mutations as soon as they are queued. Long polls are short
(4 s), so they double as a heartbeat: a network that drops without a word is
noticed within seconds, and stopping never waits long. Network failures back
off exponentially with jitter; a mutation the server refuses goes to "needs
attention" and never blocks the ones behind it. Listeners hear about status
and data changes on the worker threads: the UI hands them to its own thread.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from shopguide.client import clock
from shopguide.client.api import ApiClient, ApiError, LoginRequired, OfflineError
from shopguide.client.cache import Cache, CacheCorrupt, scope_kind
from shopguide.client.outbox import Outbox
from shopguide.client.sqlite import StorageFull

log = logging.getLogger(__name__)

PUSH_BATCH = 100


class SyncState(StrEnum):
    CONNECTING = "connecting"
    SYNCING = "syncing"
    UP_TO_DATE = "up_to_date"
    OFFLINE = "offline"
    LOGIN_REQUIRED = "login_required"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class SyncStatus:
    state: SyncState
    scopes_done: int = 0
    scopes_total: int = 0
    rows_received: int = 0
    as_of: datetime | None = None
    pending: int = 0
    oldest_pending_at: datetime | None = None
    needs_attention: int = 0
    message: str = ""


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with full jitter: base * 2^n, capped, times a random 0.5-1."""

    base: float = 1.0
    cap: float = 60.0

    def delay(self, failures: int, rng: random.Random) -> float:
        step: float = self.base * 2.0 ** max(failures - 1, 0)
        return min(self.cap, step) * rng.uniform(0.5, 1.0)


class SyncEngine:
    def __init__(
        self,
        *,
        cache: Cache,
        outbox: Outbox,
        api: ApiClient,
        scopes: Sequence[str],
        page_limit: int = 5000,
        long_poll_seconds: float = 4.0,
        idle_seconds: float = 1.0,
        backoff: Backoff | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.cache = cache
        self.outbox = outbox
        self.api = api
        self.page_limit = page_limit
        self.long_poll_seconds = long_poll_seconds
        self.idle_seconds = idle_seconds
        self.backoff = backoff or Backoff()
        self._rng = rng or random.Random()  # noqa: S311  (jitter, not secrecy)
        self._status = self._with_counts(SyncStatus(SyncState.CONNECTING))
        self._status_lock = threading.Lock()
        self._status_listeners: list[Callable[[SyncStatus], None]] = []
        self._change_listeners: list[Callable[[set[str]], None]] = []
        self._stop = threading.Event()
        self._pull_wake = threading.Event()
        self._push_wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._push_lock = threading.Lock()
        self._scopes: list[str] = []
        self.set_scopes(scopes)

    def set_scopes(self, scopes: Sequence[str]) -> None:
        """Follow these scopes from now on; dropped ones are cleared from the cache."""
        self._scopes = list(dict.fromkeys(scopes))
        self.cache.subscribe(self._scopes)
        self._pull_wake.set()

    @property
    def scopes(self) -> list[str]:
        return list(self._scopes)

    # -- observing ---------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        with self._status_lock:
            return self._status

    def add_status_listener(self, listener: Callable[[SyncStatus], None]) -> None:
        self._status_listeners.append(listener)

    def add_change_listener(self, listener: Callable[[set[str]], None]) -> None:
        """Called with the scopes whose data changed, after each applied page."""
        self._change_listeners.append(listener)

    def _set_status(self, **changes: Any) -> None:
        with self._status_lock:
            self._status = self._with_counts(replace(self._status, **changes))
            status = self._status
        for listener in self._status_listeners:
            try:
                listener(status)
            except Exception:
                log.exception("sync status listener failed")

    def _with_counts(self, status: SyncStatus) -> SyncStatus:
        counts = self.outbox.counts()
        return replace(
            status,
            pending=counts.pending,
            needs_attention=counts.rejected,
            oldest_pending_at=counts.oldest_pending_at,
        )

    def refresh_counts(self) -> None:
        self._set_status()

    # -- one round, callable directly (the `shopguide sync --once` path) -----

    def run_once(self) -> SyncStatus:
        """Push everything pending, then pull every scope until it is current."""
        self._set_status(state=SyncState.SYNCING, message="")
        self.push_pending()
        self.pull_all(wait=0)
        self._set_status(state=SyncState.UP_TO_DATE, as_of=clock.now(), message="")
        return self.status

    def push_pending(self) -> int:
        """Push in batches until the outbox has nothing pending; returns how many were sent."""
        sent = 0
        with self._push_lock:
            while True:
                batch = self.outbox.pending(PUSH_BATCH)
                if not batch:
                    return sent
                ids = [m.id for m in batch]
                try:
                    results = self.api.push([m.to_wire() for m in batch])
                except (OfflineError, ApiError) as exc:
                    self.outbox.record_failure(ids, str(exc))
                    raise
                self.outbox.record_results(results)
                sent += len(batch)
                self._set_status()
                answered = {str(r.get("id")) for r in results}
                if not answered & set(ids):
                    raise ApiError(502, "the server answered none of the pushed mutations")

    def pull_all(self, *, wait: float) -> set[str]:
        """Pull until every scope says has_more is false; returns the scopes that changed."""
        released = self.outbox.released_holds()  # before asking: the answer includes them
        scopes = list(self._scopes)
        changed: set[str] = set()
        done: set[str] = set()
        rows = 0
        total = len(scopes)
        cursors = self.cache.cursors()
        first_round = True
        while len(done) < total:
            asking = {s: cursors.get(s) for s in scopes if s not in done}
            answer = self.api.pull(asking, self.page_limit, wait=wait if first_round else 0)
            first_round = False
            for scope, page in answer.items():
                if scope not in asking:
                    continue
                if page.get("kind") == "resync":
                    log.info("server asked to resync %s", scope)
                    self.cache.reset_scope(scope)
                    cursors[scope] = None
                    changed.add(scope)
                    continue
                result = self.cache.apply(
                    scope,
                    page,
                    first_of_snapshot=page.get("kind") == "snapshot" and asking[scope] is None,
                )
                cursors[scope] = page.get("cursor")
                rows += result.rows + result.deletes
                if result.rows or result.deletes:
                    changed.add(scope)
                if not page.get("has_more"):
                    done.add(scope)
                    self._release_holds(scope, released)
            self._set_status(scopes_done=len(done), scopes_total=total, rows_received=rows)
            if changed:
                self._notify_changes(changed)
        return changed

    def _release_holds(self, scope: str, released: dict[int, list[tuple[int, str]]]) -> None:
        kind, store_id = scope_kind(scope)
        if kind == "stock" and store_id is not None:
            self.outbox.drop_holds(store_id, released.get(store_id, []))

    def _notify_changes(self, scopes: set[str]) -> None:
        for listener in self._change_listeners:
            try:
                listener(set(scopes))
            except Exception:
                log.exception("sync change listener failed")

    # -- background operation ------------------------------------------------

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        for name, target in (("sync-pull", self._pull_loop), ("sync-push", self._push_loop)):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop both threads; a long poll in flight ends within `long_poll_seconds`."""
        self._stop.set()
        self._pull_wake.set()
        self._push_wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    def request_sync(self) -> None:
        """Pull now and push now (e.g. the guide tapped the sync indicator)."""
        self._pull_wake.set()
        self._push_wake.set()

    def notify_queued(self) -> None:
        """A mutation was just queued: push it without waiting for the next round."""
        self.refresh_counts()
        self._push_wake.set()

    def _pull_loop(self) -> None:
        failures = 0
        up_to_date = False
        while not self._stop.is_set():
            try:
                if not up_to_date:
                    self._set_status(state=SyncState.SYNCING, scopes_done=0, message="")
                self.pull_all(wait=self.long_poll_seconds if up_to_date else 0)
                failures = 0
                up_to_date = True
                self._set_status(state=SyncState.UP_TO_DATE, as_of=clock.now(), message="")
                delay = 0.0 if self.long_poll_seconds else self.idle_seconds
            except Exception as exc:
                if self._stop.is_set():
                    return  # closing down: the cache or outbox may already be closed
                failures += 1
                up_to_date = False
                delay = self._handle_failure(exc, failures)
            if delay and self._pull_wake.wait(delay):
                self._pull_wake.clear()

    def _push_loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self.push_pending()
                failures = 0
                delay = self.idle_seconds * 30
            except Exception as exc:
                if self._stop.is_set():
                    return  # closing down: the cache or outbox may already be closed
                failures += 1
                delay = self._handle_failure(exc, failures)
            if self._push_wake.wait(delay):
                self._push_wake.clear()

    def _handle_failure(self, exc: Exception, failures: int) -> float:
        """Show what went wrong and say how long to wait before trying again."""
        if isinstance(exc, LoginRequired):
            self._set_status(state=SyncState.LOGIN_REQUIRED, message=str(exc))
            return self.backoff.cap
        if isinstance(exc, OfflineError):
            self._set_status(state=SyncState.OFFLINE, message=str(exc))
        elif isinstance(exc, CacheCorrupt):
            self._set_status(state=SyncState.SYNCING, message="local cache rebuilt")
            return 0.0
        elif isinstance(exc, ApiError):
            self._set_status(state=SyncState.ERROR, message=exc.reason)
        elif isinstance(exc, StorageFull):
            self._set_status(state=SyncState.ERROR, message=str(exc))
        else:
            log.exception("sync failed")
            self._set_status(state=SyncState.ERROR, message=f"{type(exc).__name__}: {exc}")
        return self.backoff.delay(failures, self._rng)


def scopes_for_store(store_id: int, nearby_store_ids: Sequence[int]) -> list[str]:
    """What a tablet of `store_id` keeps: catalog, config, its members and inbox, stock here
    and nearby."""
    stock = [f"stock:{store_id}"] + [f"stock:{s}" for s in nearby_store_ids if s != store_id]
    return ["config", "catalog", f"members:{store_id}", f"inbox:{store_id}", *stock]
