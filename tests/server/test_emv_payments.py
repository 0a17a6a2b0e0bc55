"""The `emv` provider: a store's EMVCo QR, the acquirer's signed notification, offline sales.

The acquirer is played by the test: it signs a notification with the shared
secret exactly as `shopguide.server.payments.emv_provider` documents it.
"""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import Session

from shopguide.core.emv import decode
from shopguide.core.store_qr import offline_bill_number
from shopguide.server.config import Settings
from shopguide.server.models import MerchantAccount
from shopguide.server.models.types import utcnow
from shopguide.server.payments.emv_provider import sign_notice
from tests.server.conftest import TEST_SECRET, ServerUnderTest
from tests.server.test_payments import place_order

ACQUIRER_SECRET = "acquirer-shared-secret-for-tests"
NOTIFY = "/api/v1/payments/notify/emv"


@pytest.fixture
def settings(migrated_url: str) -> Settings:
    return Settings(
        database_url=migrated_url,
        secret_key=TEST_SECRET,
        emv_acquirer_secret=ACQUIRER_SECRET,
    )


@pytest.fixture
def emv_server(server: ServerUnderTest) -> ServerUnderTest:
    """Store A has an account with the acquirer; store B has none."""
    with Session(server.app.state.engine) as session:
        session.add(
            MerchantAccount(
                store_id=server.world.store_a,
                provider="emv",
                network_id="com.example.acquirer",
                merchant_id="NANFENGSZ01000001",
                merchant_name="Nanfeng SZ01",
                merchant_city="Shenzhen",
            )
        )
        session.commit()
    return server


def emv_intent(server: ServerUnderTest, headers: dict[str, str], order_id: str) -> dict[str, Any]:
    response = server.client.post(
        "/api/v1/payments", json={"order_id": order_id, "provider": "emv"}, headers=headers
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def notify(
    server: ServerUnderTest,
    bill_number: str,
    *,
    transaction: str = "T0001",
    result: str = "paid",
    amount: str = "99.00",
    secret: str = ACQUIRER_SECRET,
) -> Any:
    body = json.dumps(
        {
            "bill_number": bill_number,
            "transaction_id": transaction,
            "result": result,
            "amount": amount,
            "currency": "CNY",
            "reason": "insufficient funds" if result == "declined" else "",
        }
    ).encode()
    return server.client.post(
        NOTIFY,
        content=body,
        headers={"X-Signature": sign_notice(secret, body), "Content-Type": "application/json"},
    )


def bill_of(intent: dict[str, Any]) -> str:
    bill = decode(intent["qr_content"]).additional
    assert bill is not None
    assert bill.bill_number is not None
    return bill.bill_number


def payment_rows(server: ServerUnderTest, order_id: str) -> list[tuple[Any, ...]]:
    with server.app.state.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT provider, status, needs_refund FROM payment WHERE order_id = :o ORDER BY id"
            ),
            {"o": order_id},
        ).all()
    return [tuple(r) for r in rows]


def notice_count(server: ServerUnderTest) -> int:
    with server.app.state.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM payment_notice")).scalar_one())


