"""Write the published tables, GeoJSON, data package and manifest, replacing the output atomically."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd

from etl import catalog

LICENCES = {
    "data": {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
             "title": "Creative Commons Attribution 4.0"},
    "boundaries": {"name": "PDDL-1.0", "path": "https://www.naturalearthdata.com/about/terms-of-use/",
                   "title": "Public domain (Natural Earth)"},
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_table(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> None:
    path.write_text(gdf.to_json(drop_id=True, ensure_ascii=False), encoding="utf-8")


def web_geojson(gdf: gpd.GeoDataFrame) -> str:
    """The shapes the home map fetches as a static file: the published geometry, keyed by iso3
    only (names and figures reach the map escaped, from the app), without whitespace."""
    data = json.loads(gdf[["iso3", "geometry"]].to_json(drop_id=True))
    return json.dumps(data, separators=(",", ":"), ensure_ascii=True) + "\n"


def write_web_geojson(gdf: gpd.GeoDataFrame, folder: Path) -> None:
    """Write `folder`/countries.geojson atomically (a temporary file renamed into place)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / catalog.GEOJSON_FILENAME
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".countries-",
                                     suffix=".tmp", delete=False) as tmp:
        tmp.write(web_geojson(gdf))
    Path(tmp.name).chmod(0o644)  # mkstemp makes it private; the web server must read it
    Path(tmp.name).replace(target)


# Dates of past events written as precisely as the source gives them (a month, or only a year).
PARTIAL_DATES = ("last_held_start", "last_held_end", "date_from", "date_to")


def _field(table: catalog.Table, column: str) -> dict:
    kind = "string"
    if column in ("hq_lat", "hq_lon", "min_member_funding_share"):
        kind = "number"
    elif column.endswith("year") or column in ("min_years_registered", "every_n_years"):
        kind = "integer"
    elif column.endswith(("_date", "_until", "_since")) or column in (
            "last_verified", "accessed", "next_start", "next_end", "date"):
        kind = "date"
    elif column in ("stale", "registered_in_member_state", "day_unverified"):
        kind = "boolean"
    field = {"name": column, "type": kind}
    if column in table.list_columns:
        field["description"] = "list; items separated by ';'"
    if column in PARTIAL_DATES:
        field["description"] = "a date as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD"
    return field


def datapackage() -> dict:
    resources = [
        {
            "name": table.name,
            "path": table.filename,
            "format": "csv",
            "encoding": "utf-8",
            "licenses": [LICENCES["data"]],
            "schema": {
                "fields": [_field(table, col) for col in table.columns],
                "primaryKey": list(table.key),
            },
        }
        for table in catalog.TABLES
    ]
    resources.append({"name": "countries-geojson", "path": catalog.GEOJSON_FILENAME,
                      "format": "geojson", "licenses": [LICENCES["boundaries"]]})
    return {
        "name": "engagement-atlas",
        "title": "Engagement Atlas: how civil society can engage regional intergovernmental organisations",
        "licenses": [LICENCES["data"]],
        "resources": resources,
    }


def manifest(inputs: dict[str, Path], folder: Path) -> dict:
    """Hashes of every input and output, no timestamps: unchanged inputs give identical bytes."""
    outputs = sorted(p for p in folder.iterdir() if p.name != catalog.MANIFEST_FILENAME)
    return {
        "inputs": {name: sha256(path) for name, path in sorted(inputs.items())},
        "outputs": {p.name: sha256(p) for p in outputs},
    }


def write_all(tables: dict[str, pd.DataFrame], geo: gpd.GeoDataFrame, inputs: dict[str, Path],
              folder: Path) -> None:
    for table in catalog.TABLES:
        write_table(tables[table.name], folder / table.filename)
    write_geojson(geo, folder / catalog.GEOJSON_FILENAME)
    dump = json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"
    (folder / "datapackage.json").write_text(dump, encoding="utf-8")
    dump = json.dumps(manifest(inputs, folder), indent=2) + "\n"
    (folder / catalog.MANIFEST_FILENAME).write_text(dump, encoding="utf-8")


def replace_folder(new: Path, out: Path) -> None:
    """Swap a complete build into place; the old folder is removed only after the swap."""
    out.parent.mkdir(parents=True, exist_ok=True)
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    old.rmdir()
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def write_folder(files: dict[str, bytes], folder: Path) -> None:
    """Write files (relative path -> bytes) into a temporary folder, readable by a web server,
    then swap it into `folder` (the calendars and the feeds under static/data)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-new-", dir=folder.parent))
    try:
        for name, data in files.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_bytes(data)
        for path in [tmp, *tmp.rglob("*")]:  # mkdtemp makes it private; the web server must read it
            path.chmod(0o755 if path.is_dir() else 0o644)
        replace_folder(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
