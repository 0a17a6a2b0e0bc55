"""The `alipay` provider end to end: a real server on loopback and a fake Alipay gateway.

The gateway (tests/support/fake_alipay.py) checks every request's RSA2
signature as Alipay does, signs its answers and posts signed notifications
to the server over HTTP; the tablet's side is the server's own API. Two
published Alipay signatures (a notification and an answer, from Alipay's
Node SDK tests) check the verification rules against Alipay itself.
"""

from __future__ import annotations

import base64
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
import requests
from pydantic import ValidationError
from sqlalchemy import Engine, text

from shopguide.server.config import Settings
from shopguide.server.db import make_engine
from shopguide.server.embedded import EmbeddedServer, free_port
from shopguide.server.models import Payment
from shopguide.server.models.types import utcnow
from shopguide.server.payments.alipay import (
    NOTICE_UNSIGNED,
    AlipayProvider,
    response_node,
    rsa2_sign,
    rsa2_verify,
    sign_content,
)
from shopguide.server.payments.keys import load_private_key, load_public_key
from shopguide.server.payments.providers import BadNotice, ProviderError
from shopguide.server.payments.references import (
    BadReference,
    make_trade_number,
    read_trade_number,
)
from tests.server.conftest import PASSWORD, TEST_SECRET, World, build_world, wipe
from tests.support.fake_alipay import (
    BuyerRefused,
    FakeAlipay,
    private_pem,
    public_base64,
    public_pem,
    rsa_key,
    signed_notification,
)

APP_ID = "2021000117600001"
QR = re.compile(r"https://qr\.alipay\.com/bax[0-9a-f]+")


# -- a server with Alipay configured, and its gateway --------------------------------------


@dataclass
class Shop:
    """The server under test, its database, its seeded world and the Alipay gateway."""

    url: str
    engine: Engine
    world: World
    gateway: FakeAlipay

    @property
    def notify_url(self) -> str:
        return f"{self.url}/api/v1/payments/notify/alipay"

    def login(self, username: str) -> dict[str, str]:
        answer = requests.post(
            f"{self.url}/api/v1/auth/login",
            json={"username": username, "password": PASSWORD},
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}

    def place_order(self, headers: dict[str, str]) -> str:
        order_id = str(uuid.uuid4())
        now = utcnow().isoformat()
        mutation = {
            "id": str(uuid.uuid4()),
            "type": "order.place",
            "created_at": now,
            "payload": {
                "order_id": order_id,
                "store_id": self.world.store_a,
                "currency": "CNY",
                "lines": [
                    {
                        "variant_id": self.world.variants["TS-0001-NAV-M"],
                        "quantity": 1,
                        "unit_price": 9900,
                        "discount": 0,
                    }
                ],
                "subtotal": 9900,
                "discount": 0,
                "total": 9900,
                "created_at": now,
            },
        }
        answer = requests.post(
            f"{self.url}/api/v1/sync/push",
            json={"mutations": [mutation]},
            headers=headers,
            timeout=10,
        )
        [result] = answer.json()["results"]
        assert result["status"] == "applied", result
        return order_id

    def create_intent(self, headers: dict[str, str], order_id: str) -> requests.Response:
        return requests.post(
            f"{self.url}/api/v1/payments",
            json={"order_id": order_id, "provider": "alipay"},
            headers=headers,
            timeout=30,
        )

    def new_intent(self, headers: dict[str, str]) -> dict[str, object]:
        answer = self.create_intent(headers, self.place_order(headers))
        assert answer.status_code == 201, answer.text
        intent: dict[str, object] = answer.json()
        return intent

    def payment(self, payment_id: object, headers: dict[str, str], **params: object) -> dict:
        answer = requests.get(
            f"{self.url}/api/v1/payments/{payment_id}", params=params, headers=headers, timeout=40
        )
        assert answer.status_code == 200, answer.text
        status: dict = answer.json()
        return status

    def scalar(self, sql: str, **params: object) -> object:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar_one()

    def notices(self) -> list[tuple[object, ...]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT payment_id, provider_ref, outcome, amount FROM payment_notice")
            )
            return [tuple(row) for row in rows]


