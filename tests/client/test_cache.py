"""The local cache: pages applied atomically with their cursor, search, and self-repair."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from shopguide.client.cache import Cache, CacheCorrupt
from shopguide.client.outbox import Outbox

STYLE_COLUMNS = [
    "id",
    "code",
    "name",
    "category",
    "kind",
    "gender",
    "season",
    "description",
    "list_price",
    "currency",
]
VARIANT_COLUMNS = [
    "id",
    "style_id",
    "sku",
    "barcode",
    "colour",
    "colour_code",
    "size",
    "size_rank",
    "active",
]


def catalog_page(
    cursor: str,
    *,
    styles: list[list[Any]],
    variants: list[list[Any]],
    deletes: dict[str, list[str]] | None = None,
    kind: str = "changes",
    has_more: bool = False,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "upserts": {
            "style": {"columns": STYLE_COLUMNS, "rows": styles},
            "variant": {"columns": VARIANT_COLUMNS, "rows": variants},
        },
        "deletes": deletes or {},
        "cursor": cursor,
        "has_more": has_more,
    }


RUNNER = [
    1,
    "RS-0001",
    "Breeze Trail Runner",
    "running shoes",
    "shoes",
    "men",
    "AW26",
    "",
    59900,
    "CNY",
]
TEE = [
    2,
    "TS-0001",
    "Harbour Cotton Tee",
    "t-shirts",
    "clothing",
    "unisex",
    "SS26",
    "",
    9900,
    "CNY",
]


def variant(vid: int, style: int, colour: str, size: str) -> list[Any]:
    return [
        vid,
        style,
        f"S{style}-{colour[:3].upper()}-{size}",
        f"690000000{vid:04d}",
        colour,
        colour[:3].upper(),
        size,
        0,
        1,
    ]


@pytest.fixture
def cache(tmp_path: Path) -> Cache:
    cache = Cache(tmp_path / "cache.db")
    cache.subscribe(["catalog", "stock:1", "config"])
    return cache


def test_a_page_and_its_cursor_are_applied_together(cache: Cache) -> None:
    cache.apply(
        "catalog",
        catalog_page("c1.0.5", styles=[RUNNER], variants=[variant(10, 1, "Black", "42")]),
        first_of_snapshot=False,
    )
    assert cache.cursors()["catalog"] == "c1.0.5"
    assert cache.count("variant") == 1
    assert cache.synced_at("catalog") is not None


def test_a_page_that_fails_half_way_changes_neither_data_nor_cursor(cache: Cache) -> None:
    good = catalog_page("c1.0.5", styles=[RUNNER], variants=[variant(10, 1, "Black", "42")])
    cache.apply("catalog", good, first_of_snapshot=False)
    bad = catalog_page("c1.0.9", styles=[TEE], variants=[variant(11, 2, "Navy", "M")])
    bad["upserts"]["variant"]["columns"] = ["id", "nonsense"]
    with pytest.raises(ValueError, match="columns"):
        cache.apply("catalog", bad, first_of_snapshot=False)
    assert cache.cursors()["catalog"] == "c1.0.5"
    assert cache.count("style") == 1


def test_the_first_snapshot_page_replaces_what_the_scope_held(cache: Cache) -> None:
    cache.apply(
        "catalog",
        catalog_page("c1.0.5", styles=[RUNNER, TEE], variants=[variant(10, 1, "Black", "42")]),
        first_of_snapshot=False,
    )
    cache.apply(
        "catalog",
        catalog_page("s1.x", styles=[TEE], variants=[], kind="snapshot", has_more=True),
        first_of_snapshot=True,
    )
    assert cache.count("style") == 1
    assert cache.count("variant") == 0
    assert cache.search_variants("breeze", limit=10) == []


def test_tombstones_delete_rows_and_their_search_entries(cache: Cache) -> None:
    cache.apply(
        "catalog",
        catalog_page(
            "c1.0.5",
            styles=[RUNNER],
            variants=[variant(10, 1, "Black", "42"), variant(11, 1, "White", "42")],
        ),
        first_of_snapshot=False,
    )
    cache.apply(
        "catalog",
        catalog_page("c1.0.6", styles=[], variants=[], deletes={"variant": ["10"]}),
        first_of_snapshot=False,
    )
    assert cache.search_variants("runner", limit=10) == [11]


def test_stock_rows_belong_to_the_store_of_their_scope(cache: Cache) -> None:
    page = {
        "kind": "changes",
        "upserts": {
            "stock": {
                "columns": ["variant_id", "on_hand", "updated_at"],
                "rows": [
                    [10, 3, "2026-11-25T10:00:00+00:00"],
                    [11, 0, "2026-11-25T10:00:00+00:00"],
                ],
            }
        },
        "deletes": {},
        "cursor": "c1.0.1",
        "has_more": False,
    }
    cache.apply("stock:1", page, first_of_snapshot=False)
    assert cache.stock_levels(1, [10, 11, 12]) == {10: 3, 11: 0}
    assert cache.stock_levels(2, [10]) == {}


def test_a_page_may_not_write_entities_of_another_scope(cache: Cache) -> None:
    page = catalog_page("c1.0.1", styles=[RUNNER], variants=[])
    with pytest.raises(ValueError, match="does not belong"):
        cache.apply("stock:1", page, first_of_snapshot=False)


def test_search_matches_every_typed_word_as_a_prefix(cache: Cache) -> None:
    cache.apply(
        "catalog",
        catalog_page(
            "c1.0.5",
            styles=[RUNNER, TEE],
            variants=[
                variant(10, 1, "Black", "42"),
                variant(11, 1, "White", "43"),
                variant(12, 2, "Navy", "M"),
            ],
        ),
        first_of_snapshot=False,
    )
    assert cache.search_variants("br", limit=10) == [10, 11]
    assert cache.search_variants("runner whi", limit=10) == [11]
    assert cache.search_variants("S2-NAV", limit=10) == [12]
    assert cache.search_variants("6900000000012", limit=10) == [12]
    assert cache.count_matches("b", cap=1) == 1
    assert cache.search_variants('" OR * NEAR(', limit=10) == []


def test_renaming_a_style_renames_its_variants_in_search(cache: Cache) -> None:
    cache.apply(
        "catalog",
        catalog_page("c1.0.5", styles=[RUNNER], variants=[variant(10, 1, "Black", "42")]),
        first_of_snapshot=False,
    )
    renamed = [*RUNNER]
    renamed[2] = "Summit Trail Runner"
    cache.apply(
        "catalog", catalog_page("c1.0.6", styles=[renamed], variants=[]), first_of_snapshot=False
    )
    assert cache.search_variants("summit", limit=10) == [10]
    assert cache.search_variants("breeze", limit=10) == []


def test_a_garbage_cache_file_is_rebuilt_empty_and_the_outbox_is_untouched(
    tmp_path: Path,
) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    mutation_id = outbox.enqueue("order.place", {"n": 1})
    (tmp_path / "cache.db").write_bytes(b"this is not a database" * 100)
    cache = Cache(tmp_path / "cache.db")
    assert cache.cursors() == {}
    assert [m.id for m in Outbox(tmp_path / "outbox.db").pending()] == [mutation_id]


def test_a_cache_damaged_while_open_is_rebuilt_on_the_next_read(cache: Cache) -> None:
    cache.apply(
        "catalog",
        catalog_page("c1.0.5", styles=[RUNNER], variants=[variant(10, 1, "Black", "42")]),
        first_of_snapshot=False,
    )
    cache._writer.close()
    cache._close_readers()
    with open(cache.path, "r+b") as handle:
        handle.seek(0)
        handle.write(b"\x00" * 4096)
    with pytest.raises(CacheCorrupt):
        cache.read(lambda c: c.execute("SELECT COUNT(*) FROM variant").fetchone())
    assert cache.cursors() == {}


def test_a_cache_from_an_older_schema_is_rebuilt_and_the_outbox_kept(tmp_path: Path) -> None:
    import sqlite3

    outbox = Outbox(tmp_path / "outbox.db")
    outbox.enqueue("order.place", {"n": 1})
    old = sqlite3.connect(tmp_path / "cache.db")
    old.execute("CREATE TABLE legacy (x)")
    old.execute("PRAGMA user_version=0")
    old.commit()
    old.close()
    cache = Cache(tmp_path / "cache.db")
    assert cache.count("variant") == 0
    assert Outbox(tmp_path / "outbox.db").counts().pending == 1


def test_unsubscribing_a_store_clears_its_stock(cache: Cache) -> None:
    page = {
        "kind": "changes",
        "upserts": {
            "stock": {
                "columns": ["variant_id", "on_hand", "updated_at"],
                "rows": [[10, 3, "2026-11-25T10:00:00+00:00"]],
            }
        },
        "deletes": {},
        "cursor": "c1.0.1",
        "has_more": False,
    }
    cache.apply("stock:1", page, first_of_snapshot=False)
    cache.subscribe(["catalog", "config"])
    assert cache.stock_levels(1, [10]) == {}
    assert "stock:1" not in cache.cursors()
