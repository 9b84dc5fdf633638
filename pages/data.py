"""Data: browse each published table with search and filters, see each record's sources, download."""

import streamlit as st

from atlas import exports, links, load, queries, widgets
from atlas.i18n import N_
from atlas.tables import catalog
from atlas.widgets import urlstate

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
TABLES = {tb.name: tb for tb in catalog.TABLES}

st.title(t("The data behind the atlas"), anchor=False)
st.markdown(t("Every table the app reads, as published. Each record names its sources and the date "
              "it was last verified. Licence: CC BY 4.0."))

name, problem = links.parse_choice(st.query_params.get("table"), TABLES, "channels", N_("table"))
widgets.friendly(problem and problem.showing(N_("Showing the channels.")))
rigo, problem = links.parse_choice(st.query_params.get("rigo"), atlas.rigos.rigo_id, None,
                                   N_("organisation"))
widgets.friendly(problem and problem.showing(N_("Showing all organisations.")))

left, middle, right = st.columns([2, 3, 2])
name = urlstate.bound(left.selectbox, "table", name, key="data-table", label=t("Table"),
                      options=list(TABLES), valid=list(TABLES))
text = urlstate.bound(middle.text_input, "q", str(st.query_params.get("q", ""))[:100],
                      key="data-q", label=t("Search"), max_chars=100,
                      placeholder=t("e.g. early warning, Kenya, ECOSOCC"))
rigo = urlstate.optional(right.selectbox, "rigo", rigo, key="data-rigo", label=t("Organisation"),
                         options=list(atlas.rigos.rigo_id), everything=t("All"))

df = queries.search_rows(getattr(atlas, name), text, rigo)
st.markdown(t("**{shown}** of {total} rows.", shown=len(df), total=len(getattr(atlas, name))))
picked = st.dataframe(exports.flat(df), hide_index=True, width="stretch",
                      on_select="rerun", selection_mode="single-row", key="rows")

rows = picked.selection.rows if picked else []
if rows:
    record = df.iloc[rows[0]]
    st.subheader(t("Sources of the selected record"), anchor=False)
    widgets.table(queries.record_sources(atlas, record)[["source_id", "title", "year", "url"]])
else:
    st.markdown(t("Select a row to see its sources."))

cited = queries.sources_for(atlas, df) if name != "sources" else df
widgets.download_buttons(df, cited, atlas.as_of, f"engagement-atlas-{name}")
st.download_button(t("Download the whole data package (zip)"), load.data_package_zip(),
                   file_name="engagement-atlas-data.zip", mime="application/zip")
widgets.offline_packs()

widgets.sources_footer(atlas, df if name != "sources" else atlas.channels.iloc[0:0])