@pytest.fixture(scope="module")
def gateway() -> Iterator[FakeAlipay]:
    fake = FakeAlipay(
        app_id=APP_ID, app_key=rsa_key("app").public_key(), gateway_key=rsa_key("gateway")
    ).start()
    yield fake
    fake.stop()


def alipay_settings(url: str, gateway_url: str, notify_url: str) -> Settings:
    return Settings(
        database_url=url,
        secret_key=TEST_SECRET,
        alipay_app_id=APP_ID,
        alipay_private_key=private_pem(rsa_key("app")),
        alipay_public_key=public_pem(rsa_key("gateway")),
        alipay_gateway_url=gateway_url,
        alipay_notify_url=notify_url,
        payment_provider="alipay",
    )


@pytest.fixture(scope="module")
def alipay_server(migrated_url: str, gateway: FakeAlipay) -> Iterator[EmbeddedServer]:
    port = free_port()
    notify = f"http://127.0.0.1:{port}/api/v1/payments/notify/alipay"
    server = EmbeddedServer(alipay_settings(migrated_url, gateway.url, notify), port=port)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def shop(alipay_server: EmbeddedServer, gateway: FakeAlipay) -> Iterator[Shop]:
    engine = make_engine(alipay_server.settings.database_url)
    wipe(engine)
    world = build_world(engine)
    gateway.reset()
    yield Shop(alipay_server.url, engine, world, gateway)
    engine.dispose()


# -- end to end ----------------------------------------------------------------------------


def test_precreate_gives_the_tablet_alipays_qr_for_a_signed_request(shop: Shop) -> None:
    guide = shop.login("a.guide")
    intent = shop.new_intent(guide)
    assert intent["status"] == "pending"
    assert QR.fullmatch(str(intent["qr_content"]))
    assert shop.payment(intent["id"], guide)["qr_content"] == intent["qr_content"]

    [call] = shop.gateway.calls_to("alipay.trade.precreate")
    assert call.answer["code"] == "10000", call.answer  # the gateway checked the signature
    assert call.params["notify_url"] == shop.notify_url
    assert (call.params["sign_type"], call.params["charset"], call.params["version"]) == (
        "RSA2",
        "utf-8",
        "1.0",
    )
    assert call.biz["total_amount"] == "99.00"
    assert call.biz["timeout_express"] == call.biz["qr_code_timeout_express"] == "5m"
    assert "Nanfeng COCO Park" in call.biz["subject"]
    number = call.biz["out_trade_no"]
    assert re.fullmatch(r"SG\d+_[0-9a-f]+_[0-9a-f]{16}", number)
    assert read_trade_number(TEST_SECRET, number) == intent["id"]
    assert shop.gateway.trade(number).qr_code == intent["qr_content"]


def test_paying_at_alipay_settles_the_payment_and_the_waiting_tablet_hears_of_it(
    shop: Shop,
) -> None:
    guide = shop.login("a.guide")
    intent = shop.new_intent(guide)
    heard: dict[str, object] = {}

    def wait() -> None:
        heard["status"] = shop.payment(intent["id"], guide, wait=10, known="pending")["status"]
        heard["at"] = time.monotonic()

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.5)
    trade = shop.gateway.pay(str(intent["qr_content"]))
    paid_at = time.monotonic()
    waiter.join(timeout=15)

    assert trade.deliveries == [(200, "success")]
    assert heard["status"] == "paid"
    assert isinstance(heard["at"], float)
    assert heard["at"] - paid_at < 1.5
    assert shop.notices() == [(intent["id"], trade.trade_no, "paid", 9900)]
    assert shop.scalar("SELECT status FROM sales_order WHERE id = :o", o=intent["order_id"]) == (
        "paid"
    )


