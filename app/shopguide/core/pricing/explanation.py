"""Sentences a guide can read to a customer about why the price is what it is.

Each entry is a message key (`kind`) plus the values it mentions (`params`),
so the UI can translate by key and format the amounts and dates for the
locale; `text` is the plain English rendering for logs, tests and the API.
Amounts in params are positive `Money`; the sentences put the minus sign.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Final

from shopguide.core.money import Money

ParamValue = str | int | Money | datetime


class ExplanationKind(StrEnum):
    MEMBER_PRICE = "member_price"
    BUNDLE = "bundle"
    BUY_N_GET_M = "buy_n_get_m"
    PERCENT_OFF = "percent_off"
    THRESHOLD_EVERY = "threshold_every"
    THRESHOLD_ONCE = "threshold_once"
    COUPON = "coupon"
    COUPON_OVER = "coupon_over"
    COUPON_DUPLICATE = "coupon_duplicate"
    COUPON_ALREADY_USED = "coupon_already_used"
    COUPON_NOT_YET_VALID = "coupon_not_yet_valid"
    COUPON_EXPIRED = "coupon_expired"
    COUPON_NOT_APPLICABLE = "coupon_not_applicable"
    COUPON_BELOW_MIN_SPEND = "coupon_below_min_spend"
    COUPON_ONE_PER_ORDER = "coupon_one_per_order"


_K = ExplanationKind
_TEMPLATES: Final[Mapping[ExplanationKind, str]] = {
    _K.MEMBER_PRICE: "{tier} member price on {item}: -{amount}",
    _K.BUNDLE: "{promotion}: {items} together for {price}: -{amount}",
    _K.BUY_N_GET_M: "{promotion}: {item} (cheapest) free: -{amount}",
    _K.PERCENT_OFF: "{promotion} ({percent} off) on {item}: -{amount}",
    _K.THRESHOLD_EVERY: "{promotion} ({off} off every {threshold} spent): -{amount}",
    _K.THRESHOLD_ONCE: "{promotion} ({off} off over {threshold}): -{amount}",
    _K.COUPON: "Coupon {code} ({benefit} off): -{amount}",
    _K.COUPON_OVER: "Coupon {code} ({benefit} off over {min_spend}): -{amount}",
    _K.COUPON_DUPLICATE: "Coupon {code} is listed twice; it counts once",
    _K.COUPON_ALREADY_USED: "Coupon {code} not applied: it has already been used",
    _K.COUPON_NOT_YET_VALID: "Coupon {code} not applied: valid from {valid_from}",
    _K.COUPON_EXPIRED: "Coupon {code} not applied: expired on {valid_to}",
    _K.COUPON_NOT_APPLICABLE: "Coupon {code} not applied: not applicable to these items",
    _K.COUPON_BELOW_MIN_SPEND: (
        "Coupon {code} not applied: needs {min_spend} on eligible items, the cart has {eligible}"
    ),
    _K.COUPON_ONE_PER_ORDER: (
        "Coupon {code} not applied: one coupon per order, and {applied} saves the most"
    ),
}
# Sentences that change when `count` is more than one (Qt's tr() has plural forms too).
_PLURAL_TEMPLATES: Final[Mapping[ExplanationKind, str]] = {
    _K.BUNDLE: "{promotion}: {items} as {count} bundles for {price} each: -{amount}",
    _K.BUY_N_GET_M: "{promotion}: {count} x {item} (cheapest) free: -{amount}",
}


def percent_text(basis_points: int) -> str:
    """2000 -> "20%", 1250 -> "12.5%"."""
    whole, fraction = divmod(basis_points, 100)
    return f"{whole}.{fraction:02d}".rstrip("0").rstrip(".") + "%"


def _render(value: ParamValue) -> str:
    if isinstance(value, Money):
        return value.amount_text()
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return str(value)


@dataclass(frozen=True, slots=True)
class Explanation:
    kind: ExplanationKind
    params: Mapping[str, ParamValue]

    @property
    def text(self) -> str:
        count = self.params.get("count", 1)
        template = _TEMPLATES[self.kind]
        if isinstance(count, int) and count > 1:
            template = _PLURAL_TEMPLATES.get(self.kind, template)
        return template.format_map({key: _render(v) for key, v in self.params.items()})

    def __str__(self) -> str:
        return self.text
