"""The whole sell flow on a tablet, and the invariants a fault must never break.

`Shop` drives the tablet's own client code the way the sell screen does:
cart (`CartStore`), price (`cart_pricing.price`), order (`Checkout.place`,
through the outbox), payment (online: `Checkout.intent`, the customer paying
in the sandbox wallet or the acquirer's signed EMV notification, and
`Checkout.wait`; offline: `OfflinePayments.record` of cash, card or the
store's EMV QR), points (earned by a member's paid order; sometimes a coupon
spent with `Members.redeem_coupon`, or points with a queued `member.redeem`),
stock (lowered by the order). It only retries what a guide would retry.

`Ledger` checks the server's database (and the tablets' outboxes) against
what the tablets did: every order and payment exactly once, points earned
once per paid order and never spent twice, balance = sum of the ledger,
stock = seeded stock - sold, every mutation applied or visibly not.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import requests

from shopguide.client import clock
from shopguide.client.api import ApiError, LoginRequired, OfflineError
from shopguide.client.cart_pricing import MemberTermsReader, price
from shopguide.client.carts import CartStore
from shopguide.client.catalog import CatalogReader
from shopguide.client.checkout import Checkout, Intent
from shopguide.client.members import MemberDirectory, MemberRefused, Members
from shopguide.client.offline_payments import Method, OfflinePayments
from shopguide.client.sqlite import StorageFull
from shopguide.client.tablet import Tablet
from shopguide.core.emv import decode
from shopguide.core.loyalty import points_for
from shopguide.core.money import Money
from shopguide.core.store_qr import offline_bill_number
from shopguide.server.payments.emv_provider import sign_notice
from shopguide.server.services.member_codes import (
    make_member_code,
    one_time_code,
    otp_slot,
)
from tests.support.live import ACQUIRER_SECRET, SECRET

T = TypeVar("T")
NETWORK = (OfflineError, ApiError)
SETTLED = ("paid", "recorded_offline")  # a payment that makes the order paid
TAKEN = ("paid", "recorded_offline", "unverified")  # money the customer handed over
OFFLINE_METHODS: tuple[Method, ...] = ("cash", "card_terminal", "emv_offline")
MUTATION_TYPES = ("order.place", "payment.record", "member.redeem", "transfer.request")


def retry(call: Callable[[], T], attempts: int = 40, pause: float = 0.02) -> T | None:
    """What a guide does on "no connection": try again, up to a point; None if it never worked."""
    for _ in range(attempts):
        try:
            return call()
        except OfflineError:
            time.sleep(pause)
        except ApiError as exc:
            if exc.status < 500:
                raise
            time.sleep(pause)
    return None


@dataclass
class Sale:
    """What the tablet did for one customer; the ledger's expectations come from these."""

    order_id: str
    member_id: int | None
    total: int
    # "sandbox", "emv", "cash", "card_terminal", "emv_offline", "unpaid", or "maybe"
    # (the tablet was killed while the customer was paying)
    payment: str
    coupon_id: int | None = None
    points_redeemed: int = 0
    redeem_mutation: str | None = None
    maybe_coupon: bool = False  # a killed tablet may have spent one without saying so


