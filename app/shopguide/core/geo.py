"""Distances between stores, for "which shop near here has this in 42?".

Stores in one city are a few kilometres apart, so the great-circle distance
is as good as a road distance for ranking them, needs no map service and
works offline. Coordinates are floats: unlike money, a rounding error of a
millimetre changes nothing.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final, Protocol, TypeVar

EARTH_RADIUS_KM: Final = 6371.0088  # IUGG mean radius


class _Orderable(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


K = TypeVar("K", bound=_Orderable)


@dataclass(frozen=True, slots=True)
class GeoPoint:
    lat: float
    lon: float

    def __post_init__(self) -> None:
        if not -90.0 <= self.lat <= 90.0:
            raise ValueError(f"latitude {self.lat} is outside -90..90")
        if not -180.0 <= self.lon <= 180.0:
            raise ValueError(f"longitude {self.lon} is outside -180..180")


def distance_km(a: GeoPoint, b: GeoPoint) -> float:
    """Haversine distance; stable for both very close and antipodal points."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    half_dlat = (lat2 - lat1) / 2
    half_dlon = math.radians(b.lon - a.lon) / 2
    h = math.sin(half_dlat) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(half_dlon) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def nearest(
    origin: GeoPoint, candidates: Iterable[tuple[K, GeoPoint]], n: int
) -> list[tuple[K, float]]:
    """The `n` closest candidates, nearest first; equal distances in key order.

    A heap keeps this O(len(candidates) * log n), which matters when a
    brand has hundreds of stores and the screen wants five.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    ranked = heapq.nsmallest(
        n,
        ((distance_km(origin, point), key) for key, point in candidates),
    )
    return [(key, km) for km, key in ranked]
