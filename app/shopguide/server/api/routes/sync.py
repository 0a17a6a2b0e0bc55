"""Offline sync for tablets: pull scopes by cursor, push outbox mutations (docs/sync-protocol.md).

Answers are built as plain JSON-ready structures in `shopguide.server.sync`
and sent as they are: a pull page can hold 20,000 rows per scope, too many
to pass through response-model validation. The models below document the
shapes in the OpenAPI schema.

Importing `shopguide.server.sync` here also registers change capture for
the whole process: `create_app()` mounts this router, so every server
captures changes from its first request on.
"""

from __future__ import annotations

import asyncio
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StringConstraints
from starlette.concurrency import run_in_threadpool

from shopguide.server.api.deps import CurrentUser, SessionDep, SettingsDep, client_address
from shopguide.server.services import audit
from shopguide.server.sync import pull as pull_service
from shopguide.server.sync import push as push_service
from shopguide.server.sync.mutations import Pusher
from shopguide.server.sync.watch import FeedWatcher

router = APIRouter(prefix="/sync", tags=["sync"])
MAX_WAIT_SECONDS = 30.0
HELD_BACK_FIRST_PAUSE = 0.1
HELD_BACK_MAX_PAUSE = 1.0
"""How soon a woken pull looks again at a change it could not serve yet (see `pull`)."""

ScopeName = Annotated[str, StringConstraints(min_length=1, max_length=40)]
Cursor = Annotated[str, StringConstraints(min_length=1, max_length=512)]


class PullRequest(BaseModel):
    scopes: dict[ScopeName, Cursor | None] = Field(
        min_length=1,
        max_length=pull_service.MAX_SCOPES,
        description="scope name -> cursor from the last answer, or null to start a snapshot",
    )
    limit: int = Field(
        default=pull_service.DEFAULT_LIMIT,
        ge=1,
        le=pull_service.MAX_LIMIT,
        description="rows per scope in this answer",
    )
    wait: float = Field(
        default=0,
        ge=0,
        le=MAX_WAIT_SECONDS,
        description="if nothing changed, hold the answer up to this many seconds for a change",
    )


class Rows(BaseModel):
    columns: list[str]
    rows: list[list[Any]]


class ScopePage(BaseModel):
    kind: Literal["snapshot", "changes", "resync"]
    upserts: dict[str, Rows] | None = None
    deletes: dict[str, list[str]] | None = None
    cursor: str | None = None
    has_more: bool | None = None


class PullResponse(BaseModel):
    scopes: dict[str, ScopePage]


class PushRequest(BaseModel):
    mutations: list[push_service.MutationIn] = Field(max_length=push_service.MAX_MUTATIONS)


class MutationResult(BaseModel):
    id: str
    status: Literal["applied", "rejected"]
    result: dict[str, Any] | None = None
    reason: str | None = None
    repeat: bool | None = None


class PushResponse(BaseModel):
    results: list[MutationResult]


@router.post("/pull", response_model=PullResponse, responses={403: {}, 404: {}, 422: {}})
async def pull(
    body: PullRequest, user: CurrentUser, session: SessionDep, request: Request
) -> JSONResponse:
    """A page per scope; with `wait`, an up-to-date tablet is answered when something changes.

    The database work runs in worker threads; only the waiting happens on
    the event loop, so hundreds of tablets can wait at once.
    """

    address = client_address(request)

    def read() -> dict[str, Any]:
        answer = pull_service.pull(
            session, body.scopes, limit=body.limit, role=user.role, store_id=user.store_id
        )
        audit.record_member_pull(
            session, answer, user_id=user.user_id, store_id=user.store_id, address=address
        )
        # Give the connection back while the request waits: hundreds of tablets
        # long-polling must not hold hundreds of pooled connections.
        session.rollback()
        return answer

    def first_read() -> tuple[int, dict[str, Any]]:
        # The feed's head is taken before the rows, on the same connection and in
        # the same worker thread: one hop and one checkout, not two, per long poll.
        head = watcher.head(session.connection()) if body.wait else 0
        return head, read()

    watcher: FeedWatcher = request.app.state.feed_watcher
    deadline = time.monotonic() + body.wait
    head, answer = await run_in_threadpool(first_read)
    pause = HELD_BACK_FIRST_PAUSE
    while body.wait and _nothing_new(answer) and time.monotonic() < deadline:
        woken = await watcher.wait(body.scopes, after=head, timeout=deadline - time.monotonic())
        if not woken:
            break
        answer = await run_in_threadpool(read)
        if _nothing_new(answer):
            # Woken by a change the pull may not serve yet: on PostgreSQL a change
            # waits while any older transaction is still open (any process, any
            # database of the cluster). `head` stays put, so the watcher keeps
            # reporting it; look again after a pause that grows, not at every tick.
            await asyncio.sleep(min(pause, max(0.0, deadline - time.monotonic())))
            pause = min(pause * 2, HELD_BACK_MAX_PAUSE)
    return JSONResponse(answer)


def _nothing_new(answer: dict[str, Any]) -> bool:
    return all(
        page.get("kind") == "changes"
        and not page.get("has_more")
        and not page.get("upserts")
        and not page.get("deletes")
        for page in answer["scopes"].values()
    )


@router.post("/push", response_model=PushResponse, responses={409: {}, 422: {}, 503: {}})
def push(
    body: PushRequest, user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> JSONResponse:
    pusher = Pusher(user_id=user.user_id, role=user.role, store_id=user.store_id, settings=settings)
    return JSONResponse({"results": push_service.push(session, body.mutations, pusher)})
