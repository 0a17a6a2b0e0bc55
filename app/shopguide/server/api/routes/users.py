"""Creating staff accounts: admins for any store, managers for guides of their own store."""

from __future__ import annotations

from fastapi import APIRouter, Request

from shopguide.server.api.deps import CurrentUser, SessionDep, client_address
from shopguide.server.models import Role
from shopguide.server.models.users import UserCreate, UserPublic
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