def forgeries(shop: Shop, number: str) -> dict[str, dict[str, str]]:
    """Notifications claiming trade `number` was paid, none of them Alipay's."""
    genuine = shop.gateway.notification(number, trade_status="TRADE_SUCCESS", trade_no="2026X1")
    stranger = signed_notification(dict(genuine), rsa_key("stranger"))
    garbled = {**genuine, "sign": base64.b64encode(b"\x01" * 256).decode()}
    tampered = {**genuine, "total_amount": "0.01"}
    unsigned = {k: v for k, v in genuine.items() if k != "sign"}
    other_app = shop.gateway.notification(
        number, trade_status="TRADE_SUCCESS", trade_no="2026X1", app_id="2021000999999999"
    )
    not_ours = shop.gateway.notification(
        number,
        trade_status="TRADE_SUCCESS",
        trade_no="2026X1",
        out_trade_no=number[:-16] + "0" * 16,
    )
    return {
        "signed by another key": stranger,
        "a garbled signature": garbled,
        "the amount changed after signing": tampered,
        "no signature": unsigned,
        "for another app": other_app,
        "a trade number not issued here": not_ours,
        "sign_type RSA": {**genuine, "sign_type": "RSA"},
    }


def test_a_forged_notification_is_refused_and_changes_nothing(shop: Shop) -> None:
    guide = shop.login("a.guide")
    intent = shop.new_intent(guide)
    number = shop.gateway.scan(str(intent["qr_content"])).out_trade_no
    for name, forged in forgeries(shop, number).items():
        answer = shop.gateway.deliver(forged, url=shop.notify_url)
        assert answer.status_code == 400, (name, answer.text)
        assert answer.text != "success", name
    assert shop.payment(intent["id"], guide)["status"] == "pending"
    assert shop.notices() == []
    assert shop.scalar("SELECT status FROM sales_order WHERE id = :o", o=intent["order_id"]) != (
        "paid"
    )
    unreadable = requests.post(shop.notify_url, data=b"\xff\xfe&&=", timeout=10)
    assert unreadable.status_code == 400


def test_the_same_notification_eight_times_pays_once(shop: Shop) -> None:
    guide = shop.login("a.guide")
    intent = shop.new_intent(guide)
    trade = shop.gateway.pay(str(intent["qr_content"]), notify=False)
    notification = shop.gateway.notification(trade.out_trade_no)
    for _ in range(8):
        shop.gateway.deliver(notification)
    assert trade.deliveries == [(200, "success")] * 8
    assert shop.payment(intent["id"], guide)["status"] == "paid"
    assert shop.notices() == [(intent["id"], trade.trade_no, "paid", 9900)]
    assert shop.scalar("SELECT COUNT(*) FROM payment WHERE status = 'paid'") == 1


def test_a_notification_that_settles_nothing_is_acknowledged(shop: Shop) -> None:
    guide = shop.login("a.guide")
    intent = shop.new_intent(guide)
    trade = shop.gateway.scan(str(intent["qr_content"]))
    answer = shop.gateway.deliver(shop.gateway.notification(trade.out_trade_no, trade_no="2026W1"))
    assert (answer.status_code, answer.text) == (200, "success")  # or Alipay sends it again
    assert shop.payment(intent["id"], guide)["status"] == "pending"
    assert shop.notices() == []


def test_money_after_the_guide_cancelled_is_kept_and_flagged_for_refund(shop: Shop) -> None:
    guide = shop.login("a.guide")
    intent = shop.new_intent(guide)
    cancelled = requests.post(
        f"{shop.url}/api/v1/payments/{intent['id']}/cancel", headers=guide, timeout=10
    )
    assert cancelled.json()["status"] == "cancelled"
    [cancel] = shop.gateway.calls_to("alipay.trade.cancel")
    assert cancel.answer["sub_code"] == "ACQ.TRADE_NOT_EXIST"  # nobody had scanned: still payable

    trade = shop.gateway.pay(str(intent["qr_content"]))
    assert trade.deliveries == [(200, "success")]
    now = shop.payment(intent["id"], guide)
    assert now["status"] == "cancelled"
    assert now["needs_refund"] is True
    assert now["paid_at"] is not None
    assert shop.notices() == [(intent["id"], trade.trade_no, "paid", 9900)]


