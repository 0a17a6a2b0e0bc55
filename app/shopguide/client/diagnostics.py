""" "Send diagnostics": one zip that tells support what the tablet was doing, and nothing personal.

The zip holds:

- `about.json`: app, Python, SQLite, Qt and OS versions, the data folder, the server;
- `settings.json`: the tablet's settings without the guide's name and anything secret;
- `sync.json`: per-scope cursors and as-of times, the sync state, the outbox's
  pending and needs-attention mutations (type, id, age, attempts and the
  server's reason, never their payloads), and row counts of the cache;
- `files.json`: every file in the data folder with its size, and each SQLite
  file's schema version;
- `logs/`: the log files, newest first, as many as fit the upload limit.

Nothing personal goes in: no payloads, no member or customer names, phones,
cards, notes or addresses, no tokens or passwords. Log lines are scrubbed
again on the way in (numbers and tokens, as when they were written, plus the
names and addresses this tablet knows, and its refresh token).

`send_diagnostics` builds the zip and uploads it through the API client; when
the server cannot be reached or refuses it, the zip is saved in the data
folder's `diagnostics/` and the result says where.
"""

from __future__ import annotations

import io
import json
import logging
import platform
import re
import sqlite3
import sys
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from shopguide import __version__
from shopguide.client import cache as cache_module
from shopguide.client import outbox as outbox_module
from shopguide.client import settings as opts
from shopguide.client.api import ApiError, LoginRequired, OfflineError
from shopguide.client.logfile import flush_logs, log_files, scrub
from shopguide.client.outbox import Mutation
from shopguide.client.tablet import Tablet

log = logging.getLogger(__name__)

UPLOAD_LIMIT = 1024 * 1024
"""What the server takes (`POST /api/v1/diagnostics`); the zip is built to stay under it."""
_ZIP_OVERHEAD = 64 * 1024
SAVED_FOLDER = "diagnostics"
KEEP_SAVED = 10
MAX_LISTED_MUTATIONS = 500

# Settings that name the guide or hold a secret never leave the tablet.
_PERSONAL_SETTINGS = frozenset({opts.USERNAME.key, opts.FULL_NAME.key})
_SECRET_KEY = re.compile(r"(?i)token|password|secret|key")


@dataclass(frozen=True, slots=True)
class Report:
    name: str
    data: bytes


class Problem(StrEnum):
    OFFLINE = "offline"  # no answer from the server
    REFUSED = "refused"  # the server answered no (too large, no such endpoint...)
    LOGIN = "login"  # not logged in, or the login expired


@dataclass(frozen=True, slots=True)
class SendResult:
    """Either sent (`report_id`) or saved on the tablet (`saved_to`, with the `problem`)."""

    size: int
    report_id: int | None = None
    saved_to: Path | None = None
    problem: Problem | None = None
    detail: str = ""

    @property
    def sent(self) -> bool:
        return self.report_id is not None


# -- what the tablet knows that must not leave it ------------------------------


class Redactor:
    """Replaces known personal strings (names, addresses, the refresh token) in text.

    A cache can hold 200,000 members, so this is no giant regex: it looks only at
    positions that start some known string, and checks the few lengths known there.
    """

    MIN_LENGTH = 2

    def __init__(self, values: Iterable[str]) -> None:
        self._values = {v for v in (s.strip() for s in values) if len(v) >= self.MIN_LENGTH}
        lengths: dict[str, set[int]] = {}
        for value in self._values:
            lengths.setdefault(value[0], set()).add(len(value))
        self._lengths = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}
        self._starts = (
            re.compile("[" + "".join(re.escape(c) for c in self._lengths) + "]")
            if self._lengths
            else None
        )

    def __call__(self, text: str) -> str:
        if self._starts is None:
            return text
        out: list[str] = []
        done = 0
        for match in self._starts.finditer(text):
            at = match.start()
            if at < done:
                continue
            for length in self._lengths[match.group(0)]:
                end = at + length
                if text[at:end] in self._values and self._whole(text, at, end):
                    out.append(text[done:at])
                    out.append("[personal]")
                    done = at + length
                    break
        out.append(text[done:])
        return "".join(out)

    @staticmethod
    def _whole(text: str, start: int, end: int) -> bool:
        """A Latin name must be a whole word ("Li" is not in "Linux"); CJK has no spaces."""
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        first, last = text[start], text[end - 1]
        if first.isascii() and first.isalnum() and before.isascii() and before.isalnum():
            return False
        return not (last.isascii() and last.isalnum() and after.isascii() and after.isalnum())


