"""`client.holds` between two stores' tablets on one live server: a reservation asked at A is
answered at B through the inbox scope; asked offline it goes through once; two guides racing
for the last units get one hold and one clear refusal; a lost sale tapped offline arrives once;
and the stock a tablet shows offline has the open holds taken off."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from shopguide.client.api import ApiError, OfflineError
from shopguide.client.catalog import CatalogReader
from shopguide.client.holds import NOT_ACCEPTED, QUEUED, Action, Direction, Holds, InboxItem
from shopguide.client.sync_engine import SyncEngine
from shopguide.client.tablet import Tablet
from tests.support.live import LiveServer
from tests.support.proxy import FaultyProxy

used: set[int] = set()  # variants already promised by an earlier test on this module's server


def synced(tablet: Tablet) -> SyncEngine:
    """The tablet's engine after two rounds (the second brings the nearby stores' stock)."""
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()
    assert f"inbox:{tablet.store_id}" in engine.scopes
    return engine


def holds_of(tablet: Tablet) -> Holds:
    return Holds(
        cache=tablet.cache, outbox=tablet.outbox, store_id=tablet.store_id, engine=tablet.engine
    )


def a_fresh_variant(live: LiveServer, store_id: int) -> tuple[int, int]:
    """(variant, on hand) of a variant in stock at the store that no test here promised yet."""
    rows = live.rows(
        "SELECT variant_id, on_hand FROM stock_level WHERE store_id = :s "
        "AND on_hand BETWEEN 2 AND 20 ORDER BY variant_id",
        s=store_id,
    )
    variant, on_hand = next((int(v), int(n)) for v, n in rows if int(v) not in used)  # type: ignore[call-overload]
    used.add(variant)
    return variant, on_hand


def item(holds: Holds, item_id: str) -> InboxItem:
    inbox = holds.inbox()
    return next(i for i in (*inbox.incoming, *inbox.outgoing) if i.id == item_id)


def test_a_reservation_at_another_store_is_confirmed_there(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    a = make_tablet(live_server.url)
    b = make_tablet(live_server.url, "sz02.guide1", folder="b")
    a_sync, b_sync = synced(a), synced(b)
    variant, on_hand = a_fresh_variant(live_server, b.store_id)
    a_holds, b_holds = holds_of(a), holds_of(b)

    reservation = a_holds.reserve(
        variant, b.store_id, customer_name="Li Na", customer_phone="13800001234", hours=24
    )
    assert item(a_holds, reservation).status == QUEUED
    a_sync.run_once()
    b_sync.run_once()

    incoming = item(b_holds, reservation)
    assert incoming.direction is Direction.INCOMING
    assert (incoming.status, incoming.customer) == ("requested", "Li Na · ···1234")
    assert incoming.actions == (Action.CONFIRM, Action.REFUSE)
    assert b_holds.inbox().to_answer >= 1
    reader = CatalogReader(b.cache, b.outbox, holds=b_holds)
    assert reader.held(b.store_id, [variant]) == {variant: 1}

    b_holds.act(incoming, Action.CONFIRM)
    assert item(b_holds, reservation).status == "confirmed"
    assert item(b_holds, reservation).unsent
    b_sync.run_once()
    a_sync.run_once()
    assert item(a_holds, reservation).status == "confirmed"
    assert not item(b_holds, reservation).unsent
    assert (
        live_server.scalar("SELECT status FROM reservation WHERE id = :r", r=reservation)
        == "confirmed"
    )
    assert on_hand == live_server.scalar(
        "SELECT on_hand FROM stock_level WHERE store_id = :s AND variant_id = :v",
        s=b.store_id,
        v=variant,
    )  # a hold is not a sale: the shelf count stays


def test_a_reservation_asked_offline_goes_through_once(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    a = make_tablet(proxy.url)
    a_sync = synced(a)
    b_store = int(live_server.scalar("SELECT id FROM store WHERE code = 'SZ02'"))  # type: ignore[call-overload]
    variant, _ = a_fresh_variant(live_server, b_store)
    a_holds = holds_of(a)
    proxy.go_down()

    reservation = a_holds.reserve(variant, b_store, customer_name="Wang Fang")
    with pytest.raises(OfflineError):
        a_sync.run_once()
    assert item(a_holds, reservation).status == QUEUED
    assert a_holds.open_holds([b_store], [variant]) == {(b_store, variant): 1}

    proxy.come_back()
    proxy.schedule(["lose_response"])  # the server keeps it; the tablet never hears
    with pytest.raises((OfflineError, ApiError)):
        a_sync.push_pending()
    a_sync.run_once()

    assert live_server.scalar("SELECT COUNT(*) FROM reservation WHERE id = :r", r=reservation) == 1
    assert item(a_holds, reservation).status == "requested"
    assert a_holds.open_holds([b_store], [variant]) == {(b_store, variant): 1}
    assert a.outbox.needs_attention() == []


def test_two_guides_racing_for_the_last_units_one_wins_the_other_is_told(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    first = make_tablet(live_server.url)
    second = make_tablet(live_server.url, "sz01.guide2", folder="second")
    first_sync, second_sync = synced(first), synced(second)
    b_store = int(live_server.scalar("SELECT id FROM store WHERE code = 'SZ02'"))  # type: ignore[call-overload]
    variant, on_hand = a_fresh_variant(live_server, b_store)
    won = holds_of(first).reserve(variant, b_store, customer_name="Zhao", quantity=on_hand)
    lost = holds_of(second).reserve(variant, b_store, customer_name="Qian")

    first_sync.run_once()
    second_sync.run_once()

    assert item(holds_of(first), won).status == "requested"
    refused = item(holds_of(second), lost)
    assert refused.status == NOT_ACCEPTED
    assert refused.reason  # the server's words: what is left there
    assert refused.actions == (Action.DISMISS,)
    holds_of(second).act(refused, Action.DISMISS)
    assert all(i.id != lost for i in holds_of(second).inbox().outgoing)


def test_a_transfer_asked_here_is_accepted_and_shipped_there(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    a = make_tablet(live_server.url)
    b = make_tablet(live_server.url, "sz02.guide1", folder="b")
    a_sync, b_sync = synced(a), synced(b)
    variant, on_hand = a_fresh_variant(live_server, b.store_id)
    transfer = holds_of(a).request_transfer(variant, b.store_id)
    a_sync.run_once()
    b_sync.run_once()

    b_holds = holds_of(b)
    b_holds.act(item(b_holds, transfer), Action.ACCEPT)
    b_sync.run_once()
    b_holds.act(item(b_holds, transfer), Action.SHIP)
    reader = CatalogReader(b.cache, b.outbox, holds=b_holds)
    assert reader.held(b.store_id, [variant]) == {variant: 1}  # shipped here, not yet synced
    b_sync.run_once()
    a_sync.run_once()

    assert item(holds_of(a), transfer).actions == (Action.RECEIVE,)
    assert b.cache.stock_levels(b.store_id, [variant]) == {variant: on_hand - 1}


def test_lost_demand_tapped_offline_arrives_once(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = make_tablet(proxy.url)
    engine = synced(tablet)
    variant, _ = a_fresh_variant(live_server, tablet.store_id)
    proxy.go_down()
    demand = holds_of(tablet).record_lost_demand(variant_id=variant)
    with pytest.raises(OfflineError):
        engine.run_once()
    proxy.come_back()
    proxy.schedule(["lose_response"])
    with pytest.raises((OfflineError, ApiError)):
        engine.push_pending()
    engine.push_pending()
    assert live_server.scalar("SELECT COUNT(*) FROM lost_demand WHERE id = :d", d=demand) == 1
    assert tablet.outbox.counts().pending == 0
