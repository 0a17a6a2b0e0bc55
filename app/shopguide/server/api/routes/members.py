"""Members: lookup, scan, view, enrol, pass links, and spending points and coupons.

Lookups, scans and views are audited and rate-limited in the service. A
redemption here is the `member.redeem` mutation applied at once through the
same idempotent push, so a tablet that loses the answer may retry here or
queue the mutation with the same id, and gets the one stored outcome.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from shopguide.core import loyalty as rules
from shopguide.server.api.deps import (
    CurrentUser,
    IdPath,
    SessionDep,
    SettingsDep,
    client_address,
)
from shopguide.server.db import write_transaction
from shopguide.server.models.members import (
    MemberCreate,
    MemberDetail,
    MemberEnrolled,
    MemberPublic,
)
from shopguide.server.services import loyalty, member_codes
from shopguide.server.services import members as members_service
from shopguide.server.services.errors import Conflict, ServiceError
from shopguide.server.sync import push as push_service
from shopguide.server.sync.mutations import Pusher, Redemption

router = APIRouter(prefix="/members", tags=["members"])


class TierRule(BaseModel):
    name: str
    from_points: int = Field(description="lifetime points the tier starts at")
    earn_rate_bp: int = Field(description="points per whole currency unit, in basis points")


class MemberPolicy(BaseModel):
    """The loyalty rules a tablet applies on its own, offline included."""

    offline_points_cap: int = Field(
        description="most points one redemption may spend offline; 0: none (coupons: never)"
    )
    points_per_currency_unit_spent: int = Field(description="points that take one unit off")
    member_code_prefix: str
    member_code_seconds: int
    tiers: list[TierRule]


class ResolveRequest(BaseModel):
    code: str = Field(min_length=1, max_length=200, description="the scanned SGM1. member code")


class PassAnswer(BaseModel):
    pass_url: str = Field(description="the member's page; the previous link no longer works")


class RedeemRequest(Redemption):
    idempotency_key: UUID = Field(
        description="a new UUID (v7) per redemption; the same key is answered with the same "
        "outcome, here or as the id of a queued member.redeem mutation"
    )


class RedeemResult(BaseModel):
    member_id: int
    points: int = Field(description="points spent (0: none)")
    coupon_id: int | None
    coupon_code: str | None
    balance: int = Field(description="the member's points after this redemption")
    offline: bool = Field(description="proved by a member code scanned offline")
    repeat: bool = Field(default=False, description="answered from an earlier identical request")


class ReleaseRequest(BaseModel):
    order_id: UUID


class ReleaseResult(BaseModel):
    member_id: int
    order_id: UUID
    points_returned: int
    coupons_returned: list[int]
    balance: int


def _base_url(settings: SettingsDep, request: Request) -> str:
    return settings.public_url or str(request.base_url)


@router.get("/policy")
def policy(user: CurrentUser, settings: SettingsDep) -> MemberPolicy:
    return MemberPolicy(
        offline_points_cap=settings.offline_points_cap,
        points_per_currency_unit_spent=rules.POINTS_PER_CURRENCY_UNIT_SPENT,
        member_code_prefix=member_codes.CODE_PREFIX,
        member_code_seconds=member_codes.CODE_SECONDS,
        tiers=[
            TierRule(name=t.name, from_points=t.from_points, earn_rate_bp=t.earn_rate_bp)
            for t in rules.TIERS
        ],
    )


@router.get("/lookup", responses={400: {}, 410: {}, 429: {}})
def lookup(
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    card: Annotated[str | None, Query(pattern=r"^\d{6,20}$")] = None,
    phone: Annotated[str | None, Query(pattern=r"^\+?[0-9 -]{4,20}$")] = None,
    code: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9:._-]{1,200}$")] = None,
) -> list[MemberPublic]:
    if sum(x is not None for x in (card, phone, code)) != 1:
        raise ServiceError("give exactly one of card, phone or code")
    return members_service.lookup(
        session,
        settings,
        card=card,
        phone=phone,
        code=code,
        user_id=user.user_id,
        role=user.role,
        store_id=user.store_id,
        address=client_address(request),
    )


@router.post("/resolve", responses={404: {}, 410: {}, 422: {}, 429: {}})
def resolve(
    body: ResolveRequest,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
) -> MemberDetail:
    """The member whose phone showed this code: 410 once it expired, 422 if it is none of ours."""
    return members_service.resolve(
        session,
        settings,
        body.code,
        user_id=user.user_id,
        role=user.role,
        address=client_address(request),
    )


@router.get("/{member_id}", responses={404: {}, 429: {}})
def get_member(
    member_id: IdPath,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
) -> MemberDetail:
    return members_service.get(
        session,
        settings,
        member_id,
        user_id=user.user_id,
        role=user.role,
        address=client_address(request),
    )


@router.post("", status_code=201, responses={400: {}, 409: {}})
def enrol(
    body: MemberCreate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
) -> MemberEnrolled:
    if user.store_id is None:
        raise ServiceError("enrol members from a store account")
    return members_service.enrol(
        session,
        settings,
        body,
        store_id=user.store_id,
        user_id=user.user_id,
        role=user.role,
        address=client_address(request),
        base_url=_base_url(settings, request),
    )


@router.post("/{member_id}/pass", responses={403: {}, 404: {}})
def new_pass(
    member_id: IdPath,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
) -> PassAnswer:
    """A new link to the member's page (their phone's member code); the old link stops working."""
    return PassAnswer(
        pass_url=members_service.new_pass(
            session,
            settings,
            member_id,
            user_id=user.user_id,
            role=user.role,
            store_id=user.store_id,
            address=client_address(request),
            base_url=_base_url(settings, request),
        )
    )


@router.post("/{member_id}/redeem", responses={409: {}, 422: {}, 503: {}})
def redeem(
    member_id: IdPath,
    body: RedeemRequest,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> RedeemResult:
    """Spend points and/or a coupon now; 409 with the reason when refused (for good)."""
    payload = body.model_dump(mode="json", exclude={"idempotency_key"}, exclude_none=True)
    mutation = push_service.MutationIn(
        id=str(body.idempotency_key),
        type="member.redeem",
        payload={**payload, "member_id": member_id},
    )
    pusher = Pusher(user.user_id, user.role, user.store_id, settings)
    [answer] = push_service.push(session, [mutation], pusher)
    if answer["status"] != push_service.APPLIED:
        raise Conflict(answer["reason"])
    return RedeemResult(**answer["result"], repeat=answer.get("repeat", False))


@router.post("/{member_id}/release", responses={404: {}, 409: {}})
def release(
    member_id: IdPath,
    body: ReleaseRequest,
    user: CurrentUser,
    session: SessionDep,
) -> ReleaseResult:
    """Give back what the member spent on an order that will not be paid (the cart was dropped)."""
    write_transaction(session)
    member = loyalty.locked_member(session, member_id)
    reversal = loyalty.release_unpaid(
        session,
        member_id,
        str(body.order_id),
        user_id=user.user_id,
        store_id=None if user.is_admin else user.store_id,
    )
    session.commit()
    return ReleaseResult(
        member_id=member_id,
        order_id=body.order_id,
        points_returned=sum(e.points for e in reversal.entries),
        coupons_returned=reversal.coupon_ids,
        balance=member.points,
    )
