"""`python -m etl stale [--older-than DAYS]`: the published records not verified for a while.

Oldest `last_verified` first; on a tie, the most used first. "Used" is how many countries' pages
show the record: an organisation, its channels and its engagement windows are shown to each of its
current members (a channel limited to some countries, to those); a membership period to its one
country; a network to the countries where it has members (at least one); a case to the countries
it concerns (a region-wide case: its organisation's members). Membership periods are named
RIGO/ISO3/START as in etl/record_ids.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from pathlib import Path

import pandas as pd

from etl import catalog, record_ids
from etl.build import PROCESSED


def _read(folder: Path, table: catalog.Table) -> pd.DataFrame:
    return pd.read_csv(folder / table.filename, dtype=str, keep_default_na=False)


def _split(cell: str) -> list[str]:
    return [part for part in cell.split(catalog.LIST_SEPARATOR) if part]


def records(folder: Path) -> pd.DataFrame:
    """Every verified record: table, id, last_verified, used."""
    t = {table.name: _read(folder, table) for table in (
        catalog.RIGOS, catalog.MEMBERSHIPS, catalog.CHANNELS, catalog.NETWORKS,
        catalog.NETWORK_COUNTRIES, catalog.ENGAGEMENT_WINDOWS, catalog.CASES)}
    m = t["memberships"]
    members = Counter(m[m.end_date == ""].drop_duplicates(["rigo_id", "iso3"]).rigo_id)
    reach = Counter(t["network_countries"].network_id)
    start = m.start_date.where(m.start_date != "", record_ids.BEFORE_2000)
    rows = [
        pd.DataFrame({"table": "rigos", "id": t["rigos"].rigo_id,
                      "used": t["rigos"].rigo_id.map(members)}),
        pd.DataFrame({"table": "memberships", "id": m.rigo_id + "/" + m.iso3 + "/" + start,
                      "used": 1}),
        pd.DataFrame({"table": "channels", "id": t["channels"].channel_id, "used": [
            len(_split(limited)) or members[rigo] for rigo, limited
            in zip(t["channels"].rigo_id, t["channels"].limited_to_iso3, strict=True)]}),
        pd.DataFrame({"table": "networks", "id": t["networks"].network_id,
                      "used": t["networks"].network_id.map(lambda n: max(reach[n], 1))}),
        pd.DataFrame({"table": "engagement_windows", "id": t["engagement_windows"].window_id,
                      "used": t["engagement_windows"].rigo_id.map(members)}),
        pd.DataFrame({"table": "cases", "id": t["cases"].case_id, "used": [
            len(_split(codes)) or members[rigo] for rigo, codes
            in zip(t["cases"].rigo_id, t["cases"].countries, strict=True)]}),
    ]
    verified = pd.concat([t[name].last_verified for name in (
        "rigos", "memberships", "channels", "networks", "engagement_windows", "cases")])
    out = pd.concat(rows, ignore_index=True)
    out["last_verified"] = verified.to_numpy()
    return out


def stale(folder: Path, today: dt.date, older_than: int) -> pd.DataFrame:
    """Records verified more than `older_than` days before `today` (or never), oldest and most
    used first."""
    found = records(folder)
    dates = pd.to_datetime(found.last_verified, errors="coerce")
    found["days"] = (pd.Timestamp(today) - dates).dt.days.fillna(10**6).astype(int)
    found = found[found.days > older_than]
    ordered = found.sort_values(["days", "used", "table", "id"], ascending=[False, False, True, True],
                                kind="stable")
    return ordered[["table", "id", "last_verified", "days", "used"]].reset_index(drop=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl stale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--older-than", type=int, default=365, metavar="DAYS")
    parser.add_argument("--data", type=Path, default=PROCESSED, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    found = stale(args.data, args.today, args.older_than)
    if found.empty:
        print(f"No record was last verified more than {args.older_than} days ago.")
        return 0
    print(found.to_string(index=False))
    print(f"{len(found)} record(s) not verified for more than {args.older_than} days.")
    return 0
