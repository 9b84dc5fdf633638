"""Streamlit pieces for history and context: predecessors on a date, networks in a country, background."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from atlas import eras, glossary, maps, profiles, queries
from atlas.escape import for_html, for_markdown
from atlas.tables import Atlas
from atlas.widgets import suggest_urls, table, translator

NETWORK_COLOUR = "member"  # a footprint colour the legend below names in its own words


def era_notice(atlas: Atlas, day: dt.date, rigo_id: str | None = None) -> None:
    """Say on screen what a date before an organisation existed means: on the home map (all
    organisations) nothing of it is counted; on its own page, its predecessor's members are shown."""
    t = translator()
    absent = eras.not_existing(atlas, day)
    if rigo_id is not None:
        absent = absent[absent.rigo_id == rigo_id]
        for _, r in absent.iterrows():
            st.info(for_markdown(
                t("On {date} the {acronym} did not exist yet. Shown instead: {predecessor}.",
                  date=t.date(day), acronym=r.acronym, predecessor=eras.predecessor_label(t, r))
                if r.era == eras.PREDECESSOR else
                t("On {date} the {acronym} did not exist yet: no one belonged to it.",
                  date=t.date(day), acronym=r.acronym)))
        return
    if len(absent):
        st.caption(for_markdown(t(
            "Not counted on this date, because they did not exist yet: {acronyms}. Where one "
            "replaced an older organisation, the country page names the predecessor.",
            acronyms=", ".join(absent.acronym))))


def members_table(members: pd.DataFrame) -> None:
    """Who belongs, as a table; an empty start date reads "before 2000" (the data's convention)."""
    t = translator()
    start = members.start_date.map(lambda d: t.date(d) if d else t("before 2000"))
    table(members[["country", "status", "start_date", "end_date", "note"]].assign(
        status=members.status.map(glossary.labeller(t, "status")), start_date=start,
        end_date=members.end_date.map(t.date)), suggest=suggest_urls("memberships", members))


def _source_titles(atlas: Atlas, ids: tuple[str, ...]) -> str:
    titles = atlas.sources.set_index("source_id").title
    return translator().data("; ".join(str(titles.get(i, i)) for i in ids))


def networks_here(atlas: Atlas, iso3: str, name: str) -> None:
    """The networks with members or chapters in the country, from their own country lists."""
    t = translator()
    here = queries.networks_in_country(atlas, iso3)
    st.subheader(t("Networks active in this country"), anchor=False)
    listed = atlas.network_countries.network_id.nunique()
    if here.empty:
        st.info(for_markdown(t("None of the networks whose country lists we hold names {name}.",
                               name=name)))
    else:
        table(here[["name", "as_of_year", "note"]].rename(columns={"name": "network"}).assign(
            note=here.note.map(t.data),
            source_ids=here.source_ids.map(lambda ids: _source_titles(atlas, ids))),
            suggest=suggest_urls("network_countries", here.assign(iso3=iso3)))
    st.caption(t.n("Country lists are recorded for {count} network only; a network without one "
                   "may still be active here.",
                   "Country lists are recorded for {count} networks only; a network without one "
                   "may still be active here.", listed))


def network_countries_map(atlas: Atlas, network_ids: list[str], key: str = "network-countries"
                          ) -> None:
    """The countries where the given networks have members or chapters, on an offline map."""
    t = translator()
    rows = atlas.network_countries[atlas.network_countries.network_id.isin(network_ids)]
    st.subheader(t("Countries where these networks have members"), anchor=False)
    if rows.empty:
        st.info(t("No country list is recorded for these networks yet; that does not mean they "
                  "have no members."))
        return
    short = atlas.networks.set_index("network_id")
    short = short.acronym.where(short.acronym != "", short.name)
    named = rows.assign(who=rows.network_id.map(short)).groupby("iso3").who.apply(
        lambda w: ", ".join(sorted(set(w))))
    names = atlas.derived("country_names", profiles.country_names)
    categories = dict.fromkeys(named.index, NETWORK_COLOUR)
    base = maps.footprint_base(t("Map of the countries where these networks have members"))
    st_folium(base, key=key, height=340, use_container_width=True,
              returned_objects=[],
              feature_group_to_add=maps.footprint_layer(names, categories, named.to_dict()))
    st.markdown(f"<span style='color:{maps.STATUS_COLOURS[NETWORK_COLOUR]}'>■</span> "
                + for_html(t.n("{count} country where a network shown has members or chapters "
                               "(hover for which)",
                               "{count} countries where the networks shown have members or "
                               "chapters (hover for which)", len(named))),
                unsafe_allow_html=True)


def background(atlas: Atlas, rigo_id: str) -> None:
    """Background records about the organisation (history, strategies), each with its sources."""
    t = translator()
    rows = atlas.context[atlas.context.rigo_ids.map(lambda ids: rigo_id in ids)]
    if rows.empty:
        return
    with st.expander(t("Background ({count})", count=len(rows))):
        for _, c in rows.sort_values(["year", "title"]).iterrows():
            year = f" ({c.year})" if c.year else ""
            st.markdown(f"**{for_markdown(t.data(c.title))}**{for_markdown(year)}  \n"
                        + for_markdown(t.data(c.text)))
            st.caption(for_markdown(t("Sources: {titles}",
                                      titles=_source_titles(atlas, c.source_ids))))
