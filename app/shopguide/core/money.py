"""Amounts of money as integer minor units plus an ISO 4217 currency.

Floats cannot hold 0.10 exactly, and a till that is off by a cent is a till
nobody trusts, so a `Money` is built from an `int` or parsed from a decimal
string, never from a float. Every operation that could produce a fraction of
a minor unit (rates, percentages, splits) takes an explicit rounding rule or
distributes the remainder exactly, so the parts of an amount always add up to
the whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final

# ISO 4217 minor-unit exponents of the currencies the brand can meet. A code
# that is missing is refused rather than guessed, because a wrong exponent
# silently multiplies every price by a hundred.
_EXPONENTS: Final[Mapping[str, int]] = {
    "AED": 2,
    "AUD": 2,
    "BHD": 3,
    "BRL": 2,
    "CAD": 2,
    "CHF": 2,
    "CLP": 0,
    "CNY": 2,
    "CZK": 2,
    "DKK": 2,
    "EUR": 2,
    "GBP": 2,
    "HKD": 2,
    "HUF": 2,
    "IDR": 2,
    "ILS": 2,
    "INR": 2,
    "ISK": 0,
    "JOD": 3,
    "JPY": 0,
    "KRW": 0,
    "KWD": 3,
    "MOP": 2,
    "MXN": 2,
    "MYR": 2,
    "NOK": 2,
    "NZD": 2,
    "OMR": 3,
    "PHP": 2,
    "PLN": 2,
    "QAR": 2,
    "SAR": 2,
    "SEK": 2,
    "SGD": 2,
    "THB": 2,
    "TRY": 2,
    "TWD": 2,
    "USD": 2,
    "VND": 0,
    "ZAR": 2,
}

_CODE = re.compile(r"[A-Z]{3}")
_DECIMAL = re.compile(r"([+-]?)([0-9]+)(?:\.([0-9]+))?", re.ASCII)


class CurrencyMismatchError(ValueError):
    """Adding yuan to yen is a bug in the caller, never something to convert silently."""


def minor_units(currency: str) -> int:
    """How many decimal places the currency's smallest unit has (CNY 2, JPY 0)."""
    exponent = _EXPONENTS.get(currency)
    if exponent is not None:
        return exponent
    if not _CODE.fullmatch(currency):
        raise ValueError(f"{currency!r} is not an ISO 4217 code (three capital letters)")
    raise ValueError(f"currency {currency} is not supported")


