"""Creating staff accounts (admins for any store, managers for guides of their own store),
disabling and enabling them (the same rule), and guides' referral codes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from shopguide.server.api.deps import (
    CurrentUser,
    IdPath,
    Principal,
    SessionDep,
    SettingsDep,
    client_address,
)
from shopguide.server.models import Role
from shopguide.server.models.users import UserCreate, UserPublic
from shopguide.server.services import referrals
from shopguide.server.services import users as users_service

router = APIRouter(prefix="/users", tags=["users"])


@router.post("", status_code=201, responses={403: {}, 409: {}})
def create_user(
    body: UserCreate, user: CurrentUser, session: SessionDep, request: Request
) -> UserPublic:
    user.require_role(Role.MANAGER)
    if not user.is_admin:
        if body.role is not Role.GUIDE:
            users_service.refuse("managers can only create guide accounts")
        user.require_store(body.store_id or 0)
    created = users_service.create_user(
        session, body, created_by=user.user_id, address=client_address(request)
    )
    return UserPublic.model_validate(created)


class ReferralCodePublic(BaseModel):
    user_id: int
    code: str
    url: str  # what the guide's share QR encodes: the referral landing page


@router.post("/{user_id}/referral-code", responses={403: {}, 404: {}})
def referral_code(
    user_id: IdPath,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
) -> ReferralCodePublic:
    """The guide's personal referral code, made on first asking (the same code ever after).

    A guide asks for their own; a manager for their store's staff; an admin for anyone.
    """
    issued = referrals.issue(
        session, user_id, caller_id=user.user_id, caller_role=user.role, caller_store=user.store_id
    )
    base = (settings.public_url or str(request.base_url)).rstrip("/")
    return ReferralCodePublic(user_id=user_id, code=issued.code, url=f"{base}/r/{issued.code}")


@router.post("/{user_id}/disable", responses={403: {}, 404: {}})
def disable_user(
    user_id: IdPath, user: CurrentUser, session: SessionDep, request: Request
) -> UserPublic:
    """Lock the account out now: every token it holds stops working at once.

    Managers disable the guides of their own store; admins anyone but themselves.
    """
    return _set_active(user_id, False, user, session, request)


@router.post("/{user_id}/enable", responses={403: {}, 404: {}})
def enable_user(
    user_id: IdPath, user: CurrentUser, session: SessionDep, request: Request
) -> UserPublic:
    """Let a disabled account log in again (its old tokens stay revoked)."""
    return _set_active(user_id, True, user, session, request)


def _set_active(
    user_id: int, active: bool, user: Principal, session: SessionDep, request: Request
) -> UserPublic:
    target = users_service.set_active(
        session,
        user_id,
        active,
        caller_id=user.user_id,
        caller_role=user.role,
        caller_store=user.store_id,
        address=client_address(request),
    )
    return UserPublic.model_validate(target)
