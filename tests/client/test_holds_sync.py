"""Two stores' tablets trade stock through the server: a transfer asked, answered, shipped and
received through the outbox and the `inbox:<store>` scope, with each cache following; and a
lost sale tapped offline reaches the server once although the first answer is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from shopguide.client.api import ApiError, OfflineError
from shopguide.client.sync_engine import SyncEngine
from shopguide.client.tablet import Tablet
from shopguide.core.ids import uuid7_str
from tests.client.test_sync_engine import a_variant_in_stock
from tests.support.live import LiveServer
from tests.support.proxy import FaultyProxy

STATUS = 5  # a transfer row's status column, as the cache keeps it


def with_inbox(tablet: Tablet) -> SyncEngine:
    """The tablet's engine, synced once, following its store's inbox too."""
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()  # the nearby stores' stock, once the store list is in
    engine.set_scopes([*engine.scopes, f"inbox:{tablet.store_id}"])
    engine.run_once()
    return engine


def transfer_in(tablet: Tablet, transfer_id: str) -> tuple[Any, ...]:
    [row] = [
        r for r in tablet.cache.dump(f"inbox:{tablet.store_id}")["transfer"] if r[0] == transfer_id
    ]
    return row


def test_a_transfer_round_trip_between_two_stores_tablets(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    a = make_tablet(live_server.url)
    b = make_tablet(live_server.url, "sz02.guide1", folder="b")
    a_engine, b_engine = with_inbox(a), with_inbox(b)
    variant, b_on_hand, _ = a_variant_in_stock(live_server, b.store_id)
    a_on_hand = a.cache.stock_levels(a.store_id, [variant]).get(variant, 0)
    transfer_id = uuid7_str()

    a.outbox.enqueue(
        "transfer.request",
        {
            "transfer_id": transfer_id,
            "from_store_id": b.store_id,
            "to_store_id": a.store_id,
            "variant_id": variant,
            "quantity": 1,
        },
    )
    a_engine.run_once()
    b_engine.run_once()
    assert transfer_in(b, transfer_id)[STATUS] == "requested"

    b.outbox.enqueue("transfer.answer", {"transfer_id": transfer_id, "answer": "accept"})
    b.outbox.enqueue("transfer.ship", {"transfer_id": transfer_id})
    b_engine.run_once()
    assert b.cache.stock_levels(b.store_id, [variant]) == {variant: b_on_hand - 1}
    a_engine.run_once()
    assert transfer_in(a, transfer_id)[STATUS] == "shipped"
    assert a.cache.stock_levels(b.store_id, [variant]) == {variant: b_on_hand - 1}

    a.outbox.enqueue("transfer.receive", {"transfer_id": transfer_id})
    a_engine.run_once()
    b_engine.run_once()
    assert transfer_in(a, transfer_id)[STATUS] == "received"
    assert transfer_in(b, transfer_id)[STATUS] == "received"
    assert a.cache.stock_levels(a.store_id, [variant]) == {variant: a_on_hand + 1}
    assert a.outbox.needs_attention() == []
    assert b.outbox.needs_attention() == []


def test_a_lost_sale_tapped_offline_arrives_once(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url)
    engine = tablet.connect()
    engine.run_once()
    variant, _, _ = a_variant_in_stock(live_server, tablet.store_id)
    proxy.go_down()
    demand_id = uuid7_str()
    tablet.outbox.enqueue(
        "demand.lost",
        {
            "demand_id": demand_id,
            "store_id": tablet.store_id,
            "variant_id": variant,
            "at": "2026-11-25T10:00:00+00:00",
        },
    )
    with pytest.raises(OfflineError):
        engine.run_once()

    proxy.come_back()
    proxy.schedule(["lose_response"])  # the server records it; the tablet never hears
    with pytest.raises((OfflineError, ApiError)):
        engine.push_pending()
    engine.push_pending()

    assert tablet.outbox.counts().pending == 0
    assert tablet.outbox.needs_attention() == []
    assert live_server.scalar("SELECT COUNT(*) FROM lost_demand WHERE id = :d", d=demand_id) == 1
