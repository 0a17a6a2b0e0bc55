"""Cart lines sent from another store at checkout: `Checkout.place` queues each line's
`transfer.request` (with the order id, and the customer's address for a ship-to) before the
`order.place`, through the outbox, with ids derived from the order so placing again (a double
tap, a retry after the network dropped) queues and records everything exactly once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shopguide.client.api import ApiError, OfflineError
from shopguide.client.cart_pricing import MemberTermsReader, price
from shopguide.client.carts import SHIP, TRANSFER, CartStore, Fulfilment
from shopguide.client.catalog import CatalogReader
from shopguide.client.checkout import Checkout, CheckoutError
from shopguide.client.holds import Direction, Holds, ShipTo
from shopguide.client.order_history import OrderHistory
from shopguide.client.receipts import LineSource
from shopguide.client.sync_engine import SyncEngine
from shopguide.client.tablet import Tablet
from tests.support.live import LiveServer
from tests.support.proxy import FaultyProxy

used: set[int] = set()  # variants already sent by an earlier test on this module's server


def synced(tablet: Tablet) -> SyncEngine:
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()
    return engine


def store_id(live: LiveServer, code: str) -> int:
    return int(live.scalar("SELECT id FROM store WHERE code = :c", c=code))  # type: ignore[call-overload]


def a_variant_at(live: LiveServer, store: int) -> int:
    """A variant with a few units at the store that no test here sent yet."""
    rows = live.rows(
        "SELECT variant_id FROM stock_level WHERE store_id = :s AND on_hand BETWEEN 3 AND 20 "
        "ORDER BY variant_id",
        s=store,
    )
    variant = next(int(v) for (v,) in rows if int(v) not in used)  # type: ignore[call-overload]
    used.add(variant)
    return variant


def on_hand(live: LiveServer, store: int, variant: int) -> object:
    return live.scalar(
        "SELECT on_hand FROM stock_level WHERE store_id = :s AND variant_id = :v",
        s=store,
        v=variant,
    )


class Counter:
    """A tablet's cart, its checkout and what it queued."""

    def __init__(self, tablet: Tablet, engine: SyncEngine, folder: Path) -> None:
        self.tablet, self.engine = tablet, engine
        self.carts = CartStore(folder / "carts.db")
        self.reader = CatalogReader(tablet.cache, tablet.outbox)
        self.members = MemberTermsReader(tablet.cache)
        assert tablet.api is not None
        self.checkout = Checkout(
            outbox=tablet.outbox, engine=engine, api=tablet.api, store_id=tablet.store_id
        )

    def sell(self, variant: int, source: Fulfilment | None, quantity: int = 1) -> None:
        self.carts.add(variant, quantity)
        self.carts.set_fulfilment(variant, source)

    def place(self) -> str:
        cart = self.carts.open_cart()
        quote = price(cart, self.reader, self.members, now=datetime.now(UTC))
        return self.checkout.place(cart, quote.priced)

    def queued(self, type_: str) -> list[dict[str, object]]:
        return [m.payload for m in self.tablet.outbox.of_type(type_)]


@pytest.fixture
def counter(live_server: LiveServer, make_tablet: Callable[..., Tablet], tmp_path: Path) -> Counter:
    tablet = make_tablet(live_server.url)
    return Counter(tablet, synced(tablet), tmp_path)


