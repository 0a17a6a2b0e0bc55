"""A store's orders with their payment state, one order in full, and its receipt address."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from shopguide.server import receipts
from shopguide.server.api.deps import MAX_ID, CurrentUser, SessionDep, SettingsDep
from shopguide.server.services import orders as orders_service
from shopguide.server.services.orders import MAX_PAGE, OrderDetail, OrderPage

router = APIRouter(prefix="/orders", tags=["orders"])


class ReceiptAddress(BaseModel):
    url: str


@router.get("", responses={403: {}, 404: {}})
def list_orders(
    user: CurrentUser,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    before: Annotated[UUID | None, Query(description="next_before of the previous page")] = None,
    store_id: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="admins: any store; others: their own")
    ] = None,
) -> OrderPage:
    """Newest first, each order with the payment that tells its state."""
    return orders_service.list_orders(
        session,
        role=user.role,
        own_store_id=user.store_id,
        store_id=store_id,
        limit=limit,
        before=str(before) if before else None,
    )


@router.get("/{order_id}", responses={403: {}, 404: {}})
def get_order(order_id: UUID, user: CurrentUser, session: SessionDep) -> OrderDetail:
    return orders_service.get_order(
        session, str(order_id), role=user.role, own_store_id=user.store_id
    )


@router.get("/{order_id}/receipt", responses={403: {}, 404: {}, 409: {}})
def get_receipt(
    order_id: UUID,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
) -> ReceiptAddress:
    """The address the customer scans to keep the receipt; 409 until the order is paid."""
    return ReceiptAddress(
        url=receipts.receipt_url(
            session,
            secret=settings.secret_key,
            base_url=settings.public_url or str(request.base_url),
            order_id=str(order_id),
            role=user.role,
            own_store_id=user.store_id,
        )
    )
