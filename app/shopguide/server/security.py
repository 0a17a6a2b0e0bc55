"""Password hashing and tokens.

Access tokens are short-lived signed JWTs carrying the user's role, store and
token version (bumping the version revokes them all). Refresh tokens are
opaque random strings stored only as a hash, rotated at every use.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
ALGORITHM = "HS256"
_DUMMY_HASH = _hasher.hash("timing-equaliser-for-unknown-users")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Constant work whether or not the user exists, so timing reveals nothing."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: int
    role: str
    store_id: int | None
    token_version: int
    expires_at: datetime


class TokenError(Exception):
    """The token is missing, malformed, forged or expired; the message says which."""


def issue_access_token(
    *,
    secret: str,
    user_id: int,
    role: str,
    store_id: int | None,
    token_version: int,
    lifetime: timedelta,
    now: datetime | None = None,
) -> str:
    now = now or datetime.now(UTC)
    payload = {
        "sub": str(user_id),
        "role": role,
        "store": store_id,
        "tv": token_version,
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "typ": "access",
    }
    return jwt.encode(payload, secret, algorithm=ALGORITHM)


def decode_access_token(token: str, *, secret: str) -> AccessClaims:
    try:
        payload = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"require": ["exp", "sub", "typ"]}
        )
    except jwt.ExpiredSignatureError as exc:
        raise TokenError("access token expired") from exc
    except jwt.PyJWTError as exc:
        raise TokenError("invalid access token") from exc
    if payload.get("typ") != "access":
        raise TokenError("not an access token")
    try:
        return AccessClaims(
            user_id=int(payload["sub"]),
            role=str(payload["role"]),
            store_id=None if payload.get("store") is None else int(payload["store"]),
            token_version=int(payload.get("tv", 0)),
            expires_at=datetime.fromtimestamp(int(payload["exp"]), UTC),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise TokenError("invalid access token") from exc


def new_refresh_token() -> tuple[str, str, str]:
    """Return (token id, token shown to the client, hash stored on the server)."""
    token_id = secrets.token_urlsafe(16)
    secret_part = secrets.token_urlsafe(32)
    return token_id, f"{token_id}.{secret_part}", hash_refresh_secret(secret_part)


def split_refresh_token(token: str) -> tuple[str, str]:
    token_id, sep, secret_part = token.partition(".")
    if not sep or not token_id or not secret_part or len(token) > 200:
        raise TokenError("malformed refresh token")
    return token_id, secret_part


def hash_refresh_secret(secret_part: str) -> str:
    return hashlib.sha256(secret_part.encode()).hexdigest()


def same_hash(a: str, b: str) -> bool:
    return secrets.compare_digest(a, b)
