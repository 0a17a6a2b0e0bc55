"""The references in public addresses are unguessable, bound to what they name, and expire.

test_payments.py already shows a forged wallet reference and one with its
last character changed refused, and money for an expired code flagged for
refund; test_member_codes.py the same for member links and member codes.
Here: any one character changed anywhere, another payment's or order's id
put in, an expiry stretched, one kind of reference offered for another, and
the expiry itself, for the wallet reference, the receipt, the EMV bill
number, the Alipay trade number and the member link.

Receipts do not expire, by design (a receipt is kept for returns and
warranty, see `shopguide.server.receipts`); member links do not either, but
a new one revokes the old (test_member_codes.py).
"""

from __future__ import annotations

import base64
import string
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from shopguide.server import receipts
from shopguide.server.models.types import utcnow
from shopguide.server.payments import references
from shopguide.server.payments.references import BadReference
from shopguide.server.services import member_codes
from tests.server.conftest import TEST_SECRET, ServerUnderTest
from tests.server.test_member_codes import issue_pass
from tests.server.test_payments import new_intent, place_order, wallet_path

URLSAFE = string.ascii_letters + string.digits + "-_"


def _variants(text_: str, alphabet: str = URLSAFE) -> list[str]:
    """The text with each character in turn replaced by another from `alphabet`."""
    out = []
    for i, ch in enumerate(text_):
        other = next(c for c in alphabet if c != ch)
        out.append(text_[:i] + other + text_[i + 1 :])
    return out


def _paid_intent(server: ServerUnderTest, headers: dict[str, str]) -> dict[str, object]:
    intent = new_intent(server, headers, place_order(server, headers))
    assert server.client.post(wallet_path(intent) + "/pay").status_code == 200
    return intent


