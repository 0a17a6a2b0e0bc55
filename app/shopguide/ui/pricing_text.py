"""Why the price is what it is, in the guide's language.

core.pricing gives each explanation as a message key plus its values
(core/pricing/explanation.py); its `.text` is plain English for logs and the
API. Here each key has a translatable sentence with the same named
placeholders, amounts as money (¥90.00), dates as the locale writes them and
member tiers by their translated names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from shopguide.core.money import Money
from shopguide.core.pricing.explanation import Explanation, ExplanationKind
from shopguide.ui.formatting import money, short_date
from shopguide.ui.members.texts import tier_label

_K = ExplanationKind


def tr(text: str) -> str:
    return QCoreApplication.translate("Pricing", text)


# Called, not stored: tr() must run after the language is chosen.
_TEMPLATES: dict[ExplanationKind, Callable[[], str]] = {
    _K.MEMBER_PRICE: lambda: tr("{tier} member price on {item}: -{amount}"),
    _K.BUNDLE: lambda: tr("{promotion}: {items} together for {price}: -{amount}"),
    _K.BUY_N_GET_M: lambda: tr("{promotion}: {item} (cheapest) free: -{amount}"),
    _K.PERCENT_OFF: lambda: tr("{promotion} ({percent} off) on {item}: -{amount}"),
    _K.THRESHOLD_EVERY: lambda: tr("{promotion} ({off} off every {threshold} spent): -{amount}"),
    _K.THRESHOLD_ONCE: lambda: tr("{promotion} ({off} off over {threshold}): -{amount}"),
    _K.COUPON: lambda: tr("Coupon {code} ({benefit} off): -{amount}"),
    _K.COUPON_OVER: lambda: tr("Coupon {code} ({benefit} off over {min_spend}): -{amount}"),
    _K.COUPON_DUPLICATE: lambda: tr("Coupon {code} is listed twice; it counts once"),
    _K.COUPON_ALREADY_USED: lambda: tr("Coupon {code} not applied: it has already been used"),
    _K.COUPON_NOT_YET_VALID: lambda: tr("Coupon {code} not applied: valid from {valid_from}"),
    _K.COUPON_EXPIRED: lambda: tr("Coupon {code} not applied: expired on {valid_to}"),
    _K.COUPON_NOT_APPLICABLE: lambda: tr(
        "Coupon {code} not applied: not applicable to these items"
    ),
    _K.COUPON_BELOW_MIN_SPEND: lambda: tr(
        "Coupon {code} not applied: needs {min_spend} on eligible items, the cart has {eligible}"
    ),
    _K.COUPON_ONE_PER_ORDER: lambda: tr(
        "Coupon {code} not applied: one coupon per order, and {applied} saves the most"
    ),
}
_PLURAL_TEMPLATES: dict[ExplanationKind, Callable[[], str]] = {
    _K.BUNDLE: lambda: tr("{promotion}: {items} as {count} bundles for {price} each: -{amount}"),
    _K.BUY_N_GET_M: lambda: tr("{promotion}: {count} x {item} (cheapest) free: -{amount}"),
}


def _value(key: str, value: object) -> str:
    if isinstance(value, Money):
        return money(value)
    if isinstance(value, datetime):
        return short_date(value.astimezone())
    if key == "tier" and isinstance(value, str):
        return tier_label(value)
    return str(value)


def explain(entry: Explanation) -> str:
    count = entry.params.get("count", 1)
    template = _TEMPLATES.get(entry.kind)
    if isinstance(count, int) and count > 1:
        template = _PLURAL_TEMPLATES.get(entry.kind, template)
    if template is None:  # a key newer than this tablet's texts
        return entry.text
    return template().format_map({k: _value(k, v) for k, v in entry.params.items()})


def explain_all(entries: Iterable[Explanation]) -> list[str]:
    return [explain(e) for e in entries]
