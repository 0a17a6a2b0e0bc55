"""The tablet's log file and its diagnostics zip: what support needs, and nothing personal."""

from __future__ import annotations

import io
import json
import logging
import sys
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from shopguide.client import logfile
from shopguide.client.diagnostics import (
    Problem,
    Redactor,
    build_report,
    save_report,
    send_diagnostics,
)
from shopguide.client.logfile import log_files, scrub, setup_logging, stop_logging
from shopguide.client.tablet import Tablet
from tests.support.live import LiveServer

log = logging.getLogger("shopguide.test.diagnostics")


@pytest.fixture
def logging_to(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """`logging_to(data_dir, **options)` starts the log file there; stopped after the test."""

    def start(data_dir: Path, **options: int) -> Path:
        return setup_logging(data_dir, **options)

    yield start
    stop_logging()


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def tablet_with_secrets(
    live_server: LiveServer,
    make_tablet: Callable[..., Tablet],
    logging_to: Callable[..., Path],
) -> tuple[Tablet, dict[str, str]]:
    """A synced tablet whose cache, outbox and log hold a member's name, phone and card,
    and the tablet's refresh token; returns the tablet and those secrets."""
    tablet = make_tablet(live_server.url)
    logging_to(tablet.data_dir)
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()
    member_id, name, card = tablet.cache.read(
        lambda c: c.execute(
            "SELECT id, name, card_number FROM member WHERE card_number != '' ORDER BY id LIMIT 1"
        ).fetchone()
    )
    phone = str(live_server.scalar("SELECT phone FROM member WHERE id = :id", id=member_id))
    token = tablet.credentials.load("sz01.guide1")
    assert token
    secrets = {"name": name, "phone": phone, "card": card, "token": token}
    for part in token.split("."):
        secrets[f"token part {part[:4]}"] = part

    note = f"{name} {phone} {card} asked for a call back"
    tablet.outbox.enqueue("member.edit", {"member_id": member_id, "note": note})
    refused = tablet.outbox.enqueue(
        "member.enrol", {"name": name, "phone": phone, "card_number": card}
    )
    tablet.outbox.record_results(
        [{"id": refused, "status": "rejected", "reason": f"phone {phone} is {name}'s already"}]
    )
    log.warning("looked up %s (phone %s, card %s) with token %s", name, phone, card, token)
    log.info("Authorization: Bearer %s", token)
    return tablet, secrets


def test_the_zip_holds_the_logs_and_the_sync_state_and_nothing_personal(
    tablet_with_secrets: tuple[Tablet, dict[str, str]], live_server: LiveServer
) -> None:
    tablet, secrets = tablet_with_secrets
    files = unzip(build_report(tablet, versions={"qt": "6.x"}).data)

    assert {"about.json", "settings.json", "sync.json", "files.json"} <= set(files)
    assert "logs/shopguide.log" in files
    assert b"looked up [personal] (phone [number], card [number])" in files["logs/shopguide.log"]

    sync = json.loads(files["sync.json"])
    assert set(sync["scopes"]) == set(tablet.cache.cursors())
    assert all(s["cursor"] and s["as_of"] for s in sync["scopes"].values())
    outbox = sync["outbox"]
    assert outbox["pending"] == 1
    assert outbox["needs_attention"] == 1
    assert outbox["pending_by_type"] == {"member.edit": 1}
    assert outbox["needs_attention_by_type"] == {"member.enrol": 1}
    refused = outbox["needs_attention_mutations"][0]
    assert refused["id"] == tablet.outbox.needs_attention()[0].id
    assert refused["reason"] == "phone [number] is [personal]'s already"
    assert all("payload" not in m for m in outbox["pending_mutations"])

    about = json.loads(files["about.json"])
    assert about["qt"] == "6.x"
    assert about["server"] == live_server.url
    assert about["app_version"]
    settings = json.loads(files["settings.json"])
    assert "username" not in settings
    assert "full_name" not in settings
    assert settings["store_id"] == tablet.store_id
    schemas = json.loads(files["files.json"])["schema_versions"]
    assert schemas["cache.db"]["found"] == schemas["cache.db"]["expected"]
    assert schemas["outbox.db"]["found"] == schemas["outbox.db"]["expected"]

    for what, secret in secrets.items():
        for name, content in files.items():
            assert secret.encode() not in content, f"{what} found in {name}"


def test_the_log_file_itself_keeps_no_phone_card_or_token(
    tablet_with_secrets: tuple[Tablet, dict[str, str]],
) -> None:
    tablet, secrets = tablet_with_secrets
    logfile.flush_logs()
    written = b"".join(p.read_bytes() for p in log_files(tablet.data_dir))
    assert b"looked up" in written
    for what in ("phone", "card", "token"):
        assert secrets[what].encode() not in written, what


def test_a_report_is_sent_to_the_server_or_saved_when_it_cannot_be(
    tablet_with_secrets: tuple[Tablet, dict[str, str]], live_server: LiveServer
) -> None:
    tablet, _ = tablet_with_secrets
    sent = send_diagnostics(tablet)
    assert sent.sent
    assert sent.report_id is not None
    stored = live_server.scalar(
        "SELECT size FROM diagnostic_report WHERE id = :id", id=sent.report_id
    )
    assert stored == sent.size

    assert tablet.api is not None
    tablet.api.base_url = "http://127.0.0.1:9"  # nothing listens there
    saved = send_diagnostics(tablet)
    assert not saved.sent
    assert saved.problem is Problem.OFFLINE
    assert saved.saved_to is not None
    assert saved.saved_to.parent == tablet.data_dir / "diagnostics"
    assert "logs/shopguide.log" in unzip(saved.saved_to.read_bytes())


def test_the_log_rotates_and_the_report_keeps_to_the_upload_limit(
    tmp_path: Path, logging_to: Callable[..., Path]
) -> None:
    tablet = Tablet(tmp_path / "tablet")
    try:
        logging_to(tablet.data_dir, max_bytes=4000, backups=2)
        for n in range(400):
            log.info("line %04d of a long shift, nothing personal here", n)
        logfile.flush_logs()
        rotated = log_files(tablet.data_dir)
        assert [p.name for p in rotated] == ["shopguide.log", "shopguide.log.1", "shopguide.log.2"]
        assert all(p.stat().st_size <= 4000 for p in rotated)
        assert b"line 0399" in rotated[0].read_bytes()
        assert b"line 0000" not in b"".join(p.read_bytes() for p in rotated)
        first = rotated[0].read_text(encoding="utf-8").splitlines()[0]
        # 2026-12-07T02:34:11.123Z INFO shopguide.test.diagnostics [MainThread] line ...
        stamp, level, logger, thread, _ = first.split(" ", 4)
        assert stamp.endswith("Z")
        assert stamp[10] == "T"
        assert (level, logger, thread) == ("INFO", log.name, "[MainThread]")

        files = unzip(build_report(tablet).data)
        assert {"logs/shopguide.log", "logs/shopguide.log.1", "logs/shopguide.log.2"} <= set(files)
        small = build_report(tablet, limit=64 * 1024 + 3000)
        assert len(small.data) < 64 * 1024 + 3000
        kept = unzip(small.data)
        assert "logs/shopguide.log" in kept

        path = save_report(tablet.data_dir, small)
        assert path.read_bytes() == small.data
    finally:
        tablet.close()


def test_uncaught_exceptions_reach_the_log(
    tmp_path: Path, logging_to: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = logging_to(tmp_path / "tablet")
    monkeypatch.setitem(logfile._previous_hooks, "sys", lambda *_: None)
    monkeypatch.setitem(logfile._previous_hooks, "threading", lambda *_: None)
    try:
        raise ValueError("boom in the main thread")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    worker = threading.Thread(target=lambda: 1 / 0, name="worker-7")
    worker.start()
    worker.join()
    logfile.flush_logs()
    text = path.read_text(encoding="utf-8")
    assert "CRITICAL shopguide.crash" in text
    assert "ValueError: boom in the main thread" in text
    assert "uncaught exception in thread worker-7" in text
    assert "ZeroDivisionError" in text


def test_scrubbing_keeps_what_support_needs() -> None:
    line = (
        "2026-12-07T02:34:11.123Z WARNING x push 0193f2a4-1b2c-7d3e-8f40-123456789012 failed: "
        "member +86 138 1234 5678 card 8800-1234-5678-9012 password=hunter2 "
        "token Abcdefghij0123456789.KLMNopqrst_uvwxyz-0123456789ABCDEFGHIJabc"
    )
    assert scrub(line) == (
        "2026-12-07T02:34:11.123Z WARNING x push 0193f2a4-1b2c-7d3e-8f40-123456789012 failed: "
        "member +86 [number] card [number] password=[redacted] "
        "token [token].[token]"
    )
    redact = Redactor(["王芳", "Li Na", "x"])
    assert redact("王芳 called; Li Na too; Linas and Li Nay stay") == (
        "[personal] called; [personal] too; Linas and Li Nay stay"
    )
