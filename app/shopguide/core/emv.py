"""EMVCo merchant-presented QR codes (MPM): build them and read them back, strictly.

The `emv` payment provider shows a dynamic QR that any banking or wallet app
of a national scheme can pay (Pix, PayNow/SGQR, QRIS, UnionPay, QR Ph, ...).
A code that a wallet rejects, or worse misreads, costs a sale at the till, so
`decode` refuses anything the EMVCo specification does not allow rather than
guess, and `encode` refuses any payload `decode` would refuse. Every refusal
is an `EmvError` naming the tag and the offset.

The format, from the EMV QR Code Specification for Payment Systems,
Merchant-Presented Mode (v1.0 2017, v1.1 2020):

* The payload is a sequence of data objects: a two-digit id ("00"-"99"), a
  two-digit length ("01"-"99") and the value. Templates (ids 26-51, 62, 64,
  80-99) hold data objects of their own in the same form.
* The length counts characters, not bytes. Most values are "ans" (printable
  ASCII, one byte each); the additional data (62), the alternate-language
  template (64) and the unreserved objects (65-99) may hold any Unicode, so
  "最佳运输" has length 04 although it is 12 bytes of UTF-8. Here a character
  is a code point, as in `len(str)`; the spec recommends precomposed (NFC)
  text so that every reader counts the same.
* The Payload Format Indicator (00, value "01") comes first and the CRC (63)
  comes last; everything else may come in any order, and `encode` writes it
  in ascending id order.
* The CRC is CRC-16/CCITT-FALSE over the UTF-8 bytes of the whole payload up
  to and including "6304", written as four uppercase hex digits. The spec's
  own worked example (checksum A13A, with Chinese text in template 64) only
  verifies over UTF-8.
"""

from __future__ import annotations

import binascii
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from shopguide.core.money import Money, minor_units

# Merchant category codes (ISO 18245) of the stores ShopGuide runs in.
FAMILY_CLOTHING: Final = "5651"
SHOE_STORES: Final = "5661"

# ISO 4217 numeric codes of the currencies `shopguide.core.money` supports,
# so that every amount read from a QR can become a `Money`.
_ALPHA_BY_NUMERIC: Final[Mapping[str, str]] = {
    "036": "AUD",
    "048": "BHD",
    "124": "CAD",
    "152": "CLP",
    "156": "CNY",
    "203": "CZK",
    "208": "DKK",
    "344": "HKD",
    "348": "HUF",
    "352": "ISK",
    "356": "INR",
    "360": "IDR",
    "376": "ILS",
    "392": "JPY",
    "400": "JOD",
    "410": "KRW",
    "414": "KWD",
    "446": "MOP",
    "458": "MYR",
    "484": "MXN",
    "512": "OMR",
    "554": "NZD",
    "578": "NOK",
    "608": "PHP",
    "634": "QAR",
    "682": "SAR",
    "702": "SGD",
    "704": "VND",
    "710": "ZAR",
    "752": "SEK",
    "756": "CHF",
    "764": "THB",
    "784": "AED",
    "826": "GBP",
    "840": "USD",
    "901": "TWD",
    "949": "TRY",
    "978": "EUR",
    "985": "PLN",
    "986": "BRL",
}
_NUMERIC_BY_ALPHA: Final[Mapping[str, str]] = {a: n for n, a in _ALPHA_BY_NUMERIC.items()}

# The data objects every merchant-presented QR must carry, besides an account.
_MANDATORY: Final[Mapping[str, str]] = {
    "52": "merchant category code",
    "53": "transaction currency",
    "58": "country code",
    "59": "merchant name",
    "60": "merchant city",
}

# Sub-ids of the additional data field template (62) the spec names.
_ADDITIONAL_NAMES: Final[Mapping[str, str]] = {
    "01": "bill_number",
    "02": "mobile_number",
    "03": "store_label",
    "04": "loyalty_number",
    "05": "reference_label",
    "06": "customer_label",
    "07": "terminal_label",
    "08": "purpose",
    "09": "consumer_data_request",
}

_TWO_DIGITS = re.compile(r"[0-9]{2}")
_ANS = re.compile(r"[ -~]*")  # EMV Book 4 common character set: printable ASCII
_AMOUNT = re.compile(r"[0-9]+(?:\.([0-9]*))?")
_PERCENTAGE = re.compile(r"[0-9]{1,2}(?:\.[0-9]{0,2})?")
_CRC = re.compile(r"[0-9A-F]{4}")
_LETTERS = re.compile(r"[A-Za-z]{2}")
_COUNTRY = re.compile(r"[A-Z]{2}")


