"""Loyalty rules: tiers by lifetime points, earning by whole currency units, never a step down."""

from __future__ import annotations

import pytest

from shopguide.core.loyalty import points_for, progress, tier_after_earning, tier_for


@pytest.mark.parametrize(
    ("lifetime", "tier"),
    [(0, "classic"), (1_999, "classic"), (2_000, "silver"), (8_000, "gold"), (10**9, "platinum")],
)
def test_the_tier_is_the_highest_threshold_reached(lifetime: int, tier: str) -> None:
    assert tier_for(lifetime).name == tier


def test_earning_counts_whole_units_at_the_tier_rate_rounded_down() -> None:
    assert points_for(9_999, "CNY", "classic") == 99  # 99.99 yuan: 99 whole yuan
    assert points_for(99_900, "CNY", "gold") == 1_498  # 999 x 1.5 = 1498.5
    assert points_for(1_000, "JPY", "platinum") == 2_000  # yen have no minor unit
    assert points_for(10_000, "CNY", "retired-tier") == 100, "an unknown tier earns as classic"


def test_a_tier_goes_up_with_lifetime_points_and_never_down() -> None:
    assert tier_after_earning("classic", 2_000) == "silver"
    assert tier_after_earning("gold", 100) == "gold"
    assert tier_after_earning("silver", 25_000) == "platinum"


def test_progress_names_the_next_tier_and_the_points_still_needed() -> None:
    gold = progress("gold", 9_000)
    assert (gold.next_tier, gold.next_tier_from) == ("platinum", 20_000)
    assert gold.points_to_next == 11_000
    top = progress("platinum", 30_000)
    assert (top.next_tier, top.next_tier_from, top.points_to_next) == (None, None, None)
    ahead = progress("classic", 5_000)  # reached silver's threshold before a tier review
    assert (ahead.next_tier, ahead.points_to_next) == ("silver", 0)
