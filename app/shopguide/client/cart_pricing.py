"""Pricing a saved cart with what the cache knows, by the core's one set of rules.

A cart holds only variant ids, a member id and typed coupon codes; here they
become the core's `CartLine`s and `Coupon`s (list price per style, the
member tier's price from the price table, the member's coupons from the
member snapshot) and `shopguide.core.pricing.price_cart` does the rest, so
the tablet, the explanation read to the customer and the server agree.

Promotions are not synced to the tablet yet (a later issue), so carts are
priced with none: `promotions=()`.

With a member attached, the quote also names the member (the cart shows
who it is priced for) and lists the member's coupons that would fit the
cart as it stands, each priced alone by the same rules, so "tap to apply"
never offers a coupon the cart would then refuse.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shopguide.client.cache import Cache
from shopguide.client.carts import Cart
from shopguide.client.catalog import CatalogReader
from shopguide.core.money import Money
from shopguide.core.pricing import CartLine, Coupon, CouponKind, PricedCart, price_cart

_COUPONS_SQL = (
    "SELECT code, kind, value, min_spend, category, valid_from, valid_to, state, title "
    "FROM coupon WHERE member_id = ? ORDER BY valid_to, id"
)


@dataclass(frozen=True, slots=True)
class HeldCoupon:
    """A coupon still issued to the member, with the title the customer knows it by."""

    coupon: Coupon
    title: str


@dataclass(frozen=True, slots=True)
class MemberTerms:
    """What pricing needs of a member (the tier, the coupons offered by code) and what the
    cart shows of them (name, points, the coupons they hold)."""

    id: int
    name: str
    tier: str
    points: int
    coupons: dict[str, Coupon]  # the offered codes the member holds, in capitals
    held: tuple[HeldCoupon, ...]  # every coupon still issued to the member


@dataclass(frozen=True, slots=True)
class CouponFit:
    """One of the member's coupons that this cart would take, and what it would save."""

    code: str
    title: str
    saving: Money


class MemberTermsReader:
    """Reads a member's tier and coupons from the cache's member snapshot."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def terms(
        self, member_id: int, codes: Sequence[str], *, currency: str, now: datetime
    ) -> MemberTerms | None:
        """None when the member is not in the cache (another store's, or not synced yet).

        `coupons` holds those of the member's coupons among `codes` (codes
        compare in capitals, as `carts.normalise_coupon_code` leaves them),
        whatever their state, so a used one is refused with its reason.
        """

        def query(conn: sqlite3.Connection) -> MemberTerms | None:
            row = conn.execute(
                "SELECT name, tier, points FROM member WHERE id = ?", (member_id,)
            ).fetchone()
            if row is None:
                return None
            offered = set(codes)
            rows = conn.execute(_COUPONS_SQL, (member_id,)).fetchall()
            coupons = [(_coupon(r[:8], currency, now), r[7], str(r[8])) for r in rows]
            return MemberTerms(
                id=member_id,
                name=str(row[0]),
                tier=str(row[1]),
                points=int(row[2] or 0),
                coupons={c.code.upper(): c for c, _, _ in coupons if c.code.upper() in offered},
                held=tuple(
                    HeldCoupon(c, title) for c, state, title in coupons if state == "issued"
                ),
            )

        return self._cache.read(query)


def _coupon(row: Sequence[Any], currency: str, now: datetime) -> Coupon:
    """A cached coupon row as the core's `Coupon`.

    Only state "issued" can be used. A coupon the server marked "expired"
    whose window is over stays `used=False`, so the core gives the true
    reason ("expired on ...") rather than "already used".
    """
    code, kind, value, min_spend, category, valid_from, valid_to, state = row
    ends = datetime.fromisoformat(valid_to)
    return Coupon(
        code=code,
        kind=CouponKind(kind),
        value=value,
        min_spend=Money(min_spend or 0, currency),
        valid_from=datetime.fromisoformat(valid_from),
        valid_to=ends,
        category=category or None,
        used=state != "issued" and not (state == "expired" and ends <= now),
    )


@dataclass(frozen=True, slots=True)
class CartQuote:
    """The priced cart plus what of the cart could not be priced from the cache.

    The core has no rejection reason for a code nobody issued, so such codes
    are not passed to it: they come back in `unknown_coupons`, and the UI says
    "unknown code" next to them. Lines whose variant the cache does not hold
    (the catalog not synced yet, or the variant deleted) are left out of
    the price and listed in `missing_variants`.
    """

    priced: PricedCart
    unknown_coupons: tuple[str, ...]
    missing_variants: tuple[int, ...]
    member_missing: bool  # a member is attached but not in the cache: priced as a non-member
    member: MemberTerms | None = None  # the attached member, when the cache holds them
    fitting_coupons: tuple[CouponFit, ...] = ()  # not yet offered, best saving first


def price(
    cart: Cart, reader: CatalogReader, members: MemberTermsReader, *, now: datetime
) -> CartQuote:
    """Price `cart` at `now` (aware UTC) for its member, with the coupons typed into it."""
    currency = reader.currency()
    rows = reader.variant_rows([item.variant_id for item in cart.items])
    terms = None
    if cart.member_id is not None:
        terms = members.terms(cart.member_id, cart.coupon_codes, currency=currency, now=now)
    held = terms.coupons if terms else {}
    member_prices = (
        reader.member_prices(sorted({r.style_id for r in rows.values()}), terms.tier)
        if terms
        else {}
    )
    lines = [
        CartLine(
            variant_id=item.variant_id,
            style_id=row.style_id,
            label=f"{row.name} {row.colour} {row.size}",
            category=row.category,
            quantity=item.quantity,
            list_price=row.list_price,
            member_price=member_prices.get(row.style_id),
        )
        for item in cart.items
        if (row := rows.get(item.variant_id)) is not None
    ]
    priced = price_cart(
        lines,
        currency=currency,
        now=now,
        member_tier=terms.tier if terms else None,
        promotions=(),
        coupons=[held[code] for code in cart.coupon_codes if code in held],
    )
    return CartQuote(
        priced=priced,
        unknown_coupons=tuple(code for code in cart.coupon_codes if code not in held),
        missing_variants=tuple(i.variant_id for i in cart.items if i.variant_id not in rows),
        member_missing=cart.member_id is not None and terms is None,
        member=terms,
        fitting_coupons=_fitting(lines, terms, currency=currency, now=now) if terms else (),
    )


def _fitting(
    lines: Sequence[CartLine], terms: MemberTerms, *, currency: str, now: datetime
) -> tuple[CouponFit, ...]:
    """The member's coupons not yet offered that the cart would take, each priced alone."""
    if not lines:
        return ()
    without = price_cart(
        lines, currency=currency, now=now, member_tier=terms.tier, promotions=(), coupons=()
    )
    fits = []
    for held in terms.held:
        if held.coupon.code.upper() in terms.coupons:
            continue
        alone = price_cart(
            lines,
            currency=currency,
            now=now,
            member_tier=terms.tier,
            promotions=(),
            coupons=[held.coupon],
        )
        if alone.applied_coupon is not None:
            fits.append(CouponFit(held.coupon.code, held.title, without.total - alone.total))
    return tuple(sorted(fits, key=lambda fit: -fit.saving.minor))
