"""Restock by size curve: how many of each size to order, and why, in words a manager trusts.

For one style in one store, each size's demand over a period is what sold
plus what customers asked for and could not get (lost demand). That rate,
kept up for the cover wanted (say four weeks), is the stock the store should
hold; what it has (on hand, less what is held for customers) and what is
already on the way count against it, and the rest is the suggestion:

    target = ceil((sold + lost) x cover days / period days)
    suggest = max(0, target - have - on the way)

All integer arithmetic, so the same history always gives the same answer,
and a manager can check it by hand: sold 14 in 42 over 4 weeks, 3 weeks of
cover wanted, have 1: target ceil(14 x 21 / 28) = 11, suggest 10.

Each suggestion carries its explanation as message keys (`kind`) with the
numbers they mention (`params`), like the pricing explanations, so the
tablet can translate them; `text` is the English rendering for logs, CSV
and tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from shopguide.core.catalog import size_sort_key
from shopguide.core.money import Rounding


class ReasonKind(StrEnum):
    SOLD = "sold"  # units, size, days
    NO_SALES = "no_sales"  # size, days
    LOST = "lost"  # units
    HAVE = "have"  # units
    ON_THE_WAY = "on_the_way"  # units
    SUGGEST = "suggest"  # units
    ENOUGH = "enough"  # days (the cover)


_TEMPLATES: Final[Mapping[ReasonKind, str]] = {
    ReasonKind.SOLD: "sold {units} in {size} in {period}",
    ReasonKind.NO_SALES: "no sales in {size} in {period}",
    ReasonKind.LOST: "{units} more wanted but none here",
    ReasonKind.HAVE: "have {units}",
    ReasonKind.ON_THE_WAY: "{units} on the way",
    ReasonKind.SUGGEST: "suggest {units}",
    ReasonKind.ENOUGH: "enough for {period}",
}


def period_text(days: int) -> str:
    """28 -> "4 weeks", 7 -> "1 week", 10 -> "10 days": how a manager says a period."""
    if days % 7 == 0:
        weeks = days // 7
        return f"{weeks} week" if weeks == 1 else f"{weeks} weeks"
    return "1 day" if days == 1 else f"{days} days"


@dataclass(frozen=True, slots=True)
class Reason:
    kind: ReasonKind
    params: Mapping[str, int | str]

    @property
    def text(self) -> str:
        values = {key: str(value) for key, value in self.params.items()}
        if "days" in self.params:
            values["period"] = period_text(int(self.params["days"]))
        return _TEMPLATES[self.kind].format_map(values)


@dataclass(frozen=True, slots=True)
class SizeHistory:
    """One size of a style at one store: the period's demand and today's stock."""

    size: str
    sold: int  # units sold in the period (refunds taken off)
    lost: int = 0  # times a customer wanted it and the store had none
    have: int = 0  # on hand now less what is held for customers (below 0 counts as 0)
    on_the_way: int = 0  # sent to the store and not yet received

    def __post_init__(self) -> None:
        for name in ("sold", "lost", "have", "on_the_way"):
            if type(getattr(self, name)) is not int:
                raise TypeError(f"{name} must be an int")
        if self.sold < 0 or self.lost < 0 or self.on_the_way < 0:
            raise ValueError("sold, lost and on_the_way count units and cannot be negative")


@dataclass(frozen=True, slots=True)
class Suggestion:
    size: str
    sold: int
    lost: int
    have: int
    on_the_way: int
    target: int  # the stock the demand asks for over the cover
    quantity: int  # what to order
    reasons: tuple[Reason, ...]

    @property
    def text(self) -> str:
        return ", ".join(reason.text for reason in self.reasons)


def suggest(history: SizeHistory, *, period_days: int, cover_days: int) -> Suggestion:
    """The order for one size; see the module for the rule."""
    if period_days < 1 or cover_days < 1:
        raise ValueError("the period and the cover are at least one day")
    demand = history.sold + history.lost
    target = Rounding.UP.divide(demand * cover_days, period_days)
    have = max(history.have, 0)
    quantity = max(0, target - have - history.on_the_way)
    reasons = [
        Reason(ReasonKind.SOLD, {"units": history.sold, "size": history.size, "days": period_days})
        if history.sold
        else Reason(ReasonKind.NO_SALES, {"size": history.size, "days": period_days})
    ]
    if history.lost:
        reasons.append(Reason(ReasonKind.LOST, {"units": history.lost}))
    reasons.append(Reason(ReasonKind.HAVE, {"units": have}))
    if history.on_the_way:
        reasons.append(Reason(ReasonKind.ON_THE_WAY, {"units": history.on_the_way}))
    reasons.append(
        Reason(ReasonKind.SUGGEST, {"units": quantity})
        if quantity
        else Reason(ReasonKind.ENOUGH, {"days": cover_days})
    )
    return Suggestion(
        size=history.size,
        sold=history.sold,
        lost=history.lost,
        have=have,
        on_the_way=history.on_the_way,
        target=target,
        quantity=quantity,
        reasons=tuple(reasons),
    )


def suggest_style(
    sizes: Sequence[SizeHistory], *, period_days: int, cover_days: int
) -> list[Suggestion]:
    """A style's size curve: one suggestion per size, in natural size order."""
    names = [h.size for h in sizes]
    if len(set(names)) != len(names):
        raise ValueError("each size comes once; add up a size's colours before suggesting")
    ordered = sorted(sizes, key=lambda h: size_sort_key(h.size))
    return [suggest(h, period_days=period_days, cover_days=cover_days) for h in ordered]
