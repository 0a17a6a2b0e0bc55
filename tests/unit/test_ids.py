"""Ids made on the tablet: UUIDv7, unique and in creation order."""

from __future__ import annotations

import uuid

from shopguide.core.ids import uuid7, uuid7_str


def test_ids_are_version_7_rfc_uuids() -> None:
    value = uuid7()
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_ids_made_in_a_row_sort_in_creation_order_even_in_the_same_millisecond() -> None:
    ids = [uuid7(now_ms=1_750_000_000_000) for _ in range(5000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_the_timestamp_is_the_first_48_bits() -> None:
    value = uuid7(now_ms=1_750_000_123_456)
    assert value.int >> 80 >= 1_750_000_123_456


def test_string_form_parses_back() -> None:
    text = uuid7_str()
    assert str(uuid.UUID(text)) == text
