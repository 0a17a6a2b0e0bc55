"""Reservations: a pair held at another store for a customer, answered through the holding store's
inbox, expiring by itself; of two guides after the last pair exactly one gets it, and every
request arrives once however often the network makes the tablet push it."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select

from shopguide.core.ids import uuid7_str
from shopguide.server.models import LostDemand, Reservation, StockLevel
from shopguide.server.models.types import utcnow
from tests.server.conftest import ServerUnderTest
from tests.server.test_sync_feed import Replica, sync
from tests.server.test_sync_push import mutation, push

SZ02 = "Nanfeng MixC"  # store B's name in the test world


def reserve(
    server: ServerUnderTest,
    variant_id: int,
    *,
    at: str = "b",
    from_store: str = "a",
    quantity: int = 1,
    reservation_id: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A `reservation.request` mutation for a customer of `from_store`, held at `at`."""
    payload: dict[str, Any] = {
        "reservation_id": reservation_id or uuid7_str(),
        "from_store_id": store(server, from_store),
        "at_store_id": store(server, at),
        "variant_id": variant_id,
        "quantity": quantity,
        "customer_name": "Ms Wang",
        "customer_phone": "138 1234 5678",
        **extra,
    }
    return mutation("reservation.request", payload)


def store(server: ServerUnderTest, key: str) -> int:
    w = server.world
    return {"a": w.store_a, "b": w.store_b, "c": w.store_c}[key]


def answer(reservation_id: str, verdict: str, reason: str = "") -> dict[str, Any]:
    return mutation(
        "reservation.answer",
        {"reservation_id": reservation_id, "answer": verdict, "reason": reason},
    )


def set_on_hand(server: ServerUnderTest, store_id: int, variant_id: int, on_hand: int) -> None:
    with Session(server.app.state.engine) as s:
        level = s.get(StockLevel, (store_id, variant_id))
        assert level is not None
        level.on_hand = on_hand
        s.add(level)
        s.commit()


def nearby(server: ServerUnderTest, headers: dict[str, str], variant_id: int) -> dict[int, Any]:
    """The online nearby-stock answer by store id."""
    response = server.client.get(f"/api/v1/stock/variants/{variant_id}", headers=headers)
    assert response.status_code == 200, response.text
    return {row["store_id"]: row for row in response.json()}


