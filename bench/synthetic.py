"""A synthetic dataset 100x the published one, written to a temporary folder (never data/processed).

Channels, networks, network links and memberships are copied FACTOR times with new ids:
channel and network copies get a suffix; membership copies get earlier, one-year periods
(so no two periods of a country in an organisation overlap). Organisations, countries,
sources and recommendations stay as published, so every page has the same choices.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from atlas.tables import PROCESSED
from etl import catalog

FACTOR = 100
SCALED = ("channels", "networks", "network_links", "memberships")


def _read(folder: Path, table: catalog.Table) -> pd.DataFrame:
    return pd.read_csv(folder / table.filename, dtype=str, keep_default_na=False)


def _suffixed(values: pd.Series, k: int) -> pd.Series:
    return values.where(values == "", values + f"-x{k}")


def _copies(df: pd.DataFrame, name: str, k: int) -> pd.DataFrame:
    out = df.copy()
    if name == "channels":
        out["channel_id"] = _suffixed(out.channel_id, k)
    elif name == "networks":
        out["network_id"] = _suffixed(out.network_id, k)
        out["parent_network_id"] = _suffixed(out.parent_network_id, k)
    elif name == "network_links":
        out["network_id"] = _suffixed(out.network_id, k)
        out["channel_id"] = _suffixed(out.channel_id, k)
    elif name == "memberships":
        year = 1900 - k  # one year each, long before any published start date
        out["status"] = "member"
        out["start_date"] = f"{year}-01-01"
        out["end_date"] = f"{year}-12-31"
    return out


def write(folder: Path, source: Path = PROCESSED, factor: int = FACTOR) -> dict[str, int]:
    """Write the scaled tables (and copies of the rest) into `folder`. Returns row counts."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in catalog.TABLES:
        df = _read(source, table)
        if table.name in SCALED:
            df = pd.concat([df, *(_copies(df, table.name, k) for k in range(1, factor))],
                           ignore_index=True)
        df.to_csv(folder / table.filename, index=False, lineterminator="\n", encoding="utf-8")
        counts[table.name] = len(df)
    for name in (catalog.GEOJSON_FILENAME, "datapackage.json", catalog.MANIFEST_FILENAME):
        shutil.copyfile(source / name, folder / name)
    return counts