def test_cancelling_a_scanned_code_closes_the_trade_at_alipay(shop: Shop) -> None:
    guide = shop.login("a.guide")
    intent = shop.new_intent(guide)
    shop.gateway.scan(str(intent["qr_content"]))
    requests.post(f"{shop.url}/api/v1/payments/{intent['id']}/cancel", headers=guide, timeout=10)
    [cancel] = shop.gateway.calls_to("alipay.trade.cancel")
    assert cancel.answer["action"] == "close"
    with pytest.raises(BuyerRefused):
        shop.gateway.pay(str(intent["qr_content"]))


def test_a_lost_notification_is_found_by_the_tablets_long_poll(shop: Shop) -> None:
    guide = shop.login("a.guide")
    intent = shop.new_intent(guide)
    trade = shop.gateway.pay(str(intent["qr_content"]), notify=False)
    started = time.monotonic()
    status = shop.payment(intent["id"], guide, wait=10, known="pending")
    assert status["status"] == "paid"
    assert time.monotonic() - started < 2
    assert shop.gateway.calls_to("alipay.trade.query")
    assert shop.notices() == [(intent["id"], trade.trade_no, "paid", 9900)]

    late = shop.gateway.deliver(shop.gateway.notification(trade.out_trade_no))
    assert (late.status_code, late.text) == (200, "success")
    assert shop.notices() == [(intent["id"], trade.trade_no, "paid", 9900)]
    assert shop.payment(intent["id"], guide)["needs_refund"] is False


def test_a_pending_payment_asks_alipay_at_most_every_few_seconds(shop: Shop) -> None:
    guide = shop.login("a.guide")
    intent = shop.new_intent(guide)
    for _ in range(5):
        assert shop.payment(intent["id"], guide)["status"] == "pending"
    assert len(shop.gateway.calls_to("alipay.trade.query")) == 1


def test_a_manager_refund_reaches_alipay_once_even_if_repeated(shop: Shop) -> None:
    guide, manager = shop.login("a.guide"), shop.login("a.manager")
    intent = shop.new_intent(guide)
    trade = shop.gateway.pay(str(intent["qr_content"]))
    refund_url = f"{shop.url}/api/v1/payments/{intent['id']}/refund"
    assert requests.post(refund_url, headers=guide, timeout=10).status_code == 403
    assert shop.gateway.calls_to("alipay.trade.refund") == []

    first = requests.post(refund_url, headers=manager, timeout=30)
    again = requests.post(refund_url, headers=manager, timeout=30)
    assert first.json()["status"] == "refunded"
    assert again.status_code == 409
    [call] = shop.gateway.calls_to("alipay.trade.refund")
    assert call.biz["refund_amount"] == "99.00"
    assert call.biz["out_request_no"].startswith(trade.out_trade_no)
    assert trade.refunds == {call.biz["out_request_no"]: "99.00"}


def test_a_refund_retried_after_its_answer_was_lost_refunds_once(shop: Shop) -> None:
    guide, manager = shop.login("a.guide"), shop.login("a.manager")
    intent = shop.new_intent(guide)
    trade = shop.gateway.pay(str(intent["qr_content"]))
    refund_url = f"{shop.url}/api/v1/payments/{intent['id']}/refund"
    shop.gateway.lose_answer.add("alipay.trade.refund")
    lost = requests.post(refund_url, headers=manager, timeout=30)
    assert lost.status_code == 502  # Alipay refunded, but nobody here knows yet
    assert shop.payment(intent["id"], guide)["status"] == "paid"

    retried = requests.post(refund_url, headers=manager, timeout=30)
    assert retried.json()["status"] == "refunded"
    first, second = shop.gateway.calls_to("alipay.trade.refund")
    assert first.biz["out_request_no"] == second.biz["out_request_no"]
    assert second.answer["fund_change"] == "N"
    assert trade.refunded == 99