def inbox(server: ServerUnderTest, headers: dict[str, str], store_id: int) -> dict[str, Any]:
    response = server.client.get(
        f"/api/v1/stores/{store_id}/inbox", params={"state": "all"}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def statuses(server: ServerUnderTest) -> list[str]:
    with Session(server.app.state.engine) as s:
        return [r.status for r in s.exec(select(Reservation).order_by(col(Reservation.id))).all()]


# ----------------------------------------------------------------------------- the happy path


def test_a_pair_held_at_another_store_is_confirmed_there_and_collected(
    server: ServerUnderTest,
) -> None:
    w = server.world
    a_guide, b_guide = server.login("a.guide"), server.login("b.guide")
    variant = w.runner_black_42  # none at A, two at B
    request = reserve(server, variant, hours=4)

    [made] = push(server, a_guide, request)

    reservation_id = request["payload"]["reservation_id"]
    assert made["status"] == "applied", made
    assert made["result"]["status"] == "requested"
    assert made["result"]["left"] == 1
    figures = nearby(server, a_guide, variant)
    assert (figures[w.store_b]["on_hand"], figures[w.store_b]["held"]) == (2, 1)
    assert figures[w.store_b]["available"] == 1
    assert figures[w.store_b]["opening_hours"] == "Mon-Sun 10:00-22:00"
    assert next(iter(figures)) == w.store_a  # nearest first: the guide's own store

    waiting = inbox(server, b_guide, w.store_b)["reservations"]
    assert [(r["id"], r["direction"], r["status"]) for r in waiting] == [
        (reservation_id, "incoming", "requested")
    ]
    assert waiting[0]["customer_phone_last4"] == "5678"
    assert waiting[0]["customer_name"] == "Ms Wang"
    assert waiting[0]["label"] == "Breeze Trail Runner Black 42"
    assert waiting[0]["created_by_name"] == "a.guide"

    requester = sync(server, a_guide, Replica(f"inbox:{w.store_a}"))
    assert requester.state["reservation"][reservation_id][8] == "requested"
    [confirmed] = push(server, b_guide, answer(reservation_id, "confirm"))
    assert confirmed["result"] == {"reservation_id": reservation_id, "status": "confirmed"}
    sync(server, a_guide, requester)
    assert requester.state["reservation"][reservation_id][8] == "confirmed"

    [collected] = push(
        server, b_guide, mutation("reservation.collect", {"reservation_id": reservation_id})
    )
    assert collected["result"]["status"] == "collected"
    assert nearby(server, a_guide, variant)[w.store_b]["held"] == 0
    with Session(server.app.state.engine) as s:
        [lost] = s.exec(select(LostDemand)).all()
    assert (lost.store_id, lost.variant_id, lost.source) == (w.store_a, variant, "reservation")
    assert lost.reference == reservation_id


def test_pushed_again_and_again_a_reservation_is_made_once(server: ServerUnderTest) -> None:
    w = server.world
    headers = server.login("a.guide")
    request = reserve(server, w.runner_black_42)
    first = push(server, headers, request)
    again = push(server, headers, request, request)
    same_id_new_mutation = {**request, "id": uuid7_str()}
    [late] = push(server, headers, same_id_new_mutation)

    assert [r.get("repeat") for r in again] == [True, True]
    assert late["status"] == "applied"
    assert late["result"]["reservation_id"] == first[0]["result"]["reservation_id"]
    assert late["result"]["left"] is None
    assert statuses(server) == ["requested"]
    assert nearby(server, headers, w.runner_black_42)[w.store_b]["held"] == 1


# ----------------------------------------------------------------------------- the race


def test_two_guides_reserving_the_last_pair_at_once_one_gets_it(server: ServerUnderTest) -> None:
    w = server.world
    tablets = {name: server.login(name) for name in ("a.guide", "a.manager")}
    variants = [v for sku, v in w.variants.items() if sku.startswith("RS-0001")]
    for round_no, variant in enumerate(variants[:5]):
        set_on_hand(server, w.store_b, variant, 1)
        answers = race(server, tablets, variant)

        outcomes = sorted(a["status"] for a in answers.values())
        assert outcomes == ["applied", "rejected"], (round_no, answers)
        [lost] = [a for a in answers.values() if a["status"] == "rejected"]
        assert lost["reason"] == (
            f"none left at {SZ02}: reserved by another guide for another customer (1 on hold)"
        )
        with Session(server.app.state.engine) as s:
            held = s.exec(select(Reservation).where(Reservation.variant_id == variant)).all()
        assert [r.quantity for r in held] == [1]


def race(
    server: ServerUnderTest, tablets: dict[str, dict[str, str]], variant: int
) -> dict[str, dict[str, Any]]:
    """Each tablet pushes a reservation of `variant` at store B at the same moment."""
    answers: dict[str, dict[str, Any]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(len(tablets))

    def ask(name: str) -> None:
        try:
            request = reserve(server, variant)
            start.wait()
            [answers[name]] = push(server, tablets[name], request)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(name,)) for name in tablets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return answers


def test_asking_for_more_than_is_left_says_how_many_are(server: ServerUnderTest) -> None:
    w = server.world
    headers = server.login("a.guide")
    variant = w.variants["RS-0001-WHI-42"]  # two at B
    push(server, headers, reserve(server, variant))
    [refused] = push(server, headers, reserve(server, variant, quantity=2))
    assert (
        refused["reason"] == f"only 1 left at {SZ02}; 1 more on hold for other customers; 2 asked"
    )


# ----------------------------------------------------------------------------- expiry


def test_a_reservation_expires_by_itself_and_lets_the_pair_go(server: ServerUnderTest) -> None:
    w = server.world
    a_guide, b_guide = server.login("a.guide"), server.login("b.guide")
    variant = w.runner_black_42
    set_on_hand(server, w.store_b, variant, 1)
    first = reserve(server, variant)
    push(server, a_guide, first)
    holder = sync(server, b_guide, Replica(f"inbox:{w.store_b}"))
    reservation_id = first["payload"]["reservation_id"]
    assert holder.state["reservation"][reservation_id][8] == "requested"

    with Session(server.app.state.engine) as s:
        reservation = s.get(Reservation, reservation_id)
        assert reservation is not None
        reservation.expires_at = utcnow() - timedelta(minutes=1)
        s.add(reservation)
        s.commit()

    # Read before anyone swept: the hold is already gone.
    assert nearby(server, a_guide, variant)[w.store_b]["available"] == 1
    sync(server, b_guide, holder)  # the pull writes the expiry, and carries it
    assert holder.state["reservation"][reservation_id][8] == "expired"
    [late] = push(server, b_guide, answer(reservation_id, "confirm"))
    assert late["status"] == "rejected"
    assert late["reason"].startswith("this reservation was already expired at ")
    [second] = push(server, a_guide, reserve(server, variant))
    assert second["status"] == "applied"
    assert sorted(statuses(server)) == ["expired", "requested"]


def test_the_inbox_expires_overdue_reservations_as_it_is_read(server: ServerUnderTest) -> None:
    w = server.world
    push(server, server.login("a.guide"), reserve(server, w.runner_black_42, hours=1))
    with Session(server.app.state.engine) as s:
        [reservation] = s.exec(select(Reservation)).all()
        reservation.expires_at = utcnow() - timedelta(seconds=1)
        s.add(reservation)
        s.commit()
    shown = inbox(server, server.login("b.guide"), w.store_b)["reservations"]
    assert [r["status"] for r in shown] == ["expired"]
    assert statuses(server) == ["expired"]


# ----------------------------------------------------------------------------- refusals


def test_a_refusal_needs_a_reason_and_frees_the_pair(server: ServerUnderTest) -> None:
    w = server.world
    a_guide, b_guide = server.login("a.guide"), server.login("b.guide")
    request = reserve(server, w.runner_black_42, quantity=2)
    push(server, a_guide, request)
    reservation_id = request["payload"]["reservation_id"]
    [unexplained] = push(server, b_guide, answer(reservation_id, "refuse"))
    assert unexplained["reason"] == "payload: say why the reservation is refused"
    [refused] = push(server, b_guide, answer(reservation_id, "refuse", "box damaged"))
    assert refused["result"]["status"] == "refused"
    assert nearby(server, a_guide, w.runner_black_42)[w.store_b]["available"] == 2
    [too_late] = push(server, b_guide, answer(reservation_id, "confirm"))
    assert too_late["reason"] == "this reservation was already refused: box damaged"


def test_the_customer_must_be_named(server: ServerUnderTest) -> None:
    request = reserve(server, server.world.runner_black_42, customer_name="")
    del request["payload"]["customer_phone"]
    [refused] = push(server, server.login("a.guide"), request)
    assert refused["reason"] == (
        "payload: name the customer: customer_name, customer_phone or member_id"
    )


def test_only_the_holding_store_answers_and_guides_reserve_for_their_own_store(
    server: ServerUnderTest,
) -> None:
    w = server.world
    a_guide, b_guide = server.login("a.guide"), server.login("b.guide")
    held_at_a = reserve(server, w.variants["RS-0001-BLA-41"], at="a", from_store="b")
    [made] = push(server, b_guide, held_at_a)
    assert made["status"] == "applied", made
    reservation_id = held_at_a["payload"]["reservation_id"]

    [not_yours] = push(server, b_guide, answer(reservation_id, "confirm"))
    assert not_yours["reason"] == "only the holding store answers a reservation"
    [for_another_store] = push(server, a_guide, reserve(server, w.runner_black_42, from_store="b"))
    assert for_another_store["reason"] == (
        "reserve for your own store's customers: from_store_id is not your store"
    )
    [own_shelf] = push(server, a_guide, reserve(server, w.runner_black_42, at="a"))
    assert own_shelf["reason"].startswith("a reservation holds stock at another store")
    other_inbox = server.client.post(
        "/api/v1/sync/pull", json={"scopes": {f"inbox:{w.store_a}": None}}, headers=b_guide
    )
    assert other_inbox.status_code == 403
    assert "another store's inbox" in other_inbox.json()["detail"]
    assert (
        server.client.get(f"/api/v1/stores/{w.store_a}/inbox", headers=b_guide).status_code == 403
    )
    [confirmed] = push(server, a_guide, answer(reservation_id, "confirm"))
    assert confirmed["result"]["status"] == "confirmed"
    [cancelled] = push(
        server,
        b_guide,
        mutation(
            "reservation.cancel", {"reservation_id": reservation_id, "reason": "changed mind"}
        ),
    )
    assert cancelled["result"]["status"] == "cancelled"
