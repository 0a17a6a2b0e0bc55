"""The Orders screen's reads and the customer's receipt.

A store's staff list their store's orders newest first, each with the payment
that tells its state; an order reads in full with its lines and every
payment. A paid order has a receipt address the customer scans and keeps;
the page it opens says "Paid" only for money the server knows arrived.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import event, text

from shopguide.server.models.types import utcnow
from shopguide.server.receipts import make_receipt_token
from tests.server.conftest import TEST_SECRET, ServerUnderTest


def push(server: ServerUnderTest, headers: dict[str, str], type_: str, payload: dict) -> dict:
    body = {
        "mutations": [
            {
                "id": str(uuid.uuid4()),
                "type": type_,
                "created_at": utcnow().isoformat(),
                "payload": payload,
            }
        ]
    }
    [result] = server.client.post("/api/v1/sync/push", json=body, headers=headers).json()["results"]
    assert result["status"] == "applied", result
    return result


def sell(
    server: ServerUnderTest,
    headers: dict[str, str],
    lines: tuple[tuple[str, int], ...] = (("TS-0001-NAV-M", 1),),
    store: str = "a",
) -> str:
    """Push an order for (sku, quantity) lines at list price; returns its id."""
    prices = {"TS": 9900, "RS": 59900}
    wire = [
        {
            "variant_id": server.world.variants[sku],
            "quantity": quantity,
            "unit_price": prices[sku[:2]],
            "discount": 0,
        }
        for sku, quantity in lines
    ]
    total = sum(line["quantity"] * line["unit_price"] for line in wire)
    order_id = str(uuid.uuid4())
    push(
        server,
        headers,
        "order.place",
        {
            "order_id": order_id,
            "store_id": server.world.store_a if store == "a" else server.world.store_b,
            "currency": "CNY",
            "lines": wire,
            "subtotal": total,
            "discount": 0,
            "total": total,
            "created_at": utcnow().isoformat(),
        },
    )
    return order_id


def intent(server: ServerUnderTest, headers: dict[str, str], order_id: str) -> dict[str, Any]:
    response = server.client.post("/api/v1/payments", json={"order_id": order_id}, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def wallet(payment: dict[str, Any], action: str) -> str:
    return "/pay/" + payment["qr_content"].rsplit("/pay/", 1)[1] + "/" + action


def pay_in_wallet(server: ServerUnderTest, headers: dict[str, str], order_id: str) -> None:
    server.client.post(wallet(intent(server, headers, order_id), "pay"))


def record_offline(
    server: ServerUnderTest, headers: dict[str, str], order_id: str, method: str, total: int
) -> None:
    push(
        server,
        headers,
        "payment.record",
        {
            "order_id": order_id,
            "method": method,
            "amount": total,
            "currency": "CNY",
            "confirmed_by_guide": True,
        },
    )


def listing(server: ServerUnderTest, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = server.client.get("/api/v1/orders", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# ----------------------------------------------------------------------------- listing


def test_orders_are_listed_newest_first_each_with_the_payment_that_tells_its_state(
    server: ServerUnderTest,
) -> None:
    guide = server.login("a.guide")
    paid = sell(server, guide, (("TS-0001-NAV-M", 2), ("RS-0001-BLA-41", 1)))
    pay_in_wallet(server, guide, paid)
    declined = sell(server, guide)
    server.client.post(
        wallet(intent(server, guide, declined), "decline"), data={"reason": "card blocked"}
    )
    expired = sell(server, guide)
    lapsing = intent(server, guide, expired)
    with server.app.state.engine.begin() as conn:
        conn.execute(
            text("UPDATE payment SET expires_at = :t WHERE id = :p"),
            {"t": utcnow() - timedelta(seconds=1), "p": lapsing["id"]},
        )
    unpaid = sell(server, guide)

    orders = listing(server, guide)["items"]

    assert [o["id"] for o in orders] == [unpaid, expired, declined, paid]
    first_sale = orders[3]
    assert first_sale["items"] == 3
    assert first_sale["total"] == 2 * 9900 + 59900
    assert first_sale["currency"] == "CNY"
    assert first_sale["guide_name"] == "a.guide"
    assert first_sale["status"] == "paid"
    assert first_sale["payment"]["status"] == "paid"
    assert first_sale["payment"]["provider"] == "sandbox"
    assert first_sale["payment"]["paid_at"] is not None
    assert orders[2]["payment"]["status"] == "failed"
    assert orders[2]["payment"]["failure_reason"] == "card blocked"
    assert orders[1]["payment"]["status"] == "expired", "a lapsed code reads as expired"
    assert orders[0]["payment"] is None
    assert all(o["refund_reason"] is None for o in orders)


def test_money_that_must_go_back_is_named_on_the_order(server: ServerUnderTest) -> None:
    guide = server.login("a.guide")
    order_id = sell(server, guide)
    cancelled = intent(server, guide, order_id)
    server.client.post(f"/api/v1/payments/{cancelled['id']}/cancel", headers=guide)
    server.client.post(wallet(cancelled, "pay"))

    [order] = listing(server, guide)["items"]

    assert order["payment"]["status"] == "cancelled"
    assert order["payment"]["needs_refund"] is True
    assert "refund it" in order["refund_reason"]


def test_offline_payments_are_listed_as_recorded_or_unverified(server: ServerUnderTest) -> None:
    guide = server.login("a.guide")
    cash = sell(server, guide)
    record_offline(server, guide, cash, "cash", 9900)
    store_qr = sell(server, guide)
    record_offline(server, guide, store_qr, "emv_offline", 9900)

    by_id = {o["id"]: o for o in listing(server, guide)["items"]}

    assert (by_id[cash]["payment"]["provider"], by_id[cash]["payment"]["status"]) == (
        "cash",
        "recorded_offline",
    )
    assert by_id[store_qr]["payment"]["status"] == "unverified"
    assert by_id[store_qr]["status"] != "paid"


def test_staff_see_only_their_own_store_and_an_admin_any(server: ServerUnderTest) -> None:
    a_guide, b_guide, admin = (server.login(u) for u in ("a.guide", "b.guide", "admin"))
    a_order = sell(server, a_guide)
    b_order = sell(server, b_guide, store="b")

    assert [o["id"] for o in listing(server, a_guide)["items"]] == [a_order]
    assert [o["id"] for o in listing(server, b_guide)["items"]] == [b_order]
    other = server.client.get(
        "/api/v1/orders", params={"store_id": server.world.store_a}, headers=b_guide
    )
    assert other.status_code == 403
    assert server.client.get(f"/api/v1/orders/{a_order}", headers=b_guide).status_code == 403
    assert (
        server.client.get(f"/api/v1/orders/{a_order}/receipt", headers=b_guide).status_code == 403
    )
    assert [o["id"] for o in listing(server, admin, store_id=server.world.store_a)["items"]] == [
        a_order
    ]
    assert {o["id"] for o in listing(server, admin)["items"]} == {a_order, b_order}
    unknown = server.client.get(f"/api/v1/orders/{uuid.uuid4()}", headers=a_guide)
    assert unknown.status_code == 404


def test_pages_follow_one_another_without_gaps_or_repeats(server: ServerUnderTest) -> None:
    guide = server.login("a.guide")
    sold = [sell(server, guide) for _ in range(5)]

    seen: list[str] = []
    before: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if before:
            params["before"] = before
        page = listing(server, guide, **params)
        seen += [o["id"] for o in page["items"]]
        pages += 1
        before = page["next_before"]
        if before is None:
            break

    assert seen == list(reversed(sold))
    assert pages == 3
    too_many = server.client.get("/api/v1/orders", params={"limit": 101}, headers=guide)
    assert too_many.status_code == 422


def test_a_page_costs_the_same_few_queries_however_many_orders_it_holds(
    server: ServerUnderTest,
) -> None:
    guide = server.login("a.guide")
    engine = server.app.state.engine
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    def queries_for_listing() -> int:
        statements.clear()
        event.listen(engine, "before_cursor_execute", count)
        try:
            listing(server, guide)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(statements)

    for _ in range(2):
        pay_in_wallet(server, guide, sell(server, guide))
    few = queries_for_listing()
    for _ in range(8):
        pay_in_wallet(
            server, guide, sell(server, guide, (("TS-0001-NAV-M", 1), ("TS-0001-NAV-L", 2)))
        )
    many = queries_for_listing()

    assert len(listing(server, guide)["items"]) == 10
    assert many == few


def test_an_order_in_full_has_its_lines_and_every_payment(server: ServerUnderTest) -> None:
    guide = server.login("a.guide")
    order_id = sell(server, guide, (("RS-0001-BLA-41", 1), ("TS-0001-NAV-M", 2)))
    first = intent(server, guide, order_id)
    server.client.post(wallet(first, "decline"), data={"reason": "insufficient funds"})
    pay_in_wallet(server, guide, order_id)

    order = server.client.get(f"/api/v1/orders/{order_id}", headers=guide).json()

    assert [
        (line["sku"], line["label"], line["quantity"], line["net"]) for line in order["lines"]
    ] == [
        ("RS-0001-BLA-41", "Breeze Trail Runner Black 41", 1, 59900),
        ("TS-0001-NAV-M", "Harbour Cotton Tee Navy M", 2, 19800),
    ]
    assert [(p["status"], p["failure_reason"]) for p in order["payments"]] == [
        ("failed", "insufficient funds"),
        ("paid", None),
    ]
    assert order["payment"]["status"] == "paid"


# ----------------------------------------------------------------------------- receipts


def receipt_address(server: ServerUnderTest, headers: dict[str, str], order_id: str) -> Any:
    return server.client.get(f"/api/v1/orders/{order_id}/receipt", headers=headers)


def page_path(url: str) -> str:
    return "/receipt/" + url.rsplit("/receipt/", 1)[1]


def test_a_receipt_address_is_given_only_once_the_order_is_paid(server: ServerUnderTest) -> None:
    guide = server.login("a.guide")
    order_id = sell(server, guide, (("RS-0001-BLA-41", 1), ("TS-0001-NAV-M", 2)))
    unpaid = receipt_address(server, guide, order_id)
    assert unpaid.status_code == 409
    assert unpaid.json()["detail"] == "this order is not paid yet"

    pay_in_wallet(server, guide, order_id)
    answer = receipt_address(server, guide, order_id)

    assert answer.status_code == 200
    url = answer.json()["url"]
    assert url.startswith("http://testserver/receipt/")
    page = server.client.get(page_path(url))
    assert page.status_code == 200
    assert "Nanfeng · Nanfeng COCO Park" in page.text
    assert "Breeze Trail Runner Black 41" in page.text
    assert "Harbour Cotton Tee Navy M" in page.text
    assert "× 2" in page.text
    assert "CNY 797.00" in page.text
    assert "Wallet" in page.text
    assert '<p class="status settled" id="status">Paid</p>' in page.text


def test_cash_recorded_by_the_guide_gets_a_receipt_and_an_unconfirmed_store_qr_does_not(
    server: ServerUnderTest,
) -> None:
    guide = server.login("a.guide")
    cash = sell(server, guide)
    record_offline(server, guide, cash, "cash", 9900)
    store_qr = sell(server, guide)
    record_offline(server, guide, store_qr, "emv_offline", 9900)

    cash_page = server.client.get(page_path(receipt_address(server, guide, cash).json()["url"]))
    unverified = receipt_address(server, guide, store_qr)

    assert "Cash" in cash_page.text
    assert ">Paid<" in cash_page.text
    assert unverified.status_code == 409
    assert "not confirmed" in unverified.json()["detail"]


def test_the_receipt_page_never_says_paid_before_the_money_is_known_to_have_arrived(
    server: ServerUnderTest,
) -> None:
    guide = server.login("a.guide")
    pending = sell(server, guide)
    intent(server, guide, pending)
    store_qr = sell(server, guide)
    record_offline(server, guide, store_qr, "emv_offline", 9900)

    for order_id, said in (
        (pending, "Payment not received"),
        (store_qr, "Payment waiting for the bank&#x27;s confirmation"),
    ):
        page = server.client.get(f"/receipt/{make_receipt_token(TEST_SECRET, order_id)}")
        assert page.status_code == 200
        assert "Harbour Cotton Tee Navy M" in page.text
        assert "Paid" not in page.text
        assert said in page.text


def test_a_tampered_forged_or_unknown_receipt_is_not_found(server: ServerUnderTest) -> None:
    guide = server.login("a.guide")
    order_id = sell(server, guide)
    pay_in_wallet(server, guide, order_id)
    path = page_path(receipt_address(server, guide, order_id).json()["url"])
    tampered = path[:-1] + ("0" if path[-1] != "0" else "1")
    other_order = path.replace(path[9:13], "ffff")
    forged = make_receipt_token("another-server-secret-" + "y" * 30, order_id)
    never_sold = make_receipt_token(TEST_SECRET, str(uuid.uuid4()))

    assert server.client.get(path).status_code == 200
    for bad in (
        tampered,
        other_order,
        f"/receipt/{forged}",
        f"/receipt/{never_sold}",
        "/receipt/x",
    ):
        page = server.client.get(bad)
        assert page.status_code == 404, bad
        assert "Paid" not in page.text


def test_names_on_the_receipt_are_html_escaped(server: ServerUnderTest) -> None:
    with server.app.state.engine.begin() as conn:
        conn.execute(
            text("UPDATE store SET name = :n WHERE id = :s"),
            {"n": "<script>alert(1)</script> & Co", "s": server.world.store_a},
        )
        conn.execute(
            text("UPDATE style SET name = :n WHERE id = :s"),
            {"n": '<img src=x onerror="alert(2)">Tee', "s": server.world.tee},
        )
    guide = server.login("a.guide")
    order_id = sell(server, guide)
    pay_in_wallet(server, guide, order_id)

    page = server.client.get(page_path(receipt_address(server, guide, order_id).json()["url"]))

    assert "<script>" not in page.text
    assert "<img" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page.text
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;Tee Navy M" in page.text
