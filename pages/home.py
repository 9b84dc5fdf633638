"""Home: the world map of channels open to national CSOs, headline figures and a table."""

import streamlit as st
from streamlit_folium import st_folium

from atlas import exports, load, maps, queries, widgets
from atlas.escape import for_markdown

widgets.require_frame()
atlas = load.atlas()
day = widgets.as_of_date()

st.title("Which regional bodies can your organisation engage, and how?")
st.caption(
    f"Countries are coloured by how many engagement channels of their regional organisations are "
    f"open to a national civil society organisation (CSO), on {day.isoformat()}. "
    "Suspended members count: a suspension bars the government, not civil society."
)

figures = queries.headline_figures(atlas)
cols = st.columns(5)
cols[0].metric("Regional organisations", figures["rigos"])
cols[1].metric("Engagement channels", figures["channels"])
cols[2].metric("CSO networks", figures["networks"])
cols[3].metric("Channels verified", f"{figures['verified_share']:.0%}")
cols[4].metric("Data as of", figures["as_of"])

counts = load.country_channel_counts(day)
# The base map is the same for every date, so it stays mounted; only the small per-date layer
# (colours and tooltip figures) changes when the date does.
base, by_date = maps.choropleth_by_channel_count(counts, atlas.rigos)
st_folium(base, key="world", height=520, use_container_width=True, returned_objects=[],
          feature_group_to_add=by_date)

st.html(maps.legend_html())

with st.expander("The same as a table"):
    table = counts.rename(columns={"name": "Country", "region": "Region", "rigos": "Organisations",
                                   "n_rigos": "Number of organisations",
                                   "n_channels": "Channels open to national CSOs"})
    st.dataframe(table.drop(columns=["iso3"]), hide_index=True, width="stretch")
    sources = load.cited_sources("memberships", "channels")
    # Exports are built when clicked, not at every rerun (the Excel file alone takes ~0.1 s).
    left, right = st.columns(2)
    left.download_button("Download CSV", lambda: exports.csv_bytes(counts, sources, atlas.as_of),
                         file_name="channels-by-country.csv", mime="text/csv",
                         key="csv-channels-by-country")
    right.download_button(
        "Download Excel", lambda: exports.excel_bytes(counts, sources, atlas.as_of),
        file_name="channels-by-country.xlsx", key="xlsx-channels-by-country",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )



@st.cache_data(show_spinner=False)
def sources_markdown(folder: str) -> str:
    """The list of widgets.sources_footer as one Markdown block (computed once per dataset)."""
    return "\n".join(
        f"- **{for_markdown(s.source_id)}**: {for_markdown(s.title)}. {for_markdown(s.publisher)} "
        f"{for_markdown(s.year)}. "
        f"{for_markdown(s.url if s.url.startswith('http') else f'seed document {s.url}')}"
        for s in load.cited_sources("rigos", "memberships", "channels").itertuples())


# The footer of widgets.sources_footer, built only when opened (a lazy expander), its list in
# one Markdown block: ~700 source lines are ~160 KB that every first load would otherwise
# receive and render (about 0.4 s before the map appears) and that every rerun would re-send.
st.divider()
cited = load.cited_sources("rigos", "memberships", "channels")
footer = st.expander(f"Sources of this page ({len(cited)}) · data verified as of {atlas.as_of}",
                     key="home-sources", on_change="rerun")
if footer.open:
    footer.markdown(sources_markdown(str(load.data_dir())))
st.caption(f"Data verified as of {atlas.as_of}. {widgets.LICENCE}")
