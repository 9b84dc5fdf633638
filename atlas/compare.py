"""Pure comparisons of channels across organisations and regions (no Streamlit)."""

from __future__ import annotations

import pandas as pd

from atlas import glossary, i18n
from atlas.queries import open_to_national
from atlas.tables import Atlas
from etl import catalog


def channels_with_rigo(atlas: Atlas, rigo_ids: list[str] | None = None) -> pd.DataFrame:
    """Channels joined to their organisation's acronym and region, optionally filtered."""
    out = atlas.channels.merge(atlas.rigos[["rigo_id", "acronym", "region"]], on="rigo_id")
    if rigo_ids:
        out = out[out.rigo_id.isin(rigo_ids)]
    out = out.assign(open_national=open_to_national(out).to_numpy())
    return out.reset_index(drop=True)


def rigos_in_region(atlas: Atlas, region: str) -> list[str]:
    return sorted(atlas.rigos[atlas.rigos.region == region].rigo_id)


FEATURED = ("au", "ecowas", "oas", "eu", "pif")


def default_selection(atlas: Atlas, region: str | None) -> list[str]:
    """The organisations a comparison starts with: a region's, or a featured few the data holds."""
    if region:
        return rigos_in_region(atlas, region)
    held = [r for r in FEATURED if r in set(atlas.rigos.rigo_id)]
    return held or list(atlas.rigos.rigo_id[:5])


def compare_matrix(channels: pd.DataFrame, t: i18n.Translator | None = None) -> pd.DataFrame:
    """Channel type × organisation; each cell lists the channels' names (empty = none)."""
    if channels.empty:
        return pd.DataFrame()
    cells = channels.groupby(["channel_type", "acronym"])["name"].apply(lambda n: "; ".join(sorted(n)))
    matrix = cells.unstack("acronym").fillna("")
    order = [t for t in catalog.CHANNEL_TYPES if t in matrix.index]
    matrix = matrix.loc[order]
    t = t or i18n.translator()
    matrix.index = [glossary.channel_type(t, c) for c in matrix.index]
    return matrix


def mix(channels: pd.DataFrame, field: str, by: str = "region") -> pd.DataFrame:
    """Counts of channels per `by` and value of `field` (long form, for charts and tables)."""
    if channels.empty:
        return pd.DataFrame(columns=[by, field, "channels"])
    return channels.groupby([by, field]).size().rename("channels").reset_index()


def stage_counts(channels: pd.DataFrame) -> pd.DataFrame:
    """Organisation × policy stage: how many channels reach each stage."""
    rows = [(r.acronym, stage) for r in channels.itertuples() for stage in r.policy_stages]
    df = pd.DataFrame(rows, columns=["acronym", "policy_stage"])
    full = pd.MultiIndex.from_product([sorted(channels.acronym.unique()), catalog.POLICY_STAGES],
                                      names=["acronym", "policy_stage"])
    return df.groupby(["acronym", "policy_stage"]).size().reindex(full, fill_value=0).rename(
        "channels").reset_index()


def established(channels: pd.DataFrame) -> pd.DataFrame:
    """Channels with a known year of establishment, for a timeline."""
    dated = channels[channels.established_year != ""].copy()
    dated["year"] = dated.established_year.astype(int)
    return dated[["year", "acronym", "region", "name", "channel_type", "status"]].sort_values("year")


def open_share(channels: pd.DataFrame, by: str = "region") -> pd.DataFrame:
    """Per `by`: channels, of which open to a national CSO, and the share."""
    grouped = channels.groupby(by).agg(channels=("channel_id", "size"),
                                       open_to_national=("open_national", "sum")).reset_index()
    grouped["share"] = (grouped.open_to_national / grouped.channels).round(3)
    return grouped.sort_values("share", ascending=False).reset_index(drop=True)


