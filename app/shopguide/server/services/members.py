"""Member lookup, scan and view (audited, rate-limited), enrolment at the counter, pass links.

A guide sees a member's phone masked to its last four digits; the full
number is never sent to a tablet by these reads. Managers and admins see a
little more (`MemberPublic` says what).

Lookups, scans of member codes and views of a member all count towards one
limit per account (`member_lookup_limit` per `member_lookup_window_seconds`),
counted from the audit log every lookup writes anyway: the limit holds
across several server processes, and a stolen guide login cannot page
through the member base. A refused lookup is not audited, so waiting is
enough to be let in again.
"""

from __future__ import annotations

import math
import secrets
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from shopguide.core import loyalty as rules
from shopguide.core import phone as phones
from shopguide.core.phone import normalise_phone
from shopguide.server.config import Settings
from shopguide.server.db import write_transaction
from shopguide.server.models import (
    AuditLog,
    Coupon,
    Member,
    Order,
    OrderLine,
    Payment,
    PointsEntry,
    Role,
    Store,
    Style,
    Variant,
)
from shopguide.server.models.members import (
    CouponPublic,
    LedgerEntryPublic,
    MemberCreate,
    MemberDetail,
    MemberEnrolled,
    MemberPublic,
    PurchasePublic,
    TierProgressPublic,
)
from shopguide.server.models.types import utcnow
from shopguide.server.services import audit, member_codes
from shopguide.server.services.errors import Conflict, Forbidden, NotFound, RateLimited

CARD_PREFIX = "8800"
STATIC_CODE_PREFIX = "SGM:"  # printed cards: "SGM:<card number>", no expiry
RECENT = 10  # purchases and ledger entries on the member panel
EXPIRING_SOON = timedelta(days=7)
LOOKUP_ACTIONS = ("member.lookup", "member.resolve", "member.view")


def mask_phone(phone: str, *, keep_prefix: bool = False) -> str:
    """Last four digits for guides; managers also see the first three (the carrier prefix)."""
    digits = normalise_phone(phone)
    if keep_prefix and len(digits) > 7:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return phones.mask_phone(phone)


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


# ----------------------------------------------------------------------------- views


def coupon_public(coupon: Coupon, now: datetime) -> CouponPublic:
    usable = coupon.state == "issued" and coupon.valid_from <= now < coupon.valid_to
    return CouponPublic(
        id=coupon.id or 0,
        code=coupon.code,
        title=coupon.title,
        kind=coupon.kind,
        value=coupon.value,
        min_spend=coupon.min_spend,
        category=coupon.category,
        valid_from=coupon.valid_from,
        valid_to=coupon.valid_to,
        state=coupon.state,
        usable=usable,
        expiring_soon=usable and coupon.valid_to - now <= EXPIRING_SOON,
    )


def to_public(session: Session, member: Member, role: Role) -> MemberPublic:
    coupons = session.exec(
        select(Coupon).where(Coupon.member_id == member.id).order_by(col(Coupon.valid_to))
    ).all()
    now = utcnow()
    privileged = role in (Role.MANAGER, Role.ADMIN)
    return MemberPublic(
        id=member.id or 0,
        name=member.name,
        birthday=member.birthday,
        card_number=member.card_number,
        phone_masked=mask_phone(member.phone, keep_prefix=privileged),
        tier=member.tier,
        points=member.points,
        home_store_id=member.home_store_id,
        sizes=member.sizes,
        note=member.note,
        coupons=[coupon_public(c, now) for c in coupons],
        consent_at=member.consent_at if privileged else None,
        enrolled_at=member.created_at if privileged else None,
    )


def to_detail(session: Session, member: Member, role: Role) -> MemberDetail:
    """The member panel, in five queries whatever the member's history."""
    progress = rules.progress(member.tier, member.lifetime_points)
    return MemberDetail(
        **to_public(session, member, role).model_dump(),
        tier_progress=TierProgressPublic(
            tier=progress.tier,
            lifetime_points=progress.lifetime_points,
            next_tier=progress.next_tier,
            next_tier_from=progress.next_tier_from,
            points_to_next=progress.points_to_next,
        ),
        recent_purchases=_recent_purchases(session, member.id or 0),
        ledger=[
            LedgerEntryPublic(
                id=e.id or 0,
                kind=e.kind,
                points=e.points,
                balance_after=e.balance_after,
                order_id=e.order_id,
                store_id=e.store_id,
                note=e.note,
                at=e.created_at,
            )
            for e in session.exec(
                select(PointsEntry)
                .where(PointsEntry.member_id == member.id)
                .order_by(col(PointsEntry.id).desc())
                .limit(RECENT)
            ).all()
        ],
    )


def _recent_purchases(session: Session, member_id: int) -> list[PurchasePublic]:
    """The last lines the member bought, in any store: orders paid, or paid in cash or by card
    on a tablet (those keep the order `placed` and have a payment `recorded_offline`)."""
    paid = (col(Order.status) == "paid") | col(Order.id).in_(
        select(Payment.order_id).where(col(Payment.status).in_(("paid", "recorded_offline")))
    )
    rows = session.exec(
        select(Order, OrderLine, Variant, Style)
        .join(OrderLine, col(OrderLine.order_id) == Order.id)
        .join(Variant, col(Variant.id) == OrderLine.variant_id)
        .join(Style, col(Style.id) == Variant.style_id)
        .where(Order.member_id == member_id, paid)
        .order_by(col(Order.created_at).desc(), col(OrderLine.line_no))
        .limit(RECENT)
    ).all()
    store_ids = {order.store_id for order, *_ in rows}
    stores = dict(
        session.exec(select(Store.id, Store.name).where(col(Store.id).in_(store_ids))).all()
    )
    return [
        PurchasePublic(
            order_id=order.id,
            line_no=line.line_no,
            at=order.client_created_at or order.created_at,
            store_id=order.store_id,
            store_name=stores.get(order.store_id, ""),
            style_code=style.code,
            style_name=style.name,
            colour=variant.colour,
            size=variant.size,
            quantity=line.quantity,
            net=line.net,
            currency=order.currency,
        )
        for order, line, variant, style in rows
    ]


