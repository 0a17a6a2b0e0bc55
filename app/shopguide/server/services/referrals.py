"""Guides' personal referral codes: a customer scans a guide's share QR, buys, and the sale is
the guide's.

A code is short enough to read out or type at the till (eight letters and
digits with the easily confused ones left out), random rather than derived
from the guide's id so codes cannot be enumerated, and issued once per
guide: asking again returns the same code, so a QR already printed keeps
working.
"""

from __future__ import annotations

import secrets
from typing import Final

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from shopguide.server.models import ReferralCode, Role, Store, User
from shopguide.server.services.errors import Conflict, Forbidden, NotFound

ALPHABET: Final = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH: Final = 8
_LETTERS: Final = frozenset(ALPHABET)
_ATTEMPTS: Final = 5


def normalise(code: str) -> str:
    """What a customer typed, as stored: upper case, no spaces or dashes."""
    return code.strip().upper().replace("-", "").replace(" ", "")


def issue(
    session: Session, user_id: int, *, caller_id: int, caller_role: Role, caller_store: int | None
) -> ReferralCode:
    """The guide's code, made on first asking; commits.

    A guide asks for their own; a manager for the staff of their store; an admin for anyone.
    """
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise NotFound(f"no active user {user_id}")
    own_manager = (
        caller_role is Role.MANAGER and caller_store is not None and user.store_id == caller_store
    )
    allowed = caller_id == user_id or caller_role is Role.ADMIN or own_manager
    if not allowed:
        raise Forbidden("a referral code is issued to yourself, or by your store's manager")
    existing = session.get(ReferralCode, user_id)
    if existing is not None:
        return existing
    for _ in range(_ATTEMPTS):
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        made = ReferralCode(user_id=user_id, code=code)
        session.add(made)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            existing = session.get(ReferralCode, user_id)
            if existing is not None:  # issued by a concurrent request
                return existing
            continue  # the code was taken: draw again
        return made
    raise Conflict("could not draw an unused referral code; try again")


def resolve(session: Session, code: str) -> tuple[User, Store | None] | None:
    """The active guide a code belongs to, with their store; None for an unknown code."""
    wanted = normalise(code)
    if len(wanted) != LENGTH or not set(wanted) <= _LETTERS:
        return None  # not a code we issue (and no NUL or other junk reaches the query)
    found = session.exec(
        select(ReferralCode, User)
        .join(User, col(User.id) == ReferralCode.user_id)
        .where(ReferralCode.code == wanted)
    ).first()
    if found is None or not found[1].is_active:
        return None
    user = found[1]
    return user, session.get(Store, user.store_id) if user.store_id is not None else None
