"""Log in, refresh, log out (this device, or every device), and who am I."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from shopguide.server.api.deps import CurrentUser, SessionDep, SettingsDep, client_address
from shopguide.server.models import User
from shopguide.server.models.text import NoControlCharacters
from shopguide.server.models.users import UserPublic
from shopguide.server.services import auth as auth_service
from shopguide.server.services.errors import Unauthorized

router = APIRouter(prefix="/auth", tags=["auth"])


class LoginRequest(BaseModel):
    username: Annotated[str, NoControlCharacters] = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=128)


class RefreshRequest(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=200)


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105  (OAuth2 token type, not a secret)
    expires_in: int
    user: UserPublic


def _response(pair: auth_service.TokenPair) -> TokenResponse:
    return TokenResponse(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
        user=UserPublic.model_validate(pair.user),
    )


@router.post("/login", responses={401: {}, 429: {}})
def login(
    body: LoginRequest, request: Request, session: SessionDep, settings: SettingsDep
) -> TokenResponse:
    pair = auth_service.login(
        session,
        settings,
        username=body.username,
        password=body.password,
        address=client_address(request),
    )
    return _response(pair)


@router.post("/refresh", responses={401: {}})
def refresh(body: RefreshRequest, session: SessionDep, settings: SettingsDep) -> TokenResponse:
    return _response(auth_service.refresh(session, settings, refresh_token=body.refresh_token))


@router.post("/logout", status_code=204)
def logout(body: RefreshRequest, session: SessionDep) -> None:
    auth_service.logout(session, refresh_token=body.refresh_token)


@router.post("/logout-all", status_code=204, responses={401: {}})
def logout_all(user: CurrentUser, session: SessionDep, request: Request) -> None:
    """Log out on every device: every access and refresh token of yours stops working now."""
    auth_service.logout_everywhere(session, user.user_id, address=client_address(request))


@router.get("/me", responses={401: {}})
def me(user: CurrentUser, session: SessionDep) -> UserPublic:
    row = session.get(User, user.user_id)
    if row is None:
        raise Unauthorized("account disabled")
    return UserPublic.model_validate(row)
