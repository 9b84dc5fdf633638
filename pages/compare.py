"""Compare: organisations side by side by channel type, with charts by region, each with its table."""

import streamlit as st

from atlas import compare, glossary, links, load, queries, widgets
from atlas.i18n import N_
from atlas.widgets import urlstate

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
widgets.as_of_date()
st.title(t("Compare engagement channels across regions"), anchor=False)

regions = sorted(atlas.rigos.region.unique())
region, bad = links.parse_choice(st.query_params.get("region"), regions, None, N_("region"))
widgets.friendly(bad)
default = compare.default_selection(atlas, region)
picked, bad = links.parse_list(st.query_params.get("rigos"), atlas.rigos.rigo_id, N_("organisation"))
widgets.friendly(bad)
acronyms = queries.acronyms(atlas)
ids = list(acronyms)
urlstate.seed("compare-rigos", picked or default, "rigos", "region", valid=ids)
picked = st.multiselect(t("Organisations"), ids, key="compare-rigos", format_func=acronyms.get,
                        placeholder=t("Choose organisations"))
st.query_params["rigos"] = ",".join(picked)
st.query_params.pop("region", None)
urlstate.written("compare-rigos", "rigos", "region")

view = load.comparison(picked)  # computed once per selection
overall = load.regions()  # every channel by region: the same for every selection
tab_matrix, tab_charts, tab_time, tab_table = st.tabs(
    [t("Matrix"), t("Charts"), t("Timeline"), t("Table")])

with tab_matrix:
    st.markdown(t("Each cell names the channels of that type; an empty cell means none is recorded."))
    if view.stages is None:
        st.info(t("Pick at least one organisation."))
    else:
        widgets.matrix(view.matrix)
        widgets.chart(view.stages, "stages")

with tab_charts:
    for field, mix in overall.mixes.items():
        widgets.chart(mix, f"mix-{field}")
    lead = overall.early_warning_lead
    if lead:
        st.markdown(t("{region} has the most early-warning partnerships.",
                      region=glossary.label(t, "region", lead)))
    widgets.chart(overall.share, "open-share")

with tab_time:
    widgets.chart(overall.established, "established")

with tab_table:
    st.dataframe(glossary.headed(t, view.table), hide_index=True, width="stretch")
    widgets.offer(view.files, "compare-channels")

widgets.sources_footer(atlas, cited=view.cited)
