"""Typed dependencies every route declares: the session, the settings and the caller."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlmodel import Session

from shopguide.server import security
from shopguide.server.config import Settings
from shopguide.server.models import Role, User
from shopguide.server.payments.providers import Provider
from shopguide.server.services.errors import Forbidden, Unauthorized

MAX_ID = 2**31 - 1
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    engine: Engine = request.app.state.engine
    with Session(engine, expire_on_commit=False) as session:
        yield session


def get_providers(request: Request) -> Mapping[str, Provider]:
    providers: Mapping[str, Provider] = request.app.state.providers
    return providers


SettingsDep = Annotated[Settings, Depends(get_settings)]
ProvidersDep = Annotated[Mapping[str, Provider], Depends(get_providers)]
SessionDep = Annotated[Session, Depends(get_session)]

_bearer = HTTPBearer(auto_error=False)


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller, as far as authorisation needs to know."""

    user_id: int
    role: Role
    store_id: int | None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def require_role(self, *roles: Role) -> None:
        if self.role not in roles and not self.is_admin:
            raise Forbidden(f"this needs the role {' or '.join(r.value for r in roles)}")

    def require_store(self, store_id: int) -> None:
        """Writes to a store are for that store's staff and admins only."""
        if not self.is_admin and self.store_id != store_id:
            raise Forbidden("you can only change your own store")


def get_principal(
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("log in first: missing bearer token")
    try:
        claims = security.decode_access_token(credentials.credentials, secret=settings.secret_key)
    except security.TokenError as exc:
        raise Unauthorized(str(exc)) from exc
    user = session.get(User, claims.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("account disabled")
    if user.token_version != claims.token_version:
        raise Unauthorized("token revoked; log in again")
    principal = Principal(user_id=claims.user_id, role=Role(user.role), store_id=user.store_id)
    # Hand the connection back now: a route that waits (long polls) or queues for
    # a worker thread must not sit on a pooled connection it is not using.
    session.rollback()
    return principal


CurrentUser = Annotated[Principal, Depends(get_principal)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