def test_the_qr_is_a_dynamic_emv_code_for_the_store_account_and_order_total(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("a.guide")
    intent = emv_intent(emv_server, headers, place_order(emv_server, headers, quantity=2))
    payload = decode(intent["qr_content"])
    assert payload.dynamic
    assert payload.amount == "198.00"
    assert payload.currency == "156"
    assert payload.merchant_name == "Nanfeng SZ01"
    [account] = payload.accounts
    assert account.guid == "com.example.acquirer"
    assert account.fields["01"] == "NANFENGSZ01000001"
    bill = bill_of(intent)
    assert bill.startswith(f"P{intent['id']}-")
    assert len(bill) <= 25


def test_a_store_without_an_acquirer_account_gets_a_reason_and_no_pending_intent(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("b.guide")
    order_id = place_order(emv_server, headers, store_id=emv_server.world.store_b)
    refused = emv_server.client.post(
        "/api/v1/payments", json={"order_id": order_id, "provider": "emv"}, headers=headers
    )
    assert refused.status_code == 502
    assert "no EMV merchant account" in refused.json()["detail"]
    assert payment_rows(emv_server, order_id) == [("emv", "failed", False)]


def test_the_acquirers_notification_pays_the_intent_once_however_often_it_repeats(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("a.guide")
    order_id = place_order(emv_server, headers)
    intent = emv_intent(emv_server, headers, order_id)
    for _ in range(8):
        answer = notify(emv_server, bill_of(intent))
        assert answer.status_code == 200, answer.text
        assert answer.text == "ok"
    status = emv_server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()
    assert status["status"] == "paid"
    assert payment_rows(emv_server, order_id) == [("emv", "paid", False)]
    assert notice_count(emv_server) == 1


@pytest.mark.parametrize(
    ("secret", "tamper"),
    [
        ("not-the-acquirer", lambda bill: bill),
        (ACQUIRER_SECRET, lambda bill: bill[:-1] + ("0" if bill[-1] != "0" else "1")),
        (ACQUIRER_SECRET, lambda bill: "P999999-" + bill.split("-")[1]),
    ],
    ids=["wrong signature", "forged bill number", "another payment's id"],
)
def test_a_forged_notification_is_refused_and_changes_nothing(
    emv_server: ServerUnderTest, secret: str, tamper: Any
) -> None:
    headers = emv_server.login("a.guide")
    order_id = place_order(emv_server, headers)
    intent = emv_intent(emv_server, headers, order_id)
    answer = notify(emv_server, tamper(bill_of(intent)), secret=secret)
    assert answer.status_code == 400
    assert answer.json()["detail"]
    assert payment_rows(emv_server, order_id) == [("emv", "pending", False)]
    assert notice_count(emv_server) == 0


def test_a_declined_notification_fails_the_intent_with_the_acquirers_reason(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("a.guide")
    intent = emv_intent(emv_server, headers, place_order(emv_server, headers))
    notify(emv_server, bill_of(intent), result="declined")
    status = emv_server.client.get(f"/api/v1/payments/{intent['id']}", headers=headers).json()
    assert (status["status"], status["failure_reason"]) == ("failed", "insufficient funds")


def test_money_arriving_after_a_cancel_or_for_the_wrong_amount_is_flagged_for_refund(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("a.guide")
    cancelled_order = place_order(emv_server, headers)
    cancelled = emv_intent(emv_server, headers, cancelled_order)
    emv_server.client.post(f"/api/v1/payments/{cancelled['id']}/cancel", headers=headers)
    notify(emv_server, bill_of(cancelled), transaction="T-late")
    assert payment_rows(emv_server, cancelled_order) == [("emv", "cancelled", True)]

    short_order = place_order(emv_server, headers)
    short = emv_intent(emv_server, headers, short_order)
    notify(emv_server, bill_of(short), transaction="T-short", amount="9.90")
    assert payment_rows(emv_server, short_order) == [("emv", "pending", True)]
    status = emv_server.client.get(f"/api/v1/payments/{short['id']}", headers=headers).json()
    assert "instead of" in status["failure_reason"]


def record_offline_emv(
    server: ServerUnderTest, headers: dict[str, str], order_id: str
) -> dict[str, Any]:
    response = server.client.post(
        "/api/v1/sync/push",
        headers=headers,
        json={
            "mutations": [
                {
                    "id": str(uuid.uuid4()),
                    "type": "payment.record",
                    "created_at": utcnow().isoformat(),
                    "payload": {
                        "order_id": order_id,
                        "method": "emv_offline",
                        "amount": 9900,
                        "currency": "CNY",
                        "confirmed_by_guide": True,
                    },
                }
            ]
        },
    )
    [result] = response.json()["results"]
    assert result["status"] == "applied", result
    answer: dict[str, Any] = result["result"]
    return answer


def test_an_offline_emv_sale_stays_unverified_until_the_acquirer_confirms_it(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("a.guide")
    order_id = place_order(emv_server, headers)
    recorded = record_offline_emv(emv_server, headers, order_id)
    assert recorded["status"] == "unverified"
    assert payment_rows(emv_server, order_id) == [("emv", "unverified", False)]
    assert notify(emv_server, offline_bill_number(order_id), transaction="T-off").status_code == 200
    assert payment_rows(emv_server, order_id) == [("emv", "paid", False)]


def test_a_notification_that_arrives_before_the_tablet_reconnects_waits_for_its_order(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("a.guide")
    order_id = str(uuid.uuid4())
    assert (
        notify(emv_server, offline_bill_number(order_id), transaction="T-early").status_code == 200
    )
    assert notice_count(emv_server) == 1
    place_order(emv_server, headers, order_id=order_id)
    recorded = record_offline_emv(emv_server, headers, order_id)
    assert recorded["status"] == "paid"
    assert payment_rows(emv_server, order_id) == [("emv", "paid", False)]


def test_the_sandbox_wallet_is_not_offered_unless_configured(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("a.guide")
    order_id = place_order(emv_server, headers)
    refused = emv_server.client.post(
        "/api/v1/payments", json={"order_id": order_id, "provider": "sandbox"}, headers=headers
    )
    assert refused.status_code == 422
    assert "offered: emv" in refused.json()["detail"]
    default = emv_server.client.post(
        "/api/v1/payments", json={"order_id": order_id}, headers=headers
    )
    assert default.json()["provider"] == "emv"


def test_tablets_receive_the_stores_merchant_accounts_with_the_config_scope(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("a.guide")
    answer = emv_server.client.post(
        "/api/v1/sync/pull", json={"scopes": {"config": None}, "limit": 1000}, headers=headers
    ).json()["scopes"]["config"]
    assert answer["upserts"]["merchant_account"]["rows"] == [
        [
            emv_server.world.store_a,
            "emv",
            "com.example.acquirer",
            "NANFENGSZ01000001",
            "Nanfeng SZ01",
            "Shenzhen",
            "5651",
            "CN",
            "CNY",
        ]
    ]


def test_the_same_notification_sent_eight_times_at_once_pays_once(
    emv_server: ServerUnderTest,
) -> None:
    headers = emv_server.login("a.guide")
    order_id = place_order(emv_server, headers)
    bill = bill_of(emv_intent(emv_server, headers, order_id))
    start = threading.Barrier(8)
    answers: list[int] = []

    def acquirer_retry() -> None:
        start.wait()
        answers.append(notify(emv_server, bill, transaction="T-burst").status_code)

    threads = [threading.Thread(target=acquirer_retry) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert answers == [200] * 8
    assert payment_rows(emv_server, order_id) == [("emv", "paid", False)]
    assert notice_count(emv_server) == 1
