"""Which country a click on the map lands in, and what the browser may send about the click."""

from __future__ import annotations

import json

import pytest

from atlas import places
from atlas.tables import PROCESSED
from etl import catalog


@pytest.fixture(scope="module")
def at():
    return places.country_finder(json.loads((PROCESSED / catalog.GEOJSON_FILENAME).read_text()))


@pytest.mark.parametrize(("lat", "lng", "iso3"), [
    (0.5, 37.9, "KEN"), (14.8, -86.8, "HND"), (-17.8, 178.0, "FJI"),
    (-18.137, 178.43, "FJI"),  # Suva, a seaside seat the simplified coast leaves out
    (-17.8, -182.0, "FJI"),  # the same place on the wrapped copy of the world
    (9.0, 38.75, "ETH"), (-13.83, -171.76, "WSM"),
])
def test_a_click_finds_its_country(at, lat, lng, iso3):
    assert at(lat, lng) == iso3


@pytest.mark.parametrize(("lat", "lng"), [(0.0, -30.0), (-40.0, -120.0), (95.0, 0.0)])
def test_a_click_at_sea_finds_nothing(at, lat, lng):
    assert at(lat, lng) is None


@pytest.mark.parametrize("returned", [
    None, "x", {}, {"last_clicked": None}, {"last_clicked": {"lat": "1", "lng": 2}},
    {"last_clicked": {"lat": float("nan"), "lng": 2}}, {"last_clicked": {"lat": 1e9, "lng": 2}},
    {"last_clicked": [1, 2]}, {"last_object_clicked": {"lat": True}},
])
def test_hostile_click_reports_are_ignored(returned):
    assert places.clicked_points(returned) == {}


def test_both_kinds_of_click_are_read():
    got = places.clicked_points({"last_clicked": {"lat": 1, "lng": 2.5},
                                 "last_object_clicked": {"lat": -3.0, "lng": 4}})
    assert got == {"last_clicked": (1.0, 2.5), "last_object_clicked": (-3.0, 4.0)}
