"""UUIDv7 identifiers for things the tablet creates (orders, mutations).

Version 7 UUIDs start with a millisecond timestamp, so ids made on one tablet
sort in creation order and index well, yet need no coordination with the
server: an order made offline keeps its id through every retry.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7(now_ms: int | None = None) -> uuid.UUID:
    """A new UUIDv7 (RFC 9562), monotonic within this process."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:
                ms += 1
                _counter = 0
        else:
            _counter = int.from_bytes(os.urandom(2), "big") & 0x7FF
        _last_ms = ms
        counter = _counter
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= rand_b
    return uuid.UUID(int=value)


def uuid7_str() -> str:
    return str(uuid7())


def short_order_id(order_id: str) -> str:
    """What people read and say aloud for an order: its last 8 hex digits, upper case.

    A UUIDv7 starts with the time, so its first digits are the same for every
    order of the same minute; its last digits are random and tell them apart.
    """
    return order_id.replace("-", "")[-8:].upper()
