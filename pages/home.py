"""Home: the world map of channels open to national CSOs, headline figures and a table."""

import streamlit as st
from streamlit_folium import st_folium

from atlas import glossary, load, maps, places, queries, widgets
from atlas.escape import for_markdown
from atlas.widgets import context, profile

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
day = widgets.as_of_date()

st.title(t("Which regional bodies can your organisation engage, and how?"), anchor=False)
st.markdown(t(
    "Countries are coloured by how many engagement channels of their regional organisations are "
    "open to a national civil society organisation (CSO), on {date}. Suspended members count: a "
    "suspension bars the government, not civil society.", date=t.date(day)))

widgets.light_link()

counts = load.country_channel_counts(day)
# The picker comes before the map (keyboard and screen-reader users reach it first); it is drawn
# after the map only so that a click on the map can choose its country.
picker = st.container()
# The base map is the same for every date, so it stays mounted; only the small per-date layer
# (colours and tooltip figures) changes when the date does. A click reports only its point.
base, by_date = maps.choropleth_by_channel_count(counts, atlas.rigos, t)
returned = st_folium(base, key=f"world-{t.code}", height=520, use_container_width=True,
                     returned_objects=list(places.CLICKS), feature_group_to_add=by_date)
st.html(maps.legend_html(t))
context.era_notice(atlas, day)  # organisations not yet founded are not counted

names = dict(zip(counts.iso3, counts.name, strict=True))
profile.follow_map_click(returned, "home-country")
pick, go = picker.columns([3, 2], vertical_alignment="bottom")
codes = sorted(names, key=lambda c: t.sort_key(names[c]))
iso3 = pick.selectbox(t("Click a country on the map, or choose it here"), codes, index=None,
                      placeholder=t("Choose a country"), format_func=names.get, key="home-country")
if iso3:
    go.page_link("pages/country.py", label=t("Open {name}'s profile →",
                                             name=for_markdown(names[iso3])),
                 query_params=profile.date_params({"iso3": iso3}, day))

figures = queries.headline_figures(atlas)
cols = st.columns(5)
cols[0].metric(t("Regional organisations"), t.number(figures["rigos"]))
cols[1].metric(t("Engagement channels"), t.number(figures["channels"]))
cols[2].metric(t("CSO networks"), t.number(figures["networks"]))
cols[3].metric(t("Channels verified"), t.percent(figures["verified_share"]))
cols[4].metric(t("Data as of"), t.date(figures["as_of"]))

# Drawn only when opened: the table widget's code is the largest download of the page, and the
# map should not wait for it (see README, Performance).
table = st.expander(t("The same as a table"), key="home-table", on_change="rerun")
if table.open:
    table.dataframe(glossary.headed(t, counts.drop(columns=["iso3"]).rename(
        columns={"name": "country"})), hide_index=True, width="stretch")
    with table:
        widgets.download_buttons(counts, load.cited_sources("memberships", "channels"),
                                 atlas.as_of, "channels-by-country")

widgets.sources_footer(atlas, cited=load.cited_sources("rigos", "memberships", "channels"))
