"""Cart pricing: promotions, coupons and member prices in one documented order.

The order of application is written out in `shopguide.core.pricing.engine`;
everything a caller needs is importable from here.
"""

from shopguide.core.pricing.cart import (
    Adjustment,
    AdjustmentKind,
    CartLine,
    PricedCart,
    PricedLine,
)
from shopguide.core.pricing.coupons import Coupon, CouponKind, RejectedCoupon, RejectReason
from shopguide.core.pricing.engine import price_cart
from shopguide.core.pricing.explanation import Explanation, ExplanationKind, percent_text
from shopguide.core.pricing.promotions import (
    EVERYTHING,
    AmountOffOverThreshold,
    Bundle,
    BuyNGetM,
    PercentOff,
    Promotion,
    Scope,
)

__all__ = [
    "EVERYTHING",
    "Adjustment",
    "AdjustmentKind",
    "AmountOffOverThreshold",
    "Bundle",
    "BuyNGetM",
    "CartLine",
    "Coupon",
    "CouponKind",
    "Explanation",
    "ExplanationKind",
    "PercentOff",
    "PricedCart",
    "PricedLine",
    "Promotion",
    "RejectReason",
    "RejectedCoupon",
    "Scope",
    "percent_text",
    "price_cart",
]