# ----------------------------------------------------------------------------- rate limit


def check_lookup_rate(session: Session, settings: Settings, user_id: int) -> None:
    """429 once the account used up its lookups in the window; Retry-After says when one frees.

    Opens the transaction as a writing one: the lookup that follows writes
    its audit entry, and on SQLite a read that turns into a write fails
    when another writer got in between.
    """
    write_transaction(session)
    since = utcnow() - timedelta(seconds=settings.member_lookup_window_seconds)
    oldest_counted = session.exec(
        select(AuditLog.at)
        .where(
            AuditLog.user_id == user_id,
            col(AuditLog.action).in_(LOOKUP_ACTIONS),
            col(AuditLog.at) >= since,
        )
        .order_by(col(AuditLog.at).desc())
        .offset(settings.member_lookup_limit - 1)
        .limit(1)
    ).first()
    if oldest_counted is not None:
        frees_at = oldest_counted + timedelta(seconds=settings.member_lookup_window_seconds)
        raise RateLimited(
            f"more than {settings.member_lookup_limit} member lookups in "
            f"{settings.member_lookup_window_seconds} s; wait a moment",
            retry_after_seconds=max(math.ceil((frees_at - utcnow()).total_seconds()), 1),
        )


# ----------------------------------------------------------------------------- reads


def lookup(
    session: Session,
    settings: Settings,
    *,
    card: str | None,
    phone: str | None,
    code: str | None,
    user_id: int,
    role: Role,
    store_id: int | None,
    address: str,
) -> list[MemberPublic]:
    """Find members by card number, phone, or a scanned code; every lookup is audited.

    A scanned code is a printed card's "SGM:<card>" or a phone's dynamic
    "SGM1." member code, which is checked like `resolve` does.
    """
    if code is not None and code.startswith(member_codes.CODE_PREFIX):
        return [resolve(session, settings, code, user_id=user_id, role=role, address=address)]
    check_lookup_rate(session, settings, user_id)
    if code is not None:
        card = code.removeprefix(STATIC_CODE_PREFIX)
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
    return [to_public(session, m, role) for m in members]


def resolve(
    session: Session, settings: Settings, code: str, *, user_id: int, role: Role, address: str
) -> MemberDetail:
    """The member a dynamic member code names. Expired (410) and forged (422) scans are
    audited too, and count towards the lookup limit like any other attempt."""
    check_lookup_rate(session, settings, user_id)

    def audited(member_id: object, outcome: str) -> None:
        audit.record(
            session,
            action="member.resolve",
            entity="member",
            entity_id=member_id,
            user_id=user_id,
            address=address,
            detail={"outcome": outcome},
        )
        session.commit()

    try:
        member_id = member_codes.read_member_code(settings.secret_key, code).member_id
    except member_codes.ExpiredMemberCode:
        audited("-", "expired")
        raise
    except member_codes.NotAMemberCode:
        audited("-", "not a member code")
        raise
    member = session.get(Member, member_id)
    audited(member_id, "found" if member else "no such member")
    if member is None:
        raise NotFound(f"no member with id {member_id}")
    return to_detail(session, member, role)


def get(
    session: Session,
    settings: Settings,
    member_id: int,
    *,
    user_id: int,
    role: Role,
    address: str,
) -> MemberDetail:
    check_lookup_rate(session, settings, user_id)
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
    return to_detail(session, member, role)


# ----------------------------------------------------------------------------- writes


def enrol(
    session: Session,
    settings: Settings,
    data: MemberCreate,
    *,
    store_id: int,
    user_id: int,
    role: Role,
    address: str,
    base_url: str,
) -> MemberEnrolled:
    """A new member of the guide's store, with consent recorded (refused without it)."""
    if not data.consent:
        raise Conflict("the customer must agree to the membership terms before enrolling")
    write_transaction(session)
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
        consent_at=utcnow(),
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
        detail={"consent_at": member.consent_at.isoformat()},
    )
    session.commit()
    return MemberEnrolled(
        **to_public(session, member, role).model_dump(),
        pass_url=member_codes.pass_url(base_url, settings.secret_key, member),
    )


def new_pass(
    session: Session,
    settings: Settings,
    member_id: int,
    *,
    user_id: int,
    role: Role,
    store_id: int | None,
    address: str,
    base_url: str,
) -> str:
    """A new pass link for the member, revoking the old one; for the member's home store's
    guides, and for managers and admins (who handle lost phones and complaints)."""
    write_transaction(session)
    member = session.get(Member, member_id, with_for_update=True, populate_existing=True)
    if member is None:
        raise NotFound(f"no member with id {member_id}")
    if role is Role.GUIDE and store_id != member.home_store_id:
        raise Forbidden("only the member's home store or a manager can issue their member link")
    member_codes.reissue_pass(session, member)
    audit.record(
        session,
        action="member.pass",
        entity="member",
        entity_id=member_id,
        user_id=user_id,
        store_id=store_id,
        address=address,
        detail={"pass_version": member.pass_version},
    )
    session.commit()
    return member_codes.pass_url(base_url, settings.secret_key, member)
