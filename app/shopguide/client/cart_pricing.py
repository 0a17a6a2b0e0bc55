"""Pricing a saved cart with what the cache knows, by the core's one set of rules.

A cart holds only variant ids, a member id and typed coupon codes; here they
become the core's `CartLine`s and `Coupon`s (list price per style, the
member tier's price from the price table, the member's coupons from the
member snapshot) and `shopguide.core.pricing.price_cart` does the rest, so
the tablet, the explanation read to the customer and the server agree.

Promotions are not synced to the tablet yet (a later issue), so carts are
priced with none: `promotions=()`.
"""

from __future__ import annotations

import json
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
    "SELECT code, kind, value, min_spend, category, valid_from, valid_to, state FROM coupon "
    "WHERE member_id = ? AND upper(code) IN (SELECT value FROM json_each(?))"
)


@dataclass(frozen=True, slots=True)
class MemberTerms:
    """What pricing needs of a member: the tier, and the offered coupons they hold by code."""

    tier: str
    coupons: dict[str, Coupon]


class MemberTermsReader:
    """Reads a member's tier and coupons from the cache's member snapshot."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def terms(
        self, member_id: int, codes: Sequence[str], *, currency: str, now: datetime
    ) -> MemberTerms | None:
        """None when the member is not in the cache (another store's, or not synced yet).

        Only the coupons among `codes` are read (codes compare in capitals,
        as `carts.normalise_coupon_code` leaves them).
        """

        def query(conn: sqlite3.Connection) -> MemberTerms | None:
            row = conn.execute("SELECT tier FROM member WHERE id = ?", (member_id,)).fetchone()
            if row is None:
                return None
            rows = conn.execute(_COUPONS_SQL, (member_id, json.dumps(list(codes)))).fetchall()
            coupons = [_coupon(r, currency, now) for r in rows]
            return MemberTerms(tier=row[0], coupons={c.code.upper(): c for c in coupons})

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
    )
