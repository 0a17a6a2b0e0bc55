"""The tablet's log file: one rotating file in the data folder, with nothing personal in it.

`setup_logging(data_dir)` is the one place the tablet (`shopguide`,
`shopguide demo`, `shopguide sync`) sends Python logging to
`<data dir>/logs/shopguide.log`: UTC ISO timestamps, level, logger, thread
and message, rotated at `MAX_BYTES` with `BACKUPS` older files kept.
Uncaught exceptions, in the main thread or any other, are logged there too.
Warnings still reach standard error, as before.

Every line passes through `scrub` before it is written: phone-like digit
runs, card numbers, bearer and refresh tokens, and `password=...`-style
values never reach the disk, whatever a logger was given. This module knows
no Qt; the app installs Qt's message hook itself (`shopguide.ui.app`).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

LOG_FOLDER = "logs"
LOG_NAME = "shopguide.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 4

_HANDLER_NAME = "shopguide-file"
_STDERR_NAME = "shopguide-stderr"

# Digit runs of 7 or more digits, in groups of 3+ joined by a space or a dash
# ("13812345678", "+86 138 1234 5678", "8800-1234-5678-9012"). Dates and times
# ("2026-12-07 02:34:11") never have 7 digits in groups of 3 or more, and a
# decimal number ("200 1234.5 ms") is a measurement, not a phone.
_NUMBER = re.compile(r"(?<![\d.])\+?\d{3,}(?:[ -]\d{3,})*(?![\d])(?!\.\d)")
_MIN_DIGITS = 7
# JSON web tokens, and "Bearer <anything>".
_JWT = re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*")
_BEARER = re.compile(r"(?i)\b(bearer)\s+\S+")
# key=value / "key": "value" for keys that name a secret.
_SECRET_FIELD = re.compile(
    r"(?i)((?:password|passwd|token|secret|authorization|api[_-]?key)[\w-]*"
    r"[\"']?\s*[:=]\s*[\"']?)([^\s\"',;&}]+)"
)
# Long runs of URL-safe base64 that look random: refresh tokens and their parts.
_OPAQUE = re.compile(r"(?<![\w-])[A-Za-z0-9_-]{20,}(?![\w-])")
_UUID_SPLIT = re.compile(
    r"(?<![\w-])([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![\w-])"
)


def _digits(match: re.Match[str]) -> str:
    text = match.group(0)
    if sum(c.isdigit() for c in text) >= _MIN_DIGITS:
        return "[number]"
    return text


def _opaque(match: re.Match[str]) -> str:
    text = match.group(0)
    has_digit = any(c.isdigit() for c in text)
    has_upper = any(c.isupper() for c in text)
    has_lower = any(c.islower() for c in text)
    if (has_digit and has_upper and has_lower) or (
        len(text) >= 32 and has_digit and (has_upper or has_lower)
    ):
        return "[token]"
    return text


def scrub(text: str) -> str:
    """The text without phone-like numbers, card numbers, tokens and secret values.

    UUIDs (mutation and order ids: what a report is read for) are kept as they are.
    """
    pieces = _UUID_SPLIT.split(text)
    return "".join(p if i % 2 else _scrub_piece(p) for i, p in enumerate(pieces))


_SECRET_WORDS = ("pass", "token", "secret", "authorization", "key")


def _scrub_piece(text: str) -> str:
    lower = text.lower()  # cheap tests first: most lines name no secret at all
    if "eyj" in lower:
        text = _JWT.sub("[token]", text)
    if "bearer" in lower:
        text = _BEARER.sub(r"\1 [token]", text)
    if any(word in lower for word in _SECRET_WORDS):
        text = _SECRET_FIELD.sub(r"\1[redacted]", text)
    text = _OPAQUE.sub(_opaque, text)
    return _NUMBER.sub(_digits, text)


class ScrubbingFormatter(logging.Formatter):
    """`2026-12-07T02:34:11.123Z WARNING shopguide.client.cache [MainThread] message`."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802 (logging's name)
        moment = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        return f"{moment}.{int(record.msecs):03d}Z"

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def log_dir(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER


def log_files(data_dir: Path) -> list[Path]:
    """The log file and its rotated predecessors, newest first."""
    folder = log_dir(data_dir)
    current = folder / LOG_NAME
    older = sorted(
        (p for p in folder.glob(f"{LOG_NAME}.*") if p.suffix[1:].isdigit()),
        key=lambda p: int(p.suffix[1:]),
    )
    return [p for p in (current, *older) if p.is_file()]


def setup_logging(
    data_dir: Path,
    *,
    level: int = logging.INFO,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> Path:
    """Send logging to the rotating file in `data_dir`; calling again moves it. Returns the path."""
    folder = log_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() in (_HANDLER_NAME, _STDERR_NAME):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    file_handler.set_name(_HANDLER_NAME)
    file_handler.setFormatter(ScrubbingFormatter())
    file_handler.setLevel(level)
    root.addHandler(file_handler)
    # Before, Python's last-resort handler showed warnings on standard error: keep that.
    stderr = logging.StreamHandler(sys.stderr)
    stderr.set_name(_STDERR_NAME)
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    # Uncaught exceptions reach standard error through the hook they were chained to.
    stderr.addFilter(lambda record: record.name != _crash_log.name)
    root.addHandler(stderr)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    install_exception_hooks()
    logging.getLogger(__name__).info("log file %s", path)
    return path


def flush_logs() -> None:
    """Write out what the file handler holds, before the files are read."""
    for handler in logging.getLogger().handlers:
        if handler.get_name() == _HANDLER_NAME:
            handler.flush()


def stop_logging() -> None:
    """Close the file and unhook (tests, and a tablet that moves its data folder)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() in (_HANDLER_NAME, _STDERR_NAME):
            root.removeHandler(handler)
            handler.close()
    if sys.excepthook is _log_uncaught:
        sys.excepthook = _previous_hooks.get("sys", sys.__excepthook__)  # type: ignore[assignment]
    if threading.excepthook is _log_uncaught_in_thread:
        threading.excepthook = _previous_hooks.get("threading", threading.__excepthook__)  # type: ignore[assignment]


_crash_log = logging.getLogger("shopguide.crash")
_previous_hooks: dict[str, object] = {}


def _log_uncaught(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    if not issubclass(kind, KeyboardInterrupt):
        _crash_log.critical("uncaught exception", exc_info=(kind, value, tb))
    previous = _previous_hooks.get("sys", sys.__excepthook__)
    if callable(previous):
        previous(kind, value, tb)


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is not SystemExit:
        name = args.thread.name if args.thread is not None else "?"
        value = args.exc_value if args.exc_value is not None else args.exc_type()
        _crash_log.critical(
            "uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, value, args.exc_traceback),
        )
    previous = _previous_hooks.get("threading", threading.__excepthook__)
    if callable(previous):
        previous(args)


def install_exception_hooks() -> None:
    """Uncaught exceptions go to the log, then on to the hooks that were there before."""
    if sys.excepthook is not _log_uncaught:
        _previous_hooks["sys"] = sys.excepthook
        sys.excepthook = _log_uncaught
    if threading.excepthook is not _log_uncaught_in_thread:
        _previous_hooks["threading"] = threading.excepthook
        threading.excepthook = _log_uncaught_in_thread
