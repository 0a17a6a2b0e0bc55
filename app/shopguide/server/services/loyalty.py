"""The points ledger and coupon redemptions: earning on paid orders, spending, and undoing both.

Every function works inside the caller's transaction (flush, never commit),
so the payment or mutation that causes an entry commits with it or not at
all. Each entry's unique key makes its cause count once (see
`shopguide.server.models.loyalty`); a repeated call finds the entry and
returns it.

The balance (`member.points`) is changed only here, under a row lock on the
member taken before the balance is read, together with the entry that
explains the change: it always equals the sum of the member's entries and
is never negative. Coupons are locked the same way, after their member, so
one coupon redeemed on two tablets at once is granted to exactly one; the
unique `live_coupon_id` refuses a second live redemption even if a caller
forgot the lock.

Earning (`shopguide.core.loyalty`): the order total in whole currency units
times the member's tier rate (classic 1, silver 1.2, gold 1.5, platinum 2
points per unit), rounded down, as the order becomes paid; lifetime points
grow by the same and may lift the tier.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from shopguide.core import loyalty as rules
from shopguide.server.models import (
    Coupon,
    CouponRedemption,
    Member,
    Order,
    Payment,
    PointsEntry,
    Store,
)
from shopguide.server.models.loyalty import EARN, REDEEM, REVERSE
from shopguide.server.models.types import utcnow
from shopguide.server.services import audit
from shopguide.server.services.errors import Conflict, NotFound

ISSUED, REDEEMED, EXPIRED = "issued", "redeemed", "expired"  # coupon states
# Payment statuses meaning money was taken (or is claimed taken), as in payments.service,
# which calls this module and so cannot be imported here.
_PAID_PAYMENTS = ("paid", "recorded_offline", "unverified")


class Refused(Conflict):
    """The ledger cannot do it (balance too small, coupon used or expired); the reason says why."""


def locked_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id, with_for_update=True, populate_existing=True)
    if member is None:
        raise NotFound(f"member {member_id} does not exist")
    return member


def _entry_by_key(session: Session, key: str) -> PointsEntry | None:
    return session.exec(select(PointsEntry).where(PointsEntry.key == key)).first()


def _book(
    session: Session,
    member: Member,
    *,
    kind: str,
    points: int,
    key: str,
    order_id: str | None,
    store_id: int | None,
    user_id: int | None,
    note: str = "",
) -> PointsEntry:
    """Add `points` (signed) to the locked member's balance with the entry that explains it.

    Refused if the balance would go below zero: the one check every spend passes.
    """
    assert member.id is not None
    if member.points + points < 0:
        raise Refused(f"the member has only {member.points} points; {-points} asked")
    member.points += points
    entry = PointsEntry(
        member_id=member.id,
        kind=kind,
        points=points,
        balance_after=member.points,
        key=key,
        order_id=order_id,
        store_id=store_id,
        user_id=user_id,
        note=note[:200],
    )
    session.add(member)
    session.add(entry)
    session.flush()
    return entry


# ----------------------------------------------------------------------------- earning


def earn_for_order(session: Session, order_id: str) -> PointsEntry | None:
    """Credit the points a paid order earns its member, once per order whatever the callers.

    Call it when the order becomes paid, inside that transaction. Returns the
    entry (the earlier one on a repeat), or None when the order has no member
    or earns nothing. The order is locked first, as the payment paths do, so
    two callers settling the same order cannot both credit it.
    """
    order = session.get(Order, order_id, with_for_update=True)
    if order is None:
        raise NotFound(f"no order {order_id}")
    if order.member_id is None:
        return None
    member = locked_member(session, order.member_id)
    key = f"earn:{order_id}"
    earlier = _entry_by_key(session, key)
    if earlier is not None:
        return earlier
    points = rules.points_for(order.total, order.currency, member.tier)
    if points == 0:
        return None
    note = f"{order.total} {order.currency} at the {member.tier} rate"
    member.lifetime_points += points
    tier = rules.tier_after_earning(member.tier, member.lifetime_points)
    if tier != member.tier:
        audit.record(
            session,
            action="member.tier",
            entity="member",
            entity_id=member.id,
            user_id=None,
            store_id=order.store_id,
            detail={"from": member.tier, "to": tier, "order": order_id},
        )
        member.tier = tier
    return _book(
        session,
        member,
        kind=EARN,
        points=points,
        key=key,
        order_id=order_id,
        store_id=order.store_id,
        user_id=None,
        note=note,
    )


# ----------------------------------------------------------------------------- spending


def redeem_points(
    session: Session,
    member: Member,
    points: int,
    *,
    key: str,
    order_id: str | None,
    store_id: int | None,
    user_id: int,
    offline: bool,
    offline_cap: int,
) -> PointsEntry:
    """Spend `points` of the member (locked by the caller); Refused if the balance is short.

    `offline` redemptions (proved by a member code scanned while the tablet
    was offline) are limited to `offline_cap` points each.
    """
    if offline and points > offline_cap:
        raise Refused(
            f"offline, at most {offline_cap} points can be spent; this asked {points}"
            if offline_cap
            else "points cannot be spent offline; redeem them with the network"
        )
    return _book(
        session,
        member,
        kind=REDEEM,
        points=-points,
        key=key,
        order_id=order_id,
        store_id=store_id,
        user_id=user_id,
        note="spent offline" if offline else "",
    )


def redeem_coupon(
    session: Session,
    member: Member,
    coupon_id: int,
    *,
    key: str,
    order_id: str | None,
    store_id: int | None,
    user_id: int,
    offline: bool,
    now: datetime | None = None,
) -> tuple[Coupon, CouponRedemption]:
    """Use the member's coupon (the member locked by the caller); Refused with who used it first."""
    if offline:
        raise Refused(
            "coupons can only be redeemed with the network: it may have been used elsewhere"
        )
    now = now or utcnow()
    coupon = session.get(Coupon, coupon_id, with_for_update=True, populate_existing=True)
    if coupon is None or coupon.member_id != member.id:
        raise Refused(f"coupon {coupon_id} is not this member's")
    if coupon.state == REDEEMED:
        raise Refused(_already_redeemed(session, coupon))
    if coupon.state == EXPIRED or coupon.valid_to <= now:
        raise Refused(f"coupon {coupon.code} expired on {coupon.valid_to:%Y-%m-%d}")
    if coupon.valid_from > now:
        raise Refused(f"coupon {coupon.code} is valid from {coupon.valid_from:%Y-%m-%d}")
    coupon.state = REDEEMED
    coupon.redeemed_at = now
    redemption = CouponRedemption(
        coupon_id=coupon_id,
        live_coupon_id=coupon_id,
        member_id=coupon.member_id,
        key=key,
        order_id=order_id,
        store_id=store_id,
        user_id=user_id,
        created_at=now,
    )
    session.add(coupon)
    session.add(redemption)
    session.flush()
    return coupon, redemption


