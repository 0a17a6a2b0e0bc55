"""Who gets what of a sale: a split rule and the exact split of an amount by it.

A sale is shared by the brand (the merchant), the platform, the store, the
guide who sold it, the mall and sometimes a third party. A rule lists those
parties in order, each taking either a percentage (basis points: 500 is 5 %),
a fixed amount (minor units), or the remainder; exactly one party takes the
remainder, so whatever the percentages and fixed amounts leave always has an
owner and the parts add up to the whole.

Fixed amounts come off first, in rule order, each at most what is left (a
small sale pays a fixed fee only as far as it goes). The percentages then
apply to what remains after them, and the remainder party holds the rest of
that base. Both steps are one `allocate` over integer weights, so fractions of
a minor unit go to the largest remainders: no cent is lost or invented, and
each percentage share is within one minor unit of its exact value.

A refund undoes a split with `reverse`, the same parts with the sign flipped,
so an order and its refund always net to zero per party.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from shopguide.core.money import Money, allocate

WHOLE: Final = 10_000  # basis points in 100 %


class Party(StrEnum):
    BRAND = "brand"  # the brand, which is the merchant of record
    PLATFORM = "platform"
    STORE = "store"
    GUIDE = "guide"
    MALL = "mall"
    THIRD_PARTY = "third_party"


class ShareKind(StrEnum):
    PERCENT = "percent"  # value: basis points of what the fixed shares leave
    FIXED = "fixed"  # value: minor units of the sale's currency
    REMAINDER = "remainder"  # value: 0; whatever the others leave


@dataclass(frozen=True, slots=True)
class Share:
    party: Party
    kind: ShareKind
    value: int = 0

    def __post_init__(self) -> None:
        if type(self.value) is not int:
            raise TypeError(f"{self.party}: a share's value is an int, never a float")
        if self.value < 0:
            raise ValueError(f"{self.party}: a share cannot be negative")
        if self.kind is ShareKind.PERCENT and self.value > WHOLE:
            raise ValueError(f"{self.party}: {self.value} basis points is more than 100 %")
        if self.kind is ShareKind.REMAINDER and self.value != 0:
            raise ValueError(f"{self.party}: the remainder share takes no value")


@dataclass(frozen=True, slots=True)
class SplitRule:
    """Parties in order, each once, exactly one taking the remainder."""

    shares: tuple[Share, ...]

    def __post_init__(self) -> None:
        if not self.shares:
            raise ValueError("a split rule needs at least one party")
        parties = [share.party for share in self.shares]
        repeated = sorted({p for p in parties if parties.count(p) > 1})
        if repeated:
            raise ValueError(f"{repeated[0]} appears more than once in the rule")
        remainders = [s for s in self.shares if s.kind is ShareKind.REMAINDER]
        if len(remainders) != 1:
            raise ValueError(
                f"exactly one party must take the remainder; this rule has {len(remainders)}"
            )
        percent = sum(s.value for s in self.shares if s.kind is ShareKind.PERCENT)
        if percent > WHOLE:
            raise ValueError(f"the percentages add up to {percent / 100:g} %, more than 100 %")

    @property
    def parties(self) -> tuple[Party, ...]:
        return tuple(share.party for share in self.shares)

    @classmethod
    def from_json(cls, data: Sequence[Mapping[str, Any]]) -> SplitRule:
        """The rule from its stored form: `[{"party": ..., "kind": ..., "value": ...}, ...]`."""
        return cls(
            tuple(
                Share(Party(item["party"]), ShareKind(item["kind"]), item.get("value", 0))
                for item in data
            )
        )

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"party": s.party.value, "kind": s.kind.value, "value": s.value} for s in self.shares
        ]


def split(amount: Money, rule: SplitRule) -> dict[Party, Money]:
    """Each party's part of `amount` (not negative), in rule order; the parts add up exactly."""
    if amount.minor < 0:
        raise ValueError("split a sale's amount; a refund is `reverse` of the sale's split")
    parts: dict[Party, Money] = {}
    left = amount.minor
    for share in rule.shares:
        if share.kind is ShareKind.FIXED:
            taken = min(share.value, left)
            parts[share.party] = Money(taken, amount.currency)
            left -= taken
    shared = [s for s in rule.shares if s.kind is not ShareKind.FIXED]
    percent = sum(s.value for s in shared if s.kind is ShareKind.PERCENT)
    weights = [WHOLE - percent if s.kind is ShareKind.REMAINDER else s.value for s in shared]
    # The weights add up to WHOLE: the remainder holds what the percentages leave.
    for share, part in zip(shared, allocate(Money(left, amount.currency), weights), strict=True):
        parts[share.party] = part
    return {party: parts[party] for party in rule.parties}


def reverse(parts: Mapping[Party, Money]) -> dict[Party, Money]:
    """What a full refund books for each party: its part with the sign flipped."""
    return {party: -money for party, money in parts.items()}
