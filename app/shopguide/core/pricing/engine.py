"""Pricing a cart: one fixed order of application, applied literally.

Customers ask "why is it this much?", and guides must be able to answer the
same way every time, so the order is fixed and each step works on what the
steps before it left:

1. Unit price. With a member tier, a line's member price is used when it is
   lower than the list price; otherwise the list price.
2. Bundles, in the order given. Each bundle instance takes one unit of each
   of its styles (the dearest units first, earlier lines first on a tie) and
   is formed only while it saves money. Its saving is spread over the units
   in proportion to their prices. Bundled units have a fixed price: steps 3
   and 4 skip them.
3. Buy N get M, in the order given. A promotion counts the covered units not
   yet bundled, on lines no earlier buy-N-get-M promotion has taken; for
   every N + M of them, the M cheapest of all (earlier lines first on a tie)
   are free. A line takes part in at most one such promotion, and only a
   promotion that frees something takes its lines.
4. Percent off. Each line gets the single best covering percentage (the
   first given on a tie), never two, on what is left of its unbundled units
   after step 3; the discount is rounded half up.
5. Amount off over a threshold, in the order given, each against the
   running subtotal of the lines it covers (bundled units included) after
   everything before it. "Once" gives the amount once; "repeat" gives it per
   whole threshold reached. Never more than the covered lines still cost.
6. Coupons: one per order. Each coupon offered is checked (not used before,
   not listed twice, valid at `now`, covering some line that still costs
   something, minimum spend reached by the covered lines after steps 1-5);
   of the ones that pass, the one saving the most is applied (the first
   offered on a tie), and every other is reported with its reason.

Order-level discounts (steps 5 and 6) are spread over the lines they cover
with `allocate`, in proportion to what each line still costs, so every line
knows its exact net, no line goes below zero and the lines add up exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from shopguide.core.money import CurrencyMismatchError, Money, Rounding, allocate, minor_units
from shopguide.core.pricing.cart import Adjustment, AdjustmentKind, CartLine, PricedCart, PricedLine
from shopguide.core.pricing.coupons import Coupon, RejectedCoupon, RejectReason, require_aware
from shopguide.core.pricing.explanation import Explanation, ExplanationKind, percent_text
from shopguide.core.pricing.promotions import (
    AmountOffOverThreshold,
    Bundle,
    BuyNGetM,
    PercentOff,
    Promotion,
)

_K = ExplanationKind
_P = TypeVar("_P", PercentOff, AmountOffOverThreshold, BuyNGetM, Bundle)


@dataclass(slots=True, eq=False)
class _Line:
    """A line being priced; amounts are minor units of the cart currency.

    Compared and hashed by identity (eq=False): two lines for the same variant
    are still two lines.
    """

    source: CartLine
    unit: int
    amount: int  # what the whole line still costs
    open_amount: int  # the part of `amount` item promotions (steps 3-4) may reduce
    bundled_units: int = 0
    in_buy_get: bool = False
    adjustments: list[Adjustment] = field(default_factory=list)

    @property
    def open_units(self) -> int:
        return self.source.quantity - self.bundled_units

    def covered_by(self, promotion: PercentOff | AmountOffOverThreshold | BuyNGetM) -> bool:
        return promotion.scope.covers(self.source.style_id, self.source.category)

    def discount(self, kind: AdjustmentKind, name: str, minor: int, currency: str) -> None:
        self.amount -= minor
        self.adjustments.append(Adjustment(kind, name, Money(-minor, currency)))


def price_cart(
    lines: Sequence[CartLine],
    *,
    currency: str,
    now: datetime,
    member_tier: str | None = None,
    promotions: Sequence[Promotion] = (),
    coupons: Sequence[Coupon] = (),
) -> PricedCart:
    """Price `lines` for a member of `member_tier` (None: not a member) at `now`."""
    minor_units(currency)
    require_aware(now, "now")
    _check_currency(currency, lines, promotions, coupons)

    explanations: list[Explanation] = []
    state = [_unit_price(line, member_tier, explanations) for line in lines]
    for bundle in _of_type(promotions, Bundle):
        explanations.extend(_apply_bundle(state, bundle, currency))
    for buy_get in _of_type(promotions, BuyNGetM):
        explanations.extend(_apply_buy_get(state, buy_get, currency))
    explanations.extend(_apply_percent_off(state, list(_of_type(promotions, PercentOff)), currency))
    for threshold in _of_type(promotions, AmountOffOverThreshold):
        explanations.extend(_apply_threshold(state, threshold, currency))
    applied, rejected = _apply_coupons(state, coupons, now, currency)
    if applied is not None:
        explanations.append(applied)
    explanations.extend(r.explanation for r in rejected)

    priced = tuple(
        PricedLine(
            line=line.source,
            unit_price=Money(line.unit, currency),
            list_total=line.source.list_price * line.source.quantity,
            member_saving=Money(
                (line.source.list_price.minor - line.unit) * line.source.quantity, currency
            ),
            adjustments=tuple(line.adjustments),
            net_total=Money(line.amount, currency),
        )
        for line in state
    )
    subtotal = Money(sum(p.list_total.minor for p in priced), currency)
    total = Money(sum(line.amount for line in state), currency)
    return PricedCart(
        currency=currency,
        lines=priced,
        subtotal=subtotal,
        total_discount=subtotal - total,
        total=total,
        applied_coupon=None if applied is None else str(applied.params["code"]),
        rejected_coupons=tuple(rejected),
        explanations=tuple(explanations),
    )


def _check_currency(
    currency: str,
    lines: Iterable[CartLine],
    promotions: Iterable[Promotion],
    coupons: Iterable[Coupon],
) -> None:
    amounts: list[Money] = []
    for line in lines:
        amounts.append(line.list_price)
        if line.member_price is not None:
            amounts.append(line.member_price)
    for promotion in promotions:
        if isinstance(promotion, Bundle):
            amounts.append(promotion.price)
        elif isinstance(promotion, AmountOffOverThreshold):
            amounts.append(promotion.threshold)
    amounts.extend(coupon.min_spend for coupon in coupons)
    for amount in amounts:
        if amount.currency != currency:
            raise CurrencyMismatchError(f"a {currency} cart cannot hold {amount.currency} amounts")


def _of_type(promotions: Iterable[Promotion], kind: type[_P]) -> Iterable[_P]:
    return (p for p in promotions if isinstance(p, kind))


def _unit_price(line: CartLine, tier: str | None, explanations: list[Explanation]) -> _Line:
    """Step 1."""
    unit = line.list_price.minor
    member = line.member_price
    if tier is not None and member is not None and member.minor < unit:
        explanations.append(
            Explanation(
                _K.MEMBER_PRICE,
                {
                    "tier": tier,
                    "item": line.label,
                    "amount": (line.list_price - member) * line.quantity,
                },
            )
        )
        unit = member.minor
    amount = unit * line.quantity
    return _Line(source=line, unit=unit, amount=amount, open_amount=amount)


def _apply_bundle(lines: list[_Line], bundle: Bundle, currency: str) -> list[Explanation]:
    """Step 2, for one bundle."""
    styles = sorted(bundle.style_ids)
    queues: dict[int, list[_Line]] = {style: [] for style in styles}
    for line in lines:
        if line.source.style_id in queues and line.open_units > 0:
            queues[line.source.style_id].append(line)
    for queue in queues.values():
        queue.sort(key=lambda line: -line.unit)  # stable: earlier lines first on a tie
    left = {line: line.open_units for line in lines}
    taken: dict[_Line, int] = {}
    saved: dict[_Line, int] = {}
    count = 0
    while True:
        picks: list[_Line] = []
        for style in styles:
            queue = queues[style]
            while queue and left[queue[0]] == 0:
                queue.pop(0)
            if not queue:
                break
            picks.append(queue[0])
        if len(picks) < len(styles):
            break
        together = sum(line.unit for line in picks)
        if together <= bundle.price.minor:
            break
        parts = allocate(Money(together - bundle.price.minor, currency), [p.unit for p in picks])
        for line, part in zip(picks, parts, strict=True):
            left[line] -= 1
            taken[line] = taken.get(line, 0) + 1
            saved[line] = saved.get(line, 0) + part.minor
        count += 1
    if count == 0:
        return []
    involved = [line for line in lines if line in taken]  # in cart order
    for line in involved:
        line.bundled_units += taken[line]
        line.open_amount -= taken[line] * line.unit
        if saved[line]:
            line.discount(AdjustmentKind.BUNDLE, bundle.name, saved[line], currency)
    return [
        Explanation(
            _K.BUNDLE,
            {
                "promotion": bundle.name,
                "items": " + ".join(line.source.label for line in involved),
                "price": bundle.price,
                "count": count,
                "amount": Money(sum(saved.values()), currency),
            },
        )
    ]


def _apply_buy_get(lines: list[_Line], promotion: BuyNGetM, currency: str) -> list[Explanation]:
    """Step 3, for one buy-N-get-M promotion."""
    covered = [
        line
        for line in lines
        if not line.in_buy_get and line.open_units > 0 and line.covered_by(promotion)
    ]
    group = promotion.buy + promotion.free
    free = sum(line.open_units for line in covered) // group * promotion.free
    if free == 0:
        return []
    explanations = []
    for line in covered:
        line.in_buy_get = True
    for line in sorted(covered, key=lambda line: line.unit):  # stable: earlier first on a tie
        units = min(free, line.open_units)
        free -= units
        saving = units * line.unit
        if saving:
            line.open_amount -= saving
            line.discount(AdjustmentKind.BUY_N_GET_M, promotion.name, saving, currency)
            explanations.append(
                Explanation(
                    _K.BUY_N_GET_M,
                    {
                        "promotion": promotion.name,
                        "item": line.source.label,
                        "count": units,
                        "amount": Money(saving, currency),
                    },
                )
            )
        if free == 0:
            break
    return explanations


def _apply_percent_off(
    lines: list[_Line], promotions: list[PercentOff], currency: str
) -> list[Explanation]:
    """Step 4: the best single percentage per line."""
    explanations = []
    for line in lines:
        covering = [p for p in promotions if line.covered_by(p)]
        if not covering or line.open_amount == 0:
            continue
        best = max(covering, key=lambda p: p.basis_points)  # max keeps the first on a tie
        saving = Rounding.HALF_UP.divide(line.open_amount * best.basis_points, 10_000)
        if saving:
            line.open_amount -= saving
            line.discount(AdjustmentKind.PERCENT_OFF, best.name, saving, currency)
            explanations.append(
                Explanation(
                    _K.PERCENT_OFF,
                    {
                        "promotion": best.name,
                        "percent": percent_text(best.basis_points),
                        "item": line.source.label,
                        "amount": Money(saving, currency),
                    },
                )
            )
    return explanations


def _spread(lines: list[_Line], minor: int, kind: AdjustmentKind, name: str, currency: str) -> None:
    """Give each line its share of an order-level discount, in proportion to what it costs.

    Each share is at most the line's amount as long as `minor` is at most
    their sum, because `allocate` keeps every part within one unit of its
    exact share and rounds up only a fractional one.
    """
    parts = allocate(Money(minor, currency), [line.amount for line in lines])
    for line, part in zip(lines, parts, strict=True):
        if part.minor:
            line.discount(kind, name, part.minor, currency)


def _apply_threshold(
    lines: list[_Line], promotion: AmountOffOverThreshold, currency: str
) -> list[Explanation]:
    """Step 5, for one threshold promotion."""
    covered = [line for line in lines if line.amount > 0 and line.covered_by(promotion)]
    spent = sum(line.amount for line in covered)
    threshold = promotion.threshold.minor
    if spent < threshold:
        return []
    times = spent // threshold if promotion.repeat else 1
    saving = min(promotion.amount_off.minor * times, spent)
    _spread(covered, saving, AdjustmentKind.THRESHOLD, promotion.name, currency)
    return [
        Explanation(
            _K.THRESHOLD_EVERY if promotion.repeat else _K.THRESHOLD_ONCE,
            {
                "promotion": promotion.name,
                "off": promotion.amount_off,
                "threshold": promotion.threshold,
                "amount": Money(saving, currency),
            },
        )
    ]


@dataclass(frozen=True, slots=True)
class _Usable:
    coupon: Coupon
    covered: list[_Line]
    saving: Money


def _apply_coupons(
    lines: list[_Line], coupons: Sequence[Coupon], now: datetime, currency: str
) -> tuple[Explanation | None, list[RejectedCoupon]]:
    """Step 6: check every coupon, apply the best usable one, explain the rest."""
    verdicts: list[_Usable | RejectedCoupon] = []
    seen: set[str] = set()
    for coupon in coupons:
        verdicts.append(_check_coupon(lines, coupon, now, currency, seen))
        seen.add(coupon.code)
    usable = [v for v in verdicts if isinstance(v, _Usable)]
    if not usable:
        return None, [v for v in verdicts if isinstance(v, RejectedCoupon)]
    best = max(usable, key=lambda u: u.saving.minor)  # max keeps the first on a tie
    coupon = best.coupon
    _spread(best.covered, best.saving.minor, AdjustmentKind.COUPON, coupon.code, currency)
    applied = Explanation(
        _K.COUPON_OVER if coupon.min_spend.minor else _K.COUPON,
        {
            "code": coupon.code,
            "benefit": coupon.benefit(),
            "min_spend": coupon.min_spend,
            "amount": best.saving,
        },
    )
    rejected = [
        v
        if isinstance(v, RejectedCoupon)
        else _reject(
            v.coupon, RejectReason.ONE_PER_ORDER, _K.COUPON_ONE_PER_ORDER, applied=coupon.code
        )
        for v in verdicts
        if v is not best
    ]
    return applied, rejected


def _check_coupon(
    lines: list[_Line], coupon: Coupon, now: datetime, currency: str, seen: set[str]
) -> _Usable | RejectedCoupon:
    if coupon.code in seen:
        return _reject(coupon, RejectReason.DUPLICATE, _K.COUPON_DUPLICATE)
    if coupon.used:
        return _reject(coupon, RejectReason.ALREADY_USED, _K.COUPON_ALREADY_USED)
    if now < coupon.valid_from:
        return _reject(
            coupon,
            RejectReason.NOT_YET_VALID,
            _K.COUPON_NOT_YET_VALID,
            valid_from=coupon.valid_from,
        )
    if now >= coupon.valid_to:
        return _reject(coupon, RejectReason.EXPIRED, _K.COUPON_EXPIRED, valid_to=coupon.valid_to)
    covered = [line for line in lines if line.amount > 0 and coupon.covers(line.source.category)]
    eligible = Money(sum(line.amount for line in covered), currency)
    saving = coupon.discount_on(eligible)
    if not covered or saving.is_zero():
        return _reject(coupon, RejectReason.NOT_APPLICABLE, _K.COUPON_NOT_APPLICABLE)
    if eligible < coupon.min_spend:
        return _reject(
            coupon,
            RejectReason.BELOW_MIN_SPEND,
            _K.COUPON_BELOW_MIN_SPEND,
            min_spend=coupon.min_spend,
            eligible=eligible,
        )
    return _Usable(coupon, covered, saving)


def _reject(
    coupon: Coupon, reason: RejectReason, kind: ExplanationKind, **params: str | Money | datetime
) -> RejectedCoupon:
    return RejectedCoupon(coupon.code, reason, Explanation(kind, {"code": coupon.code, **params}))
