"""Home: the world map of channels open to national CSOs, headline figures and a table."""

import streamlit as st
from streamlit_folium import st_folium

from atlas import load, maps, places, queries, widgets
from atlas.widgets import profile

widgets.require_frame()
atlas = load.atlas()
day = widgets.as_of_date()

st.title("Which regional bodies can your organisation engage, and how?")
st.caption(
    f"Countries are coloured by how many engagement channels of their regional organisations are "
    f"open to a national civil society organisation (CSO), on {day.isoformat()}. "
    "Suspended members count: a suspension bars the government, not civil society."
)

counts = load.country_channel_counts(day)
# The base map is the same for every date, so it stays mounted; only the small per-date layer
# (colours and tooltip figures) changes when the date does. A click reports only its point.
base, by_date = maps.choropleth_by_channel_count(counts, atlas.rigos)
returned = st_folium(base, key="world", height=520, use_container_width=True,
                     returned_objects=list(places.CLICKS), feature_group_to_add=by_date)
st.html(maps.legend_html())

names = dict(zip(counts.iso3, counts.name, strict=True))
profile.follow_map_click(returned, "home-country")
pick, go = st.columns([3, 2], vertical_alignment="bottom")
iso3 = pick.selectbox("Click a country on the map, or choose it here", list(names), index=None,
                      placeholder="Choose a country", format_func=names.get, key="home-country")
if iso3:
    go.page_link("pages/country.py", label=f"Open {names[iso3]}'s profile →",
                 query_params=profile.date_params({"iso3": iso3}, day))

figures = queries.headline_figures(atlas)
cols = st.columns(5)
cols[0].metric("Regional organisations", figures["rigos"])
cols[1].metric("Engagement channels", figures["channels"])
cols[2].metric("CSO networks", figures["networks"])
cols[3].metric("Channels verified", f"{figures['verified_share']:.0%}")
cols[4].metric("Data as of", figures["as_of"])

# Drawn only when opened: the table widget's code is the largest download of the page, and the
# map should not wait for it (see README, Performance).
table = st.expander("The same as a table", key="home-table", on_change="rerun")
if table.open:
    table.dataframe(counts.drop(columns=["iso3"]).rename(columns=queries.COUNT_COLUMNS),
                    hide_index=True, width="stretch")
    with table:
        widgets.download_buttons(counts, load.cited_sources("memberships", "channels"),
                                 atlas.as_of, "channels-by-country")

widgets.sources_footer(atlas, cited=load.cited_sources("rigos", "memberships", "channels"))
