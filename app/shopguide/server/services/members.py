"""Member lookup (audited) and enrolment at the counter.

A guide sees a member's phone masked to its last four digits; the full
number is never sent to a tablet by these reads.
"""

from __future__ import annotations

import re
import secrets

from sqlmodel import Session, col, select

from shopguide.server.models import Coupon, Member
from shopguide.server.models.members import CouponPublic, MemberCreate, MemberPublic
from shopguide.server.services import audit
from shopguide.server.services.errors import Conflict, NotFound

CARD_PREFIX = "8800"
_NON_DIGITS = re.compile(r"\D")


def normalise_phone(phone: str) -> str:
    digits = _NON_DIGITS.sub("", phone)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def mask_phone(phone: str) -> str:
    digits = normalise_phone(phone)
    return "*" * max(len(digits) - 4, 0) + digits[-4:]


def luhn_check_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def new_card_number() -> str:
    body = CARD_PREFIX + "".join(secrets.choice("0123456789") for _ in range(11))
    return body + luhn_check_digit(body)


def to_public(session: Session, member: Member) -> MemberPublic:
    coupons = session.exec(
        select(Coupon).where(Coupon.member_id == member.id).order_by(col(Coupon.valid_to))
    ).all()
    return MemberPublic(
        id=member.id or 0,
        name=member.name,
        birthday=member.birthday,
        card_number=member.card_number,
        phone_masked=mask_phone(member.phone),
        tier=member.tier,
        points=member.points,
        home_store_id=member.home_store_id,
        sizes=member.sizes,
        note=member.note,
        coupons=[CouponPublic.model_validate(c) for c in coupons],
    )


def lookup(
    session: Session,
    *,
    card: str | None,
    phone: str | None,
    code: str | None,
    user_id: int,
    store_id: int | None,
    address: str,
) -> list[MemberPublic]:
    """Find members by card number, phone, or a scanned member code; every lookup is audited."""
    if code is not None:
        card = code.removeprefix("SGM:")
    stmt = select(Member)
    if card is not None:
        stmt = stmt.where(Member.card_number == card.strip())
        how = "card"
    elif phone is not None:
        stmt = stmt.where(Member.phone == normalise_phone(phone))
        how = "phone"
    else:
        raise ValueError("lookup needs a card number, a phone or a code")
    members = session.exec(stmt.limit(5)).all()
    audit.record(
        session,
        action="member.lookup",
        entity="member",
        entity_id=",".join(str(m.id) for m in members) or "-",
        user_id=user_id,
        store_id=store_id,
        address=address,
        detail={"by": how, "found": len(members)},
    )
    session.commit()
    return [to_public(session, m) for m in members]


def get(session: Session, member_id: int, *, user_id: int, address: str) -> MemberPublic:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(f"no member with id {member_id}")
    audit.record(
        session,
        action="member.view",
        entity="member",
        entity_id=member_id,
        user_id=user_id,
        address=address,
    )
    session.commit()
    return to_public(session, member)


def enrol(
    session: Session, data: MemberCreate, *, store_id: int, user_id: int, address: str
) -> MemberPublic:
    if not data.consent:
        raise Conflict("the customer must agree to the membership terms before enrolling")
    phone = normalise_phone(data.phone)
    if session.exec(select(Member).where(Member.phone == phone)).first() is not None:
        raise Conflict("a member with this phone number already exists; look them up instead")
    member = Member(
        name=data.name.strip(),
        birthday=data.birthday,
        phone=phone,
        card_number=new_card_number(),
        home_store_id=store_id,
        sizes=data.sizes,
    )
    session.add(member)
    session.flush()
    audit.record(
        session,
        action="member.enrol",
        entity="member",
        entity_id=member.id,
        user_id=user_id,
        store_id=store_id,
        address=address,
    )
    session.commit()
    return to_public(session, member)