def leader(df: pd.DataFrame, by: str, value: str, where: dict[str, str] | None = None) -> str | None:
    """The `by` value with the largest total `value` (optionally among rows matching `where`)."""
    rows = df
    for col, wanted in (where or {}).items():
        rows = rows[rows[col] == wanted]
    totals = rows.groupby(by)[value].sum()
    if totals.empty or totals.max() == 0:
        return None
    return str(totals.idxmax())


def early_warning_models(atlas: Atlas) -> pd.DataFrame:
    """Early-warning channels side by side, one column per CSO role (True/False)."""
    ch = channels_with_rigo(atlas)
    ew = ch[(ch.channel_type == "early_warning_partnership") | ch.themes.map(
        lambda t: "early_warning" in t)].copy()
    for role in catalog.EW_ROLES:
        ew[role] = ew.ew_roles.map(lambda roles, r=role: r in roles)
    cols = ["channel_id", "acronym", "region", "name", "organ", "status", "confidence",
            *catalog.EW_ROLES, "practice_notes", "source_ids", "last_verified"]
    return ew[cols].sort_values(["region", "acronym", "name"]).reset_index(drop=True)


def early_warning_roles(models: pd.DataFrame) -> pd.DataFrame:
    """Organisation × CSO role: how many of its early-warning channels give CSOs that role."""
    long = models.melt(id_vars=["acronym"], value_vars=list(catalog.EW_ROLES), var_name="role",
                       value_name="channels")
    return long.groupby(["acronym", "role"]).channels.sum().reset_index()


def filter_networks(atlas: Atlas, region: str | None, theme: str | None) -> pd.DataFrame:
    nets = atlas.networks
    if region:
        nets = nets[(nets.region == region) | (nets.scope == "global")]
    if theme:
        nets = nets[nets.themes.map(lambda t: theme in t)]
    return nets.reset_index(drop=True)


def network_graph(atlas: Atlas, network_ids: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (networks left, organisations right, evenly spaced) and edges for a two-column graph."""
    links = atlas.network_links[atlas.network_links.network_id.isin(network_ids)]
    names = atlas.networks.set_index("network_id")
    acronyms = atlas.rigos.set_index("rigo_id").acronym
    left = sorted(set(links.network_id), key=lambda n: names.at[n, "acronym"] or names.at[n, "name"])
    right = sorted(set(links.rigo_id), key=lambda r: acronyms[r])
    nodes = pd.DataFrame(
        [{"id": n, "label": names.at[n, "acronym"] or names.at[n, "name"], "side": "network",
          "x": 0.0, "y": float(i)} for i, n in enumerate(left)]
        + [{"id": r, "label": acronyms[r], "side": "organisation", "x": 1.0,
            "y": i * max(1, len(left) - 1) / max(1, len(right) - 1)} for i, r in enumerate(right)])
    if nodes.empty:
        return (pd.DataFrame(columns=["id", "label", "side", "x", "y"]),
                pd.DataFrame(columns=["network", "organisation", "relation", "channel_id", "x", "y",
                                      "x2", "y2"]))
    pos = nodes.set_index("id")
    edges = links.assign(
        network=links.network_id.map(pos.label), organisation=links.rigo_id.map(acronyms),
        x=0.0, y=links.network_id.map(pos.y), x2=1.0, y2=links.rigo_id.map(pos.y))
    return nodes, edges[["network", "organisation", "relation", "channel_id", "x", "y", "x2", "y2"]]


def network_profile(atlas: Atlas, network_id: str) -> tuple[pd.Series, pd.DataFrame, pd.DataFrame]:
    """The network's record, its links (with channel names) and its member networks."""
    net = atlas.networks.set_index("network_id").loc[network_id]
    links = atlas.network_links[atlas.network_links.network_id == network_id].merge(
        atlas.channels[["channel_id", "name"]], on="channel_id", how="left").fillna("")
    children = atlas.networks[atlas.networks.parent_network_id == network_id]
    return net, links, children