class Rounding(Enum):
    """How to resolve a fraction of a minor unit; names and meaning follow `decimal`.

    HALF_UP rounds halves away from zero, HALF_EVEN to the even neighbour,
    DOWN towards zero and UP away from zero, for negative amounts too.
    """

    HALF_UP = "half_up"
    HALF_EVEN = "half_even"
    DOWN = "down"
    UP = "up"

    def divide(self, numerator: int, denominator: int) -> int:
        """`numerator / denominator` rounded to an int with integer arithmetic only."""
        if denominator == 0:
            raise ZeroDivisionError("division by zero")
        if denominator < 0:
            numerator, denominator = -numerator, -denominator
        quotient, remainder = divmod(abs(numerator), denominator)
        if remainder:
            twice = 2 * remainder
            if (
                self is Rounding.UP
                or (self is Rounding.HALF_UP and twice >= denominator)
                or (
                    self is Rounding.HALF_EVEN
                    and (twice > denominator or (twice == denominator and quotient % 2 == 1))
                )
            ):
                quotient += 1
        return -quotient if numerator < 0 else quotient


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount: `minor` units (cents, fen) of `currency`."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if type(self.minor) is not int:
            if isinstance(self.minor, float):
                raise TypeError("Money never holds a float: pass integer minor units or parse text")
            raise TypeError(f"minor units must be an int, not {type(self.minor).__name__}")
        if self.currency not in _EXPONENTS:
            minor_units(self.currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        """Read a plain decimal such as "12.50" or "-3" exactly.

        Digits beyond the currency's precision are refused unless they are
        zeros ("12.500" is 12.50 CNY; "12.505" is an error), so no input is
        ever rounded behind the user's back.
        """
        exponent = minor_units(currency)
        match = _DECIMAL.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not a decimal amount like 12.50")
        sign, whole, fraction = match.groups()
        fraction = (fraction or "").rstrip("0")
        if len(fraction) > exponent:
            raise ValueError(
                f"{text.strip()} has more decimals than {currency} allows ({exponent})"
            )
        minor = int(whole) * 10**exponent + int(fraction.ljust(exponent, "0") or "0")
        return cls(-minor if sign == "-" else minor, currency)

    def amount_text(self) -> str:
        """The amount without the code, "12.50" or "-1200", for sentences that name it once."""
        exponent = _EXPONENTS[self.currency]
        sign = "-" if self.minor < 0 else ""
        if exponent == 0:
            return f"{sign}{abs(self.minor)}"
        whole, fraction = divmod(abs(self.minor), 10**exponent)
        return f"{sign}{whole}.{fraction:0{exponent}d}"

    def format(self) -> str:
        """ "CNY 12.50": unambiguous and locale-free; the UI formats for people."""
        return f"{self.currency} {self.amount_text()}"

    def __str__(self) -> str:
        return self.format()

    def is_zero(self) -> bool:
        return self.minor == 0

    def percent_of(self, basis_points: int, *, rounding: Rounding) -> Money:
        """`basis_points` / 10 000 of this amount (1250 bp = 12.5 %)."""
        return apply_rate(self, basis_points, 10_000, rounding)

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __mul__(self, factor: int) -> Money:
        if type(factor) is not int:
            return NotImplemented
        return Money(self.minor * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other)
        return self.minor >= other.minor


def apply_rate(money: Money, numerator: int, denominator: int, rounding: Rounding) -> Money:
    """`money * numerator / denominator`, rounded once, as the caller says."""
    if type(numerator) is not int or type(denominator) is not int:
        raise TypeError("rates are a ratio of ints, never a float")
    return Money(rounding.divide(money.minor * numerator, denominator), money.currency)


def allocate(total: Money, weights: Sequence[int]) -> list[Money]:
    """Split `total` in proportion to `weights` so the parts add up exactly.

    Each part gets the floor of its exact share; the minor units left over go
    one each to the parts with the largest remainders, earlier parts first on
    a tie. Every part is therefore within one minor unit of its exact share, a
    zero weight always gets zero, and a negative total splits like its
    positive counterpart with the signs flipped.
    """
    if not weights:
        raise ValueError("cannot allocate over no weights")
    if any(type(w) is not int or w < 0 for w in weights):
        raise ValueError("weights must be non-negative ints")
    weight_sum = sum(weights)
    if weight_sum == 0:
        if total.minor != 0:
            raise ValueError("cannot allocate a non-zero amount over weights that are all zero")
        return [total] * len(weights)
    magnitude = abs(total.minor)
    shares = [divmod(magnitude * w, weight_sum) for w in weights]
    parts = [share for share, _ in shares]
    leftover = magnitude - sum(parts)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-shares[i][1], i))
    for index in by_remainder[:leftover]:
        parts[index] += 1
    sign = -1 if total.minor < 0 else 1
    return [Money(sign * part, total.currency) for part in parts]


def split_evenly(total: Money, n: int) -> list[Money]:
    """`n` parts differing by at most one minor unit, the larger ones first."""
    if n < 1:
        raise ValueError("split into at least one part")
    return allocate(total, [1] * n)


def sum_money(amounts: Iterable[Money], currency: str) -> Money:
    """The sum, or zero of `currency` when there is nothing to add."""
    minor = 0
    for amount in amounts:
        if amount.currency != currency:
            raise CurrencyMismatchError(f"cannot add {amount.currency} to a {currency} sum")
        minor += amount.minor
    return Money(minor, currency)