def test_a_line_sent_from_another_store_asks_that_store_first_and_leaves_this_shelf_alone(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], counter: Counter
) -> None:
    here, there = counter.tablet.store_id, store_id(live_server, "SZ02")
    sent = a_variant_at(live_server, there)
    kept = a_variant_at(live_server, here)
    before_here, before_there = on_hand(live_server, here, sent), on_hand(live_server, there, sent)
    counter.sell(sent, Fulfilment(TRANSFER, there, "Futian"), quantity=2)
    counter.sell(kept, None)

    order_id = counter.place()

    [request] = counter.queued("transfer.request")
    [order] = counter.queued("order.place")
    mutations = counter.tablet.outbox.of_type("transfer.request") + counter.tablet.outbox.of_type(
        "order.place"
    )
    assert [m.type for m in sorted(mutations, key=lambda m: m.created_at)] == [
        "transfer.request",
        "order.place",
    ]
    assert request["order_id"] == order_id
    assert (request["from_store_id"], request["to_store_id"]) == (there, here)
    assert (request["variant_id"], request["quantity"]) == (sent, 2)
    assert "ship_to" not in request
    lines = {line["variant_id"]: line for line in order["lines"]}  # type: ignore[attr-defined]
    assert (lines[sent]["fulfilment"], lines[sent]["from_store_id"]) == ("transfer", there)
    assert "fulfilment" not in lines[kept]
    assert counter.tablet.outbox.holds(here, [sent, kept]).get(sent, 0) == 0
    assert all(m.state == "applied" for m in mutations)

    assert live_server.rows(
        "SELECT from_store_id, to_store_id, quantity, status FROM transfer WHERE order_id = :o",
        o=order_id,
    ) == [(there, here, 2, "requested")]
    assert sorted(
        live_server.rows(
            "SELECT variant_id, fulfilment, from_store_id FROM order_line WHERE order_id = :o",
            o=order_id,
        )
    ) == sorted([(sent, "transfer", there), (kept, "here", None)])
    history = OrderHistory(
        outbox=counter.tablet.outbox,
        api=counter.tablet.api,
        reader=counter.reader,
        guide_name="Guide on this tablet",
        store_name=counter.tablet.store_name,
    )
    there_name = counter.reader.store_names()[there]
    sources = [line.source for line in history.detail(order_id).lines]
    assert sorted(sources, key=str) == sorted([LineSource("transfer", there_name), None], key=str)
    assert on_hand(live_server, here, sent) == before_here, "not from this store's shelf"
    assert on_hand(live_server, there, sent) == before_there, "held there, not sold yet"

    other = make_tablet(live_server.url, "sz02.guide1", folder="b")
    synced(other)
    inbox = Holds(cache=other.cache, outbox=other.outbox, store_id=other.store_id).inbox()
    [asked] = [i for i in inbox.incoming if i.variant_id == sent]
    assert (asked.direction, asked.kind, asked.status) == (
        Direction.INCOMING,
        "transfer",
        "requested",
    )
    assert asked.other_store_id == here
    assert asked.quantity == 2


def test_ship_to_the_customer_carries_the_address(
    live_server: LiveServer, counter: Counter
) -> None:
    there = store_id(live_server, "SZ03")
    variant = a_variant_at(live_server, there)
    customer = ShipTo("Li Na", "13800001234", "88 Shennan Road, Futian, Shenzhen")
    counter.sell(variant, Fulfilment(SHIP, there, "Nanshan", customer))

    order_id = counter.place()

    [request] = counter.queued("transfer.request")
    assert request["ship_to"] == {
        "name": "Li Na",
        "phone": "13800001234",
        "address": "88 Shennan Road, Futian, Shenzhen",
    }
    assert live_server.rows(
        "SELECT from_store_id, ship_to_name, ship_to_phone, ship_to_address FROM transfer "
        "WHERE order_id = :o",
        o=order_id,
    ) == [(there, "Li Na", "13800001234", "88 Shennan Road, Futian, Shenzhen")]
    assert (
        live_server.scalar("SELECT fulfilment FROM order_line WHERE order_id = :o", o=order_id)
        == "ship"
    )


def test_placing_twice_queues_once(live_server: LiveServer, counter: Counter) -> None:
    there = store_id(live_server, "SZ02")
    variant = a_variant_at(live_server, there)
    counter.sell(variant, Fulfilment(TRANSFER, there, "Futian"))

    with ThreadPoolExecutor(2) as pool:
        placed = list(pool.map(lambda _: counter.place(), range(2)))
    assert placed[0] == placed[1]
    assert counter.place() == placed[0]

    assert len(counter.queued("transfer.request")) == 1
    assert len(counter.queued("order.place")) == 1
    assert live_server.scalar("SELECT COUNT(*) FROM transfer WHERE order_id = :o", o=placed[0]) == 1


