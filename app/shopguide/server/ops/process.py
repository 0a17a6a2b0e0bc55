"""What `serve` sets up in its own process before uvicorn starts the app (or its workers).

Two things must happen before the app is imported anywhere: logging in the
chosen format, and, with several workers, a directory the workers share
their metrics through. prometheus_client decides between per-process and
shared-file metrics when it is first imported, from `PROMETHEUS_MULTIPROC_DIR`,
so the variable is set here, in the parent, and the workers inherit it.
"""

from __future__ import annotations

import logging
import logging.config
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.ops.health import readiness
from shopguide.server.ops.logs import logging_config

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
GRACEFUL_SHUTDOWN_SECONDS = 5
"""How long a stopping server lets requests finish. Long polls would hold a stop for 30 s;
tablets simply ask again, and every write is one transaction and safe to repeat."""

log = logging.getLogger("shopguide.server")


@contextmanager
def prepared(settings: Settings, workers: int) -> Iterator[dict[str, Any]]:
    """Configure logging and metrics for `serve`; yields uvicorn's keyword arguments."""
    config = logging_config(settings.log_format, settings.log_level)
    logging.config.dictConfig(config)
    with _metrics_directory(workers) as shared:
        if shared is not None:
            log.info("workers share their metrics through %s", shared)
        _say_if_not_ready(settings)
        yield {
            "log_config": config,
            "access_log": False,  # the request middleware writes one richer line
            "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_SECONDS,
        }


@contextmanager
def _metrics_directory(workers: int) -> Iterator[Path | None]:
    """An empty directory for the workers' metric files, or None for a single process.

    An operator's own `PROMETHEUS_MULTIPROC_DIR` is used (and emptied: files
    left by an earlier run would be added to this run's figures); otherwise a
    temporary directory is made and removed at exit.
    """
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        folder = Path(given)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.db"):
            stale.unlink()
        yield folder
        return
    if workers <= 1:
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="shopguide-metrics-"))
    os.environ[MULTIPROC_ENV] = str(folder)
    try:
        yield folder
    finally:
        os.environ.pop(MULTIPROC_ENV, None)
        shutil.rmtree(folder, ignore_errors=True)


def _say_if_not_ready(settings: Settings) -> None:
    """Warn at start-up, not at the first request, when the database is not ready for us."""
    engine = make_engine(settings.database_url, pool_size=1)
    try:
        state = readiness(engine)
    finally:
        engine.dispose()
    if not state.ready:
        log.warning("not ready: %s; /readyz answers 503 until then", state.detail)
    elif state.detail:
        log.warning("%s", state.detail)