class Customers:
    """The customer's side, which never goes through the tablet's network: the phone paying in
    the wallet, the acquirer's notification, the member's codes."""

    def __init__(self, server_url: str, member_row: Callable[[int], tuple[int, int]]) -> None:
        self.server_url = server_url.rstrip("/")
        self._member_row = member_row
        self._otp_used: dict[tuple[int, int], bool] = {}

    def _direct(self, url: str) -> str:
        server = urlsplit(self.server_url)
        parts = urlsplit(url)
        return urlunsplit((server.scheme, server.netloc, parts.path, parts.query, ""))

    def _post(self, url: str, **kwargs: Any) -> requests.Response:
        for _ in range(100):
            try:
                answer = requests.post(url, timeout=10, **kwargs)
            except requests.RequestException:
                time.sleep(0.1)
                continue
            if answer.status_code < 500:
                return answer
            time.sleep(0.1)
        raise AssertionError(f"the customer could not reach {url}")

    def pay(self, intent: Intent) -> None:
        if intent.provider == "sandbox":
            answer = self._post(self._direct(intent.qr_content) + "/pay")
            assert answer.ok, answer.text
        else:
            additional = decode(intent.qr_content).additional
            assert additional is not None
            assert additional.bill_number
            self.acquirer_says_paid(
                additional.bill_number, Money(intent.amount, intent.currency), "EMV-"
            )

    def acquirer_says_paid(self, bill_number: str, amount: Money, tag: str = "ACQ-") -> None:
        body = json.dumps(
            {
                "bill_number": bill_number,
                "transaction_id": tag + bill_number[-12:],
                "result": "paid",
                "amount": amount.amount_text(),
                "currency": amount.currency,
            }
        ).encode()
        answer = self._post(
            f"{self.server_url}/api/v1/payments/notify/emv",
            data=body,
            headers={"X-Signature": sign_notice(ACQUIRER_SECRET, body)},
        )
        assert answer.status_code == 200, answer.text

    def fresh_otp(self, member_id: int) -> str | None:
        """The one-time code on the member's phone, if this member has not used this minute's."""
        slot = otp_slot(time_now_server())
        if (member_id, slot) in self._otp_used or (member_id, slot - 1) in self._otp_used:
            return None
        self._otp_used[(member_id, slot)] = True
        _, version = self._member_row(member_id)
        member = SimpleNamespace(id=member_id, pass_version=version)
        return one_time_code(SECRET, member, slot)  # type: ignore[arg-type]

    @staticmethod
    def member_code(member_id: int) -> str:
        return make_member_code(SECRET, member_id)


def time_now_server() -> Any:
    """The server's clock (the real one), never the tablet's possibly skewed one."""
    from datetime import UTC, datetime

    return datetime.now(UTC)


