"""The tablet's member service: a scanned code opens the member, an expired one is refused in
the server's words, a typed phone finds them online and offline, and a guide's edits go through
the outbox and show at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
import requests

from shopguide.client.members import (
    EXPIRED_CODE,
    MemberCodeExpired,
    MemberDirectory,
    MemberNotOnTablet,
    MemberRefused,
    Members,
    Source,
)
from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.tablet import Tablet
from shopguide.core.money import Money
from shopguide.server.models.types import utcnow
from shopguide.server.services.member_codes import make_member_code
from tests.support.live import SECRET, LiveServer
from tests.support.proxy import FaultyProxy


def synced(tablet: Tablet) -> Tablet:
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()
    return tablet


def service(tablet: Tablet) -> Members:
    return Members(
        api=tablet.api,
        cache=tablet.cache,
        outbox=tablet.outbox,
        store_id=tablet.store_id,
        engine=tablet.connect(),
    )


def a_home_member(live: LiveServer, store_id: int) -> tuple[int, str, str, str, str]:
    """(id, name, tier, phone, card number) of a member of the store."""
    member_id, name, tier, phone, card = live.rows(
        "SELECT id, name, tier, phone, card_number FROM member WHERE home_store_id = :s "
        "ORDER BY id LIMIT 1",
        s=store_id,
    )[0]
    return int(str(member_id)), str(name), str(tier), str(phone), str(card)


def another_stores_member(live: LiveServer, store_id: int) -> int:
    return int(str(live.scalar("SELECT MIN(id) FROM member WHERE home_store_id != :s", s=store_id)))


def bought_elsewhere(live: LiveServer, make_tablet: Callable[..., Tablet], member_id: int) -> str:
    """The member buys one item at SZ02 and pays in the wallet; returns the style's name."""
    other = make_tablet(live.url, "sz02.guide1", folder="sz02")
    variant_id, price, style = live.rows(
        "SELECT v.id, s.list_price, s.name FROM variant v JOIN style s ON s.id = v.style_id "
        "ORDER BY v.id LIMIT 1"
    )[0]
    order_id = queue_order(
        other.outbox,
        store_id=other.store_id,
        lines=[OrderLine(int(str(variant_id)), 1, Money(int(str(price)), "CNY"), Money(0, "CNY"))],
        member_id=member_id,
    )
    other.connect().push_pending()
    assert other.api is not None
    intent = other.api.post("/payments", {"order_id": order_id, "provider": "sandbox"})
    assert requests.post(intent["qr_content"] + "/pay", timeout=10).ok
    return str(style)


# ----------------------------------------------------------------------------- scanned codes


