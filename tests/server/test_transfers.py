"""Transfers between stores: asked for by one store's guide, answered, shipped and received through
the other's inbox, stock following at each step, each step once however often it is pushed."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from shopguide.core.ids import uuid7_str
from shopguide.server.models import LostDemand, OrderLine, Transfer
from tests.server.conftest import ServerUnderTest
from tests.server.test_reservations import nearby, store
from tests.server.test_sync_feed import Replica, sync
from tests.server.test_sync_push import mutation, on_hand, order_payload, push


def request_transfer(
    server: ServerUnderTest,
    variant_id: int,
    *,
    sender: str = "b",
    receiver: str = "a",
    quantity: int = 1,
    **extra: Any,
) -> dict[str, Any]:
    return mutation(
        "transfer.request",
        {
            "transfer_id": uuid7_str(),
            "from_store_id": store(server, sender),
            "to_store_id": store(server, receiver),
            "variant_id": variant_id,
            "quantity": quantity,
            **extra,
        },
    )


def step(kind: str, transfer_id: str, **extra: Any) -> dict[str, Any]:
    return mutation(f"transfer.{kind}", {"transfer_id": transfer_id, **extra})


STATUS = 5  # the status column of a transfer row on the wire


def test_a_transfer_round_trip_between_two_stores_tablets(server: ServerUnderTest) -> None:
    w = server.world
    engine = server.app.state.engine
    a_guide, b_guide = server.login("a.guide"), server.login("b.guide")
    variant = w.runner_black_42  # none at A, two at B
    a_inbox = sync(server, a_guide, Replica(f"inbox:{w.store_a}"))
    b_inbox = sync(server, b_guide, Replica(f"inbox:{w.store_b}"))
    a_stock = sync(server, a_guide, Replica(f"stock:{w.store_a}"))
    b_stock = sync(server, a_guide, Replica(f"stock:{w.store_b}"))

    asked = request_transfer(server, variant, quantity=2)
    transfer_id = asked["payload"]["transfer_id"]
    # The network flaps: the tablet never hears the answer and pushes again.
    first, again = push(server, a_guide, asked), push(server, a_guide, asked)
    assert first[0]["result"] == {"transfer_id": transfer_id, "status": "requested", "left": 0}
    assert again[0]["repeat"] is True
    assert nearby(server, a_guide, variant)[w.store_b]["available"] == 0

    sync(server, b_guide, b_inbox)
    assert b_inbox.state["transfer"][transfer_id][STATUS] == "requested"
    accept = step("answer", transfer_id, answer="accept")
    ship = step("ship", transfer_id)
    results = push(server, b_guide, accept, ship) + push(server, b_guide, accept, ship)
    assert [r["result"]["status"] for r in results] == ["accepted", "shipped"] * 2
    assert [r.get("repeat", False) for r in results] == [False, False, True, True]
    assert on_hand(engine, w.store_b, variant) == 0

    sync(server, a_guide, a_inbox)
    assert a_inbox.state["transfer"][transfer_id][STATUS] == "shipped"
    receive = step("receive", transfer_id)
    push(server, a_guide, receive)
    push(server, a_guide, receive)
    assert on_hand(engine, w.store_a, variant) == 2

    for replica, headers in ((a_inbox, a_guide), (b_inbox, b_guide)):
        sync(server, headers, replica)
        assert replica.state["transfer"][transfer_id][STATUS] == "received"
    sync(server, a_guide, a_stock)
    sync(server, a_guide, b_stock)
    assert a_stock.state["stock"][str(variant)][1] == 2
    assert b_stock.state["stock"][str(variant)][1] == 0
    with Session(engine) as s:
        [lost] = s.exec(select(LostDemand)).all()
    assert (lost.store_id, lost.source, lost.reference) == (w.store_a, "transfer", transfer_id)


def test_a_checkout_line_sent_from_another_store_leaves_this_stores_stock_alone(
    server: ServerUnderTest,
) -> None:
    w = server.world
    engine = server.app.state.engine
    a_guide, b_guide = server.login("a.guide"), server.login("b.guide")
    variant = w.runner_black_42
    order = order_payload(server, lines=[(variant, 1, 59900, 0)])
    order["lines"][0] |= {"fulfilment": "ship", "from_store_id": w.store_b}
    shipping = request_transfer(
        server,
        variant,
        order_id=order["order_id"],
        ship_to={"name": "王芳", "phone": "13812345678", "address": "深圳市福田区福华三路 88 号"},
    )
    results = push(server, a_guide, shipping, mutation("order.place", order))
    assert [r["status"] for r in results] == ["applied", "applied"], results
    assert results[1]["result"]["oversold"] == []
    assert on_hand(engine, w.store_a, variant) == 0  # untouched: the goods come from B
    with Session(engine) as s:
        [line] = s.exec(select(OrderLine)).all()
        assert (line.fulfilment, line.from_store_id) == ("ship", w.store_b)
        assert s.exec(select(LostDemand)).all() == []  # the sale was made: nothing lost

    transfer_id = shipping["payload"]["transfer_id"]
    parcel = server.client.get(f"/api/v1/stores/{w.store_b}/inbox", headers=b_guide).json()
    [incoming] = parcel["transfers"]
    assert (incoming["direction"], incoming["ship_to_name"]) == ("outgoing", "王芳")
    assert incoming["order_id"] == order["order_id"]
    push(server, b_guide, step("ship", transfer_id))  # shipping accepts it on the way
    push(server, a_guide, step("receive", transfer_id))  # the customer has it
    assert on_hand(engine, w.store_b, variant) == 1
    assert on_hand(engine, w.store_a, variant) == 0
    with Session(engine) as s:
        transfer = s.get(Transfer, transfer_id)
        assert transfer is not None
        assert transfer.status == "received"
        assert transfer.answered_by == server.world.users["b.guide"]


def test_a_transfer_cannot_take_what_is_not_there_or_already_promised(
    server: ServerUnderTest,
) -> None:
    w = server.world
    headers = server.login("a.guide")
    variant = w.variants["RS-0001-WHI-42"]  # two at B
    [first] = push(server, headers, request_transfer(server, variant, quantity=2))
    assert first["status"] == "applied"
    [second] = push(server, headers, request_transfer(server, variant))
    assert second["reason"] == (
        "none left at Nanfeng MixC: reserved by another guide for another customer (2 on hold)"
    )
    [cancelled] = push(
        server, headers, step("cancel", first["result"]["transfer_id"], reason="found one")
    )
    assert cancelled["result"]["status"] == "cancelled"
    [third] = push(server, headers, request_transfer(server, variant))
    assert third["result"]["left"] == 1


def test_each_step_belongs_to_its_store(server: ServerUnderTest) -> None:
    w = server.world
    a_guide, b_guide = server.login("a.guide"), server.login("b.guide")
    asked = request_transfer(server, w.runner_black_42)
    push(server, a_guide, asked)
    transfer_id = asked["payload"]["transfer_id"]

    [shipped_by_requester] = push(server, a_guide, step("ship", transfer_id))
    assert shipped_by_requester["reason"] == "only the sending store ships a transfer"
    [received_early] = push(server, a_guide, step("receive", transfer_id))
    assert received_early["reason"] == "this transfer is requested, not shipped yet"
    [received_by_sender] = push(server, b_guide, step("receive", transfer_id))
    assert received_by_sender["reason"] == "only the receiving store confirms a transfer arrived"
    [for_someone_else] = push(
        server, b_guide, request_transfer(server, w.runner_black_42, sender="c", receiver="a")
    )
    assert for_someone_else["reason"] == (
        "request transfers to your own store: to_store_id is not your store"
    )
    [refused] = push(server, b_guide, step("answer", transfer_id, answer="refuse", reason="shop"))
    assert refused["result"]["status"] == "refused"
    [ship_refused] = push(server, b_guide, step("ship", transfer_id))
    assert ship_refused["reason"] == "this transfer is already refused: shop"
