"""Every table, imported here so that SQLModel.metadata is complete."""

from shopguide.server.models.audit import AuditLog
from shopguide.server.models.catalog import Price, Style, Variant
from shopguide.server.models.diagnostics import DiagnosticReport
from shopguide.server.models.holds import LostDemand, Reservation, Transfer
from shopguide.server.models.loyalty import CouponRedemption, MemberProof, PointsEntry
from shopguide.server.models.members import Coupon, Member
from shopguide.server.models.orders import Order, OrderLine, Payment
from shopguide.server.models.payments import MerchantAccount, PaymentNotice
from shopguide.server.models.revenue import ReferralCode, SplitEntry, SplitRule
from shopguide.server.models.stock import StockLevel
from shopguide.server.models.stores import Brand, Store
from shopguide.server.models.sync import AppliedMutation, ChangeLog, FeedHorizon
from shopguide.server.models.users import LoginAttempt, RefreshToken, Role, User

__all__ = [
    "AppliedMutation",
    "AuditLog",
    "Brand",
    "ChangeLog",
    "Coupon",
    "CouponRedemption",
    "DiagnosticReport",
    "FeedHorizon",
    "LoginAttempt",
    "LostDemand",
    "Member",
    "MemberProof",
    "MerchantAccount",
    "Order",
    "OrderLine",
    "Payment",
    "PaymentNotice",
    "PointsEntry",
    "Price",
    "ReferralCode",
    "RefreshToken",
    "Reservation",
    "Role",
    "SplitEntry",
    "SplitRule",
    "StockLevel",
    "Store",
    "Style",
    "Transfer",
    "User",
    "Variant",
]
