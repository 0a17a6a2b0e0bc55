"""Every route of the server x every kind of caller, against one table of who may do what.

`TABLE` maps each (method, path template) to its rule and a request with
real ids from a small seeded brand (store A's order, payment, member, ...).
Each route is called once per principal and the answer's status is checked
against the rule's expectation. A route in the app without a row, or a row
for a route that no longer exists, fails `test_every_route_has_a_rule`: a
new route cannot ship without someone deciding who may call it.

Principals: a guide and the manager of store A, a guide and the manager of
store B, an admin, nobody (no token), and four tokens that must be refused:
one expired, one signed with another secret (claiming admin), one of a user
since disabled, and one of a user who since logged out everywhere.

What the statuses mean:
- "2xx": allowed, and the request really did what it asks (every write has
  a valid body and fresh objects, so a 422 or 409 is never taken for an
  answer on authorisation: anything but the expected status fails).
- 401: no valid token (missing, expired, forged, revoked, user disabled).
- 403: a valid token of someone the rule does not admit. Ids of stores,
  orders, payments and members are not secrets, so another store's object
  is answered 403 rather than hidden behind a 404.
- 404: for the secret references in public addresses (wallet, receipt,
  member page, referral): anything not genuine is "not found", never a
  different object. Those rows also send a reference with one character
  changed, which must be refused.

The database is seeded once for the module; the requests that change
something (disable a user, pay, refund, log out everywhere) get objects of
their own, made fresh for each call.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import Session

from shopguide.core.ids import uuid7_str
from shopguide.core.store_qr import offline_bill_number
from shopguide.server import receipts, security
from shopguide.server.app import create_app
from shopguide.server.config import Settings
from shopguide.server.models import Member, RefreshToken, Role, User, Variant
from shopguide.server.models.types import utcnow
from shopguide.server.payments.emv_provider import sign_notice
from shopguide.server.services import member_codes, referrals
from shopguide.server.sync.mutations import TYPES as MUTATION_TYPES
from tests.server.conftest import PASSWORD, TEST_SECRET, World, add_user, build_world, wipe

ACQUIRER_SECRET = "acquirer-secret-for-the-route-table"


class P(StrEnum):
    """Who calls."""

    GUIDE_A = "guide of A"
    MANAGER_A = "manager of A"
    GUIDE_B = "guide of B"
    MANAGER_B = "manager of B"
    ADMIN = "admin"
    ANONYMOUS = "anonymous"
    EXPIRED = "expired token"
    FORGED = "forged admin token"
    DISABLED = "disabled user"
    LOGGED_OUT = "logged out everywhere"


STAFF = (P.GUIDE_A, P.MANAGER_A, P.GUIDE_B, P.MANAGER_B, P.ADMIN)
NO_VALID_TOKEN = (P.ANONYMOUS, P.EXPIRED, P.FORGED, P.DISABLED, P.LOGGED_OUT)
OK = "2xx"
Expected = str | int


def _rule(allowed: tuple[P, ...]) -> dict[P, Expected]:
    """Staff in `allowed` get through, other staff 403, callers without a valid token 401."""
    answer: dict[P, Expected] = dict.fromkeys(NO_VALID_TOKEN, 401)
    answer.update({p: OK if p in allowed else 403 for p in STAFF})
    return answer


class Rule(StrEnum):
    """Who a route admits. Refusals: 401 without a valid token, 403 for a valid one the rule
    does not admit (ids are not secrets), 404 for a changed secret reference."""

    PUBLIC = "public"  # anyone: ops probes, the API's description, logging in
    SIGNED = "signed-reference"  # the reference, refresh token or HMAC is the credential
    LOGGED_IN = "any-logged-in"  # shared reads (catalog, stock, stores), member lookups, self
    OWN_STORE = "own-store"  # the store's guides and manager (store A here), and admins
    HOME_STORE_OR_MANAGER = "home-store-guide-or-any-manager"  # a member's new pass link
    SELF_OR_STORE_MANAGER = "self-or-own-store-manager"  # a guide's referral code
    MANAGER_OF_STORE = "manager-of-store"  # the store's manager and admins: reports, refunds,
    # split rules read, accounts of the store's guides (create, disable, enable)
    ADMIN_ONLY = "admin-only"  # split rules written, diagnostics read
    STORE_ACCOUNT = "store-account"  # staff of a store; an admin has no store to enrol at (400)


EXPECTED: dict[Rule, dict[P, Expected]] = {
    Rule.PUBLIC: dict.fromkeys(P, OK),
    Rule.SIGNED: dict.fromkeys(P, OK),
    Rule.LOGGED_IN: _rule(STAFF),
    Rule.OWN_STORE: _rule((P.GUIDE_A, P.MANAGER_A, P.ADMIN)),
    Rule.HOME_STORE_OR_MANAGER: _rule((P.GUIDE_A, P.MANAGER_A, P.MANAGER_B, P.ADMIN)),
    Rule.SELF_OR_STORE_MANAGER: _rule((P.GUIDE_A, P.MANAGER_A, P.ADMIN)),
    Rule.MANAGER_OF_STORE: _rule((P.MANAGER_A, P.ADMIN)),
    Rule.ADMIN_ONLY: _rule((P.ADMIN,)),
    Rule.STORE_ACCOUNT: {**_rule(STAFF), P.ADMIN: 400},
}


# ----------------------------------------------------------------------------- the world


@dataclass
class Call:
    method: str
    path: str
    params: dict[str, Any] | None = None
    json: Any = None
    content: bytes | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    token: dict[str, str] | None = None  # instead of the principal's own (a stand-in)


@dataclass
class Ctx:
    app: FastAPI
    client: TestClient
    world: World
    settings: Settings
    tokens: dict[P, dict[str, str]]
    paid_order: str = ""
    paid_payment: int = 0
    pending_payment: int = 0
    wallet_reference: str = ""
    pass_token: str = ""
    referral_code: str = ""
    serial: int = 0

    @property
    def engine(self) -> Engine:
        engine: Engine = self.app.state.engine
        return engine

    @property
    def admin(self) -> dict[str, str]:
        return self.tokens[P.ADMIN]

    def next(self) -> int:
        self.serial += 1
        return self.serial

    def new_user(self, role: Role, store_id: int | None) -> tuple[int, str]:
        username = f"t{self.next()}.{role.value}"
        return add_user(self.engine, username, role, store_id), username

    def login(self, username: str) -> dict[str, Any]:
        response = self.client.post(
            "/api/v1/auth/login", json={"username": username, "password": PASSWORD}
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def bearer(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.login(username)['access_token']}"}

    def minted(self, user_id: int) -> dict[str, str]:
        """A valid access token made as a login makes it, without a login's Argon2 check."""
        with Session(self.engine) as s:
            user = s.get(User, user_id)
            assert user is not None
            return _token(user_id, Role(user.role), user.store_id, version=user.token_version)

    def refresh_token(self, username: str = "a.guide") -> str:
        """A live refresh token of the user, stored as a login stores one."""
        token_id, token, token_hash = security.new_refresh_token()
        with Session(self.engine) as s:
            s.add(
                RefreshToken(
                    id=token_id,
                    user_id=self.world.users[username],
                    token_hash=token_hash,
                    expires_at=utcnow() + timedelta(days=1),
                )
            )
            s.commit()
        return token

    def stand_in(self, who: P) -> dict[str, str] | None:
        """A fresh account with the principal's role and store, for acts on oneself that would
        spoil the principal's own token (logging out everywhere)."""
        if who not in STAFF:
            return None
        role, store = {
            P.GUIDE_A: (Role.GUIDE, self.world.store_a),
            P.MANAGER_A: (Role.MANAGER, self.world.store_a),
            P.GUIDE_B: (Role.GUIDE, self.world.store_b),
            P.MANAGER_B: (Role.MANAGER, self.world.store_b),
            P.ADMIN: (Role.ADMIN, None),
        }[who]
        return self.minted(self.new_user(role, store)[0])

    def order_payload(self, store_id: int | None = None) -> dict[str, Any]:
        """A new order of one T-shirt at 99.00, at store A by default."""
        return {
            "order_id": str(uuid.uuid4()),
            "store_id": store_id or self.world.store_a,
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
            "created_at": utcnow().isoformat(),
        }

    def new_order(self, store_id: int | None = None) -> str:
        """An order at store A (by default), pushed by the admin."""
        payload = self.order_payload(store_id)
        result = self.push(self.admin, "order.place", payload)
        assert result["status"] == "applied", result
        return str(payload["order_id"])

    def new_reservation(self, from_store: int, at_store: int) -> str:
        payload = {
            "reservation_id": uuid7_str(),
            "from_store_id": from_store,
            "at_store_id": at_store,
            "variant_id": self.world.runner_black_42,
            "customer_name": "Ms Chen",
        }
        result = self.push(self.admin, "reservation.request", payload)
        assert result["status"] == "applied", result
        return str(payload["reservation_id"])

    def new_transfer(self, from_store: int, to_store: int, *steps: str) -> str:
        """A transfer of one unit, requested by the admin and taken through `steps`."""
        transfer_id = uuid7_str()
        request = {
            "transfer_id": transfer_id,
            "from_store_id": from_store,
            "to_store_id": to_store,
            "variant_id": self.world.runner_black_42,
        }
        assert self.push(self.admin, "transfer.request", request)["status"] == "applied"
        for step in steps:
            payload: dict[str, Any] = {"transfer_id": transfer_id}
            if step == "transfer.answer":
                payload["answer"] = "accept"
            result = self.push(self.admin, step, payload)
            assert result["status"] == "applied", result
        return transfer_id

    def push(self, headers: dict[str, str], kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        body = {"mutations": [self.mutation(kind, payload)]}
        response = self.client.post("/api/v1/sync/push", json=body, headers=headers)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()["results"][0]
        return result

    @staticmethod
    def mutation(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": uuid7_str(),
            "type": kind,
            "created_at": utcnow().isoformat(),
            "payload": payload,
        }

    def new_intent(self, order_id: str | None = None) -> dict[str, Any]:
        response = self.client.post(
            "/api/v1/payments",
            json={"order_id": order_id or self.new_order(), "provider": "sandbox"},
            headers=self.admin,
        )
        assert response.status_code == 201, response.text
        intent: dict[str, Any] = response.json()
        return intent

    @staticmethod
    def reference(intent: dict[str, Any]) -> str:
        return str(intent["qr_content"]).rsplit("/pay/", 1)[1]

    def new_paid_payment(self) -> tuple[str, int]:
        intent = self.new_intent()
        paid = self.client.post(f"/pay/{self.reference(intent)}/pay")
        assert paid.status_code == 200, paid.text
        return str(intent["order_id"]), int(intent["id"])

    def redeemed_at_a(self) -> str:
        """An unpaid order of store A on which Wang spent 10 points at store A."""
        order_id = self.new_order()
        response = self.client.post(
            f"/api/v1/members/{self.world.member_wang}/redeem",
            json={
                "idempotency_key": uuid7_str(),
                "points": 10,
                "order_id": order_id,
                "proof": {"member_code": self.member_code()},
            },
            headers=self.tokens[P.GUIDE_A],
        )
        assert response.status_code == 200, response.text
        return order_id

    def member_code(self) -> str:
        return member_codes.make_member_code(TEST_SECRET, self.world.member_wang)


def _flip(text: str) -> str:
    """The same text with its last character changed."""
    return text[:-1] + ("A" if text[-1] != "A" else "B")


# ----------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class Row:
    rule: Rule
    call: Callable[[Ctx, P], Call]
    tampered: Callable[[Ctx], Call] | None = None  # SIGNED rows: a changed reference
    tampered_status: int = 404
    expect: Mapping[P, Expected] = field(default_factory=dict)  # exceptions to the rule
    push_results: bool = False  # 200 with a rejected mutation counts as a 403
    why: str = ""

    def expected(self, who: P) -> Expected:
        return self.expect.get(who, EXPECTED[self.rule][who])


def _get(path: str, **params: Any) -> Callable[[Ctx, P], Call]:
    return lambda ctx, who: Call("GET", path.format(**_ids(ctx)), params=params or None)


def _ids(ctx: Ctx) -> dict[str, Any]:
    w = ctx.world
    return {
        "a": w.store_a,
        "b": w.store_b,
        "style": w.runner,
        "variant": w.runner_black_42,
        "wang": w.member_wang,
        "guide_a": w.users["a.guide"],
        "order": ctx.paid_order,
        "payment": ctx.paid_payment,
    }


def _login(ctx: Ctx, who: P) -> Call:
    return Call("POST", "/api/v1/auth/login", json={"username": "a.guide", "password": PASSWORD})


def _refresh(ctx: Ctx, who: P) -> Call:
    token = ctx.refresh_token()
    return Call("POST", "/api/v1/auth/refresh", json={"refresh_token": token})


def _logout(ctx: Ctx, who: P) -> Call:
    token = ctx.refresh_token()
    return Call("POST", "/api/v1/auth/logout", json={"refresh_token": token})


def _logout_all(ctx: Ctx, who: P) -> Call:
    return Call("POST", "/api/v1/auth/logout-all", token=ctx.stand_in(who))


def _create_user(ctx: Ctx, who: P) -> Call:
    body = {
        "username": f"new{ctx.next()}.guide",
        "full_name": "New Guide",
        "role": "guide",
        "store_id": ctx.world.store_a,
        "password": "long enough pw",
    }
    return Call("POST", "/api/v1/users", json=body)


def _referral(ctx: Ctx, who: P) -> Call:
    return Call("POST", f"/api/v1/users/{ctx.world.users['a.guide']}/referral-code")


def _set_active(action: str) -> Callable[[Ctx, P], Call]:
    def call(ctx: Ctx, who: P) -> Call:
        target, _ = ctx.new_user(Role.GUIDE, ctx.world.store_a)
        return Call("POST", f"/api/v1/users/{target}/{action}")

    return call


def _count(ctx: Ctx, who: P) -> Call:
    body = {"variant_id": ctx.world.runner_black_42, "counted": 4}
    return Call("POST", f"/api/v1/stores/{ctx.world.store_a}/stock/counts", json=body)


def _resolve(ctx: Ctx, who: P) -> Call:
    return Call("POST", "/api/v1/members/resolve", json={"code": ctx.member_code()})


def _enrol(ctx: Ctx, who: P) -> Call:
    body = {"name": "New Member", "phone": f"1390000{ctx.next():04d}", "consent": True}
    return Call("POST", "/api/v1/members", json=body)


def _redeem(ctx: Ctx, who: P) -> Call:
    body = {
        "idempotency_key": uuid7_str(),
        "points": 10,
        "proof": {"member_code": ctx.member_code()},
    }
    return Call("POST", f"/api/v1/members/{ctx.world.member_wang}/redeem", json=body)


def _release(ctx: Ctx, who: P) -> Call:
    body = {"order_id": ctx.redeemed_at_a()}
    return Call("POST", f"/api/v1/members/{ctx.world.member_wang}/release", json=body)


def _pull(ctx: Ctx, who: P) -> Call:
    return Call(
        "POST", "/api/v1/sync/pull", json={"scopes": {f"members:{ctx.world.store_a}": None}}
    )


def _push(ctx: Ctx, who: P) -> Call:
    mutation = ctx.mutation("order.place", ctx.order_payload())
    return Call("POST", "/api/v1/sync/push", json={"mutations": [mutation]})


def _new_intent(ctx: Ctx, who: P) -> Call:
    return Call(
        "POST", "/api/v1/payments", json={"order_id": ctx.new_order(), "provider": "sandbox"}
    )


def _cancel(ctx: Ctx, who: P) -> Call:
    return Call("POST", f"/api/v1/payments/{ctx.new_intent()['id']}/cancel")


def _refund(ctx: Ctx, who: P) -> Call:
    return Call("POST", f"/api/v1/payments/{ctx.new_paid_payment()[1]}/refund")


def _notice(ctx: Ctx, bill: str) -> bytes:
    return json.dumps(
        {
            "bill_number": bill,
            "transaction_id": f"T{ctx.next()}",
            "result": "declined",
            "amount": "99.00",
            "currency": "CNY",
            "reason": "test",
        }
    ).encode()


def _notify(ctx: Ctx, who: P) -> Call:
    body = _notice(ctx, offline_bill_number(str(uuid.uuid4())))
    headers = {
        "X-Signature": sign_notice(ACQUIRER_SECRET, body),
        "Content-Type": "application/json",
    }
    return Call("POST", "/api/v1/payments/notify/emv", content=body, headers=headers)


def _notify_forged(ctx: Ctx) -> Call:
    call = _notify(ctx, P.ANONYMOUS)
    call.headers["X-Signature"] = _flip(call.headers["X-Signature"])
    return call


def _split_rule(ctx: Ctx, who: P) -> Call:
    body = {
        "store_id": ctx.world.store_a,
        "parties": [{"party": "brand", "kind": "remainder", "value": 0}],
    }
    return Call("POST", "/api/v1/split-rules", json=body)


def _wallet(action: str) -> Callable[[Ctx, P], Call]:
    def call(ctx: Ctx, who: P) -> Call:
        if not action:
            return Call("GET", f"/pay/{ctx.wallet_reference}")
        return Call("POST", f"/pay/{Ctx.reference(ctx.new_intent())}/{action}")

    return call


def _wallet_tampered(action: str) -> Callable[[Ctx], Call]:
    def call(ctx: Ctx) -> Call:
        reference = _flip(Ctx.reference(ctx.new_intent()))
        return Call(
            "POST" if action else "GET", f"/pay/{reference}" + (f"/{action}" if action else "")
        )

    return call


def _receipt(ctx: Ctx, who: P) -> Call:
    return Call("GET", f"/receipt/{receipts.make_receipt_token(TEST_SECRET, ctx.paid_order)}")


def _receipt_tampered(ctx: Ctx) -> Call:
    return Call(
        "GET", f"/receipt/{_flip(receipts.make_receipt_token(TEST_SECRET, ctx.paid_order))}"
    )


ZIP = b"PK\x03\x04" + b"\0" * 26


def _upload(ctx: Ctx, who: P) -> Call:
    return Call("POST", "/api/v1/diagnostics", files={"report": ("d.zip", ZIP, "application/zip")})


def _download(ctx: Ctx, who: P) -> Call:
    sent = ctx.client.post(
        "/api/v1/diagnostics",
        files={"report": ("d.zip", ZIP, "application/zip")},
        headers=ctx.tokens[P.GUIDE_A],
    )
    assert sent.status_code == 201, sent.text
    return Call("GET", f"/api/v1/diagnostics/{sent.json()['id']}")


def _barcode(ctx: Ctx) -> str:
    with Session(ctx.engine) as s:
        variant = s.get(Variant, ctx.world.runner_black_42)
        assert variant is not None
        return variant.barcode


TABLE: dict[tuple[str, str], Row] = {
    # ------------------------------------------------------------------ ops and documentation
    ("GET", "/healthz"): Row(Rule.PUBLIC, _get("/healthz")),
    ("GET", "/readyz"): Row(Rule.PUBLIC, _get("/readyz")),
    ("GET", "/metrics"): Row(
        Rule.PUBLIC, _get("/metrics"), why="open unless SHOPGUIDE_METRICS_TOKEN is set"
    ),
    ("GET", "/openapi.json"): Row(Rule.PUBLIC, _get("/openapi.json")),
    ("GET", "/docs"): Row(Rule.PUBLIC, _get("/docs")),
    ("GET", "/docs/oauth2-redirect"): Row(Rule.PUBLIC, _get("/docs/oauth2-redirect")),
    ("GET", "/redoc"): Row(Rule.PUBLIC, _get("/redoc")),
    # ------------------------------------------------------------------ auth and accounts
    ("POST", "/api/v1/auth/login"): Row(Rule.PUBLIC, _login, why="the password is the credential"),
    ("POST", "/api/v1/auth/refresh"): Row(Rule.SIGNED, _refresh, why="the refresh token is"),
    ("POST", "/api/v1/auth/logout"): Row(Rule.SIGNED, _logout, why="the refresh token is"),
    ("POST", "/api/v1/auth/logout-all"): Row(
        Rule.LOGGED_IN, _logout_all, why="acts on the caller (a stand-in of the same role)"
    ),
    ("GET", "/api/v1/auth/me"): Row(Rule.LOGGED_IN, _get("/api/v1/auth/me")),
    ("POST", "/api/v1/users"): Row(
        Rule.MANAGER_OF_STORE, _create_user, why="a guide of store A: its manager, admins"
    ),
    ("POST", "/api/v1/users/{user_id}/referral-code"): Row(
        Rule.SELF_OR_STORE_MANAGER, _referral, why="guide A's own code"
    ),
    ("POST", "/api/v1/users/{user_id}/disable"): Row(
        Rule.MANAGER_OF_STORE, _set_active("disable"), why="a guide of store A"
    ),
    ("POST", "/api/v1/users/{user_id}/enable"): Row(
        Rule.MANAGER_OF_STORE, _set_active("enable"), why="a guide of store A"
    ),
    # ------------------------------------------------------------------ shared reads
    ("GET", "/api/v1/stores"): Row(Rule.LOGGED_IN, _get("/api/v1/stores")),
    ("GET", "/api/v1/stores/{store_id}"): Row(Rule.LOGGED_IN, _get("/api/v1/stores/{a}")),
    ("GET", "/api/v1/catalog/styles"): Row(Rule.LOGGED_IN, _get("/api/v1/catalog/styles")),
    ("GET", "/api/v1/catalog/categories"): Row(Rule.LOGGED_IN, _get("/api/v1/catalog/categories")),
    ("GET", "/api/v1/catalog/styles/{style_id}"): Row(
        Rule.LOGGED_IN, _get("/api/v1/catalog/styles/{style}")
    ),
    ("GET", "/api/v1/catalog/variants/{variant_id}"): Row(
        Rule.LOGGED_IN, _get("/api/v1/catalog/variants/{variant}")
    ),
    ("GET", "/api/v1/catalog/barcodes/{barcode}"): Row(
        Rule.LOGGED_IN,
        lambda ctx, who: Call("GET", f"/api/v1/catalog/barcodes/{_barcode(ctx)}"),
    ),
    ("GET", "/api/v1/stock/variants/{variant_id}"): Row(
        Rule.LOGGED_IN, _get("/api/v1/stock/variants/{variant}")
    ),
    ("GET", "/api/v1/stock/styles/{style_id}"): Row(
        Rule.LOGGED_IN, _get("/api/v1/stock/styles/{style}")
    ),
    ("GET", "/api/v1/stores/{store_id}/stock/styles/{style_id}"): Row(
        Rule.LOGGED_IN, _get("/api/v1/stores/{a}/stock/styles/{style}"), why="stock is shared"
    ),
    ("POST", "/api/v1/stores/{store_id}/stock/counts"): Row(Rule.OWN_STORE, _count),
    ("GET", "/api/v1/stores/{store_id}/inbox"): Row(
        Rule.OWN_STORE, _get("/api/v1/stores/{a}/inbox")
    ),
    # ------------------------------------------------------------------ members (audited)
    ("GET", "/api/v1/members/policy"): Row(Rule.LOGGED_IN, _get("/api/v1/members/policy")),
    ("GET", "/api/v1/members/lookup"): Row(
        Rule.LOGGED_IN, _get("/api/v1/members/lookup", card="8800123456789012")
    ),
    ("POST", "/api/v1/members/resolve"): Row(Rule.LOGGED_IN, _resolve),
    ("GET", "/api/v1/members/{member_id}"): Row(Rule.LOGGED_IN, _get("/api/v1/members/{wang}")),
    ("POST", "/api/v1/members"): Row(
        Rule.STORE_ACCOUNT, _enrol, why="a member's home store is the enrolling account's"
    ),
    ("POST", "/api/v1/members/{member_id}/pass"): Row(
        Rule.HOME_STORE_OR_MANAGER,
        lambda ctx, who: Call("POST", f"/api/v1/members/{ctx.world.member_wang}/pass"),
        why="Wang's home store is A; managers handle lost phones",
    ),
    ("POST", "/api/v1/members/{member_id}/redeem"): Row(
        Rule.LOGGED_IN, _redeem, why="any store, with the member's proof of presence"
    ),
    ("POST", "/api/v1/members/{member_id}/release"): Row(
        Rule.OWN_STORE,
        _release,
        expect={P.GUIDE_B: 409, P.MANAGER_B: 409},
        why="only the store that redeemed releases: refused as a 409 with the reason",
    ),
    # ------------------------------------------------------------------ sync
    ("POST", "/api/v1/sync/pull"): Row(Rule.OWN_STORE, _pull, why="members:<store A>"),
    ("POST", "/api/v1/sync/push"): Row(
        Rule.OWN_STORE, _push, push_results=True, why="order.place at store A"
    ),
    # ------------------------------------------------------------------ orders and payments
    ("GET", "/api/v1/orders"): Row(Rule.OWN_STORE, _get("/api/v1/orders", store_id="{a}")),
    ("GET", "/api/v1/orders/{order_id}"): Row(Rule.OWN_STORE, _get("/api/v1/orders/{order}")),
    ("GET", "/api/v1/orders/{order_id}/receipt"): Row(
        Rule.OWN_STORE, _get("/api/v1/orders/{order}/receipt")
    ),
    ("POST", "/api/v1/payments"): Row(Rule.OWN_STORE, _new_intent),
    ("GET", "/api/v1/payments/{payment_id}"): Row(
        Rule.OWN_STORE, _get("/api/v1/payments/{payment}")
    ),
    ("POST", "/api/v1/payments/{payment_id}/cancel"): Row(Rule.OWN_STORE, _cancel),
    ("POST", "/api/v1/payments/{payment_id}/refund"): Row(Rule.MANAGER_OF_STORE, _refund),
    ("POST", "/api/v1/payments/notify/{provider}"): Row(
        Rule.SIGNED,
        _notify,
        tampered=_notify_forged,
        tampered_status=400,
        why="the acquirer's HMAC signature is the credential",
    ),
    # ------------------------------------------------------------------ manager reports, split
    ("GET", "/api/v1/manager/low-stock"): Row(
        Rule.MANAGER_OF_STORE, _get("/api/v1/manager/low-stock", store_id="{a}")
    ),
    ("GET", "/api/v1/manager/restock"): Row(
        Rule.MANAGER_OF_STORE, _get("/api/v1/manager/restock", store_id="{a}")
    ),
    ("GET", "/api/v1/manager/lost-demand"): Row(
        Rule.MANAGER_OF_STORE, _get("/api/v1/manager/lost-demand", store_id="{a}")
    ),
    ("GET", "/api/v1/manager/guides"): Row(
        Rule.MANAGER_OF_STORE, _get("/api/v1/manager/guides", store_id="{a}")
    ),
    ("GET", "/api/v1/split-rules"): Row(
        Rule.MANAGER_OF_STORE, _get("/api/v1/split-rules", store_id="{a}")
    ),
    ("POST", "/api/v1/split-rules"): Row(Rule.ADMIN_ONLY, _split_rule),
    # ------------------------------------------------------------------ diagnostics
    ("POST", "/api/v1/diagnostics"): Row(Rule.LOGGED_IN, _upload),
    ("GET", "/api/v1/diagnostics"): Row(Rule.ADMIN_ONLY, _get("/api/v1/diagnostics")),
    ("GET", "/api/v1/diagnostics/{report_id}"): Row(
        Rule.ADMIN_ONLY, _download, why="a report another account sent"
    ),
    # ------------------------------------------------------------------ public pages
    ("GET", "/pay/{reference}"): Row(Rule.SIGNED, _wallet(""), tampered=_wallet_tampered("")),
    ("POST", "/pay/{reference}/pay"): Row(
        Rule.SIGNED, _wallet("pay"), tampered=_wallet_tampered("pay")
    ),
    ("POST", "/pay/{reference}/decline"): Row(
        Rule.SIGNED, _wallet("decline"), tampered=_wallet_tampered("decline")
    ),
    ("GET", "/receipt/{token}"): Row(Rule.SIGNED, _receipt, tampered=_receipt_tampered),
    ("GET", "/m/{pass_token}"): Row(
        Rule.SIGNED,
        lambda ctx, who: Call("GET", f"/m/{ctx.pass_token}"),
        tampered=lambda ctx: Call("GET", f"/m/{_flip(ctx.pass_token)}"),
    ),
    ("GET", "/r/{code}"): Row(
        Rule.SIGNED,
        lambda ctx, who: Call("GET", f"/r/{ctx.referral_code}"),
        tampered=lambda ctx: Call("GET", f"/r/{_flip(ctx.referral_code)}"),
        why="a random code of 8 from 32 letters, issued once per guide",
    ),
}


# ----------------------------------------------------------------------------- fixtures


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """(method, path template) of every route the app answers, however routers are nested."""
    try:
        from fastapi.routing import iter_route_contexts  # FastAPI >= 0.16x keeps routers nested

        routes: Iterator[Any] = iter(iter_route_contexts(app.routes))
    except ImportError:  # pragma: no cover - older FastAPI: a flat list
        routes = iter(app.routes)
    found = set()
    for route in routes:
        path = getattr(route, "path_format", None) or getattr(route, "path", None)
        methods = set(getattr(route, "methods", None) or ())
        if path is None:
            continue
        if "GET" in methods:
            methods.discard("HEAD")  # answered by the GET route itself
        found.update((method, path) for method in methods)
    return found


@pytest.fixture(scope="module")
def ctx(migrated_url: str) -> Iterator[Ctx]:
    settings = Settings(
        database_url=migrated_url,
        secret_key=TEST_SECRET,
        demo_mode=False,
        sandbox_payments=True,
        emv_acquirer_secret=ACQUIRER_SECRET,
        member_lookup_limit=100_000,
    )
    app = create_app(settings)
    wipe(app.state.engine)
    world = build_world(app.state.engine)
    with app.state.engine.begin() as conn:  # enough for every hold and transfer made here
        conn.execute(text("UPDATE stock_level SET on_hand = 1000"))
    with TestClient(app, client=("198.51.100.9", 50000)) as client:
        c = Ctx(app=app, client=client, world=world, settings=settings, tokens={})
        _, manager_b = c.new_user(Role.MANAGER, world.store_b)
        for who, username in (
            (P.GUIDE_A, "a.guide"),
            (P.MANAGER_A, "a.manager"),
            (P.GUIDE_B, "b.guide"),
            (P.MANAGER_B, manager_b),
            (P.ADMIN, "admin"),
        ):
            c.tokens[who] = c.bearer(username)
        c.tokens[P.ANONYMOUS] = {}
        c.tokens[P.EXPIRED] = _token(world.users["a.guide"], Role.GUIDE, world.store_a, age_hours=1)
        c.tokens[P.FORGED] = _token(world.users["admin"], Role.ADMIN, None, secret="x" * 48)
        gone, _ = c.new_user(Role.GUIDE, world.store_a)
        c.tokens[P.DISABLED] = c.minted(gone)
        disabled = client.post(f"/api/v1/users/{gone}/disable", headers=c.admin)
        assert disabled.status_code == 200, disabled.text
        c.tokens[P.LOGGED_OUT] = c.minted(c.new_user(Role.GUIDE, world.store_a)[0])
        left = client.post("/api/v1/auth/logout-all", headers=c.tokens[P.LOGGED_OUT])
        assert left.status_code == 204, left.text

        c.paid_order, c.paid_payment = c.new_paid_payment()
        c.wallet_reference = Ctx.reference(c.new_intent())
        with Session(app.state.engine) as s:
            wang = s.get(Member, world.member_wang)
            assert wang is not None
            c.pass_token = member_codes.pass_token(TEST_SECRET, wang.id or 0, wang.pass_version)
            c.referral_code = referrals.issue(
                s,
                world.users["a.guide"],
                caller_id=world.users["a.guide"],
                caller_role=Role.GUIDE,
                caller_store=world.store_a,
            ).code
        yield c
    app.state.engine.dispose()


def _token(
    user_id: int,
    role: Role,
    store_id: int | None,
    *,
    age_hours: int = 0,
    secret: str = TEST_SECRET,
    version: int = 0,
) -> dict[str, str]:
    token = security.issue_access_token(
        secret=secret,
        user_id=user_id,
        role=role.value,
        store_id=store_id,
        token_version=version,
        lifetime=timedelta(minutes=15),
        now=datetime.now(UTC) - timedelta(hours=age_hours),
    )
    return {"Authorization": f"Bearer {token}"}


# ----------------------------------------------------------------------------- the tests


def test_every_route_has_a_rule(ctx: Ctx) -> None:
    routes = app_routes(ctx.app)
    missing = sorted(routes - TABLE.keys())
    gone = sorted(TABLE.keys() - routes)
    assert not missing, (
        "routes without an authorisation rule (add them to TABLE in this file, "
        f"with who may call them): {missing}"
    )
    assert not gone, f"TABLE rows for routes that no longer exist: {gone}"


def _status_class(row: Row, response: Any) -> Expected:
    status = int(response.status_code)
    if (
        row.push_results
        and status == 200
        and any(r["status"] == "rejected" for r in response.json()["results"])
    ):
        return 403
    return OK if 200 <= status < 300 else status


def _send(ctx: Ctx, call: Call, who: P) -> Any:
    headers = dict(ctx.tokens[who] if call.token is None else call.token)
    headers.update(call.headers)
    params = (
        {k: v.format(**_ids(ctx)) if isinstance(v, str) else v for k, v in call.params.items()}
        if call.params
        else None
    )
    return ctx.client.request(
        call.method,
        call.path,
        params=params,
        json=call.json,
        content=call.content,
        files=call.files,
        headers=headers,
    )


@pytest.mark.parametrize("route", sorted(TABLE), ids=[f"{m} {p}" for m, p in sorted(TABLE)])
def test_route_answers_each_principal_as_its_rule_says(ctx: Ctx, route: tuple[str, str]) -> None:
    if route not in app_routes(ctx.app):
        pytest.fail(f"{route} is in TABLE but not in the app")
    row = TABLE[route]
    wrong = []
    for who in P:
        call = row.call(ctx, who)
        assert call.method == route[0]
        response = _send(ctx, call, who)
        got, want = _status_class(row, response), row.expected(who)
        if got != want:
            wrong.append(
                f"{who.value}: expected {want}, got {response.status_code} {response.text[:160]}"
            )
    if row.tampered is not None:
        response = _send(ctx, row.tampered(ctx), P.ANONYMOUS)
        if response.status_code != row.tampered_status:
            wrong.append(
                f"a changed reference: expected {row.tampered_status}, got {response.status_code}"
            )
    assert not wrong, f"{route[0]} {route[1]} ({row.rule.value}):\n" + "\n".join(wrong)


# ----------------------------------------------------------------------------- pushed mutations
#
# `POST /api/v1/sync/push` answers 200 with each mutation applied or rejected, so the route
# table above cannot tell who may push what. This table does, per mutation type, for the
# five staff principals (callers without a valid token never get past the route: 401).

A_SIDE = (P.GUIDE_A, P.MANAGER_A, P.ADMIN)
B_SIDE = (P.GUIDE_B, P.MANAGER_B, P.ADMIN)


@dataclass(frozen=True)
class MutationRule:
    allowed: tuple[P, ...]
    payload: Callable[[Ctx], dict[str, Any]]  # fresh objects for every push
    why: str


def _record_payment(ctx: Ctx) -> dict[str, Any]:
    return {
        "order_id": ctx.new_order(),
        "method": "cash",
        "amount": 9900,
        "currency": "CNY",
        "confirmed_by_guide": True,
    }


def _reservation(ctx: Ctx) -> dict[str, Any]:
    return {
        "reservation_id": uuid7_str(),
        "from_store_id": ctx.world.store_a,
        "at_store_id": ctx.world.store_b,
        "variant_id": ctx.world.runner_black_42,
        "customer_name": "Ms Chen",
    }


def _transfer(ctx: Ctx) -> dict[str, Any]:
    return {
        "transfer_id": uuid7_str(),
        "from_store_id": ctx.world.store_b,
        "to_store_id": ctx.world.store_a,
        "variant_id": ctx.world.runner_black_42,
    }


MUTATIONS: dict[str, MutationRule] = {
    "order.place": MutationRule(A_SIDE, lambda c: c.order_payload(), "an order of store A"),
    "payment.record": MutationRule(A_SIDE, _record_payment, "cash for an order of store A"),
    "member.update": MutationRule(
        STAFF,
        lambda c: {"member_id": c.world.member_wang, "note": "likes blue"},
        "members shop brand-wide: any store notes their sizes (audited)",
    ),
    "member.redeem": MutationRule(
        STAFF,
        lambda c: {
            "member_id": c.world.member_wang,
            "points": 10,
            "proof": {"member_code": c.member_code()},
        },
        "any store, with the member's proof of presence",
    ),
    "reservation.request": MutationRule(A_SIDE, _reservation, "for store A's customer, at B"),
    "reservation.answer": MutationRule(
        B_SIDE,
        lambda c: {
            "reservation_id": c.new_reservation(c.world.store_a, c.world.store_b),
            "answer": "confirm",
        },
        "the holding store (B) answers",
    ),
    "reservation.collect": MutationRule(
        B_SIDE,
        lambda c: {"reservation_id": c.new_reservation(c.world.store_a, c.world.store_b)},
        "collected at the holding store (B)",
    ),
    "reservation.cancel": MutationRule(
        B_SIDE,
        lambda c: {
            "reservation_id": c.new_reservation(c.world.store_b, c.world.store_c),
            "reason": "changed their mind",
        },
        "either store of the hold (B and C): not A",
    ),
    "transfer.request": MutationRule(A_SIDE, _transfer, "to store A, from B"),
    "transfer.answer": MutationRule(
        B_SIDE,
        lambda c: {
            "transfer_id": c.new_transfer(c.world.store_b, c.world.store_a),
            "answer": "accept",
        },
        "the sending store (B) answers",
    ),
    "transfer.ship": MutationRule(
        B_SIDE,
        lambda c: {
            "transfer_id": c.new_transfer(c.world.store_b, c.world.store_a, "transfer.answer")
        },
        "the sending store (B) ships",
    ),
    "transfer.receive": MutationRule(
        A_SIDE,
        lambda c: {
            "transfer_id": c.new_transfer(
                c.world.store_b, c.world.store_a, "transfer.answer", "transfer.ship"
            )
        },
        "the receiving store (A) confirms",
    ),
    "transfer.cancel": MutationRule(
        B_SIDE,
        lambda c: {
            "transfer_id": c.new_transfer(c.world.store_c, c.world.store_b),
            "reason": "found one here",
        },
        "either store of the transfer (C and B): not A",
    ),
    "demand.lost": MutationRule(
        A_SIDE,
        lambda c: {
            "demand_id": uuid7_str(),
            "store_id": c.world.store_a,
            "variant_id": c.world.runner_black_42,
            "at": utcnow().isoformat(),
        },
        "store A's own lost sale",
    ),
}


def test_every_mutation_type_has_a_rule() -> None:
    assert sorted(MUTATION_TYPES.keys() - MUTATIONS.keys()) == [], "mutation types without a rule"
    assert sorted(MUTATIONS.keys() - MUTATION_TYPES.keys()) == [], "rules for unknown types"


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
def test_a_pushed_mutation_is_applied_for_whom_its_rule_says(ctx: Ctx, kind: str) -> None:
    rule = MUTATIONS[kind]
    wrong = []
    for who in STAFF:
        result = ctx.push(ctx.tokens[who], kind, rule.payload(ctx))
        want = "applied" if who in rule.allowed else "rejected"
        reason = result.get("reason") or ""
        if result["status"] != want or (want == "rejected" and "store" not in reason):
            wrong.append(f"{who.value}: expected {want}, got {result['status']} {reason[:160]}")
    assert not wrong, f"{kind} ({rule.why}):\n" + "\n".join(wrong)
