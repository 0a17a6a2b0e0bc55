"""Prometheus figures an operator watches: request latency, sync lag, payments waiting.

Two kinds of figure, kept apart on purpose:

- Measured in a process as requests pass (request latency, how soon a
  waiting pull wakes after a change, long polls held open). With several
  workers (`serve --workers N`), each worker writes them to files in
  `PROMETHEUS_MULTIPROC_DIR` (prometheus_client's multiprocess mode, set up
  by `shopguide.server.ops.process`) and any worker's /metrics adds them up,
  so one scrape sees all workers of a host.
- Read from the database when scraped (payments pending, the change feed's
  head), so every process and every host answers the same, and no figure
  lives only in one process's memory.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from prometheus_client import (
    CollectorRegistry,
    Gauge,
    Histogram,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col

from shopguide.server.config import MAX_PAYMENT_EXPIRY_SECONDS
from shopguide.server.models import Payment
from shopguide.server.models.sync import ChangeLog
from shopguide.server.models.types import utcnow
from shopguide.server.ops.process import MULTIPROC_ENV

log = logging.getLogger(__name__)

disable_created_metrics()  # type: ignore[no-untyped-call]  # `_created` series: noise
LOCAL = CollectorRegistry()
"""This process's own figures when it is the only worker (else they go to the shared files)."""

REQUEST_SECONDS = Histogram(
    "shopguide_http_request_duration_seconds",
    "Time from a request's arrival to the end of its answer, long polls included",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
    registry=LOCAL,
)
SYNC_WAKEUP_SECONDS = Histogram(
    "shopguide_sync_wakeup_seconds",
    "From a change written to the sync feed to a long-polling pull it wakes: "
    "how far behind the server a connected tablet is told of stock and catalog changes",
    buckets=(0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0),
    registry=LOCAL,
)
LONG_POLLS = Gauge(
    "shopguide_long_polls_waiting",
    "Requests held open until something changes: kind=sync (pulls) or payment (status)",
    ["kind"],
    multiprocess_mode="livesum",
    registry=LOCAL,
)
if not os.environ.get(MULTIPROC_ENV):
    # CPU, memory and open files of this process; not defined across several workers.
    ProcessCollector(registry=LOCAL)


def render(engine: Engine) -> bytes:
    """The text exposition of every figure, for one scrape."""
    registry = CollectorRegistry()
    shared = os.environ.get(MULTIPROC_ENV)
    if shared:
        MultiProcessCollector(registry, path=shared)  # type: ignore[no-untyped-call]
    else:
        registry.register(_Forward(LOCAL))
    registry.register(DatabaseFigures(engine))
    return generate_latest(registry)


class _Forward:
    """Lets the per-scrape registry include this process's registry as one collector."""

    def __init__(self, source: CollectorRegistry) -> None:
        self._source = source

    def collect(self) -> Iterable[Metric]:
        return self._source.collect()


class DatabaseFigures:
    """Figures read from the database at scrape time: two indexed queries, no table scans.

    - `shopguide_payments_pending`: payment QRs shown and not yet paid,
      declined or expired; `..._oldest_pending_age_seconds` is how long the
      oldest has waited. Many, or old, while customers are paying means the
      provider's notifications are not arriving.
    - `shopguide_sync_feed_head_age_seconds`: since the newest change entered
      the sync feed. During opening hours, a growing figure means writes are
      no longer reaching the feed (tablets would stop hearing of them).
    - `shopguide_database_up`: 0 when the database could not be asked; the
      other figures are then left out rather than reported as zero.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def collect(self) -> Iterable[Metric]:
        now = utcnow()
        # A pending payment expires within MAX_PAYMENT_EXPIRY_SECONDS of its last
        # update, so the indexed updated_at bounds the rows looked at.
        pending = select(func.count(), func.min(col(Payment.created_at))).where(
            col(Payment.updated_at) > now - timedelta(seconds=MAX_PAYMENT_EXPIRY_SECONDS),
            col(Payment.status) == "pending",
            col(Payment.expires_at) > now,
        )
        head = select(func.max(col(ChangeLog.at)))
        up = GaugeMetricFamily("shopguide_database_up", "1 when the database answered this scrape")
        try:
            with self._engine.connect() as conn:
                waiting, oldest = conn.execute(pending).one()
                newest_change = conn.execute(head).scalar_one()
        except SQLAlchemyError as exc:
            log.warning("metrics: the database did not answer: %s", getattr(exc, "orig", exc))
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily(
            "shopguide_payments_pending",
            "Payment QRs shown to customers and not yet paid, declined or expired",
            value=int(waiting),
        )
        yield GaugeMetricFamily(
            "shopguide_payments_oldest_pending_age_seconds",
            "How long the oldest pending payment has waited (0 when none)",
            value=(now - oldest).total_seconds() if oldest is not None else 0.0,
        )
        if newest_change is not None:
            yield GaugeMetricFamily(
                "shopguide_sync_feed_head_age_seconds",
                "Seconds since the newest change entered the sync feed",
                value=max(0.0, (now - newest_change).total_seconds()),
            )


def forget_dead_workers() -> None:
    """Drop the live gauges of workers that are gone, so their long polls stop counting.

    uvicorn replaces a worker that died; the dead one's `livesum` files would
    otherwise be added to every scrape until the next restart of `serve`.
    Counters and histograms of dead workers are kept: their totals stay true.
    """
    shared = os.environ.get(MULTIPROC_ENV)
    if not shared:
        return
    for path in Path(shared).glob("gauge_live*_*.db"):
        pid = path.stem.rsplit("_", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            mark_process_dead(int(pid), shared)  # type: ignore[no-untyped-call]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
