"""The tablet's catalog search: whatever is typed or scanned, FTS5 syntax included, never raises.

`fts_query` keeps only the words of the input, each quoted as a prefix term,
so quotes, `*`, `NEAR(`, `OR`, `-`, `^`, column filters and SQL are inert;
and names in the cache that look like SQL or markup are found by their words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopguide.client.cache import Cache
from shopguide.client.catalog import CatalogReader
from shopguide.client.outbox import Outbox
from tests.client.test_catalog_reads import JACKET, RUNNER, STORES, VARIANTS, page, style

HOSTILE_NAMES = {
    3: "Robert'); DROP TABLE variant;--",
    4: "<script>alert(1)</script> Tee",
    5: '100% "cotton" NEAR(shirt) OR *',
}
TYPED = [
    "' OR 1=1 --",
    '"; DROP TABLE variant_search; --',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "%",
    "_",
    "%_%",
    '"',
    '""',
    "*",
    "**",
    "NEAR(",
    "NEAR(a b, 2)",
    "OR",
    "AND",
    "NOT",
    "a OR b",
    "a AND NOT b",
    "-jacket",
    "^harbour",
    "words:harbour",
    "{words}: x",
    "(",
    ")",
    "harbour)",
    "'",
    "\\",
    "\x00",
    "\u200b",
    "ﬁ ß İ",
    "x" * 5000,
    "a " * 2000,
]


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CatalogReader]:
    folder: Path = tmp_path_factory.mktemp("hostile-search")
    cache = Cache(folder / "cache.db")
    outbox = Outbox(folder / "outbox.db")
    cache.apply(
        "config",
        page(store=STORES, brand=[[1, "NF", "Northfield", "CNY", "CN", "salt"]]),
        first_of_snapshot=True,
    )
    hostile = [
        style(sid, f"HX-{sid}", name, "t-shirts", "clothing", 9900)
        for sid, name in HOSTILE_NAMES.items()
    ]
    variants = [
        *VARIANTS,
        *(
            [900 + sid, sid, f"HX-{sid}-M", f"690000000{sid:03d}1", "Red", "RED", "M", 0, 1]
            for sid in HOSTILE_NAMES
        ),
    ]
    cache.apply(
        "catalog",
        page(style=[JACKET, RUNNER, *hostile], variant=variants, price=[]),
        first_of_snapshot=True,
    )
    yield CatalogReader(cache, outbox)
    outbox.close()
    cache.close()


@pytest.mark.parametrize("text", TYPED, ids=[repr(t)[:30] for t in TYPED])
def test_typed_syntax_is_searched_as_words_and_never_raises(
    reader: CatalogReader, text: str
) -> None:
    found = reader.search(text, limit=20)
    assert reader.count(text) >= len(found)
    assert reader.by_barcode(text) is None


@pytest.mark.parametrize(
    ("typed", "style_id"),
    [("robert drop", 3), ("script alert", 4), ("cotton near shirt", 5), ("100 cot", 5)],
)
def test_a_name_that_looks_like_code_is_found_by_its_words(
    reader: CatalogReader, typed: str, style_id: int
) -> None:
    assert reader.search(typed, limit=20) == [900 + style_id]


def test_the_cache_is_intact_after_all_that(reader: CatalogReader) -> None:
    for text in TYPED:
        reader.search(text, limit=5)
    assert reader.search("harbour", limit=50) == [101, 102, 103, 104, 105]  # 106 is withdrawn
    assert len(reader.variant_rows([101, 903, 904, 905])) == 4


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.text(st.sampled_from("\"*()^-:+{}NEAROTAD ab'%_\\"), max_size=30),
    )
)
def test_any_text_searches_without_raising(reader: CatalogReader, text: str) -> None:
    found = reader.search(text, limit=10, offset=0)
    assert all(isinstance(v, int) for v in found)
    reader.count(text, cap=50)
