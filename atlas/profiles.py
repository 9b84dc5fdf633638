"""Pure queries behind the country and organisation profiles (no Streamlit)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pycountry

from atlas import i18n
from atlas.eras import held_on
from atlas.queries import BELONGING, open_to_national
from atlas.tables import Atlas


def country_names(atlas: Atlas) -> dict[str, str]:
    """iso3 -> name of every country on the map (use through `atlas.derived`)."""
    return dict(zip(atlas.countries.iso3, atlas.countries.name, strict=True))


def country_name(atlas: Atlas, iso3: str) -> str:
    names = atlas.derived("country_names", country_names)
    if iso3 in names:
        return names[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    return str(getattr(country, "common_name", None) or getattr(country, "name", iso3))


def country_label(atlas: Atlas, iso3: str) -> str:
    """The country's name as pickers show it (no emoji flag: Windows shows two letters, some
    systems boxes, and screen readers would read the name twice)."""
    return country_name(atlas, iso3)


def known_countries(atlas: Atlas) -> list[str]:
    """Codes a user may ask about (on the map or in any membership), in the alphabetical order of
    their names in the reader's language (computed once per dataset and language)."""
    def ordered(a: Atlas) -> list[str]:
        key = i18n.of(a).sort_key
        return sorted(set(a.countries.iso3) | set(a.memberships.iso3),
                      key=lambda c: key(country_name(a, c)))

    return atlas.derived("known_countries", ordered)


def current_memberships(atlas: Atlas, iso3: str, date: dt.date) -> pd.DataFrame:
    """The country's status in each organisation at `date`, with when that status began; `era` is
    "predecessor" where the organisation did not exist yet and its predecessor stood in its place
    (the row is then the predecessor's: show it by the predecessor's name)."""
    held = held_on(atlas, date)
    held = held[held.iso3 == iso3].merge(
        atlas.rigos[["rigo_id", "acronym", "name", "predecessor", "predecessor_until"]],
        on="rigo_id")
    return held.sort_values(["acronym"]).reset_index(drop=True)


def former_memberships(atlas: Atlas, iso3: str, date: dt.date) -> pd.DataFrame:
    """Organisations the country belonged to before `date` but not at `date`, with what was lost."""
    rows = atlas.memberships[(atlas.memberships.iso3 == iso3) & (atlas.memberships.end_date != "")]
    rows = rows[(rows.end_date <= date.isoformat()) & rows.status.isin(BELONGING)]
    still = set(current_memberships(atlas, iso3, date).rigo_id)
    rows = rows[~rows.rigo_id.isin(still)]
    last = rows.sort_values("end_date").groupby("rigo_id").tail(1)
    open_ = atlas.channels[open_to_national(atlas.channels)]
    lost = open_.groupby("rigo_id").name.apply(list)
    out = last.merge(atlas.rigos[["rigo_id", "acronym", "name"]], on="rigo_id")
    out["lost_channels"] = out.rigo_id.map(lambda r: lost.get(r, []))
    return out.sort_values("acronym").reset_index(drop=True)


def summary_sentence(current: pd.DataFrame, open_now: int, open_if: int = 0,
                     t: i18n.Translator | None = None) -> str:
    t = t or i18n.translator()
    n = len(current[current.status.isin(BELONGING)])
    return " ".join((
        t.n("Member of {count} regional organisation.", "Member of {count} regional organisations.",
            n),
        t.n("For a national CSO, {count} channel is open now", "For a national CSO, {count} "
            "channels are open now", open_now),
        t.n("and {count} opens if conditions are met.",
            "and {count} open if conditions are met.", open_if)))


def footprint_of_country(atlas: Atlas, iso3: str, name: str, rigo_ids: list[str],
                         date: dt.date) -> tuple[dict[str, str], dict[str, str]]:
    """Map categories and labels: the country itself, and the countries it shares an organisation
    with at `date` (the predecessor's members where the organisation did not exist yet)."""
    held = held_on(atlas, date)
    shared = held[held.rigo_id.isin(rigo_ids) & held.status.isin(BELONGING)].iso3
    categories = dict.fromkeys(shared, "shares an organisation") | {iso3: "this country"}
    labels = dict.fromkeys(shared, "shares an organisation") | {iso3: name}  # words on the map
    return categories, labels


def networks_for(atlas: Atlas, iso3: str, rigo_ids: list[str]) -> pd.DataFrame:
    """Networks that use a channel of these organisations, or are based in the country."""
    t = i18n.of(atlas)
    links = atlas.network_links[atlas.network_links.rigo_id.isin(rigo_ids)]
    linked = links.merge(atlas.networks, on="network_id", suffixes=("_link", ""))
    local = atlas.networks[(atlas.networks.hq_iso3 == iso3) & ~atlas.networks.network_id.isin(
        linked.network_id)].assign(rigo_id="", relation=t("based here"), channel_id="")
    cols = ["network_id", "name", "acronym", "scope", "hq_city", "rigo_id", "relation",
            "channel_id", "website", "source_ids"]
    both = pd.concat([linked.reindex(columns=cols), local.reindex(columns=cols)], ignore_index=True)
    return both.fillna("").sort_values(["name", "rigo_id"]).reset_index(drop=True)


def rigo_members(atlas: Atlas, rigo_id: str, date: dt.date) -> pd.DataFrame:
    """Every country with a status in the organisation at `date`, or that had one before; before
    the organisation existed, its predecessor's members (`era` says which), or no one."""
    rows = atlas.memberships[atlas.memberships.rigo_id == rigo_id]
    now = held_on(atlas, date, rows)
    day = date.isoformat()
    former = rows[(rows.end_date != "") & (rows.end_date <= day) & ~rows.iso3.isin(now.iso3)]
    former = former.sort_values("end_date").groupby("iso3").tail(1).assign(status="former")
    out = pd.concat([now, former], ignore_index=True)
    out["era"] = out.era.fillna("") if "era" in out else ""
    out["country"] = out.iso3.map(lambda c: country_name(atlas, c))
    return out.sort_values(["status", "country"]).reset_index(drop=True)


def history(atlas: Atlas, rigo_id: str, today: dt.date) -> pd.DataFrame:
    """Status periods since 1990 for a timeline: open starts at 1990, open ends at today; no bar
    starts before the organisation existed (the AU's from 9 July 2002, not the OAU's years)."""
    rows = atlas.memberships[atlas.memberships.rigo_id == rigo_id].copy()
    rows["country"] = rows.iso3.map(lambda c: country_name(atlas, c))
    first = max("1990-01-01", _existed_from(atlas.rigos.set_index("rigo_id").loc[rigo_id]))
    rows["from"] = rows.start_date.where(rows.start_date >= first, first)
    rows["to"] = rows.end_date.where(rows.end_date != "", today.isoformat())
    rows = rows[rows["to"] > rows["from"]]  # a predecessor's period that ended before it existed
    return rows[["country", "iso3", "status", "from", "to", "start_date", "end_date", "note"]]


def _existed_from(rigo: pd.Series) -> str:
    """The first day the organisation existed as itself, as far as the data tells."""
    if rigo.predecessor_until:
        return str(rigo.predecessor_until)
    return f"{rigo.founded_year}-01-01" if str(rigo.founded_year).isdigit() else ""
