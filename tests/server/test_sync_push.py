"""Pushes: each mutation applies exactly once, refusals are for good and block nothing,
stock sales reach the stock feed, and malformed requests get a 422 with the reason.
"""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from shopguide.core.ids import uuid7_str
from shopguide.server.models import (
    AppliedMutation,
    AuditLog,
    Member,
    Order,
    OrderLine,
    Payment,
    StockLevel,
)
from tests.server.conftest import ServerUnderTest
from tests.server.test_sync_feed import Replica, sync

PUSH = "/api/v1/sync/push"


def order_payload(
    server: ServerUnderTest,
    *,
    lines: list[tuple[int, int, int, int]] | None = None,
    store_id: int | None = None,
    member_id: int | None = None,
    order_id: str | None = None,
) -> dict[str, Any]:
    """An order whose sums add up; lines are (variant_id, quantity, unit_price, discount)."""
    w = server.world
    lines = lines or [
        (w.variants["RS-0001-BLA-41"], 1, 59900, 5000),
        (w.variants["TS-0001-NAV-M"], 2, 9900, 0),
    ]
    subtotal = sum(q * p for _, q, p, _ in lines)
    discount = sum(d for *_, d in lines)
    payload: dict[str, Any] = {
        "order_id": order_id or uuid7_str(),
        "store_id": store_id or w.store_a,
        "currency": "CNY",
        "lines": [
            {"variant_id": v, "quantity": q, "unit_price": p, "discount": d} for v, q, p, d in lines
        ],
        "subtotal": subtotal,
        "discount": discount,
        "total": subtotal - discount,
        "created_at": "2026-11-25T10:00:00Z",
    }
    if member_id is not None:
        payload["member_id"] = member_id
    return payload


def mutation(type_: str, payload: dict[str, Any], mutation_id: str | None = None) -> dict[str, Any]:
    return {
        "id": mutation_id or uuid7_str(),
        "type": type_,
        "created_at": datetime.now(UTC).isoformat(),
        "payload": payload,
    }


def push(
    server: ServerUnderTest, headers: dict[str, str], *mutations: dict[str, Any]
) -> list[dict[str, Any]]:
    response = server.client.post(PUSH, json={"mutations": list(mutations)}, headers=headers)
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    assert [r["id"] for r in results] == [m["id"] for m in mutations]
    return results


def on_hand(engine: Engine, store_id: int, variant_id: int) -> int | None:
    with Session(engine) as s:
        level = s.get(StockLevel, (store_id, variant_id))
        return None if level is None else level.on_hand


def count(engine: Engine, model: type[Any]) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


@pytest.fixture
def engine(server: ServerUnderTest) -> Engine:
    engine: Engine = server.app.state.engine
    return engine


# ----------------------------------------------------------------------------- orders