def _known_personal_values(tablet: Tablet) -> list[str]:
    """Names and addresses in the cache, the guide's name, the refresh token.

    Phones and card numbers need no list: every long digit run is scrubbed anyway.
    """

    def query(conn: sqlite3.Connection) -> list[str]:
        values: list[str] = []
        for sql in (
            "SELECT name FROM member",
            "SELECT customer_name FROM reservation",
            "SELECT ship_to_name FROM transfer",
            "SELECT ship_to_address FROM transfer",
        ):
            values.extend(str(row[0]) for row in conn.execute(sql) if row[0])
        return values

    values = tablet.cache.read(query)
    values.append(tablet.settings.get(opts.FULL_NAME))
    username = tablet.settings.get(opts.USERNAME)
    if username:
        token = tablet.credentials.load(username)
        if token:
            values.append(token)
            values.extend(token.split("."))
    return values


# -- the parts of the zip ------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


def public_url(url: str) -> str:
    """The server address without a user, password, query or fragment."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _home_relative(path: Path) -> str:
    """The folder with the home directory as `~`: the tablet account's name stays out."""
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError):
        return str(path)


def about(tablet: Tablet, versions: Mapping[str, str], now: datetime) -> dict[str, Any]:
    return {
        "created_at": now.isoformat(),
        "app_version": __version__,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "sqlite": sqlite3.sqlite_version,
        **dict(versions),
        "os": platform.platform(),
        "machine": platform.machine(),
        "executable_frozen": bool(getattr(sys, "frozen", False)),
        "data_dir": _home_relative(tablet.data_dir),
        "server": public_url(tablet.settings.get(opts.SERVER_URL)),
        "store_id": tablet.store_id,
        "credentials": "system keyring" if tablet.credentials.uses_keyring else "file",
    }


def safe_settings(tablet: Tablet) -> dict[str, Any]:
    """Every setting except the guide's name and anything that looks like a secret."""
    values: dict[str, Any] = {}
    for key, option in opts.OPTIONS.items():
        if key in _PERSONAL_SETTINGS or _SECRET_KEY.search(key):
            continue
        value = tablet.settings.get(option)
        values[key] = public_url(value) if option is opts.SERVER_URL else value
    return values


def _mutation_summary(mutation: Mutation, redact: Callable[[str], str]) -> dict[str, Any]:
    """What support needs to know about a mutation; its payload stays on the tablet."""
    return {
        "id": mutation.id,
        "type": mutation.type,
        "state": mutation.state,
        "created_at": _iso(mutation.created_at),
        "attempts": mutation.attempts,
        "last_error": redact(scrub(mutation.last_error)) if mutation.last_error else None,
        "reason": redact(scrub(mutation.reason)) if mutation.reason else None,
    }


def sync_state(tablet: Tablet, redact: Callable[[str], str]) -> dict[str, Any]:
    cache = tablet.cache
    scopes = {
        scope: {"cursor": cursor, "as_of": _iso(cache.synced_at(scope))}
        for scope, cursor in sorted(cache.cursors().items())
    }
    counts = tablet.outbox.counts()
    pending = tablet.outbox.pending(limit=MAX_LISTED_MUTATIONS)
    refused = tablet.outbox.needs_attention()
    state: dict[str, Any] = {
        "scopes": scopes,
        "wanted_scopes": tablet.wanted_scopes(),
        "outbox": {
            "pending": counts.pending,
            "needs_attention": counts.rejected,
            "oldest_pending_at": _iso(counts.oldest_pending_at),
            "pending_by_type": dict(Counter(m.type for m in pending)),
            "needs_attention_by_type": dict(Counter(m.type for m in refused)),
            "pending_mutations": [_mutation_summary(m, redact) for m in pending],
            "needs_attention_mutations": [_mutation_summary(m, redact) for m in refused],
        },
        "cache_rows": {
            table: cache.count(table)
            for table in ("style", "variant", "stock", "member", "coupon", "store")
        },
    }
    engine = tablet.engine
    if engine is not None:
        status = engine.status
        state["engine"] = {
            "state": status.state.value,
            "as_of": _iso(status.as_of),
            "message": redact(scrub(status.message)),
            "scopes_done": status.scopes_done,
            "scopes_total": status.scopes_total,
        }
    return state


