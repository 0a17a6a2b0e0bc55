"""Whatever a scanner, a camera or a forger hands over, the parsers answer or refuse cleanly.

Each parser either returns its value or raises its own ValueError subclass
(or returns None, for the readers that say "not one of mine"); no other
exception escapes, whatever the input. test_emv.py already fuzzes EMV
decoding with arbitrary text, damaged published codes and encode/decode
round trips; this file adds raw bytes, single-character substitutions and
the other parsers.
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from shopguide.core.barcode import BarcodeError, is_valid_ean13, parse_barcode
from shopguide.core.emv import EmvError, decode, encode
from shopguide.core.member_code import is_member_scan, printed_card_number
from shopguide.core.member_code import read_member_code as read_unverified
from shopguide.core.money import Money
from shopguide.core.store_qr import (
    OFFLINE_BILL_LENGTH,
    MerchantProfile,
    offline_bill_number,
    order_id_of_bill,
    payment_qr,
)
from shopguide.server.services.member_codes import (
    NotAMemberCode,
    make_member_code,
    read_member_code,
)
from tests.unit.emv_examples import PUBLISHED

SECRET = "unit-secret-" + "k" * 40
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)
PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
SCANNER_NOISE = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("0123456789 \t\r\n\x00\x1b\u200b\ufeff\u00a0\uff10\u0660²SGM1.:-"),
    ),
    max_size=60,
)


# ----------------------------------------------------------------------------- EMV


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["utf-8", "latin-1", "surrogateescape"]))
def test_decoding_raw_scanned_bytes_raises_nothing_but_emv_error(raw: bytes, how: str) -> None:
    if how == "surrogateescape":  # what Python hands over for bytes that are not UTF-8
        text = raw.decode("utf-8", errors="surrogateescape")
    else:
        text = raw.decode(how, errors="replace")
    with contextlib.suppress(EmvError):
        decode(text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([e.text for e in PUBLISHED]), st.data())
def test_any_single_printable_character_changed_in_a_code_is_refused(
    text: str, data: st.DataObject
) -> None:
    """CRC-16 catches every error burst of 16 bits or less, so any one ASCII substitution."""
    assume(text.isascii())
    position = data.draw(st.integers(0, len(text) - 1))
    replacement = data.draw(PRINTABLE.filter(lambda c: c != text[position]))
    with pytest.raises(EmvError):
        decode(text[:position] + replacement + text[position + 1 :])


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([e.text for e in PUBLISHED]), st.integers(1, 40))
def test_a_code_cut_short_or_repeated_is_refused(text: str, cut: int) -> None:
    with pytest.raises(EmvError):
        decode(text[:-cut])
    with pytest.raises(EmvError):
        decode(text + text)


# ----------------------------------------------------------------------------- barcodes


@settings(max_examples=400, deadline=None)
@given(SCANNER_NOISE)
def test_a_parsed_barcode_is_always_a_valid_code_and_parsing_it_again_keeps_it(
    text: str,
) -> None:
    try:
        code = parse_barcode(text)
    except BarcodeError as exc:
        reason = str(exc)
        assert reason, "refused without a reason"
        return
    assert code.isascii()
    assert code.isdigit()
    assert len(code) in (8, 13)
    if len(code) == 13:
        assert is_valid_ean13(code)
    assert parse_barcode(code) == code


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_barcode_or_a_barcode_error(text: str) -> None:
    with contextlib.suppress(BarcodeError):
        parse_barcode(text)


# ----------------------------------------------------------------------------- member codes


@pytest.fixture(scope="module")
def genuine() -> str:
    return make_member_code(SECRET, 4711, now=NOW)


def test_the_genuine_code_verifies(genuine: str) -> None:
    assert read_member_code(SECRET, genuine, now=NOW).member_id == 4711


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_a_member_code_with_any_one_character_changed_never_verifies(
    genuine: str, data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(genuine) - 1), label="position")
    replacement = data.draw(
        st.one_of(
            st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abc. "), PRINTABLE
        ).filter(lambda c: c != genuine[position]),
        label="replacement",
    )
    forged = genuine[:position] + replacement + genuine[position + 1 :]
    with pytest.raises(NotAMemberCode):
        read_member_code(SECRET, forged, now=NOW)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_member_code_with_a_character_dropped_or_added_never_verifies(
    genuine: str, data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(genuine) - 1))
    extra = data.draw(st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ234567."))
    for forged in (
        genuine[:position] + genuine[position + 1 :],
        genuine[:position] + extra + genuine[position:],
    ):
        with pytest.raises(NotAMemberCode):
            read_member_code(SECRET, forged, now=NOW)


@settings(max_examples=200, deadline=None)
@given(
    member_id=st.integers(1, 9_999_999_999),
    expires=st.integers(0, 99_999_999_999),
    nonce=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=8, max_size=8),
    mac=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=24, max_size=24),
)
def test_a_well_formed_code_with_a_made_up_signature_never_verifies(
    member_id: int, expires: int, nonce: str, mac: str
) -> None:
    forged = f"SGM1.{member_id}.{expires}.{nonce}.{mac}"
    read = read_unverified(forged)  # the tablet reads the clear part ...
    assert read is not None
    assert read.member_id == member_id
    with pytest.raises(NotAMemberCode):  # ... but only the server's MAC check counts
        read_member_code(SECRET, forged, now=NOW)


def test_a_code_signed_with_another_secret_never_verifies() -> None:
    code = make_member_code("another-secret-" + "z" * 40, 4711, now=NOW)
    with pytest.raises(NotAMemberCode):
        read_member_code(SECRET, code, now=NOW)


def test_a_code_for_one_member_relabelled_for_another_never_verifies(genuine: str) -> None:
    forged = genuine.replace(".4711.", ".4712.", 1)
    with pytest.raises(NotAMemberCode):
        read_member_code(SECRET, forged, now=NOW)
    later = genuine.split(".")
    later[2] = str(int(later[2]) + 86_400)  # a day longer
    with pytest.raises(NotAMemberCode):
        read_member_code(SECRET, ".".join(later), now=NOW + timedelta(minutes=5))


@settings(max_examples=300, deadline=None)
@given(SCANNER_NOISE)
def test_random_scans_are_never_a_verified_member_code(text: str) -> None:
    with pytest.raises(NotAMemberCode):
        read_member_code(SECRET, text, now=NOW)


@settings(max_examples=300, deadline=None)
@given(st.one_of(SCANNER_NOISE, st.text(max_size=80).map(lambda t: "SGM1." + t)))
def test_the_tablets_readers_answer_none_or_a_value_for_any_text(text: str) -> None:
    is_member_scan(text)
    read = read_unverified(text)
    if read is not None:
        assert read.member_id >= 1
    card = printed_card_number(text)
    if card is not None:
        assert card.isascii()
        assert card.isdigit()
        assert 6 <= len(card) <= 20


# ----------------------------------------------------------------------------- store QR


@settings(max_examples=200, deadline=None)
@given(st.uuids())
def test_an_offline_bill_number_names_its_order_again(order_id: uuid.UUID) -> None:
    bill = offline_bill_number(str(order_id))
    assert len(bill) == OFFLINE_BILL_LENGTH
    assert order_id_of_bill(bill) == str(order_id)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.text("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=25, max_size=25),
    )
)
def test_any_bill_number_is_an_order_id_or_none(bill: str) -> None:
    order_id = order_id_of_bill(bill)
    if order_id is not None:
        assert offline_bill_number(order_id) == bill


def test_the_largest_base36_bill_is_no_order() -> None:
    assert order_id_of_bill("Z" * OFFLINE_BILL_LENGTH) is None  # 36**25 - 1 > 2**128 - 1


@settings(max_examples=100, deadline=None)
@given(
    name=st.text(max_size=40),
    city=st.text(max_size=30),
    terminal=st.text(max_size=40),
    minor=st.integers(1, 10**9),
)
def test_a_store_qr_from_any_profile_text_is_made_or_refused_cleanly(
    name: str, city: str, terminal: str, minor: int
) -> None:
    """The profile comes from the server's cache; hostile names are refused, not encoded wrong."""
    profile = MerchantProfile(
        network_id="COM.EXAMPLE.PAY",
        merchant_id="M-0001",
        merchant_name=name,
        merchant_city=city,
        category_code="5651",
        country="CN",
        currency="CNY",
    )
    try:
        text = payment_qr(
            profile,
            Money(minor, "CNY"),
            bill_number=offline_bill_number(str(uuid.uuid4())),
            terminal_label=terminal,
        )
    except EmvError:
        return
    assert encode(decode(text)) == text
