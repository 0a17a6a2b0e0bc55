"""Payment intents for the tablet: create (the QR), follow (long poll), cancel, refund."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from shopguide.server.api.deps import (
    CurrentUser,
    IdPath,
    ProvidersDep,
    SessionDep,
    SettingsDep,
)
from shopguide.server.payments import service
from shopguide.server.payments.providers import BadNotice
from shopguide.server.payments.registry import default_provider
from shopguide.server.payments.service import PaymentPublic
from shopguide.server.payments.watcher import PaymentWatcher

router = APIRouter(prefix="/payments", tags=["payments"])
MAX_WAIT_SECONDS = 30.0


class IntentRequest(BaseModel):
    order_id: UUID
    provider: str | None = Field(
        default=None, min_length=1, max_length=16, description="omit for the server's default"
    )


@router.post("", status_code=201, responses={403: {}, 404: {}, 409: {}, 422: {}, 502: {}})
def create_intent(
    body: IntentRequest,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    providers: ProvidersDep,
    request: Request,
) -> PaymentPublic:
    """An intent with its QR for an order already pushed; a live one is returned again."""
    payment = service.create_intent(
        session,
        settings,
        providers,
        order_id=str(body.order_id),
        provider=body.provider or default_provider(settings, providers),
        user_id=user.user_id,
        store_id=user.store_id,
        role=user.role,
        base_url=str(request.base_url),
    )
    return service.public(payment)


@router.get("/{payment_id}", responses={403: {}, 404: {}})
async def get_payment(
    payment_id: IdPath,
    user: CurrentUser,
    session: SessionDep,
    providers: ProvidersDep,
    request: Request,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0,
    known: Annotated[str | None, Query(max_length=16)] = None,
) -> PaymentPublic:
    """With `wait` and `known`, the answer comes when the status is no longer `known`.

    A pending payment is first checked with its provider (at most every few
    seconds), so a payment whose notification was lost still shows as paid.
    """

    def read() -> PaymentPublic:
        session.rollback()
        payment = service.get(session, payment_id, store_id=user.store_id, role=user.role)
        if payment.status == service.PENDING and service.reconcile(session, providers, payment_id):
            payment = service.get(session, payment_id, store_id=user.store_id, role=user.role)
        answer = service.public(payment)
        session.rollback()  # hold no transaction open while the request waits
        return answer

    current = await run_in_threadpool(read)
    if wait and known is not None and current.status == known:
        watcher: PaymentWatcher = request.app.state.payment_watcher
        if await watcher.wait(payment_id, known, wait) is not None:
            current = await run_in_threadpool(read)
    return current


@router.post("/{payment_id}/cancel", responses={403: {}, 404: {}, 409: {}})
def cancel(
    payment_id: IdPath, user: CurrentUser, session: SessionDep, providers: ProvidersDep
) -> PaymentPublic:
    return service.public(
        service.cancel(
            session,
            providers,
            payment_id,
            user_id=user.user_id,
            store_id=user.store_id,
            role=user.role,
        )
    )


@router.post("/{payment_id}/refund", responses={403: {}, 404: {}, 409: {}, 502: {}})
def refund(
    payment_id: IdPath, user: CurrentUser, session: SessionDep, providers: ProvidersDep
) -> PaymentPublic:
    return service.public(
        service.refund(
            session,
            providers,
            payment_id,
            user_id=user.user_id,
            store_id=user.store_id,
            role=user.role,
        )
    )


@router.post(
    "/notify/{provider}",
    response_class=PlainTextResponse,
    responses={400: {}, 404: {}},
    summary="A payment provider's asynchronous notification",
)
async def notify(
    provider: Annotated[str, Path(max_length=16)],
    request: Request,
    session: SessionDep,
    providers: ProvidersDep,
) -> PlainTextResponse:
    """Verified by the provider's own signature scheme; a forged one changes nothing (400)."""
    handler = providers.get(provider)
    if handler is None:
        raise HTTPException(404, f"no payment provider {provider!r} here")
    body = await request.body()
    try:
        notice = handler.read_notice(body, request.headers)
    except BadNotice as exc:
        raise HTTPException(400, str(exc)) from exc
    if notice is not None:  # None: genuine, but nothing to settle; acknowledged so it stops
        await run_in_threadpool(service.record_notice, session, handler.name, notice)
    return PlainTextResponse(handler.ack)
