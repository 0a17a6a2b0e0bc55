"""Payment intents for the tablet: create (the QR), follow (long poll), cancel, refund."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from shopguide.server.api.deps import CurrentUser, IdPath, SessionDep, SettingsDep
from shopguide.server.payments import service
from shopguide.server.payments.service import PaymentPublic
from shopguide.server.payments.watcher import PaymentWatcher

router = APIRouter(prefix="/payments", tags=["payments"])
MAX_WAIT_SECONDS = 30.0


class IntentRequest(BaseModel):
    order_id: UUID
    provider: str = Field(default="sandbox", min_length=1, max_length=16)


@router.post("", status_code=201, responses={403: {}, 404: {}, 409: {}, 422: {}})
def create_intent(
    body: IntentRequest,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
) -> PaymentPublic:
    """An intent with its QR for an order already pushed; a live one is returned again."""
    payment = service.create_intent(
        session,
        settings,
        order_id=str(body.order_id),
        provider=body.provider,
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
    request: Request,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0,
    known: Annotated[str | None, Query(max_length=16)] = None,
) -> PaymentPublic:
    """With `wait` and `known`, the answer comes when the status is no longer `known`."""

    def read() -> PaymentPublic:
        session.rollback()
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
def cancel(payment_id: IdPath, user: CurrentUser, session: SessionDep) -> PaymentPublic:
    return service.public(
        service.cancel(
            session, payment_id, user_id=user.user_id, store_id=user.store_id, role=user.role
        )
    )


@router.post("/{payment_id}/refund", responses={403: {}, 404: {}, 409: {}})
def refund(payment_id: IdPath, user: CurrentUser, session: SessionDep) -> PaymentPublic:
    return service.public(
        service.refund(
            session, payment_id, user_id=user.user_id, store_id=user.store_id, role=user.role
        )
    )