def test_an_order_is_applied_once_however_often_it_is_pushed(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    headers = server.login("a.guide")
    runner_41 = w.variants["RS-0001-BLA-41"]
    order = mutation("order.place", order_payload(server, member_id=w.member_wang))

    first = push(server, headers, order)
    again = push(server, headers, order)

    order_id = order["payload"]["order_id"]
    assert first == [
        {"id": order["id"], "status": "applied", "result": {"order_id": order_id, "oversold": []}}
    ]
    assert again == [{**first[0], "repeat": True}]
    assert count(engine, Order) == 1
    assert on_hand(engine, w.store_a, runner_41) == 2  # 3 on the shelf, sold once
    with Session(engine) as s:
        stored = s.get(Order, order_id)
        assert stored is not None
        assert stored.guide_id == w.users["a.guide"]
        assert (stored.subtotal, stored.discount, stored.total) == (79700, 5000, 74700)
        lines = s.exec(select(OrderLine).where(OrderLine.order_id == order_id)).all()
        assert sorted((line.line_no, line.net) for line in lines) == [(1, 54900), (2, 19800)]


def test_a_sale_lowers_stock_and_the_change_reaches_the_stock_feed(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    headers = server.login("a.guide")
    scope = f"stock:{w.store_a}"
    replica = sync(server, headers, Replica(scope))
    black_42 = w.runner_black_42  # none left in store A
    tee_m = w.variants["TS-0001-NAV-M"]

    [result] = push(
        server,
        headers,
        mutation(
            "order.place",
            order_payload(server, lines=[(black_42, 1, 59900, 0), (tee_m, 3, 9900, 0)]),
        ),
    )
    sync(server, headers, replica)

    assert result["status"] == "applied"
    assert result["result"]["oversold"] == [black_42]
    assert replica.state["stock"][str(black_42)][1] == -1
    assert replica.state["stock"][str(tee_m)][1] == 0
    assert replica.pages[-1]["kind"] == "changes"
    assert {row[0] for row in replica.pages[-1]["upserts"]["stock"]["rows"]} == {black_42, tee_m}


def test_a_sale_of_a_variant_the_store_never_stocked_creates_its_row(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    tee_l = w.variants["TS-0001-NAV-L"]
    with Session(engine) as s:
        level = s.get(StockLevel, (w.store_a, tee_l))
        s.delete(level)
        s.commit()

    [result] = push(
        server,
        server.login("a.guide"),
        mutation("order.place", order_payload(server, lines=[(tee_l, 2, 9900, 0)])),
    )

    assert result["result"]["oversold"] == [tee_l]
    assert on_hand(engine, w.store_a, tee_l) == -2


def test_a_rejected_mutation_does_not_block_the_ones_behind_it(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    headers = server.login("a.guide")
    stock_before = on_hand(engine, w.store_a, w.variants["RS-0001-BLA-41"])
    bad = mutation(
        "order.place",
        order_payload(
            server, lines=[(w.variants["RS-0001-BLA-41"], 1, 59900, 0), (987654, 1, 100, 0)]
        ),
    )
    good = mutation("order.place", order_payload(server))

    results = push(server, headers, bad, good)

    assert results[0] == {
        "id": bad["id"],
        "status": "rejected",
        "reason": "variant 987654 does not exist",
    }
    assert results[1]["status"] == "applied"
    assert push(server, headers, bad) == [results[0]], "a retry gets the same answer"
    assert count(engine, Order) == 1
    assert on_hand(engine, w.store_a, w.variants["RS-0001-BLA-41"]) == (stock_before or 0) - 1
    with Session(engine) as s:
        stored = s.get(AppliedMutation, bad["id"])
        assert stored is not None
        assert stored.status == "rejected"


def test_concurrent_pushes_of_one_mutation_place_one_order(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    headers = server.login("a.guide")
    order = mutation("order.place", order_payload(server))
    start = threading.Barrier(4)
    results: list[dict[str, Any]] = []
    errors: list[BaseException] = []

    def pusher() -> None:
        try:
            start.wait()
            results.extend(push(server, headers, order))
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=pusher) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert [r["status"] for r in results] == ["applied"] * 4
    assert sum(1 for r in results if not r.get("repeat")) == 1
    assert {r["result"]["order_id"] for r in results} == {order["payload"]["order_id"]}
    assert count(engine, Order) == 1
    assert on_hand(engine, w.store_a, w.variants["RS-0001-BLA-41"]) == 2


def test_an_order_id_recorded_by_another_mutation_is_refused(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    payload = order_payload(server)
    push(server, headers, mutation("order.place", payload))

    [result] = push(server, headers, mutation("order.place", payload))

    assert result["status"] == "rejected"
    assert "order already recorded" in result["reason"]


def another_store(server: ServerUnderTest) -> dict[str, Any]:
    return order_payload(server, store_id=server.world.store_b)


def sums_off(field: str, by: int) -> Any:
    def make(server: ServerUnderTest) -> dict[str, Any]:
        payload = order_payload(server)
        payload[field] += by
        return payload

    return make


def line_discount_too_big(server: ServerUnderTest) -> dict[str, Any]:
    """The order total is positive; one line alone is discounted below zero."""
    w = server.world
    return order_payload(
        server,
        lines=[(w.variants["TS-0001-NAV-M"], 1, 9900, 9901), (w.runner_black_42, 1, 59900, 0)],
    )


def unknown_member(server: ServerUnderTest) -> dict[str, Any]:
    return order_payload(server, member_id=424242)


def other_currency(server: ServerUnderTest) -> dict[str, Any]:
    return {**order_payload(server), "currency": "USD"}


def without_lines(server: ServerUnderTest) -> dict[str, Any]:
    return {**order_payload(server), "lines": []}


def zero_quantity(server: ServerUnderTest) -> dict[str, Any]:
    payload = order_payload(server)
    payload["lines"][0]["quantity"] = 0
    return payload


def bad_order_id(server: ServerUnderTest) -> dict[str, Any]:
    return {**order_payload(server), "order_id": "order-1"}


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (another_store, "is not your store"),
        (sums_off("subtotal", 1), "subtotal 79701 is not the sum of quantity x unit price (79700)"),
        (sums_off("discount", 1), "is not the sum of the line discounts"),
        (sums_off("total", -1), "total 74699 is not subtotal minus discount (74700)"),
        (line_discount_too_big, "line 1: discount 9901 is more than quantity x unit price"),
        (unknown_member, "member 424242 does not exist"),
        (other_currency, "currency USD is not the store's currency"),
        (without_lines, "payload.lines"),
        (zero_quantity, "payload.lines.0.quantity"),
        (bad_order_id, "payload.order_id"),
    ],
)
def test_orders_that_cannot_be_right_are_rejected_with_the_reason(
    server: ServerUnderTest, engine: Engine, make: Any, reason: str
) -> None:
    [result] = push(server, server.login("a.guide"), mutation("order.place", make(server)))

    assert result["status"] == "rejected"
    assert reason in result["reason"]
    assert count(engine, Order) == 0


def test_a_mutation_that_is_not_understood_is_rejected_for_good(
    server: ServerUnderTest, engine: Engine
) -> None:
    headers = server.login("a.guide")
    unknown = mutation("order.cancel", {"order_id": uuid7_str()})
    not_a_uuid = {**mutation("order.place", order_payload(server)), "id": "mutation-1"}

    results = push(server, headers, unknown, not_a_uuid)

    assert results[0]["status"] == "rejected"
    assert "unknown mutation type 'order.cancel'" in results[0]["reason"]
    assert results[1]["status"] == "rejected"
    assert "must be a UUID" in results[1]["reason"]
    assert push(server, headers, unknown) == [results[0]]
    assert count(engine, Order) == 0


def test_any_uuid_version_is_accepted_as_a_mutation_id(server: ServerUnderTest) -> None:
    order = mutation("order.place", order_payload(server), mutation_id=str(uuid.uuid4()).upper())
    [result] = push(server, server.login("a.guide"), order)
    assert result["status"] == "applied"


def test_a_mutation_id_belongs_to_the_account_that_pushed_it(server: ServerUnderTest) -> None:
    update = mutation("member.update", {"member_id": server.world.member_wang, "note": "hi"})
    push(server, server.login("a.guide"), update)

    [result] = push(server, server.login("a.manager"), update)

    assert result["status"] == "rejected"
    assert "another account" in result["reason"]


# ----------------------------------------------------------------------------- payments


def test_an_offline_payment_is_recorded_as_such(server: ServerUnderTest, engine: Engine) -> None:
    headers = server.login("a.guide")
    order = order_payload(server)
    pay = {
        "order_id": order["order_id"],
        "method": "cash",
        "amount": order["total"],
        "currency": "CNY",
        "confirmed_by_guide": True,
    }
    payment = mutation("payment.record", pay)

    results = push(server, headers, mutation("order.place", order), payment)
    twice = push(server, headers, mutation("payment.record", pay))

    assert [r["status"] for r in results] == ["applied", "applied"]
    assert twice[0]["status"] == "rejected"
    assert "already paid" in twice[0]["reason"]
    with Session(engine) as s:
        [stored] = s.exec(select(Payment)).all()
    assert stored.id == results[1]["result"]["payment_id"]
    assert (stored.provider, stored.status, stored.amount) == ("cash", "recorded_offline", 74700)
    assert stored.reference == payment["id"]


@pytest.mark.parametrize(
    ("change", "who", "reason"),
    [
        ({"amount": 1}, "a.guide", "is not the order total"),
        ({"order_id": "0190f3a2-0000-7000-8000-000000000000"}, "a.guide", "does not exist"),
        ({}, "b.guide", "belongs to another store"),
        ({"method": "wallet"}, "a.guide", "payload.method"),
        ({"confirmed_by_guide": False}, "a.guide", "payload.confirmed_by_guide"),
    ],
)
def test_payments_that_do_not_fit_their_order_are_rejected(
    server: ServerUnderTest, engine: Engine, change: dict[str, Any], who: str, reason: str
) -> None:
    order = order_payload(server)
    push(server, server.login("a.guide"), mutation("order.place", order))
    pay = {
        "order_id": order["order_id"],
        "method": "card_terminal",
        "amount": order["total"],
        "currency": "CNY",
        "confirmed_by_guide": True,
        **change,
    }

    [result] = push(server, server.login(who), mutation("payment.record", pay))

    assert result["status"] == "rejected"
    assert reason in result["reason"]
    assert count(engine, Payment) == 0


# ----------------------------------------------------------------------------- members


def test_a_member_edit_is_applied_audited_and_synced(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    headers = server.login("a.guide")
    scope = f"members:{w.store_a}"
    replica = sync(server, headers, Replica(scope))

    [result] = push(
        server,
        headers,
        mutation(
            "member.update",
            {"member_id": w.member_wang, "sizes": {"running shoes": "43", "t-shirts": "L"}},
        ),
    )
    sync(server, headers, replica)

    assert result == {
        "id": result["id"],
        "status": "applied",
        "result": {"member_id": w.member_wang},
    }
    row = replica.state["member"][str(w.member_wang)]
    assert row[8] == {"running shoes": "43", "t-shirts": "L"}
    with Session(engine) as s:
        member = s.get(Member, w.member_wang)
        assert member is not None
        assert member.note == ""
        audit = s.exec(select(AuditLog).where(AuditLog.action == "member.update")).one()
        assert audit.user_id == w.users["a.guide"]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ({"member_id": 424242, "note": "x"}, "member 424242 does not exist"),
        ({"member_id": 1, "sizes": {f"k{n}": "M" for n in range(21)}}, "payload.sizes"),
        ({"member_id": 1, "sizes": {"shoes": "x" * 17}}, "payload.sizes"),
        ({"member_id": 1, "note": "n" * 501}, "payload.note"),
        ({"member_id": 1, "note": "bell\x07"}, "control characters"),
        ({"note": "who?"}, "payload.member_id"),
    ],
)
def test_member_edits_out_of_bounds_are_rejected(
    server: ServerUnderTest, payload: dict[str, Any], reason: str
) -> None:
    [result] = push(server, server.login("a.guide"), mutation("member.update", payload))
    assert result["status"] == "rejected"
    assert reason in result["reason"]


# ----------------------------------------------------------------------------- bad requests


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({}, "mutations: Field required"),
        ({"mutations": "order.place"}, "mutations"),
        ({"mutations": ["order.place"]}, "mutations.0"),
        ({"mutations": [{"type": "order.place", "payload": {}}]}, "mutations.0.id"),
        ({"mutations": [{"id": uuid7_str(), "payload": {}}]}, "mutations.0.type"),
        ({"mutations": [{"id": 7, "type": "order.place", "payload": {}}]}, "mutations.0.id"),
        ({"mutations": [mutation("member.update", {}) for _ in range(201)]}, "at most 200"),
    ],
)
def test_malformed_pushes_get_422_with_the_reason(
    server: ServerUnderTest, engine: Engine, body: dict[str, Any], reason: str
) -> None:
    response = server.client.post(PUSH, json=body, headers=server.login("a.guide"))
    assert response.status_code == 422, response.text
    assert reason in response.json()["detail"]
    assert count(engine, AppliedMutation) == 0


def test_a_bad_envelope_field_rejects_that_mutation_not_the_batch(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    batch = [
        {"id": uuid7_str(), "type": "order.place"},
        {"id": uuid7_str(), "type": "order.place", "payload": ["not", "an", "object"]},
        {"id": "", "type": "member.update", "payload": {}},
        {"id": uuid7_str(), "type": "x" * 300, "payload": {}},
        {"id": uuid7_str(), "type": "nul\x00", "payload": {}},
        mutation("member.update", {"member_id": server.world.member_wang, "note": "ok"}),
    ]

    results = push(server, headers, *batch)

    assert [r["status"] for r in results] == ["rejected"] * 5 + ["applied"]
    assert "payload: Input should be a valid dictionary" in results[0]["reason"]
    assert "payload: Input should be a valid dictionary" in results[1]["reason"]
    assert "must be a UUID" in results[2]["reason"]
    assert "unknown mutation type" in results[3]["reason"]
    assert "unknown mutation type 'nul\\x00'" in results[4]["reason"]


def test_pushing_needs_a_login(server: ServerUnderTest) -> None:
    assert server.client.post(PUSH, json={"mutations": []}).status_code == 401
