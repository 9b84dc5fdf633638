"""Which country is at a point of the map (no Streamlit): a spatial index over the published shapes."""

from __future__ import annotations

from collections.abc import Callable

import shapely
from shapely.geometry import shape

NEAR = 0.5  # degrees: a click this close to a coast (a seaside seat, a small island) counts


def country_finder(geojson: dict) -> Callable[[float, float], str | None]:
    """A function (lat, lng) -> the iso3 of the country drawn there, else of the nearest one within
    NEAR degrees (simplified coasts miss seaside capitals and islets), else None (open sea)."""
    codes = [f["properties"]["iso3"] for f in geojson["features"]]
    tree = shapely.STRtree([shape(f["geometry"]) for f in geojson["features"]])

    def at(lat: float, lng: float) -> str | None:
        lng = (lng + 180) % 360 - 180  # a click on a wrapped copy of the world
        if not -90 <= lat <= 90:
            return None
        point = shapely.Point(lng, lat)
        hits = tree.query(point, predicate="intersects")
        if not len(hits):
            hits = tree.query_nearest(point, max_distance=NEAR)
        return codes[int(hits[0])] if len(hits) else None

    return at


CLICKS = ("last_clicked", "last_object_clicked")  # on the map; on a marker or shape


def clicked_points(returned: object) -> dict[str, tuple[float, float]]:
    """The (lat, lng) st_folium reports for each kind of click, checked: it comes from the
    browser."""
    points: dict[str, tuple[float, float]] = {}
    for kind in CLICKS:
        point = returned.get(kind) if isinstance(returned, dict) else None
        if not isinstance(point, dict):
            continue
        lat, lng = point.get("lat"), point.get("lng")
        if all(isinstance(v, int | float) and abs(v) < 1e4 for v in (lat, lng)):
            points[kind] = (float(lat), float(lng))  # type: ignore[arg-type]
    return points
