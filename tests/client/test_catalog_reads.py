"""What the product screens read: rows, a style's grid, stock here and nearby, barcodes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shopguide.client.cache import Cache
from shopguide.client.catalog import CatalogReader, StockCell, StockLevel
from shopguide.client.orders import OrderLine, queue_order
from shopguide.client.outbox import Outbox
from shopguide.core.barcode import make_ean13
from shopguide.core.geo import GeoPoint, distance_km
from shopguide.core.money import Money

COLUMNS = {
    "style": "id code name category kind gender season description list_price currency",
    "variant": "id style_id sku barcode colour colour_code size size_rank active",
    "price": "style_id tier amount",
    "stock": "variant_id on_hand updated_at",
    "store": "id code name city district address latitude longitude opening_hours phone",
    "brand": "id code name currency country phone_salt",
}


def page(**upserts: list[list[Any]]) -> dict[str, Any]:
    """A protocol "changes" page upserting the given rows of each entity."""
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


EAN8 = "69012341"  # a valid EAN-8 that every EAN-13 below starts with
UPC_A = "123456789012"  # printed on the white runners; stored as EAN-13 0123456789012


def variant(
    vid: int, style: int, colour: str, size: str, *, barcode: str = "", active: int = 1
) -> list[Any]:
    barcode = barcode or make_ean13(f"{EAN8}{vid:04d}")
    sku = f"S{style}-{colour[:3].upper()}-{size}"
    return [vid, style, sku, barcode, colour, colour[:3].upper(), size, 0, active]


def style(sid: int, code: str, name: str, category: str, kind: str, price: int) -> list[Any]:
    return [sid, code, name, category, kind, "unisex", "AW26", "Taped seams", price, "CNY"]


def store(sid: int, code: str, name: str, lat: float, lon: float, hours: str) -> list[Any]:
    return [sid, code, name, "Shenzhen", "", "", lat, lon, hours, ""]


JACKET = style(1, "JK-0001", "Harbour Rain Jacket", "jackets", "clothing", 89900)
RUNNER = style(2, "RS-0001", "Breeze Trail Runner", "running shoes", "shoes", 59900)
VARIANTS = [
    # Created out of size order; Navy never came in XL; Green was withdrawn.
    variant(101, 1, "Red", "M"),
    variant(102, 1, "Red", "XL"),
    variant(103, 1, "Red", "S"),
    variant(104, 1, "Navy", "M"),
    variant(105, 1, "Navy", "S"),
    variant(106, 1, "Green", "M", active=0),
    variant(201, 2, "Black", "42"),
    variant(202, 2, "White", "41", barcode="0" + UPC_A),
    variant(203, 2, "White", "40", barcode=EAN8),
]
HOME, NEAR, FAR, NO_FIGURES = 1, 2, 3, 4
STORES = [
    store(HOME, "SZ01", "Futian Coco Park", 22.5336, 114.0553, "10:00-22:00"),
    store(NEAR, "SZ02", "Futian Central Walk", 22.5418, 114.0560, "10:00-22:00"),
    store(FAR, "SZ03", "Nanshan Coastal City", 22.5170, 113.9360, "10:00-21:30"),
    store(NO_FIGURES, "SZ04", "Luohu MixC", 22.5390, 114.1120, "10:00-22:00"),
]
AT = "2026-11-25T10:00:00+00:00"


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    cache = Cache(tmp_path / "cache.db")
    cache.apply(
        "config",
        page(store=STORES, brand=[[1, "NF", "Northfield", "CNY", "CN", "salt"]]),
        first_of_snapshot=True,
    )
    cache.apply(
        "catalog",
        page(
            style=[JACKET, RUNNER],
            variant=VARIANTS,
            price=[[1, "silver", 85400], [1, "gold", 80900]],
        ),
        first_of_snapshot=True,
    )
    home_stock = [[101, 5], [102, 2], [103, 0], [104, 1], [105, 3], [201, 7]]
    cache.apply("stock:1", page(stock=[[v, n, AT] for v, n in home_stock]), first_of_snapshot=True)
    cache.apply("stock:2", page(stock=[[101, 4, AT]]), first_of_snapshot=True)
    cache.apply("stock:3", page(stock=[[101, 0, AT]]), first_of_snapshot=True)
    yield cache
    cache.close()


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    """An order sold offline at the home store, still queued: 2 x Navy M, 2 x Navy S."""
    outbox = Outbox(tmp_path / "outbox.db")
    price = Money(89900, "CNY")
    queue_order(
        outbox,
        store_id=HOME,
        lines=[
            OrderLine(104, 2, price, Money(0, "CNY")),
            OrderLine(105, 2, price, Money(0, "CNY")),
        ],
    )
    yield outbox
    outbox.close()


@pytest.fixture
def reader(cache: Cache, outbox: Outbox) -> CatalogReader:
    return CatalogReader(cache, outbox)


def test_variant_rows_come_in_one_call_and_skip_ids_the_cache_does_not_hold(
    reader: CatalogReader,
) -> None:
    rows = reader.variant_rows([103, 999, 201])
    assert set(rows) == {103, 201}
    jacket = rows[103]
    assert (jacket.style_id, jacket.style_code, jacket.name) == (
        1,
        "JK-0001",
        "Harbour Rain Jacket",
    )
    assert (jacket.colour, jacket.size, jacket.sku) == ("Red", "S", "S1-RED-S")
    assert jacket.list_price == Money(89900, "CNY")
    assert jacket.category == "jackets"
    assert rows[201].barcode == make_ean13(f"{EAN8}0201")
    assert reader.variant_rows([]) == {}


def test_a_style_lists_colours_as_created_sizes_in_size_order_and_its_tier_prices(
    reader: CatalogReader,
) -> None:
    style = reader.style(1)
    assert style is not None
    assert (style.code, style.kind, style.description) == ("JK-0001", "clothing", "Taped seams")
    assert style.list_price == Money(89900, "CNY")
    assert style.tier_prices == {"gold": Money(80900, "CNY"), "silver": Money(85400, "CNY")}
    assert style.colours == ["Red", "Navy"]  # the withdrawn Green is not offered
    assert style.sizes == ["S", "M", "XL"]
    assert style.variants == {
        ("Red", "M"): 101,
        ("Red", "XL"): 102,
        ("Red", "S"): 103,
        ("Navy", "M"): 104,
        ("Navy", "S"): 105,
    }
    runner = reader.style(2)
    assert runner is not None
    assert runner.sizes == ["40", "41", "42"]  # created 42, 41, 40
    assert reader.style(999) is None


def test_the_stock_matrix_grades_each_size_and_takes_off_what_queued_orders_hold(
    reader: CatalogReader, cache: Cache
) -> None:
    matrix = reader.stock_matrix(1, HOME)
    assert (matrix.store_id, matrix.colours, matrix.sizes) == (
        HOME,
        ["Red", "Navy"],
        ["S", "M", "XL"],
    )
    assert matrix.cells == {
        ("Red", "S"): StockCell(103, on_hand=0, held=0, level=StockLevel.NONE),
        ("Red", "M"): StockCell(101, on_hand=5, held=0, level=StockLevel.OK),
        ("Red", "XL"): StockCell(102, on_hand=2, held=0, level=StockLevel.LOW),
        # 1 on the server's books, 2 sold offline: none left, never -1.
        ("Navy", "M"): StockCell(104, on_hand=0, held=2, level=StockLevel.NONE),
        ("Navy", "S"): StockCell(105, on_hand=1, held=2, level=StockLevel.LOW),
    }
    assert ("Navy", "XL") not in matrix.cells  # that combination does not exist
    assert matrix.as_of is not None
    assert matrix.as_of == cache.synced_at("stock:1")


def test_holds_lower_only_the_store_that_sold(reader: CatalogReader) -> None:
    matrix = reader.stock_matrix(1, NEAR)
    assert matrix.cells[("Red", "M")] == StockCell(101, 4, 0, StockLevel.OK)
    assert matrix.cells[("Navy", "M")] == StockCell(104, 0, 0, StockLevel.NONE)  # no figure


def test_a_store_never_synced_has_no_as_of_and_an_unknown_style_an_empty_grid(
    reader: CatalogReader,
) -> None:
    never = reader.stock_matrix(1, NO_FIGURES)
    assert never.as_of is None
    assert {cell.level for cell in never.cells.values()} == {StockLevel.NONE}
    empty = reader.stock_matrix(999, HOME)
    assert (empty.colours, empty.sizes, empty.cells) == ([], [], {})


def test_the_low_stock_threshold_is_the_readers_choice(cache: Cache, outbox: Outbox) -> None:
    generous = CatalogReader(cache, outbox, low_stock=5)
    assert generous.stock_matrix(1, HOME).cells[("Red", "M")].level is StockLevel.LOW
    with pytest.raises(ValueError, match="at least 1"):
        CatalogReader(cache, outbox, low_stock=0)


def test_nearby_stock_lists_other_stores_with_a_figure_nearest_first(
    reader: CatalogReader, cache: Cache
) -> None:
    nearby = reader.nearby_stock(101, HOME)
    assert [(s.store_id, s.code, s.on_hand) for s in nearby] == [
        (NEAR, "SZ02", 4),
        (FAR, "SZ03", 0),
    ]
    home = GeoPoint(22.5336, 114.0553)
    assert nearby[0].distance_km == pytest.approx(distance_km(home, GeoPoint(22.5418, 114.0560)))
    assert nearby[0].distance_km < 1.0 < nearby[1].distance_km
    assert (nearby[0].name, nearby[0].opening_hours) == ("Futian Central Walk", "10:00-22:00")
    assert nearby[0].as_of == cache.synced_at("stock:2")


def test_nearby_stock_is_measured_from_the_store_asked_about(reader: CatalogReader) -> None:
    from_far = reader.nearby_stock(101, FAR)
    assert [s.store_id for s in from_far] == [HOME, NEAR]
    assert from_far[0].on_hand == 5
    assert reader.nearby_stock(101, 999) == []  # no coordinates, no "near"


def test_a_scanned_barcode_finds_its_variant_however_it_was_typed(reader: CatalogReader) -> None:
    code = make_ean13(f"{EAN8}0201")
    for scanned in (code, f" {code}\r\n", "".join(chr(ord(d) + 0xFEE0) for d in code)):
        row = reader.by_barcode(scanned)
        assert row is not None
        assert row.variant_id == 201
    upc = reader.by_barcode(UPC_A)
    assert upc is not None
    assert upc.variant_id == 202


@pytest.mark.parametrize(
    "scanned",
    ["", "hello", "12345", make_ean13("690000000999"), make_ean13(f"{EAN8}0201")[:-1] + "0"],
    ids=["empty", "words", "too-short", "unknown-code", "wrong-check-digit"],
)
def test_a_bad_or_unknown_barcode_finds_nothing(reader: CatalogReader, scanned: str) -> None:
    assert reader.by_barcode(scanned) is None


def test_search_by_words_delegates_to_the_cache(reader: CatalogReader) -> None:
    assert reader.search("jacket red", limit=10) == [101, 102, 103]
    assert reader.count("jacket red") == 3
    assert reader.search("jacket", limit=2, offset=2) == [103, 104]


def test_search_puts_the_exact_barcode_first_and_pages_consistently(
    reader: CatalogReader,
) -> None:
    # Every EAN-13 here starts with the EAN-8 of variant 203, so its word
    # search matches them all; the exact match still comes first.
    everything = reader.search(EAN8, limit=50)
    assert everything == [203, 101, 102, 103, 104, 105, 201]
    assert reader.count(EAN8) == 7
    pages = [reader.search(EAN8, limit=3, offset=o) for o in (0, 3, 6)]
    assert [v for p in pages for v in p] == everything


def test_a_upc_a_code_is_found_though_the_word_search_misses_it(reader: CatalogReader) -> None:
    assert reader.search(UPC_A, limit=10) == [202]
    assert reader.count(UPC_A) == 1
    assert reader.count(UPC_A, cap=1) == 1


def test_prices_are_in_the_brands_currency_and_in_yuan_before_it_is_known(
    tmp_path: Path, outbox: Outbox
) -> None:
    cache = Cache(tmp_path / "fresh.db")
    reader = CatalogReader(cache, outbox)
    assert reader.currency() == "CNY"
    cache.apply(
        "config", page(brand=[[1, "NF", "Northfield HK", "HKD", "HK", "s"]]), first_of_snapshot=True
    )
    cache.apply("catalog", page(style=[JACKET], variant=VARIANTS[:1]), first_of_snapshot=True)
    assert reader.currency() == "HKD"
    assert reader.variant_rows([101])[101].list_price == Money(89900, "HKD")
    cache.close()


def test_member_prices_are_read_per_style_for_one_tier(reader: CatalogReader) -> None:
    assert reader.member_prices([1, 2], "gold") == {1: Money(80900, "CNY")}
    assert reader.member_prices([1], "classic") == {}