def _already_redeemed(session: Session, coupon: Coupon) -> str:
    live = session.exec(
        select(CouponRedemption).where(CouponRedemption.live_coupon_id == coupon.id)
    ).first()
    if live is None:  # redeemed before the ledger existed
        when = f" on {coupon.redeemed_at:%Y-%m-%d}" if coupon.redeemed_at else ""
        return f"coupon {coupon.code} was already redeemed{when}"
    store = session.get(Store, live.store_id) if live.store_id is not None else None
    where = f" at {store.name}" if store else ""
    order = f" on order {live.order_id}" if live.order_id else ""
    return (
        f"coupon {coupon.code} already redeemed{order}{where} "
        f"({live.created_at:%Y-%m-%d %H:%M} UTC)"
    )


# ----------------------------------------------------------------------------- undoing


@dataclass(frozen=True, slots=True)
class Reversal:
    entries: list[PointsEntry]  # the reverse entries written now (none on a repeat)
    coupon_ids: list[int]  # coupons issued again now


def reverse_for_refund(session: Session, order_id: str, *, user_id: int | None = None) -> Reversal:
    """Undo an order's loyalty effects when it is refunded: repeatable, each effect once.

    Earned points are taken back, but never below a zero balance: points
    already spent stay spent, and the entry's note says how many could not
    be taken. Lifetime points lose the whole earning (the tier stays).
    Spent points come back, and coupons used on the order are issued again
    (their own dates still decide whether they can be used).
    """
    return _reverse(session, order_id, (EARN, REDEEM), user_id=user_id, why="refund")


