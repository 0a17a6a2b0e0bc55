"""Finding a member on the tablet by card or phone, offline too, with no phone kept in clear."""

from __future__ import annotations

from collections.abc import Callable

from shopguide.client.members import MemberDirectory
from shopguide.client.tablet import Tablet
from tests.support.live import LiveServer
from tests.support.proxy import FaultyProxy


def synced_tablet(make_tablet: Callable[..., Tablet], url: str) -> Tablet:
    tablet = make_tablet(url)
    engine = tablet.connect()
    engine.run_once()
    engine.run_once()
    return tablet


def home_members(live: LiveServer, store_id: int) -> list[tuple[int, str, str, str]]:
    """(id, card number, phone, name) of the members whose home is the store."""
    return [
        (int(str(r[0])), str(r[1]), str(r[2]), str(r[3]))
        for r in live.rows(
            "SELECT id, card_number, phone, name FROM member WHERE home_store_id = :s ORDER BY id",
            s=store_id,
        )
    ]


def test_a_member_is_found_offline_by_phone_however_it_is_typed_and_by_card(
    live_server: LiveServer, make_tablet: Callable[..., Tablet], proxy: FaultyProxy
) -> None:
    tablet = synced_tablet(make_tablet, proxy.url)
    member_id, card, phone, name = home_members(live_server, tablet.store_id)[0]
    proxy.go_down()
    directory = MemberDirectory(tablet.cache)
    spaced = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    for typed in (phone, spaced, f"+86 {phone[:3]}-{phone[3:7]}-{phone[7:]}"):
        [found] = directory.find(typed)
        assert (found.id, found.name, found.phone_last4) == (member_id, name, phone[-4:])
    [by_card] = directory.find(card)
    assert by_card.id == member_id
    assert directory.find("139 0000 0000") == []
    assert directory.find("") == []


def test_the_cache_file_holds_no_phone_number_in_clear(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced_tablet(make_tablet, live_server.url)
    members = home_members(live_server, tablet.store_id)
    assert members, "the seeded store has members"
    assert tablet.cache.count("member") >= len(members)
    tablet.cache.close()
    files = [tablet.data_dir / f"cache.db{suffix}" for suffix in ("", "-wal")]
    raw = b"".join(f.read_bytes() for f in files if f.exists())
    for _, _, phone, _ in members:
        assert phone.encode() not in raw
        assert phone.encode("utf-16-le") not in raw
    assert any(name.encode() in raw for _, _, _, name in members)


def test_logging_out_erases_the_member_snapshot_from_the_file(
    live_server: LiveServer, make_tablet: Callable[..., Tablet]
) -> None:
    tablet = synced_tablet(make_tablet, live_server.url)
    members = home_members(live_server, tablet.store_id)
    tablet.logout()
    assert tablet.cache.count("member") == 0
    assert MemberDirectory(tablet.cache).find(members[0][2]) == []
    tablet.cache.close()
    raw = b"".join(
        f.read_bytes()
        for f in (tablet.data_dir / "cache.db", tablet.data_dir / "cache.db-wal")
        if f.exists()
    )
    for _, card, _, name in members:
        assert card.encode() not in raw
        assert name.encode() not in raw
