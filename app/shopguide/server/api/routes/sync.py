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

from typing import Annotated, Any, Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StringConstraints

from shopguide.server.api.deps import CurrentUser, SessionDep
from shopguide.server.sync import pull as pull_service
from shopguide.server.sync import push as push_service
from shopguide.server.sync.mutations import Pusher

router = APIRouter(prefix="/sync", tags=["sync"])

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
def pull(body: PullRequest, user: CurrentUser, session: SessionDep) -> JSONResponse:
    answer = pull_service.pull(
        session, body.scopes, limit=body.limit, role=user.role, store_id=user.store_id
    )
    return JSONResponse(answer)


@router.post("/push", response_model=PushResponse, responses={409: {}, 422: {}, 503: {}})
def push(body: PushRequest, user: CurrentUser, session: SessionDep) -> JSONResponse:
    pusher = Pusher(user_id=user.user_id, role=user.role, store_id=user.store_id)
    return JSONResponse({"results": push_service.push(session, body.mutations, pusher)})