class EmvError(ValueError):
    """The text is not a valid MPM payload, or a payload cannot be encoded.

    `tag` is the data object at fault ("62.05" for a sub-id in a template),
    `offset` the character index of its id in the payload text.
    """

    def __init__(self, reason: str, *, tag: str | None = None, offset: int | None = None) -> None:
        self.reason = reason
        self.tag = tag
        self.offset = offset
        where = []
        if tag is not None:
            where.append(f"tag {tag}")
        if offset is not None:
            where.append(f"offset {offset}")
        super().__init__(f"{' at '.join(where)}: {reason}" if where else reason)


class TipKind(Enum):
    """Tag 55: whether the app asks for a tip or adds a convenience fee."""

    PROMPT = "01"
    FIXED_FEE = "02"
    PERCENTAGE_FEE = "03"


@dataclass(frozen=True, slots=True)
class Tip:
    """Tags 55-57. `fee` is the fixed amount (56) or the percentage (57), else None."""

    kind: TipKind
    fee: str | None = None


@dataclass(frozen=True, slots=True)
class MerchantAccount:
    """A merchant account template (tags 26-51) of one payment network.

    `guid` (sub-id 00) says which network, as a reverse domain name, an AID
    or a UUID ("br.gov.bcb.pix", "A000000677010111"); `fields` are the
    network's own sub-ids, 01-99.
    """

    tag: str
    guid: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AdditionalData:
    """The additional data field template (tag 62).

    "***" in a field asks the paying app to prompt for it. `extra` keeps
    sub-ids 10-99 (EMVCo's later fields and payment-system templates) as read.
    """

    bill_number: str | None = None
    mobile_number: str | None = None
    store_label: str | None = None
    loyalty_number: str | None = None
    reference_label: str | None = None
    customer_label: str | None = None
    terminal_label: str | None = None
    purpose: str | None = None
    consumer_data_request: str | None = None  # sub-id 09: any of "A", "M", "E"
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MerchantInfoLanguage:
    """Template 64: the merchant's name (and city) in a second language, any script."""

    language: str
    name: str
    city: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MpmPayload:
    """One merchant-presented QR, field by field.

    `currency` is the ISO 4217 numeric code and `amount` the decimal text, both
    exactly as in the QR; `money` converts them. A static QR leaves tag 01 out
    or says "11"; `explicit_initiation` records which, so that a published code
    re-encodes to the same text. Tags 65-99 stay raw in `unreserved`.
    """

    dynamic: bool
    accounts: tuple[MerchantAccount, ...] = ()
    primitive_accounts: dict[str, str] = field(default_factory=dict)
    mcc: str
    currency: str
    amount: str | None = None
    tip: Tip | None = None
    country: str
    merchant_name: str
    merchant_city: str
    postal_code: str | None = None
    additional: AdditionalData | None = None
    language: MerchantInfoLanguage | None = None
    unreserved: dict[str, str] = field(default_factory=dict)
    explicit_initiation: bool = True

    def __post_init__(self) -> None:
        # `decode` lists accounts in id order, as `encode` writes them; sorting here
        # makes a payload equal to its own read-back in whatever order it was given.
        object.__setattr__(self, "accounts", tuple(sorted(self.accounts, key=lambda a: a.tag)))

    @property
    def money(self) -> Money | None:
        """The amount as `Money`, or None when the paying app asks for it."""
        if self.amount is None:
            return None
        return Money.parse(self.amount.rstrip("."), currency_alpha(self.currency))


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final xor.

    `binascii.crc_hqx` is that polynomial, unreflected; seeded with 0xFFFF it
    is exactly this CRC (check value 0x29B1 for b"123456789").
    """
    return binascii.crc_hqx(data, 0xFFFF)


def currency_numeric(alpha: str) -> str:
    """The ISO 4217 numeric code of a currency, "CNY" -> "156"."""
    numeric = _NUMERIC_BY_ALPHA.get(alpha)
    if numeric is None:
        raise EmvError(f"currency {alpha!r} is not in ShopGuide's currency table")
    return numeric


def currency_alpha(numeric: str) -> str:
    """The ISO 4217 letter code of a numeric currency code, "156" -> "CNY"."""
    alpha = _ALPHA_BY_NUMERIC.get(numeric)
    if alpha is None:
        raise EmvError(f"currency {numeric!r} is not in ShopGuide's currency table")
    return alpha


def emv_amount(money: Money) -> str:
    """The transaction amount text for `money`, "12.50"; the spec allows no zero or negative."""
    if money.minor <= 0:
        raise EmvError(f"a QR amount must be positive, not {money}", tag="54")
    return money.amount_text()


def dynamic_payment(
    *,
    amount: Money,
    account: MerchantAccount,
    merchant_name: str,
    merchant_city: str,
    country: str,
    mcc: str,
    bill_number: str,
    terminal_label: str,
    reference_label: str | None = None,
    chinese_name: str | None = None,
    chinese_city: str | None = None,
    postal_code: str | None = None,
) -> MpmPayload:
    """The dynamic QR a ShopGuide tablet shows for one order; `encode` it to display.

    The bill number is the order reference and the terminal label the tablet
    or store, so the scheme's notification says which order was paid; the
    reference label carries the provider's signed reference. All three are at
    most 25 printable ASCII characters, so that reference must be compact. A
    Chinese name goes in template 64 for wallets that display it.
    """
    language = None
    if chinese_name is not None:
        language = MerchantInfoLanguage(language="ZH", name=chinese_name, city=chinese_city)
    return MpmPayload(
        dynamic=True,
        accounts=(account,),
        mcc=mcc,
        currency=currency_numeric(amount.currency),
        amount=emv_amount(amount),
        country=country,
        merchant_name=merchant_name,
        merchant_city=merchant_city,
        postal_code=postal_code,
        additional=AdditionalData(
            bill_number=bill_number,
            reference_label=reference_label,
            terminal_label=terminal_label,
        ),
        language=language,
    )


# --- decoding ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Object:
    """One data object as read: `offset` is where its id starts in the payload."""

    tag: str
    value: str
    offset: int


def _parse(text: str, base: int, parent: str | None) -> list[_Object]:
    """Split `text` (the payload, or a template's value at `base`) into data objects."""
    objects: list[_Object] = []
    where = "payload" if parent is None else f"template {parent}"
    i = 0
    while i < len(text):
        at = base + i
        if len(text) - i < 4:
            raise EmvError(
                f"{len(text) - i} stray character(s) at the end of the {where}",
                tag=parent,
                offset=at,
            )
        tag, length = text[i : i + 2], text[i + 2 : i + 4]
        if not _TWO_DIGITS.fullmatch(tag):
            raise EmvError(f"{tag!r} is not a two-digit data object id", tag=parent, offset=at)
        path = tag if parent is None else f"{parent}.{tag}"
        if not _TWO_DIGITS.fullmatch(length):
            raise EmvError(f"length {length!r} is not two digits", tag=path, offset=at)
        size = int(length)
        if size == 0:
            raise EmvError("length 00: a value has at least one character", tag=path, offset=at)
        end = i + 4 + size
        if end > len(text):
            raise EmvError(
                f"length {length} runs {end - len(text)} character(s) past the end of the {where}",
                tag=path,
                offset=at,
            )
        objects.append(_Object(tag, text[i + 4 : end], at))
        i = end
    return objects


def _by_tag(objects: list[_Object], parent: str | None) -> dict[str, _Object]:
    found: dict[str, _Object] = {}
    for obj in objects:
        path = obj.tag if parent is None else f"{parent}.{obj.tag}"
        if obj.tag in found:
            raise EmvError(
                f"duplicate data object, first seen at offset {found[obj.tag].offset}",
                tag=path,
                offset=obj.offset,
            )
        found[obj.tag] = obj
    return found


def _ans(obj: _Object, path: str, what: str, max_length: int = 99) -> str:
    if not _ANS.fullmatch(obj.value):
        raise EmvError(
            f"{what} {obj.value!r} has characters outside printable ASCII",
            tag=path,
            offset=obj.offset,
        )
    return _at_most(obj, path, what, max_length)


def _at_most(obj: _Object, path: str, what: str, max_length: int) -> str:
    if len(obj.value) > max_length:
        raise EmvError(
            f"{what} has {len(obj.value)} characters, at most {max_length} are allowed",
            tag=path,
            offset=obj.offset,
        )
    return obj.value


def _digits(obj: _Object, what: str, count: int) -> str:
    if len(obj.value) != count or not obj.value.isascii() or not obj.value.isdigit():
        raise EmvError(
            f"{what} must be {count} digits, found {obj.value!r}", tag=obj.tag, offset=obj.offset
        )
    return obj.value


def _decimal(obj: _Object, what: str, currency: str) -> str:
    """An amount: digits with at most one "." and no more decimals than the currency has."""
    match = _AMOUNT.fullmatch(obj.value)
    if match is None:
        raise EmvError(
            f"{what} {obj.value!r} is not digits with an optional '.' decimal mark",
            tag=obj.tag,
            offset=obj.offset,
        )
    _at_most(obj, obj.tag, what, 13)
    if not obj.value.replace(".", "").strip("0"):
        raise EmvError(f"{what} must not be zero", tag=obj.tag, offset=obj.offset)
    alpha = _ALPHA_BY_NUMERIC.get(currency)
    decimals = len(match.group(1) or "")
    if alpha is not None and decimals > minor_units(alpha):
        raise EmvError(
            f"{what} {obj.value} has {decimals} decimals but {alpha} has {minor_units(alpha)}",
            tag=obj.tag,
            offset=obj.offset,
        )
    return obj.value


def _require(found: dict[str, _Object], tag: str) -> _Object:
    obj = found.get(tag)
    if obj is None:
        raise EmvError(
            f"missing tag {tag} ({_MANDATORY[tag]}), which every merchant-presented QR carries"
        )
    return obj


def _template(obj: _Object) -> dict[str, _Object]:
    return _by_tag(_parse(obj.value, obj.offset + 4, obj.tag), obj.tag)


def _account(obj: _Object) -> MerchantAccount:
    inner = _template(obj)
    guid = inner.pop("00", None)
    if guid is None:
        raise EmvError(
            "a merchant account template needs its globally unique identifier (sub-id 00)",
            tag=obj.tag,
            offset=obj.offset,
        )
    own = {
        tag: _ans(sub, f"{obj.tag}.{tag}", "a network field") for tag, sub in sorted(inner.items())
    }
    return MerchantAccount(
        tag=obj.tag,
        guid=_ans(guid, f"{obj.tag}.00", "the globally unique identifier", 32),
        fields=own,
    )


def _additional(obj: _Object) -> AdditionalData:
    named: dict[str, str] = {}
    extra: dict[str, str] = {}
    for tag, sub in sorted(_template(obj).items()):
        path = f"62.{tag}"
        if tag in _ADDITIONAL_NAMES:
            name = _ADDITIONAL_NAMES[tag]
            if tag == "09":
                request = _ans(sub, path, "the consumer data request", 3)
                if not set(request) <= set("AME") or len(set(request)) != len(request):
                    raise EmvError(
                        f"consumer data request {request!r} must be distinct letters of A, M, E",
                        tag=path,
                        offset=sub.offset,
                    )
                named[name] = request
            else:
                named[name] = _ans(sub, path, name.replace("_", " "), 25)
        elif tag == "00":
            raise EmvError(
                "sub-id 00 is not defined in the additional data template",
                tag=path,
                offset=sub.offset,
            )
        else:
            extra[tag] = sub.value
    return AdditionalData(**named, extra=extra)


def _language(obj: _Object) -> MerchantInfoLanguage:
    inner = _template(obj)
    for tag, sub in inner.items():
        if tag not in ("00", "01", "02"):
            raise EmvError(
                "sub-ids 03-99 of template 64 are reserved", tag=f"64.{tag}", offset=sub.offset
            )
    language = inner.get("00")
    name = inner.get("01")
    if language is None or name is None:
        raise EmvError(
            "template 64 needs a language (sub-id 00) and a name (sub-id 01)",
            tag="64",
            offset=obj.offset,
        )
    if not _LETTERS.fullmatch(language.value):
        raise EmvError(
            f"language {language.value!r} is not an ISO 639 two-letter code",
            tag="64.00",
            offset=language.offset,
        )
    city = inner.get("02")
    return MerchantInfoLanguage(
        language=language.value,
        name=_at_most(name, "64.01", "the alternate merchant name", 25),
        city=None if city is None else _at_most(city, "64.02", "the alternate merchant city", 15),
    )


def _tip(found: dict[str, _Object], currency: str) -> Tip | None:
    indicator, fixed, percentage = found.get("55"), found.get("56"), found.get("57")
    kind = None
    if indicator is not None:
        kinds = {k.value: k for k in TipKind}
        if indicator.value not in kinds:
            raise EmvError(
                f"tip indicator must be 01, 02 or 03, found {indicator.value!r}",
                tag="55",
                offset=indicator.offset,
            )
        kind = kinds[indicator.value]
    if fixed is not None and kind is not TipKind.FIXED_FEE:
        raise EmvError(
            "a fixed convenience fee needs tip indicator 02", tag="56", offset=fixed.offset
        )
    if percentage is not None and kind is not TipKind.PERCENTAGE_FEE:
        raise EmvError(
            "a convenience fee percentage needs tip indicator 03",
            tag="57",
            offset=percentage.offset,
        )
    if kind is TipKind.FIXED_FEE:
        if fixed is None:
            raise EmvError(
                "tip indicator 02 needs the fixed fee in tag 56",
                tag="55",
                offset=found["55"].offset,
            )
        return Tip(kind, _decimal(fixed, "fixed convenience fee", currency))
    if kind is TipKind.PERCENTAGE_FEE:
        if percentage is None:
            raise EmvError(
                "tip indicator 03 needs the percentage in tag 57",
                tag="55",
                offset=found["55"].offset,
            )
        value = percentage.value
        if not _PERCENTAGE.fullmatch(value) or not value.replace(".", "").strip("0"):
            raise EmvError(
                f"convenience fee percentage {value!r} is not between 00.01 and 99.99",
                tag="57",
                offset=percentage.offset,
            )
        return Tip(kind, value)
    return None if kind is None else Tip(kind)


def _interpret(objects: list[_Object]) -> MpmPayload:
    """Check every data object under the root (CRC already taken off) and build the payload."""
    found = _by_tag(objects, None)
    if "63" in found:
        raise EmvError(
            "the CRC must be the last data object, and only once",
            tag="63",
            offset=found["63"].offset,
        )
    initiation = found.get("01")
    if initiation is not None and initiation.value not in ("11", "12"):
        raise EmvError(
            f"point of initiation must be 11 or 12, found {initiation.value!r}",
            tag="01",
            offset=initiation.offset,
        )
    mcc = _digits(_require(found, "52"), "merchant category code", 4)
    currency = _digits(_require(found, "53"), "transaction currency", 3)
    amount = found.get("54")
    country = _require(found, "58")
    if not _COUNTRY.fullmatch(country.value):
        raise EmvError(
            f"country {country.value!r} is not two capital letters (ISO 3166-1)",
            tag="58",
            offset=country.offset,
        )
    name = _ans(_require(found, "59"), "59", "merchant name", 25)
    city = _ans(_require(found, "60"), "60", "merchant city", 15)
    postal = found.get("61")
    primitive = {
        tag: _ans(obj, tag, "merchant account")
        for tag, obj in sorted(found.items())
        if "02" <= tag <= "25"
    }
    accounts = tuple(_account(obj) for tag, obj in sorted(found.items()) if "26" <= tag <= "51")
    if not primitive and not accounts:
        raise EmvError("no merchant account information (tags 02-51): the QR names no one to pay")
    for tag, obj in found.items():
        if "80" <= tag <= "99":
            _template(obj)
    additional, language = found.get("62"), found.get("64")
    return MpmPayload(
        dynamic=initiation is not None and initiation.value == "12",
        explicit_initiation=initiation is not None,
        accounts=accounts,
        primitive_accounts=primitive,
        mcc=mcc,
        currency=currency,
        amount=None if amount is None else _decimal(amount, "transaction amount", currency),
        tip=_tip(found, currency),
        country=country.value,
        merchant_name=name,
        merchant_city=city,
        postal_code=None if postal is None else _ans(postal, "61", "postal code", 10),
        additional=None if additional is None else _additional(additional),
        language=None if language is None else _language(language),
        unreserved={tag: obj.value for tag, obj in sorted(found.items()) if tag >= "65"},
    )


def decode(text: str) -> MpmPayload:
    """Read a scanned payload, or raise `EmvError` saying what is wrong and where.

    Nothing is cleaned up first: the text is exactly what a wallet reads, so a
    stray newline from a scanner is reported rather than hidden.
    """
    if not text:
        raise EmvError("the payload is empty")
    for index, char in enumerate(text):
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise EmvError(f"control character U+{ord(char):04X} in the payload", offset=index)
    objects = _parse(text, 0, None)
    first = objects[0]
    if first.tag != "00":
        later = next((obj for obj in objects if obj.tag == "00"), None)
        where = "is missing" if later is None else f"is at offset {later.offset}"
        raise EmvError(
            f"the payload must start with tag 00 (payload format indicator), which {where}",
            tag=first.tag,
            offset=0,
        )
    if first.value != "01":
        raise EmvError(
            f"payload format indicator must be 01, found {first.value!r}", tag="00", offset=0
        )
    crc = objects[-1]
    if crc.tag != "63":
        early = next((obj for obj in objects if obj.tag == "63"), None)
        if early is None:
            raise EmvError("the CRC (tag 63) is missing; it must be the last data object")
        raise EmvError(
            f"the CRC must be the last data object, but tag {crc.tag} follows it",
            tag="63",
            offset=early.offset,
        )
    if len(crc.value) != 4:
        raise EmvError(
            f"the CRC has length {len(crc.value):02d}, it must be 04", tag="63", offset=crc.offset
        )
    if not _CRC.fullmatch(crc.value):
        raise EmvError(
            f"the CRC must be four uppercase hex digits, found {crc.value!r}",
            tag="63",
            offset=crc.offset,
        )
    expected = crc16_ccitt_false(text[:-4].encode("utf-8"))
    if int(crc.value, 16) != expected:
        raise EmvError(
            f"bad CRC: expected {expected:04X}, found {crc.value} (damaged or altered)",
            tag="63",
            offset=crc.offset,
        )
    return _interpret(objects[:-1])


# --- encoding ---------------------------------------------------------------


def _tlv(tag: str, value: str, path: str | None = None) -> str:
    if not 1 <= len(value) <= 99:
        raise EmvError(
            f"a value of {len(value)} characters does not fit a data object (1 to 99)",
            tag=path or tag,
        )
    return f"{tag}{len(value):02d}{value}"


def _in_range(tag: str, low: str, high: str, what: str) -> str:
    if not _TWO_DIGITS.fullmatch(tag) or not low <= tag <= high:
        raise EmvError(f"{what} has id {tag!r}; ids there run from {low} to {high}")
    return tag


def _template_value(parent: str, items: Mapping[str, str | None]) -> str:
    return "".join(
        _tlv(tag, value, f"{parent}.{tag}")
        for tag, value in sorted(items.items())
        if value is not None
    )


def _objects(payload: MpmPayload) -> Iterator[tuple[str, str]]:
    """The root data objects of `payload` in ascending id order, CRC excluded."""
    yield "00", "01"
    if payload.explicit_initiation:
        yield "01", "12" if payload.dynamic else "11"
    elif payload.dynamic:
        raise EmvError("a dynamic QR must say so in tag 01; set explicit_initiation", tag="01")
    for tag, value in sorted(payload.primitive_accounts.items()):
        yield _in_range(tag, "02", "25", "a primitive merchant account"), value
    for account in payload.accounts:
        tag = _in_range(account.tag, "26", "51", "a merchant account template")
        own = {
            _in_range(sub, "01", "99", f"a field of template {tag}"): v
            for sub, v in account.fields.items()
        }
        yield tag, _template_value(tag, {"00": account.guid, **own})
    yield "52", payload.mcc
    yield "53", payload.currency
    if payload.amount is not None:
        yield "54", payload.amount
    if payload.tip is not None:
        yield "55", payload.tip.kind.value
        if payload.tip.fee is not None:
            yield "56" if payload.tip.kind is TipKind.FIXED_FEE else "57", payload.tip.fee
    yield "58", payload.country
    yield "59", payload.merchant_name
    yield "60", payload.merchant_city
    if payload.postal_code is not None:
        yield "61", payload.postal_code
    if payload.additional is not None:
        extra = payload.additional.extra
        named = {tag: getattr(payload.additional, name) for tag, name in _ADDITIONAL_NAMES.items()}
        own = {
            _in_range(sub, "10", "99", "an extra field of template 62"): v
            for sub, v in extra.items()
        }
        yield "62", _template_value("62", {**named, **own})
    if payload.language is not None:
        language = payload.language
        items = {"00": language.language, "01": language.name, "02": language.city}
        yield "64", _template_value("64", items)
    for tag, value in sorted(payload.unreserved.items()):
        yield _in_range(tag, "65", "99", "an unreserved data object"), value


def encode(payload: MpmPayload) -> str:
    """The QR payload text for `payload`, or `EmvError` saying why it cannot be one.

    Ids are written in ascending order with 00 first and the CRC last. The text
    is decoded before it is returned, so every rule `decode` enforces holds for
    what ShopGuide shows, with the same reasons.
    """
    body = "".join(_tlv(tag, value) for tag, value in _objects(payload)) + "6304"
    text = f"{body}{crc16_ccitt_false(body.encode('utf-8')):04X}"
    decode(text)
    return text
