"""Every failure leaves as JSON `{"detail": reason}` with a 4xx status, never a bare 500.

Validation errors keep FastAPI's per-field list under `errors` and add a
one-line `detail` a person can read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shopguide.server.services.errors import RateLimited, ServiceError

log = logging.getLogger(__name__)


class FieldError(BaseModel):
    loc: list[str | int] = Field(description="where in the request: body, query, path, header")
    msg: str
    type: str | None = None


class ErrorBody(BaseModel):
    """What every 4xx and 5xx answer carries."""

    detail: str = Field(description="the reason, one line a person can read")
    errors: list[FieldError] | None = Field(
        default=None, description="on a 422 from request validation: every field that failed"
    )


_REASONS = {
    400: "The body could not be read (not UTF-8, broken multipart)",
    401: "Not logged in, or the token expired or was revoked",
    413: "Request body too large",
    503: "The database is busy; try again shortly (see Retry-After)",
}


def document_errors(app: FastAPI) -> None:
    """Make the OpenAPI say what the handlers here really send.

    FastAPI documents a 422 as its own `{"detail": [...]}` and error responses
    declared with `responses={404: {}}` without a body; `install_error_handlers`
    answers every error with an `ErrorBody`. Also documented, because they can happen to
    any operation: 401 where a bearer token is required (the `CurrentUser`
    dependency), 400 where there is a body FastAPI cannot read (bytes that are
    not UTF-8, broken multipart) and 413 where it is too large (`BodySizeLimit`),
    503 when the database is busy. /healthz and /readyz (tag "ops") keep their own shapes.
    """
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = build()
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        error_schema = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(error_schema.pop("$defs", {}))
        schemas["ErrorBody"] = error_schema
        for schema_name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(schema_name, None)
        body = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
        for methods in spec.get("paths", {}).values():
            for operation in methods.values():
                if operation.get("tags") == ["ops"]:
                    continue  # /healthz and /readyz answer in their own shape
                responses = operation.setdefault("responses", {})
                if operation.get("security"):
                    responses.setdefault("401", {})
                if "requestBody" in operation:
                    responses.setdefault("400", {})
                    responses.setdefault("413", {})
                responses.setdefault("503", {})
                for status, response in responses.items():
                    if status[:1] in ("4", "5"):
                        response["content"] = body
                        reason = _REASONS.get(int(status)) if status.isdigit() else None
                        response.setdefault("description", reason or "Error")
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        headers = {}
        if isinstance(exc, RateLimited):
            headers["Retry-After"] = str(exc.retry_after_seconds)
        if exc.status_code == 401:
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse({"detail": exc.reason}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type")}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"] if p != "body")
        reason = f"{where}: {first['msg']}" if where else str(first["msg"])
        return JSONResponse({"detail": reason, "errors": errors}, status_code=422)

    @app.exception_handler(PoolTimeout)
    @app.exception_handler(OperationalError)
    async def _database_busy(_request: Request, exc: Exception) -> JSONResponse:
        # Locked, a deadlock victim, a failover in progress: nothing is wrong with the
        # request, so the caller is told to try again instead of getting a 500.
        log.warning("database unavailable: %s", getattr(exc, "orig", exc))
        return JSONResponse(
            {"detail": "the database is busy; try again shortly"},
            status_code=503,
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(DataError)
    async def _data_the_database_refused(_request: Request, exc: DataError) -> JSONResponse:
        # A value the request carried that the database cannot store or compare (PostgreSQL:
        # a NUL byte in text, a number out of its column's range). Input models should refuse
        # these first; this keeps one that slips through a 422 instead of a 500.
        log.warning("request data refused by the database: %s", getattr(exc, "orig", exc))
        return JSONResponse(
            {
                "detail": "the request holds a value the database cannot take "
                "(a NUL byte in text, or a number out of range)"
            },
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if exc.status_code == 400 and exc.__cause__ is not None:
            detail = _unreadable_body(exc.__cause__) or detail
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


def _unreadable_body(cause: BaseException) -> str | None:
    """Why FastAPI could not read a body it answers with a bare "error parsing the body"."""
    if isinstance(cause, RecursionError):
        return "the JSON is nested too deeply to read"
    if isinstance(cause, UnicodeDecodeError):
        return "the body is not UTF-8 text"
    return None


class BodySizeLimit:
    """Refuse request bodies over a limit with 413 before anything parses them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge(self.max_bytes)
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:  # read outside FastAPI's body parsing, nothing answered it
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse({"detail": _BodyTooLarge(self.max_bytes).detail}, status_code=413)
        await send({"type": "http.response.start", "status": 413, "headers": response.raw_headers})
        await send({"type": "http.response.body", "body": response.body})


class _BodyTooLarge(StarletteHTTPException):
    """Raised while a body without Content-Length (chunked) is read past the limit.

    An HTTPException so that FastAPI, reading the body for a route, passes it
    on as a 413 rather than folding it into its 400 "error parsing the body".
    """

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"request body larger than {max_bytes} bytes")
