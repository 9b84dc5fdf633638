"""Countries: Natural Earth 50m shapes keyed by ISO3, fixed at the antimeridian and simplified."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.affinity import translate
from shapely.geometry import MultiPolygon, Polygon, box

from etl import catalog
from etl.steps.tabulate import frame

# Natural Earth shapes without an ISO code of their own: merged into the UN member state
# that the UN recognises there (see data/README.md, "Boundaries"), or dropped.
MERGE_INTO = {"CYN": "CYP", "SOL": "SOM", "ATC": "AUS", "IOA": "AUS"}
DROP = {"ATA", "KAS"}
TOLERANCE = 0.1
DECIMALS = 3
EAST, WEST = box(0, -90, 180, 90), box(180, -90, 360, 90)


def _polygons(geom) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    return [p for part in getattr(geom, "geoms", []) for p in _polygons(part)]


def split_antimeridian(geom) -> MultiPolygon:
    """Cut any ring that wraps around the globe into its eastern and western parts."""
    parts = []
    for poly in _polygons(geom):
        minx, _, maxx, _ = poly.bounds
        if maxx - minx <= 180:
            parts += _polygons(shapely.make_valid(poly))
            continue
        shifted = shapely.transform(poly, lambda xy: np.where(xy < 0, xy + [360, 0], xy))
        shifted = shapely.make_valid(shifted)
        parts += _polygons(shifted.intersection(EAST))
        parts += _polygons(translate(shifted.intersection(WEST), xoff=-360))
    return MultiPolygon(parts)


def _round(geom):
    rounded = shapely.transform(geom, lambda xy: np.round(xy, DECIMALS))
    return MultiPolygon(_polygons(shapely.make_valid(rounded)))


def shapes(world: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One valid, simplified multipolygon per ISO3 code."""
    gdf = world[~world["a3"].isin(DROP)].copy()
    gdf["iso3"] = gdf["a3"].replace(MERGE_INTO)
    gdf["geometry"] = [shapely.make_valid(split_antimeridian(g)) for g in gdf.geometry]
    gdf = gdf.set_crs(4326, allow_override=True).dissolve(by="iso3", as_index=False)
    gdf["geometry"] = [MultiPolygon(_polygons(g)) for g in gdf.geometry]
    simplified = gdf.geometry.simplify_coverage(TOLERANCE)
    # Micro-states can vanish under simplification: they keep their unsimplified shape.
    kept = [s if not _round(s).is_empty else g for s, g in zip(simplified, gdf.geometry, strict=True)]
    gdf["geometry"] = [_round(g) for g in kept]
    return gdf[~gdf.geometry.is_empty][["iso3", "geometry"]]


def attributes(iso3: pd.Series, reference: pd.DataFrame) -> pd.DataFrame:
    """Name, region and subregion (UN M49) for each code, from the country reference table."""
    ref = reference.set_index("ISO3")
    rows = [
        {
            "iso3": code,
            "name": ref.at[code, "name_short"],
            "region": ref.at[code, "continent"],
            "subregion": ref.at[code, "UNregion"],
        }
        for code in iso3
        if code in ref.index
    ]
    return frame(catalog.COUNTRIES, rows)


def build(world: gpd.GeoDataFrame, reference: pd.DataFrame) -> tuple[pd.DataFrame, gpd.GeoDataFrame]:
    """The countries table and its GeoJSON: only codes that the reference table knows."""
    geo = shapes(world)
    table = attributes(geo["iso3"], reference)
    geo = geo.merge(table, on="iso3", how="inner")[["iso3", "name", "region", "subregion", "geometry"]]
    return table, geo.sort_values("iso3").reset_index(drop=True)