def _user_version(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def files(tablet: Tablet) -> dict[str, Any]:
    listing = []
    for path in sorted(tablet.data_dir.rglob("*")):
        if path.is_file():
            listing.append(
                {"path": str(path.relative_to(tablet.data_dir)), "size": path.stat().st_size}
            )
    schemas = {
        "cache.db": {
            "expected": cache_module.SCHEMA_VERSION,
            "found": _user_version(tablet.cache.path),
        },
        "outbox.db": {
            "expected": outbox_module.SCHEMA_VERSION,
            "found": _user_version(tablet.outbox.path),
        },
    }
    for path in sorted(tablet.data_dir.glob("*.db")):
        schemas.setdefault(path.name, {"expected": None, "found": _user_version(path)})
    return {"files": listing, "schema_versions": schemas}


def _scrubbed_log(path: Path, redact: Callable[[str], str]) -> bytes:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return redact(scrub(text)).encode("utf-8")


def _fit(data: bytes, budget: int) -> bytes | None:
    """`data` if it compresses into `budget`, else its newest lines that do, else None."""
    if budget <= 0:
        return None
    if len(zlib.compress(data, 6)) <= budget:
        return data
    keep = len(data)
    while keep > 1024:
        keep //= 2
        tail = data[-keep:]
        tail = tail[tail.find(b"\n") + 1 :]
        if len(zlib.compress(tail, 6)) <= budget:
            return b"[older lines left out to fit the upload limit]\n" + tail
    return None


# -- building, saving, sending -------------------------------------------------


def build_report(
    tablet: Tablet,
    *,
    versions: Mapping[str, str] | None = None,
    now: datetime | None = None,
    limit: int = UPLOAD_LIMIT,
) -> Report:
    """The zip, smaller than `limit`: the JSON parts always, then the logs newest first."""
    now = now or datetime.now(UTC)
    flush_logs()
    redact = Redactor(_known_personal_values(tablet))
    parts: dict[str, Any] = {
        "about.json": about(tablet, versions or {}, now),
        "settings.json": safe_settings(tablet),
        "sync.json": sync_state(tablet, redact),
        "files.json": files(tablet),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, json.dumps(content, indent=2, ensure_ascii=False))
        budget = limit - _ZIP_OVERHEAD - buffer.tell()
        left_out = []
        for path in log_files(tablet.data_dir):
            data = _fit(_scrubbed_log(path, redact), budget)
            if data is None:
                left_out.append(path.name)
                continue
            archive.writestr(f"logs/{path.name}", data)
            budget = limit - _ZIP_OVERHEAD - buffer.tell()
        if left_out:
            archive.writestr("logs/LEFT-OUT.txt", "\n".join(left_out) + "\n")
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Report(f"shopguide-diagnostics-{tablet.store_id}-{stamp}.zip", buffer.getvalue())


def saved_folder(data_dir: Path) -> Path:
    return data_dir / SAVED_FOLDER


def save_report(data_dir: Path, report: Report) -> Path:
    """Write the zip into `<data dir>/diagnostics/`, keeping the newest `KEEP_SAVED`."""
    folder = saved_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / report.name
    path.write_bytes(report.data)
    saved = sorted(folder.glob("shopguide-diagnostics-*.zip"), key=lambda p: p.stat().st_mtime)
    for old in saved[:-KEEP_SAVED]:
        old.unlink(missing_ok=True)
    return path


def send_report(tablet: Tablet, report: Report) -> SendResult:
    """Upload through the tablet's API client; save on the tablet when that fails."""
    problem: Problem
    detail = ""
    if tablet.api is None:
        problem = Problem.LOGIN
    else:
        try:
            answer = tablet.api.upload_diagnostics(report.data, report.name)
        except OfflineError as exc:
            problem, detail = Problem.OFFLINE, str(exc)
        except LoginRequired as exc:
            problem, detail = Problem.LOGIN, str(exc)
        except ApiError as exc:
            problem, detail = Problem.REFUSED, exc.reason
        else:
            log.info("diagnostics report %s sent (%d bytes)", answer["id"], len(report.data))
            return SendResult(size=len(report.data), report_id=int(answer["id"]))
    path = save_report(tablet.data_dir, report)
    log.warning("diagnostics not sent (%s: %s); saved to %s", problem.value, detail, path)
    return SendResult(size=len(report.data), saved_to=path, problem=problem, detail=detail)


def send_diagnostics(tablet: Tablet, versions: Mapping[str, str] | None = None) -> SendResult:
    """Build the report and send it, or save it when it cannot be sent: one background task."""
    return send_report(tablet, build_report(tablet, versions=versions))
