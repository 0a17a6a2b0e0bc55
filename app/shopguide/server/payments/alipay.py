"""The `alipay` provider: Alipay face-to-face (当面付) QR payments over Alipay's open API.

The guide's tablet shows the `qr_code` that `alipay.trade.precreate` returns;
the buyer scans it with the Alipay app and pays; Alipay then posts a signed
notification to `notify_url`, and the server settles the intent. A lost
notification is made up for by `alipay.trade.query` (see
`shopguide.server.payments.service.reconcile`); `alipay.trade.cancel` and
`alipay.trade.refund` close and give back trades.

The signature rules, as Alipay's docs and its official SDKs apply them:

* Requests (RSA2 = SHA256withRSA, PKCS#1 v1.5, base64): every parameter but
  `sign` whose value is not empty (the common ones and `biz_content`, with
  `sign_type` included), sorted by name, joined as `k=v` with `&`, the values
  raw (not URL-encoded), the string encoded in the request's charset (UTF-8).
  Sources: opendocs.alipay.com/common/02kf5q (cited by alipay-sdk-nodejs-all
  src/util.ts); alipay-sdk-java-all AlipaySignature.getSignContent (sorts,
  skips empty values); alipay-sdk-python-all SignatureUtils.get_sign_content
  and sign_with_rsa2. As DefaultAlipayClient in alipay-sdk-python-all does, the
  common parameters and `sign` travel in the query string and `biz_content`
  in the form-encoded body; the timestamp is "yyyy-MM-dd HH:mm:ss" in
  Beijing time.
* Answers: the signature covers the exact text of the
  `<method with _ for .>_response` (or `error_response`) object as it
  appears in the body, from its `{` to the matching `}`; re-serialising the
  parsed JSON would change it. A success must be signed; a failure is
  checked when it carries a signature. If the check fails and the text holds
  `\\/`, it is tried once more with `/` (the Java SDK does the same).
  Sources: alipay-sdk-java-all AlipaySignature.extractSignContent and the
  response check in AbstractAlipayClient; alipay-sdk-python-all
  DefaultAlipayClient.__parse_response.
* Notifications (form-encoded POST): URL-decode the body once; drop `sign`
  and `sign_type` (and empty values); sort and join as above; base64-decode
  `sign`; verify with Alipay's public key. Then check that `out_trade_no` is
  one this server issued, the amount, and `app_id`, and answer exactly
  `success`, or Alipay resends (8 times over about 25 hours). Sources:
  opendocs.alipay.com/open/204/105301 (the steps are quoted verbatim in many
  integrations); alipay-sdk-java-all AlipaySignature.rsaCheckV1 /
  getSignCheckContentV1. A real notification signed by Alipay, from
  alipay-sdk-nodejs-all test/alipay.test.ts, is the test vector in
  tests/server/test_alipay.py.

Only CNY: face-to-face payment in mainland China settles in yuan.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from collections.abc import Mapping
from datetime import timedelta, timezone
from typing import Any
from urllib.parse import parse_qsl

import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

from shopguide.core.money import Money
from shopguide.server.config import ALIPAY_GATEWAY, Settings
from shopguide.server.models import Payment
from shopguide.server.models.types import utcnow
from shopguide.server.payments.keys import load_private_key, load_public_key
from shopguide.server.payments.providers import BadNotice, IntentContext, Notice, ProviderError
from shopguide.server.payments.references import make_trade_number, read_trade_number

log = logging.getLogger(__name__)

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")  # no daylight saving since 1991
TIMEOUT = (3.05, 10.0)  # connect, read: seconds
CURRENCY = "CNY"
SUCCESS = "10000"
TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST"  # precreated, but nobody has scanned the code yet
PAID = frozenset({"TRADE_SUCCESS", "TRADE_FINISHED"})
CLOSED = "TRADE_CLOSED"
WAITING = "WAIT_BUYER_PAY"
REQUEST_UNSIGNED = frozenset({"sign"})
NOTICE_UNSIGNED = frozenset({"sign", "sign_type"})
CHARSETS = frozenset({"utf-8", "gbk", "gb2312"})
_CHARSET_FIELD = re.compile(rb"(?:^|&)charset=([A-Za-z0-9-]{1,16})(?:&|$)")
_SUBJECT_FORBIDDEN = re.compile(r"[/=&]")  # Alipay refuses these in a subject


class TradeMissing(ProviderError):
    """Alipay has no such trade: precreated, but nobody has scanned the code yet."""


def sign_content(params: Mapping[str, str], unsigned: frozenset[str] = REQUEST_UNSIGNED) -> str:
    """The text Alipay signs: non-empty parameters but `unsigned`, sorted, as `k=v&k=v`."""
    return "&".join(
        f"{key}={params[key]}"
        for key in sorted(params)
        if key and key not in unsigned and params[key]
    )


def rsa2_sign(key: RSAPrivateKey, content: str, charset: str = "utf-8") -> str:
    """Base64 SHA256withRSA (PKCS#1 v1.5) of `content`, as Alipay's `sign` holds it."""
    signature = key.sign(content.encode(charset), padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(signature).decode("ascii")


def rsa2_verify(key: RSAPublicKey, content: str, signature: str, charset: str = "utf-8") -> bool:
    """Whether `signature` (base64) is `key`'s SHA256withRSA of `content`; never raises."""
    try:
        raw = base64.b64decode(signature, validate=True)
        key.verify(raw, content.encode(charset), padding.PKCS1v15(), hashes.SHA256())
    except (binascii.Error, ValueError, InvalidSignature, LookupError):
        return False
    return True


def response_node(text: str, method: str) -> str:
    """The exact text of the answer's `<method>_response` (or `error_response`) object.

    Alipay signs these characters as they were sent, so they are cut out of
    the body by matching braces (outside strings) rather than re-serialised.
    """
    for root in (method.replace(".", "_") + "_response", "error_response"):
        found = re.search(rf'"{re.escape(root)}"\s*:\s*(?=\{{)', text)
        if found is None:
            continue
        depth, in_string, escaped = 0, False, False
        for index in range(found.end(), len(text)):
            char = text[index]
            if in_string:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = True
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return text[found.end() : index + 1]
        break
    raise ProviderError(f"Alipay's answer to {method} has no {method} response in it")


def form_fields(body: bytes) -> dict[str, str]:
    """A form-encoded body, URL-decoded once in its own charset; a repeated field is refused."""
    found = _CHARSET_FIELD.search(body)
    charset = found.group(1).decode("ascii").lower() if found else "utf-8"
    if charset not in CHARSETS:
        raise BadNotice(f"unexpected charset {charset!r}")
    try:
        pairs = parse_qsl(
            body.decode(charset),
            keep_blank_values=True,
            strict_parsing=True,
            encoding=charset,
            errors="strict",
            max_num_fields=200,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadNotice(f"unreadable notification body: {exc}") from exc
    fields: dict[str, str] = {}
    for key, value in pairs:
        if key in fields:
            raise BadNotice(f"the field {key!r} appears twice")
        fields[key] = value
    return fields


class AlipayProvider:
    """Alipay face-to-face for one open-platform app (one merchant), in public-key mode."""

    name = "alipay"
    ack = "success"

    def __init__(
        self,
        *,
        app_id: str,
        private_key: RSAPrivateKey,
        alipay_public_key: RSAPublicKey,
        secret_key: str,
        notify_url: str,
        gateway_url: str = ALIPAY_GATEWAY,
        timeout: tuple[float, float] = TIMEOUT,
    ) -> None:
        self.app_id = app_id
        self._private_key = private_key
        self._alipay_key = alipay_public_key
        self._secret_key = secret_key
        self._notify_url = notify_url
        self._gateway_url = gateway_url
        self._timeout = timeout

    @classmethod
    def from_settings(cls, settings: Settings) -> AlipayProvider:
        return cls(
            app_id=settings.alipay_app_id,
            private_key=load_private_key(
                settings.alipay_private_key, setting="SHOPGUIDE_ALIPAY_PRIVATE_KEY"
            ),
            alipay_public_key=load_public_key(
                settings.alipay_public_key, setting="SHOPGUIDE_ALIPAY_PUBLIC_KEY"
            ),
            secret_key=settings.secret_key,
            notify_url=settings.alipay_notify_address,
            gateway_url=settings.alipay_gateway_url,
        )

    def trade_number(self, payment: Payment) -> str:
        """The payment's `out_trade_no`: the same on every call, so every call names one trade."""
        assert payment.id is not None
        return make_trade_number(self._secret_key, payment.id, payment.created_at)

    def start(self, payment: Payment, context: IntentContext) -> str:
        """Precreate the trade; the QR carries Alipay's `qr_code` and nothing of ours."""
        if payment.currency != CURRENCY:
            raise ProviderError(f"Alipay face-to-face takes CNY only, not {payment.currency}")
        # Alipay counts whole minutes (at least one); the nearest keeps its code's end
        # within seconds of the intent's, and money after that is flagged for refund.
        minutes = max(1, round((payment.expires_at - utcnow()).total_seconds() / 60))
        number = self.trade_number(payment)
        answer = self._call(
            "alipay.trade.precreate",
            {
                "out_trade_no": number,
                "total_amount": Money(payment.amount, payment.currency).amount_text(),
                "subject": _subject(context.subject),
                "product_code": "FACE_TO_FACE_PAYMENT",
                "store_id": context.store.code,
                "timeout_express": f"{minutes}m",
                "qr_code_timeout_express": f"{minutes}m",
            },
            notify_url=self._notify_url,
        )
        qr_code = answer.get("qr_code")
        if answer.get("out_trade_no", number) != number:
            raise ProviderError("Alipay answered about another trade")
        if not isinstance(qr_code, str) or not 0 < len(qr_code) <= 512:
            raise ProviderError("Alipay's answer carries no usable qr_code")
        return qr_code

    def read_notice(self, body: bytes, headers: Mapping[str, str]) -> Notice | None:
        """A verified trade notification; None for one that settles nothing (a buyer scanned).

        Alipay resends anything not answered `success`, so a genuine
        notification about a trade still waiting for the buyer is taken and
        answered rather than refused: refusing would only bring it back.
        """
        fields = form_fields(body)
        signature = fields.get("sign", "")
        if not signature:
            raise BadNotice("an unsigned notification")
        if fields.get("sign_type", "RSA2") != "RSA2":
            raise BadNotice(f"unexpected sign_type {fields.get('sign_type')!r}; RSA2 is used")
        charset = fields.get("charset", "utf-8").lower()
        content = sign_content(fields, NOTICE_UNSIGNED)
        if not rsa2_verify(self._alipay_key, content, signature, charset):
            raise BadNotice("the notification's signature is not Alipay's")
        if fields.get("app_id") != self.app_id:
            raise BadNotice("the notification is for another Alipay app")
        try:
            return self._settlement(fields)
        except (KeyError, ValueError) as exc:
            raise BadNotice(f"unreadable notification: {exc}") from exc

    def query(self, payment: Payment) -> Notice | None:
        """Alipay's word on the trade: None until it is paid or closed."""
        number = self.trade_number(payment)
        try:
            answer = self._call("alipay.trade.query", {"out_trade_no": number})
        except TradeMissing:
            return None
        fields = {key: str(value) for key, value in answer.items() if value is not None}
        fields.setdefault("out_trade_no", number)
        if fields["out_trade_no"] != number:
            raise ProviderError("Alipay answered about another trade")
        try:
            return self._settlement(fields)
        except (KeyError, ValueError) as exc:
            raise ProviderError(f"Alipay's trade query answer is unreadable: {exc}") from exc

    def cancel(self, payment: Payment) -> None:
        """`alipay.trade.cancel`: closes an unpaid trade; Alipay gives back a paid one itself."""
        number = self.trade_number(payment)
        for _attempt in range(2):
            try:
                answer = self._call("alipay.trade.cancel", {"out_trade_no": number})
            except TradeMissing:
                # Nobody scanned the code yet, so there is no trade to close: Alipay
                # keeps the code payable until it expires; money that still comes is
                # taken by its notification and flagged for refund.
                log.info("payment %s: no Alipay trade to cancel yet", payment.id)
                return
            if answer.get("retry_flag") != "Y":
                if answer.get("action") == "refund":
                    log.warning("payment %s: the buyer had paid; Alipay refunded it", payment.id)
                return
        raise ProviderError("Alipay could not cancel the trade yet; it asked to try again")

    def refund(self, payment: Payment) -> None:
        """The whole amount back; one `out_request_no` per payment makes repeats refund once."""
        number = self.trade_number(payment)
        self._call(
            "alipay.trade.refund",
            {
                "out_trade_no": number,
                "refund_amount": Money(payment.amount, payment.currency).amount_text(),
                "out_request_no": f"{number}_R",
                "refund_reason": "refunded by the store",
            },
        )

    def _settlement(self, fields: Mapping[str, str]) -> Notice | None:
        status = fields["trade_status"]
        if status == WAITING:
            return None
        if status not in PAID and status != CLOSED:
            raise ValueError(f"unknown trade_status {status!r}")
        number = fields["out_trade_no"]
        trade_no = fields["trade_no"]
        if not 0 < len(trade_no) <= 64:
            raise ValueError("trade_no must have 1 to 64 characters")
        return Notice(
            reference=number,
            outcome="paid" if status in PAID else "declined",
            provider_ref=trade_no,
            amount=Money.parse(fields["total_amount"], CURRENCY).minor,
            currency=CURRENCY,
            payment_id=read_trade_number(self._secret_key, number),
            reason="" if status in PAID else "closed by Alipay",
        )

    def _call(
        self,
        method: str,
        biz: Mapping[str, str],
        *,
        notify_url: str = "",
    ) -> dict[str, Any]:
        """One signed call and its verified answer; `ProviderError` unless Alipay says 10000."""
        params = {
            "app_id": self.app_id,
            "method": method,
            "format": "JSON",
            "charset": "utf-8",
            "sign_type": "RSA2",
            "timestamp": utcnow().astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S"),
            "version": "1.0",
            "notify_url": notify_url,
            "biz_content": json.dumps(biz, ensure_ascii=False, separators=(",", ":")),
        }
        params["sign"] = rsa2_sign(self._private_key, sign_content(params))
        form = {"biz_content": params.pop("biz_content")}
        try:
            response = requests.post(
                self._gateway_url,
                params={key: value for key, value in params.items() if value},
                data=form,
                headers={"Content-Type": "application/x-www-form-urlencoded;charset=utf-8"},
                timeout=self._timeout,
            )
        except requests.Timeout as exc:
            raise ProviderError("Alipay did not answer in time; try again") from exc
        except requests.RequestException as exc:
            raise ProviderError(
                f"Alipay could not be reached ({type(exc).__name__}); try again"
            ) from exc
        if response.status_code != 200:
            raise ProviderError(f"Alipay's gateway answered HTTP {response.status_code}")
        try:
            text = response.content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProviderError("Alipay's answer is not UTF-8 text") from exc
        answer = self._verified(text, method)
        code = str(answer.get("code", ""))
        if code == SUCCESS:
            return answer
        reason = answer.get("sub_msg") or answer.get("msg") or "no reason given"
        if answer.get("sub_code") == TRADE_NOT_EXIST:
            raise TradeMissing(f"Alipay has no such trade: {reason}")
        raise ProviderError(f"Alipay refused: {reason} ({answer.get('sub_code') or code})")

    def _verified(self, text: str, method: str) -> dict[str, Any]:
        """The signed part of an answer, parsed, once its signature is Alipay's."""
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise ProviderError("Alipay's answer is not JSON") from exc
        if not isinstance(document, dict):
            raise ProviderError("Alipay's answer is not a JSON object")
        signed = response_node(text, method)
        try:
            answer = json.loads(signed)
        except ValueError as exc:
            raise ProviderError("Alipay's answer is not JSON") from exc
        if not isinstance(answer, dict):
            raise ProviderError("Alipay's answer is not a JSON object")
        signature = document.get("sign")
        if isinstance(signature, str) and signature:
            if not rsa2_verify(self._alipay_key, signed, signature) and not (
                "\\/" in signed
                and rsa2_verify(self._alipay_key, signed.replace("\\/", "/"), signature)
            ):
                raise ProviderError(
                    "Alipay's answer is not signed with Alipay's key; "
                    "check SHOPGUIDE_ALIPAY_PUBLIC_KEY"
                )
        elif str(answer.get("code", "")) == SUCCESS:
            raise ProviderError("Alipay's answer is unsigned")
        return answer


def _subject(subject: str) -> str:
    """The trade's title as the buyer's app shows it; Alipay refuses / = & and > 256 chars."""
    cleaned = " ".join(_SUBJECT_FORBIDDEN.sub(" ", subject).split())
    return cleaned[:256] or "ShopGuide"