def test_a_wallet_reference_carries_enough_randomness_and_a_full_signature(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    seen = set()
    for _ in range(3):
        reference = wallet_path(new_intent(server, headers, place_order(server, headers)))
        _id, expires, nonce, signature = reference.removeprefix("/pay/").split(".")
        assert len(base64.urlsafe_b64decode(nonce + "=" * (-len(nonce) % 4))) * 8 >= 128
        assert len(bytes.fromhex(signature)) * 8 >= 128
        assert int(expires) > utcnow().timestamp()
        seen.add(nonce)
    assert len(seen) == 3


def test_any_character_changed_in_a_wallet_reference_is_refused_and_names_nothing(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    intent = new_intent(server, headers, place_order(server, headers))
    reference = wallet_path(intent).removeprefix("/pay/")
    for changed in _variants(reference, URLSAFE + "."):
        page = server.client.get(f"/pay/{changed}")
        assert page.status_code == 404, changed
        assert 'id="amount"' not in page.text
    assert server.client.post(f"/pay/{_variants(reference)[0]}/pay").status_code == 404
    status = server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()
    assert status["status"] == "pending"


def test_another_payments_id_or_a_later_expiry_does_not_pass(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    first = new_intent(server, headers, place_order(server, headers))
    second = new_intent(server, headers, place_order(server, headers))
    payment_id, expires, nonce, signature = wallet_path(first).removeprefix("/pay/").split(".")
    for forged in (
        f"{second['id']}.{expires}.{nonce}.{signature}",  # a real payment, not this one
        f"{payment_id}.{int(expires) + 3600}.{nonce}.{signature}",  # stretched
        f"{payment_id}.{expires}.{nonce}.{signature[:-2]}",  # shortened signature
        f"{payment_id}.{expires}.{nonce}",
    ):
        assert server.client.get(f"/pay/{forged}").status_code == 404, forged
        assert server.client.post(f"/pay/{forged}/pay").status_code == 404, forged
    # A genuine reference made for the payment but not the one it holds is refused too.
    remade = references.make_reference(
        TEST_SECRET, int(payment_id), datetime.fromtimestamp(int(expires), UTC)
    )
    assert server.client.get(f"/pay/{remade}").status_code == 404
    for intent in (first, second):
        got = server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()
        assert got["status"] == "pending"


def test_an_expired_reference_is_refused(server: ServerUnderTest) -> None:
    now = utcnow()
    reference = references.make_reference(TEST_SECRET, 7, now + timedelta(seconds=60))
    assert references.read_reference(TEST_SECRET, reference, now=now) == 7
    with pytest.raises(BadReference, match="expired"):
        references.read_reference(TEST_SECRET, reference, now=now + timedelta(seconds=61))

    headers = server.login("a.guide")
    intent = new_intent(server, headers, place_order(server, headers))
    with server.app.state.engine.begin() as conn:
        conn.execute(
            text("UPDATE payment SET expires_at = :t WHERE id = :p"),
            {"t": utcnow() - timedelta(seconds=1), "p": intent["id"]},
        )
    page = server.client.get(wallet_path(intent))
    assert "expired" in page.text
    assert 'id="pay"' not in page.text
    late = server.client.post(wallet_path(intent) + "/pay")
    assert late.status_code == 409
    got = server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()
    assert got["status"] == "expired", "money for an expired code never pays the order"


def test_any_character_changed_in_a_receipt_address_is_refused(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    intent = _paid_intent(server, headers)
    other = _paid_intent(server, headers)
    url = server.client.get(f"/api/v1/orders/{intent['order_id']}/receipt", headers=headers)
    token = url.json()["url"].rsplit("/receipt/", 1)[1]
    assert server.client.get(f"/receipt/{token}").status_code == 200
    for changed in _variants(token, string.hexdigits.lower() + "."):
        page = server.client.get(f"/receipt/{changed}")
        assert page.status_code == 404, changed
        assert 'id="total"' not in page.text
    body, signature = token.split(".")
    other_body = str(other["order_id"]).replace("-", "")
    assert server.client.get(f"/receipt/{other_body}.{signature}").status_code == 404
    # The signature of a wallet reference, or the HMAC under the payment key, is no receipt.
    wallet_signature = wallet_path(intent).rsplit(".", 1)[1]
    assert server.client.get(f"/receipt/{body}.{wallet_signature}").status_code == 404
    assert len(bytes.fromhex(signature)) * 8 >= 128


def test_a_receipt_is_not_a_payment_reference_nor_the_other_way_round() -> None:
    order_id = "0190f3a0-1111-7222-8333-444455556666"
    receipt = receipts.make_receipt_token(TEST_SECRET, order_id)
    with pytest.raises(BadReference):
        references.read_reference(TEST_SECRET, receipt)
    reference = references.make_reference(TEST_SECRET, 5, utcnow() + timedelta(minutes=5))
    with pytest.raises(receipts.BadReceipt):
        receipts.read_receipt_token(TEST_SECRET, reference)


def test_bill_numbers_and_trade_numbers_refuse_any_changed_character() -> None:
    bill = references.make_bill_reference(TEST_SECRET, 1234)
    assert references.read_bill_reference(TEST_SECRET, bill) == 1234
    for changed in _variants(bill, string.hexdigits.lower() + "P"):
        with pytest.raises(BadReference):
            references.read_bill_reference(TEST_SECRET, changed)
    with pytest.raises(BadReference):
        references.read_bill_reference(TEST_SECRET, "P1235-" + bill.split("-")[1])
    assert len(bill.split("-")[1]) * 4 >= 64, "a 64-bit MAC: the EMV field holds 25 characters"

    trade = references.make_trade_number(TEST_SECRET, 1234, utcnow())
    assert references.read_trade_number(TEST_SECRET, trade) == 1234
    for changed in _variants(trade, string.hexdigits.lower() + "S"):
        with pytest.raises(BadReference):
            references.read_trade_number(TEST_SECRET, changed)


def test_any_character_changed_in_a_member_link_is_refused(server: ServerUnderTest) -> None:
    path = issue_pass(server, server.world.member_wang)
    token = path.removeprefix("/m/")
    for changed in _variants(token, URLSAFE + "."):
        page = server.client.get(f"/m/{changed}")
        assert page.status_code == 404, changed
        assert "data-code" not in page.text
    mac = token.rsplit(".", 1)[1]
    assert len(base64.urlsafe_b64decode(mac + "==")) * 8 >= 128


def test_a_member_code_is_signed_and_lives_a_minute() -> None:
    now = utcnow()
    code = member_codes.make_member_code(TEST_SECRET, 42, now=now)
    assert member_codes.read_member_code(TEST_SECRET, code, now=now).member_id == 42
    with pytest.raises(member_codes.ExpiredMemberCode):
        member_codes.read_member_code(
            TEST_SECRET, code, now=now + timedelta(seconds=member_codes.CODE_SECONDS + 1)
        )
    for changed in _variants(code, string.ascii_uppercase + "234567"):
        with pytest.raises(member_codes.NotAMemberCode):
            member_codes.read_member_code(TEST_SECRET, changed, now=now)
