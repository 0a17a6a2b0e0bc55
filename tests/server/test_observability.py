"""Request ids, JSON logs, /metrics and /readyz, through the app that `create_app()` builds."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from shopguide.server.app import create_app
from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.migrate import alembic_config, upgrade
from shopguide.server.ops.logs import ACCESS_LOGGER, REQUEST_ID, JsonFormatter, TextFormatter
from tests.server.conftest import TEST_SECRET, ServerUnderTest
from tests.server.test_payments import new_intent, place_order
from tests.support.databases import DatabaseFactory


class JsonLines:
    """What a logger wrote through the JSON formatter, one parsed object per line."""

    def __init__(self) -> None:
        self.stream = io.StringIO()

    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]


@pytest.fixture
def json_log() -> Iterator[JsonLines]:
    """Everything under the `shopguide` loggers, at debug and up, as JSON lines."""
    captured = JsonLines()
    handler = logging.StreamHandler(captured.stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("shopguide")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield captured
    logger.removeHandler(handler)
    logger.setLevel(level)


def scrape(
    client: TestClient, **headers: str
) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """/metrics as {(sample name, sorted labels): value}."""
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def test_every_answer_carries_a_request_id_and_keeps_a_sane_incoming_one(
    server: ServerUnderTest,
) -> None:
    kept = server.client.get("/healthz", headers={"X-Request-ID": "nginx-4f0c9a17e2"})
    assert kept.headers["X-Request-ID"] == "nginx-4f0c9a17e2"
    made = server.client.get("/healthz").headers["X-Request-ID"]
    assert len(made) == 32
    assert int(made, 16) >= 0
    for insane in ("has spaces in it", "x" * 200, "<script>"):
        replaced = server.client.get("/healthz", headers={"X-Request-ID": insane})
        assert replaced.headers["X-Request-ID"] not in (insane, made)
        assert len(replaced.headers["X-Request-ID"]) == 32


def test_one_json_access_line_per_request_names_the_route_not_the_path(
    server: ServerUnderTest, json_log: JsonLines
) -> None:
    headers = server.login("a.guide")
    response = server.client.get(
        "/api/v1/payments/424242", headers={**headers, "X-Request-ID": "req-payment-lookup"}
    )
    assert response.status_code == 404
    [line] = [
        entry
        for entry in json_log.lines()
        if entry["logger"] == ACCESS_LOGGER and entry.get("request_id") == "req-payment-lookup"
    ]
    assert line["level"] == "info"
    assert line["method"] == "GET"
    assert line["route"] == "/api/v1/payments/{payment_id}"
    assert "424242" not in json.dumps(line)
    assert line["status"] == 404
    assert isinstance(line["duration_ms"], float)
    assert line["client"] == "198.51.100.7"
    assert line["ts"].endswith("Z")


def test_a_log_line_written_inside_a_request_carries_its_id(
    server: ServerUnderTest, json_log: JsonLines
) -> None:
    def noisy() -> dict[str, str]:  # a sync route: runs in a worker thread
        logging.getLogger("shopguide.server.test").warning("something odd", extra={"order": 7})
        return {}

    server.app.add_api_route("/test/noisy", noisy)
    server.client.get("/test/noisy", headers={"X-Request-ID": "req-noisy"})
    logging.getLogger("shopguide.server.test").warning("outside any request")
    inside, outside = [e for e in json_log.lines() if e["logger"] == "shopguide.server.test"]
    assert inside["request_id"] == "req-noisy"
    assert inside["message"] == "something odd"
    assert inside["order"] == 7
    assert "request_id" not in outside


def test_the_text_format_shows_the_request_id_too() -> None:
    record = logging.LogRecord("shopguide.x", logging.INFO, __file__, 1, "hello %s", ("you",), None)
    token = REQUEST_ID.set("req-text")
    try:
        line = TextFormatter().format(record)
    finally:
        REQUEST_ID.reset(token)
    assert line.endswith("INFO shopguide.x [req-text] hello you")


def test_metrics_show_latency_by_route_and_the_payments_pending_in_the_database(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    before = scrape(server.client)
    assert before[("shopguide_database_up", ())] == 1
    assert before[("shopguide_payments_pending", ())] == 0
    intent = new_intent(server, headers, place_order(server, headers))

    after = scrape(server.client)
    assert after[("shopguide_payments_pending", ())] == 1
    assert 0 <= after[("shopguide_payments_oldest_pending_age_seconds", ())] < 60
    created = (
        "shopguide_http_request_duration_seconds_count",
        (("method", "POST"), ("route", "/api/v1/payments"), ("status", "2xx")),
    )
    assert after[created] == before.get(created, 0) + 1
    assert after[("shopguide_sync_feed_head_age_seconds", ())] < 60  # the order's stock change

    server.client.post(f"/api/v1/payments/{intent['id']}/cancel", headers=headers)
    assert scrape(server.client)[("shopguide_payments_pending", ())] == 0


def test_metrics_ask_for_the_bearer_token_when_one_is_set(settings: Settings) -> None:
    token = "scrape-token-" + "m" * 20
    app = create_app(settings.model_copy(update={"metrics_token": token}))
    with TestClient(app) as client:
        assert client.get("/metrics").status_code == 401
        wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert wrong.json() == {"detail": "metrics need the bearer token"}
        assert scrape(client, Authorization=f"Bearer {token}")[("shopguide_database_up", ())] == 1
    app.state.engine.dispose()


def readyz(url: str) -> tuple[int, dict[str, str]]:
    app = create_app(Settings(database_url=url, secret_key=TEST_SECRET))
    try:
        with TestClient(app) as client:
            response = client.get("/readyz")
            return response.status_code, response.json()
    finally:
        app.state.engine.dispose()


def test_readyz_is_ready_on_a_migrated_database(migrated_url: str) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert readyz(migrated_url) == (200, {"status": "ready", "schema": head})


def test_readyz_says_why_a_database_is_not_ready(databases: DatabaseFactory) -> None:
    empty = databases.new_url("sqlite")
    status, body = readyz(empty)
    assert status == 503
    assert body["detail"] == (
        "the database has no ShopGuide schema yet: run `shopguide-server migrate`"
    )

    scripts = ScriptDirectory.from_config(alembic_config())
    head = scripts.get_current_head()
    assert head is not None
    previous = scripts.get_revision(head).down_revision
    assert isinstance(previous, str)
    behind = databases.new_url("sqlite")
    engine = make_engine(behind)
    upgrade(engine, previous)
    status, body = readyz(behind)
    assert status == 503
    assert body["schema"] == previous
    assert body["detail"] == (
        f"the database schema is at revision {previous} and this server needs {head}: "
        "run `shopguide-server migrate`"
    )

    upgrade(engine)  # another host migrated to a release this code does not know yet
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    status, body = readyz(behind)
    assert status == 200
    assert "newer than this server" in body["detail"]

    status, body = readyz(f"sqlite:///{databases.folder}/no/such/folder/x.db")
    assert status == 503
    assert body["detail"].startswith("the database cannot be reached: ")
