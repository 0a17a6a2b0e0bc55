"""Logging in, refreshing and logging out, with per-user and per-address rate limits.

Revocation: an access token is good while its `tv` claim equals the user's
`token_version`, a refresh token while its row is not revoked. Logging out
everywhere (or disabling the user) bumps the version and revokes every
refresh token in one transaction that holds the user's row, and a refresh
takes the same row lock first, so no refresh can slip a new token past it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from shopguide.server import security
from shopguide.server.config import Settings
from shopguide.server.db import write_transaction
from shopguide.server.models import LoginAttempt, RefreshToken, User
from shopguide.server.models.types import utcnow
from shopguide.server.services import audit
from shopguide.server.services.errors import RateLimited, Unauthorized


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User
    refresh_id: str


def login(
    session: Session, settings: Settings, *, username: str, password: str, address: str
) -> TokenPair:
    username = username.strip().lower()
    _check_rate_limit(session, settings, username=username, address=address)
    user = session.exec(select(User).where(User.username == username)).first()
    user_id = user.id if user else None
    password_hash = user.password_hash if user else None
    # The password check takes a good part of a second on purpose: no transaction stays
    # open across it (on SQLite a read one would make the write after it fail with
    # "database is locked" when tablets log in side by side), and the write that follows
    # takes its lock up front.
    session.rollback()
    ok = security.verify_password(password, password_hash)
    write_transaction(session)
    user = session.get(User, user_id) if user_id is not None else None
    if not ok or user is None or not user.is_active:
        session.add(LoginAttempt(username=username, address=address, succeeded=False))
        audit.record(
            session,
            action="login.failed",
            entity="user",
            entity_id=username,
            user_id=user_id,
            address=address,
        )
        session.commit()
        raise Unauthorized("wrong username or password")
    session.add(LoginAttempt(username=username, address=address, succeeded=True))
    pair = _issue(session, settings, user)
    audit.record(
        session,
        action="login",
        entity="user",
        entity_id=user.id,
        user_id=user.id,
        store_id=user.store_id,
        address=address,
    )
    session.commit()
    return pair


def refresh(session: Session, settings: Settings, *, refresh_token: str) -> TokenPair:
    """Rotate: the presented refresh token is spent and a new pair issued.

    A spent token is accepted once more while its successor has never been
    used: the tablet lost the answer, or was switched off before it saved the
    new token. Its unused successor is withdrawn then, so only one chain of
    tokens is ever alive, and a token whose successor was used stays dead.
    """
    try:
        token_id, secret_part = security.split_refresh_token(refresh_token)
    except security.TokenError as exc:
        raise Unauthorized(str(exc)) from exc
    write_transaction(session)
    stored = session.get(RefreshToken, token_id)
    if stored is not None:
        # The user's row first, as `revoke_all` takes it: a refresh racing a "log out
        # everywhere" either finishes before it (and its new token is revoked with the
        # rest) or waits and then reads its token revoked.
        session.get(User, stored.user_id, with_for_update=True, populate_existing=True)
        stored = session.get(RefreshToken, token_id, populate_existing=True)
    now = utcnow()
    if stored is None or not security.same_hash(
        stored.token_hash, security.hash_refresh_secret(secret_part)
    ):
        raise Unauthorized("refresh token not recognised or already used")
    if stored.revoked_at is not None:
        successor = session.get(RefreshToken, stored.replaced_by) if stored.replaced_by else None
        if successor is None or successor.revoked_at is not None:
            raise Unauthorized("refresh token not recognised or already used")
        successor.revoked_at = now
        session.add(successor)
    if stored.expires_at <= now:
        raise Unauthorized("refresh token expired; log in again")
    user = session.get(User, stored.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("account disabled")
    pair = _issue(session, settings, user)
    stored.revoked_at = now
    stored.replaced_by = pair.refresh_id
    session.add(stored)
    session.commit()
    return pair


def logout(session: Session, *, refresh_token: str) -> None:
    """Spend the refresh token; an unknown token is not an error (logging out twice is fine)."""
    try:
        token_id, _ = security.split_refresh_token(refresh_token)
    except security.TokenError:
        return
    stored = session.get(RefreshToken, token_id)
    if stored is not None and stored.revoked_at is None:
        stored.revoked_at = utcnow()
        session.add(stored)
        session.commit()


def revoke_all(session: Session, user: User) -> int:
    """Make every token of `user` useless at once: access tokens by the version, refresh tokens
    by revoking their rows. The caller holds the user's row (`locked_user`) and commits."""
    user.token_version += 1
    session.add(user)
    session.flush()
    result = session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.user_id) == user.id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)


def locked_user(session: Session, user_id: int) -> User | None:
    """The user's row, locked for this write transaction (the lock `refresh` waits on)."""
    write_transaction(session)
    return session.get(User, user_id, with_for_update=True, populate_existing=True)


def logout_everywhere(session: Session, user_id: int, *, address: str) -> None:
    """Log the user out on every device: their access and refresh tokens all stop working."""
    user = locked_user(session, user_id)
    if user is None:
        raise Unauthorized("account disabled")
    revoked = revoke_all(session, user)
    audit.record(
        session,
        action="user.logout_all",
        entity="user",
        entity_id=user_id,
        user_id=user_id,
        store_id=user.store_id,
        address=address,
        detail={"refresh_tokens_revoked": revoked},
    )
    session.commit()


def _issue(session: Session, settings: Settings, user: User) -> TokenPair:
    assert user.id is not None
    lifetime = timedelta(minutes=settings.access_token_minutes)
    access = security.issue_access_token(
        secret=settings.secret_key,
        user_id=user.id,
        role=user.role,
        store_id=user.store_id,
        token_version=user.token_version,
        lifetime=lifetime,
    )
    token_id, token, token_hash = security.new_refresh_token()
    session.add(
        RefreshToken(
            id=token_id,
            user_id=user.id,
            token_hash=token_hash,
            expires_at=utcnow() + timedelta(days=settings.refresh_token_days),
        )
    )
    return TokenPair(access, token, int(lifetime.total_seconds()), user, token_id)


def _check_rate_limit(session: Session, settings: Settings, *, username: str, address: str) -> None:
    since = utcnow() - timedelta(seconds=settings.login_window_seconds)
    failures = (
        select(func.count())
        .select_from(LoginAttempt)
        .where(col(LoginAttempt.at) >= since, col(LoginAttempt.succeeded).is_(False))
    )
    by_user = session.exec(failures.where(LoginAttempt.username == username)).one()
    by_address = session.exec(failures.where(LoginAttempt.address == address)).one()
    if (
        by_user >= settings.login_max_failures_per_user
        or by_address >= settings.login_max_failures_per_address
    ):
        raise RateLimited(
            "too many failed logins; wait a few minutes and try again",
            retry_after_seconds=settings.login_window_seconds,
        )