def test_a_scanned_member_code_opens_the_member_with_tier_progress_and_purchases_in_any_store(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced(make_tablet(live_server.url))
    member_id, name, _, phone, card = a_home_member(live_server, tablet.store_id)
    style = bought_elsewhere(live_server, make_tablet, member_id)
    tier, lifetime, points = live_server.rows(
        "SELECT tier, lifetime_points, points FROM member WHERE id = :m", m=member_id
    )[0]

    profile = service(tablet).resolve_code(make_member_code(SECRET, member_id))

    assert (profile.id, profile.name, profile.tier, profile.points) == (
        member_id,
        name,
        tier,
        points,
    )
    assert profile.card_number == card
    assert profile.phone_masked.endswith(phone[-4:])
    assert phone not in profile.phone_masked
    assert profile.source is Source.ONLINE
    assert profile.verified
    assert profile.progress is not None
    assert profile.progress.lifetime_points == lifetime
    [purchase] = profile.purchases
    assert (purchase.style_name, purchase.store_name) == (
        style,
        live_server.scalar("SELECT name FROM store WHERE code = 'SZ02'"),
    )


def test_a_printed_card_code_opens_its_member(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced(make_tablet(live_server.url))
    member_id, _, _, _, card = a_home_member(live_server, tablet.store_id)
    assert service(tablet).open_scan(f"SGM:{card}").id == member_id


def test_an_expired_code_is_refused_in_the_servers_words(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced(make_tablet(live_server.url))
    member_id = a_home_member(live_server, tablet.store_id)[0]
    expired = make_member_code(SECRET, member_id, now=utcnow() - timedelta(minutes=2))
    with pytest.raises(MemberCodeExpired) as refused:
        service(tablet).resolve_code(expired)
    assert refused.value.reason == "this member code has expired; ask the customer to refresh it"
    assert refused.value.status == 410
    with pytest.raises(MemberRefused, match="not a member code"):
        service(tablet).resolve_code(make_member_code("another-secret-" + "y" * 40, member_id))


def test_offline_a_fresh_code_opens_the_cached_member_unverified_and_an_expired_one_is_refused(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = synced(make_tablet(proxy.url))
    member_id, name, _, _, _ = a_home_member(live_server, tablet.store_id)
    proxy.go_down()
    members = service(tablet)

    profile = members.resolve_code(make_member_code(SECRET, member_id))
    assert (profile.id, profile.name) == (member_id, name)
    assert profile.source is Source.OFFLINE
    assert not profile.verified
    assert profile.as_of == tablet.cache.synced_at(f"members:{tablet.store_id}")
    assert profile.progress is None, "lifetime points are not on the tablet"
    assert profile.purchases == ()

    expired = make_member_code(SECRET, member_id, now=utcnow() - timedelta(minutes=2))
    with pytest.raises(MemberCodeExpired, match=EXPIRED_CODE):
        members.resolve_code(expired)
    with pytest.raises(MemberNotOnTablet):
        members.resolve_code(
            make_member_code(SECRET, another_stores_member(live_server, tablet.store_id))
        )
    with pytest.raises(MemberRefused, match="not a member code"):
        members.resolve_code("SGM1.12.nonsense")


# ----------------------------------------------------------------------------- typed phones


def test_a_typed_phone_finds_the_member_online_and_with_the_server_down(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = synced(make_tablet(proxy.url))
    member_id, name, tier, phone, _ = a_home_member(live_server, tablet.store_id)
    members = service(tablet)
    spoken = f"+86 {phone[:3]} {phone[3:7]} {phone[7:]}"

    online = members.find(spoken)
    assert online.source is Source.ONLINE
    assert [(m.id, m.name, m.tier) for m in online.members] == [(member_id, name, tier)]
    assert online.members[0].phone_masked == "*" * 7 + phone[-4:]

    proxy.go_down()
    offline = members.find(spoken)
    assert offline.source is Source.OFFLINE
    assert offline.members == online.members
    assert offline.as_of == tablet.cache.synced_at(f"members:{tablet.store_id}")
    card = members.detail(member_id)
    assert (card.name, card.source, card.verified) == (name, Source.OFFLINE, True)
    assert members.find("139 0000 0000").members == ()


# ----------------------------------------------------------------------------- edits


def test_edited_sizes_and_note_are_queued_shown_at_once_and_reach_the_server(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = synced(make_tablet(proxy.url))
    member_id = a_home_member(live_server, tablet.store_id)[0]
    members = service(tablet)
    proxy.go_down()

    saved = members.save_sizes(member_id, {" jeans ": " 29 ", "running shoes": "42", "hats": ""})
    note = members.save_note(member_id, "  Prefers dark colours.\nAsk about the 42s. ")

    assert saved == {"jeans": "29", "running shoes": "42"}
    assert note == "Prefers dark colours.\nAsk about the 42s."
    queued = [m.payload for m in tablet.outbox.of_type("member.update")]
    assert queued == [
        {"member_id": member_id, "sizes": saved},
        {"member_id": member_id, "note": note},
    ]
    cached = MemberDirectory(tablet.cache).get(member_id)
    assert cached is not None
    assert (cached.sizes, cached.note) == (saved, note)

    proxy.come_back()
    before_push = members.detail(member_id)
    assert before_push.source is Source.ONLINE
    assert (before_push.sizes, before_push.note) == (saved, note), "pending edits show online too"
    tablet.connect().push_pending()
    assert live_server.rows("SELECT note FROM member WHERE id = :m", m=member_id) == [(note,)]
    assert members.detail(member_id).sizes == saved
