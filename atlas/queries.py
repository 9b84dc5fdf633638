"""Pure pandas queries over the Atlas tables (no Streamlit): memberships at a date, channel counts."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from atlas.eras import existing_on, membership_on  # noqa: F401 (membership_on: API)
from atlas.tables import Atlas

# Statuses under which a country's CSOs can use the organisation's channels. A suspension bars
# the government, not the country's civil society, so suspended members count (the map says so).
BELONGING = ("member", "suspended", "associate")
NATIONAL_ELIGIBILITY = ("any", "national", "member_state_based")


def open_to_national(channels: pd.DataFrame) -> pd.Series:
    """True for active channels a national CSO can use directly."""
    stated = channels.open_to.map(lambda kinds: "national" in kinds).astype(bool)
    unstated = (channels.open_to.map(len) == 0).astype(bool)
    by_rule = channels.eligibility.isin(NATIONAL_ELIGIBILITY)
    return (channels.status == "active") & (stated | (unstated & by_rule))


def national_channel_counts(atlas: Atlas) -> pd.Series:
    """Number of channels open to national CSOs, per rigo_id (0 for organisations with none)."""
    open_ = atlas.channels[open_to_national(atlas.channels)]
    counts = open_.groupby("rigo_id").size()
    return counts.reindex(atlas.rigos.rigo_id, fill_value=0)


def country_channel_counts(atlas: Atlas, date: dt.date) -> pd.DataFrame:
    """Per country: the organisations it belongs to at `date` and the channels open to its CSOs."""
    held = existing_on(atlas, date)  # the AU's row before 9 July 2002 is the OAU's: not counted
    held = held[held.status.isin(BELONGING)]
    per_rigo = national_channel_counts(atlas)
    acronyms = atlas.rigos.set_index("rigo_id").acronym
    grouped = held.groupby("iso3").rigo_id.apply(lambda ids: sorted(set(ids)))
    out = atlas.countries[["iso3", "name", "region"]].copy()
    rigo_lists = out.iso3.map(grouped).map(lambda ids: ids if isinstance(ids, list) else [])
    out["rigos"] = rigo_lists.map(lambda ids: ", ".join(acronyms.get(i, i) for i in ids))
    out["n_rigos"] = rigo_lists.map(len)
    out["n_channels"] = rigo_lists.map(lambda ids: int(sum(per_rigo.get(i, 0) for i in ids)))
    return out.sort_values("name").reset_index(drop=True)


def acronyms(atlas: Atlas) -> dict[str, str]:
    """rigo_id -> acronym, in the table's order (computed once per dataset)."""
    return atlas.derived("acronyms", lambda a: dict(zip(a.rigos.rigo_id, a.rigos.acronym,
                                                        strict=True)))


def channel_themes(atlas: Atlas) -> list[str]:
    """Every theme any channel names, sorted (computed once per dataset)."""
    return atlas.derived("channel_themes",
                         lambda a: sorted({t for ts in a.channels.themes for t in ts}))


def headline_figures(atlas: Atlas) -> dict[str, object]:
    channels = atlas.channels
    verified = (channels.confidence == "verified").mean() if len(channels) else 0.0
    return {
        "rigos": len(atlas.rigos),
        "channels": len(channels),
        "networks": len(atlas.networks),
        "verified_share": float(verified),
        "as_of": atlas.as_of,
    }


def sources_for(atlas: Atlas, *frames: pd.DataFrame) -> pd.DataFrame:
    """The sources cited by any row of the given frames, each once."""
    ids = {sid for df in frames for row in df.get("source_ids", []) for sid in row}
    return atlas.sources[atlas.sources.source_id.isin(ids)].reset_index(drop=True)


def search_rows(df: pd.DataFrame, text: str, rigo_id: str | None = None) -> pd.DataFrame:
    """Rows where any cell contains `text` (case-insensitive), optionally of one organisation."""
    out = df
    if rigo_id and "rigo_id" in df.columns:
        out = out[out.rigo_id == rigo_id]
    needle = text.strip().lower()
    if needle:
        flat = out.astype(str).apply(lambda col: col.str.lower().str.contains(needle, regex=False))
        out = out[flat.any(axis=1)]
    return out.reset_index(drop=True)


def record_sources(atlas: Atlas, row: pd.Series) -> pd.DataFrame:
    """The sources one record cites, in the order it cites them."""
    ids = list(row.get("source_ids", ()))
    if "source_id" in row.index:
        ids = [row["source_id"]]
    found = atlas.sources.set_index("source_id")
    return found.loc[[i for i in ids if i in found.index]].reset_index()


def networks_in_country(atlas: Atlas, iso3: str) -> pd.DataFrame:
    """The networks with members or national chapters in `iso3`, by name, with the year their
    country list speaks for and the sources of that list (not the networks' own sources)."""
    here = atlas.network_countries[atlas.network_countries.iso3 == iso3]
    about = atlas.networks[["network_id", "name", "acronym", "scope", "region",
                            "parent_network_id", "website"]]
    out = here[["network_id", "as_of_year", "note", "source_ids"]].merge(about, on="network_id")
    columns = ["network_id", "name", "acronym", "scope", "region", "parent_network_id", "website",
               "as_of_year", "note", "source_ids"]
    return out[columns].sort_values(["name", "network_id"]).reset_index(drop=True)
