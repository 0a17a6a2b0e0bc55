"""Loyalty rules in one place: tiers, how many points a purchase earns, what a point is worth.

The server's ledger and the tablet's member panel both read these, so a
tier's threshold or an earning rate is never written down twice.

Tiers follow *lifetime* points (everything ever earned, less what refunds
took back), not the spendable balance: spending points never costs a
member their tier. A member moves up as soon as their lifetime points
reach the next threshold and is never moved down automatically (a yearly
review, if the brand wants one, is a business decision, not a side effect
of a refund).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from shopguide.core.money import minor_units


@dataclass(frozen=True, slots=True)
class Tier:
    name: str
    from_points: int  # lifetime points from which a member holds this tier
    earn_rate_bp: int  # points per whole currency unit, in basis points (10,000 = 1 point)


TIERS: Final[tuple[Tier, ...]] = (
    Tier("classic", 0, 10_000),
    Tier("silver", 2_000, 12_000),
    Tier("gold", 8_000, 15_000),
    Tier("platinum", 20_000, 20_000),
)
POINTS_PER_CURRENCY_UNIT_SPENT: Final = 100  # 100 points take one yuan (one whole unit) off
_BY_NAME: Final = {tier.name: tier for tier in TIERS}


def tier_named(name: str) -> Tier:
    """The tier called `name`; an unknown name (a tier since retired) counts as the lowest."""
    return _BY_NAME.get(name, TIERS[0])


def tier_for(lifetime_points: int) -> Tier:
    """The highest tier whose threshold `lifetime_points` reaches."""
    reached = TIERS[0]
    for tier in TIERS:
        if lifetime_points >= tier.from_points:
            reached = tier
    return reached


def tier_after_earning(current: str, lifetime_points: int) -> str:
    """The tier to hold after earning: up if the threshold is reached, never down."""
    held, reached = tier_named(current), tier_for(lifetime_points)
    return reached.name if reached.from_points > held.from_points else current


def points_for(total_minor: int, currency: str, tier: str) -> int:
    """Points a paid total earns: whole currency units times the tier's rate, rounded down."""
    unit: int = 10 ** minor_units(currency)
    return max(total_minor, 0) // unit * tier_named(tier).earn_rate_bp // 10_000


@dataclass(frozen=True, slots=True)
class TierProgress:
    tier: str
    lifetime_points: int
    next_tier: str | None
    next_tier_from: int | None
    points_to_next: int | None


def progress(tier: str, lifetime_points: int) -> TierProgress:
    """Where a member stands: the next tier above the one they hold and how far it is."""
    held = tier_named(tier)
    above = [t for t in TIERS if t.from_points > held.from_points]
    if not above:
        return TierProgress(held.name, lifetime_points, None, None, None)
    following = above[0]
    return TierProgress(
        held.name,
        lifetime_points,
        following.name,
        following.from_points,
        max(following.from_points - lifetime_points, 0),
    )
