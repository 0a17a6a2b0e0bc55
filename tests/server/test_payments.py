"""Payment intents and the sandbox wallet: one payment per order, decided by the provider."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import timedelta

from sqlalchemy import text

from shopguide.server.models.types import utcnow
from tests.server.conftest import ServerUnderTest


def place_order(
    server: ServerUnderTest,
    headers: dict[str, str],
    quantity: int = 1,
    member_id: int | None = None,
    *,
    order_id: str | None = None,
    store_id: int | None = None,
) -> str:
    """Push an order of T-shirts at 99.00, with the id a tablet gave it (new by default)."""
    order_id = order_id or str(uuid.uuid4())
    variant = server.world.variants["TS-0001-NAV-M"]
    body = {
        "mutations": [
            {
                "id": str(uuid.uuid4()),
                "type": "order.place",
                "created_at": utcnow().isoformat(),
                "payload": {
                    "order_id": order_id,
                    "store_id": store_id or server.world.store_a,
                    "member_id": member_id,
                    "currency": "CNY",
                    "lines": [
                        {
                            "variant_id": variant,
                            "quantity": quantity,
                            "unit_price": 9900,
                            "discount": 0,
                        }
                    ],
                    "subtotal": 9900 * quantity,
                    "discount": 0,
                    "total": 9900 * quantity,
                    "created_at": utcnow().isoformat(),
                },
            }
        ]
    }
    [result] = server.client.post("/api/v1/sync/push", json=body, headers=headers).json()["results"]
    assert result["status"] == "applied", result
    return order_id


def new_intent(server: ServerUnderTest, headers: dict[str, str], order_id: str) -> dict:
    response = server.client.post("/api/v1/payments", json={"order_id": order_id}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def wallet_path(intent: dict) -> str:
    return "/pay/" + intent["qr_content"].rsplit("/pay/", 1)[1]


def test_an_intent_carries_a_sandbox_wallet_address_and_the_order_total(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    intent = new_intent(server, headers, place_order(server, headers, quantity=2))
    assert intent["status"] == "pending"
    assert intent["amount"] == 19800
    assert intent["currency"] == "CNY"
    assert intent["qr_content"].startswith("http://testserver/pay/")


def test_the_wallet_shows_merchant_and_amount_and_pay_settles_the_order(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    order_id = place_order(server, headers)
    intent = new_intent(server, headers, order_id)
    page = server.client.get(wallet_path(intent))
    assert page.status_code == 200
    assert "Nanfeng COCO Park" in page.text
    assert "CNY 99.00" in page.text
    paid = server.client.post(wallet_path(intent) + "/pay")
    assert "Paid" in paid.text
    status = server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()
    assert status["status"] == "paid"
    with server.app.state.engine.connect() as conn:
        order_status = conn.execute(
            text("SELECT status FROM sales_order WHERE id = :o"), {"o": order_id}
        ).scalar_one()
    assert order_status == "paid"


def test_a_double_tap_and_a_second_tablet_get_the_same_intent(server: ServerUnderTest) -> None:
    guide = server.login("a.guide")
    manager = server.login("a.manager")
    order_id = place_order(server, guide)
    first = new_intent(server, guide, order_id)
    again = new_intent(server, guide, order_id)
    other_tablet = new_intent(server, manager, order_id)
    assert first["id"] == again["id"] == other_tablet["id"]
    server.client.post(wallet_path(first) + "/pay")
    server.client.post(wallet_path(first) + "/pay")
    refused = server.client.post("/api/v1/payments", json={"order_id": order_id}, headers=guide)
    assert refused.status_code == 409
    assert refused.json()["detail"] == "this order is already paid"
    with server.app.state.engine.connect() as conn:
        payments = conn.execute(
            text("SELECT status, needs_refund FROM payment WHERE order_id = :o"), {"o": order_id}
        ).all()
    assert [tuple(p) for p in payments] == [("paid", False)]


def test_decline_fails_the_intent_with_the_reason_and_a_new_one_can_follow(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    order_id = place_order(server, headers)
    intent = new_intent(server, headers, order_id)
    server.client.post(wallet_path(intent) + "/decline", data={"reason": "insufficient funds"})
    status = server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()
    assert status["status"] == "failed"
    assert status["failure_reason"] == "insufficient funds"
    assert new_intent(server, headers, order_id)["id"] != intent["id"]


def test_money_for_an_expired_or_cancelled_intent_is_kept_and_flagged_for_refund(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    expired = new_intent(server, headers, place_order(server, headers))
    with server.app.state.engine.begin() as conn:
        conn.execute(
            text("UPDATE payment SET expires_at = :t WHERE id = :p"),
            {"t": utcnow() - timedelta(seconds=1), "p": expired["id"]},
        )
    assert (
        server.client.get(f"/api/v1/payments/{expired['id']}", headers=headers).json()["status"]
        == "expired"
    )
    late = server.client.post(wallet_path(expired) + "/pay")
    assert late.status_code == 409
    assert "refunded" in late.text

    cancelled = new_intent(server, headers, place_order(server, headers))
    server.client.post(f"/api/v1/payments/{cancelled['id']}/cancel", headers=headers)
    server.client.post(wallet_path(cancelled) + "/pay")
    for intent, status in ((expired, "expired"), (cancelled, "cancelled")):
        now = server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()
        assert now["status"] == status
        assert now["needs_refund"] is True
        assert now["paid_at"] is not None


def test_a_forged_or_tampered_code_is_refused(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    intent = new_intent(server, headers, place_order(server, headers))
    path = wallet_path(intent)
    tampered = path[:-1] + ("0" if path[-1] != "0" else "1")
    assert server.client.get(tampered).status_code == 404
    assert server.client.post(tampered + "/pay").status_code == 404
    forged = f"/pay/{intent['id']}.9999999999.abc.def"
    assert "not issued here" in server.client.get(forged).text
    assert (
        server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()["status"]
        == "pending"
    )


def test_a_waiting_tablet_hears_of_the_payment_within_a_second(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    intent = new_intent(server, headers, place_order(server, headers))
    heard: dict[str, object] = {}

    def wait() -> None:
        started = time.monotonic()
        answer = server.client.get(
            f"/api/v1/payments/{intent['id']}",
            params={"wait": 10, "known": "pending"},
            headers=headers,
        )
        heard["status"] = answer.json()["status"]
        heard["after"] = time.monotonic() - started

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.5)
    paid_at = time.monotonic()
    server.client.post(wallet_path(intent) + "/pay")
    waiter.join(timeout=10)
    assert heard["status"] == "paid"
    assert isinstance(heard["after"], float)
    assert heard["after"] - 0.5 < 1.0, f"heard {time.monotonic() - paid_at:.2f}s after paying"


def test_only_a_manager_refunds_and_other_stores_see_nothing(server: ServerUnderTest) -> None:
    guide = server.login("a.guide")
    intent = new_intent(server, guide, place_order(server, guide))
    server.client.post(wallet_path(intent) + "/pay")
    assert (
        server.client.post(f"/api/v1/payments/{intent['id']}/refund", headers=guide).status_code
        == 403
    )
    other_store = server.login("b.guide")
    assert (
        server.client.get(f"/api/v1/payments/{intent['id']}", headers=other_store).status_code
        == 403
    )
    refunded = server.client.post(
        f"/api/v1/payments/{intent['id']}/refund", headers=server.login("a.manager")
    )
    assert refunded.status_code == 200
    assert refunded.json()["status"] == "refunded"


def test_an_intent_for_an_unknown_order_or_provider_is_refused(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    missing = server.client.post(
        "/api/v1/payments", json={"order_id": str(uuid.uuid4())}, headers=headers
    )
    assert missing.status_code == 404
    assert "push it first" in missing.json()["detail"]
    odd = server.client.post(
        "/api/v1/payments",
        headers=headers,
        json={"order_id": place_order(server, headers), "provider": "gold"},
    )
    assert odd.status_code == 422
    assert "not offered here" in odd.json()["detail"]


def test_a_payment_racing_a_cancel_ends_in_one_clear_state(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    outcomes = set()
    for _ in range(8):
        intent = new_intent(server, headers, place_order(server, headers))
        start = threading.Barrier(2)
        answers: dict[str, int] = {}

        def pay(
            intent: dict = intent,
            start: threading.Barrier = start,
            answers: dict[str, int] = answers,
        ) -> None:
            start.wait()
            answers["pay"] = server.client.post(wallet_path(intent) + "/pay").status_code

        def cancel(
            intent: dict = intent,
            start: threading.Barrier = start,
            answers: dict[str, int] = answers,
        ) -> None:
            start.wait()
            answers["cancel"] = server.client.post(
                f"/api/v1/payments/{intent['id']}/cancel", headers=headers
            ).status_code

        threads = [threading.Thread(target=pay), threading.Thread(target=cancel)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=20)
        final = server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()
        if final["status"] == "paid":
            assert answers == {"pay": 200, "cancel": 409}
            assert final["needs_refund"] is False
        else:
            assert final["status"] == "cancelled"
            assert answers == {"pay": 409, "cancel": 200}
            assert final["needs_refund"] is True, "the customer's money is kept for a refund"
        outcomes.add(final["status"])
        with server.app.state.engine.connect() as conn:
            count = conn.execute(
                text("SELECT COUNT(*) FROM payment WHERE order_id = :o"), {"o": final["order_id"]}
            ).scalar_one()
        assert count == 1
    assert outcomes <= {"paid", "cancelled"}


def member_points(server: ServerUnderTest, member_id: int) -> int:
    with server.app.state.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT points FROM member WHERE id = :m"), {"m": member_id}
            ).scalar_one()
        )


def test_a_members_order_earns_points_when_paid_once_and_a_refund_takes_them_back(
    server: ServerUnderTest,
) -> None:
    guide = server.login("a.guide")
    wang = server.world.member_wang
    before = member_points(server, wang)
    intent = new_intent(server, guide, place_order(server, guide, quantity=2, member_id=wang))
    assert member_points(server, wang) == before, "nothing is earned before the money arrives"
    server.client.post(wallet_path(intent) + "/pay")
    server.client.post(wallet_path(intent) + "/pay")
    gold_rate_points = 198 * 15 // 10  # 198.00 at gold's 1.5 points per yuan
    assert member_points(server, wang) == before + gold_rate_points
    server.client.post(f"/api/v1/payments/{intent['id']}/refund", headers=server.login("a.manager"))
    assert member_points(server, wang) == before
