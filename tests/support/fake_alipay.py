"""A stand-in for Alipay's open API gateway on loopback, as strict about signatures as Alipay.

No real gateway is reachable from tests, so this one plays Alipay's part over
real HTTP: it checks each request's `app_id`, timestamp and RSA2 signature
against the app's public key (refusing as Alipay does, code 40002 with
`isv.invalid-signature`), answers `alipay.trade.precreate`, `.query`,
`.cancel` and `.refund` in Alipay's JSON shape signed with its own key over
the raw text of the response node (with `/` escaped as `\\/`, as Alipay
writes it), remembers trades, lets a test play the buyer (scan, pay), and
posts the signed form-encoded notification to the trade's `notify_url`, as
often and as late as a test asks.

Its signing code is written apart from `shopguide.server.payments.alipay`
on purpose: the server is checked against a second reading of Alipay's
rules, not against itself.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

BEIJING = timezone(timedelta(hours=8))
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
TRADE_NUMBER = re.compile(r"[A-Za-z0-9_]{1,64}")
AMOUNT = re.compile(r"(0|[1-9][0-9]{0,8})(\.[0-9]{1,2})?")
EXPRESS = re.compile(r"([1-9][0-9]*)([mhd])")
MINUTES = {"m": 1, "h": 60, "d": 24 * 60}


@cache
def rsa_key(name: str) -> rsa.RSAPrivateKey:
    """A 2048-bit key per name ("app", "gateway", "stranger"), made once per test session."""
    del name  # only the cache key
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def private_pem(key: rsa.RSAPrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")


def public_pem(key: rsa.RSAPrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def public_base64(key: rsa.RSAPrivateKey) -> str:
    """The public key as Alipay's console shows it: base64 DER, no header lines."""
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(der).decode("ascii")


def string_to_sign(params: Mapping[str, str], leave_out: tuple[str, ...]) -> str:
    """Alipay's rule: sorted names, non-empty values, `name=value` joined with `&`."""
    names = sorted(name for name, value in params.items() if value and name not in leave_out)
    return "&".join(f"{name}={params[name]}" for name in names)


