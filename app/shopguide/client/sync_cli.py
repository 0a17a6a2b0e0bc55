"""`shopguide login` and `shopguide sync`: the tablet's sync, headless, for people and scripts.

Exit codes: 0 everything is synced, 1 mutations are still pending, 2 some
were refused by the server and need attention, 3 the server cannot be
reached or the tablet is not logged in.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from shopguide.client.api import ApiClient, ApiError, LoginRequired, OfflineError
from shopguide.client.outbox import OutboxCounts
from shopguide.client.settings import SERVER_URL
from shopguide.client.sync_engine import SyncState, SyncStatus
from shopguide.client.tablet import Tablet

ALL_SYNCED, PENDING, REFUSED, NO_CONNECTION = 0, 1, 2, 3


def _say(text: str) -> None:
    print(text, flush=True)


def _age(moment: datetime) -> str:
    seconds = int((datetime.now(UTC) - moment).total_seconds())
    if seconds < 90:
        return f"{seconds} s ago"
    if seconds < 5400:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min ago"


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _exit_code(counts: OutboxCounts, connected: bool) -> int:
    if counts.rejected:
        return REFUSED
    if counts.pending:
        return PENDING
    return ALL_SYNCED if connected else NO_CONNECTION


def _report_outbox(tablet: Tablet) -> OutboxCounts:
    counts = tablet.outbox.counts()
    if counts.pending and counts.oldest_pending_at:
        _say(
            f"Pending: {counts.pending} waiting for the server since "
            f"{_local(counts.oldest_pending_at)} ({_age(counts.oldest_pending_at)})"
        )
    else:
        _say("Pending: nothing")
    if counts.rejected:
        _say(f"Needs attention: {counts.rejected} refused by the server")
        for mutation in tablet.outbox.needs_attention():
            _say(f"  - {mutation.type} {mutation.id}: {mutation.reason}")
    return counts


def login(data_dir: Path | None, server: str, username: str, password: str) -> int:
    tablet = Tablet(data_dir)
    try:
        result = tablet.login(server, username, password)
    except (ApiError, OfflineError, LoginRequired) as exc:
        _say(f"Login failed: {exc}")
        return NO_CONNECTION
    finally:
        tablet.close()
    _say(
        f"Logged in as {result.full_name} ({result.role}) of store {result.store_id}; "
        f"token kept in the {tablet.credentials.backend_name}"
    )
    return ALL_SYNCED


def status(data_dir: Path | None) -> int:
    tablet = Tablet(data_dir)
    try:
        url = tablet.settings.get(SERVER_URL)
        _say(f"Server: {url or '(not logged in)'}")
        problem = "not logged in" if not url else None
        if url:
            probe = ApiClient(url)
            problem = probe.reachable()
            probe.close()
        _say(f"Connection: {problem or 'server reachable'}")
        for scope, _ in sorted(tablet.cache.cursors().items()):
            synced = tablet.cache.synced_at(scope)
            _say(
                f"  {scope}: "
                + (f"as of {_local(synced)} ({_age(synced)})" if synced else "never synced")
            )
        counts = _report_outbox(tablet)
        return _exit_code(counts, connected=problem is None)
    finally:
        tablet.close()


def sync(data_dir: Path | None, *, once: bool) -> int:
    tablet = Tablet(data_dir)
    try:
        engine = tablet.connect()
    except LoginRequired as exc:
        _say(f"Cannot sync: {exc}. Run `shopguide login` first.")
        _report_outbox(tablet)
        tablet.close()
        return NO_CONNECTION
    last: list[str] = [""]

    def show(status: SyncStatus) -> None:
        line = _describe(status)
        if line != last[0]:
            last[0] = line
            _say(line)

    engine.add_status_listener(show)
    connected = True
    try:
        if once:
            try:
                engine.run_once()
            except (OfflineError, ApiError, LoginRequired) as exc:
                connected = False
                _say(f"Sync stopped: {exc}")
        else:
            engine.start()
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        _say("stopped")
    finally:
        counts = _report_outbox(tablet)
        tablet.close()
    return _exit_code(counts, connected)


def _describe(status: SyncStatus) -> str:
    if status.state is SyncState.SYNCING:
        progress = f"syncing {status.scopes_done} of {status.scopes_total}"
        return f"{progress} ({status.rows_received} rows)" if status.rows_received else progress
    if status.state is SyncState.UP_TO_DATE and status.as_of:
        text = f"up to date as of {_local(status.as_of)}"
    elif status.state in (SyncState.OFFLINE, SyncState.ERROR, SyncState.LOGIN_REQUIRED):
        text = f"{status.state.value.replace('_', ' ')}: {status.message}"
    else:
        text = status.state.value
    if status.pending:
        text += f"; {status.pending} pending"
    return text