def release_unpaid(
    session: Session, member_id: int, order_id: str, *, user_id: int, store_id: int | None
) -> Reversal:
    """Give back the points and coupons a member spent on an order never paid (a cart given up).

    Refused once money was taken for the order: that is a refund's job.
    Only the store that redeemed them may release them (`store_id` None: an admin, any).
    """
    paid = session.exec(
        select(Payment.id).where(
            Payment.order_id == order_id, col(Payment.status).in_(_PAID_PAYMENTS)
        )
    ).first()
    if paid is not None:
        raise Refused("this order is paid: refund it to give the points and coupons back")
    if store_id is not None:
        redeemed_at = set(
            session.exec(
                select(PointsEntry.store_id).where(
                    PointsEntry.order_id == order_id,
                    PointsEntry.member_id == member_id,
                    PointsEntry.kind == REDEEM,
                )
            ).all()
        ) | set(
            session.exec(
                select(CouponRedemption.store_id).where(
                    CouponRedemption.order_id == order_id,
                    CouponRedemption.member_id == member_id,
                )
            ).all()
        )
        if redeemed_at - {store_id}:
            raise Refused("these redemptions were made by another store")
    reversal = _reverse(
        session, order_id, (REDEEM,), user_id=user_id, why="released", member_id=member_id
    )
    audit.record(
        session,
        action="member.release",
        entity="member",
        entity_id=member_id,
        user_id=user_id,
        store_id=store_id,
        detail={
            "order": order_id,
            "points": sum(e.points for e in reversal.entries),
            "coupons": reversal.coupon_ids,
        },
    )
    return reversal


def _reverse(
    session: Session,
    order_id: str,
    kinds: Iterable[str],
    *,
    user_id: int | None,
    why: str,
    member_id: int | None = None,
) -> Reversal:
    """Reverse the order's entries of `kinds` and release its live coupon redemptions
    (of `member_id` only, if given)."""
    entry_filter: list[ColumnElement[bool]] = [
        col(PointsEntry.order_id) == order_id,
        col(PointsEntry.kind).in_(tuple(kinds)),
    ]
    coupon_filter: list[ColumnElement[bool]] = [
        col(CouponRedemption.order_id) == order_id,
        col(CouponRedemption.live_coupon_id).is_not(None),
    ]
    if member_id is not None:
        entry_filter.append(col(PointsEntry.member_id) == member_id)
        coupon_filter.append(col(CouponRedemption.member_id) == member_id)
    # Lock the members first, then read: a concurrent reversal has finished by then.
    involved = set(session.exec(select(PointsEntry.member_id).where(*entry_filter)).all())
    involved |= set(session.exec(select(CouponRedemption.member_id).where(*coupon_filter)).all())
    members = {mid: locked_member(session, mid) for mid in sorted(involved)}
    entries = session.exec(
        select(PointsEntry).where(*entry_filter).order_by(col(PointsEntry.id))
    ).all()
    redemptions = session.exec(
        select(CouponRedemption)
        .where(*coupon_filter)
        .order_by(col(CouponRedemption.id))
        .execution_options(populate_existing=True)
    ).all()
    reversals = []
    for entry in entries:
        key = f"reverse:{entry.id}"
        if _entry_by_key(session, key) is not None:
            continue
        member = members[entry.member_id]
        points, note = -entry.points, f"{why} of order"
        if entry.kind == EARN:
            points = -min(entry.points, member.points)
            member.lifetime_points = max(member.lifetime_points - entry.points, 0)
            if -points < entry.points:
                note += f"; {entry.points + points} of {entry.points} earned were already spent"
        reversals.append(
            _book(
                session,
                member,
                kind=REVERSE,
                points=points,
                key=key,
                order_id=order_id,
                store_id=entry.store_id,
                user_id=user_id,
                note=note,
            )
        )
    for redemption in redemptions:
        coupon = session.get(
            Coupon, redemption.coupon_id, with_for_update=True, populate_existing=True
        )
        assert coupon is not None
        coupon.state = ISSUED
        coupon.redeemed_at = None
        redemption.live_coupon_id = None
        redemption.released_at = utcnow()
        session.add(coupon)
        session.add(redemption)
    session.flush()
    return Reversal(reversals, [r.coupon_id for r in redemptions])
