"""Member lookup and enrolment. Lookups are audited in the service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from shopguide.server.api.deps import CurrentUser, IdPath, SessionDep, client_address
from shopguide.server.models.members import MemberCreate, MemberPublic
from shopguide.server.services import members as members_service
from shopguide.server.services.errors import ServiceError

router = APIRouter(prefix="/members", tags=["members"])


@router.get("/lookup", responses={400: {}})
def lookup(
    user: CurrentUser,
    session: SessionDep,
    request: Request,
    card: Annotated[str | None, Query(pattern=r"^\d{6,20}$")] = None,
    phone: Annotated[str | None, Query(pattern=r"^\+?[0-9 -]{4,20}$")] = None,
    code: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9:._-]{1,200}$")] = None,
) -> list[MemberPublic]:
    if sum(x is not None for x in (card, phone, code)) != 1:
        raise ServiceError("give exactly one of card, phone or code")
    return members_service.lookup(
        session,
        card=card,
        phone=phone,
        code=code,
        user_id=user.user_id,
        store_id=user.store_id,
        address=client_address(request),
    )


@router.get("/{member_id}", responses={404: {}})
def get_member(
    member_id: IdPath, user: CurrentUser, session: SessionDep, request: Request
) -> MemberPublic:
    return members_service.get(
        session, member_id, user_id=user.user_id, address=client_address(request)
    )


@router.post("", status_code=201, responses={403: {}, 409: {}})
def enrol(
    body: MemberCreate, user: CurrentUser, session: SessionDep, request: Request
) -> MemberPublic:
    if user.store_id is None:
        raise ServiceError("enrol members from a store account")
    return members_service.enrol(
        session, body, store_id=user.store_id, user_id=user.user_id, address=client_address(request)
    )
