"""Log lines a machine can read, each carrying the id of the request it belongs to.

The request middleware (`shopguide.server.ops.http`) puts the request's id
in `REQUEST_ID`; a context variable follows the request into the worker
threads Starlette runs sync endpoints in, so a log call anywhere below a
route carries the id without being handed it. `serve` installs one of the
two formatters below on the root logger (`shopguide.server.ops.process`).
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

REQUEST_ID: ContextVar[str | None] = ContextVar("shopguide_request_id", default=None)

ACCESS_LOGGER = "shopguide.access"
"""One line per request (`shopguide.server.ops.http`); uvicorn's own access log is off."""

# What every LogRecord has; anything else on a record came in through `extra=`.
_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "taskName",
    "color_message",  # uvicorn's ANSI-coloured copy of the message
}


def request_id_of(record: logging.LogRecord) -> str | None:
    """The id stamped on the record by `extra=`, else the one of the request being served."""
    stamped = record.__dict__.get("request_id")
    return str(stamped) if stamped else REQUEST_ID.get()


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, request_id, pid, then extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = request_id_of(record)
        if request_id:
            entry["request_id"] = request_id
        entry["pid"] = record.process
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key != "request_id":
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """`2026-11-26 09:14:03,512 INFO shopguide.access [4f0c…] message`, for people at a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        request_id = request_id_of(record)
        tag = f"[{request_id}] " if request_id else ""
        line = (
            f"{self.formatTime(record)} {record.levelname} {record.name} {tag}{record.getMessage()}"
        )
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        if record.stack_info:
            line += "\n" + self.formatStack(record.stack_info)
        return line


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """A `logging.config.dictConfig` for `serve`, also handed to uvicorn for every worker.

    Everything, uvicorn's own messages included, goes through the root
    logger to standard error in one format; uvicorn's access logger is
    switched off by `serve` (`access_log=False`) since the middleware writes
    a richer line.
    """
    formatter = JsonFormatter if log_format == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": {"()": f"{formatter.__module__}.{formatter.__qualname__}"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": level.upper()},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            # Loading the migration scripts for /readyz would log each alembic plugin.
            "alembic": {"level": "WARNING"},
        },
    }
