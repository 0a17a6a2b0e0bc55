"""Creating staff accounts."""

from __future__ import annotations

from typing import NoReturn

from sqlmodel import Session, select

from shopguide.server.models import Role, Store, User
from shopguide.server.models.users import UserCreate
from shopguide.server.security import hash_password
from shopguide.server.services import audit
from shopguide.server.services.errors import Conflict, Forbidden, Unprocessable


def refuse(reason: str) -> NoReturn:
    raise Forbidden(reason)


def create_user(
    session: Session, data: UserCreate, *, created_by: int | None, address: str = ""
) -> User:
    username = data.username.lower()
    if session.exec(select(User).where(User.username == username)).first() is not None:
        raise Conflict(f"the username {username!r} is taken")
    if data.role is not Role.ADMIN and data.store_id is None:
        raise Unprocessable("guides and managers need a home store")
    if data.store_id is not None and session.get(Store, data.store_id) is None:
        raise Unprocessable(f"no store with id {data.store_id}")
    user = User(
        username=username,
        full_name=data.full_name,
        role=data.role,
        store_id=data.store_id,
        password_hash=hash_password(data.password),
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        action="user.create",
        entity="user",
        entity_id=user.id,
        user_id=created_by,
        store_id=data.store_id,
        address=address,
    )
    session.commit()
    return user
