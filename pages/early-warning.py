"""Early-warning models side by side: the roles CSOs hold, and the warning-to-response gap."""

import streamlit as st

from atlas import charts, compare, links, load, queries, widgets
from atlas.escape import for_markdown
from atlas.tables import catalog

widgets.require_frame()
atlas = load.atlas()
widgets.as_of_date()
st.title("Early-warning models: who collects, analyses, warns and responds")
st.caption("The 2012 report asked to \"map out existing models of early warning and crucially the "
           "transition to early action\". Here is that map, from the data.")

models = compare.early_warning_models(atlas)
regions = sorted(models.region.unique())
region, bad = links.parse_choice(st.query_params.get("region"), regions, None, "region")
widgets.friendly(bad)
options = [None, *regions]
region = st.selectbox("Region", options, index=options.index(region),
                      format_func=lambda r: "All regions" if r is None else r)
if region:
    st.query_params["region"] = region
    models = models[models.region == region]
else:
    st.query_params.pop("region", None)

roles = compare.early_warning_roles(models)
respond = int(models.response.sum())
title = f"CSOs hold a response role in {respond} of {len(models)} early-warning channels"
widgets.chart(charts.heatmap(roles, "role", "acronym", "channels", title, list(catalog.EW_ROLES)),
              roles, queries.sources_for(atlas, models), atlas.as_of, "early-warning-roles")

st.subheader("The models, side by side")
marks = models.assign(**{r: models[r].map({True: "✔ yes", False: "–"}) for r in catalog.EW_ROLES})
st.table(marks[["acronym", "name", "status", *catalog.EW_ROLES]].rename(columns=lambda c: c.replace(
    "_", " ")))

st.subheader("What the sources say about turning warning into action")
for _, m in models[models.practice_notes != ""].iterrows():
    with st.expander(f"{m.acronym}: {m['name']}"):
        st.markdown(for_markdown(m.practice_notes))
widgets.download_buttons(models, queries.sources_for(atlas, models), atlas.as_of, "early-warning")
widgets.sources_footer(atlas, models)
