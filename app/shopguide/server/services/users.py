"""Creating staff accounts, and disabling (or enabling again) them.

Who may disable whom is decided here: an admin any account but their own,
a manager the guides of their own store. Disabling revokes every token the
user holds at once (`auth.revoke_all`), so a lost tablet or a guide who left
is locked out now, not when their access token runs out.
"""

from __future__ import annotations

from typing import NoReturn

from sqlmodel import Session, select

from shopguide.server.models import Role, Store, User
from shopguide.server.models.users import UserCreate
from shopguide.server.security import hash_password
from shopguide.server.services import audit, auth
from shopguide.server.services.errors import Conflict, Forbidden, NotFound, Unprocessable


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


def may_manage(
    target: User, *, caller_id: int, caller_role: Role, caller_store: int | None
) -> None:
    """Forbidden unless the caller may disable or enable `target`."""
    if target.id == caller_id:
        raise Forbidden("you cannot disable or enable your own account")
    if caller_role is Role.ADMIN:
        return
    if (
        caller_role is Role.MANAGER
        and caller_store is not None
        and target.store_id == caller_store
        and target.role == Role.GUIDE
    ):
        return
    raise Forbidden("managers disable or enable the guides of their own store; admins anyone")


def set_active(
    session: Session,
    user_id: int,
    active: bool,
    *,
    caller_id: int,
    caller_role: Role,
    caller_store: int | None,
    address: str = "",
) -> User:
    """Disable (revoking every token at once) or enable again; commits. A repeat is harmless
    (a second disable revokes again); only a change of state is audited."""
    target = auth.locked_user(session, user_id)
    if target is None:
        raise NotFound(f"no user with id {user_id}")
    may_manage(target, caller_id=caller_id, caller_role=caller_role, caller_store=caller_store)
    detail: dict[str, object] = {}
    if not active:
        # Revoked even when already disabled: a token issued before is dead either way.
        detail["refresh_tokens_revoked"] = auth.revoke_all(session, target)
    changed = target.is_active != active
    target.is_active = active
    session.add(target)
    if changed:
        audit.record(
            session,
            action="user.enable" if active else "user.disable",
            entity="user",
            entity_id=user_id,
            user_id=caller_id,
            store_id=target.store_id,
            address=address,
            detail=detail,
        )
    session.commit()
    return target
