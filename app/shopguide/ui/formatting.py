"""Money, dates and numbers as the guide's language writes them (¥899.00 for CNY).

core.money.Money.format() is the locale-free form ("CNY 899.00") that logs,
receipts' machine parts and tests rely on; what a person reads goes through here,
which uses the default QLocale that i18n.install() sets with the language.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale

from shopguide.core.money import Money, minor_units

# The symbol a shopper in Shenzhen expects; the code is the fallback.
SYMBOLS = {"CNY": "¥", "JPY": "¥", "HKD": "HK$", "USD": "US$", "EUR": "€"}


def money(amount: Money, locale: QLocale | None = None) -> str:
    """¥1,299.00, with the grouping and decimal point of the locale; exact, never via float."""
    loc = locale or QLocale()
    exponent = minor_units(amount.currency)
    sign = "-" if amount.minor < 0 else ""
    whole, fraction = divmod(abs(amount.minor), 10**exponent)
    text = loc.toString(whole)  # grouping as the locale writes it
    if exponent:
        text += loc.decimalPoint() + str(fraction).rjust(exponent, "0")
    symbol = SYMBOLS.get(amount.currency, amount.currency + " ")
    return f"{sign}{symbol}{text}"


def number(value: int, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(value)


def short_date(value: date | datetime, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    if isinstance(value, datetime):
        return loc.toString(QDateTime(value), QLocale.FormatType.ShortFormat)
    return loc.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)