class Shop:
    """One tablet's counter: the client objects a sale goes through."""

    def __init__(self, tablet: Tablet, customers: Customers, member_ids: list[int]) -> None:
        self.tablet = tablet
        self.engine = tablet.connect()
        assert tablet.api is not None
        self.carts = CartStore(tablet.data_dir / "carts.db")
        self.reader = CatalogReader(tablet.cache, tablet.outbox)
        self.terms = MemberTermsReader(tablet.cache)
        self.checkout = Checkout(
            outbox=tablet.outbox, engine=self.engine, api=tablet.api, store_id=tablet.store_id
        )
        self.members = Members(
            api=tablet.api,
            cache=tablet.cache,
            outbox=tablet.outbox,
            store_id=tablet.store_id,
            engine=self.engine,
        )
        self.directory = MemberDirectory(tablet.cache)
        self.offline = OfflinePayments(
            outbox=tablet.outbox, cache=tablet.cache, store_id=tablet.store_id
        )
        self.customers = customers
        self.member_ids = member_ids
        self.variants = [
            int(v)
            for (v,) in tablet.cache.read(
                lambda c: c.execute("SELECT id FROM variant ORDER BY id LIMIT 120").fetchall()
            )
        ]
        self.used_coupons: set[int] = set()
        self.on_event: Callable[[dict[str, object]], None] = lambda _event: None
        self.unfinished: Sale | None = None  # placed, but sell() failed before it was paid

    def close(self) -> None:
        self.carts.close()

    # -- one customer ----------------------------------------------------------

    def sell(self, rng: random.Random, *, online: bool = True) -> Sale:
        """One customer from cart to payment; the network may fail anywhere in it.

        Raises StorageFull when the tablet cannot save the order (nothing of it
        is then queued).
        """
        cart = self.carts.open_cart()
        if cart.is_empty:
            for variant in rng.sample(self.variants, rng.randint(1, 3)):
                self.carts.add(variant, rng.randint(1, 2))
            member_id = rng.choice(self.member_ids) if rng.random() < 0.6 else None
            self.carts.attach_member(member_id)
            coupon = self._a_coupon(member_id, rng) if online and member_id else None
            if coupon is not None:
                self.carts.add_coupon(coupon[1])
            cart = self.carts.open_cart()
        quote = price(cart, self.reader, self.terms, now=clock.now())
        priced = quote.priced
        coupon_id = None
        if cart.member_id is not None and priced.applied_coupon is not None:
            coupon_id = self._coupon_id(cart.member_id, priced.applied_coupon)
        placed = True
        try:
            self.checkout.place(cart, priced)
        except NETWORK:
            placed = False  # queued: it goes when the network comes back
        self.carts.clear()
        sale = self.unfinished = Sale(cart.id, cart.member_id, priced.total.minor, "unpaid")
        redeem = coupon_id is not None and placed and cart.member_id is not None
        if redeem and self._redeem_coupon(cart.member_id, coupon_id, cart.id):  # type: ignore[arg-type]
            sale.coupon_id = coupon_id
        if cart.member_id is not None and rng.random() < 0.25:
            self._redeem_points(sale, cart.member_id, rng)
        self._pay(sale, priced.total, rng, online=online and placed)
        self.unfinished = None
        return sale

    def pay(self, sale: Sale, rng: random.Random) -> None:
        """Take the payment for a placed order again (the first try failed on the tablet)."""
        self.sync_until_clean()  # the order reaches the server first
        self._pay(sale, Money(sale.total, "CNY"), rng, online=True)

    def _a_coupon(self, member_id: int, rng: random.Random) -> tuple[int, str] | None:
        usable = [
            c
            for c in self.directory.coupons(member_id, clock.now())
            if c.usable and c.id not in self.used_coupons
        ]
        if not usable or rng.random() < 0.6:
            return None
        chosen = rng.choice(usable)
        return chosen.id, chosen.code

    def _coupon_id(self, member_id: int, code: str) -> int | None:
        for c in self.directory.coupons(member_id, clock.now()):
            if c.code.upper() == code.upper():
                return c.id
        return None

    def _redeem_coupon(self, member_id: int, coupon_id: int, order_id: str) -> bool:
        code = self.customers.fresh_otp(member_id)
        if code is None:
            return False
        coupon = next(
            c for c in self.directory.coupons(member_id, clock.now()) if c.id == coupon_id
        )
        for _ in range(40):
            try:
                self.members.redeem_coupon(
                    member_id, coupon.code, order_id=order_id, one_time_code=code
                )
            except MemberRefused as exc:
                if exc.status is None or exc.status >= 500:  # no answer: the same key again
                    time.sleep(0.02)
                    continue
                return False  # refused for good (used on another order meanwhile, ...)
            self.used_coupons.add(coupon_id)
            return True
        return False

    def _redeem_points(self, sale: Sale, member_id: int, rng: random.Random) -> None:
        """Points spent with the member code on the phone, queued like every tablet write."""
        points = rng.choice((10, 20, 50))
        sale.redeem_mutation = self.tablet.outbox.enqueue(
            "member.redeem",
            {
                "member_id": member_id,
                "order_id": sale.order_id,
                "points": points,
                "proof": {
                    "member_code": self.customers.member_code(member_id),
                    "taken_at": clock.now().isoformat(),
                },
            },
        )
        sale.points_redeemed = points
        self.engine.notify_queued()

    def _intent(self, order_id: str, provider: str) -> Intent | None:
        """The QR to show; None when the network stays down (the guide takes cash instead)."""
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            try:
                return retry(lambda: self.checkout.intent(order_id, provider), attempts=15)
            except ApiError as exc:
                if exc.status != 409 or "try again" not in exc.reason:
                    raise
                time.sleep(0.5)  # "being started": the guide taps again a moment later
        raise AssertionError(f"no payment could be started for {order_id}")

    def _pay(self, sale: Sale, total: Money, rng: random.Random, *, online: bool) -> None:
        if online:
            provider = rng.choice(("sandbox", "emv"))
            intent = self._intent(sale.order_id, provider)
            if intent is not None:
                self.on_event({"event": "paying", "order_id": sale.order_id})
                self.customers.pay(intent)
                sale.payment = provider
                for _ in range(30):
                    seen = retry(lambda: self.checkout.wait(intent.payment_id, "pending", 2.0))
                    if seen is not None and seen.status != "pending":
                        assert seen.status == "paid", seen
                        return
                return  # paid; the tablet did not hear of it yet (the server decides anyway)
        method = rng.choice(OFFLINE_METHODS)
        sale.payment = self.offline.record(sale.order_id, method, total)
        self.engine.notify_queued()

    # -- syncing ----------------------------------------------------------------

    def sync_until_clean(self, *, rounds: int = 60) -> None:
        """Push and pull until nothing is pending (a tablet left alone on a good network)."""
        for _ in range(rounds):
            try:
                self.engine.push_pending()
                self.engine.pull_all(wait=0)
            except (*NETWORK, LoginRequired, StorageFull):
                time.sleep(0.05)
                continue
            if self.tablet.outbox.counts().pending == 0:
                return
        raise AssertionError(f"still pending after {rounds} rounds: {self.tablet.outbox.counts()}")

    def confirm_offline_qr(self, sales: Iterable[Sale]) -> None:
        """The acquirer's notifications for store QRs paid offline (after or before the sync)."""
        for sale in sales:
            if sale.payment == "emv_offline":
                self.customers.acquirer_says_paid(
                    offline_bill_number(sale.order_id), Money(sale.total, "CNY")
                )


