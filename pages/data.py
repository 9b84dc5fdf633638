"""Data: browse each published table with search and filters, see each record's sources, download."""

import streamlit as st

from atlas import exports, links, load, queries, widgets
from atlas.tables import catalog
from atlas.widgets import urlstate

widgets.require_frame()
atlas = load.atlas()
TABLES = {t.name: t for t in catalog.TABLES}

st.title("The data behind the atlas")
st.caption("Every table the app reads, as published. Each record names its sources and the date "
           "it was last verified. Licence: CC BY 4.0.")

name, problem = links.parse_choice(st.query_params.get("table"), TABLES, "channels", "table")
widgets.friendly(problem and problem + " Showing the channels.")
rigo, problem = links.parse_choice(st.query_params.get("rigo"), atlas.rigos.rigo_id, None,
                                   "organisation")
widgets.friendly(problem and problem + " Showing all organisations.")

left, middle, right = st.columns([2, 3, 2])
name = urlstate.bound(left.selectbox, "table", name, key="data-table", label="Table",
                      options=list(TABLES), valid=list(TABLES))
text = urlstate.bound(middle.text_input, "q", str(st.query_params.get("q", ""))[:100],
                      key="data-q", label="Search", max_chars=100,
                      placeholder="e.g. early warning, Kenya, ECOSOCC")
rigo = urlstate.optional(right.selectbox, "rigo", rigo, key="data-rigo", label="Organisation",
                         options=list(atlas.rigos.rigo_id), everything="All")

df = queries.search_rows(getattr(atlas, name), text, rigo)
st.write(f"**{len(df)}** of {len(getattr(atlas, name))} rows.")
picked = st.dataframe(exports.flat(df), hide_index=True, width="stretch",
                      on_select="rerun", selection_mode="single-row", key="rows")

rows = picked.selection.rows if picked else []
if rows:
    record = df.iloc[rows[0]]
    st.subheader("Sources of the selected record")
    st.table(queries.record_sources(atlas, record)[["source_id", "title", "year", "url"]])
else:
    st.caption("Select a row to see its sources.")

cited = queries.sources_for(atlas, df) if name != "sources" else df
widgets.download_buttons(df, cited, atlas.as_of, f"engagement-atlas-{name}")
st.download_button("Download the whole data package (zip)", load.data_package_zip(),
                   file_name="engagement-atlas-data.zip", mime="application/zip")

widgets.sources_footer(atlas, df if name != "sources" else atlas.channels.iloc[0:0])
