"""Every request gets an id, one access log line and a latency sample; and the ops routes.

`install(app)` is what `create_app()` calls. The middleware is pure ASGI
(no BaseHTTPMiddleware) so it wraps streaming and long-polling answers
without buffering them, and is added last so it is outermost: the 413s of
`BodySizeLimit` and the answers of the error handlers are logged and
counted too.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import time
import uuid
from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shopguide.server.config import Settings
from shopguide.server.ops import metrics
from shopguide.server.ops.health import readiness
from shopguide.server.ops.logs import ACCESS_LOGGER, REQUEST_ID

HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+=-]{0,127}")
"""What an incoming id may look like (a proxy's $request_id, a UUID); anything else is replaced."""

UNMATCHED = "unmatched"
"""The route label of requests no route took (404s): raw paths would make labels unbounded."""

PROBES = frozenset({"/healthz", "/readyz", "/metrics"})
"""Polled every few seconds; their successful answers are logged at debug level only."""

access_log = logging.getLogger(ACCESS_LOGGER)


class RequestTelemetry:
    """Request id in, `X-Request-ID` out, one access line and one latency sample per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_id(scope) or uuid.uuid4().hex
        token = REQUEST_ID.set(request_id)
        header = (HEADER.lower().encode(), request_id.encode())
        started = time.perf_counter()
        status = 500  # what the client gets if the app fails before answering

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message = {**message, "headers": [*message.get("headers", ()), header]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except asyncio.CancelledError:
            status = 499  # the client went away or the server is stopping (nginx's code)
            raise
        finally:
            _record(scope, status, time.perf_counter() - started)
            REQUEST_ID.reset(token)


def _incoming_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            return candidate if _SANE_ID.fullmatch(candidate) else None
    return None


def route_template(scope: Scope) -> str:
    """The matched route's path template ("/api/v1/payments/{payment_id}"), never the raw path.

    FastAPI from 0.16x keeps included routers nested, and the route object
    then knows only its own part of the path ("/{payment_id}"); the full
    template is on the effective route it records in the scope. Older
    versions put the full template on the route itself.
    """
    effective = scope.get("fastapi", {}).get("effective_route_context")
    template = getattr(effective, "path_format", None)
    if template is None:
        template = getattr(scope.get("route"), "path", None)
    return str(template) if template is not None else UNMATCHED


def _record(scope: Scope, status: int, seconds: float) -> None:
    route = route_template(scope)
    method = str(scope.get("method", ""))
    metrics.REQUEST_SECONDS.labels(method, route, f"{status // 100}xx").observe(seconds)
    client = scope.get("client")
    fields: dict[str, Any] = {
        "method": method,
        "route": route,
        "status": status,
        "duration_ms": round(seconds * 1000, 1),
        "client": client[0] if client else None,
    }
    if status >= 500:
        level = logging.WARNING
    elif route in PROBES and status < 400:
        level = logging.DEBUG
    else:
        level = logging.INFO
    access_log.log(level, "%s %s %s %.1f ms", method, route, status, seconds * 1000, extra=fields)


router = APIRouter(tags=["ops"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up; it says nothing of the database (that is /readyz)."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "not ready, with the reason"}})
def readyz(request: Request) -> JSONResponse:
    """Ready when the database answers and its schema is the one this code needs."""
    state = readiness(request.app.state.engine)
    body: dict[str, str] = {"status": "ready" if state.ready else "not ready"}
    if state.schema:
        body["schema"] = state.schema
    if state.detail:
        body["detail"] = state.detail
    return JSONResponse(body, status_code=200 if state.ready else 503)


@router.get("/metrics", include_in_schema=False)
def prometheus_metrics(request: Request) -> Response:
    """Prometheus text format; with SHOPGUIDE_METRICS_TOKEN set, only for its bearer."""
    settings: Settings = request.app.state.settings
    if settings.metrics_token:
        given = request.headers.get("authorization", "")
        expected = f"Bearer {settings.metrics_token}"
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(
                401, "metrics need the bearer token", headers={"WWW-Authenticate": "Bearer"}
            )
    return Response(metrics.render(request.app.state.engine), media_type=CONTENT_TYPE_LATEST)


def install(app: FastAPI) -> None:
    """Add the request middleware (outermost: call after other middleware) and the ops routes."""
    metrics.forget_dead_workers()
    app.add_middleware(RequestTelemetry)
    app.include_router(router)
