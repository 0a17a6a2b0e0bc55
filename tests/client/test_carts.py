"""Carts are saved at every change, can be parked and resumed, and are priced from the cache."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from shopguide.client.cache import Cache
from shopguide.client.cart_pricing import MemberTermsReader, price
from shopguide.client.carts import Cart, CartItem, CartLookupError, CartStore
from shopguide.client.catalog import CatalogReader
from shopguide.client.outbox import Outbox
from shopguide.core.money import Money
from shopguide.core.pricing import RejectReason

RED_M, RED_S, NAVY_M, RUNNER_42, RUNNER_43 = 101, 103, 104, 201, 202


@pytest.fixture
def carts(tmp_path: Path) -> Iterator[CartStore]:
    store = CartStore(tmp_path / "carts.db")
    yield store
    store.close()


def lines(cart: Cart) -> list[tuple[int, int]]:
    return [(item.variant_id, item.quantity) for item in cart.items]


# -- building the open cart ---------------------------------------------------


def test_a_new_store_has_one_empty_open_cart(carts: CartStore) -> None:
    cart = carts.open_cart()
    assert (cart.items, cart.member_id, cart.coupon_codes, cart.label) == ((), None, (), "")
    assert cart.parked_at is None
    assert cart.is_empty
    assert carts.open_cart().id == cart.id
    assert cart.updated_at.tzinfo is not None


def test_adding_a_variant_again_merges_into_its_line(carts: CartStore) -> None:
    carts.add(RED_M)
    carts.add(RUNNER_42, 2)
    cart = carts.add(RED_M)
    assert cart.items == (CartItem(RED_M, 2), CartItem(RUNNER_42, 2))


@pytest.mark.parametrize("quantity", [0, -1, True, 1.0])
def test_quantities_are_whole_numbers_of_at_least_one(carts: CartStore, quantity: Any) -> None:
    carts.add(RED_M)
    with pytest.raises(ValueError, match="at least 1"):
        carts.add(RED_M, quantity)
    with pytest.raises(ValueError, match="at least 1"):
        carts.set_quantity(RED_M, quantity)
    assert lines(carts.open_cart()) == [(RED_M, 1)]


def test_setting_a_quantity_changes_only_that_line(carts: CartStore) -> None:
    carts.add(RED_M)
    carts.add(RUNNER_42)
    assert lines(carts.set_quantity(RED_M, 3)) == [(RED_M, 3), (RUNNER_42, 1)]
    with pytest.raises(CartLookupError):
        carts.set_quantity(NAVY_M, 2)


def test_another_colour_or_size_keeps_the_lines_place_and_quantity(carts: CartStore) -> None:
    carts.add(RED_M, 2)
    carts.add(RUNNER_42)
    carts.add(NAVY_M)
    assert lines(carts.replace_variant(RED_M, RED_S)) == [(RED_S, 2), (RUNNER_42, 1), (NAVY_M, 1)]
    # Navy M is already in the cart further down: it joins the edited line.
    assert lines(carts.replace_variant(RED_S, NAVY_M)) == [(NAVY_M, 3), (RUNNER_42, 1)]
    with pytest.raises(CartLookupError):
        carts.replace_variant(RED_M, RED_S)


def test_a_removed_line_comes_back_at_its_place_with_undo(carts: CartStore) -> None:
    for variant_id in (RED_M, RUNNER_42, NAVY_M):
        carts.add(variant_id, 2)
    cart, undo = carts.remove(RUNNER_42)
    assert lines(cart) == [(RED_M, 2), (NAVY_M, 2)]
    carts.add(RED_S)
    assert lines(undo()) == [(RED_M, 2), (RUNNER_42, 2), (NAVY_M, 2), (RED_S, 1)]
    assert lines(undo()) == [(RED_M, 2), (RUNNER_42, 2), (NAVY_M, 2), (RED_S, 1)]  # only once
    with pytest.raises(CartLookupError):
        carts.remove(999)


def test_undo_returns_the_line_to_its_cart_even_after_it_was_parked(carts: CartStore) -> None:
    carts.add(RED_M)
    carts.add(RUNNER_42)
    cart, undo = carts.remove(RED_M)
    carts.park("lady in red")
    restored = undo()
    assert restored.id == cart.id
    assert restored.parked_at is not None
    assert lines(restored) == [(RED_M, 1), (RUNNER_42, 1)]
    assert carts.open_cart().is_empty


def test_undo_after_checkout_has_nothing_to_return_to(carts: CartStore) -> None:
    carts.add(RED_M)
    _, undo = carts.remove(RED_M)
    carts.clear()
    with pytest.raises(CartLookupError):
        undo()


def test_member_and_coupons_are_kept_with_the_cart(carts: CartStore) -> None:
    carts.attach_member(7)
    carts.add_coupon(" nf jacket10 ")
    carts.add_coupon("NFOVER3000")
    cart = carts.add_coupon("NFJACKET10")
    assert cart.member_id == 7
    assert cart.coupon_codes == ("NFJACKET10", "NFOVER3000")
    assert carts.remove_coupon("nfjacket10").coupon_codes == ("NFOVER3000",)
    assert carts.attach_member(None).member_id is None
    with pytest.raises(ValueError, match="empty"):
        carts.add_coupon("  ")


def test_clearing_after_checkout_starts_a_new_cart(carts: CartStore) -> None:
    carts.add(RED_M)
    carts.attach_member(7)
    before = carts.open_cart()
    after = carts.clear()
    assert after.is_empty
    assert after.id != before.id
    assert carts.open_cart() == after


# -- parking ------------------------------------------------------------------


def test_parking_sets_the_cart_aside_and_starts_an_empty_one(carts: CartStore) -> None:
    carts.add(RED_M)
    first = carts.open_cart()
    fresh = carts.park("  red jacket lady ")
    assert fresh.is_empty
    assert fresh.id != first.id
    [parked] = carts.parked()
    assert (parked.id, parked.label, lines(parked)) == (first.id, "red jacket lady", [(RED_M, 1)])
    assert parked.parked_at is not None


def test_an_empty_cart_is_not_parked(carts: CartStore) -> None:
    empty = carts.open_cart()
    assert carts.park("nobody") == empty
    assert carts.parked() == []


def test_several_parked_carts_newest_first_resume_and_discard(carts: CartStore) -> None:
    carts.add(RED_M)
    first = carts.park("red jacket lady")
    carts.add(RUNNER_42)
    carts.park("runner man")
    carts.add(NAVY_M)
    carts.park("navy")
    assert [c.label for c in carts.parked()] == ["navy", "runner man", "red jacket lady"]
    assert first.is_empty

    red = next(c for c in carts.parked() if c.label == "red jacket lady")
    resumed = carts.resume(red.id)
    assert (resumed.id, resumed.parked_at, lines(resumed)) == (red.id, None, [(RED_M, 1)])
    assert carts.open_cart().id == red.id
    assert [c.label for c in carts.parked()] == ["navy", "runner man"]

    runner = carts.parked()[1]
    carts.discard_parked(runner.id)
    assert [c.label for c in carts.parked()] == ["navy"]
    with pytest.raises(CartLookupError):
        carts.discard_parked(runner.id)
    with pytest.raises(CartLookupError):
        carts.discard_parked(red.id)  # the open cart is not discarded this way
    with pytest.raises(CartLookupError):
        carts.resume("no-such-cart")


def test_resuming_parks_a_cart_in_progress_so_nothing_is_lost(carts: CartStore) -> None:
    carts.add(RED_M)
    waiting = carts.park("red jacket lady")
    assert waiting.is_empty
    red_id = carts.parked()[0].id
    carts.add(RUNNER_42, 2)
    in_progress = carts.open_cart()
    carts.resume(red_id)
    [parked] = carts.parked()
    assert (parked.id, lines(parked), parked.label) == (in_progress.id, [(RUNNER_42, 2)], "")
    # Parking the resumed cart again without a label keeps the one it had.
    carts.park()
    assert {c.label for c in carts.parked()} == {"red jacket lady", ""}


def test_resuming_from_an_empty_cart_leaves_no_empty_cart_parked(carts: CartStore) -> None:
    carts.add(RED_M)
    carts.park("red")
    red_id = carts.parked()[0].id
    assert carts.resume(red_id).id == red_id
    assert carts.parked() == []
    assert carts.resume(red_id).id == red_id  # resuming the open cart changes nothing


def test_carts_survive_closing_and_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "carts.db"
    carts = CartStore(path)
    carts.add(RED_M)
    carts.park("red jacket lady")
    carts.add(RUNNER_42, 2)
    carts.attach_member(7)
    carts.add_coupon("NFJACKET10")
    open_before, parked_before = carts.open_cart(), carts.parked()
    carts.close()

    reopened = CartStore(path)
    assert reopened.open_cart() == open_before
    assert reopened.parked() == parked_before
    mode = reopened._conn.execute("PRAGMA synchronous").fetchone()[0]
    assert mode == 2  # FULL: a committed change is on disk before the method returns
    reopened.close()


# -- pricing ------------------------------------------------------------------

COLUMNS = {
    "style": "id code name category kind gender season description list_price currency",
    "variant": "id style_id sku barcode colour colour_code size size_rank active",
    "price": "style_id tier amount",
    "member": "id card_number phone_hash phone_last4 name tier points birthday sizes note "
    "home_store_id",
    "coupon": "id member_id code title kind value min_spend category valid_from valid_to state",
    "brand": "id code name currency country phone_salt",
}


def page(**upserts: list[list[Any]]) -> dict[str, Any]:
    return {
        "kind": "changes",
        "upserts": {
            entity: {"columns": COLUMNS[entity].split(), "rows": rows}
            for entity, rows in upserts.items()
        },
        "deletes": {},
        "cursor": "c1.0.1",
        "has_more": False,
    }


def variant(vid: int, style: int, colour: str, size: str) -> list[Any]:
    return [vid, style, f"S{style}-{vid}", f"690000000{vid:04d}", colour, colour[:3], size, 0, 1]


def member(mid: int, tier: str) -> list[Any]:
    return [mid, f"NF{mid:08d}", "hash", "1234", "王芳", tier, 1200, None, {}, "", 1]


NOVEMBER_DECEMBER = ("2026-11-01T00:00:00+00:00", "2026-12-31T23:59:59+00:00")
SEPTEMBER = ("2026-09-01T00:00:00+00:00", "2026-10-01T00:00:00+00:00")


def coupon(
    cid: int,
    mid: int,
    code: str,
    kind: str,
    value: int,
    *,
    min_spend: int = 0,
    category: str | None = None,
    state: str = "issued",
    window: tuple[str, str] = NOVEMBER_DECEMBER,
) -> list[Any]:
    return [cid, mid, code, code.title(), kind, value, min_spend, category, *window, state]


def style(sid: int, code: str, name: str, category: str, kind: str, price: int) -> list[Any]:
    return [sid, code, name, category, kind, "unisex", "AW26", "", price, "CNY"]


NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
GOLD, CLASSIC = 7, 8


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    cache = Cache(tmp_path / "cache.db")
    cache.apply(
        "config", page(brand=[[1, "NF", "Northfield", "CNY", "CN", "s"]]), first_of_snapshot=True
    )
    jacket = style(1, "JK-0001", "Harbour Rain Jacket", "jackets", "clothing", 89900)
    runner = style(2, "RS-0001", "Breeze Trail Runner", "running shoes", "shoes", 59900)
    cache.apply(
        "catalog",
        page(
            style=[jacket, runner],
            variant=[
                variant(RED_M, 1, "Red", "M"),
                variant(RED_S, 1, "Red", "S"),
                variant(RUNNER_42, 2, "Black", "42"),
                variant(RUNNER_43, 2, "Black", "43"),
            ],
            price=[[1, "gold", 80900]],  # the runner has no gold price: list price it is
        ),
        first_of_snapshot=True,
    )
    cache.apply(
        "members:1",
        page(
            member=[member(GOLD, "gold"), member(CLASSIC, "classic")],
            coupon=[
                coupon(1, GOLD, "NFJACKET10", "percent", 1000, category="jackets"),
                coupon(2, GOLD, "NFOVER3000", "amount", 20000, min_spend=300000),
                coupon(3, GOLD, "NFUSED", "amount", 5000, state="redeemed"),
                coupon(4, GOLD, "NFOLD", "amount", 5000, state="expired", window=SEPTEMBER),
                coupon(5, CLASSIC, "NFOTHERS", "amount", 5000),
            ],
        ),
        first_of_snapshot=True,
    )
    yield cache
    cache.close()


@pytest.fixture
def reader(cache: Cache, tmp_path: Path) -> Iterator[CatalogReader]:
    outbox = Outbox(tmp_path / "outbox.db")
    yield CatalogReader(cache, outbox)
    outbox.close()


@pytest.fixture
def members(cache: Cache) -> MemberTermsReader:
    return MemberTermsReader(cache)


def cny(yuan: str) -> Money:
    return Money.parse(yuan, "CNY")


def test_a_member_gets_the_tier_price_and_the_best_coupon_with_every_step_explained(
    carts: CartStore, reader: CatalogReader, members: MemberTermsReader
) -> None:
    carts.add(RED_M)
    carts.add(RUNNER_42, 2)
    carts.attach_member(GOLD)
    for code in ("NFJACKET10", "NFOVER3000", "NFOTHERS"):
        carts.add_coupon(code)

    quote = price(carts.open_cart(), reader, members, now=NOW)

    priced = quote.priced
    jacket, runners = priced.lines
    assert jacket.line.label == "Harbour Rain Jacket Red M"
    assert (jacket.unit_price, jacket.member_saving) == (cny("809.00"), cny("90.00"))
    assert jacket.net_total == cny("728.10")  # 10 % off the jackets coupon
    assert (runners.unit_price, runners.net_total) == (cny("599.00"), cny("1198.00"))
    assert priced.subtotal == cny("2097.00")
    assert priced.total == cny("1926.10")
    assert priced.total_discount == cny("170.90")
    assert priced.applied_coupon == "NFJACKET10"
    assert priced.explanation() == [
        "gold member price on Harbour Rain Jacket Red M: -90.00",
        "Coupon NFJACKET10 (10% off): -80.90",
        "Coupon NFOVER3000 not applied: needs 3000.00 on eligible items, the cart has 2007.00",
    ]
    [below] = priced.rejected_coupons
    assert (below.code, below.reason) == ("NFOVER3000", RejectReason.BELOW_MIN_SPEND)
    # Another member's code is not this member's: the core has no reason for it.
    assert quote.unknown_coupons == ("NFOTHERS",)
    assert (quote.missing_variants, quote.member_missing) == ((), False)


def test_used_and_expired_coupons_are_refused_for_what_they_are(
    carts: CartStore, reader: CatalogReader, members: MemberTermsReader
) -> None:
    carts.add(RED_M)
    carts.attach_member(GOLD)
    carts.add_coupon("NFUSED")
    carts.add_coupon("nfold")

    priced = price(carts.open_cart(), reader, members, now=NOW).priced

    assert [(r.code, r.reason) for r in priced.rejected_coupons] == [
        ("NFUSED", RejectReason.ALREADY_USED),
        ("NFOLD", RejectReason.EXPIRED),
    ]
    assert priced.total == cny("809.00")


def test_without_a_member_the_list_price_applies_and_every_code_is_unknown(
    carts: CartStore, reader: CatalogReader, members: MemberTermsReader
) -> None:
    carts.add(RED_M)
    carts.add_coupon("NFJACKET10")

    quote = price(carts.open_cart(), reader, members, now=NOW)

    assert quote.priced.total == cny("899.00")
    assert quote.priced.explanation() == []
    assert quote.unknown_coupons == ("NFJACKET10",)


def test_a_tier_without_its_own_prices_pays_list_price(
    carts: CartStore, reader: CatalogReader, members: MemberTermsReader
) -> None:
    carts.add(RED_M)
    carts.attach_member(CLASSIC)
    assert price(carts.open_cart(), reader, members, now=NOW).priced.total == cny("899.00")


def test_what_the_cache_does_not_know_is_reported_not_guessed(
    carts: CartStore, reader: CatalogReader, members: MemberTermsReader
) -> None:
    carts.add(RED_M)
    carts.add(999, 3)  # a variant deleted from the catalog since it was added
    carts.attach_member(12345)  # a member of another store

    quote = price(carts.open_cart(), reader, members, now=NOW)

    assert [p.line.variant_id for p in quote.priced.lines] == [RED_M]
    assert quote.priced.total == cny("899.00")
    assert quote.missing_variants == (999,)
    assert quote.member_missing


def test_an_empty_cart_costs_nothing(
    carts: CartStore, reader: CatalogReader, members: MemberTermsReader
) -> None:
    quote = price(carts.open_cart(), reader, members, now=NOW)
    assert quote.priced.total == Money.zero("CNY")
    assert quote.priced.lines == ()
