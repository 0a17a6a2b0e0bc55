"""One profiled server process for bench_load.py --profile: SQL by statement, and the event loop.

    LOAD_PROFILE_OUT=FILE python tests/bench/load_profile.py PORT

Runs the app as `serve` does (one process), with every SQL statement timed
(count, total and mean time, grouped by statement text) and cProfile on the
event loop and on every worker thread. On SIGINT the figures are written to
FILE (statements) and FILE.pstats (the profiles merged), and the top of each
is printed to stderr.
"""

from __future__ import annotations

import contextlib
import cProfile
import os
import pstats
import sys
import threading
import time
from collections import defaultdict
from typing import Any

import uvicorn
from sqlalchemy import event

from shopguide.server.app import create_app
from shopguide.server.config import Settings


def main() -> int:
    port = int(sys.argv[1])
    out = os.environ["LOAD_PROFILE_OUT"]
    app = create_app(Settings())
    engine = app.state.engine
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    lock = threading.Lock()
    local = threading.local()

    @event.listens_for(engine, "before_cursor_execute")
    def _before(*_args: Any) -> None:
        local.started = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        spent = time.perf_counter() - local.started
        key = " ".join(statement.split())[:400]
        with lock:
            entry = totals[key]
            entry[0] += 1
            entry[1] += spent

    profilers = [cProfile.Profile()]

    def profile_thread(*_args: Any) -> None:
        # Called once in each new thread (the worker threads of routes): from
        # then on a profiler of its own takes over from this hook.
        profiler = cProfile.Profile()
        with lock:
            profilers.append(profiler)
        profiler.enable()

    threading.setprofile(profile_thread)
    profiler = profilers[0]
    profiler.enable()
    try:
        uvicorn.run(
            app, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=2
        )
    finally:
        profiler.disable()
        threading.setprofile(None)  # type: ignore[arg-type]
        merged = pstats.Stats(profiler)
        for other in profilers[1:]:
            other.disable()
            with contextlib.suppress(TypeError):  # a thread that never ran a call
                merged.add(other)
        merged.dump_stats(out + ".pstats")
        ranked = sorted(totals.items(), key=lambda kv: -kv[1][1])
        with open(out, "w") as f:
            for statement, (count, spent) in ranked:
                f.write(
                    f"{spent:9.3f}s {int(count):8d}x {spent / count * 1000:8.2f}ms {statement}\n"
                )
        with open(out) as f:
            sys.stderr.write("".join(f.readlines()[:25]))
        merged.stream = sys.stderr  # type: ignore[attr-defined]
        merged.sort_stats("tottime").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
