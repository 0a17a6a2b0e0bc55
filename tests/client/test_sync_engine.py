"""A tablet syncing with a real server over HTTP: it converges, sells offline, and recovers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from shopguide.client.api import OfflineError
from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from tests.support.live import LiveServer
from tests.support.proxy import FaultyProxy


def stock_on_server(live: LiveServer, store_id: int) -> set[tuple[int, int]]:
    return {
        (int(v), int(q))
        for v, q in live.rows(  # type: ignore[call-overload]
            "SELECT variant_id, on_hand FROM stock_level WHERE store_id = :s", s=store_id
        )
    }


def stock_in_cache(tablet: Tablet, store_id: int) -> set[tuple[int, int]]:
    return {(int(r[0]), int(r[1])) for r in tablet.cache.dump(f"stock:{store_id}")["stock"]}


def a_variant_in_stock(live: LiveServer, store_id: int) -> tuple[int, int, int]:
    """(variant id, on hand, list price) of some variant with stock at the store."""
    variant_id, on_hand, price = live.rows(
        "SELECT v.id, s.on_hand, st.list_price FROM stock_level s "
        "JOIN variant v ON v.id = s.variant_id JOIN style st ON st.id = v.style_id "
        "WHERE s.store_id = :s AND s.on_hand > 2 ORDER BY v.id LIMIT 1",
        s=store_id,
    )[0]
    return int(variant_id), int(on_hand), int(price)  # type: ignore[call-overload]


def one_line(variant_id: int, price: int, quantity: int = 1) -> list[OrderLine]:
    return [OrderLine(variant_id, quantity, Money(price, "CNY"), Money(0, "CNY"))]


@dataclass
class OfflineSale:
    variant_id: int
    on_hand: int
    order_id: str


def sell_while_offline(
    live: LiveServer, tablet: Tablet, proxy: FaultyProxy, quantity: int = 1
) -> OfflineSale:
    """Sync once, cut the network, sell one variant of the home store; the push fails."""
    engine = tablet.connect()
    engine.run_once()
    variant_id, on_hand, price = a_variant_in_stock(live, tablet.store_id)
    proxy.go_down()
    order_id = queue_order(
        tablet.outbox, store_id=tablet.store_id, lines=one_line(variant_id, price, quantity)
    )
    with pytest.raises(OfflineError):
        engine.run_once()
    return OfflineSale(variant_id, on_hand, order_id)


def test_a_new_tablet_pulls_its_store_and_the_nearby_ones(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(live_server.url)
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()  # the store list arrived in the first round: nearby stock follows
    assert tablet.cache.count("variant") == live_server.scalar("SELECT COUNT(*) FROM variant")
    assert tablet.cache.count("store") == 4
    stores = [s for s in engine.scopes if s.startswith("stock:")]
    assert len(stores) == 4
    for scope in stores:
        store_id = int(scope.split(":")[1])
        assert stock_in_cache(tablet, store_id) == stock_on_server(live_server, store_id)
    home = tablet.store_id
    members = live_server.scalar("SELECT COUNT(*) FROM member WHERE home_store_id = :s", s=home)
    assert tablet.cache.count("member") == members
    assert engine.status.state == "up_to_date"


def test_an_order_made_offline_reaches_the_server_once_and_stock_follows(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url)
    sale = sell_while_offline(live_server, tablet, proxy, quantity=2)
    engine, home, variant_id = tablet.connect(), tablet.store_id, sale.variant_id
    assert engine.status.pending == 1
    assert tablet.outbox.holds(home, [variant_id]) == {variant_id: 2}

    proxy.come_back()
    engine.run_once()
    assert (
        live_server.scalar("SELECT COUNT(*) FROM sales_order WHERE id = :o", o=sale.order_id) == 1
    )
    assert engine.status.pending == 0
    assert tablet.outbox.holds(home, [variant_id]) == {}
    assert tablet.cache.stock_levels(home, [variant_id]) == {variant_id: sale.on_hand - 2}


def test_a_refused_order_needs_attention_and_the_next_one_still_goes_through(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(live_server.url)
    engine = tablet.connect()
    engine.run_once()
    home = tablet.store_id
    variant_id, _, price = a_variant_in_stock(live_server, home)
    queue_order(tablet.outbox, store_id=home, lines=one_line(987_654, price))
    good = queue_order(tablet.outbox, store_id=home, lines=one_line(variant_id, price))
    engine.run_once()
    [refused] = tablet.outbox.needs_attention()
    assert "987654" in (refused.reason or "")
    assert live_server.scalar("SELECT COUNT(*) FROM sales_order WHERE id = :o", o=good) == 1
    assert engine.status.needs_attention == 1
    assert engine.status.pending == 0


def test_a_change_on_the_server_arrives_on_the_next_pull(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(live_server.url)
    manager = make_tablet(live_server.url, "sz02.manager", folder="manager")
    engine = tablet.connect()
    engine.run_once()
    store_b = manager.store_id
    variant_id, _, _ = a_variant_in_stock(live_server, store_b)
    manager.api.post(
        f"/stores/{store_b}/stock/counts",  # type: ignore[union-attr]
        {"variant_id": variant_id, "counted": 77},
    )
    engine.run_once()
    assert tablet.cache.stock_levels(store_b, [variant_id]) == {variant_id: 77}


def test_a_cache_destroyed_between_runs_is_rebuilt_and_the_outbox_survives(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url)
    sale = sell_while_offline(live_server, tablet, proxy)
    home, order_id = tablet.store_id, sale.order_id
    data_dir = tablet.data_dir
    tablet.close()
    (data_dir / "cache.db").write_bytes(b"\x00garbage" * 512)
    for suffix in ("-wal", "-shm"):
        (data_dir / f"cache.db{suffix}").unlink(missing_ok=True)

    proxy.come_back()
    reopened = Tablet(data_dir)
    assert reopened.outbox.counts().pending == 1
    engine = reopened.connect()
    engine.run_once()
    engine.run_once()
    assert live_server.scalar("SELECT COUNT(*) FROM sales_order WHERE id = :o", o=order_id) == 1
    assert stock_in_cache(reopened, home) == stock_on_server(live_server, home)
    reopened.close()


def test_a_connected_tablet_hears_of_a_stock_change_within_a_second(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(live_server.url)
    manager = make_tablet(live_server.url, "sz01.manager", folder="manager")
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()
    home = tablet.store_id
    variant_id, _, _ = a_variant_in_stock(live_server, home)
    heard = threading.Event()

    def listen(scopes: set[str]) -> None:
        if tablet.cache.stock_levels(home, [variant_id]) == {variant_id: 55}:
            heard.set()

    engine.add_change_listener(listen)
    engine.start()
    try:
        deadline = time.monotonic() + 10
        while engine.status.state != "up_to_date" and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # the tablet is now waiting on a long poll
        started = time.monotonic()
        manager.api.post(
            f"/stores/{home}/stock/counts",  # type: ignore[union-attr]
            {"variant_id": variant_id, "counted": 55},
        )
        assert heard.wait(5), "the change never arrived"
        assert time.monotonic() - started < 1.0
    finally:
        engine.stop()


def test_a_long_poll_with_nothing_new_answers_empty_when_its_time_is_up(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = make_tablet(live_server.url)
    engine = tablet.connect()
    engine.run_once()
    cursor = tablet.cache.cursors()["catalog"]
    started = time.monotonic()
    answer = tablet.api.pull({"catalog": cursor}, 100, wait=0.5)  # type: ignore[union-attr]
    assert 0.45 < time.monotonic() - started < 3
    assert answer["catalog"]["kind"] == "changes"
    assert not answer["catalog"]["upserts"]