def sign(key: rsa.RSAPrivateKey, text: str) -> str:
    signature = key.sign(text.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(signature).decode("ascii")


def signed_notification(fields: Mapping[str, str], key: rsa.RSAPrivateKey) -> dict[str, str]:
    """`fields` with `sign` and `sign_type` added as Alipay adds them (both left out of it)."""
    unsigned = {k: v for k, v in fields.items() if k not in ("sign", "sign_type")}
    return {**unsigned, "sign_type": "RSA2", "sign": sign(key, string_to_sign(unsigned, ()))}


def beijing_now() -> str:
    return datetime.now(BEIJING).strftime(TIME_FORMAT)


class BuyerRefused(Exception):
    """What the Alipay app would tell the buyer: the code cannot be paid."""


@dataclass
class Trade:
    out_trade_no: str
    total_amount: str
    subject: str
    notify_url: str
    qr_code: str
    expires_at: datetime
    created: str = field(default_factory=beijing_now)
    status: str = "CREATED"  # precreated; Alipay shows no trade until a buyer scans
    trade_no: str = ""
    paid: str = ""
    refunds: dict[str, str] = field(default_factory=dict)  # out_request_no -> amount
    deliveries: list[tuple[int, str]] = field(default_factory=list)

    @property
    def refunded(self) -> Decimal:
        return sum((Decimal(amount) for amount in self.refunds.values()), Decimal(0))


@dataclass
class Call:
    """One request the gateway took (signature checked or not), for tests to look at."""

    method: str
    params: dict[str, str]
    biz: dict[str, Any]
    answer: dict[str, Any]


class FakeAlipay:
    """Alipay's gateway for one app, on 127.0.0.1 at a free port, until `stop()`."""

    def __init__(
        self,
        *,
        app_id: str,
        app_key: rsa.RSAPublicKey,
        gateway_key: rsa.RSAPrivateKey,
        port: int = 0,
    ) -> None:
        self.app_id = app_id
        self.app_key = app_key
        self.gateway_key = gateway_key
        self.answer_key = gateway_key  # what answers are signed with; a test may swap it
        self.http_status = 200  # a test may make the gateway answer 5xx
        self.refuse: dict[str, tuple[str, str, str, str]] = {}  # method -> an error to answer
        self.lose_answer: set[str] = set()  # methods done, but whose next answer is lost
        self.trades: dict[str, Trade] = {}
        self.calls: list[Call] = []
        self._lock = threading.RLock()
        self._port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- running ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}/gateway.do"

    def start(self) -> FakeAlipay:
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                status, body = gateway._handle(self.path, self.rfile.read(length))
                self.send_response(status)
                kind = "application/json" if status == 200 else "text/html"
                self.send_header("Content-Type", f"{kind};charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", self._port), Handler)
        self._server.daemon_threads = True
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Down: nothing listens on the port any more (connections are refused)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def reset(self) -> None:
        with self._lock:
            self.trades.clear()
            self.calls.clear()
            self.refuse.clear()
            self.lose_answer.clear()
            self.answer_key = self.gateway_key
            self.http_status = 200

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    # -- the buyer's side ------------------------------------------------------------------

    def trade(self, out_trade_no: str | None = None) -> Trade:
        """The named trade, or the only one."""
        with self._lock:
            if out_trade_no is None:
                [only] = self.trades.values()
                return only
            return self.trades[out_trade_no]

    def trade_for_qr(self, qr_code: str) -> Trade:
        with self._lock:
            [trade] = [t for t in self.trades.values() if t.qr_code == qr_code]
            return trade

    def scan(self, qr_code: str) -> Trade:
        """The buyer scans the code: the trade now exists and waits for the buyer to pay."""
        with self._lock:
            trade = self.trade_for_qr(qr_code)
            if trade.status == "CREATED":
                if datetime.now(BEIJING) >= trade.expires_at:
                    raise BuyerRefused("the code has expired")
                trade.status = "WAIT_BUYER_PAY"
            return trade

    def pay(self, qr_code: str, *, notify: bool = True) -> Trade:
        """The buyer scans and pays; Alipay then notifies (unless the notification is lost)."""
        with self._lock:
            trade = self.scan(qr_code)
            if trade.status != "WAIT_BUYER_PAY":
                raise BuyerRefused(f"the trade is {trade.status}")
            if datetime.now(BEIJING) >= trade.expires_at:
                raise BuyerRefused("the code has expired")
            trade.status = "TRADE_SUCCESS"
            trade.trade_no = datetime.now(BEIJING).strftime("%Y%m%d") + secrets.token_hex(10)[:20]
            trade.paid = beijing_now()
        if notify:
            self.deliver(self.notification(trade.out_trade_no))
        return trade

    def notification(self, trade_number: str, /, **changes: str) -> dict[str, str]:
        """The trade's notification as Alipay posts it, signed; `changes` go in before signing."""
        with self._lock:
            trade = self.trades[trade_number]
            fields = {
                "gmt_create": trade.created,
                "charset": "utf-8",
                "gmt_payment": trade.paid,
                "notify_time": beijing_now(),
                "subject": trade.subject,
                "buyer_id": "2088102177846880",
                "invoice_amount": trade.total_amount,
                "version": "1.0",
                "notify_id": secrets.token_hex(17),
                "fund_bill_list": json.dumps(
                    [{"amount": trade.total_amount, "fundChannel": "ALIPAYACCOUNT"}],
                    separators=(",", ":"),
                ),
                "notify_type": "trade_status_sync",
                "out_trade_no": trade.out_trade_no,
                "total_amount": trade.total_amount,
                "trade_status": trade.status,
                "trade_no": trade.trade_no,
                "auth_app_id": self.app_id,
                "receipt_amount": trade.total_amount,
                "point_amount": "0.00",
                "app_id": self.app_id,
                "buyer_pay_amount": trade.total_amount,
                "seller_id": "2088101117955611",
            }
        fields.update(changes)
        return signed_notification(fields, self.gateway_key)

    def deliver(self, fields: Mapping[str, str], url: str | None = None) -> requests.Response:
        """POST a notification as Alipay does: form-encoded UTF-8 to the trade's notify_url."""
        if url is None:
            url = self.trades[fields["out_trade_no"]].notify_url
        response = requests.post(
            url,
            data=dict(fields),
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
            timeout=15,
        )
        trade = self.trades.get(fields.get("out_trade_no", ""))
        if trade is not None:
            with self._lock:
                trade.deliveries.append((response.status_code, response.text))
        return response

    # -- the merchant's side: the open API -------------------------------------------------

    def _handle(self, path: str, body: bytes) -> tuple[int, bytes]:
        if self.http_status != 200:
            return self.http_status, b"<html><body>502 Bad Gateway</body></html>"
        try:
            pairs = parse_qsl(urlsplit(path).query, keep_blank_values=True)
            pairs += parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        except (UnicodeDecodeError, ValueError):
            return 200, self._answer("error_response", _error("40002", "isv.invalid-format"))
        params = dict(pairs)
        method = params.get("method", "")
        root = method.replace(".", "_") + "_response" if method else "error_response"
        if len(params) != len(pairs):
            return 200, self._answer(root, _error("40002", "isv.invalid-parameter", "参数重复"))
        refusal = self._check_common(params)
        if refusal is not None:
            return 200, self._answer(
                root, refusal, signed=refusal["sub_code"] != "isv.invalid-app-id"
            )
        try:
            biz = json.loads(params.get("biz_content", "{}"))
        except ValueError:
            return 200, self._answer(root, _error("40002", "isv.invalid-format", "biz_content"))
        handler = {
            "alipay.trade.precreate": self._precreate,
            "alipay.trade.query": self._query,
            "alipay.trade.cancel": self._cancel,
            "alipay.trade.refund": self._refund,
        }.get(method)
        if handler is None:
            return 200, self._answer(root, _error("40002", "isv.invalid-method", method))
        with self._lock:
            if method in self.refuse:
                code, msg, sub_code, sub_msg = self.refuse[method]
                answer = {"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg}
            else:
                answer = handler(biz, params)
            self.calls.append(Call(method, params, biz, answer))
            if method in self.lose_answer:  # done at Alipay; the answer never arrives
                self.lose_answer.discard(method)
                return 504, b"<html><body>504 Gateway Time-out</body></html>"
        return 200, self._answer(root, answer)

    def _check_common(self, params: Mapping[str, str]) -> dict[str, str] | None:
        for name in ("app_id", "method", "charset", "sign_type", "sign", "timestamp", "version"):
            if not params.get(name):
                return _error("40001", f"isv.missing-{name.replace('_', '-')}", "缺少参数")
        if params["app_id"] != self.app_id:
            return _error("40002", "isv.invalid-app-id", "无效的AppID参数")
        if params["sign_type"] != "RSA2":
            return _error("40002", "isv.invalid-signature-type", "无效签名类型")
        if params["charset"].lower() != "utf-8" or params.get("format", "JSON").upper() != "JSON":
            return _error("40002", "isv.invalid-charset", "字符集或格式错误")
        if params["version"] != "1.0":
            return _error("40002", "isv.invalid-parameter", "version")
        try:
            sent = datetime.strptime(params["timestamp"], TIME_FORMAT).replace(tzinfo=BEIJING)
        except ValueError:
            return _error("40002", "isv.invalid-timestamp", "时间戳格式错误")
        if abs(datetime.now(BEIJING) - sent) > timedelta(minutes=10):
            return _error("40002", "isv.invalid-timestamp", "时间戳与北京时间相差过大")
        try:
            self.app_key.verify(
                base64.b64decode(params["sign"], validate=True),
                string_to_sign(params, ("sign",)).encode("utf-8"),
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except (ValueError, InvalidSignature):
            return _error("40002", "isv.invalid-signature", "验签出错")
        return None

    def _precreate(self, biz: dict[str, Any], params: Mapping[str, str]) -> dict[str, Any]:
        number = str(biz.get("out_trade_no", ""))
        amount = str(biz.get("total_amount", ""))
        subject = str(biz.get("subject", ""))
        express = str(biz.get("qr_code_timeout_express") or biz.get("timeout_express") or "2h")
        if not TRADE_NUMBER.fullmatch(number):
            return _business("ACQ.INVALID_PARAMETER", "out_trade_no 只能包含字母、数字、下划线")
        if not AMOUNT.fullmatch(amount) or not _in_range(amount):
            return _business("ACQ.INVALID_PARAMETER", "total_amount 不合法")
        if not subject or re.search(r"[/=&]", subject) or len(subject) > 256:
            return _business("ACQ.INVALID_PARAMETER", "subject 不合法")
        timeout = EXPRESS.fullmatch(express)
        if timeout is None:
            return _business("ACQ.INVALID_PARAMETER", "timeout_express 不合法")
        trade = self.trades.get(number)
        if trade is not None:
            if trade.status in ("TRADE_SUCCESS", "TRADE_FINISHED"):
                return _business("ACQ.TRADE_HAS_SUCCESS", "交易已被支付")
            if trade.status == "TRADE_CLOSED":
                return _business("ACQ.TRADE_HAS_CLOSE", "交易已经关闭")
            if (trade.total_amount, trade.subject) != (amount, subject):
                return _business("ACQ.TRADE_HAS_EXIST", "交易已经存在")
        else:
            minutes = int(timeout.group(1)) * MINUTES[timeout.group(2)]
            trade = Trade(
                out_trade_no=number,
                total_amount=amount,
                subject=subject,
                notify_url=params.get("notify_url", ""),
                qr_code="https://qr.alipay.com/bax" + secrets.token_hex(12),
                expires_at=datetime.now(BEIJING) + timedelta(minutes=minutes),
            )
            self.trades[number] = trade
        return {
            "code": "10000",
            "msg": "Success",
            "out_trade_no": number,
            "qr_code": trade.qr_code,
        }

    def _query(self, biz: dict[str, Any], params: Mapping[str, str]) -> dict[str, Any]:
        trade = self.trades.get(str(biz.get("out_trade_no", "")))
        if trade is None or trade.status == "CREATED":
            return _business("ACQ.TRADE_NOT_EXIST", "交易不存在")
        answer: dict[str, Any] = {
            "code": "10000",
            "msg": "Success",
            "buyer_logon_id": "159****5620",
            "buyer_user_id": "2088102177846880",
            "out_trade_no": trade.out_trade_no,
            "trade_no": trade.trade_no,
            "trade_status": trade.status,
            "total_amount": trade.total_amount,
        }
        if trade.paid:
            answer["send_pay_date"] = trade.paid
            answer["buyer_pay_amount"] = trade.total_amount
            answer["fund_bill_list"] = [
                {"amount": trade.total_amount, "fund_channel": "ALIPAYACCOUNT"}
            ]
        return answer

    def _cancel(self, biz: dict[str, Any], params: Mapping[str, str]) -> dict[str, Any]:
        trade = self.trades.get(str(biz.get("out_trade_no", "")))
        if trade is None or trade.status == "CREATED":
            return _business("ACQ.TRADE_NOT_EXIST", "交易不存在")
        action = "close"
        if trade.status in ("TRADE_SUCCESS", "TRADE_FINISHED"):
            action = "refund"  # cancel gives a paid buyer the money back
            trade.refunds[trade.out_trade_no] = trade.total_amount
        trade.status = "TRADE_CLOSED"
        return {
            "code": "10000",
            "msg": "Success",
            "out_trade_no": trade.out_trade_no,
            "trade_no": trade.trade_no,
            "retry_flag": "N",
            "action": action,
        }

    def _refund(self, biz: dict[str, Any], params: Mapping[str, str]) -> dict[str, Any]:
        trade = self.trades.get(str(biz.get("out_trade_no", "")))
        if trade is None or trade.status == "CREATED":
            return _business("ACQ.TRADE_NOT_EXIST", "交易不存在")
        amount = str(biz.get("refund_amount", ""))
        request_no = str(biz.get("out_request_no") or trade.out_trade_no)
        if request_no in trade.refunds:  # a repeat: answered again, refunded once
            if trade.refunds[request_no] != amount:
                return _business("ACQ.DISCORDANT_REPEAT_REQUEST", "请求信息不一致")
            return self._refunded(trade, "N")
        if trade.status not in ("TRADE_SUCCESS", "TRADE_FINISHED"):
            return _business("ACQ.TRADE_STATUS_ERROR", "交易状态不合法")
        if not AMOUNT.fullmatch(amount) or trade.refunded + Decimal(amount) > Decimal(
            trade.total_amount
        ):
            return _business("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限")
        trade.refunds[request_no] = amount
        if trade.refunded == Decimal(trade.total_amount):
            trade.status = "TRADE_CLOSED"
        return self._refunded(trade, "Y")

    @staticmethod
    def _refunded(trade: Trade, fund_change: str) -> dict[str, Any]:
        return {
            "code": "10000",
            "msg": "Success",
            "out_trade_no": trade.out_trade_no,
            "trade_no": trade.trade_no,
            "buyer_logon_id": "159****5620",
            "fund_change": fund_change,
            "refund_fee": f"{trade.refunded:.2f}",
            "gmt_refund_pay": beijing_now(),
        }

    def _answer(self, root: str, answer: Mapping[str, Any], *, signed: bool = True) -> bytes:
        """`{"<root>":{...},"sign":"..."}`, signed over the node's text exactly as written."""
        node = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")
        body = f'{{"{root}":{node}'
        if signed:
            body += f',"sign":"{sign(self.answer_key, node)}"'
        return (body + "}").encode("utf-8")


def _error(code: str, sub_code: str, sub_msg: str = "") -> dict[str, str]:
    msg = "Missing Required Arguments" if code == "40001" else "Invalid Arguments"
    return {"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg or sub_code}


def _business(sub_code: str, sub_msg: str) -> dict[str, str]:
    return {"code": "40004", "msg": "Business Failed", "sub_code": sub_code, "sub_msg": sub_msg}


def _in_range(amount: str) -> bool:
    try:
        return Decimal("0.01") <= Decimal(amount) <= Decimal("100000000")
    except InvalidOperation:
        return False


def running(gateway: FakeAlipay) -> Iterator[FakeAlipay]:
    """For fixtures: `yield from running(FakeAlipay(...))`."""
    gateway.start()
    try:
        yield gateway
    finally:
        gateway.stop()
