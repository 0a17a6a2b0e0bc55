"""Schemathesis over every operation of `create_app()`'s OpenAPI: no 500, and the schema is true.

Each operation is fuzzed three times over a freshly seeded world (see
conftest.World): as `a.guide` (a guide of store A, so store-scoped handlers
run past authorisation; every phase, coverage included), as `admin` (every
role and store check passes; examples and random fuzzing), and anonymous
(a few random requests: every secured operation must answer a documented
401, never a 500).
Schemathesis mixes schema-valid and schema-violating requests (wrong types,
missing fields, huge numbers, odd strings, an unparseable body).

Checks, and why only these:

* not_a_server_error: nothing answers 5xx (a 503 from /readyz or a busy
  database would be reported too: neither happens on the test databases).
* status_code_conformance: every status is declared in the operation's
  `responses` (401, 413, 503 and the error body are added for all operations
  by api.errors.document_errors).
* content_type_conformance and response_schema_conformance: the body is the
  declared media type and validates against the declared schema, errors too
  (`ErrorBody`).
* response_headers_conformance: no operation declares headers, so it checks
  nothing today but keeps any future declaration honest.

Left out on purpose:

* positive_data_acceptance: "schema-valid" requests are refused for reasons a
  schema cannot say (no such id: 404; exactly one of card/phone/code: 400; a
  barcode's check digit: 422; a spent coupon: 409). Those refusals are right.
* negative_data_rejection: pydantic's lax mode takes JSON `false` for an
  integer 0 and "1" for 1; harmless coercions, not a hole.
* unsupported_method and allow_header_conformance: Starlette routing, not
  ours: `GET /members/resolve` matches `GET /members/{member_id}` (422 for
  the id, not 405), and a 405's Allow header names only the first route that
  matched the path.
* missing_required_header, ignored_auth, use_after_free and the other
  stateful checks: authorisation has its own suite (test_authorization.py).

Bounded by default (`MAX_EXAMPLES` per operation and phase, derandomized so a
run is repeatable); set `SHOPGUIDE_FUZZ=N` to multiply the examples and let
Hypothesis draw at random for a longer run. With `-s` the module prints how
many requests each operation was sent.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlmodel import Session
from starlette.types import ASGIApp, Receive, Scope, Send

from shopguide.server import security
from shopguide.server.app import create_app
from shopguide.server.config import Settings
from shopguide.server.models import User
from tests.server.conftest import TEST_SECRET, ServerUnderTest

FUZZ = max(1, int(os.environ.get("SHOPGUIDE_FUZZ", "1")))
MAX_EXAMPLES = 6 * FUZZ
TRIED: Counter[str] = Counter()
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


class _CurrentApp:
    """The app schemathesis calls: the one the `server` fixture built for this test."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


# The schema is read once from an app on an unused database; the tests point
# `_current` at each test's seeded server. The guide gets every phase:
# examples, coverage (boundary values, missing and wrong-typed fields, chosen
# deterministically, sending no undeclared methods: their check is left out)
# and fuzzing (random; more with SHOPGUIDE_FUZZ). The admin, for whom every
# role and store check passes, gets examples and fuzzing. Anonymous callers get
# a few random requests per operation: everything secured answers 401 first.
_current = _CurrentApp(create_app(Settings(database_url="sqlite://", secret_key=TEST_SECRET)))
guide_schema = schemathesis.openapi.from_asgi("/openapi.json", _current)
guide_schema.config.phases.coverage.unexpected_methods = set()
admin_schema = schemathesis.openapi.from_asgi("/openapi.json", _current)
admin_schema.config.phases.coverage.enabled = False
anonymous_schema = schemathesis.openapi.from_asgi("/openapi.json", _current)
anonymous_schema.config.phases.coverage.enabled = False
FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=FUZZ == 1,
    suppress_health_check=list(HealthCheck),
)


def _bearer(server: ServerUnderTest, username: str) -> dict[str, str]:
    """A valid access token, minted without a login (Argon2 per test would cost seconds)."""
    with Session(server.app.state.engine) as session:
        user = session.get(User, server.world.users[username])
        assert user is not None
        assert user.id is not None
        token = security.issue_access_token(
            secret=server.settings.secret_key,
            user_id=user.id,
            role=user.role,
            store_id=user.store_id,
            token_version=user.token_version,
            lifetime=timedelta(minutes=30),
        )
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def guide(server: ServerUnderTest) -> dict[str, str]:
    _current.app = server.app
    return _bearer(server, "a.guide")


@pytest.fixture
def admin(server: ServerUnderTest) -> dict[str, str]:
    _current.app = server.app
    return _bearer(server, "admin")


@pytest.fixture
def anonymous(server: ServerUnderTest) -> dict[str, str]:
    _current.app = server.app
    return {}


@guide_schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_answers_a_guide_as_documented(
    case: schemathesis.Case[Any], guide: dict[str, str]
) -> None:
    TRIED[case.operation.label] += 1
    case.call_and_validate(headers=guide, checks=CHECKS)


@admin_schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_answers_an_admin_as_documented(
    case: schemathesis.Case[Any], admin: dict[str, str]
) -> None:
    TRIED[case.operation.label] += 1
    case.call_and_validate(headers=admin, checks=CHECKS)


@anonymous_schema.parametrize()
@settings(FUZZ_SETTINGS, max_examples=2 * FUZZ)
def test_every_operation_answers_anonymous_callers_as_documented(
    case: schemathesis.Case[Any], anonymous: dict[str, str]
) -> None:
    TRIED[case.operation.label] += 1
    response = case.call_and_validate(headers=anonymous, checks=CHECKS)
    if case.operation.definition.raw.get("security") and response.status_code < 400:
        pytest.fail(f"{case.operation.label} answered {response.status_code} without a token")


@pytest.fixture(scope="module", autouse=True)
def _report_examples_tried() -> Iterator[None]:
    """With `-s`: how many requests each operation was sent (all callers and backends)."""
    yield
    if TRIED:
        print(f"\nopenapi fuzz: {len(TRIED)} operations, {sum(TRIED.values())} requests")
        for label, count in sorted(TRIED.items()):
            print(f"  {count:6d}  {label}")


def test_the_schema_documents_the_error_body_the_handlers_send() -> None:
    spec = create_app(Settings(database_url="sqlite://", secret_key=TEST_SECRET)).openapi()
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            if path in ("/healthz", "/readyz"):
                continue
            responses = operation["responses"]
            for status, response in responses.items():
                if status >= "400":
                    assert response["content"] == error, (method, path, status)
            assert "503" in responses
            if operation.get("security"):
                assert "401" in responses, (method, path)
            if "requestBody" in operation:
                assert {"400", "413", "422"} <= set(responses), (method, path)
