"""The revenue split: every minor unit of a sale has exactly one owner, and a refund undoes it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopguide.core.money import Money
from shopguide.core.split import WHOLE, Party, Share, ShareKind, SplitRule, reverse, split

SIX = SplitRule(
    (
        Share(Party.BRAND, ShareKind.REMAINDER),
        Share(Party.STORE, ShareKind.PERCENT, 1000),
        Share(Party.GUIDE, ShareKind.PERCENT, 500),
        Share(Party.MALL, ShareKind.PERCENT, 300),
        Share(Party.PLATFORM, ShareKind.PERCENT, 200),
        Share(Party.THIRD_PARTY, ShareKind.FIXED, 100),
    )
)


def cny(minor: int) -> Money:
    return Money(minor, "CNY")


def test_an_odd_amount_among_six_parties_by_hand() -> None:
    # 100.01: the third party's 1.00 first, leaving 99.01 for the percentages.
    # Exact shares of 9901: brand 80 % 7920.8, store 990.1, guide 495.05,
    # mall 297.03, platform 198.02. The floors add up to 9900; the one fen
    # left goes to the largest remainder (the brand's .8).
    parts = split(cny(10001), SIX)
    assert parts == {
        Party.BRAND: cny(7921),
        Party.STORE: cny(990),
        Party.GUIDE: cny(495),
        Party.MALL: cny(297),
        Party.PLATFORM: cny(198),
        Party.THIRD_PARTY: cny(100),
    }
    assert list(parts) == list(SIX.parties)
    assert sum(p.minor for p in parts.values()) == 10001
    refund = reverse(parts)
    assert sum(p.minor for p in refund.values()) == -10001
    assert all(refund[party] == -parts[party] for party in parts)


def test_a_fixed_share_takes_only_what_there_is() -> None:
    rule = SplitRule(
        (
            Share(Party.THIRD_PARTY, ShareKind.FIXED, 500),
            Share(Party.PLATFORM, ShareKind.FIXED, 300),
            Share(Party.BRAND, ShareKind.REMAINDER),
        )
    )
    assert split(cny(600), rule) == {
        Party.THIRD_PARTY: cny(500),
        Party.PLATFORM: cny(100),
        Party.BRAND: cny(0),
    }


def test_the_remainder_gets_nothing_when_the_percentages_make_a_whole() -> None:
    rule = SplitRule(
        (
            Share(Party.STORE, ShareKind.PERCENT, 5000),
            Share(Party.GUIDE, ShareKind.PERCENT, 5000),
            Share(Party.BRAND, ShareKind.REMAINDER),
        )
    )
    assert split(cny(3), rule) == {Party.STORE: cny(2), Party.GUIDE: cny(1), Party.BRAND: cny(0)}


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ((), "at least one party"),
        ((Share(Party.BRAND, ShareKind.PERCENT, 100),), "exactly one party"),
        (
            (Share(Party.BRAND, ShareKind.REMAINDER), Share(Party.MALL, ShareKind.REMAINDER)),
            "exactly one party",
        ),
        (
            (Share(Party.BRAND, ShareKind.REMAINDER), Share(Party.BRAND, ShareKind.FIXED, 1)),
            "more than once",
        ),
        (
            (
                Share(Party.BRAND, ShareKind.REMAINDER),
                Share(Party.STORE, ShareKind.PERCENT, 6000),
                Share(Party.MALL, ShareKind.PERCENT, 5000),
            ),
            "more than 100 %",
        ),
    ],
)
def test_a_rule_that_does_not_add_up_is_refused(shares: tuple[Share, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SplitRule(shares)


def test_a_share_is_never_negative_a_float_or_over_a_whole() -> None:
    with pytest.raises(ValueError, match="negative"):
        Share(Party.MALL, ShareKind.FIXED, -1)
    with pytest.raises(TypeError, match="float"):
        Share(Party.MALL, ShareKind.PERCENT, 2.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="100 %"):
        Share(Party.MALL, ShareKind.PERCENT, WHOLE + 1)
    with pytest.raises(ValueError, match="no value"):
        Share(Party.MALL, ShareKind.REMAINDER, 5)
    with pytest.raises(ValueError, match="reverse"):
        split(cny(-1), SIX)


def test_a_rule_keeps_its_form_through_json() -> None:
    assert SplitRule.from_json(SIX.to_json()) == SIX
    assert SIX.to_json()[5] == {"party": "third_party", "kind": "fixed", "value": 100}


@st.composite
def rules(draw: st.DrawFn) -> SplitRule:
    """Any valid rule: up to six parties in any order, one remainder, percentages <= 100 %."""
    parties = draw(st.permutations(list(Party)))
    count = draw(st.integers(1, len(parties)))
    chosen = parties[:count]
    remainder = draw(st.sampled_from(chosen))
    shares = []
    left = WHOLE
    for party in chosen:
        if party is remainder:
            shares.append(Share(party, ShareKind.REMAINDER))
        elif draw(st.booleans()):
            value = draw(st.integers(0, left))
            left -= value
            shares.append(Share(party, ShareKind.PERCENT, value))
        else:
            shares.append(Share(party, ShareKind.FIXED, draw(st.integers(0, 50_000))))
    return SplitRule(tuple(shares))


@given(st.integers(0, 10**12), rules())
def test_the_parts_add_up_exactly_and_a_refund_nets_every_party_to_zero(
    amount: int, rule: SplitRule
) -> None:
    parts = split(cny(amount), rule)
    assert list(parts) == list(rule.parties)
    assert sum(p.minor for p in parts.values()) == amount
    assert all(p.minor >= 0 and p.currency == "CNY" for p in parts.values())
    refund = reverse(parts)
    assert sum(p.minor for p in refund.values()) == -amount
    assert all((parts[party] + refund[party]).is_zero() for party in parts)


@given(st.integers(0, 10**12), rules())
def test_fixed_shares_come_first_and_each_percentage_is_within_one_minor_unit(
    amount: int, rule: SplitRule
) -> None:
    parts = split(cny(amount), rule)
    left = amount
    for share in rule.shares:
        if share.kind is ShareKind.FIXED:
            assert parts[share.party].minor == min(share.value, left)
            left -= parts[share.party].minor
    for share in rule.shares:
        if share.kind is ShareKind.PERCENT:
            exact_times_whole = left * share.value
            assert abs(parts[share.party].minor * WHOLE - exact_times_whole) < WHOLE


@given(st.integers(0, 10**9).map(lambda n: 2 * n + 1))
def test_an_odd_amount_among_the_six_parties_adds_up(amount: int) -> None:
    parts = split(cny(amount), SIX)
    assert len(parts) == 6
    assert sum(p.minor for p in parts.values()) == amount
    assert sum(p.minor for p in reverse(parts).values()) == -amount