# ----------------------------------------------------------------------------- invariants


Rows = Callable[..., list[tuple[object, ...]]]


@dataclass
class Ledger:
    """The server's figures before any run, to check each run's figures against."""

    rows: Rows
    stock: dict[tuple[int, int], int] = field(default_factory=dict)  # on_hand + sold here
    points_offset: dict[int, int] = field(default_factory=dict)  # balance - sum(ledger)
    lowest_tier: str = "standard"
    checks: int = 0

    @classmethod
    def start(cls, rows: Rows) -> Ledger:
        ledger = cls(rows)
        ledger.stock = ledger._stock_identity()
        ledger.points_offset = ledger._points_offset()
        tiers = rows("SELECT tier, MIN(lifetime_points) FROM member GROUP BY tier ORDER BY 2")
        ledger.lowest_tier = str(tiers[0][0])
        return ledger

    def _stock_identity(self) -> dict[tuple[int, int], int]:
        sold = {
            (int(s), int(v)): int(q)  # type: ignore[call-overload]
            for s, v, q in self.rows(
                "SELECT o.store_id, l.variant_id, SUM(l.quantity) FROM order_line l "
                "JOIN sales_order o ON o.id = l.order_id WHERE l.fulfilment = 'here' "
                "GROUP BY o.store_id, l.variant_id"
            )
        }
        levels = {
            (int(s), int(v)): int(q)  # type: ignore[call-overload]
            for s, v, q in self.rows("SELECT store_id, variant_id, on_hand FROM stock_level")
        }
        keys = set(sold) | set(levels)
        return {k: levels.get(k, 0) + sold.get(k, 0) for k in keys}

    def _points_offset(self) -> dict[int, int]:
        return {
            int(m): int(p) - int(s)  # type: ignore[call-overload]
            for m, p, s in self.rows(
                "SELECT m.id, m.points, COALESCE(SUM(e.points), 0) FROM member m "
                "LEFT JOIN points_entry e ON e.member_id = m.id GROUP BY m.id, m.points"
            )
        }

    def check(self, sales: list[Sale], tablets: Iterable[Tablet], where: str) -> None:
        """Every invariant, over everything done so far; AssertionError names the first broken."""
        self.checks += 1
        ids = [s.order_id for s in sales]
        orders = self._by_order(
            "SELECT id, COUNT(*) FROM sales_order WHERE id IN ({ids}) GROUP BY id", ids
        )
        lost = [o for o in ids if o not in orders]
        assert not lost, f"{where}: order lost on the server: {lost[:3]}"
        assert all(n == 1 for n in orders.values()), f"{where}: order recorded twice"
        taken = self._by_order(
            "SELECT order_id, COUNT(*) FROM payment WHERE order_id IN ({ids}) AND "
            "(paid_at IS NOT NULL OR status IN ('recorded_offline', 'unverified')) "
            "GROUP BY order_id",
            ids,
        )
        for sale in sales:
            count = taken.get(sale.order_id, 0)
            expected = {"unpaid": (0,), "maybe": (0, 1)}.get(sale.payment, (1,))
            assert count in expected, (
                f"{where}: order {sale.order_id} ({sale.payment}) has {count} payments taken"
            )
        settled = self._by_order(
            "SELECT order_id, COUNT(*) FROM payment WHERE order_id IN ({ids}) AND "
            "status IN ('paid', 'recorded_offline') GROUP BY order_id",
            ids,
        )
        earned = self._by_order(
            "SELECT order_id, COUNT(*) FROM points_entry WHERE kind = 'earn' "
            "AND order_id IN ({ids}) GROUP BY order_id",
            ids,
        )
        redeemed = self._by_order(
            "SELECT order_id, COUNT(*) FROM points_entry WHERE kind = 'redeem' "
            "AND order_id IN ({ids}) GROUP BY order_id",
            ids,
        )
        coupons = self._by_order(
            "SELECT order_id, COUNT(*) FROM coupon_redemption WHERE order_id IN ({ids}) "
            "GROUP BY order_id",
            ids,
        )
        for sale in sales:
            earns = earned.get(sale.order_id, 0)
            assert earns <= 1, f"{where}: points earned {earns} times for {sale.order_id}"
            earning = points_for(sale.total, "CNY", self.lowest_tier) > 0
            if sale.member_id is not None and settled.get(sale.order_id) and earning:
                assert earns == 1, f"{where}: paid order {sale.order_id} earned no points"
            assert redeemed.get(sale.order_id, 0) <= (1 if sale.points_redeemed else 0), (
                f"{where}: points spent twice on {sale.order_id}"
            )
            spent = 1 if sale.coupon_id or sale.maybe_coupon else 0
            assert coupons.get(sale.order_id, 0) <= spent, (
                f"{where}: coupon spent twice on {sale.order_id}"
            )
            if sale.coupon_id is not None:
                assert coupons.get(sale.order_id) == 1, f"{where}: coupon redemption lost"
        doubled = self.rows(
            "SELECT coupon_id FROM coupon_redemption WHERE live_coupon_id IS NOT NULL "
            "GROUP BY coupon_id HAVING COUNT(*) > 1"
        )
        assert not doubled, f"{where}: a coupon is live twice: {doubled}"
        offsets = self._points_offset()
        drift = {m: o for m, o in offsets.items() if o != self.points_offset.get(m, 0)}
        assert not drift, f"{where}: balance is not the sum of the ledger for members {drift}"
        negative = self.rows("SELECT id FROM member WHERE points < 0")
        assert not negative, f"{where}: negative balance {negative}"
        stock = self._stock_identity()
        moved = {
            k: (self.stock.get(k, 0), v) for k, v in stock.items() if v != self.stock.get(k, 0)
        }
        assert not moved, f"{where}: stock does not add up (seeded+sold, now+sold): {moved}"
        for tablet in tablets:
            self.check_outbox(tablet, where)

    @staticmethod
    def check_outbox(tablet: Tablet, where: str) -> None:
        """Every mutation applied, refused with a reason, or pending with a reason shown."""
        held = [m for t in MUTATION_TYPES for m in tablet.outbox.of_type(t)]
        for mutation in held:
            if mutation.state == "rejected":
                assert mutation.reason, f"{where}: {mutation.id} refused without a reason"
                assert mutation.type not in ("order.place", "payment.record"), (
                    f"{where}: the server refused {mutation.type}: {mutation.reason}"
                )
            elif mutation.state == "pending":
                assert mutation.last_error, f"{where}: {mutation.id} pending with no reason"
            else:
                assert mutation.state == "applied", f"{where}: {mutation.id} is {mutation.state}"

    def orders(self, ids: list[str]) -> dict[str, int]:
        """How many times each order id is on the server."""
        return self._by_order(
            "SELECT id, COUNT(*) FROM sales_order WHERE id IN ({ids}) GROUP BY id", ids
        )

    def _by_order(self, sql: str, ids: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for start in range(0, len(ids), 400):
            chunk = ids[start : start + 400]
            marks = ",".join(f":o{i}" for i in range(len(chunk)))
            params = {f"o{i}": o for i, o in enumerate(chunk)}
            for key, count in self.rows(sql.replace("{ids}", marks), **params):
                found[str(key)] = int(count)  # type: ignore[call-overload]
        return found
