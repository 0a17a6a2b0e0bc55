"""What a tablet reads from a scanned member code without the server: whose it is, until when."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shopguide.core.member_code import (
    is_member_scan,
    printed_card_number,
    read_member_code,
)

CODE = "SGM1.4711.1767225660.K3JQ6Z2A.MFRGGZDFMZTWQ2LKNNWG23TP"  # docs/members.md's example
EXPIRES = datetime.fromtimestamp(1767225660, UTC)


def test_a_phones_code_says_whose_it_is_and_until_when() -> None:
    read = read_member_code(f"  {CODE}\n")
    assert read is not None
    assert (read.member_id, read.expires_at) == (4711, EXPIRES)


def test_a_code_is_good_up_to_its_expiry_second_as_the_server_judges() -> None:
    read = read_member_code(CODE)
    assert read is not None
    assert not read.expired(EXPIRES)
    assert read.expired(EXPIRES + timedelta(seconds=1))


@pytest.mark.parametrize(
    "text",
    [
        CODE.lower(),  # the server refuses these too
        CODE.rsplit(".", 1)[0],  # no signature
        "SGM1.0.1767225660.K3JQ6Z2A.MFRGGZDFMZTWQ2LKNNWG23TP",  # no member 0
        "SGM:8800123456789012",
        "6901234567892",
    ],
)
def test_anything_else_is_no_phone_code(text: str) -> None:
    assert read_member_code(text) is None


def test_a_printed_card_gives_its_number() -> None:
    assert printed_card_number("SGM:8800123456789012") == "8800123456789012"
    assert printed_card_number(CODE) is None
    assert printed_card_number("SGM:88001234567890123456789") is None


def test_member_scans_are_told_from_product_barcodes() -> None:
    assert is_member_scan(CODE)
    assert is_member_scan(" SGM:8800123456789012")
    assert not is_member_scan("6901234567892")
    assert not is_member_scan("https://example.com/pay/SGM1.4711")
