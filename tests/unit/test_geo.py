"""Geo: great-circle distances and the nearest stores."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopguide.core.geo import EARTH_RADIUS_KM, GeoPoint, distance_km, nearest

FUTIAN = GeoPoint(22.5431, 114.0579)
LUOHU = GeoPoint(22.5484, 114.1315)
LONDON = GeoPoint(51.5074, -0.1278)
PARIS = GeoPoint(48.8566, 2.3522)
NANSHAN = GeoPoint(22.5329, 113.9305)


def test_futian_to_luohu_in_shenzhen_is_about_seven_and_a_half_km() -> None:
    assert distance_km(FUTIAN, LUOHU) == pytest.approx(7.58, abs=0.01)


def test_london_to_paris_is_about_343_km() -> None:
    assert distance_km(LONDON, PARIS) == pytest.approx(343.5, abs=0.5)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (GeoPoint(0, 0), GeoPoint(0, 180)),
        (GeoPoint(90, 0), GeoPoint(-90, 0)),
        (FUTIAN, GeoPoint(-FUTIAN.lat, FUTIAN.lon - 180)),
    ],
)
def test_antipodes_are_half_the_earth_apart(a: GeoPoint, b: GeoPoint) -> None:
    assert distance_km(a, b) == pytest.approx(math.pi * EARTH_RADIUS_KM)


points = st.builds(
    GeoPoint,
    st.floats(min_value=-90, max_value=90),
    st.floats(min_value=-180, max_value=180),
)


@settings(max_examples=200)
@given(points, points)
def test_distance_is_symmetric_non_negative_and_at_most_half_the_earth(
    a: GeoPoint, b: GeoPoint
) -> None:
    assert distance_km(a, b) == pytest.approx(distance_km(b, a))
    assert 0.0 <= distance_km(a, b) <= math.pi * EARTH_RADIUS_KM + 1e-6
    assert distance_km(a, a) == 0.0


@pytest.mark.parametrize(
    ("lat", "lon"), [(90.1, 0), (-91, 0), (0, 180.5), (0, -181), (math.nan, 0), (0, math.inf)]
)
def test_coordinates_out_of_range_are_refused(lat: float, lon: float) -> None:
    with pytest.raises(ValueError, match="outside"):
        GeoPoint(lat, lon)


def test_nearest_lists_the_closest_first_and_stops_at_n() -> None:
    stores = [("Luohu", LUOHU), ("London", LONDON), ("Futian", FUTIAN), ("Nanshan", NANSHAN)]
    ranked = nearest(FUTIAN, stores, 3)
    assert [name for name, _ in ranked] == ["Futian", "Luohu", "Nanshan"]
    assert ranked[0][1] == 0.0
    assert ranked[1][1] == pytest.approx(7.58, abs=0.01)


def test_equally_distant_candidates_are_ordered_by_key() -> None:
    east, north, west = GeoPoint(0, 1), GeoPoint(1, 0), GeoPoint(0, -1)
    ranked = nearest(GeoPoint(0, 0), [(3, east), (1, north), (2, west)], 3)
    assert [key for key, _ in ranked] == [1, 2, 3]


def test_asking_for_more_than_there_are_gives_them_all_and_zero_gives_none() -> None:
    assert len(nearest(FUTIAN, [(1, LUOHU), (2, PARIS)], 10)) == 2
    assert nearest(FUTIAN, [(1, LUOHU)], 0) == []
    with pytest.raises(ValueError, match="negative"):
        nearest(FUTIAN, [(1, LUOHU)], -1)


@settings(max_examples=200)
@given(points, st.lists(points, max_size=30), st.integers(min_value=0, max_value=40))
def test_nearest_agrees_with_sorting_everything(
    origin: GeoPoint, candidates: list[GeoPoint], n: int
) -> None:
    keyed = list(enumerate(candidates))
    everything = sorted(((distance_km(origin, p), k) for k, p in keyed))
    assert nearest(origin, keyed, n) == [(k, d) for d, k in everything[:n]]