def test_two_managers_refunding_at_once_refund_the_buyer_once(shop: Shop) -> None:
    guide, manager = shop.login("a.guide"), shop.login("a.manager")
    intent = shop.new_intent(guide)
    trade = shop.gateway.pay(str(intent["qr_content"]))
    start = threading.Barrier(2)
    answers: list[int] = []

    def refund() -> None:
        start.wait()
        answers.append(
            requests.post(
                f"{shop.url}/api/v1/payments/{intent['id']}/refund", headers=manager, timeout=30
            ).status_code
        )

    threads = [threading.Thread(target=refund) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert 200 in answers
    assert set(answers) <= {200, 409}
    assert trade.refunded == 99  # however many calls reached Alipay, one out_request_no
    assert shop.payment(intent["id"], guide)["status"] == "refunded"


@pytest.mark.parametrize(
    ("trouble", "reason"),
    [
        ("down", "Alipay could not be reached"),
        ("http 502", "HTTP 502"),
        ("answer signed by another key", "not signed with Alipay's key"),
        ("refused", "商户状态异常"),
    ],
)
def test_gateway_trouble_fails_the_intent_with_a_reason(
    shop: Shop, trouble: str, reason: str
) -> None:
    guide = shop.login("a.guide")
    order_id = shop.place_order(guide)
    if trouble == "down":
        shop.gateway.stop()
    elif trouble == "http 502":
        shop.gateway.http_status = 502
    elif trouble == "answer signed by another key":
        shop.gateway.answer_key = rsa_key("stranger")
    else:
        shop.gateway.refuse["alipay.trade.precreate"] = (
            "40004",
            "Business Failed",
            "ACQ.SELLER_BEEN_BLOCKED",
            "商户状态异常",
        )
    try:
        answer = shop.create_intent(guide, order_id)
    finally:
        if trouble == "down":
            shop.gateway.start()
    assert answer.status_code == 502
    assert reason in answer.json()["detail"]
    status, failure = (
        shop.scalar("SELECT status FROM payment WHERE order_id = :o", o=order_id),
        shop.scalar("SELECT failure_reason FROM payment WHERE order_id = :o", o=order_id),
    )
    assert status == "failed"
    assert reason in str(failure)
    shop.gateway.reset()
    assert shop.create_intent(guide, order_id).status_code == 201  # a new intent can follow


# -- the rules, against Alipay's own signatures --------------------------------------------

# A notification Alipay really sent and signed, with the Alipay public key that checks it,
# from alipay/alipay-sdk-nodejs-all test/alipay.test.ts ("verify sign should delete sign_type").
ALIPAY_NOTIFY_KEY = (
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqObrdC7hrgAVM98tK0nv3hSQRGGKT4lBsQjHiGjeYZjOPIPH"
    "R5knm2jnnz/YGIXIofVHkA/tAlBAd5DrY7YpvI4tP5EONLtZKC2ghBMx7McI2wRD0xiqzxOQr1FuhZGJ8/AUokBzJrzY"
    "+aGX2xcOrxFYRlFilvVLTXg4LWjR1tdPkO6+i7wQZAIVMClPkwVRZEbaERRHlKqTzv2gGv5rDU8gRoe1LeaN+6BlbTqH"
    "WkQcNCUNrA8C6l17XAXGKDsm/9TFWwO8EPHHHCaQdjtV5/FdcWIt+L8SR1ss7EXTjYDFtxcKVv9rEoY1lX8T4mX+GbXf"
    "ZHraG5NCF1+XioL5JwIDAQAB"
)
ALIPAY_NOTIFICATION = {
    "gmt_create": "2019-08-15 15:56:22",
    "charset": "utf-8",
    "seller_email": "z97-yuquerevenue@service.aliyun.com",
    "subject": "语雀空间 500人规模",
    "sign": "QfTb8tqE1BMhS5qAnXtvsF3/jBkEvu9q9en0pdbBUDDjvKycZhQb7h8GDs4FKfi049PynaNuatxSgLb/"
    "nLWZpXyyh0LEWdK2S6Ri7nPwrVgOs08zugLO20vOQz44y3ti2Ncm8/wZts1Fr2gZ7pShnVX3d1B50hbsXnObT1r/"
    "U8ONNQjWXd0HIul4TG+Q3fm3svmSvFEy0WnzuhcyHPX5Gm4ELNctL6Qd5YniGJFNcc7kopHYtI/"
    "XD9YCKCH6Ct02rzUs9i11C9CsadtZn+WhxF26Dqt9sGEFajkJ8cxUTLi8+VCpLHsgPE8P0y095uQcDdK0YjCh4x7wVSov+"
    "lrmOQ==",
    "buyer_id": "2088102534368455",
    "invoice_amount": "0.10",
    "notify_id": "2019081500222155624068450559358070",
    "fund_bill_list": '[{"amount":"0.10","fundChannel":"ALIPAYACCOUNT"}]',
    "notify_type": "trade_status_sync",
    "trade_status": "TRADE_SUCCESS",
    "receipt_amount": "0.10",
    "buyer_pay_amount": "0.10",
    "sign_type": "RSA2",
    "app_id": "2019073166072302",
    "seller_id": "2088531891668739",
    "gmt_payment": "2019-08-15 15:56:24",
    "notify_time": "2019-08-15 15:56:25",
    "version": "1.0",
    "out_trade_no": "20190815155618536-564-57",
    "total_amount": "0.10",
    "trade_no": "2019081522001468450512505578",
    "auth_app_id": "2019073166072302",
    "buyer_logon_id": "xud***@126.com",
    "point_amount": "0.00",
}
# An answer Alipay really signed, and the key that checks it: alipay-sdk-nodejs-all
# test/alipay.test.ts ("checkResponseSign should work") with test/fixtures/alipay-public-key.pem
# as of commit bf1c026.
ALIPAY_ANSWER_KEY = (
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAk7LzhmMa2c4qQd4fqAqenfbuFoA7stPKvoS1LrZEsVnOOGUU"
    "jwoa1oU9xsSPjcOWhIerU/VAN4J95GIAXx59ipcleIyfLn2FhHXPgLJpvo+b2jJFyn/1/DbeJDh+0yDVAOf50Z7HhI0m"
    "dUhFMkXlT7BU0ZMtJf/TmISFEfhDU/w6qFd6D42L97byAkq0K6LroglSVF24GqJEa7hSeUIkZWj7RasykXrc2uVJ1+ej"
    "kXE0LyPxa2AHykMGbJLf5SiZvaNzUZgnKIR36mLOHpQ/2JCXxhXZYUWHzy0kMH54JcUEeksFWBYLGvLjV1phbcUIc3Q7"
    "6tIuqApY6E222OoZZQIDAQAB"
)
ALIPAY_ANSWER = (
    '{"alipay_open_file_upload_response":{"code":"10000","msg":"Success",'
    '"file_id":"CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr"},"sign":"F+LDzpTNiavn7xVZPGuPCSSVRSmWzJGgtuji6tVE'
    "LGEaqMaNj0jRKXUEr5nloZJBBmwEnddOyCjjepMmrTKTvoOqQ0Efxpr/R1iEeHTHVbb/Q8TTh6Up5gHJDkILdaWS2q1c"
    "WeQ6VT+HQY9P3WRXS7uhILHuDODIhpAyCu5KhWGt0rMCIG+Im6NODJP2oohtSCtmTFXg58HH587Z2y2bdbjzOxLvzD9I"
    "rU1imghXQ2S/Q+wMIvRk9on6cWnBLkrNvJKapA2ReNGWOwyuASvB9zDVzhMPbR+3mfRGkVDxsq5HYLjBKGskJMXHw0Hu"
    'ugZij6ScRuaLPODhmHwr/pJ9yw=="}'
)


def test_a_notification_alipay_signed_verifies_without_sign_and_sign_type() -> None:
    key = load_public_key(ALIPAY_NOTIFY_KEY, setting="test")
    signature = ALIPAY_NOTIFICATION["sign"]
    content = sign_content(ALIPAY_NOTIFICATION, NOTICE_UNSIGNED)
    assert content.startswith("app_id=2019073166072302&auth_app_id=")
    assert "sign" not in dict(pair.split("=", 1) for pair in content.split("&"))
    assert rsa2_verify(key, content, signature)
    changed = {**ALIPAY_NOTIFICATION, "total_amount": "100.10"}
    assert not rsa2_verify(key, sign_content(changed, NOTICE_UNSIGNED), signature)
    with_type = sign_content(ALIPAY_NOTIFICATION, frozenset({"sign"}))
    assert not rsa2_verify(key, with_type, signature)  # sign_type is not part of it


def test_alipays_notification_passes_the_providers_check_and_is_then_not_ours() -> None:
    provider = AlipayProvider(
        app_id="2019073166072302",
        private_key=rsa_key("app"),
        alipay_public_key=load_public_key(ALIPAY_NOTIFY_KEY, setting="test"),
        secret_key=TEST_SECRET,
        notify_url="https://shop.example/notify",
    )
    body = urlencode(ALIPAY_NOTIFICATION)
    with pytest.raises(BadNotice, match="not a ShopGuide trade number"):
        provider.read_notice(body.encode("ascii"), {})
    tampered = body.replace("total_amount=0.10", "total_amount=100.10")
    with pytest.raises(BadNotice, match="signature is not Alipay's"):
        provider.read_notice(tampered.encode("ascii"), {})


def test_an_answer_alipay_signed_verifies_over_the_raw_response_text() -> None:
    key = load_public_key(ALIPAY_ANSWER_KEY, setting="test")
    node = response_node(ALIPAY_ANSWER, "alipay.open.file.upload")
    assert node == ('{"code":"10000","msg":"Success","file_id":"CAxAToWB1JsAAAAAAAAAAAAADgSLAQBr"}')
    signature = ALIPAY_ANSWER.rsplit('"sign":"', 1)[1].rstrip('"}')
    assert rsa2_verify(key, node, signature)
    assert not rsa2_verify(key, node.replace("10000", "10001"), signature)


def test_the_raw_response_node_is_cut_out_exactly() -> None:
    body = '{"alipay_trade_query_response" :\n {"a":"}{\\"","b":{"c":"\\/x"}} , "sign":"s"}'
    assert response_node(body, "alipay.trade.query") == '{"a":"}{\\"","b":{"c":"\\/x"}}'
    error = '{"error_response":{"code":"40002","sub_code":"isv.invalid-app-id"}}'
    assert response_node(error, "alipay.trade.query") == error[len('{"error_response":') : -1]
    with pytest.raises(ProviderError):
        response_node('{"sign":"x"}', "alipay.trade.query")


def test_the_string_to_sign_is_alipays_documented_example() -> None:
    # Alipay's open platform signing example (request of alipay.mobile.public.menu.add),
    # also asserted by several SDKs' tests.
    biz = (
        '{"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"},'
        '{"name":"查询","subButton":[{"actionParam":"ZFB_YECX","actionType":"out","name":"余额查询"},'
        '{"actionParam":"ZFB_LLCX","actionType":"out","name":"流量查询"},'
        '{"actionParam":"ZFB_HFCX","actionType":"out","name":"话费查询"}]},'
        '{"actionParam":"http://m.alipay.com","actionType":"link","name":"最新优惠"}]}'
    )
    params = {
        "app_id": "2014072300007148",
        "method": "alipay.mobile.public.menu.add",
        "charset": "GBK",
        "sign_type": "RSA2",
        "timestamp": "2014-07-24 03:07:50",
        "biz_content": biz,
        "version": "1.0",
        "sign": "left out",
        "notify_url": "",
    }
    assert sign_content(params) == (
        f"app_id=2014072300007148&biz_content={biz}&charset=GBK"
        "&method=alipay.mobile.public.menu.add&sign_type=RSA2"
        "&timestamp=2014-07-24 03:07:50&version=1.0"
    )


def test_a_request_signature_verifies_with_the_apps_public_key() -> None:
    content = 'app_id=1&biz_content={"subject":"南风 鞋"}&method=alipay.trade.query'
    signature = rsa2_sign(rsa_key("app"), content)
    assert len(base64.b64decode(signature)) == 256
    assert rsa2_verify(rsa_key("app").public_key(), content, signature)
    assert not rsa2_verify(rsa_key("stranger").public_key(), content, signature)
    assert not rsa2_verify(rsa_key("app").public_key(), content + " ", signature)
    assert not rsa2_verify(rsa_key("app").public_key(), content, "not base64!")


def test_trade_numbers_are_alipay_shaped_and_cannot_be_made_up() -> None:
    issued = utcnow()
    number = make_trade_number(TEST_SECRET, 42, issued)
    assert re.fullmatch(r"[A-Za-z0-9_]{1,64}", number)
    assert read_trade_number(TEST_SECRET, number) == 42
    assert make_trade_number(TEST_SECRET, 42, issued + timedelta(seconds=1)) != number
    for forged in (
        number.replace("SG42", "SG43"),
        number[:-1] + ("0" if number[-1] != "0" else "1"),
        make_trade_number("another-secret-" + "y" * 40, 42, issued),
        "SG42",
        "SG４２_1_0",
        "x" * 65,
    ):
        with pytest.raises(BadReference):
            read_trade_number(TEST_SECRET, forged)


def test_a_gateway_that_never_answers_is_a_provider_error_not_a_hang() -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # connections are accepted by the kernel and never answered
    provider = AlipayProvider(
        app_id=APP_ID,
        private_key=rsa_key("app"),
        alipay_public_key=rsa_key("gateway").public_key(),
        secret_key=TEST_SECRET,
        notify_url="https://shop.example/notify",
        gateway_url=f"http://127.0.0.1:{silent.getsockname()[1]}/gateway.do",
        timeout=(0.5, 0.5),
    )
    payment = Payment(
        id=7,
        order_id=str(uuid.uuid4()),
        provider="alipay",
        amount=9900,
        currency="CNY",
        reference="r",
        expires_at=utcnow(),
    )
    started = time.monotonic()
    try:
        with pytest.raises(ProviderError, match="did not answer in time"):
            provider.query(payment)
    finally:
        silent.close()
    assert time.monotonic() - started < 5


# -- settings ------------------------------------------------------------------------------


def settings_with(**alipay: str) -> Settings:
    return Settings(
        database_url="sqlite://",
        secret_key=TEST_SECRET,
        public_url="https://shop.example",
        alipay_app_id=APP_ID,
        **alipay,
    )


def test_alipay_keys_come_as_pem_text_a_pem_file_or_bare_base64(tmp_path: Path) -> None:
    key_file = tmp_path / "app_private_key.pem"
    key_file.write_text(private_pem(rsa_key("app")))
    for private, public in (
        (private_pem(rsa_key("app")), public_pem(rsa_key("gateway"))),
        (str(key_file), public_base64(rsa_key("gateway"))),
    ):
        settings = settings_with(alipay_private_key=private, alipay_public_key=public)
        assert (
            settings.alipay_notify_address == "https://shop.example/api/v1/payments/notify/alipay"
        )
        assert load_private_key(settings.alipay_private_key, setting="k").key_size == 2048
    assert Settings(database_url="sqlite://", secret_key=TEST_SECRET).alipay_app_id == ""


@pytest.mark.parametrize(
    ("alipay", "message"),
    [
        ({"alipay_public_key": public_pem(rsa_key("gateway"))}, "ALIPAY_PRIVATE_KEY is empty"),
        (
            {"alipay_private_key": "MIIBnot-a-key", "alipay_public_key": "x"},
            "ALIPAY_PRIVATE_KEY is neither PEM",
        ),
        ({"alipay_private_key": private_pem(rsa_key("app"))}, "ALIPAY_PUBLIC_KEY is empty"),
        (
            {
                "alipay_private_key": private_pem(rsa_key("app")),
                "alipay_public_key": public_pem(rsa_key("app")),
            },
            "the app's own public key",
        ),
        (
            {
                "alipay_private_key": private_pem(rsa_key("app")),
                "alipay_public_key": "/nonexistent/alipay_public_key.pem",
            },
            "ALIPAY_PUBLIC_KEY: no file /nonexistent",
        ),
    ],
)
def test_unusable_alipay_settings_are_refused_at_start_up(
    alipay: dict[str, str], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        settings_with(**alipay)


def test_alipay_needs_an_address_for_its_notifications() -> None:
    with pytest.raises(ValidationError, match="SHOPGUIDE_ALIPAY_NOTIFY_URL"):
        Settings(
            database_url="sqlite://",
            secret_key=TEST_SECRET,
            alipay_app_id=APP_ID,
            alipay_private_key=private_pem(rsa_key("app")),
            alipay_public_key=public_pem(rsa_key("gateway")),
        )