def test_a_store_that_says_no_stops_the_order_until_the_guide_picks_again(
    live_server: LiveServer, counter: Counter
) -> None:
    there = store_id(live_server, "SZ02")
    variant = a_variant_at(live_server, there)
    counter.sell(variant, Fulfilment(TRANSFER, there, "Futian"), quantity=50)  # more than there

    with pytest.raises(CheckoutError):
        counter.place()
    assert counter.queued("order.place") == [], "no order for goods nobody sends"
    order_id = counter.carts.open_cart().id

    counter.carts.set_fulfilment(variant, None)  # from this store's shelf after all
    assert counter.place() == order_id
    assert len(counter.queued("transfer.request")) == 1, "the refused one, for the record"
    assert live_server.scalar("SELECT COUNT(*) FROM transfer WHERE order_id = :o", o=order_id) == 0
    assert (
        live_server.scalar("SELECT fulfilment FROM order_line WHERE order_id = :o", o=order_id)
        == "here"
    )


def test_placed_offline_it_goes_through_once_when_the_network_is_back(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy, tmp_path: Path
) -> None:
    tablet = make_tablet(proxy.url)
    counter = Counter(tablet, synced(tablet), tmp_path)
    there = store_id(live_server, "SZ02")
    variant = a_variant_at(live_server, there)
    counter.sell(variant, Fulfilment(TRANSFER, there, "Futian"))
    proxy.go_down()

    with pytest.raises(OfflineError):
        counter.place()
    with pytest.raises(OfflineError):
        counter.place()  # the guide taps Pay again
    order_id = counter.carts.open_cart().id
    assert len(counter.queued("transfer.request")) == 1
    assert len(counter.queued("order.place")) == 1
    assert counter.tablet.outbox.counts().pending == 2

    proxy.come_back()
    proxy.schedule(["lose_response"])  # the server keeps them; the tablet never hears
    with pytest.raises((OfflineError, ApiError)):
        counter.engine.push_pending()
    assert counter.place() == order_id

    assert counter.tablet.outbox.counts().pending == 0
    assert live_server.scalar("SELECT COUNT(*) FROM transfer WHERE order_id = :o", o=order_id) == 1
    assert live_server.scalar("SELECT COUNT(*) FROM sales_order WHERE id = :o", o=order_id) == 1


def test_a_cart_file_from_before_keeps_its_lines_and_takes_the_choice(tmp_path: Path) -> None:
    path = tmp_path / "carts.db"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE cart (id TEXT PRIMARY KEY, label TEXT NOT NULL DEFAULT '', "
        "member_id INTEGER, parked_at TEXT, park_seq INTEGER, updated_at TEXT NOT NULL, "
        "next_position INTEGER NOT NULL DEFAULT 1);"
        "CREATE TABLE cart_item (cart_id TEXT NOT NULL REFERENCES cart(id) ON DELETE CASCADE, "
        "variant_id INTEGER NOT NULL, quantity INTEGER NOT NULL CHECK (quantity >= 1), "
        "position INTEGER NOT NULL, PRIMARY KEY (cart_id, variant_id)) WITHOUT ROWID;"
        "INSERT INTO cart (id, updated_at, next_position) "
        "VALUES ('c1', '2026-01-01T00:00:00+00:00', 2);"
        "INSERT INTO cart_item VALUES ('c1', 11, 2, 1);"
        "PRAGMA user_version=1;"
    )
    old.close()

    carts = CartStore(path)
    assert [(i.variant_id, i.quantity, i.fulfilment) for i in carts.open_cart().items] == [
        (11, 2, None)
    ]
    ship = Fulfilment(SHIP, 4, "Nanshan", ShipTo("Li Na", "13800001234", "1 Long Road, Shenzhen"))
    carts.set_fulfilment(11, ship)
    carts.close()
    again = CartStore(path)
    assert again.open_cart().items[0].fulfilment == ship
    _, undo = again.remove(11)
    assert undo().items[0].fulfilment == ship, "an undone removal keeps the choice"
    assert again.replace_variant(11, 12).items[0].fulfilment is None, "another size: ask again"
    again.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone() == (2,)


def test_shipping_needs_the_whole_address() -> None:
    with pytest.raises(ValueError, match="address"):
        Fulfilment(SHIP, 4, "Nanshan")
    with pytest.raises(ValueError, match="name, phone and address"):
        Fulfilment(SHIP, 4, "Nanshan", ShipTo("Li Na", "", "1 Long Road"))
    with pytest.raises(ValueError, match="address"):
        Fulfilment(TRANSFER, 4, "Nanshan", ShipTo("Li Na", "138", "1 Long Road"))
